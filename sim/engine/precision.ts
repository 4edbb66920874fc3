/**
 * Precision-targeted runs: which measure's 95 % interval a run narrows, its relative half-width, and
 * the deterministic batch schedule (a function of the pooled statistics alone, which are exact, so the
 * replications run are the same for any worker count). Imports only sim/engine.
 */
import type { SimulationResult } from './monteCarlo';
import type { MeanWithInterval } from './stats';

export const PRECISION_MEASURES = ['downtime', 'unavailability', 'lost-requests', 'writes-lost'] as const;
export type PrecisionMeasure = (typeof PRECISION_MEASURES)[number];

/** Replications of the first batch (fewer only when the cap is lower): enough for a usable t interval. */
export const FIRST_BATCH = 64;
/** A batch never more than quadruples the run: early estimates of the spread are noisy. */
const MAX_GROWTH = 4;
/** Aim a little past the estimate so a run rarely needs one more small batch. */
const OVERSHOOT = 1.1;

/** The measure's mean and interval; unavailability is 1 − request-weighted availability. */
export function measureInterval(result: SimulationResult, measure: PrecisionMeasure): MeanWithInterval {
  switch (measure) {
    case 'downtime':
      return result.downtimeMinutesPerYear;
    case 'lost-requests':
      return result.lostRequestsPerYear;
    case 'writes-lost':
      return result.data.writesLostPerYear;
    case 'unavailability': {
      const a = result.availability.requestWeighted;
      return { mean: 1 - a.mean, ci95: a.ci95 && [1 - a.ci95[1], 1 - a.ci95[0]], standardError: a.standardError };
    }
  }
}

/** Half-width of the 95 % interval over |mean|; null when the mean is 0 (no relative width exists) or there is no interval. */
export function relativeHalfWidth(interval: MeanWithInterval): number | null {
  if (!interval.ci95 || interval.mean === 0) return null;
  return (interval.ci95[1] - interval.ci95[0]) / 2 / Math.abs(interval.mean);
}

/**
 * The run's next total size after `done` replications whose relative half-width is `relative`: the
 * size the interval's 1/√n shrinkage predicts for the target (with a margin), at least one more
 * replication, at most MAX_GROWTH times the run so far, never past the cap. A null width (mean 0)
 * grows by MAX_GROWTH until the cap.
 */
export function nextRunSize(done: number, relative: number | null, target: number, cap: number): number {
  const grown = done * MAX_GROWTH;
  const predicted = relative === null ? grown : Math.ceil(done * (relative / target) ** 2 * OVERSHOOT);
  return Math.min(cap, Math.max(done + 1, Math.min(grown, predicted)));
}

export interface PrecisionOutcome {
  measure: PrecisionMeasure;
  target: number;
  /** The reported relative half-width; null when the measure's mean is 0. */
  relativeHalfWidth: number | null;
  stoppedBecause: 'target-reached' | 'cap';
  maxReplications: number;
  batches: number;
}

export interface PrecisionSettings {
  /** The relative half-width to reach, e.g. 0.05. */
  target: number;
  measure: PrecisionMeasure;
  /** The most replications the run may have. */
  cap: number;
}

/** Where a precision run stands after a batch. */
export interface PrecisionProgress {
  /** Replications pooled so far. */
  done: number;
  relativeHalfWidth: number | null;
  batches: number;
  /** The run's size after the next batch; null when the run stops here. */
  next: number | null;
}

/**
 * The one batch loop of precision runs, for the CLI's worker threads and the app's web workers alike.
 * `runBatch(from, count)` runs replications from…from+count−1, pools them with every earlier batch and
 * resolves with the pooled result. Batch sizes follow from the pooled result alone (nextRunSize), and
 * replication r depends only on (seed, r), so the replications run, hence the result, are the same
 * for any worker count and either caller. A rejection of runBatch (cancel, engine error) passes through.
 */
export async function runBatchesToPrecision(
  settings: PrecisionSettings,
  runBatch: (fromReplication: number, count: number) => Promise<SimulationResult>,
  onBatch?: (progress: PrecisionProgress) => void,
): Promise<{ result: SimulationResult; outcome: PrecisionOutcome }> {
  let done = 0;
  let size = Math.min(FIRST_BATCH, settings.cap);
  let batches = 0;
  for (;;) {
    const result = await runBatch(done, size - done);
    done = size;
    batches++;
    const relative = relativeHalfWidth(measureInterval(result, settings.measure));
    const reached = relative !== null && relative <= settings.target;
    if (reached || done >= settings.cap) {
      onBatch?.({ done, relativeHalfWidth: relative, batches, next: null });
      return {
        result,
        outcome: { measure: settings.measure, target: settings.target, relativeHalfWidth: relative, stoppedBecause: reached ? 'target-reached' : 'cap', maxReplications: settings.cap, batches },
      };
    }
    size = nextRunSize(done, relative, settings.target, settings.cap);
    onBatch?.({ done, relativeHalfWidth: relative, batches, next: size });
  }
}

/** "4.21 %", or what a missing relative width means. */
export function formatRelativeHalfWidth(relative: number | null): string {
  return relative === null ? 'undefined (mean 0)' : `${(100 * relative).toFixed(2)} %`;
}
