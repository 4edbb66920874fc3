// A diurnal swing against a capacity limit: served = min(load(t), capacity) is nonlinear in t, but
// between the instants the load crosses the capacity the lost rate is affine in sin ωt, so the
// engine looks at the load only at those crossings and integrates exactly (meaning 20). Measured
// against the exact integral, and no look at all when no capacity can bind.
import { describe, expect, it } from 'vitest';
import { nextCrossing, nextSineCrossing } from '../../../sim/engine/scaling/controller';
import { plan, run, SOLID } from './helpers';

const DAY = 86_400;
const OMEGA = (2 * Math.PI) / DAY;

describe('diurnal load against capacity', () => {
  it('lost requests match ∫ max(0, L(t) − C) dt to floating-point precision', () => {
    // L(t) = 100 (1 + 0.5 sin ωt), C = 100: the overload is 50 sin ωt for half of each day, so
    // exactly 100/ω = 1,375,098.7 requests are lost per day.
    const days = 30;
    const nodes = [
      { id: 'users', kind: 'clients', requestsPerSecond: 100, diurnalSwing: 0.5 },
      { id: 'gw', kind: 'gateway', instances: 1, capacityRpsPerInstance: 100, reliability: SOLID },
    ];
    const { summaries } = run(plan(nodes, [['users', 'gw']]), 1, (days * 24) / 8760);
    const exact = (days * 100) / OMEGA;
    const relativeError = Math.abs(summaries[0]!.lostRequests - exact) / exact;
    // This test used to accept 10⁻³ (900 s load ticks, interpolated): now the integral is exact.
    expect(relativeError).toBeLessThan(1e-9);
    // Two looks a day: when the load rises through the capacity and when it falls back.
    const perDay = summaries[0]!.events / days;
    expect(perDay).toBeGreaterThanOrEqual(2 - 1 / days);
    expect(perDay).toBeLessThanOrEqual(2 + 1 / days);
    // Offered requests are the exact integral of the swinging load.
    expect(summaries[0]!.offeredRequests).toBeCloseTo(100 * days * DAY, 0);
  });

  it('no ticks when capacity cannot bind at the daily peak', () => {
    const nodes = [
      { id: 'users', kind: 'clients', requestsPerSecond: 100, diurnalSwing: 0.5 },
      { id: 'gw', kind: 'gateway', instances: 1, capacityRpsPerInstance: 151, reliability: SOLID },
    ];
    const { summaries } = run(plan(nodes, [['users', 'gw']]), 1, 30 / 365);
    expect(summaries[0]!.events).toBe(0);
    expect(summaries[0]!.lostRequests).toBe(0);
  });
});

describe('crossing times of the diurnal load factor', () => {
  it('finds the next time 1 + s·sin(ωt) reaches a level, and none beyond the swing', () => {
    // 1 + 0.5 sin(ωt) = 1.25 at ωt = π/6 (2 h) and 5π/6 (10 h).
    expect(nextCrossing(0, [1.25], 0.5)).toBeCloseTo(2 * 3600, 6);
    expect(nextCrossing(3 * 3600, [1.25], 0.5)).toBeCloseTo(10 * 3600, 6);
    expect(nextCrossing(11 * 3600, [1.25], 0.5)).toBeCloseTo(DAY + 2 * 3600, 6);
    expect(nextCrossing(0, [1.6, 0.3], 0.5)).toBe(Infinity);
    expect(nextCrossing(0, [1.25, 0.75], 0.5)).toBeCloseTo(2 * 3600, 6);
  });

  it('takes the value the sine meets first, as the earliest root of every value would', () => {
    // By definition: sin(ωτ) = v at ωτ ≡ asin v or π − asin v (mod 2π); the first such τ after t.
    const byDefinition = (t: number, values: number[]): number => {
      let best = Infinity;
      for (const v of values) {
        if (!(v > -1 && v < 1)) continue;
        for (const root of [Math.asin(v), Math.PI - Math.asin(v)]) {
          const ahead = (((root - OMEGA * t) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
          best = Math.min(best, t + ahead / OMEGA);
        }
      }
      return best;
    };
    let x = 99;
    const next = (): number => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return x / 2 ** 31;
    };
    for (let trial = 0; trial < 5000; trial++) {
      // Every phase of the day (rising and falling), one to six values, some outside the swing.
      const t = next() * 10 * DAY;
      const values = Array.from({ length: 1 + Math.floor(next() * 6) }, () => next() * 2.4 - 1.2);
      const expected = byDefinition(t, values);
      const found = nextSineCrossing(t, values);
      if (expected === Infinity) expect(found).toBe(Infinity);
      else expect(Math.abs(found - expected)).toBeLessThan(1e-6);
    }
  });
});
