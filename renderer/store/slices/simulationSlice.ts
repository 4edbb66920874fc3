/**
 * The simulation part: the state of the current run and its result, stamped with the plan revision
 * it was computed from so the dashboard can show a stale result as stale. The run itself (workers,
 * progress messages) lives in renderer/simClient; this slice only records what it reports. The
 * overlay (which components the dashboard points at, the heat view) is view state: never undone,
 * never saved.
 */
import type { StateCreator } from 'zustand';
import type { EditorState } from '../editorState';
import type { PrecisionMeasure } from '../../../sim/engine/precision';

/** Run to a precision instead of the plan's fixed replications (view state, like the CLI's --precision flags). */
export interface PrecisionSetting {
  enabled: boolean;
  /** Relative half-width of the 95 % interval to reach, e.g. 0.05. */
  target: number;
  measure: PrecisionMeasure;
  /** The most replications the run may take. */
  cap: number;
}

/** The CLI's defaults: downtime, capped at 20,000 replications. */
export const DEFAULT_PRECISION: PrecisionSetting = { enabled: false, target: 0.05, measure: 'downtime', cap: 20_000 };

export type SimulationStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/** The run's outcome (renderer/simClient RunOutcome). Kept opaque here so the canvas never depends on it. */
export type SimulationResult = unknown;

export interface ResultHighlight {
  /** What the user clicked, e.g. "Region us-east-1" or "Incident at 1,204 h". */
  label: string;
  nodes: string[];
  regions: string[];
}

export interface SimulationState {
  status: SimulationStatus;
  runId: string | null;
  /** 0…1 */
  progress: number;
  /** Replications finished and asked for in the current run (0 when unknown). */
  done: number;
  total: number;
  /** performance.now() when the current run started, for the elapsed-time readout. */
  startedAt: number | null;
  /** Plan revision the running or finished run was started from. */
  planRevision: number | null;
  result: SimulationResult | null;
  /** Plan revision `result` was computed from (a new run does not change it until it finishes). */
  resultRevision: number | null;
  error: string | null;
  /** The parts of the plan an error names (invalid fields, parts the engine does not simulate). */
  errorDetails: string[];
  overlay: { highlight: ResultHighlight | null; heat: boolean };
  /** `result` was read back from an earlier session (renderer/results/persistResults.ts). */
  restored: boolean;
  precision: PrecisionSetting;
  /** A precision run's interval after its latest batch (null before the first batch ends). */
  halfWidth: { relative: number | null; target: number; done: number } | null;
}

export interface SimulationSlice {
  simulation: SimulationState;
  startRun(runId: string, info?: { total?: number; startedAt?: number }): void;
  reportProgress(runId: string, fraction: number, done?: number): void;
  finishRun(runId: string, result: SimulationResult): void;
  failRun(runId: string, message: string, details?: string[]): void;
  cancelRun(runId: string): void;
  setResultHighlight(highlight: ResultHighlight | null): void;
  setHeatView(on: boolean): void;
  /**
   * Shows a result kept from an earlier session: current when `fresh` (it was computed from this
   * very plan), otherwise stale until markRestoredResultFresh says the plan came back.
   */
  restoreResult(result: SimulationResult, fresh: boolean): void;
  markRestoredResultFresh(): void;
  setPrecision(patch: Partial<PrecisionSetting>): void;
  reportHalfWidth(runId: string, halfWidth: { relative: number | null; target: number; done: number }): void;
  /** Shows a result read from a file; `fresh` when its plan hash is the open plan's. */
  showOpenedResult(result: SimulationResult, fresh: boolean): void;
}

export const INITIAL_SIMULATION: SimulationState = {
  status: 'idle',
  runId: null,
  progress: 0,
  done: 0,
  total: 0,
  startedAt: null,
  planRevision: null,
  result: null,
  resultRevision: null,
  error: null,
  errorDetails: [],
  overlay: { highlight: null, heat: false },
  restored: false,
  precision: DEFAULT_PRECISION,
  halfWidth: null,
};

export const createSimulationSlice: StateCreator<EditorState, [], [], SimulationSlice> = (set) => {
  // Messages from a run that is no longer current (cancelled, superseded) are ignored.
  const forRun = (runId: string, update: (sim: SimulationState) => Partial<SimulationState>) =>
    set((s) => (s.simulation.runId === runId ? { simulation: { ...s.simulation, ...update(s.simulation) } } : s));
  // A result that did not come from the run in progress (kept from a reload, or opened from a file);
  // a running run keeps running. -1 never equals a revision: a result that is not fresh shows as stale.
  const showResult = (result: SimulationState['result'], fresh: boolean, how: { restored: boolean; clearHighlight?: boolean }) =>
    set((s) => ({
      simulation: {
        ...s.simulation,
        status: s.simulation.status === 'running' ? s.simulation.status : 'done',
        result,
        resultRevision: fresh ? s.revision : -1,
        restored: how.restored,
        ...(how.clearHighlight ? { overlay: { ...s.simulation.overlay, highlight: null } } : {}),
      },
    }));
  return {
    simulation: INITIAL_SIMULATION,
    startRun(runId, info = {}) {
      set((s) => ({
        simulation: {
          ...s.simulation,
          status: 'running',
          runId,
          progress: 0,
          done: 0,
          total: info.total ?? 0,
          startedAt: info.startedAt ?? null,
          planRevision: s.revision,
          error: null,
          errorDetails: [],
          halfWidth: null,
        },
      }));
    },
    reportProgress(runId, fraction, done) {
      forRun(runId, (sim) => ({ progress: Math.min(1, Math.max(0, fraction)), done: done ?? sim.done }));
    },
    finishRun(runId, result) {
      forRun(runId, (sim) => ({ status: 'done', progress: 1, done: sim.total, result, resultRevision: sim.planRevision, restored: false, overlay: { ...sim.overlay, highlight: null } }));
    },
    failRun(runId, message, details = []) {
      forRun(runId, () => ({ status: 'error', error: message, errorDetails: details }));
    },
    cancelRun(runId) {
      forRun(runId, () => ({ status: 'cancelled' }));
    },
    setResultHighlight(highlight) {
      set((s) => ({ simulation: { ...s.simulation, overlay: { ...s.simulation.overlay, highlight } } }));
    },
    restoreResult(result, fresh) {
      showResult(result, fresh, { restored: true });
    },
    markRestoredResultFresh() {
      set((s) => (s.simulation.restored ? { simulation: { ...s.simulation, resultRevision: s.revision } } : s));
    },
    setPrecision(patch) {
      set((s) => ({ simulation: { ...s.simulation, precision: { ...s.simulation.precision, ...patch } } }));
    },
    reportHalfWidth(runId, halfWidth) {
      forRun(runId, () => ({ halfWidth }));
    },
    showOpenedResult(result, fresh) {
      // Not `restored`: a later plan edit must not mark a result of another plan fresh.
      showResult(result, fresh, { restored: false, clearHighlight: true });
    },
    setHeatView(on) {
      set((s) => ({ simulation: { ...s.simulation, overlay: { ...s.simulation.overlay, heat: on } } }));
    },
  };
};
