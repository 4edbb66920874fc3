/**
 * Binds runs to a window's store: checks that the plan can run (valid, someone
 * sends requests), starts the worker pool, forwards throttled progress, and records the outcome or
 * a clear error. One run per store at a time; cancel terminates its workers. Run settings are plan
 * fields, so editing them is an undoable plan write.
 */
import type { ResolvedPlan } from '../../sim/model/resolve';
import type { Plan, SimulationSettings } from '../../sim/model/schema';
import { validationOf } from '../app/usePlanValidation';
import type { EditorStore } from '../store/createEditorStore';
import { META_KEY } from '../store/records';
import { RunCancelled, runSimulation, runSimulationToPrecision, type RunHandle, type RunOptions } from './runSimulation';
import type { RunSettings } from './types';
import { FIRST_BATCH } from '../../sim/engine/precision';

export type Runnable =
  | { ok: true; resolved: ResolvedPlan; settings: RunSettings }
  | { ok: false; message: string; details: string[] };

export function checkRunnable(plan: Plan): Runnable {
  const validation = validationOf(plan);
  if (!validation.ok || !validation.resolved) {
    const n = validation.errors.length;
    return {
      ok: false,
      message: `The plan does not validate (${n} error${n === 1 ? '' : 's'}); fix ${n === 1 ? 'it' : 'them'} to run.`,
      details: validation.errors.map((e) => `${e.path || '(plan)'}: ${e.message}`),
    };
  }
  const resolved = validation.resolved;
  if (!resolved.nodes.some((n) => n.kind === 'clients')) {
    return { ok: false, message: 'Nothing to measure: add a Clients component so the design receives requests.', details: [] };
  }
  return { ok: true, resolved, settings: { ...resolved.simulation } };
}

const runs = new WeakMap<EditorStore, { runId: string; handle: RunHandle }>();
let runCounter = 0;

/** Minimum time between progress writes to the store: enough for a smooth bar, few renders. */
const PROGRESS_INTERVAL_MS = 200;

/** Starts a run of the store's current plan; returns its id, or null when the plan cannot run. */
export function startSimulation(store: EditorStore, options: RunOptions = {}): string | null {
  const now = options.now ?? (() => performance.now());
  cancelSimulation(store);
  const state = store.getState();
  const runId = `run-${++runCounter}`;
  const check = checkRunnable(state.plan);
  if (!check.ok) {
    // Recorded as a failed run so the dashboard shows why; the previous result stays.
    state.startRun(runId);
    store.getState().failRun(runId, check.message, check.details);
    return null;
  }
  const { resolved, settings } = check;
  const precision = state.simulation.precision;
  // A precision run's total grows batch by batch; the bar shows the current batch's end.
  state.startRun(runId, { total: precision.enabled ? Math.min(FIRST_BATCH, precision.cap) : settings.replications, startedAt: now() });
  let lastWrite = -Infinity;
  const onProgress = (done: number, total: number): void => {
    const t = now();
    if (done < total && t - lastWrite < PROGRESS_INTERVAL_MS) return;
    lastWrite = t;
    if (precision.enabled && store.getState().simulation.total !== total) store.setState((s) => (s.simulation.runId === runId ? { simulation: { ...s.simulation, total } } : s));
    store.getState().reportProgress(runId, done / total, done);
  };
  const handle = precision.enabled
    ? runSimulationToPrecision(resolved, settings, precision, onProgress, (p) => store.getState().reportHalfWidth(runId, { relative: p.relativeHalfWidth, target: p.target, done: p.done }), options)
    : runSimulation(resolved, settings, onProgress, options);
  runs.set(store, { runId, handle });
  handle.done.then(
    (outcome) => {
      if (runs.get(store)?.runId === runId) runs.delete(store);
      store.getState().finishRun(runId, outcome);
    },
    (error: unknown) => {
      if (runs.get(store)?.runId === runId) runs.delete(store);
      if (error instanceof RunCancelled) return;
      const message = error instanceof Error ? error.message : String(error);
      store.getState().failRun(runId, `The simulation stopped with an engine error: ${message}`, []);
    },
  );
  return runId;
}

export function cancelSimulation(store: EditorStore): void {
  const current = runs.get(store);
  if (!current) return;
  runs.delete(store);
  current.handle.cancel();
  store.getState().cancelRun(current.runId);
}

export function isRunning(store: EditorStore): boolean {
  return runs.has(store);
}

/** Writes run settings into the plan's `simulation` block as one undoable edit. */
export function updateRunSettings(store: EditorStore, patch: Partial<RunSettings>): void {
  const state = store.getState();
  const meta = state.records.meta[META_KEY];
  if (!meta) return;
  const next: SimulationSettings = { ...meta.simulation, ...patch };
  const before = meta.simulation ?? {};
  if ((Object.keys(next) as (keyof SimulationSettings)[]).every((k) => next[k] === before[k])) return;
  state.applyPlanDiff({ added: {}, updated: { meta: { [META_KEY]: [meta, { ...meta, simulation: next }] } }, removed: {} }, { history: 'record' });
}
