// A diurnal swing against a capacity limit: served = min(load(t), capacity) is nonlinear in t; the
// engine samples it at 15-minute load ticks and interpolates linearly. Measured against the exact
// integral, and the ticks stop when no capacity can bind.
import { describe, expect, it } from 'vitest';
import { LOAD_TICK_SECONDS } from '../../../sim/engine/scaling/controller';
import { plan, run, SOLID } from './helpers';

const DAY = 86_400;
const OMEGA = (2 * Math.PI) / DAY;

describe('diurnal load against capacity', () => {
  it('lost requests match ∫ max(0, L(t) − C) dt within 0.1 %', () => {
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
    // Measured: 4.6·10⁻⁴ with 900 s ticks (the trapezoid error of a smooth curve, of order (ωh)²/12).
    expect(relativeError).toBeLessThan(1e-3);
    expect(relativeError).toBeGreaterThan(0); // interpolated, not exact: the test can see the ticks
    // 96 ticks a day, nothing else happens.
    expect(summaries[0]!.events).toBe((days * DAY) / LOAD_TICK_SECONDS);
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
