/**
 * The simulation part: the state of the current run and its result, stamped with the plan revision
 * it was computed from so the dashboard can show a stale result as stale. The run itself (workers,
 * progress messages) lives in renderer/simClient; this slice only records what it reports.
 */
import type { StateCreator } from 'zustand';
import type { EditorState } from '../editorState';

export type SimulationStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/** The engine's summary; typed by the engine issue. Kept opaque here so the canvas never depends on it. */
export type SimulationResult = unknown;

export interface SimulationState {
  status: SimulationStatus;
  runId: string | null;
  /** 0…1 */
  progress: number;
  /** Plan revision the running or finished run was started from. */
  planRevision: number | null;
  result: SimulationResult | null;
  error: string | null;
}

export interface SimulationSlice {
  simulation: SimulationState;
  startRun(runId: string): void;
  reportProgress(runId: string, fraction: number): void;
  finishRun(runId: string, result: SimulationResult): void;
  failRun(runId: string, message: string): void;
  cancelRun(runId: string): void;
}

export const INITIAL_SIMULATION: SimulationState = {
  status: 'idle',
  runId: null,
  progress: 0,
  planRevision: null,
  result: null,
  error: null,
};

export const createSimulationSlice: StateCreator<EditorState, [], [], SimulationSlice> = (set) => {
  // Messages from a run that is no longer current (cancelled, superseded) are ignored.
  const forRun = (runId: string, update: (sim: SimulationState) => Partial<SimulationState>) =>
    set((s) => (s.simulation.runId === runId ? { simulation: { ...s.simulation, ...update(s.simulation) } } : s));
  return {
    simulation: INITIAL_SIMULATION,
    startRun(runId) {
      set((s) => ({
        simulation: { ...s.simulation, status: 'running', runId, progress: 0, planRevision: s.revision, error: null },
      }));
    },
    reportProgress(runId, fraction) {
      forRun(runId, () => ({ progress: Math.min(1, Math.max(0, fraction)) }));
    },
    finishRun(runId, result) {
      forRun(runId, () => ({ status: 'done', progress: 1, result }));
    },
    failRun(runId, message) {
      forRun(runId, () => ({ status: 'error', error: message }));
    },
    cancelRun(runId) {
      forRun(runId, () => ({ status: 'cancelled' }));
    },
  };
};
