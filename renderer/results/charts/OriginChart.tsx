/** Availability seen from each client region (byOrigin), on the same nines scale as the headline. */
import { scaleBand, scaleLinear } from 'd3';
import type { SimulationResult } from '../../../sim/engine/monteCarlo';
import { formatPercent, formatRequests, nines } from '../format';
import { ninesDomain } from '../shape';
import { Axis } from './Axis';
import { useWidth } from './useWidth';

const ROW = 30;
const M = { top: 6, right: 150, bottom: 26, left: 120 };

export function OriginChart({ origins, target, labelOf }: { origins: SimulationResult['byOrigin']; target: number | undefined; labelOf: (origin: string) => string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  if (width === null) return <div ref={ref} className="chart chart-measuring" />;
  if (origins.length === 0) {
    return (
      <div ref={ref} className="chart chart-empty">
        No client origins.
      </div>
    );
  }
  const height = M.top + M.bottom + origins.length * ROW;
  const domain = ninesDomain([...origins.map((o) => o.availability), target]);
  const x = scaleLinear().domain([domain[0], domain[1]]).range([M.left, width - M.right]);
  const y = scaleBand<string>().domain(origins.map((o) => o.origin)).range([M.top, height - M.bottom]).padding(0.3);
  const ticks: number[] = [];
  for (let n = Math.ceil(domain[0]); n <= domain[1]; n++) ticks.push(n);
  return (
    <div ref={ref} className="chart" data-chart="origins">
      <svg width={width} height={height} role="img" aria-label="Availability by client region">
        <Axis scale={x} side="bottom" y={height - M.bottom} tickValues={ticks} format={(n) => `${n} nines`} grid={height - M.top - M.bottom} />
        {target !== undefined && <line className="mark-objective-line" x1={x(nines(target))} x2={x(nines(target))} y1={M.top} y2={height - M.bottom} />}
        {origins.map((o) => {
          const top = y(o.origin) ?? 0;
          const n = Math.min(domain[1], nines(o.availability));
          const met = target === undefined || o.availability >= target;
          return (
            <g key={o.origin} className={`origin-row ${met ? 'is-met' : 'is-missed'}`} data-testid={`origin-${o.origin || 'anywhere'}`}>
              <text className="row-label" x={M.left - 8} y={top + y.bandwidth() / 2} dy="0.35em" textAnchor="end">
                {labelOf(o.origin)}
              </text>
              <rect className="bar" x={x(domain[0])} width={Math.max(2, x(n) - x(domain[0]))} y={top} height={y.bandwidth()} rx={2} />
              <text className="value-label" x={width - M.right + 8} y={top + y.bandwidth() / 2} dy="0.35em">
                {formatPercent(o.availability, 4)} · {formatRequests(o.lostRequestsPerYear)} lost/yr
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
