/**
 * The tornado (d3 scales): one row per parameter, largest swing first, a bar from the base (0) to
 * the change at the low end of its range and one to the change at the high end, side by side in
 * the row so ends on the same side of 0 do not hide each other.
 */
import { scaleLinear } from 'd3';
import { Axis } from '../results/charts/Axis';
import { useWidth } from '../results/charts/useWidth';
import type { TornadoBar } from './sensitivityShape';
import { tornadoDomain } from './sensitivityShape';

const ROW = 26;
const LABEL = 250;
// Room beside the bars for their values: a bar reaching the left edge writes its value before it.
const M = { top: 8, right: 84, bottom: 34, left: LABEL + 84 };

export function TornadoChart({ bars, axisLabel, tick }: { bars: TornadoBar[]; axisLabel: string; tick: (v: number) => string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  if (width === null) return <div ref={ref} className="chart chart-measuring" />;
  const h = M.top + bars.length * ROW + M.bottom;
  const x = scaleLinear().domain(tornadoDomain(bars)).nice().range([M.left, Math.max(M.left + 80, width - M.right)]);
  const zero = x(0);
  const bar = (v: number | null, y: number, cls: string, text: string, testId: string) => {
    if (v === null) return <text className="tornado-value" x={zero + 4} y={y + 5} dy="0.35em" data-testid={testId} data-value="">n/a</text>;
    const end = x(v);
    const left = Math.min(zero, end);
    return (
      <g data-testid={testId} data-value={v}>
        <rect className={`tornado-bar ${cls}`} x={left} y={y} width={Math.max(1, Math.abs(end - zero))} height={10} rx={1.5} />
        <text className="tornado-value" x={v < 0 ? left - 4 : left + Math.max(1, Math.abs(end - zero)) + 4} y={y + 5} dy="0.35em" textAnchor={v < 0 ? 'end' : 'start'}>
          {text}
        </text>
      </g>
    );
  };
  return (
    <div ref={ref} className="chart" data-chart="tornado" data-testid="tornado-chart">
      <svg width={width} height={h} role="img" aria-label={`Tornado: ${axisLabel} at the low and high end of each parameter's range`}>
        <Axis scale={x} side="bottom" y={h - M.bottom} ticks={6} format={(v) => tick(Number(v))} grid={h - M.top - M.bottom} />
        <line className="tornado-zero" x1={zero} x2={zero} y1={M.top} y2={h - M.bottom} />
        <text className="cost-bar-axis" x={width - M.right} y={h - 4} textAnchor="end">{axisLabel} →</text>
        {bars.map((b, i) => {
          const y = M.top + i * ROW;
          return (
            <g key={b.id} className="tornado-row" data-testid={`tornado-row-${b.id}`}>
              <title>{`${b.label}: ${b.settings}\nlow end ${b.lowText} · high end ${b.highText}${b.notSignificant ? '\nneither end differs measurably from the base (both paired intervals include 0)' : ''}`}</title>
              <text className="tornado-label" x={LABEL} y={y + ROW / 2 - 1} dy="0.35em" textAnchor="end">
                {b.label.length > 38 ? `${b.label.slice(0, 37)}…` : b.label}
                {b.notSignificant ? ' (n.s.)' : ''}
              </text>
              {bar(b.low, y + 2, 'is-low', b.lowText, `tornado-low-${b.id}`)}
              {bar(b.high, y + 13, 'is-high', b.highText, `tornado-high-${b.id}`)}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
