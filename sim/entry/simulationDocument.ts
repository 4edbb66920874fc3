// The one JSON document `simulate --json` prints, built from the plan and the pooled result, so that
// `merge` (shards) and `simulate` (one machine) cannot drift apart: both call this.
// Node-free; imports only sim/model and sim/engine types.
import type { ResolvedPlan } from '../model/resolve';
import type { SimulationResult } from '../engine/monteCarlo';

export type SimulationDocument = { plan: string } & SimulationResult & { notes: string[] };

/** Plain sentences about what a run did not cover. */
export function simulationNotes(plan: ResolvedPlan): string[] {
  return plan.scenarios.length > 0 ? ['scripted scenarios are not played by simulate (random failures only); they replay with "resilience scenarios"'] : [];
}

export function simulationDocument(plan: ResolvedPlan, result: SimulationResult): SimulationDocument {
  return { plan: plan.name, ...result, notes: simulationNotes(plan) };
}
