/**
 * Designs side by side: the variants the plan keeps (JSON Patches against it, in the same file),
 * made and edited on the canvas; the plan and its variants run on the same seed in the worker pool;
 * paired differences against the plan with intervals, the objectives each meets, the cost vs
 * availability scatter with its Pareto front, and a readable diff between any two designs.
 */
import { useMemo, useState } from 'react';
import { applyVariant, compareDesigns, designsWithVariants, PatchApplyError } from '../../sim/analysis/compare';
import { getPlatform } from '../platform';
import { usePlanValidation } from '../app/usePlanValidation';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { selectPlan, selectRevision } from '../store/selectors';
import { formatDuration, formatPercent } from '../results/format';
import { AnalysisProgressBar } from './AnalysisProgressBar';
import { formatUsd } from './costShape';
import { ParetoChart } from './ParetoChart';
import { useReview } from './reviewStore';
import { runAnalysis } from './runAnalysis';
import { formatPp, signed } from './strategyShape';
import { discardVariantEdits, freshVariantName, readExtraDesign, removeVariant, saveVariant, startEditVariant, startNewVariant, variantsOf } from './variantActions';
import { objectivesSummary, paretoPoints, readableDiff, showValue } from './variantShape';

export const BASE_LABEL = 'Base design';

export function ComparePanel() {
  const store = useEditorStoreApi();
  const plan = useEditor(selectPlan);
  const revision = useEditor(selectRevision);
  const validation = usePlanValidation();
  const editing = useReview((s) => s.editing);
  const slot = useReview((s) => s.compare);
  const extra = useReview((s) => s.extra);
  const [newName, setNewName] = useState('');
  const [pick, setPick] = useState<{ a: string; b: string } | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const variants = variantsOf(editing ? editing.base : plan);
  const result = slot.result;
  const chart = useMemo(() => (result ? paretoPoints(result.comparison) : null), [result]);
  const labels = result?.plans.map((p) => p.label) ?? [];
  const a = pick?.a ?? labels[0];
  const b = pick?.b ?? labels[1];
  const diff = useMemo(() => {
    if (!result || !a || !b) return [];
    const pa = result.plans.find((p) => p.label === a)?.plan;
    const pb = result.plans.find((p) => p.label === b)?.plan;
    return readableDiff(pa, pb);
  }, [result, a, b]);

  const compare = () => {
    setError(null);
    if (!validation.ok || !validation.plan || !validation.resolved) {
      setError('The plan does not validate; fix it before comparing.');
      return;
    }
    let inputs;
    try {
      inputs = designsWithVariants(validation.plan, BASE_LABEL);
    } catch (e) {
      if (!(e instanceof PatchApplyError)) throw e;
      setError(e.message);
      return;
    }
    try {
      for (const e of extra) inputs.push({ label: Array.isArray(e.value) ? `${BASE_LABEL} + ${e.label}` : e.label, plan: Array.isArray(e.value) ? applyVariant(inputs[0]!.plan, e.value, e.label) : e.value });
    } catch (e) {
      if (!(e instanceof PatchApplyError)) throw e;
      setError(e.message);
      return;
    }
    if (inputs.length < 2) {
      setError('Add a variant first: there is nothing to compare the design with.');
      return;
    }
    const settings = { ...validation.resolved.simulation };
    void runAnalysis('compare', revision, async (run, onStep) => ({ comparison: await compareDesigns(inputs, settings, run, onStep), plans: inputs.map((i) => ({ label: i.label, plan: i.plan })), files: extra.map((e) => e.label) }));
  };
  const labelOfVariant = (i: number) => `${BASE_LABEL} + ${variants[i]!.name}`;
  const editByLabel = (label: string) => {
    const i = variants.findIndex((_, k) => labelOfVariant(k) === label);
    if (i >= 0 && !editing) startEditVariant(store, i);
  };

  return (
    <div className="review-panel" data-testid="compare-panel">
      {editing && (
        <div className="variant-editing" data-testid="variant-editing">
          Editing variant <b>{editing.name}</b>: your changes on the canvas go into this variant (a JSON Patch against the base design).{' '}
          <button type="button" className="primary-button" data-testid="variant-save" onClick={() => saveVariant(store)}>Save variant</button>{' '}
          <button type="button" className="text-button" data-testid="variant-discard" onClick={() => discardVariantEdits(store)}>Discard</button>
        </div>
      )}
      <section className="result-panel">
        <header>
          <h3>Variants of this design</h3>
          <span className="panel-note">kept in the plan file as JSON Patches (“variants”); <code>resilience compare plan.json</code> runs the same designs</span>
        </header>
        <div className="variant-list">
          <div className="variant-row"><span className="grow"><b>{BASE_LABEL}</b> — the plan as written</span></div>
          {variants.map((v, i) => (
            <div className="variant-row" key={v.name} data-testid={`variant-${i}`}>
              <span className="grow">
                <b>{v.name}</b> · {v.patch.length} change{v.patch.length === 1 ? '' : 's'}
                <span className="ns"> {v.patch.slice(0, 3).map((op) => `${op.op} ${op.path}`).join(', ')}{v.patch.length > 3 ? '…' : ''}</span>
              </span>
              <button type="button" className="text-button" disabled={!!editing} data-testid={`variant-edit-${i}`} onClick={() => startEditVariant(store, i)}>Edit on canvas</button>
              <button type="button" className="icon-button" disabled={!!editing} title="Remove this variant" data-testid={`variant-remove-${i}`} onClick={() => removeVariant(store, i)}>×</button>
            </div>
          ))}
          {extra.map((e, i) => (
            <div className="variant-row" key={e.label} data-testid={`extra-design-${i}`}>
              <span className="grow">
                <b>{e.label}</b> · {Array.isArray(e.value) ? `a JSON Patch of the base (${e.value.length} operation${e.value.length === 1 ? '' : 's'})` : 'another plan file'}
              </span>
              <button type="button" className="icon-button" title="Leave this file out" onClick={() => useReview.getState().setExtra(extra.filter((_, k) => k !== i))}>×</button>
            </div>
          ))}
          {!editing && (
            <div className="review-toolbar">
              <input type="text" value={newName} placeholder={freshVariantName(plan)} aria-label="New variant name" data-testid="variant-name" onChange={(e) => setNewName(e.target.value)} />
              <button
                type="button"
                className="text-button"
                data-testid="variant-new"
                onClick={() => {
                  const name = newName.trim() || freshVariantName(plan);
                  if (variants.some((v) => v.name === name)) {
                    setError(`A variant is already called “${name}”.`);
                    return;
                  }
                  setError(null);
                  startNewVariant(store, name);
                  setNewName('');
                }}
              >
                + New variant from the canvas
              </button>
              <button
                type="button"
                className="text-button"
                data-testid="add-design-file"
                title="Another plan file, or a JSON Patch of this one, compared beside it (not saved in this plan)"
                onClick={() => {
                  void getPlatform()
                    .open()
                    .then((opened) => {
                      if (!opened) return;
                      const read = readExtraDesign(opened.file.name, opened.text, [BASE_LABEL, ...extra.map((e) => e.label)]);
                      if (typeof read === 'string') setError(read);
                      else {
                        setError(null);
                        useReview.getState().setExtra([...useReview.getState().extra, read]);
                      }
                    });
                }}
              >
                + Open another design…
              </button>
            </div>
          )}
        </div>
      </section>
      <div className="review-toolbar">
        <button type="button" className="primary-button" data-testid="run-compare" disabled={!!editing || slot.status === 'running'} onClick={compare}>
          Compare {variants.length + extra.length + 1} designs
        </button>
        <AnalysisProgressBar slot={slot} testId="compare" />
        {slot.status !== 'running' && validation.resolved && (
          <span className="review-note">same seed for every design ({validation.resolved.simulation.replications} replications × {validation.resolved.simulation.horizonYears} years, seed {validation.resolved.simulation.seed}): differences are paired</span>
        )}
      </div>
      {(error || slot.status === 'error') && <div className="run-error" role="alert" data-testid="compare-error"><b>{error ?? slot.error}</b></div>}
      {result && (
        <>
          {slot.revision !== revision && <p className="review-note is-stale">The plan has changed since this comparison: compare again to update.</p>}
          <section className="result-panel">
            <header>
              <h3>Side by side</h3>
              <span className="panel-note">Δ = design − {BASE_LABEL}, paired over the same {result.comparison.replications} replications (95 % interval) · seed {result.comparison.seed}</span>
            </header>
            <table className="review-table" data-testid="compare-table">
              <thead>
                <tr>
                  <th>Design</th><th className="num">Availability</th><th className="num">Δ availability</th><th>95 % interval</th><th className="num">Downtime</th><th className="num">RTO p95</th><th className="num">RPO p95</th><th className="num">Cost/month</th><th className="num">Δ cost</th><th className="num">TCO/month</th><th>Objectives</th><th>Pareto</th>
                </tr>
              </thead>
              <tbody>
                {result.comparison.designs.map((d) => {
                  const o = objectivesSummary(d);
                  const v = d.vsFirst;
                  return (
                    <tr key={d.label} className={picked === d.label ? 'is-selected' : ''} data-testid={`compare-row-${d.label}`}>
                      <td>{d.label}</td>
                      <td className="num">{formatPercent(d.availability.mean)}</td>
                      <td className="num">{v ? formatPp(v.availability.mean) : 'reference'}{v && !v.availabilitySignificant && <span className="ns"> n.s.</span>}</td>
                      <td className="muted">{v?.availability.ci95 ? `${formatPp(v.availability.ci95[0])} … ${formatPp(v.availability.ci95[1])}` : ''}</td>
                      <td className="num">{d.downtimeMinutesPerYear.mean.toFixed(1)} min/yr</td>
                      <td className="num">{formatDuration(d.rtoP95Seconds)}</td>
                      <td className="num">{formatDuration(d.rpoP95Seconds)}</td>
                      <td className="num">{formatUsd(d.monthlyUsd)}</td>
                      <td className="num">{v ? signed(v.monthlyUsd, formatUsd) : ''}</td>
                      <td className="num">{formatUsd(d.tcoUsdPerMonth)}</td>
                      <td><span className={`review-tag is-${o.tone}`}>{o.text}</span></td>
                      <td>{d.pareto ? <span className="review-tag is-ok">front</span> : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="review-note">Lowest TCO first: {result.comparison.rankingByTco.join(' → ')}</p>
          </section>
          <div className="result-grid">
            <section className="result-panel span-6">
              <header>
                <h3>Cost vs availability</h3>
                <span className="panel-note">dashed: the Pareto front · click a design to pick it</span>
              </header>
              {chart && <ParetoChart points={chart.points} front={chart.front} selected={picked} onSelect={setPicked} />}
              {picked && (
                <p className="review-note">
                  Picked <b>{picked}</b>.{' '}
                  {picked === BASE_LABEL ? 'It is the plan on the canvas.' : (
                    <button type="button" className="text-button" disabled={!!editing} data-testid="edit-picked" onClick={() => editByLabel(picked)}>Edit it on the canvas</button>
                  )}
                </p>
              )}
            </section>
            <section className="result-panel span-6">
              <header>
                <h3>What differs</h3>
                <select value={a} onChange={(e) => setPick({ a: e.target.value, b: b ?? '' })} aria-label="First design" data-testid="diff-a">
                  {labels.map((l) => <option key={l} value={l}>{l}</option>)}
                </select>
                <span>→</span>
                <select value={b} onChange={(e) => setPick({ a: a ?? '', b: e.target.value })} aria-label="Second design" data-testid="diff-b">
                  {labels.map((l) => <option key={l} value={l}>{l}</option>)}
                </select>
              </header>
              {diff.length === 0 ? (
                <p className="review-note">The two designs are the same (apart from where things are drawn).</p>
              ) : (
                <ul className="diff-list" data-testid="variant-diff">
                  {diff.map((d, i) => (
                    <li key={i} className={`diff-${d.kind === 'added' ? 'add' : d.kind === 'removed' ? 'remove' : 'change'}`}>
                      {d.where}: {d.kind === 'changed' ? `${showValue(d.before)} → ${showValue(d.after)}` : d.kind === 'added' ? `added ${showValue(d.after)}` : `removed ${showValue(d.before)}`}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
