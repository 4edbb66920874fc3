/**
 * Downtime by first cause: which component, instance fleet, zone, region or common cause started the
 * incidents, as a share of recorded downtime. A row click points the canvas at what it took down.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { CauseRow } from '../shape';
import { CAUSE_COLORS, CAUSE_KIND_LABEL } from '../shape';
import { formatCount, formatPercent } from '../format';
import { fitText } from './fitText';
import { useWidth } from './useWidth';

const ROW = 26;
const ROW_STACKED = 36;
const STACK_BELOW = 520;
const M = { top: 4, right: 120, bottom: 6, left: 230 };
/** The kind column ("COMMON CAUSE"), then the name column, each cut to its width: they never overlap. */
const KIND_WIDTH = 96;
const GAP = 8;
const FONT_FAMILY = 'Inter, -apple-system, "Segoe UI", "Liberation Sans", Arial, sans-serif';
const LABEL_FONT = `600 12px ${FONT_FAMILY}`;
const KIND_FONT = `700 10px ${FONT_FAMILY}`;
/** The kind is drawn in capitals with 0.04em letter spacing (results.css); measureText adds neither. */
const kindText = (label: string, maxPx: number) => fitText(label.toUpperCase(), maxPx - label.length * 0.4, KIND_FONT, 10);

export function CauseChart(props: { rows: CauseRow[]; selected: string | null; onSelect: (row: CauseRow) => void }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  if (width === null) return <div ref={ref} className="chart chart-measuring" />;
  const { rows } = props;
  if (rows.length === 0) {
    return (
      <div ref={ref} className="chart chart-empty">
        No downtime recorded.
      </div>
    );
  }
  // A narrow panel puts the kind above the name instead of beside it, so the name keeps its room.
  const stacked = width < STACK_BELOW;
  const rowHeight = stacked ? ROW_STACKED : ROW;
  const height = M.top + M.bottom + rows.length * rowHeight;
  const left = stacked ? Math.min(M.left, Math.max(150, Math.round(width * 0.45))) : M.left;
  const labelWidth = stacked ? left - 2 * GAP : left - KIND_WIDTH - 2 * GAP;
  const kindWidth = stacked ? left - 2 * GAP : KIND_WIDTH - 4;
  const x = scaleLinear().domain([0, Math.max(...rows.map((r) => r.share))]).range([0, Math.max(40, width - left - M.right)]);
  const y = scaleBand<string>().domain(rows.map((r) => `${r.kind}:${r.id}`)).range([M.top, height - M.bottom]).padding(0.28);
  return (
    <div ref={ref} className="chart" data-chart="causes">
      <svg width={width} height={height} role="img" aria-label="Downtime by first cause">
        {rows.map((r) => {
          const key = `${r.kind}:${r.id}`;
          const top = y(key) ?? 0;
          const on = props.selected === key;
          return (
            <g
              key={key}
              className={`cause-row${on ? ' is-selected' : ''}${r.other ? ' is-other' : ''}`}
              data-testid={r.other ? undefined : `cause-${r.kind}-${r.id}`}
              onClick={r.other ? undefined : () => props.onSelect(r)}
              // Reachable from the keyboard like a button: Tab to it, Enter or Space to show it.
              tabIndex={r.other ? undefined : 0}
              role={r.other ? undefined : 'button'}
              aria-pressed={r.other ? undefined : on}
              onKeyDown={
                r.other
                  ? undefined
                  : (e) => {
                      if (e.key !== 'Enter' && e.key !== ' ') return;
                      e.preventDefault();
                      props.onSelect(r);
                    }
              }
              style={{ '--cause': r.other ? '#94a3b8' : CAUSE_COLORS[r.kind] } as React.CSSProperties}
            >
              <title>{`${r.other ? '' : `${CAUSE_KIND_LABEL[r.kind]}: `}${r.label} — ${formatPercent(r.share, 1)} of downtime, ${formatCount(r.incidents)} incidents`}</title>
              <rect className="hit" x={0} width={width} y={top - 3} height={y.bandwidth() + 6} />
              <text
                className="cause-kind"
                x={stacked ? left - GAP : 8}
                y={top + y.bandwidth() / 2 - (stacked ? 8 : 0)}
                dy="0.35em"
                textAnchor={stacked ? 'end' : 'start'}
              >
                {r.other ? '' : kindText(CAUSE_KIND_LABEL[r.kind], kindWidth)}
              </text>
              <text className="cause-label" x={left - GAP} y={top + y.bandwidth() / 2 + (stacked && !r.other ? 6 : 0)} dy="0.35em" textAnchor="end">
                {fitText(r.label, r.other ? left - 2 * GAP : labelWidth, LABEL_FONT, 12)}
              </text>
              <rect className="bar" x={left} y={top} width={Math.max(2, x(r.share))} height={y.bandwidth()} rx={2} />
              <text className="cause-value" x={left + Math.max(2, x(r.share)) + 6} y={top + y.bandwidth() / 2} dy="0.35em">
                {formatPercent(r.share, 1)} · {formatCount(r.incidents)} inc.
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
