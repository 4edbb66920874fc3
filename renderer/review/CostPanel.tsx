/**
 * The Cost panel: monthly cost against the budget, operations effort, expected downtime cost and
 * TCO, a stacked bar of where the money goes, and every line by node with its price's source and
 * date on hover. Recomputed on each plan edit (a price override in the inspector shows at once);
 * the downtime cost says which run's availability it uses.
 */
import { scaleLinear } from 'd3';
import { useMemo, useState } from 'react';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { selectRecords } from '../store/selectors';
import { useWidth } from '../results/charts/useWidth';
import { formatPercent } from '../results/format';
import { costGroups, costSegments, formatUsd, lineTooltip, type CostSegment } from './costShape';
import { useCostReport } from './useCostReport';

const SEGMENT_FILL: Record<CostSegment['kind'], string> = { infrastructure: 'var(--chart-bar)', operations: 'var(--plot)', downtime: 'var(--chart-objective)' };

function CostBar({ segments, budget }: { segments: CostSegment[]; budget: number | null }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  if (width === null) return <div ref={ref} className="chart chart-measuring" />;
  const total = segments.reduce((s, x) => s + x.usdPerMonth, 0);
  const max = Math.max(total, budget ?? 0, 1);
  const x = scaleLinear().domain([0, max]).range([0, width - 2]);
  const H = 26;
  return (
    <div ref={ref} className="chart" data-chart="cost-bar" data-testid="cost-bar">
      <svg width={width} height={H + 22} role="img" aria-label="Total cost of ownership by part">
        {segments.map((s, i) => (
          <rect key={s.key} x={x(s.start) + 1} y={2} width={Math.max(1, x(s.usdPerMonth))} height={H} fill={SEGMENT_FILL[s.kind]} opacity={s.kind === 'infrastructure' ? 1 - 0.45 * (i / Math.max(1, segments.length)) : 0.9} stroke="var(--panel)" data-testid={`cost-segment-${s.key}`}>
            <title>{`${s.label}: ${formatUsd(s.usdPerMonth)}/month (${formatPercent(s.usdPerMonth / Math.max(total, 1e-9), 1)})`}</title>
          </rect>
        ))}
        {segments.map((s) => (x(s.usdPerMonth) > 70 ? (
           <text key={`${s.key}-t`} className={`cost-bar-label is-${s.kind}`} x={x(s.start) + 6} y={2 + H / 2} dy="0.35em">
            {s.label.length > 18 ? `${s.label.slice(0, 17)}…` : s.label}
          </text>
        ) : null))}
        {budget !== null && (
          <g className="cost-budget-mark">
            <line x1={x(budget) + 1} x2={x(budget) + 1} y1={0} y2={H + 6} stroke="var(--chart-objective)" strokeDasharray="3 2" strokeWidth={2} />
            <text x={Math.min(x(budget) + 1, width - 4)} y={H + 18} textAnchor={x(budget) > width - 80 ? 'end' : 'middle'} className="cost-bar-axis">budget {formatUsd(budget)}</text>
          </g>
        )}
        <text x={1} y={H + 18} className="cost-bar-axis">$0</text>
      </svg>
    </div>
  );
}

export function CostPanel() {
  const state = useCostReport();
  const store = useEditorStoreApi();
  const records = useEditor(selectRecords);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const { groups, segments } = useMemo(() => {
    const nameOf = (id: string) => (records.nodes[id] as { name?: string } | undefined)?.name ?? id;
    return state.ok ? { groups: costGroups(state.report, nameOf), segments: costSegments(state.report, nameOf) } : { groups: [], segments: [] };
  }, [state, records]);
  if (!state.ok) {
    return (
      <div className="review-panel" data-testid="cost-panel">
        <div className="run-error" role="alert">
          <b>{state.message}</b>
          {state.details.length > 0 && <ul>{state.details.map((d) => <li key={d}>{d}</li>)}</ul>}
        </div>
      </div>
    );
  }
  const r = state.report;
  const toggle = (key: string) => setOpen((s) => {
    const next = new Set(s);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  });
  return (
    <div className="review-panel" data-testid="cost-panel">
      <div className="kpis">
        <div className={`kpi${r.budget ? (r.budget.met ? ' is-ok' : ' is-bad') : ''}`}>
          <div className="kpi-label">Monthly cost</div>
          <div className="kpi-value" data-testid="cost-monthly">{formatUsd(r.monthlyUsd)}</div>
          <div className="kpi-sub" data-testid="cost-budget">{r.budget ? `${r.budget.met ? 'within' : 'over'} the ${formatUsd(r.budget.limitUsdPerMonth)} budget (${formatPercent(r.monthlyUsd / r.budget.limitUsdPerMonth, 0)})` : 'no budget set (objectives.monthlyBudgetUsd)'}</div>
        </div>
        <div className="kpi">
          <div className="kpi-label">Infrastructure</div>
          <div className="kpi-value" data-testid="cost-infrastructure">{formatUsd(r.infrastructureUsdPerMonth)}</div>
          <div className="kpi-sub">{r.pricedRegion} list prices, catalog {r.catalogAsOf}</div>
        </div>
        <div className="kpi">
          <div className="kpi-label">Operations effort</div>
          <div className="kpi-value" data-testid="cost-operations">{formatUsd(r.operationsUsdPerMonth)}</div>
          <div className="kpi-sub">+ {formatUsd(r.oneOffEngineeringUsd)} one-off engineering</div>
        </div>
        <div className="kpi">
          <div className="kpi-label">Expected downtime</div>
          <div className="kpi-value" data-testid="cost-downtime">{r.downtime ? formatUsd(r.downtime.usdPerMonth) : '—'}</div>
          <div className="kpi-sub" data-testid="cost-downtime-source" title={state.downtime?.describe}>
            {r.downtime ? `${r.downtime.minutesPerMonth.toFixed(1)} min/month × ${formatUsd(r.downtime.usdPerMinute)}/min` : state.downtime ? 'set objectives.downtimeCostUsdPerMinute' : 'needs a run: press Run'}
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">TCO per month</div>
          <div className="kpi-value" data-testid="cost-tco">{formatUsd(r.tcoUsdPerMonth)}</div>
          <div className="kpi-sub">infrastructure + operations + downtime</div>
        </div>
        <div className="kpi">
          <div className="kpi-label">Per year</div>
          <div className="kpi-value">{formatUsd(12 * r.tcoUsdPerMonth)}</div>
          <div className="kpi-sub">TCO × 12</div>
        </div>
      </div>
      {state.downtime && (
        <p className={`review-note${state.downtime.stale ? ' is-stale' : ''}`} data-testid="cost-downtime-run">
          Downtime cost uses the request-weighted availability {formatPercent(state.downtime.availability)} of {state.downtime.describe}.
        </p>
      )}
      <section className="result-panel">
        <header>
          <h3>Where the money goes</h3>
          <span className="panel-note">
            <span className="legend-swatch" style={{ background: SEGMENT_FILL.infrastructure }} /> infrastructure by node · <span className="legend-swatch" style={{ background: SEGMENT_FILL.operations }} /> operations · <span className="legend-swatch" style={{ background: SEGMENT_FILL.downtime }} /> expected downtime
          </span>
        </header>
        <CostBar segments={segments} budget={r.budget?.limitUsdPerMonth ?? null} />
      </section>
      {r.warnings.length > 0 && (
        <ul className="review-warnings" data-testid="cost-warnings">
          {r.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
      <section className="result-panel">
        <header>
          <h3>Itemised</h3>
          <span className="panel-note">hover a line for its price’s source and date · click a node to show it on the canvas · override prices in the inspector (nothing selected → Cost)</span>
        </header>
        <table className="review-table cost-table" data-testid="cost-lines">
          <thead>
            <tr><th>Node / line</th><th className="num">Quantity</th><th className="num">Unit price</th><th className="num">USD/month</th><th>Source, date</th></tr>
          </thead>
          <tbody>
            {groups.map((g) => {
              const key = g.node ?? '(plan)';
              const expanded = open.has(key) || groups.length <= 3;
              return [
                <tr key={key} className={`cost-group${g.priced ? '' : ' is-unpriced'}`} data-testid={`cost-node-${key}`}>
                  <td>
                    <button type="button" className="link-button" onClick={() => toggle(key)} aria-expanded={expanded}>{expanded ? '▾' : '▸'}</button>{' '}
                    {g.node ? (
                      <button type="button" className="link-button" onClick={() => store.getState().setResultHighlight({ label: `cost of ${g.label}`, nodes: [g.node!], regions: [] })}>{g.label}</button>
                    ) : g.label}
                    {!g.priced && <span className="review-tag is-bad">unpriced</span>}
                  </td>
                  <td /> <td />
                  <td className="num"><b>{formatUsd(g.usdPerMonth)}</b></td>
                  <td className="muted">{g.lines.length} line{g.lines.length === 1 ? '' : 's'}</td>
                </tr>,
                ...(expanded
                  ? g.lines.map((l, i) => (
                      <tr key={`${key}-${i}`} className={`cost-line is-${l.kind}`} title={lineTooltip(l)} data-rate-key={l.rateKey ?? ''}>
                        <td className="cost-item">{l.item}</td>
                        <td className="num">{l.kind === 'charge' ? `${l.quantity < 10 ? +l.quantity.toPrecision(3) : Math.round(l.quantity).toLocaleString('en-US')} ${l.unit}` : ''}</td>
                        <td className="num">{l.kind === 'charge' ? `$${+l.unitPriceUsd.toPrecision(4)}` : ''}</td>
                        <td className="num">{l.kind === 'charge' ? formatUsd(l.usdPerMonth) : ''}</td>
                        <td className="cost-source"><span className={`review-tag is-${l.flag}`}>{l.flag}</span> {l.asOf} · {l.source.length > 48 ? `${l.source.slice(0, 47)}…` : l.source}</td>
                      </tr>
                    ))
                  : []),
              ];
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
