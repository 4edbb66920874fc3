/**
 * The simulated numbers the drill exports (FIS, Chaos Toolkit) quote, as the app knows them: from the
 * last Run when it is current (it replays the scenarios too), else from a scenarios-only replay the
 * Export dialog started for this very plan revision. The CLI computes the same numbers the same way
 * (the plan's replications and seed), so the app's drill files equal `resilience export`'s.
 */
import type { ExportFormat, ExportOptions, ScenarioExpectation } from '../../sim/export/types';
import type { RunOutcome } from '../simClient/types';
import type { EditorStore } from '../store/createEditorStore';
import type { EditorState } from '../store/editorState';

const replays = new WeakMap<EditorStore, { revision: number; expectations: ScenarioExpectation[] }>();

/** Keeps a replay's numbers for the plan revision they were computed from. */
export function rememberReplay(store: EditorStore, revision: number, expectations: ScenarioExpectation[]): void {
  replays.set(store, { revision, expectations });
}

/** The current plan's drill numbers, or null when its scenarios have not been run since it changed. */
export function drillNumbers(store: EditorStore, state: EditorState = store.getState()): ScenarioExpectation[] | null {
  const sim = state.simulation;
  if (sim.result && sim.resultRevision === state.revision) {
    const fromRun = (sim.result as Partial<RunOutcome>).scenarioExpectations;
    if (fromRun) return fromRun;
  }
  const replay = replays.get(store);
  return replay && replay.revision === state.revision ? replay.expectations : null;
}

/** What a format is handed: the drill numbers when it quotes them and there are any. */
export function drillExportOptions(format: ExportFormat, expectations: ScenarioExpectation[] | null): ExportOptions {
  return format.usesScenarioResults && expectations && expectations.length > 0 ? { scenarioExpectations: expectations } : {};
}
