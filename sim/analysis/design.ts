/**
 * One design evaluated: a plan validated, simulated (through an injected runner, so the CLI can use
 * its worker pool and tests the engine in-thread), summarised and priced; and the paired
 * differences between two designs run on the same seed (common random numbers, PLAN-FORMAT meaning
 * 15): Student-t intervals over per-replication differences. Pure apart from the injected runner;
 * imports sim/model, sim/engine, sim/cost.
 */
import type { Plan } from '../model/schema';
import type { ResolvedPlan } from '../model/resolve';
import { validatePlan } from '../model/validate';
import { formatIssue } from '../model/issues';
import { clientOrigins, MINUTES_PER_YEAR, type PairedRecord, type RunStatistics, type SimulationResult } from '../engine/monteCarlo';
import { meanWithInterval, type MeanWithInterval } from '../engine/stats';
import { costOfPlan, rateCardIssues, type CostReport } from '../cost';

export interface RunSettings {
  seed: number;
  replications: number;
  horizonYears: number;
}

/**
 * Runs a resolved plan's replications 0..replications−1 for the settings: their pooled statistics
 * and each replication's paired record, in replication order.
 */
export type ReplicationRunner = (plan: ResolvedPlan, settings: RunSettings) => Promise<{ statistics: RunStatistics; records: PairedRecord[] }>;

export interface EvaluatedDesign {
  plan: Plan;
  resolved: ResolvedPlan;
  /** Per replication, in order: what paired differences need. */
  summaries: PairedRecord[];
  result: SimulationResult;
  cost: CostReport;
}

/** A plan that cannot be evaluated because it is invalid (the engine simulates every valid plan). */
export class DesignError extends Error {
  constructor(
    message: string,
    readonly reason: 'invalid',
  ) {
    super(message);
  }
}

/** Validates a plan (schema, cross-checks, cost settings). */
export function prepareDesign(plan: unknown): { plan: Plan; resolved: ResolvedPlan } {
  const load = validatePlan(plan);
  if (!load.ok || !load.resolved || !load.plan) {
    const first = load.errors[0];
    const more = load.errors.length > 1 ? ` (and ${load.errors.length - 1} more)` : '';
    throw new DesignError(`not a valid plan: ${first ? formatIssue(first) : 'unknown error'}${more}`, 'invalid');
  }
  const costIssues = rateCardIssues(load.plan.cost, load.plan.nodes.map((n) => n.id));
  if (costIssues.length > 0) throw new DesignError(`not a valid plan: ${costIssues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, 'invalid');
  return { plan: load.plan, resolved: load.resolved };
}

export async function evaluateDesign(plan: unknown, settings: RunSettings, run: ReplicationRunner): Promise<EvaluatedDesign> {
  const prepared = prepareDesign(plan);
  const { statistics, records: summaries } = await run(prepared.resolved, settings);
  const result = statistics.result(prepared.resolved, settings.seed, clientOrigins(prepared.resolved));
  const cost = costOfPlan(prepared.plan, prepared.resolved, { requestWeightedAvailability: result.availability.requestWeighted.mean });
  return { ...prepared, summaries, result, cost };
}

export const requestWeighted = (s: PairedRecord): number => (s.offeredRequests > 0 ? 1 - s.lostRequests / s.offeredRequests : 1);
export const downtimeMinutesPerYear = (s: PairedRecord): number => (s.downSeconds / s.horizonSeconds) * MINUTES_PER_YEAR;

/** Mean of per-replication differences (other − base) with its Student-t 95 % interval. */
export function pairedDifference(base: readonly PairedRecord[], other: readonly PairedRecord[], measure: (s: PairedRecord) => number): MeanWithInterval {
  if (base.length !== other.length || base.some((s, i) => s.replication !== other[i]!.replication)) {
    throw new Error('paired differences need the same replications of both designs');
  }
  return meanWithInterval(base.map((s, i) => measure(other[i]!) - measure(s)));
}

export interface DesignDelta {
  /** Request-weighted availability, other − base, paired. */
  availability: MeanWithInterval;
  /** Downtime minutes a year (time-weighted), other − base, paired. */
  downtimeMinutesPerYear: MeanWithInterval;
  /** Difference of pooled 95th percentiles; null when either design has no sample. */
  rtoP95Seconds: number | null;
  rpoP95Seconds: number | null;
  /** infrastructure + operations, other − base. */
  monthlyUsd: number;
  tcoUsdPerMonth: number;
  /** True when the 95 % interval of the availability difference excludes 0. */
  availabilitySignificant: boolean;
}

const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : b - a);

export function deltaBetween(base: EvaluatedDesign, other: EvaluatedDesign): DesignDelta {
  const availability = pairedDifference(base.summaries, other.summaries, requestWeighted);
  const ci = availability.ci95;
  return {
    availability,
    downtimeMinutesPerYear: pairedDifference(base.summaries, other.summaries, downtimeMinutesPerYear),
    rtoP95Seconds: diff(base.result.rtoSeconds.p95, other.result.rtoSeconds.p95),
    rpoP95Seconds: diff(base.result.rpoSeconds.p95, other.result.rpoSeconds.p95),
    monthlyUsd: other.cost.monthlyUsd - base.cost.monthlyUsd,
    tcoUsdPerMonth: other.cost.tcoUsdPerMonth - base.cost.tcoUsdPerMonth,
    availabilitySignificant: ci !== null && (ci[0] > 0 || ci[1] < 0),
  };
}

/** Each objective of a design: met, missed or not judged (null), budget included. */
export function objectiveVerdicts(d: EvaluatedDesign): Array<{ objective: string; target: number; value: number | null; met: boolean | null }> {
  const out = Object.entries(d.result.objectives).map(([objective, o]) => ({ objective, target: o.target, value: o.value, met: o.met }));
  const b = d.cost.budget;
  if (b) out.push({ objective: 'monthlyBudgetUsd', target: b.limitUsdPerMonth, value: b.judgedUsdPerMonth, met: b.met });
  return out;
}
