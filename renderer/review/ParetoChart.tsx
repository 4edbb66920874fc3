/**
 * Cost vs availability of the compared designs (d3 scales): monthly cost across, nines up, the
 * Pareto front (no design both cheaper and more available) joined by a dashed line. Click a point
 * to pick that design.
 */
import { extent, scaleLinear } from 'd3';
import { Axis } from '../results/charts/Axis';
import { useWidth } from '../results/charts/useWidth';
import { formatPercent } from '../results/format';
import { formatUsd } from './costShape';
import { NINES_CAP, type ParetoPoint } from './variantShape';

const M = { top: 14, right: 24, bottom: 34, left: 62 };
const H = 260;

function padded([lo, hi]: [number, number], share: number, floor = -Infinity): [number, number] {
  const span = hi - lo || Math.max(Math.abs(hi), 1) * 0.2;
  return [Math.max(floor, lo - span * share), hi + span * share];
}

export function ParetoChart({ points, front, selected, onSelect }: { points: ParetoPoint[]; front: ParetoPoint[]; selected: string | null; onSelect: (label: string) => void }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  if (width === null) return <div ref={ref} className="chart chart-measuring" />;
  const costs = extent(points, (p) => p.cost) as [number, number];
  const n = extent(points, (p) => p.nines) as [number, number];
  const x = scaleLinear().domain(padded(costs, 0.12, 0)).nice().range([M.left, width - M.right]);
  const y = scaleLinear().domain(padded(n, 0.15, 0)).nice().range([H - M.bottom, M.top]);
  // Designs at the same spot get their labels stacked, not printed over each other.
  const seen = new Map<string, number>();
  const stack = points.map((p) => {
    const key = `${Math.round(x(p.cost))},${Math.round(y(p.nines))}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    return k;
  });
  const line = front.map((p) => `${x(p.cost)},${y(p.nines)}`).join(' ');
  return (
    <div ref={ref} className="chart" data-chart="pareto" data-testid="pareto-chart">
      <svg width={width} height={H} role="img" aria-label="Monthly cost against availability, with the Pareto front">
        <Axis scale={x} side="bottom" y={H - M.bottom} format={(v) => formatUsd(Number(v))} grid={H - M.top - M.bottom} />
        <Axis scale={y} side="left" x={M.left} format={(v) => y.tickFormat(5)(v)} grid={width - M.left - M.right} />
        <text className="cost-bar-axis" x={width - M.right} y={H - 4} textAnchor="end">monthly cost (infrastructure + operations) →</text>
        <text className="cost-bar-axis" x={4} y={M.top - 4}>nines ↑</text>
        {front.length > 1 && <polyline className="pareto-line" points={line} data-testid="pareto-front" />}
        {points.map((p, i) => (
          <g key={p.label} className="pareto-mark" data-testid={`pareto-point-${p.label}`} data-pareto={p.pareto} onClick={() => onSelect(p.label)} style={{ cursor: 'pointer' }}>
            <circle className={`pareto-point ${p.pareto ? 'is-front' : 'is-dominated'}`} cx={x(p.cost)} cy={y(p.nines)} r={selected === p.label ? 8 : 6} />
            <text className="pareto-label" x={x(p.cost) + 10} y={y(p.nines) + 14 * stack[i]!} dy="0.35em" textAnchor={x(p.cost) > width - 160 ? 'end' : 'start'} dx={x(p.cost) > width - 160 ? -20 : 0}>
              {p.label.length > 28 ? `${p.label.slice(0, 27)}…` : p.label}
            </text>
            <title>{`${p.label}\n${formatUsd(p.cost)}/month · availability ${formatPercent(p.availability)}${p.nines >= NINES_CAP ? ` (no downtime in the run: drawn at ${NINES_CAP} nines)` : ''}${p.pareto ? '\non the Pareto front' : '\ndominated: another design is cheaper and at least as available'}`}</title>
          </g>
        ))}
      </svg>
    </div>
  );
}
