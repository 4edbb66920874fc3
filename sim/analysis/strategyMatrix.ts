/**
 * The measured strategy matrix of a plan: all eight strategies in the article's order, each with its
 * detection, the article's qualitative levels and the research's numeric reading of them, and —
 * for every used strategy — the paired effect of removing it (ablation.ts) on the same random
 * streams. Pure apart from the injected runner; imports sim/analysis, sim/catalog, sim/model.
 */
import { CATALOG, STRATEGY_IDS, type ComplexityLevel, type CostLevel, type EffectivenessLevel, type ScalabilityLevel, type StrategyId } from '../catalog';
import type { Plan } from '../model/schema';
import { ablate, ABLATION_RULES } from './ablation';
import { deltaBetween, DesignError, evaluateDesign, type DesignDelta, type EvaluatedDesign, type ReplicationRunner, type RunSettings } from './design';
import { detectStrategies } from './strategies';

export interface StrategyRow {
  id: StrategyId;
  name: string;
  used: boolean;
  reason: string;
  qualitative: { complexity: ComplexityLevel; cost: CostLevel; scalability: ScalabilityLevel; effectiveness: EffectivenessLevel };
  /** The research's estimates for those levels (sim/catalog/strategies.ts). */
  estimates: { personWeeks: number; opsFte: number; costMultiplier: number; scalabilityScore: number | null; downtimeReduction: number };
  ablation: { rule: string; changes: string[] };
  /** Removing the strategy: ablated − plan (so a useful strategy shows a negative Δ availability). Null when not measured. */
  measured: DesignDelta | null;
  /** Why `measured` is null: the plan does not use it, or the ablated plan is not valid. */
  notMeasured: string | null;
}

export interface StrategyMatrix {
  plan: string;
  seed: number;
  replications: number;
  horizonYears: number;
  base: {
    availability: EvaluatedDesign['result']['availability']['requestWeighted'];
    downtimeMinutesPerYear: EvaluatedDesign['result']['downtimeMinutesPerYear'];
    rtoP95Seconds: number | null;
    rpoP95Seconds: number | null;
    monthlyUsd: number;
    tcoUsdPerMonth: number;
  };
  rows: StrategyRow[];
  matrixSource: typeof CATALOG.strategies.matrixSource;
}

export interface MatrixProgress {
  /** Called before each simulation: step is 1-based, of `total`, with a label ("base plan", "without monitoring"). */
  (step: number, total: number, label: string): void;
}

export async function measureStrategies(plan: Plan, settings: RunSettings, run: ReplicationRunner, onStep?: MatrixProgress): Promise<StrategyMatrix> {
  const findings = detectStrategies(plan);
  const used = findings.filter((f) => f.used);
  const total = 1 + used.length;
  onStep?.(1, total, 'the plan as written');
  const base = await evaluateDesign(plan, settings, run);
  const levels = CATALOG.strategies.levels;
  const rows: StrategyRow[] = [];
  let step = 1;
  for (const id of STRATEGY_IDS) {
    const f = findings.find((x) => x.id === id)!;
    const s = CATALOG.strategies.byId[id];
    const ablation = ablate(plan, id);
    let measured: DesignDelta | null = null;
    let notMeasured: string | null = f.used ? null : 'not used by this plan';
    if (f.used) {
      onStep?.(++step, total, `without ${s.name.toLowerCase()}`);
      if (ablation.changes.length === 0) {
        notMeasured = 'the ablation found nothing to remove';
      } else {
        try {
          measured = deltaBetween(base, await evaluateDesign(ablation.plan, settings, run));
        } catch (error) {
          if (!(error instanceof DesignError)) throw error;
          notMeasured = `the plan without it is ${error.message}`;
        }
      }
    }
    rows.push({
      id,
      name: s.name,
      used: f.used,
      reason: f.reason,
      qualitative: { complexity: s.complexity, cost: s.cost, scalability: s.scalability, effectiveness: s.effectiveness },
      estimates: {
        personWeeks: levels.complexityPersonWeeks.value[s.complexity],
        opsFte: levels.complexityOpsFte.value[s.complexity],
        costMultiplier: levels.costMultiplier.value[s.cost],
        scalabilityScore: levels.scalabilityScore.value[s.scalability],
        downtimeReduction: levels.effectivenessDowntimeReduction.value[s.effectiveness],
      },
      ablation: { rule: ABLATION_RULES[id], changes: ablation.changes },
      measured,
      notMeasured,
    });
  }
  const r = base.result;
  return {
    plan: plan.name,
    seed: settings.seed,
    replications: r.replications,
    horizonYears: r.horizonYears,
    base: {
      availability: r.availability.requestWeighted,
      downtimeMinutesPerYear: r.downtimeMinutesPerYear,
      rtoP95Seconds: r.rtoSeconds.p95,
      rpoP95Seconds: r.rpoSeconds.p95,
      monthlyUsd: base.cost.monthlyUsd,
      tcoUsdPerMonth: base.cost.tcoUsdPerMonth,
    },
    rows,
    matrixSource: CATALOG.strategies.matrixSource,
  };
}
