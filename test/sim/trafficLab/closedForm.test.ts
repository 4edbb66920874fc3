// The traffic lab against closed forms (shared/validation/README.md C11, C12) and the E_c/M/1 queue
// that round-robin makes of c exponential servers: 20 independent replications each (tail shares
// vary a lot between replications, and 19 degrees of freedom keep the 4·SE rule's false alarms
// near 1 in 1,000 per assertion), judged with the
// 4·SE rule plus a bound on SE so a noisy run cannot pass; means, waiting probabilities, tails and
// quantiles (the shape, not only the mean).
import { describe, expect, it } from 'vitest';
import { erlangArrivalsSigma, erlangB, mmc, roundRobinErlang } from '../../../sim/traffic-lab/closedForms';
import { runLabDetailed } from '../../../sim/traffic-lab/runLab';
import type { LabAlgorithm, LabSpec } from '../../../sim/traffic-lab/spec';
import { quantileSorted } from '../../../sim/traffic-lab/summaries';
import { expectWithin4Se, meanAndSe } from '../engine/helpers';

const REPLICATIONS = 20;

/** A pure queueing spec: Poisson λ, `servers` identical exponential instances, no failure, no timeout. */
function queueSpec(lambda: number, meanService: number, instances: number, concurrency: number, durationSeconds: number, warmupSeconds: number, replication: number): LabSpec {
  return {
    streamSource: 'closed-form',
    seed: 2026,
    replication,
    ratePerSecond: lambda,
    diurnalSwing: 0,
    startHour: 0,
    burst: undefined,
    instances: Array.from({ length: instances }, (_, i) => ({ id: `i${i}`, fleetId: 'f', concurrency, meanServiceSeconds: meanService, speed: 1 })),
    service: { dist: 'exponential' },
    clientCount: 1,
    clientActivitySigma: 0,
    timeoutSeconds: 1e12,
    durationSeconds,
    warmupSeconds,
    failure: undefined,
  };
}

interface RepFigures {
  meanSojourn: number;
  meanWait: number;
  probWait: number;
  arrivalRate: number;
  tail(t: number): number;
  quantile(p: number): number;
}

function replications(algorithm: LabAlgorithm, make: (replication: number) => LabSpec): RepFigures[] {
  return Array.from({ length: REPLICATIONS }, (_, r) => {
    const spec = make(r);
    const { result, latencies, waits } = runLabDetailed(spec, algorithm);
    expect(result.failed + result.timedOut).toBe(0);
    let above = 0;
    return {
      meanSojourn: result.latency.mean,
      meanWait: result.queueing.mean,
      probWait: result.queueing.shareWaited,
      arrivalRate: result.offered / (spec.durationSeconds - spec.warmupSeconds),
      tail: (t: number) => {
        above = 0;
        for (let i = waits.length - 1; i >= 0 && waits[i]! > t; i--) above++;
        return above / waits.length;
      },
      quantile: (p: number) => quantileSorted(latencies, p),
    };
  });
}

describe('closed forms (formulas only)', () => {
  it('reproduce the validation cases C11 and C12 exactly', () => {
    const c11 = mmc(0.25, 1 / 3, 1);
    expect(c11.rho).toBeCloseTo(0.75, 12);
    expect(c11.lq).toBeCloseTo(2.25, 10);
    expect(c11.meanWait).toBeCloseTo(9, 10);
    expect(c11.meanSojourn).toBeCloseTo(12, 10);
    expect(c11.waitExceeds(10)).toBeCloseTo(0.3259487, 7);
    const c12 = mmc(5, 10, 2);
    expect(c12.probWait).toBeCloseTo(0.1, 12);
    expect(c12.meanWait).toBeCloseTo(0.006666667, 9);
    expect(c12.meanSojourn).toBeCloseTo(0.1066667, 7);
    expect(erlangB(2, 0.5)).toBeCloseTo(0.25 / 2 / (1 + 0.5 + 0.125), 12);
    // The sojourn quantile inverts the tail.
    expect(c12.sojournExceeds(c12.sojournQuantile(0.95))).toBeCloseTo(0.05, 10);
    // M/M/1 sojourn is Exp(μ − λ): its quantile is −ln(1 − p)/(μ − λ).
    expect(c11.sojournQuantile(0.99)).toBeCloseTo(12 * Math.log(100), 8);
  });

  it('E_c/M/1: σ solves σ = (λ/(λ + μ(1 − σ)))^c, and c = 1 is M/M/1', () => {
    expect(erlangArrivalsSigma(0.25, 1 / 3, 1)).toBeCloseTo(0.75, 12);
    for (const [lambda, mu, c] of [
      [5, 10, 2],
      [2.1, 1, 3],
      [9, 1, 10],
    ] as const) {
      const sigma = erlangArrivalsSigma(lambda, mu, c);
      expect(sigma).toBeGreaterThan(0);
      expect(sigma).toBeLessThan(1);
      expect(Math.pow(lambda / (lambda + mu * (1 - sigma)), c)).toBeCloseTo(sigma, 12);
      // Smoother (Erlang) arrivals wait less often than Poisson ones at the same load: σ < ρ.
      expect(sigma).toBeLessThan(lambda / (c * mu));
    }
    // Hand check for c = 2, λ = 5, μ = 10: σ(15 − 10σ)² = 25 has its root in (0,1) near 0.1340.
    const s = erlangArrivalsSigma(5, 10, 2);
    expect(s * (15 - 10 * s) ** 2).toBeCloseTo(25, 9);
    expect(s).toBeGreaterThan(0.13);
    expect(s).toBeLessThan(0.14);
  });
});

describe('traffic lab on simjs against closed forms', () => {
  it('C11: one instance of concurrency 1 is M/M/1 (ρ 0.75, Lq 2.25, W 12, P(Wq > 10) = 0.3259487)', () => {
    // Sizing: Whitt (1989) gives the asymptotic variance of the time-average number in an M/M/1 as
    // 2ρ(1+ρ)/(μ(1−ρ)⁴) per unit time ≈ 2016 here, so over T = 50,000 s one replication's W
    // (= L/λ) has relative SE ≈ √(2016/T)/L ≈ 6.7 % and the mean of 20 about 1.5 %. Warm-up 2,000 s
    // is twelve relaxation times 1/(μ(1 − √ρ)²) ≈ 167 s.
    const exact = mmc(0.25, 1 / 3, 1);
    const reps = replications('round-robin', (r) => queueSpec(0.25, 3, 1, 1, 50_000, 2_000, r));
    expectWithin4Se(reps.map((r) => r.meanSojourn), 12, 0.03);
    expectWithin4Se(reps.map((r) => r.arrivalRate * r.meanWait), 2.25, 0.05);
    expectWithin4Se(reps.map((r) => r.probWait), 0.75, 0.01);
    expectWithin4Se(reps.map((r) => r.tail(10)), 0.3259487, 0.03);
    expectWithin4Se(reps.map((r) => r.tail(30)), exact.waitExceeds(30), 0.08);
    // Shape: the sojourn time is Exp(1/12); its quartiles and far tail.
    for (const p of [0.25, 0.5, 0.9, 0.99]) expectWithin4Se(reps.map((r) => r.quantile(p)), exact.sojournQuantile(p), 0.04);
  });

  it('C12: one instance of concurrency 2 is a pooled M/M/2 (Erlang C 0.1, Wq 0.006667, W 0.10667)', () => {
    // ρ = 0.25 relaxes in well under a second; 10,000 requests per replication give C (a share
    // near 0.1) a relative SE ≈ √(0.9/(0.1·10000)) ≈ 3 % each, 0.7 % over twenty.
    const exact = mmc(5, 10, 2);
    const reps = replications('round-robin', (r) => queueSpec(5, 0.1, 1, 2, 2_000, 20, r));
    expectWithin4Se(reps.map((r) => r.probWait), 0.1, 0.02);
    expectWithin4Se(reps.map((r) => r.meanWait), 0.006666667, 0.03);
    expectWithin4Se(reps.map((r) => r.meanSojourn), 0.1066667, 0.01);
    expectWithin4Se(reps.map((r) => r.tail(0.1)), exact.waitExceeds(0.1), 0.06);
    for (const p of [0.5, 0.95, 0.99]) expectWithin4Se(reps.map((r) => r.quantile(p)), exact.sojournQuantile(p), 0.02);
  });

  const lambda = 2.1;
  const servers = 3;
  // Three instances of concurrency 1, μ = 1 each: per-instance load ρ = 0.7.
  const spec = (r: number) => queueSpec(lambda, 1, servers, 1, 10_000, 500, r);

  it('round-robin over 3 exponential servers: each an E_3/M/1 queue (σ, W = 1/(μ(1 − σ)), P(Wq > t) = σ e^{−μ(1−σ)t})', () => {
    const exact = roundRobinErlang(lambda, 1, servers);
    const reps = replications('round-robin', spec);
    expectWithin4Se(reps.map((r) => r.probWait), exact.sigma, 0.02);
    expectWithin4Se(reps.map((r) => r.meanSojourn), exact.meanSojourn, 0.02);
    expectWithin4Se(reps.map((r) => r.tail(2)), exact.waitExceeds(2), 0.04);
    expectWithin4Se(reps.map((r) => r.tail(6)), exact.waitExceeds(6), 0.1);
    for (const p of [0.5, 0.9, 0.99]) expectWithin4Se(reps.map((r) => r.quantile(p)), exact.sojournQuantile(p), 0.03);
    // The test can tell E_3/M/1 from M/M/1 at the same load: W would be 1/(1 − 0.7) = 3.33 s.
    const { mean, se } = meanAndSe(reps.map((r) => r.meanSojourn));
    expect(Math.abs(mean - mmc(lambda / servers, 1, 1).meanSojourn)).toBeGreaterThan(8 * se);
  });

  it('least connections (join the shortest queue) lies between the pooled M/M/3 and round-robin, close to M/M/3', () => {
    // Bounds: a pooled FCFS queue never idles a server while a request waits, so with exponential
    // servers its number in system is stochastically smallest among dispatch policies (W ≥ M/M/c's);
    // JSQ is optimal among policies that route at arrival with identical exponential servers
    // (Winston 1977), round-robin being one of them (W ≤ E_c/M/1's).
    const pooled = mmc(lambda, 1, servers).meanSojourn;
    const rr = roundRobinErlang(lambda, 1, servers).meanSojourn;
    const reps = replications('least-connections', spec);
    const { mean, se } = meanAndSe(reps.map((r) => r.meanSojourn));
    expect(se).toBeLessThan(0.02 * pooled);
    expect(mean).toBeGreaterThan(pooled - 4 * se);
    expect(mean).toBeLessThan(rr - 4 * se);
    // Close to M/M/3: JSQ removes most of round-robin's excess over the pooled queue (here M/M/3
    // gives 1.55 s and E_3/M/1 2.36 s; JSQ about 1.70 s).
    expect(mean - pooled).toBeLessThan((rr - pooled) / 3);
  });
});
