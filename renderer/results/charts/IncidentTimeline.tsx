/**
 * One replication's incidents over the horizon: x is when it started, the stem's height its length
 * (log scale), the colour its first cause's kind. Clicking an incident points the canvas at the
 * components its cause took down.
 */
import { scaleLinear, scaleLog } from 'd3';
import type { TimelineMark } from '../shape';
import { CAUSE_COLORS, durationTicks } from '../shape';
import { formatDuration, formatDurationTick, formatRequests } from '../format';
import { Axis } from './Axis';
import { useWidth } from './useWidth';

const HEIGHT = 200;
const M = { top: 12, right: 16, bottom: 30, left: 52 };

export function IncidentTimeline(props: {
  marks: TimelineMark[];
  horizonYears: number;
  selected: number | null;
  labelOf: (m: TimelineMark) => string;
  onSelect: (m: TimelineMark) => void;
}) {
  const [ref, width] = useWidth<HTMLDivElement>(800);
  if (width === null) return <div ref={ref} className="chart chart-measuring" />;
  const { marks } = props;
  if (marks.length === 0) {
    return (
      <div ref={ref} className="chart chart-empty">
        No incidents in the first replication.
      </div>
    );
  }
  const x = scaleLinear().domain([0, props.horizonYears]).range([M.left, width - M.right]);
  let lo = Math.min(...marks.map((m) => m.seconds));
  let hi = Math.max(...marks.map((m) => m.seconds));
  if (hi / lo < 10) {
    lo /= 3;
    hi *= 3;
  }
  const y = scaleLog().domain([lo / 1.5, hi * 1.5]).range([HEIGHT - M.bottom, M.top]);
  const base = HEIGHT - M.bottom;
  return (
    <div ref={ref} className="chart" data-chart="timeline">
      <svg width={width} height={HEIGHT} role="img" aria-label="Incident timeline of the first replication">
        <Axis scale={y} side="left" x={M.left} tickValues={durationTicks(y.domain() as [number, number], 5)} format={formatDurationTick} grid={width - M.left - M.right} />
        <Axis scale={x} side="bottom" y={base} ticks={Math.min(10, Math.ceil(props.horizonYears))} format={(d) => `year ${+Number(d).toFixed(1)}`} />
        {marks.map((m) => {
          const cx = x(m.startHours / 8760);
          const cy = y(m.seconds);
          const on = props.selected === m.index;
          return (
            <g
              key={m.index}
              className={`incident${on ? ' is-selected' : ''}`}
              data-testid={`incident-${m.index}`}
              onClick={() => props.onSelect(m)}
              // Reachable from the keyboard like a button: Tab to it, Enter or Space to show it.
              tabIndex={0}
              role="button"
              aria-pressed={on}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                props.onSelect(m);
              }}
              style={{ '--cause': CAUSE_COLORS[m.causeKind] } as React.CSSProperties}
            >
              <line x1={cx} x2={cx} y1={base} y2={cy} />
              <circle cx={cx} cy={cy} r={on ? 6 : 4} />
              <rect className="hit" x={cx - 5} width={10} y={cy - 6} height={base - cy + 6} />
              <title>
                {`${props.labelOf(m)} · started at ${(m.startHours / 8760).toFixed(2)} y (${m.startHours.toFixed(0)} h) · ${m.open ? 'still open at the horizon' : formatDuration(m.seconds)} · ${formatRequests(m.lostRequests)} requests lost`}
              </title>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
