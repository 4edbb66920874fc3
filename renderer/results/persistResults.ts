/**
 * The last run's results survive a reload: kept in localStorage with a fingerprint of the plan they
 * were computed from. On the next start they come back current when the plan is the same (also
 * once the user restores the autosaved draft), and marked stale when it differs.
 */
import { loadPlanText, serializePlan } from '../../sim/model/io';
import type { Plan } from '../../sim/model/schema';
import type { EditorStore } from '../store/createEditorStore';
import type { SimulationResult } from '../store/slices/simulationSlice';

const STORAGE_KEY = 'resilience-studio.last-result';
const VERSION = 1;
/** The plan is compared at most this often while a restored result waits for its plan. */
const CHECK_DELAY_MS = 300;

interface Stored {
  version: number;
  /** null: the plan changed during that run, so the result matches no plan exactly. */
  fingerprint: string | null;
  outcome: SimulationResult;
}

/** JSON with keys sorted at every level, so the same plan always gives the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A short hash of the plan as a file would hold it (FNV-1a, 32 bits, twice with different seeds).
 * The plan goes through the file loader first, so the in-memory plan and the same plan read back
 * from the autosave draft (key order, filled-in fields) give the same fingerprint.
 */
export function planFingerprint(plan: Plan): string {
  const loaded = loadPlanText(serializePlan(plan));
  const text = canonicalJson(loaded.plan ?? plan);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}:${text.length}`;
}

export function readStoredResult(storage: Storage): Stored | null {
  try {
    const raw = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Stored | null;
    return raw && raw.version === VERSION && raw.outcome && typeof raw.outcome === 'object' ? raw : null;
  } catch {
    return null;
  }
}

function write(storage: Storage, value: Stored): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Too large for the quota, or storage disabled: the result simply does not survive a reload.
    try {
      storage.removeItem(STORAGE_KEY);
    } catch {
      /* nothing more to do */
    }
  }
}

function whenIdle(task: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(task, { timeout: 5000 });
  else setTimeout(task, 200);
}

/** Restores a kept result into the store and keeps every new one; returns the function that stops. */
export function followResultPersistence(editor: EditorStore, storage: Storage): () => void {
  let waitingFor: string | null = null;
  const stored = readStoredResult(storage);
  if (stored && editor.getState().simulation.result === null) {
    const fresh = stored.fingerprint !== null && stored.fingerprint === planFingerprint(editor.getState().plan);
    editor.getState().restoreResult(stored.outcome, fresh);
  }
  // Also when an earlier follower (a remount) restored it: keep waiting for its plan to come back.
  const sim = editor.getState().simulation;
  if (stored && sim.restored && sim.resultRevision !== editor.getState().revision) waitingFor = stored.fingerprint;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = editor.subscribe((state, previous) => {
    const sim = state.simulation;
    if (sim.result !== previous.simulation.result && sim.result !== null && !sim.restored) {
      waitingFor = null;
      const current = sim.resultRevision === state.revision;
      const plan = state.plan;
      const outcome = sim.result;
      // Written when the window is idle: never inside the task that finishes a run (the dashboard
      // is drawing then, and a large result takes a while to serialise).
      whenIdle(() => write(storage, { version: VERSION, fingerprint: current ? planFingerprint(plan) : null, outcome }));
      return;
    }
    if (waitingFor !== null && state.revision !== previous.revision && sim.restored) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (waitingFor !== null && planFingerprint(editor.getState().plan) === waitingFor) {
          waitingFor = null;
          editor.getState().markRestoredResultFresh();
        }
      }, CHECK_DELAY_MS);
    }
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
