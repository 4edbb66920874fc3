/**
 * Monte Carlo over replications: `runReplications` (pure: plan and seed in, one summary per
 * replication out) and `summarize`, which pools summaries into the result contract with Student-t
 * 95 % intervals. Replication r depends only on (seed, r), so any split over workers merges back
 * to the same result. Imports only sim/model types and sim/engine.
 */
import type { ResolvedPlan } from '../model/resolve';
import { compileModel, type EngineModel } from './model';
import { collectOrigins } from './dns/compileDns';
import { runReplication, type ReplicationSummary } from './replication';
import { meanWithInterval, quantileSorted, type MeanWithInterval } from './stats';
import type { IncidentRecord } from './metrics';
import type { DataCounters } from './data/dataRuntime';

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
  /** Called after each replication (progress bars). */
  onReplication?: (done: number) => void;
}

export function runReplications(plan: ResolvedPlan, options: RunOptions, model?: EngineModel): ReplicationSummary[] {
  const compiled = model ?? compileModel(plan, options.horizonYears ?? plan.simulation.horizonYears);
  const objective = plan.objectives.availability ?? NaN;
  const out: ReplicationSummary[] = [];
  for (let i = 0; i < options.count; i++) {
    out.push(runReplication(compiled, { seed: options.seed, replication: options.fromReplication + i, availabilityObjective: objective }));
    options.onReplication?.(i + 1);
  }
  return out;
}

export interface SampleStatistics {
  count: number;
  mean: number | null;
  min: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
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

export function sampleStatistics(samples: number[]): SampleStatistics {
  if (samples.length === 0) return { count: 0, mean: null, min: null, p50: null, p95: null, p99: null, max: null };
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    mean: sum / sorted.length,
    min: sorted[0]!,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: sorted[sorted.length - 1]!,
  };
}

/** P(sample > target), judged against exceedanceMax; no samples means no exceedance was seen. */
function exceedance(samples: number[], target: number, exceedanceMax: number): ObjectiveResult {
  let above = 0;
  for (const v of samples) if (v > target) above++;
  const value = samples.length === 0 ? 0 : above / samples.length;
  return { target, value, met: value <= exceedanceMax };
}

/** Pools per-origin requests over replications; origin ids come from the compiled model. */
function byOrigin(ordered: ReplicationSummary[], origins: string[], years: number): SimulationResult['byOrigin'] {
  return origins.map((origin, o) => {
    let offered = 0;
    let lost = 0;
    for (const s of ordered) {
      offered += s.originOfferedRequests[o] ?? 0;
      lost += s.originLostRequests[o] ?? 0;
    }
    return { origin, availability: offered > 0 ? 1 - lost / offered : 1, lostRequestsPerYear: lost / (ordered.length * years) };
  });
}

export function summarize(summaries: ReplicationSummary[], plan: ResolvedPlan, seed = plan.simulation.seed, origins: string[] = clientOrigins(plan)): SimulationResult {
  if (summaries.length === 0) throw new Error('summarize: no replications');
  const ordered = [...summaries].sort((a, b) => a.replication - b.replication);
  const horizonSeconds = ordered[0]!.horizonSeconds;
  const years = horizonSeconds / (8760 * 3600);
  const requestWeighted = ordered.map((s) => (s.offeredRequests > 0 ? 1 - s.lostRequests / s.offeredRequests : 1));
  const timeWeighted = ordered.map((s) => 1 - s.downSeconds / s.horizonSeconds);
  const rto: number[] = [];
  const rpo: number[] = [];
  let incidents = 0;
  let open = 0;
  let events = 0;
  let months = 0;
  let monthsMet = 0;
  for (const s of ordered) {
    for (const v of s.rtoSeconds) rto.push(v);
    for (const v of s.rpoSeconds) rpo.push(v);
    incidents += s.incidents;
    open += s.incidents - s.rtoSeconds.length;
    events += s.events;
    months += s.months;
    monthsMet += s.monthsMeetingObjective;
  }
  const total = (f: (s: ReplicationSummary) => number): number => ordered.reduce((a, s) => a + f(s), 0);
  const o = plan.objectives;
  const reqA = meanWithInterval(requestWeighted);
  const objectives: Record<string, ObjectiveResult> = {};
  if (o.availability !== undefined) objectives.availability = { target: o.availability, value: reqA.mean, met: reqA.mean >= o.availability };
  if (o.rtoSeconds !== undefined) objectives.rtoSeconds = exceedance(rto, o.rtoSeconds, o.exceedanceMax);
  if (o.rpoSeconds !== undefined) objectives.rpoSeconds = exceedance(rpo, o.rpoSeconds, o.exceedanceMax);
  return {
    replications: ordered.length,
    horizonYears: years,
    seed,
    availability: { requestWeighted: reqA, timeWeighted: meanWithInterval(timeWeighted) },
    downtimeMinutesPerYear: meanWithInterval(timeWeighted.map((a) => (1 - a) * MINUTES_PER_YEAR)),
    lostRequestsPerYear: meanWithInterval(ordered.map((s) => s.lostRequests / years)),
    incidents: { count: incidents, perYear: incidents / (ordered.length * years), openAtHorizon: open, timeline: ordered[0]!.incidentRecords },
    rtoSeconds: sampleStatistics(rto),
    rpoSeconds: sampleStatistics(rpo),
    data: {
      writesLost: total((s) => s.data.writesLost),
      writesLostPerYear: meanWithInterval(ordered.map((s) => s.data.writesLost / years)),
      promotions: total((s) => s.data.promotions),
      promotionAttempts: total((s) => s.data.promotionAttempts),
      restores: total((s) => s.data.restores),
      restoreAttempts: total((s) => s.data.restoreAttempts),
      unrecoverableLosses: total((s) => s.data.unrecoverableLosses),
      multiwriterLosses: total((s) => s.data.multiwriterLosses),
    },
    sloAttainment:
      o.availability === undefined ? null : { objective: o.availability, months, monthsMet, share: months > 0 ? monthsMet / months : 0 },
    objectives,
    byOrigin: byOrigin(ordered, origins, years),
    events,
    wallSeconds: null,
  };
}
