/**
 * Streaming run statistics: exact sums rounded once (checked against IEEE division, which is
 * correctly rounded, and against hand-made cancellations), sample summaries that switch from raw
 * samples to log bins by pooled count only, and the property the scale-out work relies on: a run
 * split into chunks in any way, passed through JSON, merges to the same result to the bit.
 */
import { describe, expect, it } from 'vitest';
import { ExactSum, exactMean, exactVarianceOfMean, Moments, PairedMoments, roundRatio, scaled, scaledSquare, VALUE_SHIFT } from '../../../sim/engine/exactSum';
import { accumulateReplications, clientOrigins, RunStatistics } from '../../../sim/engine/monteCarlo';
import { compileModel } from '../../../sim/engine/model';
import { EventBudgetExceeded, runReplication } from '../../../sim/engine/replication';
import { RAW_SAMPLE_LIMIT, SampleSummary } from '../../../sim/engine/sampleSummary';
import { quantileSorted } from '../../../sim/engine/stats';
import { validatePlan } from '../../../sim/model/validate';
import type { ResolvedPlan } from '../../../sim/model/resolve';
import { getTemplate } from '../../../sim/templates';

/** A small deterministic generator (tests only; the engine has its own streams). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
}

describe('exact sums', () => {
  it('round a ratio of integers exactly as IEEE division does', () => {
    const rand = lcg(7);
    for (let i = 0; i < 2000; i++) {
      const p = Math.floor(rand() * 2 ** 53) * (rand() < 0.5 ? -1 : 1);
      const q = Math.floor(rand() * 2 ** (1 + Math.floor(rand() * 52))) + 1;
      expect(roundRatio(BigInt(p), BigInt(q))).toBe(p / q);
    }
  });

  it('represent every double exactly (subnormals and extremes included)', () => {
    const one = 1n << VALUE_SHIFT;
    for (const x of [0.1, -0.3, 1e-310, 5e-324, 1.7976931348623157e308, 123456.789, 2 ** -1022]) expect(roundRatio(scaled(x), one)).toBe(x);
  });

  it('sum without cancellation error and in any order', () => {
    const a = new Moments();
    for (const x of [1e16, 1, -1e16]) a.add(x);
    expect(exactMean(a) * 3).toBe(1);
    const values = Array.from({ length: 500 }, (_, i) => Math.sin(i) * 10 ** ((i % 7) - 3));
    const forward = new Moments();
    const backward = new Moments();
    for (const v of values) forward.add(v);
    for (const v of [...values].reverse()) backward.add(v);
    expect(backward.toJSON()).toEqual(forward.toJSON());
  });

  it('add doubles of any size to the same integers as adding each one as an integer does', () => {
    // Sums kept as a few doubles (with squares split in two) against the plain reference: every
    // value and square turned into an integer and added. Magnitudes from subnormal to near the
    // largest double, both signs, zeros, cancellations and the edges of the split's range.
    const rand = lcg(11);
    const edges = [0, -0, 5e-324, -5e-324, 2 ** -1022, 2 ** -400, -(2 ** -400), 2 ** -400 * (1 - 2 ** -53), 2 ** 400, 2 ** 400 * (1 + 2 ** -52), 2 ** 900, -(2 ** 900) * (1 + 2 ** -52), 1.7976931348623157e308, 1e16, 1, -1e16];
    for (let trial = 0; trial < 40; trial++) {
      const values: number[] = trial === 0 ? edges : [];
      const spread = trial < 20 ? 60 : 2000; // exponents within ±30 (a run's measures), then the whole range
      for (let i = values.length; i < 400; i++) {
        const x = (rand() < 0.5 ? -1 : 1) * (1 + rand()) * 2 ** Math.round((rand() - 0.5) * spread);
        values.push(Number.isFinite(x) ? x : 0);
        if (rand() < 0.1) values.push(-x); // exact cancellations
      }
      const moments = new Moments();
      const sum = new ExactSum();
      let reference = 0n;
      let referenceSquares = 0n;
      for (const x of values) {
        moments.add(x);
        sum.addFinite(x);
        reference += scaled(x);
        referenceSquares += scaledSquare(x);
      }
      expect(moments.sum).toBe(reference);
      expect(moments.sumSquares).toBe(referenceSquares);
      expect(sum.units).toBe(reference);
      expect(moments.count).toBe(values.length);
    }
    expect(() => new Moments().add(Number.NaN)).toThrow(/not a finite number/);
    expect(() => new ExactSum().addFinite(Infinity)).toThrow(/not a finite number/);
  });

  it('never give a negative variance for a 99.9999 % design, where naive sums do', () => {
    // Unavailability around 1e-6 with tiny spread: Σx² − (Σx)²/n cancels catastrophically.
    const xs = Array.from({ length: 1000 }, (_, i) => 1e-6 * (1 + 1e-9 * ((i % 10) - 4.5)));
    const m = new Moments();
    for (const x of xs) m.add(x);
    const n = xs.length;
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const twoPass = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) / n;
    const exact = exactVarianceOfMean(m);
    expect(exact).toBeGreaterThan(0);
    expect(Math.abs(exact - twoPass) / twoPass).toBeLessThan(1e-6);
    // The same data through availability A = 1 − u has lost most of its digits before summing:
    // the spread of A is dominated by rounding, which is why the run accumulates u, not A.
    const as = xs.map((x) => 1 - x);
    const aMean = as.reduce((s, x) => s + x, 0) / n;
    const aSpread = as.reduce((s, x) => s + (x - aMean) ** 2, 0) / (n - 1) / n;
    expect(Math.abs(aSpread - twoPass) / twoPass).toBeGreaterThan(1e-3);
  });

  it('keep paired sums: the difference of two measures has exactly the moments of the differences', () => {
    const rand = lcg(3);
    const pairs = Array.from({ length: 300 }, () => [Math.round(rand() * 4096) / 1024, Math.round(rand() * 4096) / 1024] as const);
    const paired = new PairedMoments();
    const direct = new Moments();
    for (const [x, y] of pairs) {
      paired.add(x, y);
      direct.add(x - y); // exact: dyadic values
    }
    expect(paired.difference().toJSON()).toEqual(direct.toJSON());
    expect(PairedMoments.fromJSON(JSON.parse(JSON.stringify(paired.toJSON()))).difference().toJSON()).toEqual(direct.toJSON());
  });
});

describe('sample summaries', () => {
  const samples = (count: number, seed: number): number[] => {
    const rand = lcg(seed);
    // RTO-like: a share of exact zeros, the rest lognormal-ish over five decades.
    return Array.from({ length: count }, () => (rand() < 0.1 ? 0 : Math.exp(2 + 4 * (rand() + rand() + rand() - 1.5))));
  };

  it('stay raw up to the limit and match the type-7 quantiles of the sorted samples', () => {
    const xs = samples(5000, 1);
    const s = new SampleSummary([30]);
    for (const x of xs) s.add(x);
    const sorted = Float64Array.from(xs).sort();
    const stats = s.statistics();
    expect(s.toJSON().raw).not.toBeNull();
    for (const [p, v] of [[0.5, stats.p50], [0.95, stats.p95], [0.99, stats.p99]] as const) expect(v).toBe(quantileSorted(sorted, p));
    expect(stats.min).toBe(sorted[0]);
    expect(stats.max).toBe(sorted[sorted.length - 1]);
    expect(s.exceedance(0)).toBe(xs.filter((x) => x > 30).length / xs.length);
  });

  it('switch to log bins above the limit: quantiles within the bin ratio, the rest exact', () => {
    const xs = samples(20_000, 2);
    const limit = 1000;
    const s = new SampleSummary([30, 300], limit);
    for (const x of xs) s.add(x);
    expect(s.toJSON().raw).toBeNull();
    const sorted = Float64Array.from(xs).sort();
    const stats = s.statistics();
    for (const [p, v] of [[0.5, stats.p50], [0.95, stats.p95], [0.99, stats.p99]] as const) {
      const exact = quantileSorted(sorted, p);
      expect(Math.abs(v! - exact)).toBeLessThanOrEqual(0.002 * exact);
    }
    expect(stats.count).toBe(xs.length);
    expect(stats.min).toBe(sorted[0]);
    expect(stats.max).toBe(sorted[sorted.length - 1]);
    const exactMeanValue = new Moments();
    for (const x of xs) exactMeanValue.add(x);
    expect(stats.mean).toBe(exactMean(exactMeanValue));
    expect(s.exceedance(1)).toBe(xs.filter((x) => x > 300).length / xs.length);
  });

  it('give the same representation and answers however the samples were split', () => {
    const xs = samples(6000, 4);
    const limit = 2500;
    const whole = new SampleSummary([60], limit);
    for (const x of xs) whole.add(x);
    for (const cuts of [[1000, 2000, 3000, 4000, 5000], [10, 2499, 2501], [5999]]) {
      const parts: SampleSummary[] = [];
      let from = 0;
      for (const cut of [...cuts, xs.length]) {
        const part = new SampleSummary([60], limit);
        for (const x of xs.slice(from, cut)) part.add(x);
        parts.push(SampleSummary.fromJSON(JSON.parse(JSON.stringify(part.toJSON()))));
        from = cut;
      }
      const merged = parts.reverse().reduce((a, b) => (a.merge(b), a));
      expect(merged.statistics()).toEqual(whole.statistics());
      expect(merged.toJSON().bins).toEqual(whole.toJSON().bins);
    }
  });

  it('use bins at the real limit of 2^20 pooled samples', () => {
    const below = new SampleSummary();
    for (let i = 0; i < RAW_SAMPLE_LIMIT; i++) below.add(i % 977);
    expect(below.toJSON().raw).not.toBeNull();
    below.add(5);
    const state = below.toJSON();
    expect(state.raw).toBeNull();
    expect(state.zeros).toBe(Math.ceil(RAW_SAMPLE_LIMIT / 977));
    expect(below.statistics().max).toBe(976);
  });
});

function templatePlan(name: string): ResolvedPlan {
  const v = validatePlan(getTemplate(name)!.plan);
  if (!v.resolved) throw new Error(`template ${name} is invalid`);
  return v.resolved;
}

describe('run statistics', () => {
  const plan = templatePlan('two-region-active-passive');
  const years = 3;
  const model = compileModel(plan, years);
  const seed = 17;
  const R = 12;
  const run = (from: number, count: number, rawLimit?: number) => {
    const into = rawLimit === undefined ? undefined : RunStatistics.forPlan(plan, model.horizonSeconds, model.origins.length, rawLimit);
    return accumulateReplications(plan, { fromReplication: from, count, seed }, model, into);
  };

  it.each([undefined, 3])('merge to the same result to the bit however the run is split (raw limit %s)', (rawLimit) => {
    const whole = run(0, R, rawLimit).result(plan, seed, clientOrigins(plan));
    for (const cuts of [[5], [1, 2, 3, 7, 11], [11]]) {
      const chunks: RunStatistics[] = [];
      let from = 0;
      for (const cut of [...cuts, R]) {
        chunks.push(RunStatistics.fromJSON(JSON.parse(JSON.stringify(run(from, cut - from, rawLimit).toJSON()))));
        from = cut;
      }
      // Chunks arrive in any order (workers, shards).
      const merged = chunks.reverse().reduce((a, b) => (a.merge(b), a));
      const result = merged.result(plan, seed, clientOrigins(plan));
      expect(JSON.stringify(result)).toBe(JSON.stringify(whole));
    }
    expect(whole.incidents.timeline.length).toBeGreaterThan(0);
  });

  it('keep only the first replication’s incident records', () => {
    const stats = run(0, 4);
    const first = runReplication(model, { seed, replication: 0, availabilityObjective: plan.objectives.availability ?? NaN });
    expect(stats.result(plan, seed, clientOrigins(plan)).incidents.timeline).toEqual(first.incidentRecords);
    expect(stats.toJSON().timelineReplication).toBe(0);
  });
});

describe('event budget', () => {
  it('stops a replication that makes too many events and names the component behind them', () => {
    const v = validatePlan({
      schemaVersion: 1,
      name: 'busy',
      nodes: [
        { id: 'users', kind: 'clients' },
        {
          id: 'flaky',
          kind: 'service',
          reliability: { timeToFailureHours: { dist: 'fixed', value: 0.001 }, timeToRepairHours: { dist: 'fixed', value: 0.001 } },
        },
      ],
      edges: [{ kind: 'traffic', from: 'users', to: 'flaky' }],
    });
    expect(v.ok).toBe(true);
    const model = compileModel(v.resolved!, 1);
    let caught: unknown;
    try {
      runReplication(model, { seed: 1, replication: 3, availabilityObjective: NaN, eventBudget: 1000 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventBudgetExceeded);
    const e = caught as EventBudgetExceeded;
    expect(e.replication).toBe(3);
    expect(e.source).toContain('"flaky"');
    expect(e.message).toMatch(/replication 3 stopped at 1,001 events/);
  });
});
