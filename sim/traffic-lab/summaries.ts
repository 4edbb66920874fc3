/**
 * Small statistics for the lab: quantiles of a sample (linear interpolation between order
 * statistics, Hyndman–Fan type 7) and a latency summary. Pure; imports only the lab's types.
 */
import { QUANTILE_LEVELS, type LatencySummary } from './spec';

/** p-quantile of an ascending-sorted sample (type 7); NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function summarize(sorted: Float64Array): LatencySummary {
  let total = 0;
  for (let i = 0; i < sorted.length; i++) total += sorted[i]!;
  return {
    count: sorted.length,
    mean: sorted.length > 0 ? total / sorted.length : Number.NaN,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

export function quantileCurve(sorted: Float64Array): number[] {
  return QUANTILE_LEVELS.map((p) => quantileSorted(sorted, p));
}

export function sortedCopy(values: number[]): Float64Array {
  return Float64Array.from(values).sort();
}
