/**
 * Load per instance under each algorithm: a bar for the share of requests it was sent and a tick
 * for how busy it was (utilisation), one row per instance, one bar per algorithm.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { LabAlgorithmResult, TrafficLabReport } from '../../sim/traffic-lab';
import { Axis } from '../results/charts/Axis';
import { useWidth } from '../results/charts/useWidth';

const M = { top: 8, right: 16, bottom: 28, left: 70 };
const BAR = 7;

export function InstanceLoadChart({ results, instances }: { results: LabAlgorithmResult[]; instances: TrafficLabReport['settings']['instances'] }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  if (width === null) return <div ref={ref} className="chart chart-measuring" />;
  const rowHeight = results.length * (BAR + 2) + 10;
  const height = M.top + M.bottom + instances.length * rowHeight;
  const y = scaleBand<string>()
    .domain(instances.map((i) => i.id))
    .range([M.top, height - M.bottom]);
  const maxShare = Math.max(...results.flatMap((r) => r.instances.map((i) => Math.max(i.requestShare, i.utilisation))), 0.05);
  const x = scaleLinear()
    .domain([0, Math.min(1, maxShare * 1.1)])
    .nice()
    .range([M.left, width - M.right]);
  return (
    <div ref={ref} className="chart" data-chart="traffic-instances">
      <svg width={width} height={height} role="img" aria-label="Share of requests and utilisation per instance">
        <Axis scale={x} side="bottom" y={height - M.bottom} ticks={5} format={(d) => `${Math.round(Number(d) * 100)}%`} grid={height - M.top - M.bottom} />
        {instances.map((inst, k) => (
          <g key={inst.id} transform={`translate(0,${y(inst.id)!})`}>
            <text className="traffic-row-label" x={M.left - 6} y={rowHeight / 2} textAnchor="end" dominantBaseline="middle">
              {inst.id}
              {inst.speed !== 1 ? ` ×${inst.speed}` : ''}
            </text>
            {results.map((r, a) => {
              const row = r.instances[k]!;
              const top = 5 + a * (BAR + 2);
              return (
                <g key={r.algorithm} className={`traffic-bar alg-${r.algorithm}`}>
                  <rect x={M.left} y={top} width={Math.max(0, x(row.requestShare) - M.left)} height={BAR}>
                    <title>
                      {r.algorithm}: {(row.requestShare * 100).toFixed(1)} % of requests, {(row.utilisation * 100).toFixed(0)} % busy
                    </title>
                  </rect>
                  <line x1={x(Math.min(row.utilisation, x.domain()[1]!))} x2={x(Math.min(row.utilisation, x.domain()[1]!))} y1={top - 1} y2={top + BAR + 1} />
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </div>
  );
}
