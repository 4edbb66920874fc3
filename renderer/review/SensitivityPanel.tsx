/**
 * The Sensitivity panel: the plan's key parameters with the range each is moved across (the
 * catalog's, editable), run in the worker pool on the plan's seed (common random numbers, as
 * `resilience sensitivity` runs it), and the tornado of the chosen measure.
 */
import { useMemo, useState } from 'react';
import { format } from 'd3';
import { runSensitivity } from '../../sim/analysis/sensitivity';
import { usePlanValidation } from '../app/usePlanValidation';
import { suggestedFileName } from '../files/fileCommands';
import { useUi } from '../shell/uiStore';
import { useEditor } from '../store/EditorStoreContext';
import { selectRevision } from '../store/selectors';
import { formatDuration, formatPercent } from '../results/format';
import { AnalysisProgressBar } from './AnalysisProgressBar';
import { formatUsd } from './costShape';
import { sensitivityArgs } from './reportExport';
import { useReview } from './reviewStore';
import { runAnalysis } from './runAnalysis';
import { kindText, MEASURES, rangeProblem, rangeRows, sameRanges, tornadoBars, userRangesOf, userRangesOfResult, type TornadoMeasure } from './sensitivityShape';
import { TornadoChart } from './TornadoChart';

const TICKS: Record<TornadoMeasure, (v: number) => string> = {
  availability: (v) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${format('~g')(Math.abs(100 * v))}`,
  rtoP95: (v) => `${v} s`,
  cost: (v) => formatUsd(v),
};

export function SensitivityPanel() {
  const validation = usePlanValidation();
  const revision = useEditor(selectRevision);
  const planName = useEditor((s) => s.plan.name);
  const fileName = useUi((s) => s.file?.name ?? null);
  const slot = useReview((s) => s.sensitivity);
  const edits = useReview((s) => s.sensitivityRanges);
  const [measure, setMeasure] = useState<TornadoMeasure>('availability');
  const [error, setError] = useState<string | null>(null);
  const rows = useMemo(() => {
    if (!validation.plan || !validation.resolved) return [];
    try {
      return rangeRows(validation.plan, validation.resolved, edits);
    } catch {
      return [];
    }
  }, [validation, edits]);
  const result = slot.result;
  const bars = useMemo(() => (result ? tornadoBars(result, measure) : []), [result, measure]);
  const stale = result !== null && slot.revision !== revision;
  const rangesNow = useMemo(() => userRangesOf(rows), [rows]);
  const rangesChanged = result !== null && rangesNow.ok && !sameRanges(rangesNow.ranges, userRangesOfResult(result));
  const settings = validation.resolved?.simulation;

  const edit = (id: string, end: 'low' | 'high', value: string) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return;
    const prev = edits[id] ?? { low: String(row.low), high: String(row.high) };
    useReview.getState().setSensitivityRanges({ ...edits, [id]: { ...prev, [end]: value } });
  };
  const reset = (id: string) => {
    const rest = { ...edits };
    delete rest[id];
    useReview.getState().setSensitivityRanges(rest);
  };
  const start = () => {
    setError(null);
    const plan = validation.plan;
    const resolved = validation.resolved;
    if (!validation.ok || !plan || !resolved) return;
    const ranges = userRangesOf(rows);
    if (!ranges.ok) {
      setError(ranges.message);
      return;
    }
    void runAnalysis('sensitivity', revision, (run, onStep) => runSensitivity(plan, { ...resolved.simulation }, run, { ranges: ranges.ranges }, onStep));
  };
  const planFile = fileName ?? suggestedFileName(planName);

  return (
    <div className="review-panel" data-testid="sensitivity-panel">
      <div className="review-toolbar">
        <button type="button" className="primary-button" data-testid="run-sensitivity" disabled={!validation.ok || slot.status === 'running' || rows.length === 0} onClick={start}>
          {result ? 'Run again' : 'Run sensitivity'}
        </button>
        <AnalysisProgressBar slot={slot} testId="sensitivity" />
        {slot.status !== 'running' && (
          <span className="review-note">
            {rows.length} parameters × 2 ends, each simulated on the plan&apos;s seed ({settings ? `${settings.replications} replications × ${settings.horizonYears} years, seed ${settings.seed}` : 'fix the plan first'}) in the worker pool: common random numbers, so small effects are not noise.
          </span>
        )}
      </div>
      {(error ?? slot.error) && slot.status !== 'running' && (
        <div className="run-error" role="alert" data-testid="sensitivity-error"><b>{error ?? slot.error}</b></div>
      )}
      {slot.status === 'cancelled' && <p className="review-note">Cancelled; {result ? 'the tornado shows the last finished run.' : 'nothing was measured.'}</p>}
      {result && (
        <>
          <div className="review-toolbar">
            <div className="segmented" role="radiogroup" aria-label="Measure">
              {MEASURES.map((m) => (
                <button key={m.id} type="button" role="radio" aria-checked={measure === m.id} className={`segment${measure === m.id ? ' is-active' : ''}`} data-testid={`tornado-measure-${m.id}`} onClick={() => setMeasure(m.id)}>
                  {m.label}
                </button>
              ))}
            </div>
            <span className="tornado-legend">
              <span><span className="legend-swatch" style={{ background: 'var(--plot)' }} /> low end of the range</span>
              <span><span className="legend-swatch" style={{ background: 'var(--warn)' }} /> high end</span>
            </span>
          </div>
          <p className={`review-note${stale || rangesChanged ? ' is-stale' : ''}`} data-testid="sensitivity-base">
            Base: availability {formatPercent(result.base.availability.mean)}, RTO p95 {formatDuration(result.base.rtoP95Seconds)}, {formatUsd(result.base.monthlyUsd)}/month · {result.replications} paired replications × {result.horizonYears} years, seed {result.seed}
            {stale ? ' · the plan has changed since: run again' : rangesChanged ? ' · the ranges have changed since: run again' : ''} · same as <code>resilience sensitivity {planFile} --seed {result.seed} --replications {result.replications} --years {result.horizonYears}{sensitivityArgs(result).slice(1).map((w) => ` ${w}`).join('')}</code>
          </p>
          <TornadoChart bars={bars} axisLabel={MEASURES.find((m) => m.id === measure)!.axis} tick={TICKS[measure]} />
        </>
      )}
      <details className="review-details" open={!result} data-testid="sensitivity-ranges">
        <summary>Ranges ({rows.filter((r) => r.edited).length} changed from the catalog)</summary>
        <table className="review-table range-table">
          <thead>
            <tr>
              <th>Parameter</th>
              <th>Plan value</th>
              <th>Ends are</th>
              <th>Low</th>
              <th>High</th>
              <th>Catalog</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const problem = r.edited ? rangeProblem(r) : null;
              return (
              <tr key={r.id} className={`${r.edited ? 'is-edited' : ''}${problem ? ' is-invalid' : ''}`} data-testid={`range-row-${r.id}`} title={problem ?? r.basis}>
                <td>{r.label}</td>
                <td className="num">{r.kind === 'factor' ? '1×' : `${r.base} ${r.unit}`}</td>
                <td className="muted">{kindText(r.kind, r.unit)}</td>
                <td><input className="field-input" type="number" step="any" aria-invalid={problem !== null} aria-label={`${r.label} low`} data-testid={`range-low-${r.id}`} value={edits[r.id]?.low ?? String(r.low)} onChange={(e) => edit(r.id, 'low', e.target.value)} /></td>
                <td><input className="field-input" type="number" step="any" aria-invalid={problem !== null} aria-label={`${r.label} high`} data-testid={`range-high-${r.id}`} value={edits[r.id]?.high ?? String(r.high)} onChange={(e) => edit(r.id, 'high', e.target.value)} /></td>
                <td className="muted">{r.catalogLow} … {r.catalogHigh}</td>
                <td>{edits[r.id] && <button type="button" className="text-button" onClick={() => reset(r.id)}>Reset</button>}</td>
              </tr>
              );
            })}
          </tbody>
        </table>
        <p className="review-note">Defaults are the catalog&apos;s ranges (hover a row for the research they come from). Factors multiply the plan&apos;s own value; an instance offset is added to the plan&apos;s count.</p>
      </details>
    </div>
  );
}
