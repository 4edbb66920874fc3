/**
 * Availability on a "nines" scale (−log10 of unavailability): each measure's 95 % interval as a bar,
 * its mean as a dot, the objective as a dashed line. Equal distances are equal factors of downtime.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { SimulationResult } from '../../../sim/engine/monteCarlo';
import { formatPercent, nines } from '../format';
import { ninesDomain } from '../shape';
import { Axis } from './Axis';
import { useWidth } from './useWidth';

const HEIGHT = 150;
const M = { top: 14, right: 18, bottom: 28, left: 112 };

function ninesLabel(n: number): string {
  const a = 1 - 10 ** -n;
  const digits = Math.max(0, Math.ceil(n) - 2);
  return `${(100 * a).toFixed(digits)}%`;
}

export function AvailabilityChart({ result, target }: { result: SimulationResult; target: number | undefined }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  if (width === null) return <div ref={ref} className="chart chart-measuring" />;
  const rows = [
    { key: 'Requests served', m: result.availability.requestWeighted },
    { key: 'Time up', m: result.availability.timeWeighted },
  ];
  const domain = ninesDomain([...rows.flatMap((r) => [r.m.mean, ...(r.m.ci95 ?? [])]), target]);
  const x = scaleLinear().domain(domain).range([M.left, width - M.right]);
  const y = scaleBand<string>().domain(rows.map((r) => r.key)).range([M.top, HEIGHT - M.bottom]).padding(0.35);
  const tickValues: number[] = [];
  for (let n = Math.ceil(domain[0] * 2) / 2; n <= domain[1] + 1e-9; n += 0.5) tickValues.push(n);
  const clampN = (a: number) => Math.min(domain[1], nines(a));
  return (
    <div ref={ref} className="chart" data-chart="availability">
      <svg width={width} height={HEIGHT} role="img" aria-label="Availability with 95 % confidence intervals on a nines scale">
        <Axis scale={x} side="bottom" y={HEIGHT - M.bottom} tickValues={tickValues} format={ninesLabel} grid={HEIGHT - M.top - M.bottom} />
        {target !== undefined && (
          <g className="mark-objective">
            <line x1={x(nines(target))} x2={x(nines(target))} y1={M.top - 6} y2={HEIGHT - M.bottom} />
            <text x={x(nines(target)) + 4} y={M.top + 2}>
              objective {formatPercent(target, 2)}
            </text>
          </g>
        )}
        {rows.map((r) => {
          const cy = (y(r.key) ?? 0) + y.bandwidth() / 2;
          const [lo, hi] = r.m.ci95 ?? [r.m.mean, r.m.mean];
          const met = target === undefined || r.m.mean >= target;
          return (
            <g key={r.key} className={`avail-row ${met ? 'is-met' : 'is-missed'}`}>
              <text className="row-label" x={M.left - 10} y={cy} dy="0.35em" textAnchor="end">
                {r.key}
              </text>
              <rect className="ci" x={x(clampN(lo))} width={Math.max(2, x(clampN(hi)) - x(clampN(lo)))} y={cy - 7} height={14} rx={3} />
              <circle className="mean" cx={x(clampN(r.m.mean))} cy={cy} r={5} />
              <text className="value-label" x={x(clampN(r.m.mean))} y={cy - 12} textAnchor="middle">
                {formatPercent(r.m.mean, 3)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
