/**
 * Running statistics of a Monte Carlo run: what the result needs from every replication, kept in
 * memory that does not grow with the run (exact sums, counts, mergeable sample summaries, the first
 * replication's incident timeline). Merging is exact and order-free, and the state is plain JSON, so
 * workers, chunks and shards of one run combine to the same result to the bit.
 * Imports only sim/model types and sim/engine.
 */
import type { ResolvedPlan } from '../model/resolve';
import type { DataCounters } from './data/dataRuntime';
import { ExactSum, Moments, exactMean, hexToBigInt, exactVarianceOfMean, roundRatio, scaled, VALUE_SHIFT, type MomentsState, type Scale } from './exactSum';
import type { IncidentRecord } from './metrics';
import type { ObjectiveResult, SimulationResult } from './monteCarlo';
import type { ReplicationSummary } from './replication';
import { RAW_SAMPLE_LIMIT, SampleSummary, type SampleSummaryState } from './sampleSummary';
import { studentTQuantile, type MeanWithInterval } from './stats';
import { YEAR_SECONDS } from './timeUnits';

const MINUTES_PER_YEAR = 525_600;
const COUNTERS = ['incidents', 'openAtHorizon', 'events', 'months', 'monthsMet', 'promotions', 'promotionAttempts', 'restores', 'restoreAttempts', 'unrecoverableLosses', 'multiwriterLosses'] as const;
type Counter = (typeof COUNTERS)[number];

export interface RunStatisticsState {
  format: 'resilience-run-statistics';
  version: 1;
  horizonSeconds: number;
  origins: number;
  replications: number;
  /** Unavailability (1 − A) per replication, request- and time-weighted; lost requests and writes. */
  requestUnavailability: MomentsState;
  timeUnavailability: MomentsState;
  lostRequests: MomentsState;
  writesLost: MomentsState;
  originOffered: string[];
  originLost: string[];
  counters: Record<Counter, number>;
  rto: SampleSummaryState;
  rpo: SampleSummaryState;
  /** The lowest replication seen and its incident records (replication 0 in a whole run). */
  timelineReplication: number | null;
  timeline: IncidentRecord[];
}

export class RunStatistics {
  replications = 0;
  private requestU = new Moments();
  private timeU = new Moments();
  private lost = new Moments();
  private writes = new Moments();
  private originOffered: ExactSum[];
  private originLost: ExactSum[];
  private counters: Record<Counter, number> = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>;
  private rto: SampleSummary;
  private rpo: SampleSummary;
  private timelineReplication: number | null = null;
  private timeline: IncidentRecord[] = [];

  constructor(
    readonly horizonSeconds: number,
    /** Entries of each summary's per-origin arrays. */
    readonly origins: number,
    rtoTargets: readonly number[] = [],
    rpoTargets: readonly number[] = [],
    /** RTO/RPO samples kept raw up to this pooled count (see SampleSummary). */
    rawLimit: number = RAW_SAMPLE_LIMIT,
  ) {
    this.originOffered = Array.from({ length: origins }, () => new ExactSum());
    this.originLost = Array.from({ length: origins }, () => new ExactSum());
    this.rto = new SampleSummary(rtoTargets, rawLimit);
    this.rpo = new SampleSummary(rpoTargets, rawLimit);
  }

  static forPlan(plan: ResolvedPlan, horizonSeconds: number, origins: number, rawLimit: number = RAW_SAMPLE_LIMIT): RunStatistics {
    const o = plan.objectives;
    return new RunStatistics(horizonSeconds, origins, o.rtoSeconds === undefined ? [] : [o.rtoSeconds], o.rpoSeconds === undefined ? [] : [o.rpoSeconds], rawLimit);
  }

  add(s: ReplicationSummary): void {
    if (s.horizonSeconds !== this.horizonSeconds) throw new Error('run statistics: replications of different horizons cannot be pooled');
    this.replications++;
    this.requestU.add(s.offeredRequests > 0 ? s.lostRequests / s.offeredRequests : 0);
    this.timeU.add(s.downSeconds / s.horizonSeconds);
    this.lost.add(s.lostRequests);
    this.writes.add(s.data.writesLost);
    for (let o = 0; o < this.origins; o++) {
      this.originOffered[o]!.addFinite(s.originOfferedRequests[o] ?? 0);
      this.originLost[o]!.addFinite(s.originLostRequests[o] ?? 0);
    }
    const c = this.counters;
    c.incidents += s.incidents;
    c.openAtHorizon += s.incidents - s.rtoSeconds.length;
    c.events += s.events;
    c.months += s.months;
    c.monthsMet += s.monthsMeetingObjective;
    const d: DataCounters = s.data;
    c.promotions += d.promotions;
    c.promotionAttempts += d.promotionAttempts;
    c.restores += d.restores;
    c.restoreAttempts += d.restoreAttempts;
    c.unrecoverableLosses += d.unrecoverableLosses;
    c.multiwriterLosses += d.multiwriterLosses;
    for (const v of s.rtoSeconds) this.rto.add(v);
    for (const v of s.rpoSeconds) this.rpo.add(v);
    if (this.timelineReplication === null || s.replication < this.timelineReplication) {
      this.timelineReplication = s.replication;
      this.timeline = s.incidentRecords;
    }
  }

  merge(other: RunStatistics): void {
    if (other.horizonSeconds !== this.horizonSeconds || other.origins !== this.origins) {
      throw new Error('run statistics: only results of the same plan and horizon can be merged');
    }
    this.replications += other.replications;
    this.requestU.merge(other.requestU);
    this.timeU.merge(other.timeU);
    this.lost.merge(other.lost);
    this.writes.merge(other.writes);
    for (let o = 0; o < this.origins; o++) {
      this.originOffered[o]!.addUnits(other.originOffered[o]!.units);
      this.originLost[o]!.addUnits(other.originLost[o]!.units);
    }
    for (const c of COUNTERS) this.counters[c] += other.counters[c];
    this.rto.merge(other.rto);
    this.rpo.merge(other.rpo);
    if (other.timelineReplication !== null && (this.timelineReplication === null || other.timelineReplication < this.timelineReplication)) {
      this.timelineReplication = other.timelineReplication;
      this.timeline = other.timeline;
    }
  }

  toJSON(): RunStatisticsState {
    return {
      format: 'resilience-run-statistics',
      version: 1,
      horizonSeconds: this.horizonSeconds,
      origins: this.origins,
      replications: this.replications,
      requestUnavailability: this.requestU.toJSON(),
      timeUnavailability: this.timeU.toJSON(),
      lostRequests: this.lost.toJSON(),
      writesLost: this.writes.toJSON(),
      originOffered: this.originOffered.map((v) => v.units.toString(16)),
      originLost: this.originLost.map((v) => v.units.toString(16)),
      counters: { ...this.counters },
      rto: this.rto.toJSON(),
      rpo: this.rpo.toJSON(),
      timelineReplication: this.timelineReplication,
      timeline: this.timeline,
    };
  }

  static fromJSON(state: RunStatisticsState): RunStatistics {
    if (state?.format !== 'resilience-run-statistics' || state.version !== 1) throw new Error('not a run-statistics state of version 1');
    const r = new RunStatistics(state.horizonSeconds, state.origins);
    r.replications = state.replications;
    r.requestU = Moments.fromJSON(state.requestUnavailability);
    r.timeU = Moments.fromJSON(state.timeUnavailability);
    r.lost = Moments.fromJSON(state.lostRequests);
    r.writes = Moments.fromJSON(state.writesLost);
    r.originOffered = state.originOffered.map(exactSumOf);
    r.originLost = state.originLost.map(exactSumOf);
    for (const c of COUNTERS) r.counters[c] = state.counters[c];
    r.rto = SampleSummary.fromJSON(state.rto);
    r.rpo = SampleSummary.fromJSON(state.rpo);
    r.timelineReplication = state.timelineReplication;
    r.timeline = state.timeline;
    return r;
  }

  /** The result contract (sim/engine/RESULT-CONTRACT.md); every sum rounded once, here. */
  result(plan: ResolvedPlan, seed: number, origins: string[]): SimulationResult {
    const n = this.replications;
    if (n === 0) throw new Error('run statistics: no replications');
    const years = this.horizonSeconds / YEAR_SECONDS;
    // Per simulated year: x · 31,536,000 / horizonSeconds, as one exact ratio.
    const perYear: Scale = { num: BigInt(YEAR_SECONDS) << VALUE_SHIFT, den: scaled(this.horizonSeconds) };
    const requestWeighted = availabilityInterval(this.requestU);
    const o = plan.objectives;
    const objectives: Record<string, ObjectiveResult> = {};
    if (o.availability !== undefined) objectives.availability = { target: o.availability, value: requestWeighted.mean, met: requestWeighted.mean >= o.availability };
    if (o.rtoSeconds !== undefined) objectives.rtoSeconds = judge(this.rto, o.rtoSeconds, o.exceedanceMax);
    if (o.rpoSeconds !== undefined) objectives.rpoSeconds = judge(this.rpo, o.rpoSeconds, o.exceedanceMax);
    const c = this.counters;
    const units = 1n << VALUE_SHIFT;
    return {
      replications: n,
      horizonYears: years,
      seed,
      availability: { requestWeighted, timeWeighted: availabilityInterval(this.timeU) },
      downtimeMinutesPerYear: interval(this.timeU, { num: BigInt(MINUTES_PER_YEAR), den: 1n }),
      lostRequestsPerYear: interval(this.lost, perYear),
      incidents: { count: c.incidents, perYear: c.incidents / (n * years), openAtHorizon: c.openAtHorizon, timeline: this.timeline },
      rtoSeconds: this.rto.statistics(),
      rpoSeconds: this.rpo.statistics(),
      data: {
        writesLost: roundRatio(this.writes.sum, units),
        writesLostPerYear: interval(this.writes, perYear),
        promotions: c.promotions,
        promotionAttempts: c.promotionAttempts,
        restores: c.restores,
        restoreAttempts: c.restoreAttempts,
        unrecoverableLosses: c.unrecoverableLosses,
        multiwriterLosses: c.multiwriterLosses,
      },
      sloAttainment: o.availability === undefined ? null : { objective: o.availability, months: c.months, monthsMet: c.monthsMet, share: c.months > 0 ? c.monthsMet / c.months : 0 },
      objectives,
      byOrigin: origins.map((origin, i) => {
        const offered = this.originOffered[i]?.units ?? 0n;
        const lost = this.originLost[i]?.units ?? 0n;
        return {
          origin,
          availability: offered > 0n ? 1 - roundRatio(lost, offered) : 1,
          lostRequestsPerYear: roundRatio(lost * perYear.num, BigInt(n) * perYear.den * units),
        };
      }),
      events: c.events,
      wallSeconds: null,
    };
  }
}

/** An exact sum read back from its hexadecimal units. */
function exactSumOf(text: string): ExactSum {
  const sum = new ExactSum();
  sum.units = hexToBigInt(text);
  return sum;
}

/** Mean with a Student-t 95 % interval of a scaled measure, from exact sums. */
function interval(m: Moments, scale: Scale): MeanWithInterval {
  const mean = exactMean(m, scale);
  if (m.count < 2) return { mean, ci95: null, standardError: 0 };
  const se = Math.sqrt(exactVarianceOfMean(m, scale));
  const half = studentTQuantile(0.975, m.count - 1) * se;
  return { mean, ci95: [mean - half, mean + half], standardError: se };
}

/** Availability from accumulated unavailability: A = 1 − mean(1 − A), same spread. */
function availabilityInterval(unavailability: Moments): MeanWithInterval {
  const mean = 1 - exactMean(unavailability);
  if (unavailability.count < 2) return { mean, ci95: null, standardError: 0 };
  const se = Math.sqrt(exactVarianceOfMean(unavailability));
  const half = studentTQuantile(0.975, unavailability.count - 1) * se;
  return { mean, ci95: [mean - half, mean + half], standardError: se };
}

/** P(sample > target) judged against exceedanceMax; no samples means no exceedance was seen. */
function judge(samples: SampleSummary, target: number, exceedanceMax: number): ObjectiveResult {
  const value = samples.exceedance(0);
  return { target, value, met: value <= exceedanceMax };
}
