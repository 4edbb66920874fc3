/**
 * The traffic lab's public face: run the three algorithms for one balancer of a plan, a quick run
 * for the inspector's verdict, and the latency figures other analyses (the strategy matrix) cite.
 * Needs simjs installed by an entry point (installSimjs). Must not import Node, the DOM or React.
 */
import type { ResolvedPlan } from '../model/resolve';
import { mmc } from './closedForms';
import { balancersOf, buildLabSpec, MIN_LAB_MINUTES, TrafficLabInputError, type LabContext, type TrafficLabOptions } from './fromPlan';
import { runLabAlgorithm } from './runLab';
import { LAB_ALGORITHMS, type LabAlgorithm, type LabAlgorithmResult, type LabSpec } from './spec';
import { badShare, labVerdict, type LabVerdict } from './verdict';

export { LAB_ALGORITHMS, QUANTILE_LEVELS } from './spec';
export type { LabAlgorithm, LabAlgorithmResult, LabInstanceResult, LabSpec, LatencySummary } from './spec';
export { FLEET_PRESETS, MAX_LAB_REQUESTS, MIN_LAB_MINUTES, TrafficLabInputError, balancersOf, buildLabSpec, maxLabMinutes, rateReachingBalancer } from './fromPlan';
export type { FleetPreset, LabContext, LabFleetInfo, TrafficLabOptions } from './fromPlan';
export { labVerdict, formatSeconds, badShare } from './verdict';
export type { LabVerdict } from './verdict';
export { runLabAlgorithm } from './runLab';

export interface TrafficLabReport {
  context: LabContext;
  settings: {
    seed: number;
    minutes: number;
    peakRatePerSecond: number;
    service: LabSpec['service'];
    timeoutSeconds: number;
    failure: LabSpec['failure'] | null;
    instances: Array<{ id: string; speed: number; concurrency: number; meanServiceSeconds: number }>;
  };
  /** Mean latency of one pooled queue with every server of the fleet (M/M/c, exponential times, same
   * total capacity, identical instances only): the floor no dispatching can beat. Null when not applicable. */
  pooledReference: { meanSeconds: number; probWait: number } | null;
  results: LabAlgorithmResult[];
  verdict: LabVerdict;
}

/** Runs each algorithm on the same requests (common random numbers). `onProgress` gets 0..1 overall. */
export function runTrafficLab(plan: ResolvedPlan, balancerId: string, options: TrafficLabOptions = {}, onProgress?: (share: number) => void): TrafficLabReport {
  const { spec, context } = buildLabSpec(plan, balancerId, options);
  const algorithms = options.algorithms && options.algorithms.length > 0 ? LAB_ALGORITHMS.filter((a) => options.algorithms!.includes(a)) : [...LAB_ALGORITHMS];
  const results = algorithms.map((algorithm, i) =>
    runLabAlgorithm(spec, algorithm, onProgress ? (share) => onProgress((i + share) / algorithms.length) : undefined),
  );
  const planAlgorithm = algorithms.includes(context.balancer.algorithm) ? context.balancer.algorithm : algorithms[0]!;
  return {
    context,
    settings: {
      seed: spec.seed,
      minutes: spec.durationSeconds / 60,
      peakRatePerSecond: spec.ratePerSecond * (1 + spec.diurnalSwing),
      service: spec.service,
      timeoutSeconds: spec.timeoutSeconds,
      failure: spec.failure ?? null,
      instances: spec.instances.map((i) => ({ id: i.id, speed: i.speed, concurrency: i.concurrency, meanServiceSeconds: i.meanServiceSeconds })),
    },
    pooledReference: pooledReference(spec),
    results,
    verdict: labVerdict(planAlgorithm, results, {
      offeredPerSecond: spec.ratePerSecond * (1 + spec.diurnalSwing),
      capacityPerSecond: spec.instances.reduce((a, i) => a + i.concurrency / i.meanServiceSeconds, 0),
    }),
  };
}

function pooledReference(spec: LabSpec): TrafficLabReport['pooledReference'] {
  const first = spec.instances[0]!;
  if (spec.instances.some((i) => i.meanServiceSeconds !== first.meanServiceSeconds)) return null;
  const servers = spec.instances.reduce((a, i) => a + i.concurrency, 0);
  const lambda = spec.ratePerSecond * (1 + spec.diurnalSwing);
  if (lambda / (servers / first.meanServiceSeconds) >= 1) return null;
  const m = mmc(lambda, 1 / first.meanServiceSeconds, servers);
  return { meanSeconds: m.meanSojourn, probWait: m.probWait };
}

/** Settings of the quick run behind the inspector's verdict and the strategy matrix's figures:
 *  steady state at the daily peak (no failure), about 30,000 requests per algorithm. */
export function quickLabOptions(plan: ResolvedPlan, balancerId: string, seed?: number): TrafficLabOptions {
  const { spec } = buildLabSpec(plan, balancerId, { failure: false, minutes: MIN_LAB_MINUTES, ...(seed !== undefined ? { seed } : {}) });
  const peak = spec.ratePerSecond * (1 + spec.diurnalSwing);
  const minutes = Math.min(3, Math.max(MIN_LAB_MINUTES, 30_000 / (peak * 60)));
  return { failure: false, minutes, ...(seed !== undefined ? { seed } : {}) };
}

export function quickTrafficLab(plan: ResolvedPlan, balancerId: string, seed?: number): TrafficLabReport {
  return runTrafficLab(plan, balancerId, quickLabOptions(plan, balancerId, seed));
}

/** One algorithm's figures as another analysis cites them (seconds; shares 0–1). */
export interface AlgorithmLatencyFigures {
  meanSeconds: number;
  p50Seconds: number;
  p95Seconds: number;
  p99Seconds: number;
  failedOrTimedOutShare: number;
  /** Busiest ÷ least busy instance's share of requests. */
  unevenness: number;
}

export interface BalancerLatencyFigures {
  available: true;
  balancerId: string;
  balancerName: string;
  planAlgorithm: LabAlgorithm;
  byAlgorithm: Record<LabAlgorithm, AlgorithmLatencyFigures>;
  verdict: LabVerdict;
  /** What was run, for the citation: "traffic lab, seed 1, 0.8 min at 650 req/s peak, no failure". */
  basis: string;
}

/** A balancer the lab cannot run (no fleet behind it, no traffic reaching it), with the reason. */
export interface BalancerLatencyUnavailable {
  available: false;
  balancerId: string;
  balancerName: string;
  reason: string;
}

/**
 * The lab's latency figures for every balancer of a plan (quick steady-state runs at the daily
 * peak). Pure and deterministic for a plan and seed, given simjs is installed. For the strategy
 * matrix's load-balancing row: cite `byAlgorithm[planAlgorithm]` and the verdict, with `basis`.
 */
export function loadBalancingLatency(plan: ResolvedPlan, seed?: number): Array<BalancerLatencyFigures | BalancerLatencyUnavailable> {
  return balancersOf(plan).map((balancer) => {
    let report: TrafficLabReport;
    try {
      report = quickTrafficLab(plan, balancer.id, seed);
    } catch (error) {
      if (!(error instanceof TrafficLabInputError)) throw error;
      return { available: false as const, balancerId: balancer.id, balancerName: balancer.name, reason: error.message };
    }
    const byAlgorithm = {} as Record<LabAlgorithm, AlgorithmLatencyFigures>;
    for (const r of report.results) {
      byAlgorithm[r.algorithm] = {
        meanSeconds: r.latency.mean,
        p50Seconds: r.latency.p50,
        p95Seconds: r.latency.p95,
        p99Seconds: r.latency.p99,
        failedOrTimedOutShare: badShare(r),
        unevenness: r.unevenness,
      };
    }
    return {
      available: true as const,
      balancerId: balancer.id,
      balancerName: balancer.name,
      planAlgorithm: report.context.balancer.algorithm,
      byAlgorithm,
      verdict: report.verdict,
      basis: `traffic lab, seed ${report.settings.seed}, ${report.settings.minutes.toPrecision(2)} min per algorithm at ${report.settings.peakRatePerSecond.toPrecision(3)} req/s (daily peak), no failure`,
    };
  });
}
