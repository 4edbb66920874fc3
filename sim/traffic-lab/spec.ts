/**
 * What one traffic-lab run simulates (engine input, independent of the plan format) and what it
 * reports. Types only; must not import anything.
 */

export const LAB_ALGORITHMS = ['round-robin', 'least-connections', 'ip-hash'] as const;
export type LabAlgorithm = (typeof LAB_ALGORITHMS)[number];

export interface LabInstance {
  id: string;
  /** The fleet node the instance belongs to. */
  fleetId: string;
  /** Requests served at once (the simjs Facility's servers); the rest wait in its FCFS queue. */
  concurrency: number;
  /** Mean service time of one request on this instance (the fleet's figure ÷ the instance's speed). */
  meanServiceSeconds: number;
  /** Relative speed (1 = the fleet's nominal speed). */
  speed: number;
}

export interface LabBurst {
  atSeconds: number;
  seconds: number;
  /** The arrival rate is multiplied by this during the burst. */
  multiplier: number;
}

/** One instance fails mid-run; the balancer notices it by its health check (PLAN-FORMAT meaning 5). */
export interface LabFailure {
  instance: number;
  atSeconds: number;
  /** The instance is back (but not yet believed healthy) this long after failing. */
  downSeconds: number;
  intervalSeconds: number;
  failureThreshold: number;
  recoveryThreshold: number;
}

export interface LabSpec {
  /** Names the random streams: streamFor(seed, replication, streamSource, purpose). */
  streamSource: string;
  seed: number;
  replication: number;
  /** Mean arrival rate (requests per second) before the daily swing and the burst. */
  ratePerSecond: number;
  /** Daily swing: rate × (1 + swing · sin(2π (startHour·3600 + t) / 24 h)) (PLAN-FORMAT meaning 19). */
  diurnalSwing: number;
  startHour: number;
  burst: LabBurst | undefined;
  instances: LabInstance[];
  /** Service time = mean × a unit-mean draw: exponential, or lognormal with this sigma of the log. */
  service: { dist: 'exponential' } | { dist: 'lognormal'; sigma: number };
  /** Clients (distinct IPv4 addresses) the arrivals come from; their activity is uneven. */
  clientCount: number;
  /** Sigma of the log of each client's share of requests (0 = every client equally active). */
  clientActivitySigma: number;
  /** A request still waiting this long gives up (and one served later than this counts as timed out). */
  timeoutSeconds: number;
  durationSeconds: number;
  /** Requests arriving before this are run but not counted. */
  warmupSeconds: number;
  failure: LabFailure | undefined;
}

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LabInstanceResult {
  id: string;
  fleetId: string;
  speed: number;
  concurrency: number;
  /** Share of the counted requests the balancer sent to this instance. */
  requestShare: number;
  /** Busy server-seconds ÷ (concurrency × counted seconds). */
  utilisation: number;
  meanLatencySeconds: number | null;
}

export interface LabAlgorithmResult {
  algorithm: LabAlgorithm;
  /** Counted requests (arrived after the warm-up). */
  offered: number;
  served: number;
  /** Sent to an instance that was down but not yet detected, or in flight on it when it failed. */
  failed: number;
  /** Gave up waiting, or served later than the timeout. */
  timedOut: number;
  /** Latency of the requests served in time (seconds). */
  latency: LatencySummary;
  /** The same for requests that arrived while every instance was up (before the failure; the whole run without one). */
  steadyLatency: LatencySummary;
  /** Waiting before service (seconds) of the requests served in time. */
  queueing: LatencySummary & { shareWaited: number };
  /** Latency at p = 1 %, 2 %, …, 99 %, then 99.5 % and 99.9 % (for distribution plots). */
  latencyQuantiles: number[];
  /** The same for the requests of `steadyLatency`. */
  steadyLatencyQuantiles: number[];
  instances: LabInstanceResult[];
  /** max ÷ min request share over the instances while all were up (1 = perfectly even). */
  unevenness: number;
  /** ip-hash only: share of clients whose instance changed when the failed instance left, and when it returned. */
  clientsMoved: { onLeave: number; onReturn: number } | null;
  /** Failure timeline actually drawn (seconds from the start). */
  failure: { atSeconds: number; detectedAtSeconds: number; backAtSeconds: number; returnDetectedAtSeconds: number } | null;
  events: number;
}

export const QUANTILE_LEVELS: readonly number[] = [...Array.from({ length: 99 }, (_, i) => (i + 1) / 100), 0.995, 0.999];
