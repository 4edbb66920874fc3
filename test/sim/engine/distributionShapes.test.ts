// Shapes, not only means: a Kolmogorov–Smirnov test of every sampler against its exact CDF, a
// closed-form p95 and KS through the whole engine (validation case C7), recovery detection with its
// own threshold, and the 0.1 % boundary of meanings 13–14.
import { describe, expect, it } from 'vitest';
import { compileDistribution, sample } from '../../../sim/engine/distributions';
import { streamFor } from '../../../sim/engine/random';
import type { Distribution } from '../../../sim/model/schema';
import { exp, fixed, plan, rel, run, SOLID, type Json } from './helpers';

/** Φ through erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7, far below the KS bands used here). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The KS statistic sup |F_n − F| of samples against a continuous CDF. */
function ksStatistic(samples: number[], cdf: (x: number) => number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** Critical value at α = 0.001 (asymptotic: 1.949 / √n): a correct sampler fails one time in a thousand. */
const ksCritical = (n: number) => 1.949 / Math.sqrt(n);

function draws(d: Distribution, n: number, label: string): number[] {
  const s = compileDistribution(d, 1);
  const stream = streamFor(20261206, 0, `ks:${label}`, 'shape');
  return Array.from({ length: n }, () => sample(s, stream));
}

describe('every sampler has its exact distribution (KS, n = 20,000, α = 0.001)', () => {
  const n = 20_000;
  const cases: [string, Distribution, (x: number) => number][] = [
    ['exponential mean 3', { dist: 'exponential', mean: 3 }, (x) => 1 - Math.exp(-x / 3)],
    ['weibull shape 2.5, scale 4', { dist: 'weibull', shape: 2.5, scale: 4 }, (x) => 1 - Math.exp(-Math.pow(x / 4, 2.5))],
    ['weibull shape 0.7, scale 10', { dist: 'weibull', shape: 0.7, scale: 10 }, (x) => 1 - Math.exp(-Math.pow(x / 10, 0.7))],
    ['lognormal median 8, sigma 0.8', { dist: 'lognormal', median: 8, sigma: 0.8 }, (x) => normalCdf(Math.log(x / 8) / 0.8)],
    ['lognormal median 1, sigma 1.5', { dist: 'lognormal', median: 1, sigma: 1.5 }, (x) => normalCdf(Math.log(x) / 1.5)],
    ['uniform 2 to 7', { dist: 'uniform', min: 2, max: 7 }, (x) => Math.min(1, Math.max(0, (x - 2) / 5))],
  ];
  for (const [label, d, cdf] of cases) {
    it(label, () => {
      const xs = draws(d, n, label);
      expect(ksStatistic(xs, cdf)).toBeLessThan(ksCritical(n));
    });
  }

  it('the same test has the power to tell a Weibull or lognormal from an exponential of the same mean', () => {
    // Weibull(2.5, 4) has mean 4·Γ(1.4) = 3.5491; lognormal(8, 0.8) has mean 8·e^0.32 = 11.0172.
    const expWeibull = draws({ dist: 'exponential', mean: 3.5491 }, n, 'exp-w');
    expect(ksStatistic(expWeibull, (x) => 1 - Math.exp(-Math.pow(x / 4, 2.5)))).toBeGreaterThan(5 * ksCritical(n));
    const expLognormal = draws({ dist: 'exponential', mean: 11.0172 }, n, 'exp-l');
    expect(ksStatistic(expLognormal, (x) => normalCdf(Math.log(x / 8) / 0.8))).toBeGreaterThan(5 * ksCritical(n));
  });

  it('fixed is exactly its value and never is infinite', () => {
    expect(new Set(draws({ dist: 'fixed', value: 2.5 }, 100, 'fixed'))).toEqual(new Set([2.5]));
    expect(draws({ dist: 'never' }, 3, 'never')).toEqual([Infinity, Infinity, Infinity]);
  });
});

describe('C7 through the whole engine: incident length uniform on [119.94, 149.94] s', () => {
  // Failover record, one checker, I = 30 s, k = 3, TTL 60 s, no propagation: the incident lasts
  // D + 0.999·TTL with D = 60 + U(0, 30), i.e. uniform on [119.94, 149.94]: p95 = 119.94 + 0.95·30
  // = 148.44 s. The sample p95 of n uniform draws has sd √(0.95·0.05/n)·30 ≈ 0.23 s at n ≈ 870.
  const p = plan(
    [
      { id: 'users', kind: 'clients', requestsPerSecond: 100 },
      {
        id: 'dns', kind: 'dns', policy: 'failover', ttlSeconds: 60, ttlViolationFraction: 0, reliability: SOLID,
        healthCheck: { intervalSeconds: 30, failureThreshold: 3, recoveryThreshold: 3, checkers: 1, propagationSeconds: 0 },
        targets: [{ node: 'primary', role: 'primary' }, { node: 'secondary', role: 'secondary' }],
      },
      { id: 'primary', kind: 'gateway', reliability: rel(exp(1000), fixed(2)) },
      { id: 'secondary', kind: 'gateway', reliability: SOLID },
    ],
    [['users', 'dns']],
  );

  it('p95 = 148.44 s within 4·SE, and the whole distribution passes KS against U(119.94, 149.94)', () => {
    const { summaries, result } = run(p, 10, 10, 13);
    const rto = summaries.flatMap((s) => s.rtoSeconds);
    const n = rto.length;
    expect(n).toBeGreaterThan(700);
    const se = Math.sqrt((0.95 * 0.05) / n) * 30;
    expect(Math.abs(result.rtoSeconds.p95! - 148.44)).toBeLessThanOrEqual(4 * se);
    expect(ksStatistic(rto, (x) => Math.min(1, Math.max(0, (x - 119.94) / 30)))).toBeLessThan(ksCritical(n));
  });
});

describe('recovery detection uses recoveryThreshold, failure detection failureThreshold', () => {
  it('an instance repaired after 36 s serves again after U(0, 10) + 3·10 s more: incident ∈ [66, 76] s, mean 71', () => {
    // Two instances of 10 rps behind a balancer, 20 rps offered: with one out, 10 rps fail (50 %).
    // Check interval 10 s, failureThreshold 1, recoveryThreshold 4. An instance fails (exponential,
    // mean 1,000 h, so two outages of about a minute overlap with probability ≈ 0.07 in the run) and is repaired after exactly 36 s; the incident lasts from its failure until the
    // balancer believes it healthy again: 36 + U(0, 10) + (4 − 1)·10 s. With recovery detected on
    // failureThreshold instead it would be 36 + U(0, 10): [36, 46] s.
    const nodes: Json[] = [
      { id: 'users', kind: 'clients', requestsPerSecond: 20 },
      { id: 'lb', kind: 'loadBalancer', healthCheck: { intervalSeconds: 10, failureThreshold: 1, recoveryThreshold: 4 }, reliability: SOLID },
      { id: 'gw', kind: 'gateway', instances: 2, capacityRpsPerInstance: 10, reliability: rel(exp(1000), fixed(0.01)) },
    ];
    const { result } = run(plan(nodes, [['users', 'lb'], ['lb', 'gw']]), 10, 10, 21);
    const n = result.rtoSeconds.count;
    expect(n).toBeGreaterThan(1000);
    expect(result.rtoSeconds.min!).toBeGreaterThanOrEqual(66 - 1e-6);
    expect(result.rtoSeconds.max!).toBeLessThanOrEqual(76 + 1e-6);
    expect(Math.abs(result.rtoSeconds.mean! - 71)).toBeLessThanOrEqual(4 * (10 / Math.sqrt(12) / Math.sqrt(n)));
  });
});

describe('meanings 13–14 at the boundary: exactly 0.1 % failing', () => {
  // A round-robin balancer over 1,000 instances: 999 that never fail (fleet "solid") and the rest
  // in fleet "weak", which fail every 100 h for 1 h and are never detected (the check needs 1,000
  // failures 10⁶ s apart). Each instance gets 1/1,000 of the traffic.
  const boundaryPlan = (weak: number): Json =>
    plan(
      [
        { id: 'users', kind: 'clients', requestsPerSecond: 1000 },
        { id: 'lb', kind: 'loadBalancer', healthCheck: { intervalSeconds: 1e6, failureThreshold: 1000, recoveryThreshold: 1 }, reliability: SOLID },
        { id: 'solid', kind: 'gateway', instances: 1000 - weak, reliability: SOLID },
        { id: 'weak', kind: 'gateway', instances: weak, reliability: rel(fixed(100), fixed(1)) },
      ],
      [['users', 'lb'], ['lb', 'solid'], ['lb', 'weak']],
    );

  it('one undetected-down instance of 1,000 (exactly 0.1 %) is neither downtime nor an incident', () => {
    // 450 h: outages at 100, 201, 302 and 403 h; each loses 1 rps × 3,600 s.
    const s = run(boundaryPlan(1), 1, 450 / 8760).summaries[0]!;
    expect(s.incidents).toBe(0);
    expect(s.downSeconds).toBe(0);
    expect(s.lostRequests).toBeCloseTo(4 * 3600, 3);
  });

  it('two of 1,000 (0.2 %) are: four incidents of exactly 1 h', () => {
    const s = run(boundaryPlan(2), 1, 450 / 8760).summaries[0]!;
    expect(s.rtoSeconds).toEqual([3600, 3600, 3600, 3600]);
    expect(s.downSeconds).toBeCloseTo(4 * 3600, 6);
  });
});
