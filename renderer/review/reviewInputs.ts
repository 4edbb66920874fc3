/**
 * What the review panels hand to a report: the plan, and the simulation result (with its scripted
 * scenarios), cost, strategy matrix, comparison and sensitivity run that are up to date for it (an analysis of an earlier revision is left
 * out rather than reported against a plan it was not run on), with the run they share.
 */
import type { Comparison } from '../../sim/analysis/compare';
import type { SensitivityResult } from '../../sim/analysis/sensitivity';
import type { ScenarioResult } from '../../sim/engine/scenarios';
import type { StrategyMatrix } from '../../sim/analysis/strategyMatrix';
import type { CostReport } from '../../sim/cost';
import type { SimulationResult } from '../../sim/engine/monteCarlo';
import type { Plan } from '../../sim/model/schema';

export interface ReviewInputs {
  plan: Plan;
  simulation?: SimulationResult;
  cost?: CostReport;
  strategies?: StrategyMatrix;
  comparison?: Comparison;
  /** The other files the comparison included (beside the plan's own variants), by name. */
  comparisonFiles?: string[];
  sensitivity?: SensitivityResult;
  scenarios?: ScenarioResult[];
  /** Parts the panels hold for an earlier revision of the plan, left out. */
  leftOut: string[];
  run: { seed: number; replications: number; horizonYears: number };
}

export interface PanelState {
  plan: Plan;
  revision: number;
  simulation: { result: SimulationResult; revision: number | null; scenarios?: ScenarioResult[] | null } | null;
  /** The Cost panel's report for the current plan (priced with the simulation's availability when there is one). */
  cost: CostReport | null;
  strategies: { result: StrategyMatrix; revision: number | null } | null;
  comparison: { result: Comparison; revision: number | null; files?: string[] } | null;
  sensitivity?: { result: SensitivityResult; revision: number | null } | null;
  /** The plan's run settings (resolved). */
  settings: { seed: number; replications: number; horizonYears: number };
}

export function reviewInputs(s: PanelState): ReviewInputs {
  const leftOut: string[] = [];
  const fresh = <T,>(part: { result: T; revision: number | null } | null, name: string): T | undefined => {
    if (!part) return undefined;
    if (part.revision !== s.revision) {
      leftOut.push(`${name} (run on an earlier revision of the plan)`);
      return undefined;
    }
    return part.result;
  };
  const simulation = fresh(s.simulation, 'simulation');
  const strategies = fresh(s.strategies, 'strategy matrix');
  let comparison = fresh(s.comparison, 'comparison');
  // One design alone compares nothing, and `report --variants` refuses to: leave it out.
  if (comparison && comparison.designs.length < 2) {
    leftOut.push('comparison (only one design was compared)');
    comparison = undefined;
  }
  const sensitivity = fresh(s.sensitivity ?? null, 'sensitivity');
  const scenarios = simulation && s.simulation?.scenarios && s.simulation.scenarios.length > 0 ? s.simulation.scenarios : undefined;
  // A cost priced with a stale run's availability would report the wrong downtime cost.
  const cost = s.cost && (s.cost.downtime === null || simulation !== undefined) ? s.cost : undefined;
  if (s.cost && !cost) leftOut.push('cost (its downtime cost uses a run of an earlier revision)');
  return {
    plan: s.plan,
    ...(simulation ? { simulation } : {}),
    ...(cost ? { cost } : {}),
    ...(strategies ? { strategies } : {}),
    ...(comparison ? { comparison, comparisonFiles: s.comparison?.files ?? [] } : {}),
    ...(sensitivity ? { sensitivity } : {}),
    ...(scenarios ? { scenarios } : {}),
    leftOut,
    run: simulation ? { seed: simulation.seed, replications: simulation.replications, horizonYears: simulation.horizonYears } : s.settings,
  };
}
