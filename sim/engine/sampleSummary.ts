/**
 * A mergeable summary of RTO/RPO samples: raw values while the pooled count is at most 2²⁰, above
 * that log-spaced bins (the double's exponent and top 9 mantissa bits: ratio ≤ 1 + 2⁻⁹ < 1.002) plus
 * an exact zero bin. Count, min, max, mean and the count above each objective target stay exact, and
 * the representation depends only on the multiset of samples, so any split merges to the same answer.
 * Imports only sim/engine (exact sums, quantiles).
 */
import { Moments, exactMean, type MomentsState } from './exactSum';
import { quantileSorted } from './stats';

/** Samples kept raw up to this pooled count (8 MB of doubles). */
export const RAW_SAMPLE_LIMIT = 2 ** 20;
/** Mantissa bits kept by a bin: bin width / lower edge ≤ 2⁻⁹ ≈ 0.00195. */
const BIN_MANTISSA_BITS = 9;
const DROPPED_HIGH_BITS = 20 - BIN_MANTISSA_BITS;

const view = new DataView(new ArrayBuffer(8));

/** Bin key of a finite non-zero sample: order-preserving; negative keys for negative samples. */
function binKey(x: number): number {
  view.setFloat64(0, Math.abs(x));
  const key = view.getUint32(0) >>> DROPPED_HIGH_BITS;
  return x < 0 ? -key - 1 : key;
}

/** The value a bin stands for: the midpoint of its edges. */
function binMidpoint(key: number): number {
  const magnitudeKey = key < 0 ? -key - 1 : key;
  view.setUint32(0, magnitudeKey << DROPPED_HIGH_BITS);
  view.setUint32(4, 0);
  const lower = view.getFloat64(0);
  view.setUint32(0, (magnitudeKey + 1) << DROPPED_HIGH_BITS);
  const upper = view.getFloat64(0);
  const mid = lower + (upper - lower) / 2;
  return key < 0 ? -mid : mid;
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

export interface SampleSummaryState {
  targets: number[];
  rawLimit: number;
  above: number[];
  min: number | null;
  max: number | null;
  moments: MomentsState;
  /** Raw samples (count ≤ RAW_SAMPLE_LIMIT), else null. */
  raw: number[] | null;
  /** [key, count] pairs sorted by key, and the zero bin, when binned; else null and 0. */
  bins: [number, number][] | null;
  zeros: number;
}

export class SampleSummary {
  private readonly moments = new Moments();
  private min = Infinity;
  private max = -Infinity;
  private readonly above: number[];
  private raw: Float64Array | null = new Float64Array(16);
  private bins: Map<number, number> | null = null;
  private zeros = 0;

  /**
   * `targets`: thresholds whose exceedance count must stay exact (objectives). `rawLimit`: pooled
   * count up to which samples stay raw (tests lower it to exercise the bins on small runs).
   */
  constructor(
    readonly targets: readonly number[] = [],
    readonly rawLimit: number = RAW_SAMPLE_LIMIT,
  ) {
    this.above = targets.map(() => 0);
  }

  get count(): number {
    return this.moments.count;
  }

  add(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`sample summary: ${x} is not a finite sample`);
    const n = this.moments.count;
    this.moments.add(x);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    for (let i = 0; i < this.targets.length; i++) if (x > this.targets[i]!) this.above[i]!++;
    if (this.raw) {
      if (n + 1 > this.rawLimit) {
        this.toBins();
        this.bin(x, 1);
        return;
      }
      if (n === this.raw.length) {
        const grown = new Float64Array(Math.min(this.rawLimit, Math.max(16, this.raw.length * 2)));
        grown.set(this.raw);
        this.raw = grown;
      }
      this.raw[n] = x;
    } else this.bin(x, 1);
  }

  merge(other: SampleSummary): void {
    if (other.targets.length !== this.targets.length || other.targets.some((t, i) => t !== this.targets[i]) || other.rawLimit !== this.rawLimit) {
      throw new Error('sample summary: cannot merge summaries judged against different targets or raw limits');
    }
    const n = this.moments.count;
    this.moments.merge(other.moments);
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    other.above.forEach((a, i) => (this.above[i]! += a));
    if (this.raw && other.raw && this.moments.count <= this.rawLimit) {
      const m = other.moments.count;
      if (this.raw.length < n + m) {
        const grown = new Float64Array(Math.min(this.rawLimit, Math.max(n + m, this.raw.length * 2)));
        grown.set(this.raw.subarray(0, n));
        this.raw = grown;
      }
      this.raw.set(other.raw.subarray(0, m), n);
      return;
    }
    if (this.raw) this.toBins(n);
    if (other.raw) for (let i = 0; i < other.moments.count; i++) this.bin(other.raw[i]!, 1);
    else {
      this.zeros += other.zeros;
      for (const [key, c] of other.bins!) this.bins!.set(key, (this.bins!.get(key) ?? 0) + c);
    }
  }

  /** Raw → bins, once the pooled count passes the limit. `kept` raw values are live. */
  private toBins(kept = this.moments.count - 1): void {
    const raw = this.raw!;
    this.raw = null;
    this.bins = new Map();
    for (let i = 0; i < kept; i++) this.bin(raw[i]!, 1);
  }

  private bin(x: number, c: number): void {
    if (x === 0) {
      this.zeros += c;
      return;
    }
    const key = binKey(x);
    this.bins!.set(key, (this.bins!.get(key) ?? 0) + c);
  }

  /** Share of samples above targets[i]; 0 with no samples (no exceedance was seen). */
  exceedance(i: number): number {
    return this.moments.count === 0 ? 0 : this.above[i]! / this.moments.count;
  }

  statistics(): SampleStatistics {
    const n = this.moments.count;
    if (n === 0) return { count: 0, mean: null, min: null, p50: null, p95: null, p99: null, max: null };
    const quantile = this.quantiles();
    return { count: n, mean: exactMean(this.moments), min: this.min, p50: quantile(0.5), p95: quantile(0.95), p99: quantile(0.99), max: this.max };
  }

  /** Hyndman–Fan type 7 over the samples (raw) or over the bins' representatives, min and max exact. */
  private quantiles(): (p: number) => number {
    const n = this.moments.count;
    if (this.raw) {
      const sorted = this.raw.slice(0, n).sort();
      return (p) => quantileSorted(sorted, p);
    }
    const keys = [...this.bins!.keys()].sort((a, b) => a - b);
    // Representatives in order: negative bins, the zero bin, positive bins.
    const values: number[] = [];
    const ends: number[] = [];
    let total = 0;
    const push = (value: number, c: number) => {
      if (c === 0) return;
      total += c;
      values.push(Math.min(this.max, Math.max(this.min, value)));
      ends.push(total);
    };
    let k = 0;
    for (; k < keys.length && keys[k]! < 0; k++) push(binMidpoint(keys[k]!), this.bins!.get(keys[k]!)!);
    push(0, this.zeros);
    for (; k < keys.length; k++) push(binMidpoint(keys[k]!), this.bins!.get(keys[k]!)!);
    const orderStatistic = (rank: number): number => {
      if (rank === 0) return this.min;
      if (rank === n - 1) return this.max;
      let lo = 0;
      let hi = ends.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ends[mid]! > rank) hi = mid;
        else lo = mid + 1;
      }
      return values[lo]!;
    };
    return (p) => {
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      const hi = Math.min(lo + 1, n - 1);
      const a = orderStatistic(lo);
      return a + (h - lo) * (orderStatistic(hi) - a);
    };
  }

  toJSON(): SampleSummaryState {
    const n = this.moments.count;
    return {
      targets: [...this.targets],
      rawLimit: this.rawLimit,
      above: [...this.above],
      min: n > 0 ? this.min : null,
      max: n > 0 ? this.max : null,
      moments: this.moments.toJSON(),
      raw: this.raw ? Array.from(this.raw.subarray(0, n)) : null,
      bins: this.bins ? [...this.bins.entries()].sort((a, b) => a[0] - b[0]) : null,
      zeros: this.zeros,
    };
  }

  static fromJSON(state: SampleSummaryState): SampleSummary {
    const s = new SampleSummary(state.targets, state.rawLimit);
    s.moments.merge(Moments.fromJSON(state.moments));
    const n = s.moments.count;
    if (state.min !== null) s.min = state.min;
    if (state.max !== null) s.max = state.max;
    state.above.forEach((a, i) => (s.above[i] = a));
    if (state.raw) {
      if (state.raw.length !== n || n > s.rawLimit) throw new RangeError('sample summary: raw samples do not match the count');
      s.raw = Float64Array.from(state.raw);
    } else {
      if (!state.bins || n <= s.rawLimit) throw new RangeError('sample summary: bins are only for counts above the raw limit');
      s.raw = null;
      s.bins = new Map(state.bins);
      s.zeros = state.zeros;
    }
    return s;
  }
}

/** Statistics of a plain list of samples. */
export function sampleStatisticsOf(samples: readonly number[]): SampleStatistics {
  const s = new SampleSummary();
  for (const x of samples) s.add(x);
  return s.statistics();
}
