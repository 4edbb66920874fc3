import { describe, expect, it } from 'vitest';
import { TrafficAccount } from '../../../sim/engine/metrics';

const cause = { kind: 'node' as const, id: 'primary' };

describe('accounting of a served share that moves linearly between events', () => {
  it('integrates the linear tail exactly and closes the incident where the failing share crosses 0.1 %', () => {
    const account = new TrafficAccount(100, NaN);
    account.advance(1000);
    account.setServed(0, 1000, cause); // the primary dies: everything fails
    account.advance(1075); // detected after 75 s; clients start moving
    account.advance(1135, 100); // ... linearly over a 60 s TTL
    account.finish(10_000);
    expect(account.lostRequests).toBeCloseTo(100 * 75 + 100 * 30, 9);
    expect(account.incidents).toBe(1);
    expect(account.rtoSeconds).toHaveLength(1);
    expect(account.rtoSeconds[0]).toBeCloseTo(75 + 0.999 * 60, 9);
    expect(account.downSeconds).toBeCloseTo(75 + 0.999 * 60, 9);
    expect(account.records[0]!.firstCause).toEqual(cause);
  });

  it('opens an incident inside a segment when a slide crosses the threshold downwards', () => {
    const account = new TrafficAccount(10, NaN);
    account.advance(100, 0); // served slides from 100 % to 0 over 100 s
    account.finish(100);
    expect(account.incidents).toBe(1);
    expect(account.records[0]!.startHours * 3600).toBeCloseTo(0.1, 9);
    expect(account.records[0]!.endHours).toBeNull();
    expect(account.lostRequests).toBeCloseTo(10 * 50, 9);
  });

  it('weights a linear failing share by the diurnal load exactly', () => {
    const day = 24 * 3600;
    const flat = new TrafficAccount(1, NaN, 0);
    const swinging = new TrafficAccount(1, NaN, 0.5);
    for (const a of [flat, swinging]) {
      a.setServed(0, 0, cause);
      a.advance(day, 1); // failing share falls linearly from 1 to 0 over one day
      a.finish(day);
    }
    expect(flat.lostRequests).toBeCloseTo(day / 2, 6);
    // ∫₀ᵀ (1 − t/T)(1 + 0.5 sin(2πt/T)) dt = T/2 + 0.5·T/(2π).
    expect(swinging.lostRequests).toBeCloseTo(day / 2 + (0.5 * day) / (2 * Math.PI), 6);
    expect(swinging.offeredRequests).toBeCloseTo(day, 6);
  });
});
