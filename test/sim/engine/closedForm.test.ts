// Validation cases C1–C6 and C10 (shared/validation/README.md) written as plans. Each run is sized
// by the math (relative SE ≈ √((1 + cv²)/outages)) and judged with the 4·SE rule plus an SE bound.
import { describe, expect, it } from 'vitest';
import { compileHealthCheck, sampleDetectionSeconds } from '../../../sim/engine/detection';
import { streamFor } from '../../../sim/engine/random';
import { MINUTES_PER_YEAR } from '../../../sim/engine/monteCarlo';
import { exp, expectWithin4Se, fixed, meanAndSe, NEVER, plan, rel, run, SOLID, unavailabilityByRequests, unavailabilityByTime } from './helpers';

const BASE = rel(exp(1000), exp(4));
const clients = { id: 'users', kind: 'clients', requestsPerSecond: 100 };

function binomialUnavailability(n: number, k: number, a: number): number {
  let choose = 1;
  let available = 0;
  for (let j = 0; j <= n; j++) {
    if (j > 0) choose = (choose * (n - j + 1)) / j;
    if (j >= k) available += choose * a ** j * (1 - a) ** (n - j);
  }
  return 1 - available;
}

describe('closed-form cases', () => {
  it('C1: a single repairable component has A = MTBF/(MTBF+MTTR) and 8.7251 failures a year', () => {
    // ~8.7 outages/year × 1000 years ≈ 8,700 outages: relative SE ≈ √(2/8700) ≈ 1.5 %.
    const { summaries, result } = run(plan([clients, { id: 's', kind: 'service', instances: 1, reliability: BASE }], [['users', 's']]), 10, 100);
    expectWithin4Se(unavailabilityByTime(summaries), 1 - 0.9960159363, 0.03);
    expectWithin4Se(unavailabilityByRequests(summaries), 1 - 0.9960159363, 0.03);
    expectWithin4Se(summaries.map((s) => s.incidents / 100), 8.725100, 0.02);
    expect(result.downtimeMinutesPerYear.mean).toBeCloseTo((1 - result.availability.timeWeighted.mean) * MINUTES_PER_YEAR, 9);
  });

  it('C2: independent components in series multiply their availabilities; mean outage 4.8339 h', () => {
    const nodes = [
      clients,
      { id: 'a', kind: 'service', reliability: rel(exp(1000), exp(4)) },
      { id: 'b', kind: 'datastore', engine: 'postgres', failureLosesData: false, reliability: rel(exp(5000), exp(1)) },
      { id: 'c', kind: 'gateway', reliability: rel(exp(2000), exp(8)) },
    ];
    const { summaries } = run(plan(nodes, [['users', 'c'], ['c', 'a'], ['a', 'b']]), 10, 100);
    expectWithin4Se(unavailabilityByTime(summaries), 1 - 0.9918493754, 0.03);
    // Mean outage = the mean incident length (series outages can overlap, merging incidents — the
    // closed form counts system outages, which is exactly what an incident is).
    expectWithin4Se(summaries.map((s) => s.rtoSeconds.reduce((a, b) => a + b, 0) / s.rtoSeconds.length / 3600), 4.833884, 0.03);
  });

  it('C3: 1-of-2 parallel with independent repair has U = U₁U₂ and Exp(2μ) outages', () => {
    // System outages ≈ 0.069/year: 20 × 1000 years ≈ 1,400 outages, relative SE ≈ 4 %.
    const { summaries } = run(plan([clients, { id: 's', kind: 'service', instances: 2, reliability: BASE }], [['users', 's']]), 20, 1000);
    expectWithin4Se(unavailabilityByTime(summaries), 1.587276e-5, 0.06);
    expectWithin4Se(summaries.map((s) => s.downSeconds / 60 / 1000), 8.342725, 0.06);
    const outages = summaries.flatMap((s) => s.rtoSeconds);
    expect(meanAndSe(outages).mean / 3600).toBeGreaterThan(2 - 4 * (2 / Math.sqrt(outages.length)));
    expect(meanAndSe(outages).mean / 3600).toBeLessThan(2 + 4 * (2 / Math.sqrt(outages.length)));
  });

  it('C4: k-of-n with independent repair (2-of-3 and 3-of-5 through capacity)', () => {
    // The fleet needs k instances: capacity per instance = offered / k, so fewer than k up fails
    // ≥ 1/k of requests, which is "down" for time-weighted availability.
    const kOfN = (n: number, k: number) =>
      plan([clients, { id: 's', kind: 'service', instances: n, capacityRpsPerInstance: 100 / k, reliability: BASE }], [['users', 's']]);
    const aI = 1000 / 1004;
    const twoOfThree = run(kOfN(3, 2), 20, 1000);
    expect(binomialUnavailability(3, 2, aI)).toBeCloseTo(4.749182e-5, 10);
    expectWithin4Se(unavailabilityByTime(twoOfThree.summaries), 4.749182e-5, 0.05);
    // 3-of-5: outages ≈ 4e-3/year; a faster instance (MTBF 100 h, MTTR 4 h) keeps the run short,
    // judged against the same binomial formula (checked on the README instance above).
    const fast = plan([clients, { id: 's', kind: 'service', instances: 5, capacityRpsPerInstance: 100 / 3, reliability: rel(exp(100), exp(4)) }], [['users', 's']]);
    expect(binomialUnavailability(5, 3, 1000 / 1004)).toBeCloseTo(6.286079e-7, 12);
    const threeOfFive = run(fast, 20, 200);
    expectWithin4Se(unavailabilityByTime(threeOfFive.summaries), binomialUnavailability(5, 3, 100 / 104), 0.05);
  });

  it('C5: Weibull up and lognormal down times give A = E[up]/(E[up]+E[down]) = 0.9955886', () => {
    const sigma = Math.sqrt(Math.log(1 + 4 / 16));
    const median = Math.exp(Math.log(4) - (sigma * sigma) / 2);
    const reliability = rel({ dist: 'weibull', shape: 1.5, scale: 1000 }, { dist: 'lognormal', median, sigma });
    const { summaries } = run(plan([clients, { id: 's', kind: 'service', reliability }], [['users', 's']]), 10, 100);
    // cv of the lognormal downs = 0.5: relative SE ≈ √(1.25/9700) ≈ 1.1 %.
    expectWithin4Se(unavailabilityByTime(summaries), 1 - 0.9955886, 0.03);
  });

  it('C6: health-check detection D = U(0, I) + (k−1)·I: mean 75 s, range [60, 90] s', () => {
    const law = compileHealthCheck({ intervalSeconds: 30, failureThreshold: 3, recoveryThreshold: 3, checkers: 1, propagationSeconds: 0 });
    const stream = streamFor(1, 0, 'test', 'detection');
    const draws = Array.from({ length: 20000 }, () => sampleDetectionSeconds(law, stream, true));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...draws)).toBeLessThanOrEqual(90);
    const { mean, se } = meanAndSe(draws);
    expect(Math.abs(mean - 75)).toBeLessThanOrEqual(4 * se);

    // Through the engine: a balancer over two targets, one of which never fails. Each failure of the
    // other loses half the traffic until detected, so every incident lasts exactly one detection.
    const nodes = [
      clients,
      { id: 'lb', kind: 'loadBalancer', reliability: SOLID, healthCheck: { intervalSeconds: 30, failureThreshold: 3, recoveryThreshold: 3 } },
      { id: 'flaky', kind: 'datastore', engine: 'postgres', failureLosesData: false, reliability: rel(exp(50), fixed(1)) },
      { id: 'solid', kind: 'datastore', engine: 'postgres', failureLosesData: false, reliability: rel(NEVER, fixed(1)) },
    ];
    const { summaries } = run(plan(nodes, [['users', 'lb'], ['lb', 'flaky'], ['lb', 'solid']]), 10, 10);
    const rto = summaries.flatMap((s) => s.rtoSeconds);
    expect(rto.length).toBeGreaterThan(1500);
    expect(Math.min(...rto)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...rto)).toBeLessThanOrEqual(90);
    const engine = meanAndSe(rto);
    expect(Math.abs(engine.mean - 75)).toBeLessThanOrEqual(4 * engine.se);
    expect(engine.se).toBeLessThan(0.5);
  });

  it('C6 with 16 checkers and the 18 % rule: mean (k−1)·I + j/(M+1)·I = 84.71 s', () => {
    const law = compileHealthCheck({ intervalSeconds: 30, failureThreshold: 3, recoveryThreshold: 3, checkers: 16, propagationSeconds: 0 });
    expect(law.failureOrder).toBe(14);
    const stream = streamFor(1, 0, 'test', 'detection-16');
    const draws = Array.from({ length: 20000 }, () => sampleDetectionSeconds(law, stream, true));
    const { mean, se } = meanAndSe(draws);
    expect(Math.abs(mean - (60 + (14 / 17) * 30))).toBeLessThanOrEqual(4 * se);
    expect(60 + (14 / 17) * 30).toBeCloseTo(84.71, 2);
  });

  it('C10: downtime minutes per year = (1 − A) × 525,600 (365-day year): 0.9995 → 262.800', () => {
    // Fixed 1999 h up / 1 h down over exactly 438 cycles (100 years) gives A = 0.9995 exactly.
    const { result } = run(plan([clients, { id: 's', kind: 'service', reliability: rel(fixed(1999), fixed(1)) }], [['users', 's']]), 2, 100);
    expect(result.availability.timeWeighted.mean).toBeCloseTo(0.9995, 12);
    expect(result.downtimeMinutesPerYear.mean).toBeCloseTo(262.8, 6);
  });
});
