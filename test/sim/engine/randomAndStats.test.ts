// Random streams (meaning 15), the six samplers, and the Student-t quantile against table values.
import { describe, expect, it } from 'vitest';
import { compileDistribution, sample, samplerMean } from '../../../sim/engine/distributions';
import { streamFor } from '../../../sim/engine/random';
import { meanWithInterval, studentTQuantile } from '../../../sim/engine/stats';
import { meanAndSe } from './helpers';

describe('random streams', () => {
  it('are reproducible per key and differ between keys', () => {
    const draw = (seed: number, rep: number, id: string, purpose: string) => {
      const s = streamFor(seed, rep, id, purpose);
      return [s.next(), s.next(), s.next()];
    };
    expect(draw(1, 0, 'gw#0', 'time-to-failure')).toEqual(draw(1, 0, 'gw#0', 'time-to-failure'));
    const base = draw(1, 0, 'gw#0', 'time-to-failure');
    for (const other of [draw(2, 0, 'gw#0', 'time-to-failure'), draw(1, 1, 'gw#0', 'time-to-failure'), draw(1, 0, 'gw#1', 'time-to-failure'), draw(1, 0, 'gw#0', 'time-to-repair')]) {
      expect(other).not.toEqual(base);
    }
  });

  it('give uniforms in [0, 1) with the right mean and no correlation between neighbouring keys', () => {
    const a = streamFor(3, 0, 'x#1', 'p');
    const b = streamFor(3, 0, 'x#2', 'p');
    let sa = 0;
    let sab = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = a.next();
      const v = b.next();
      expect(u >= 0 && u < 1).toBe(true);
      sa += u;
      sab += (u - 0.5) * (v - 0.5);
    }
    expect(Math.abs(sa / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sab / n / (1 / 12))).toBeLessThan(4 / Math.sqrt(n));
  });
});

describe('samplers', () => {
  const cases = [
    { dist: 'exponential', mean: 3 },
    { dist: 'weibull', shape: 1.5, scale: 2 },
    { dist: 'lognormal', median: 2, sigma: 0.5 },
    { dist: 'fixed', value: 2.5 },
    { dist: 'uniform', min: 1, max: 4 },
  ] as const;
  for (const d of cases) {
    it(`${d.dist} draws have the distribution's mean`, () => {
      const s = compileDistribution(d, 3600);
      const stream = streamFor(9, 0, d.dist, 'test');
      const draws = Array.from({ length: 50_000 }, () => sample(s, stream));
      const { mean, se } = meanAndSe(draws);
      const exact = samplerMean(s);
      expect(Math.abs(mean - exact)).toBeLessThanOrEqual(4 * se + 1e-9 * exact);
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
      expect(draws.every(Number.isFinite)).toBe(true);
    });
  }
  it('never is Infinity', () => {
    expect(sample(compileDistribution({ dist: 'never' }, 3600), streamFor(1, 0, 'n', 'n'))).toBe(Infinity);
  });
});

describe('Student t', () => {
  it('matches table values of t(0.975, ν)', () => {
    const table: [number, number][] = [
      [1, 12.7062047],
      [2, 4.3026527],
      [5, 2.5705818],
      [9, 2.2621572],
      [10, 2.2281389],
      [30, 2.0422725],
      [100, 1.9839715],
      [1e7, 1.959964],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 5);
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.7764451, 5);
  });
  it('gives no interval from one replication and a t interval from several', () => {
    expect(meanWithInterval([0.5]).ci95).toBeNull();
    const r = meanWithInterval([1, 2, 3, 4]);
    // sd = √(5/3), SE = sd/2, t(0.975, 3) = 3.1824463.
    expect(r.ci95![0]).toBeCloseTo(2.5 - (3.1824463 * Math.sqrt(5 / 3)) / 2, 6);
    expect(r.ci95![1]).toBeCloseTo(2.5 + (3.1824463 * Math.sqrt(5 / 3)) / 2, 6);
  });
});
