// DNS routing in the engine (issue 4; PLAN-FORMAT meanings 5–8): validation case C7 both ways, the
// 16-checker law, every policy's routing with fail-open and fail-back, weighted shares, and latency
// and geo routing with one region down, seen per client origin.
import { describe, expect, it } from 'vitest';
import { exp, expectWithin4Se, fixed, NEVER, plan, rel, run, SOLID, type Json } from './helpers';

const users = (extra: Json = {}) => ({ id: 'users', kind: 'clients', requestsPerSecond: 100, ...extra });
const check = (extra: Json = {}) => ({ intervalSeconds: 30, failureThreshold: 3, recoveryThreshold: 3, checkers: 1, propagationSeconds: 0, ...extra });
const dns = (policy: string, targets: Json[], extra: Json = {}) => ({
  id: 'dns', kind: 'dns', policy, ttlSeconds: 60, ttlViolationFraction: 0, healthCheck: check(), reliability: SOLID, targets, ...extra,
});
const perReplicationMean = (xs: number[][]) => xs.map((x) => x.reduce((a, b) => a + b, 0) / x.length);

describe('C7: DNS failover seen by clients (one checker, no propagation)', () => {
  // The primary fails about 8.7 times a year and is repaired after 2 h, long after every fail-back.
  const c7 = plan(
    [
      users(),
      dns('failover', [{ node: 'primary', role: 'primary' }, { node: 'secondary', role: 'secondary' }]),
      { id: 'primary', kind: 'gateway', reliability: rel(exp(1000), fixed(2)) },
      { id: 'secondary', kind: 'gateway', reliability: SOLID },
    ],
    [['users', 'dns']],
  );
  // 10 replications × 10 years ≈ 870 failovers; the detection phase U(0, 30) has sd 8.66 s, so the
  // SE of a mean is ≈ 0.3 s against means of 105 and 135 s.
  const { summaries } = run(c7, 10, 10);

  it('loses D + TTL/2 per failover: mean 105 s of the offered rate', () => {
    expectWithin4Se(summaries.map((s) => s.lostRequests / 100 / s.incidents), 105, 0.01);
  });

  it('has incidents (RTO samples) of D + 0.999·TTL: mean 134.94 s within [119.94, 149.94] s', () => {
    const rto = summaries.flatMap((s) => s.rtoSeconds);
    expect(Math.min(...rto)).toBeGreaterThanOrEqual(119.94 - 1e-6);
    expect(Math.max(...rto)).toBeLessThanOrEqual(149.94 + 1e-6);
    expect(rto.length).toBeGreaterThan(700);
    expectWithin4Se(perReplicationMean(summaries.map((s) => s.rtoSeconds)), 60 + 15 + 0.999 * 60, 0.01);
  });

  it('fails back: every incident closes, none stays open once the primary is repaired', () => {
    for (const s of summaries) expect(s.rtoSeconds.length).toBe(s.incidents);
  });
});

describe('the 16-checker Route 53 law through the engine', () => {
  it('detects after (k − 1)·I + j/(M + 1)·I + propagation: 84.71 + 30 s, then clients move over the TTL', () => {
    const p = plan(
      [
        users(),
        dns('failover', [{ node: 'primary', role: 'primary' }, { node: 'secondary', role: 'secondary' }], {
          healthCheck: check({ checkers: 16, propagationSeconds: 30 }),
        }),
        { id: 'primary', kind: 'gateway', reliability: rel(exp(1000), fixed(2)) },
        { id: 'secondary', kind: 'gateway', reliability: SOLID },
      ],
      [['users', 'dns']],
    );
    const { summaries } = run(p, 10, 10);
    // Lost time per failover = detection + TTL/2; the 14th of 16 uniform phases has sd ≈ 2.3 s.
    const detection = 60 + (14 / 17) * 30 + 30;
    expectWithin4Se(summaries.map((s) => s.lostRequests / 100 / s.incidents), detection + 30, 0.005);
  });
});

describe('policies on small plans', () => {
  it('weighted: each target gets weight ÷ Σ weights of the traffic (seen through capacity limits)', () => {
    // Shares 100, 200 and 300 req/s against 250 req/s of capacity each: only the third overflows, by 50.
    const fleet = (id: string) => ({ id, kind: 'gateway', capacityRpsPerInstance: 250, reliability: SOLID });
    const p = plan(
      [users({ requestsPerSecond: 600 }), dns('weighted', [{ node: 'a', weight: 1 }, { node: 'b', weight: 2 }, { node: 'c', weight: 3 }]), fleet('a'), fleet('b'), fleet('c')],
      [['users', 'dns']],
    );
    const { result } = run(p, 1, 1);
    expect(result.availability.requestWeighted.mean).toBeCloseTo(1 - 50 / 600, 12);
  });

  it('simple: no health check, so a dead target fails its requests for the whole repair', () => {
    const p = plan(
      [users(), { id: 'dns', kind: 'dns', policy: 'simple', reliability: SOLID, targets: [{ node: 'only' }] }, { id: 'only', kind: 'gateway', reliability: rel(exp(1000), fixed(2)) }],
      [['users', 'dns']],
    );
    const { summaries } = run(p, 4, 10);
    for (const s of summaries) for (const r of s.rtoSeconds) expect(r).toBeCloseTo(7200, 6);
  });

  it('fails open: with both targets believed unhealthy it answers the primary, which serves as soon as it is back', () => {
    // Both targets are down together for 1 h every ~100 h (a shared cause); the primary then comes
    // back first. Failing open, clients are already on the primary: the outage is the cause's hour
    // plus nothing, whatever the 75 s of recovery detection.
    const p = plan(
      [
        users(),
        dns('failover', [{ node: 'primary', role: 'primary' }, { node: 'secondary', role: 'secondary' }]),
        { id: 'primary', kind: 'gateway', reliability: SOLID },
        { id: 'secondary', kind: 'gateway', reliability: SOLID },
      ],
      [['users', 'dns']],
      { commonCauses: [{ id: 'both', ratePerYear: 80, durationHours: fixed(1), affects: ['primary', 'secondary'] }] },
    );
    const { summaries } = run(p, 2, 5);
    const rto = summaries.flatMap((s) => s.rtoSeconds);
    expect(rto.length).toBeGreaterThan(100);
    for (const r of rto) expect(r).toBeCloseTo(3600, 6);
  });

  it('geo and latency: with us-east-1 down its clients move to us-west-2; us-west-2 clients never notice', () => {
    const regions = [
      { id: 'use1', provider: 'aws', code: 'us-east-1', zones: 1, outage: { ratePerYear: 50, durationHours: fixed(1) }, zoneOutage: null },
      { id: 'usw2', provider: 'aws', code: 'us-west-2', zones: 1, outage: null, zoneOutage: null },
    ];
    const nodes = (record: Json) => [
      users({ origins: { use1: 0.5, usw2: 0.5 } }),
      record,
      { id: 'east', kind: 'gateway', region: 'use1', reliability: SOLID },
      { id: 'west', kind: 'gateway', region: 'usw2', reliability: SOLID },
    ];
    const hc = { healthCheck: check({ failureThreshold: 1, recoveryThreshold: 1 }) };
    const geo = dns('geo', [{ node: 'east', origins: ['use1'] }, { node: 'west', origins: ['usw2'], default: true }], hc);
    const latency = dns('latency', [{ node: 'east' }, { node: 'west' }], hc);
    for (const record of [geo, latency]) {
      const { summaries, result } = run(plan(nodes(record), [['users', 'dns']], { regions }), 10, 10);
      const west = result.byOrigin.find((o) => o.origin === 'usw2')!;
      const east = result.byOrigin.find((o) => o.origin === 'use1')!;
      expect(west.availability).toBe(1);
      expect(east.availability).toBeLessThan(1);
      // Per outage, the east origin (50 req/s) loses U(0, 30) s of detection + TTL/2 = 45 s on average.
      expectWithin4Se(summaries.map((s) => s.originLostRequests[result.byOrigin.indexOf(east)]! / 50 / s.incidents), 45, 0.02);
    }
  });
});

describe('checkers after their own outage', () => {
  it('a DNS record that comes back believes every target unhealthy and fails open meanwhile', () => {
    // The record itself fails (every request fails while it is down); after it returns it must
    // re-detect both targets, failing open to the primary — which is up — so nothing more is lost.
    const p = plan(
      [
        users(),
        dns('failover', [{ node: 'primary', role: 'primary' }, { node: 'secondary', role: 'secondary' }], { reliability: rel(exp(500), fixed(1)) }),
        { id: 'primary', kind: 'gateway', reliability: SOLID },
        { id: 'secondary', kind: 'gateway', reliability: { timeToFailureHours: NEVER, timeToRepairHours: fixed(1) } },
      ],
      [['users', 'dns']],
    );
    const { summaries } = run(p, 2, 10);
    for (const s of summaries) for (const r of s.rtoSeconds) expect(r).toBeCloseTo(3600, 6);
  });
});
