// Scaling (PLAN-FORMAT meaning 10 and the fleet fields): autoscaling reaction + launch + balancer
// detection, a failover surge with lost requests computed by hand, container probes, serverless
// capacity and scale-up. Deterministic bounds are exact; means use the 4·SE rule with an SE bound.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../sim/engine/scenarios';
import { expectWithin4Se, fixed, plan, rel, resolve, run, SOLID, type Json } from './helpers';

const oneCheck = (intervalSeconds: number, failureThreshold = 1, recoveryThreshold = 1) => ({ intervalSeconds, failureThreshold, recoveryThreshold });
const region = (id: string, zones = 1) => ({ id, zones, outage: null, zoneOutage: null });

describe('autoscaling', () => {
  it('a shortfall at t = 0 without a balancer lasts exactly reaction + launch; lost = excess × that', () => {
    const gw = {
      id: 'gw', kind: 'gateway', instances: 1, capacityRpsPerInstance: 100, reliability: SOLID,
      autoscaling: { min: 1, max: 4, targetUtilization: 0.5, reactionSeconds: 60, launchSeconds: 90 },
    };
    const { summaries } = run(plan([{ id: 'users', kind: 'clients', requestsPerSecond: 150 }, gw], [['users', 'gw']]), 1, 1 / 365);
    const s = summaries[0]!;
    // need = ceil(150 / (100 × 0.5)) = 3 instances; until they serve, 50 rps of 150 fail.
    expect(s.rtoSeconds).toHaveLength(1);
    expect(s.rtoSeconds[0]).toBeCloseTo(150, 9);
    expect(s.lostRequests).toBeCloseTo(50 * 150, 6);
  });

  it('failover surge: a single-instance standby region is overloaded until autoscaling catches up', () => {
    // 300 rps round-robin over east#0 (capacity 1000) and west#0 (capacity 200): 150 each, west at 75 %
    // of its capacity but its need ceil(150 / 160) = 1 instance. East's region fails at 10 h:
    //   [0, D1)            east's 150 rps fail until the balancer sees it (D1 ~ U(0, 10 s));
    //   [D1, D1 + 180 + D2) west gets 300 rps, serves 200: 100 rps fail. The autoscaler wants
    //                      ceil(300 / 160) = 2, reacts after 60 s, launches in 120 s, and the new
    //                      instance serves once the balancer detects it (D2 ~ U(0, 10 s)).
    // Lost = 150·D1 + 100·(180 + D2): mean 150·5 + 100·185 = 19,250, range [18,000, 20,500];
    // RTO = D1 + 180 + D2 in [180, 200] s.
    const nodes: Json[] = [
      { id: 'users', kind: 'clients', requestsPerSecond: 300 },
      { id: 'lb', kind: 'loadBalancer', algorithm: 'round-robin', healthCheck: oneCheck(10), reliability: SOLID },
      { id: 'east', kind: 'gateway', region: 'e', instances: 1, capacityRpsPerInstance: 1000, reliability: SOLID },
      {
        id: 'west', kind: 'gateway', region: 'w', instances: 1, capacityRpsPerInstance: 200, reliability: SOLID,
        autoscaling: { min: 1, max: 4, targetUtilization: 0.8, reactionSeconds: 60, launchSeconds: 120 },
      },
    ];
    const p = resolve(plan(nodes, [['users', 'lb'], ['lb', 'east'], ['lb', 'west']], { regions: [region('e'), region('w')] }));
    const scenario = { id: 'lose-east', atHours: 10, durationHours: 2, fail: { region: 'e' } };
    const r = runScenario(p, scenario, { replications: 300, seed: 3 });
    expect(r.rtoSeconds.max!).toBeLessThanOrEqual(200 + 1e-6);
    expect(Math.min(r.rtoSeconds.p50!, r.rtoSeconds.mean!)).toBeGreaterThanOrEqual(180 - 1e-6);
    // Per-replication lost requests against the hand computation (4·SE; SE below 1 % of the mean).
    const lost: number[] = [];
    for (let i = 0; i < 300; i++) lost.push(runScenario(p, scenario, { replications: 1, seed: 1000 + i }).lostRequests.mean);
    for (const v of lost) {
      expect(v).toBeGreaterThanOrEqual(18_000 - 1e-6);
      expect(v).toBeLessThanOrEqual(20_500 + 1e-6);
    }
    expectWithin4Se(lost, 19_250, 0.01);
    expect(r.lostRequests.mean).toBeGreaterThan(18_000);
  });
});

describe('autoscaling decisions follow the state, not only the daily crossings', () => {
  // Load 100 · (1 + 0.5 sin ωt): 50 rps at 18 h, 100 at midnight, 150 at 6 h. Two instances of
  // 100 rps, one per zone; the autoscaler wants ceil(load / 50) of them (target 0.5).
  const zonal = (fleet: Json = {}, zoneOutage: Json | null = { ratePerYear: 1, durationHours: fixed(1) }): Json =>
    plan(
      [
        { id: 'users', kind: 'clients', requestsPerSecond: 100, diurnalSwing: 0.5 },
        { id: 'lb', kind: 'loadBalancer', region: 'r', healthCheck: oneCheck(10, 2, 2), reliability: SOLID },
        {
          id: 'gw', kind: 'gateway', region: 'r', instances: 2, capacityRpsPerInstance: 100, reliability: SOLID,
          autoscaling: { min: 2, max: 6, targetUtilization: 0.5, reactionSeconds: 60, launchSeconds: 600 },
          ...fleet,
        },
      ],
      [['users', 'lb'], ['lb', 'gw']],
      { regions: [{ id: 'r', zones: 2, outage: null, zoneOutage }] },
    );

  it('a launch into a zone that is out is followed by another at once, before the load needs it', () => {
    // Zone 0 fails at 19 h (52 rps): its instance's half fails until the balancer sees it, 26 rps
    // for U(10, 20) s, at most 520 requests. One instance is left; 52 rps wants two, so the
    // autoscaler launches slot 2 — into zone 0, where it stays down. Deciding again when that
    // launch ends puts slot 3 in zone 1 long before midnight, when the load passes what one
    // instance serves. Waiting for the next daily crossing instead (at 100 rps) would overload
    // the one instance for reaction + launch + detection, about 800 more requests.
    const r = runScenario(resolve(zonal()), { id: 'zone', atHours: 19, durationHours: 12, fail: { zone: { region: 'r', zone: 0 } } }, { replications: 20, seed: 3 });
    expect(r.lostRequests.mean).toBeGreaterThan(26 * 10 - 1e-6);
    expect(r.lostRequests.mean).toBeLessThan(26 * 20 + 1);
  });

  it('an autoscaler whose minimum covers the daily peak never looks at the load', () => {
    // min 4 instances of 50 rps at target 1: the peak (150 rps) needs 3, so no crossing matters.
    const fleet = { instances: 4, capacityRpsPerInstance: 50, autoscaling: { min: 4, max: 8, targetUtilization: 1, reactionSeconds: 60, launchSeconds: 600 } };
    const { summaries } = run(zonal(fleet, null), 1, 30 / 365);
    expect(summaries[0]!.events).toBe(0);
    expect(summaries[0]!.lostRequests).toBe(0);
  });
});

describe('containers: liveness and readiness probes', () => {
  it('liveness: a failed container is back after U(0, period) + (threshold − 1)·period + restartSeconds', () => {
    // period 10 s, threshold 3, restart 20 s → outage in [40, 50] s, mean 45 s; fails every 100 h.
    const gw = {
      id: 'gw', kind: 'gateway', platform: 'container', instances: 1, reliability: rel(fixed(100), fixed(5)),
      probes: { liveness: { periodSeconds: 10, failureThreshold: 3 }, restartSeconds: 20 },
    };
    const { result } = run(plan([{ id: 'users', kind: 'clients', requestsPerSecond: 10 }, gw], [['users', 'gw']]), 20, 1);
    expect(result.rtoSeconds.count).toBe(20 * 87);
    expect(result.rtoSeconds.min!).toBeGreaterThanOrEqual(40 - 1e-6);
    expect(result.rtoSeconds.max!).toBeLessThanOrEqual(50 + 1e-6);
    expect(Math.abs(result.rtoSeconds.mean! - 45)).toBeLessThan(4 * (10 / Math.sqrt(12) / Math.sqrt(20 * 87)));
  });

  it('readiness, not the balancer check, removes the dead container: failing share only for readiness detection', () => {
    // Readiness period 5 s, threshold 2 → removal after U(0, 5) + 5 ∈ [5, 10] s (the balancer's own
    // check would take [60, 90] s). The other container carries everything meanwhile (no capacity).
    // Failures are exponential so the two containers do not fail together (with this pinned seed no
    // two outages of about a minute overlap; an overlap would make a longer incident).
    const gw = {
      id: 'gw', kind: 'gateway', platform: 'container', instances: 2, reliability: rel({ dist: 'exponential', mean: 100 }, fixed(5)),
      probes: { liveness: { periodSeconds: 10, failureThreshold: 3 }, readiness: { periodSeconds: 5, failureThreshold: 2 }, restartSeconds: 20 },
    };
    const nodes = [
      { id: 'users', kind: 'clients', requestsPerSecond: 10 },
      { id: 'lb', kind: 'loadBalancer', healthCheck: oneCheck(30, 3, 3), reliability: SOLID },
      gw,
    ];
    const { result } = run(plan(nodes, [['users', 'lb'], ['lb', 'gw']]), 10, 0.2);
    expect(result.rtoSeconds.count).toBeGreaterThan(100);
    expect(result.rtoSeconds.min!).toBeGreaterThanOrEqual(5 - 1e-6);
    expect(result.rtoSeconds.max!).toBeLessThanOrEqual(10 + 1e-6);
  });
});

describe('serverless', () => {
  it('is one unit with capacity concurrencyLimit ÷ requestSeconds', () => {
    const fn = { id: 'fn', kind: 'gateway', platform: 'serverless', instances: 5, concurrencyLimit: 30, requestSeconds: 0.05, reliability: SOLID };
    const { summaries, plan: p } = run(plan([{ id: 'users', kind: 'clients', requestsPerSecond: 1000 }, fn], [['users', 'fn']]), 1, 0.01);
    expect(p.nodes.find((n) => n.id === 'fn')).toBeDefined();
    // 600 rps of 1000 served, always.
    expect(summaries[0]!.lostRequests / summaries[0]!.offeredRequests).toBeCloseTo(0.4, 12);
  });

  it('after a surge its capacity grows at scaleUpPerMinute: lost requests by hand', () => {
    // 200 rps round-robin over two functions (limit 1000, 0.1 s per request, +60 concurrency per
    // minute = 1/s). Each is warm for its 100 rps (10 concurrent). Region a fails at 5 h:
    //   [0, D1): a's 100 rps fail until the balancer sees it (D1 ~ U(0, 10 s)): mean 500;
    //   then b gets 200 rps with capacity 100 + 10 t rps for 10 s: ∫(100 − 10 t) dt = 500 exactly.
    // When a comes back after 1 h it is cold (its load was 0) and warms the same way: another 500.
    // Total mean 1,500; the first incident ends when the failing share drops below 0.1 %:
    // RTO = D1 + 10 − 0.02 s.
    const fn = (id: string, r: string) => ({
      id, kind: 'gateway', region: r, platform: 'serverless', concurrencyLimit: 1000, requestSeconds: 0.1, scaleUpPerMinute: 60, reliability: SOLID,
    });
    const nodes = [
      { id: 'users', kind: 'clients', requestsPerSecond: 200 },
      { id: 'lb', kind: 'loadBalancer', healthCheck: oneCheck(10), reliability: SOLID },
      fn('fa', 'a'),
      fn('fb', 'b'),
    ];
    const p = resolve(plan(nodes, [['users', 'lb'], ['lb', 'fa'], ['lb', 'fb']], { regions: [region('a'), region('b')] }));
    const scenario = { id: 'lose-a', atHours: 5, durationHours: 1, fail: { region: 'a' } };
    const lost: number[] = [];
    const rto: number[] = [];
    for (let i = 0; i < 200; i++) {
      const r = runScenario(p, scenario, { replications: 1, seed: 50 + i });
      lost.push(r.lostRequests.mean);
      rto.push(r.rtoSeconds.mean!);
    }
    for (const v of lost) {
      expect(v).toBeGreaterThanOrEqual(1000 - 1e-6);
      expect(v).toBeLessThanOrEqual(2000 + 1e-6);
    }
    for (const v of rto) {
      expect(v).toBeGreaterThanOrEqual(9.98 - 1e-6);
      expect(v).toBeLessThanOrEqual(19.98 + 1e-6);
    }
    expectWithin4Se(lost, 1500, 0.02);
  });
});

