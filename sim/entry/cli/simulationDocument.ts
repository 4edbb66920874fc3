// The one JSON document `simulate --json` prints, built from the plan and the pooled result, so that
// `merge` (shards) and `simulate` (one machine) cannot drift apart: both call this.
// Node-free; imports only sim/model, sim/cost and sim/engine.
import type { Plan } from '../../model/schema';
import type { ResolvedPlan } from '../../model/resolve';
import type { SimulationResult } from '../../engine/monteCarlo';
import { costOfPlan } from '../../cost';
import { planSha256 } from '../../model/planHash';

/** The cost totals simulate carries; the itemised lines are `resilience cost`'s (RESULT-CONTRACT.md). */
export function simulationCost(rawPlan: Plan, plan: ResolvedPlan, result: SimulationResult) {
  const priced = costOfPlan(rawPlan, plan, { requestWeightedAvailability: result.availability.requestWeighted.mean });
  return {
    monthlyUsd: priced.monthlyUsd,
    infrastructureUsdPerMonth: priced.infrastructureUsdPerMonth,
    operationsUsdPerMonth: priced.operationsUsdPerMonth,
    downtimeUsdPerMonth: priced.downtime?.usdPerMonth ?? null,
    tcoUsdPerMonth: priced.tcoUsdPerMonth,
    budget: priced.budget,
    unpricedNodes: priced.unpricedNodes,
  };
}

export type SimulationDocument = { plan: string; planSha256: string } & SimulationResult & { cost: ReturnType<typeof simulationCost>; notes: string[] };

/** Plain sentences about what a run did not cover. */
export function simulationNotes(plan: ResolvedPlan): string[] {
  return plan.scenarios.length > 0 ? ['scripted scenarios are not played by simulate (random failures only); they replay with "resilience scenarios"'] : [];
}

export function simulationDocument(rawPlan: Plan, plan: ResolvedPlan, result: SimulationResult): SimulationDocument {
  return { plan: plan.name, planSha256: planSha256(rawPlan), ...result, cost: simulationCost(rawPlan, plan, result), notes: simulationNotes(plan) };
}
