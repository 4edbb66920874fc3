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
        <span data-testid="run-remaining" title="Estimated from the pace so far">
          {left === null ? 'estimating…' : `~${formatElapsed(left)} left`}
        </span>
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
