/**
 * Latency distributions of the three algorithms as CDFs on a log time axis (from the lab's
 * quantile curve), the plan's algorithm drawn thicker, p99 marked on each curve.
 */
import { line, scaleLinear, scaleLog } from 'd3';
import { QUANTILE_LEVELS, formatSeconds, type LabAlgorithm, type LabAlgorithmResult } from '../../sim/traffic-lab';
import { Axis } from '../results/charts/Axis';
import { useWidth } from '../results/charts/useWidth';

const HEIGHT = 220;
const M = { top: 14, right: 16, bottom: 30, left: 44 };

export function LatencyChart({ results, planAlgorithm, allUp }: { results: LabAlgorithmResult[]; planAlgorithm: LabAlgorithm; allUp: boolean }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  if (width === null) return <div ref={ref} className="chart chart-measuring" />;
  const curve = (r: LabAlgorithmResult) => (allUp ? r.steadyLatencyQuantiles : r.latencyQuantiles);
  const values = results.flatMap((r) => curve(r).filter((v) => Number.isFinite(v) && v > 0));
  if (values.length === 0) {
    return (
      <div ref={ref} className="chart chart-empty">
        No request was served.
      </div>
    );
  }
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = scaleLog()
    .domain([lo * 0.9, Math.max(hi * 1.1, lo * 2)])
    .range([M.left, width - M.right]);
  const y = scaleLinear().domain([0, 1]).range([HEIGHT - M.bottom, M.top]);
  // Log ticks crowd at each decade's end: keep only those at least 64 px from the last kept one.
  const ticks: number[] = [];
  for (const t of x.ticks(12)) if (ticks.length === 0 || x(t) - x(ticks[ticks.length - 1]!) >= 64) ticks.push(t);
  return (
    <div ref={ref} className="chart" data-chart="traffic-latency" data-range={allUp ? 'all-up' : 'whole-run'}>
      <svg width={width} height={HEIGHT} role="img" aria-label="Latency distributions by algorithm">
        <Axis scale={y} side="left" x={M.left} ticks={4} format={(d) => `${Math.round(Number(d) * 100)}%`} grid={width - M.left - M.right} />
        <Axis scale={x} side="bottom" y={HEIGHT - M.bottom} tickValues={ticks} format={(d) => formatSeconds(Number(d))} />
        {results.map((r) => {
          const points = curve(r).map((v, i) => [v, QUANTILE_LEVELS[i]!] as [number, number]).filter(([v]) => Number.isFinite(v) && v > 0);
          const path = line<[number, number]>()
            .x((d) => x(d[0]))
            .y((d) => y(d[1]))(points);
          const p99 = curve(r)[98]!;
          return (
            <g key={r.algorithm} className={`traffic-curve alg-${r.algorithm}${r.algorithm === planAlgorithm ? ' is-plan' : ''}`}>
              <path d={path ?? ''} />
              {Number.isFinite(p99) && p99 > 0 && <circle cx={x(p99)} cy={y(0.99)} r={3.5} />}
            </g>
          );
        })}
        <text className="axis-note" x={width - M.right} y={y(0.99) - 6} textAnchor="end">
          p99
        </text>
      </svg>
    </div>
  );
}
