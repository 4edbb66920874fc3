/**
 * Monte Carlo over replications: `runReplications` (pure: plan and seed in, one summary per
 * replication out), `accumulateReplications` (the same, streamed into RunStatistics so memory stays
 * flat however many replications run) and `summarize`, which pools summaries into the result
 * contract. Replication r depends only on (seed, r), and RunStatistics merges exactly, so any split
 * over workers, chunks or shards gives the same result to the bit.
 * Imports only sim/model types and sim/engine.
 */
import type { ResolvedPlan } from '../model/resolve';
import { compileModel, type EngineModel } from './model';
import { collectOrigins } from './dns/compileDns';
import { runReplication, type ReplicationSummary } from './replication';
import type { MeanWithInterval } from './stats';
import type { IncidentRecord } from './metrics';
import type { DataCounters } from './data/dataRuntime';
import { RunStatistics } from './runStatistics';
import { sampleStatisticsOf, type SampleStatistics } from './sampleSummary';

export type { SampleStatistics };
export { RunStatistics };
export const MINUTES_PER_YEAR = 525_600;

/** The plan's client origins in the order the engine reports them (same rule as compileModel). */
export function clientOrigins(plan: ResolvedPlan): string[] {
  return collectOrigins(plan).ids;
}

export interface RunOptions {
  fromReplication: number;
  count: number;
  seed: number;
  /** Overrides the plan's horizon. */
  horizonYears?: number;
  /** Events one replication may deliver before the run stops (EventBudgetExceeded); default DEFAULT_EVENT_BUDGET. */
  eventBudget?: number;
  /** Called after each replication (progress bars). */
  onReplication?: (done: number) => void;
  /** Called with each replication's summary before it is pooled (paired comparisons keep a few numbers of it). */
  onSummary?: (summary: ReplicationSummary) => void;
}

/**
 * The few numbers of one replication that paired differences need (PLAN-FORMAT meaning 15: two
 * designs run on the same seed pair replication by replication). Small enough to keep for any run.
 */
export interface PairedRecord {
  replication: number;
  offeredRequests: number;
  lostRequests: number;
  downSeconds: number;
  horizonSeconds: number;
}

export function pairedRecordOf(s: ReplicationSummary): PairedRecord {
  return { replication: s.replication, offeredRequests: s.offeredRequests, lostRequests: s.lostRequests, downSeconds: s.downSeconds, horizonSeconds: s.horizonSeconds };
}

export function runReplications(plan: ResolvedPlan, options: RunOptions, model?: EngineModel): ReplicationSummary[] {
  const compiled = model ?? compileModel(plan, options.horizonYears ?? plan.simulation.horizonYears);
  const objective = plan.objectives.availability ?? NaN;
  const out: ReplicationSummary[] = [];
  for (let i = 0; i < options.count; i++) {
    out.push(runReplication(compiled, { seed: options.seed, replication: options.fromReplication + i, availabilityObjective: objective, eventBudget: options.eventBudget }));
    options.onReplication?.(i + 1);
  }
  return out;
}

/** Runs replications into running statistics: only the statistics outlive each replication. */
export function accumulateReplications(plan: ResolvedPlan, options: RunOptions, model?: EngineModel, into?: RunStatistics): RunStatistics {
  const compiled = model ?? compileModel(plan, options.horizonYears ?? plan.simulation.horizonYears);
  const stats = into ?? RunStatistics.forPlan(plan, compiled.horizonSeconds, compiled.origins.length);
  const objective = plan.objectives.availability ?? NaN;
  for (let i = 0; i < options.count; i++) {
    const summary = runReplication(compiled, { seed: options.seed, replication: options.fromReplication + i, availabilityObjective: objective, eventBudget: options.eventBudget });
    options.onSummary?.(summary);
    stats.add(summary);
    options.onReplication?.(i + 1);
  }
  return stats;
}

/** Statistics of a plain list of samples (the same summary the run uses). */
export function sampleStatistics(samples: readonly number[]): SampleStatistics {
  return sampleStatisticsOf(samples);
}

export interface ObjectiveResult {
  target: number;
  value: number | null;
  met: boolean | null;
}

export interface SimulationResult {
  replications: number;
  horizonYears: number;
  seed: number;
  availability: { requestWeighted: MeanWithInterval; timeWeighted: MeanWithInterval };
  downtimeMinutesPerYear: MeanWithInterval;
  lostRequestsPerYear: MeanWithInterval;
  incidents: {
    count: number;
    perYear: number;
    /** Incidents still open at the horizon (counted, but no RTO sample). */
    openAtHorizon: number;
    /** The first replication's incidents, at most INCIDENT_RECORDS_KEPT, for the app's timeline. */
    timeline: IncidentRecord[];
  };
  rtoSeconds: SampleStatistics;
  rpoSeconds: SampleStatistics;
  /** Data losses (sim/engine/data): writes lost per year, and what produced RPO samples. */
  data: DataCounters & { writesLostPerYear: MeanWithInterval };
  /** Share of simulated 730-hour months whose request-weighted availability met the objective. */
  sloAttainment: { objective: number; months: number; monthsMet: number; share: number } | null;
  objectives: Record<string, ObjectiveResult>;
  /** Request-weighted availability seen from each client origin region ('' for clients naming none). */
  byOrigin: Array<{ origin: string; availability: number; lostRequestsPerYear: number }>;
  events: number;
  /** Set by the entry point that measured it; the engine never reads a clock. */
  wallSeconds: number | null;
}


/** Pools per-replication summaries (any order, any subset) into the result contract. */
export function summarize(summaries: ReplicationSummary[], plan: ResolvedPlan, seed = plan.simulation.seed, origins: string[] = clientOrigins(plan)): SimulationResult {
  if (summaries.length === 0) throw new Error('summarize: no replications');
  const stats = RunStatistics.forPlan(plan, summaries[0]!.horizonSeconds, summaries[0]!.originOfferedRequests.length);
  for (const s of summaries) stats.add(s);
  return stats.result(plan, seed, origins);
}
