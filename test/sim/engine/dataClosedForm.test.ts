// Validation cases C8 and C9 (shared/validation/README.md) as RPO seconds and as lost writes, and
// promotion success with and without drills. Runs are sized by the math and judged with the 4·SE
// rule plus an SE bound; deterministic bounds are exact assertions.
import { describe, expect, it } from 'vitest';
import { promotionSuccessProbability } from '../../../sim/catalog/data';
import { expectWithin4Se, exp, fixed, meanAndSe, NEVER, rel, run } from './helpers';
import type { Json } from './helpers';
import { dataPlan, HOUR, monitor, replication, users } from './dataHelpers';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('C8: periodic backups, failure at a uniform phase', () => {
  // Time to failure U(25 h, 241 h): 216 h is 9 backup intervals, so the failure's phase within the
  // day is uniform whatever came before, and more than a day always separates it from the previous
  // restore, so the restored backup is the last one of the day: loss ~ U(0, 24 h).
  const T = 24 * HOUR;
  const w = 100 * 0.1;
  const p = dataPlan(
    [
      users(100, 0.1),
      { id: 'db', kind: 'datastore', engine: 'postgres', failureLosesData: true, reliability: rel({ dist: 'uniform', min: 25, max: 241 }, fixed(0.5)) },
      { id: 'snap', kind: 'backup', of: 'db', intervalHours: 24, restoreHours: fixed(1), restoreFailureProbability: 0, copies: 3, media: 2, offsite: true },
      monitor(3, 3),
    ],
    [['users', 'db']],
    [],
    { objectives: { rpoSeconds: 18 * HOUR, exceedanceMax: 0.3 } },
  );
  // ≈ 1,300 restores per replication-20-years; the loss has cv 0.58: relative SE per replication ≈ 1.6 %.
  const { summaries, result } = run(p, 10, 20);

  it('RPO: mean 12 h, max ≤ 24 h, P(loss > 18 h) = 0.25; every failure yields one restore sample', () => {
    expectWithin4Se(summaries.map((s) => mean(s.rpoSeconds)), T / 2, 0.01);
    expectWithin4Se(summaries.map((s) => s.rpoSeconds.filter((v) => v > 0.75 * T).length / s.rpoSeconds.length), 0.25, 0.02);
    const all = summaries.flatMap((s) => s.rpoSeconds);
    expect(Math.max(...all)).toBeLessThanOrEqual(T);
    expect(Math.min(...all)).toBeGreaterThanOrEqual(0);
    for (const s of summaries) expect(s.rpoSeconds.length).toBe(s.data.restores);
    expect(result.rpoSeconds.count).toBe(all.length);
    // The objective is judged on the samples: P(> 18 h) ≈ 0.25 ≤ 0.3.
    expect(result.objectives.rpoSeconds!.value).toBeCloseTo(all.filter((v) => v > 18 * HOUR).length / all.length, 12);
    expect(result.objectives.rpoSeconds!.met).toBe(true);
  });

  it('lost writes: mean w·T/2 per restore (w = 10 writes/s), and exactly w × RPO each', () => {
    expectWithin4Se(summaries.map((s) => s.data.writesLost / s.data.restores), (w * T) / 2, 0.01);
    for (const s of summaries) expect(s.data.writesLost).toBeCloseTo(w * s.rpoSeconds.reduce((a, b) => a + b, 0), 3);
  });
});

describe('C9: async replication with lag L, writes w = 200/s', () => {
  const c9 = (lagSeconds: Json) =>
    dataPlan(
      [
        users(2000, 0.1),
        { id: 'a', kind: 'datastore', engine: 'postgres', reliability: rel(exp(100), fixed(1)), promotion: { automatic: true, detectionSeconds: 30, seconds: 60, successProbability: 1 } },
        { id: 'b', kind: 'datastore', engine: 'postgres', reliability: rel(exp(100), fixed(1)), promotion: { automatic: true, detectionSeconds: 30, seconds: 60, successProbability: 1 } },
      ],
      [['users', 'a']],
      [replication('a', 'b', 'async', lagSeconds)],
      { objectives: { rpoSeconds: 4, exceedanceMax: 0.05 } },
    );

  it('constant lag 5 s: every promotion loses exactly 5 s and w·L = 1000 writes', () => {
    const { summaries, result } = run(c9({ dist: 'fixed', value: 5 }), 4, 5);
    for (const s of summaries) {
      expect(s.rpoSeconds.length).toBe(s.data.promotions);
      expect(s.rpoSeconds.length).toBeGreaterThan(300);
      expect(new Set(s.rpoSeconds)).toEqual(new Set([5]));
      expect(s.data.writesLost / s.data.promotions).toBeCloseTo(1000, 6);
      for (const r of s.incidentRecords) if (r.rpoSeconds !== null) expect(r.lostWrites).toBeCloseTo(1000, 9);
    }
    // Every sample exceeds a 4 s objective.
    expect(result.objectives.rpoSeconds).toEqual({ target: 4, value: 1, met: false });
  });

  it('lag U(0, 10 s): mean lost writes per promotion = w·E[L] = 1000 (the fluid mean of the Poisson count)', () => {
    // ≈ 870 promotions per replication-10-years; cv of U(0, 10) is 0.58: relative SE ≈ 2 % each.
    const { summaries } = run(c9({ dist: 'uniform', min: 0, max: 10 }), 10, 10);
    expectWithin4Se(summaries.map((s) => s.data.writesLost / s.data.promotions), 1000, 0.01);
    expectWithin4Se(summaries.map((s) => mean(s.rpoSeconds)), 5, 0.01);
    expect(Math.max(...summaries.flatMap((s) => s.rpoSeconds))).toBeLessThanOrEqual(10);
  });
});

describe('promotion success', () => {
  const drilled = (drillsPerYear: number) =>
    dataPlan(
      [
        users(100, 0.1),
        { id: 'a', kind: 'datastore', engine: 'postgres', reliability: rel(exp(20), fixed(2)), promotion: { automatic: true, detectionSeconds: 30, seconds: 60 } },
        { id: 'b', kind: 'datastore', engine: 'postgres', reliability: rel(exp(20), fixed(2)), promotion: { automatic: true, detectionSeconds: 30, seconds: 60 } },
        monitor(5, 5),
      ],
      [['users', 'a']],
      [replication('a', 'b', 'async', { dist: 'fixed', value: 1 })],
      { practices: { drillsPerYear } },
    );

  it('the measured success share matches the configured probability, without drills and with 4 a year', () => {
    const shares: Record<number, { mean: number; se: number }> = {};
    for (const drills of [0, 4]) {
      const { summaries, plan } = run(drilled(drills), 10, 5);
      const configured = promotionSuccessProbability(drills);
      const b = plan.nodes.find((n) => n.id === 'b');
      expect(b?.kind === 'datastore' && b.promotion.successProbability).toBe(configured);
      // ≈ 2,000 attempts per replication: SE of a share near 0.9 ≈ 0.7 % each.
      const perReplication = summaries.map((s) => s.data.promotions / s.data.promotionAttempts);
      expectWithin4Se(perReplication, configured, 0.005);
      shares[drills] = meanAndSe(perReplication);
    }
    expect(promotionSuccessProbability(4)).toBeGreaterThan(promotionSuccessProbability(0));
    expect(shares[4]!.mean - shares[0]!.mean).toBeGreaterThan(4 * Math.hypot(shares[0]!.se, shares[4]!.se));
  });

  it('never-failing replicas make no attempts and no samples', () => {
    const p = dataPlan(
      [users(100, 0.1), { id: 'a', kind: 'datastore', reliability: rel(NEVER, fixed(1)) }, { id: 'b', kind: 'datastore', reliability: rel(exp(10), fixed(1)) }],
      [['users', 'a']],
      [replication('a', 'b', 'async', { dist: 'fixed', value: 1 })],
    );
    const { summaries } = run(p, 2, 2);
    for (const s of summaries) {
      expect(s.rpoSeconds).toEqual([]);
      expect(s.data.promotionAttempts).toBe(0);
      expect(s.incidents).toBe(0);
    }
  });
});
