/**
 * The run controls: run settings (saved in the plan, undoable; a toolbar entry that may overflow into
 * the "⋯" menu), and at the right end of the toolbar Run (Ctrl/⌘+Enter) or Cancel, with, while
 * running, a progress bar with replications done, elapsed time and an estimate of the time left.
 */
import { useEffect, useState } from 'react';
import { PLAN_DEFAULTS } from '../../sim/model/resolve';
import { isMac } from '../app/platformKeys';
import { cancelSimulation, startSimulation, updateRunSettings } from '../simClient/runController';
import type { RunSettings } from '../simClient/types';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import type { ToolbarPlacement } from '../app/toolbarItems';
import { formatElapsed } from './format';
import { PRECISION_MEASURES, formatRelativeHalfWidth, type PrecisionMeasure } from '../../sim/engine/precision';

const MEASURE_LABELS: Record<PrecisionMeasure, string> = { downtime: 'downtime', unavailability: 'unavailability', 'lost-requests': 'lost requests', 'writes-lost': 'writes lost' };

/**
 * Run to a precision (as `simulate --precision`): a checkbox, and when on the target half-width in
 * percent, the measure and the cap. View state, not saved in the plan.
 */
export function PrecisionSettings({ placement }: { placement: ToolbarPlacement }) {
  const store = useEditorStoreApi();
  const precision = useEditor((s) => s.simulation.precision);
  const [target, setTarget] = useState<string | null>(null);
  const [cap, setCap] = useState<string | null>(null);
  const id = (name: string) => (placement === 'measure' ? undefined : `run-precision-${name}`);
  const tab = placement === 'measure' ? -1 : undefined;
  const set = store.getState().setPrecision;
  const commitTarget = () => {
    if (target === null) return;
    const n = Number(target);
    setTarget(null);
    if (target.trim() !== '' && n > 0 && n < 100) set({ target: n / 100 });
    else store.getState().showToast('Precision must be a percentage above 0 and below 100 (the 95 % half-width relative to the mean).', { tone: 'error' });
  };
  const commitCap = () => {
    if (cap === null) return;
    const n = Number(cap);
    setCap(null);
    if (Number.isInteger(n) && n >= 2 && n <= 1_000_000) set({ cap: n });
    else store.getState().showToast('The replication cap must be a whole number from 2 to 1000000.', { tone: 'error' });
  };
  const keys = (commit: () => void, reset: () => void) => (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      commit();
      e.currentTarget.blur();
    } else if (e.key === 'Escape') {
      reset();
      e.currentTarget.blur();
    }
  };
  const targetText = target ?? String(Math.round(precision.target * 1e6) / 1e4);
  return (
    <div className={`run-fields${placement === 'menu' ? ' is-stacked' : ''}`} role="group" aria-label="Run to a precision">
      <label className="run-field" title="Add replications in batches until the 95 % interval is this narrow (the CLI's --precision); the plan's replications are then not used">
        <input type="checkbox" data-testid={id('enabled')} tabIndex={tab} checked={precision.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        <span>Precision</span>
      </label>
      {precision.enabled && (
        <>
          <label className="run-field" title="Target relative half-width of the 95 % interval, in percent of the mean">
            <span>±</span>
            <input data-testid={id('target')} tabIndex={tab} inputMode="decimal" value={targetText} onFocus={(e) => e.currentTarget.select()} onChange={(e) => setTarget(e.target.value)} onBlur={commitTarget} onKeyDown={keys(commitTarget, () => setTarget(null))} style={{ width: `${Math.max(2, targetText.length) + 2}ch` }} />
            <span>%</span>
          </label>
          <label className="run-field" title="The measure whose interval is narrowed">
            <span>of</span>
            <select data-testid={id('measure')} tabIndex={tab} value={precision.measure} onChange={(e) => set({ measure: e.target.value as PrecisionMeasure })}>
              {PRECISION_MEASURES.map((m) => (
                <option key={m} value={m}>
                  {MEASURE_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
          <label className="run-field" title="The most replications the run may take (it stops there and says so)">
            <span>Cap</span>
            <input data-testid={id('cap')} tabIndex={tab} inputMode="numeric" value={cap ?? String(precision.cap)} onFocus={(e) => e.currentTarget.select()} onChange={(e) => setCap(e.target.value)} onBlur={commitCap} onKeyDown={keys(commitCap, () => setCap(null))} style={{ width: `${Math.max(3, String(cap ?? precision.cap).length) + 2}ch` }} />
          </label>
        </>
      )}
    </div>
  );
}

function HalfWidth() {
  const halfWidth = useEditor((s) => s.simulation.halfWidth);
  const precision = useEditor((s) => s.simulation.precision);
  if (!precision.enabled) return null;
  return (
    <span data-testid="run-halfwidth" title="The 95 % interval's half-width relative to the mean after the latest batch">
      {' · '}±{halfWidth ? formatRelativeHalfWidth(halfWidth.relative) : '…'} (target {formatRelativeHalfWidth(precision.target)})
    </span>
  );
}

const FIELDS: Array<{ key: keyof RunSettings; label: string; title: string; min: number; max: number; step: number; integer: boolean }> = [
  { key: 'horizonYears', label: 'Years', title: 'Simulated years per replication', min: 0.01, max: 100_000, step: 1, integer: false },
  { key: 'replications', label: 'Replications', title: 'Independent replications (more: narrower intervals)', min: 1, max: 1_000_000, step: 10, integer: true },
  { key: 'seed', label: 'Seed', title: 'Master seed: the same seed gives the same result, here and in the CLI', min: 0, max: 2 ** 32 - 1, step: 1, integer: true },
];

function SettingField({ field, placement }: { field: (typeof FIELDS)[number]; placement: ToolbarPlacement }) {
  const store = useEditorStoreApi();
  const saved = useEditor((s) => s.plan.simulation?.[field.key]);
  const value = saved ?? PLAN_DEFAULTS[field.key];
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const n = Number(draft);
    setDraft(null);
    const ok = draft.trim() !== '' && Number.isFinite(n) && n >= field.min && n <= field.max && (!field.integer || Number.isInteger(n));
    if (ok) updateRunSettings(store, { [field.key]: n });
    else store.getState().showToast(`${field.label} must be ${field.integer ? 'a whole number' : 'a number'} from ${field.min} to ${field.max}.`, { tone: 'error' });
  };
  return (
    <label className="run-field" title={field.title}>
      <span>{field.label}</span>
      <input
        data-testid={placement === 'measure' ? undefined : `run-setting-${field.key}`}
        tabIndex={placement === 'measure' ? -1 : undefined}
        inputMode="decimal"
        onFocus={(e) => e.currentTarget.select()}
        value={draft ?? String(value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
            commit();
            (e.target as HTMLInputElement).blur();
          } else if (e.key === 'Escape') {
            setDraft(null);
            (e.target as HTMLInputElement).blur();
          }
        }}
        style={{ width: `${Math.max(3, String(draft ?? value).length) + 2}ch` }}
      />
    </label>
  );
}

function Progress() {
  const done = useEditor((s) => s.simulation.done);
  const total = useEditor((s) => s.simulation.total);
  const progress = useEditor((s) => s.simulation.progress);
  const startedAt = useEditor((s) => s.simulation.startedAt);
  const precision = useEditor((s) => s.simulation.precision.enabled);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    // Four updates a second read as a running clock and keep renders rare while workers compute.
    const timer = window.setInterval(() => setNow(performance.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  const elapsed = startedAt === null ? 0 : Math.max(0, now - startedAt) / 1000;
  const left = timeLeft(elapsed, progress);
  return (
    <div className="run-progress" data-testid="run-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)} data-done={done} data-total={total}>
      <div className="run-progress-track">
        <div className="run-progress-fill" style={{ transform: `scaleX(${progress.toFixed(3)})` }} />
      </div>
      <span className="run-progress-text">
        {done}/{total} · <span data-testid="run-elapsed">{formatElapsed(elapsed)}</span>
        {' · '}
        {precision ? (
          <span data-testid="run-remaining" title="A precision run adds batches until its interval is narrow enough, so its end is not known in advance">
            batch to {total}
          </span>
        ) : (
          <span data-testid="run-remaining" title="Estimated from the pace so far">
            {left === null ? 'estimating…' : `~${formatElapsed(left)} left`}
          </span>
        )}
        <HalfWidth />
      </span>
    </div>
  );
}

/**
 * Seconds left at the pace so far, or null while too little has run to say (the first replications
 * include the workers' start-up, so an early estimate would be wild).
 */
export function timeLeft(elapsedSeconds: number, fraction: number): number | null {
  if (fraction < 0.03 || elapsedSeconds < 0.5) return null;
  if (fraction >= 1) return 0;
  return (elapsedSeconds * (1 - fraction)) / fraction;
}

/** Years, replications and seed: in the bar side by side, in the "⋯" menu one under another. */
export function RunSettings({ placement }: { placement: ToolbarPlacement }) {
  return (
    <div className={`run-fields${placement === 'menu' ? ' is-stacked' : ''}`} role="group" aria-label="Run settings">
      {FIELDS.map((f) => (
        <SettingField key={f.key} field={f} placement={placement} />
      ))}
    </div>
  );
}

export function RunButton() {
  const store = useEditorStoreApi();
  const running = useEditor((s) => s.simulation.status === 'running');
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(isMac() ? e.metaKey : e.ctrlKey)) return;
      e.preventDefault();
      // Commit a settings field being typed in first, so the run uses what is on screen.
      if (document.activeElement instanceof HTMLInputElement) document.activeElement.blur();
      if (store.getState().simulation.status !== 'running') startSimulation(store);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
  const shortcut = isMac() ? '⌘↵' : 'Ctrl+Enter';
  return (
    <div className="run-controls">
      {running && <Progress />}
      {running ? (
        <button type="button" className="run-button is-cancel" data-testid="run-cancel" onClick={() => cancelSimulation(store)} title="Stop the run and its workers">
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden>
            <rect x="2.5" y="2.5" width="9" height="9" rx="1.5" fill="currentColor" />
          </svg>
          Cancel
        </button>
      ) : (
        <button type="button" className="run-button" data-testid="run-simulation" onClick={() => startSimulation(store)} title={`Simulate this design (${shortcut})`}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden>
            <path d="M3.5 2.2v9.6L11.6 7z" fill="currentColor" />
          </svg>
          Run
          <kbd>{shortcut}</kbd>
        </button>
      )}
    </div>
  );
}
