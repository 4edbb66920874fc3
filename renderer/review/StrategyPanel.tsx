/**
 * The Strategy matrix panel: the eight strategies of the source article with its qualitative
 * columns beside each used strategy's measured effect (the plan simulated without it on the same
 * random streams, in the worker pool), used ones marked, and each row pointing at the nodes that
 * implement it on the canvas.
 */
import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { detectStrategies } from '../../sim/analysis/strategies';
import { measureStrategies } from '../../sim/analysis/strategyMatrix';
import { usePlanValidation } from '../app/usePlanValidation';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { selectRevision } from '../store/selectors';
import { nodeKey } from '../store/selectionKeys';
import { formatPercent } from '../results/format';
import { AnalysisProgressBar } from './AnalysisProgressBar';
import { formatUsd } from './costShape';
import { useReview } from './reviewStore';
import { runAnalysis } from './runAnalysis';
import { matrixRows, unmeasuredRows } from './strategyShape';
import { ABLATION_RULES } from '../../sim/analysis/ablation';

export function StrategyPanel() {
  const store = useEditorStoreApi();
  const flow = useReactFlow();
  const validation = usePlanValidation();
  const revision = useEditor(selectRevision);
  const slot = useReview((s) => s.strategies);
  const highlight = useEditor((s) => s.simulation.overlay.highlight);
  const findings = useMemo(() => (validation.plan ? detectStrategies(validation.plan) : []), [validation]);
  const matrix = slot.result;
  const rows = useMemo(() => (matrix ? matrixRows(matrix, findings) : unmeasuredRows(findings, ABLATION_RULES)), [matrix, findings]);
  const stale = matrix !== null && slot.revision !== revision;

  const start = () => {
    const plan = validation.plan;
    const resolved = validation.resolved;
    if (!validation.ok || !plan || !resolved) return;
    void runAnalysis('strategies', revision, (run, onStep) => measureStrategies(plan, { ...resolved.simulation }, run, onStep));
  };
  const point = (name: string, nodes: string[]) => {
    store.getState().setResultHighlight(nodes.length > 0 ? { label: name, nodes, regions: [] } : null);
    const targets = nodes.map(nodeKey).filter((id) => flow.getNode(id));
    if (targets.length) void flow.fitView({ nodes: targets.map((id) => ({ id })), padding: 0.35, maxZoom: 1.2, duration: 300 });
  };

  return (
    <div className="review-panel" data-testid="strategy-panel">
      <div className="review-toolbar">
        <button type="button" className="primary-button" data-testid="run-strategies" disabled={!validation.ok || slot.status === 'running'} onClick={start}>
          {matrix ? 'Measure again' : 'Measure strategies'}
        </button>
        <AnalysisProgressBar slot={slot} testId="strategies" />
        {slot.status !== 'running' && (
          <span className="review-note">
            Each used strategy is removed in turn and the plan simulated again on the same seed ({validation.resolved ? `${validation.resolved.simulation.replications} replications × ${validation.resolved.simulation.horizonYears} years, seed ${validation.resolved.simulation.seed}` : 'fix the plan first'}) in the worker pool.
          </span>
        )}
      </div>
      {slot.status === 'error' && <div className="run-error" role="alert" data-testid="strategies-error"><b>{slot.error}</b></div>}
      {slot.status === 'cancelled' && <p className="review-note">Cancelled; {matrix ? 'the table shows the last finished measurement.' : 'nothing was measured.'}</p>}
      {matrix && (
        <p className={`review-note${stale ? ' is-stale' : ''}`} data-testid="strategies-base">
          As written: availability {formatPercent(matrix.base.availability.mean)}, downtime {matrix.base.downtimeMinutesPerYear.mean.toFixed(1)} min/yr, {formatUsd(matrix.base.monthlyUsd)}/month · {matrix.replications} paired replications × {matrix.horizonYears} years, seed {matrix.seed}
          {stale ? ' · the plan has changed since: measure again' : ''} · same as <code>resilience strategies plan.json --seed {matrix.seed} --replications {matrix.replications} --years {matrix.horizonYears}</code>
        </p>
      )}
      <table className="review-table strategy-table" data-testid="strategy-matrix">
        <thead>
          <tr>
            <th>Strategy</th>
            <th>Used</th>
            <th>Complexity</th>
            <th>Cost</th>
            <th>Scalability</th>
            <th>Effectiveness</th>
            <th className="num" title="plan without it − plan as written (request-weighted)">Δ availability without it</th>
            <th>paired 95 % interval</th>
            <th className="num">Δ downtime</th>
            <th className="num">Δ RTO p95</th>
            <th className="num">Δ RPO p95</th>
            <th className="num">Δ cost/month</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const selected = highlight?.label === r.name;
            return (
              <tr key={r.id} className={`${r.used ? 'is-used' : 'is-unused'}${selected ? ' is-selected' : ''}`} data-testid={`strategy-row-${r.id}`} data-used={r.used} title={`${r.reason}\nwithout it: ${r.ablation}`}>
                <td>
                  <button type="button" className="link-button" onClick={() => point(r.name, r.nodes)} data-testid={`strategy-point-${r.id}`}>
                    {r.name}
                  </button>
                  {r.nodes.length > 0 && <span className="ns"> · {r.nodes.length} node{r.nodes.length === 1 ? '' : 's'}</span>}
                </td>
                <td>{r.used ? <span className="review-tag is-ok">used</span> : <span className="review-tag">no</span>}</td>
                <td>{r.qualitative.complexity}</td>
                <td>{r.qualitative.cost}</td>
                <td>{r.qualitative.scalability}</td>
                <td>{r.qualitative.effectiveness}</td>
                <td className={`num ${r.verdict === 'helps' ? 'delta-bad' : ''}`} data-testid={`strategy-delta-${r.id}`} data-verdict={r.verdict}>
                  {r.availability}
                  {r.verdict === 'no measurable effect' && <span className="ns"> n.s.</span>}
                </td>
                <td className="muted">{r.interval}</td>
                <td className="num">{r.downtime}</td>
                <td className="num">{r.rtoP95}</td>
                <td className="num">{r.rpoP95}</td>
                <td className="num">{r.cost}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="review-note">
        Δ = plan without the strategy − plan as written, paired replication by replication: a strategy that helps shows a negative Δ availability (in red) and usually a negative Δ cost. “n.s.”: the interval includes 0. Qualitative columns: {matrix ? `${matrix.matrixSource.source} (${matrix.matrixSource.asOf})` : 'the source article'}. Click a strategy to show its nodes on the canvas.
      </p>
    </div>
  );
}
