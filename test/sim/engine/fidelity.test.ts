// Regression tests for PLAN-FORMAT meanings the engine once disagreed with or ignored (6, 8, 11,
// 16–21 and the container fields): each expected value is derived by hand in the comment above it,
// from the plan format alone, never from an earlier run of the engine.
import { describe, expect, it } from 'vitest';
import { compileScenarioModel } from '../../../sim/engine/scenarios';
import { runReplication, type ReplicationSummary } from '../../../sim/engine/replication';
import type { Scenario } from '../../../sim/model/schema';
import { expectWithin4Se, fixed, plan, rel, resolve, run, SOLID, type Json } from './helpers';
import { dataPlan, HOUR, monitor, replication, runPinned, users } from './dataHelpers';

const NEVER_DIST = { dist: 'never' };
const oneCheck = (intervalSeconds: number, failureThreshold = 1, recoveryThreshold = 1) => ({ intervalSeconds, failureThreshold, recoveryThreshold });

/** Each replication of a scripted scenario, one summary each (so per-replication values can be checked). */
function scenarioRuns(input: Json, scenario: Scenario, replications: number, seed = 5): ReplicationSummary[] {
  const model = compileScenarioModel(resolve(input), scenario);
  return Array.from({ length: replications }, (_, r) => runReplication(model, { seed, replication: r, availabilityObjective: NaN }));
}

describe('meaning 18: a replica that is down when the primary fails', () => {
  const W = 10; // writes per second: 100 requests/s × writeFraction 0.1
  const auto = { automatic: true, detectionSeconds: 30, seconds: 60, successProbability: 1 };
  const store = (id: string, reliability: unknown, extra: Record<string, unknown> = {}) => ({ id, kind: 'datastore', engine: 'postgres', failureLosesData: false, reliability, ...extra });

  it('with failureLosesData, a stale sync replica is a copy taken at its failure: RPO f − d = 5 h, all writes since d lost', () => {
    // a fails at f = 55 h and loses its disk; b (sync, lag law 3 s) is down 50 h → 60 h, so it holds
    // writes up to d = 50 h and is usable from 60 h. No backup: on-call (10 + 10 min) starts the
    // restore at 55 h 20 min, finds no usable copy, and waits; at 60 h b is the newest usable copy
    // and is promoted (60 s). RPO = f − d = 5 h = 18,000 s; lost writes = W × 18,000; the outage
    // lasts 55 h → 60 h + 60 s. (Before: b promoted as a replica with a 3 s lag draw.)
    const p = dataPlan(
      [users(100, 0.1), store('a', rel(fixed(55), fixed(20)), { failureLosesData: true, promotion: auto }), store('b', rel(fixed(50), fixed(10)), { promotion: auto }), monitor(10, 10)],
      [['users', 'a']],
      [replication('a', 'b', 'sync', { dist: 'fixed', value: 3 })],
    );
    const s = runPinned(p, 1, 70).summaries[0]!;
    expect(s.rpoSeconds).toEqual([5 * HOUR]);
    expect(s.data.writesLost).toBeCloseTo(W * 5 * HOUR, 6);
    expect(s.rtoSeconds).toHaveLength(1);
    expect(s.rtoSeconds[0]!).toBeCloseTo(5 * HOUR + 60, 6);
  });

  it('an async replica back less than its lag before the failure has RPO f − d, not the lag', () => {
    // b fails at d = 50 h and is back at r = 55 h − 1 s; a fails at f = 55 h; the lag drawn at f is
    // L = 3 s > f − r = 1 s, so b had not caught up: RPO = f − d = 5 h. Promoted 90 s after f.
    const p = dataPlan(
      [users(100, 0.1), store('a', rel(fixed(55), fixed(20)), { promotion: auto }), store('b', rel(fixed(50), fixed(5 - 1 / 3600)), { promotion: auto })],
      [['users', 'a']],
      [replication('a', 'b', 'async', { dist: 'fixed', value: 3 })],
    );
    const s = runPinned(p, 1, 70).summaries[0]!;
    expect(s.rpoSeconds).toHaveLength(1);
    expect(s.rpoSeconds[0]!).toBeCloseTo(5 * HOUR, 6);
    expect(s.data.writesLost).toBeCloseTo(W * 5 * HOUR, 3);
    expect(s.rtoSeconds[0]!).toBeCloseTo(90, 6);
  });

  it('a sync pair whose replica is down at the failure: the primary is repaired, every RPO sample is 0', () => {
    // a: fails every 100 h (fixed), repaired in 20 h; b: exponential failures (mean 30 h), repairs
    // 10 h, so b is down at some of a's failures. Meaning 18: then a is repaired (no sample); when
    // b is up, the sync link is intact and the promotion's RPO is 0 — whatever the edge's lag law.
    // Over 10 × 2,000 h: every RPO sample is exactly 0 and no write is lost.
    const p = dataPlan(
      [users(100, 0.1), store('a', rel(fixed(100), fixed(20)), { promotion: auto }), store('b', rel({ dist: 'exponential', mean: 30 }, fixed(10)), { promotion: auto })],
      [['users', 'a']],
      [{ kind: 'replication', from: 'a', to: 'b', mode: 'sync' }],
    );
    const { summaries } = runPinned(p, 10, 2000);
    const samples = summaries.flatMap((s) => s.rpoSeconds);
    expect(samples.length).toBeGreaterThan(20);
    expect(Math.max(...samples)).toBe(0);
    expect(summaries.reduce((a, s) => a + s.data.writesLost, 0)).toBe(0);
  });
});

describe('meaning 8: TTL violators move as a step', () => {
  it('failing time = D + (1 − f)·TTL/2 + f·V, and the incident lasts D + V', () => {
    // Failover record, TTL 60 s, f = 10 % of clients keep an answer V = 600 s. The primary fails at
    // 10 h; one checker, interval 10 s, thresholds 1, no propagation: detection D ~ U(0, 10) s.
    // Until D everything fails; then compliant clients (90 %) move linearly over the TTL (losing
    // 0.9·60/2 = 27 s of traffic) and violators all at once at D + V (losing 0.1·600 = 60 s).
    // Lost / rps = D + 87 ∈ [87, 97], mean 92; the incident ends when the violators move: D + 600.
    // (A ramp from D + TTL to D + V loses 0.1·(600 + 60)/2 = 33 s instead of 60.)
    const rps = 100;
    const nodes: Json[] = [
      { id: 'users', kind: 'clients', requestsPerSecond: rps },
      {
        id: 'dns', kind: 'dns', policy: 'failover', ttlSeconds: 60, ttlViolationFraction: 0.1, ttlViolationSeconds: 600,
        healthCheck: { ...oneCheck(10), checkers: 1, propagationSeconds: 0 }, reliability: SOLID,
        targets: [{ node: 'a', role: 'primary' }, { node: 'b', role: 'secondary' }],
      },
      { id: 'a', kind: 'gateway', instances: 1, reliability: SOLID },
      { id: 'b', kind: 'gateway', instances: 1, reliability: SOLID },
    ];
    const runs = scenarioRuns(plan(nodes, [['users', 'dns']]), { id: 's', atHours: 10, durationHours: 2, fail: { node: 'a' } }, 200);
    const lost = runs.map((s) => s.lostRequests / rps);
    for (const v of lost) {
      expect(v).toBeGreaterThanOrEqual(87 - 1e-6);
      expect(v).toBeLessThanOrEqual(97 + 1e-6);
    }
    expectWithin4Se(lost, 92, 0.01);
    for (const s of runs) {
      expect(s.rtoSeconds).toHaveLength(1);
      // The incident ends D + V after the failure, D = lost/rps − 87.
      expect(s.rtoSeconds[0]!).toBeCloseTo(s.lostRequests / rps - 87 + 600, 6);
    }
  });
});

describe('containers: readiness counted once', () => {
  it('after a liveness restart the container serves at once: incident = U(0, 10) + 20 + 20 s, mean 45 s, max 50 s', () => {
    // Two containers of 10 rps capacity behind a balancer, 20 rps offered: while one is out (or
    // not yet removed), 10 rps fail (50 %). Liveness period 10 s, threshold 3, restart 20 s: back
    // after U(0, 10) + 20 + 20 s (meaning: restartSeconds includes readiness). Readiness (5 s, 2)
    // only takes it out meanwhile. Incident = U(40, 50): mean 45, SE = 10/√12/√n. (Before: a
    // further U(0, 5) readiness delay, mean 47.5 and up to 55 s.) Failures exponential (mean 100
    // h), so with this seed no two outages of under a minute overlap.
    const gw = {
      id: 'gw', kind: 'gateway', platform: 'container', instances: 2, capacityRpsPerInstance: 10, reliability: rel({ dist: 'exponential', mean: 100 }, fixed(5)),
      probes: { liveness: { periodSeconds: 10, failureThreshold: 3 }, readiness: { periodSeconds: 5, failureThreshold: 2 }, restartSeconds: 20 },
    };
    const nodes = [{ id: 'users', kind: 'clients', requestsPerSecond: 20 }, { id: 'lb', kind: 'loadBalancer', healthCheck: oneCheck(30, 3, 3), reliability: SOLID }, gw];
    const { result } = run(plan(nodes, [['users', 'lb'], ['lb', 'gw']]), 10, 1);
    const n = result.rtoSeconds.count;
    expect(n).toBeGreaterThan(1000);
    expect(result.rtoSeconds.min!).toBeGreaterThanOrEqual(40 - 1e-6);
    expect(result.rtoSeconds.max!).toBeLessThanOrEqual(50 + 1e-6);
    expect(Math.abs(result.rtoSeconds.mean! - 45)).toBeLessThanOrEqual(4 * (10 / Math.sqrt(12) / Math.sqrt(n)));
  });
});

describe('meaning 17: where things sit', () => {
  it('a fleet with a zone has every instance there: losing that zone for 2 h is a 2 h outage', () => {
    // Region r has 2 zones; gw's 2 instances are pinned to zone 0. Zone 0 out 10 h → 12 h: both
    // instances down, everything fails for exactly 7,200 s (the balancer fails open when it sees
    // none, and its members are back the instant the zone returns). Lost = 50 rps × 7,200.
    // (Before: instance 1 sat in zone 1 and only ≤ 10 s of half the traffic was lost.)
    const nodes = [
      { id: 'users', kind: 'clients', requestsPerSecond: 50 },
      { id: 'lb', kind: 'loadBalancer', region: 'r', zone: 1, healthCheck: oneCheck(10), reliability: SOLID },
      { id: 'gw', kind: 'gateway', region: 'r', zone: 0, instances: 2, reliability: SOLID },
    ];
    const input = plan(nodes, [['users', 'lb'], ['lb', 'gw']], { regions: [{ id: 'r', zones: 2, outage: null, zoneOutage: null }] });
    for (const s of scenarioRuns(input, { id: 'z', atHours: 10, durationHours: 2, fail: { zone: { region: 'r', zone: 0 } } }, 5)) {
      expect(s.rtoSeconds).toEqual([7200]);
      expect(s.lostRequests).toBeCloseTo(50 * 7200, 6);
    }
    // The random zone-outage process uses the same placement: zone outages pinned to 1 h every
    // 100 h (both zones at once), 1,000 h: 9 outages of 1 h each (at 100, 201, ..., 908 h).
    const random = { ...input, regions: [{ id: 'r', zones: 2, outage: null, zoneOutage: { ratePerYear: 1, durationHours: fixed(1) } }] };
    const s = runPinned(random, 1, 1000, { gapHours: 100, durationHours: 1 }).summaries[0]!;
    expect(s.rtoSeconds).toEqual(Array(9).fill(3600));
  });

  it('a global balancer is in no region: its region’s outages never take it down', () => {
    // lb names region e but is global; gw sits in w. Region e out for 1 h every 100 h: nothing
    // fails (0 lost, 0 incidents). A regional lb would be down 9 × 1 h in 1,000 h.
    const nodes = (scope: string) => [
      { id: 'users', kind: 'clients', requestsPerSecond: 50 },
      { id: 'lb', kind: 'loadBalancer', region: 'e', scope, healthCheck: oneCheck(10), reliability: SOLID },
      { id: 'gw', kind: 'gateway', region: 'w', instances: 2, reliability: SOLID },
    ];
    const regions = [
      { id: 'e', zones: 1, outage: { ratePerYear: 1, durationHours: fixed(1) }, zoneOutage: null },
      { id: 'w', zones: 1, outage: null, zoneOutage: null },
    ];
    const global = runPinned(plan(nodes('global'), [['users', 'lb'], ['lb', 'gw']], { regions }), 1, 1000, { gapHours: 100, durationHours: 1 }).summaries[0]!;
    expect(global.lostRequests).toBe(0);
    expect(global.incidents).toBe(0);
    const regional = runPinned(plan(nodes('regional'), [['users', 'lb'], ['lb', 'gw']], { regions }), 1, 1000, { gapHours: 100, durationHours: 1 }).summaries[0]!;
    expect(regional.rtoSeconds).toEqual(Array(9).fill(3600));
    // A scripted region outage treats it the same way.
    const scripted = scenarioRuns(plan(nodes('global'), [['users', 'lb'], ['lb', 'gw']], { regions }), { id: 'e', atHours: 10, durationHours: 2, fail: { region: 'e' } }, 3);
    for (const r of scripted) expect(r.lostRequests).toBe(0);
  });
});



describe('meaning 16: backups and monitors that fail', () => {
  const W = 10;
  const store = (id: string, reliability: unknown, extra: Record<string, unknown> = {}) => ({ id, kind: 'datastore', engine: 'postgres', failureLosesData: false, reliability, ...extra });
  const backup = (reliability: unknown, extra: Record<string, unknown> = {}) => ({
    id: 'snap', kind: 'backup', of: 'db', intervalHours: 24, restoreHours: fixed(2), restoreFailureProbability: 0, offsite: true, ...(reliability ? { reliability } : {}), ...extra,
  });
  const restorePlan = (snap: Json, extra: Json = {}) =>
    dataPlan([users(100, 0.1), store('db', rel(fixed(100), fixed(1)), { failureLosesData: true }), snap, monitor(6, 6)], [['users', 'db']], [], extra);

  it('a backup down 50 h → 110 h: the restore waits for it and restores the 48 h copy (RPO 52 h, RTO 12 h)', () => {
    // db fails at 100 h and loses its disk; people start the restore at 100.2 h, but the backup
    // node is down (50 h → 110 h) so its copies are unusable: the restore waits for its repair at
    // 110 h and restores its newest copy, taken at 48 h (the last 24 h grid point before 50 h),
    // in 2 h. RTO = 112 − 100 = 12 h; RPO = 100 − 48 = 52 h; lost writes = W × 52 h.
    const s = runPinned(restorePlan(backup(rel(fixed(50), fixed(60)))), 1, 150).summaries[0]!;
    expect(s.rtoSeconds).toHaveLength(1);
    expect(s.rtoSeconds[0]!).toBeCloseTo(12 * HOUR, 6);
    expect(s.rpoSeconds).toEqual([52 * HOUR]);
    expect(s.data.writesLost).toBeCloseTo(W * 52 * HOUR, 3);
  });

  it('the backup that fell due while the backup node was down runs at its repair, on the t = 0 grid afterwards', () => {
    // Backup node down 94 h → 99 h: the 96 h run is missed and runs at 99 h. db fails at 100 h:
    // the newest copy is from 99 h, so RPO = 1 h and RTO = 0.2 h + 2 h.
    const s = runPinned(restorePlan(backup(rel(fixed(94), fixed(5)))), 1, 150).summaries[0]!;
    expect(s.rpoSeconds).toEqual([1 * HOUR]);
    expect(s.rtoSeconds[0]!).toBeCloseTo(2.2 * HOUR, 6);
  });

  it('a backup that fails during a restore restarts it at its repair (RTO 6 h); one that never fails changes nothing', () => {
    // The restore of the 96 h copy starts at 100.2 h (2 h); the backup node fails at 101 h and is
    // repaired at 104 h, when the restore starts over: done at 106 h. RTO 6 h, RPO 4 h.
    const s = runPinned(restorePlan(backup(rel(fixed(101), fixed(3)))), 1, 150).summaries[0]!;
    expect(s.rtoSeconds[0]!).toBeCloseTo(6 * HOUR, 6);
    expect(s.rpoSeconds).toEqual([4 * HOUR]);
    // timeToFailureHours "never": exactly the backup without a reliability block (RTO 2.2 h, RPO 4 h).
    const never = runPinned(restorePlan(backup(rel(NEVER_DIST, fixed(1)))), 1, 150).summaries[0]!;
    const none = runPinned(restorePlan(backup(null)), 1, 150).summaries[0]!;
    expect(never.rtoSeconds).toEqual(none.rtoSeconds);
    expect(never.rtoSeconds[0]!).toBeCloseTo(2.2 * HOUR, 6);
    expect(never.rpoSeconds).toEqual([4 * HOUR]);
  });

  it('a backup in a region is down during that region’s outages: its copies wait for the region', () => {
    // snap sits in region r (out 99 h → 104 h); db has no region. The restore needs a usable copy
    // from 100.2 h and waits for r's return at 104 h, then takes 2 h: RTO 6 h; the 96 h copy gives RPO 4 h.
    const regions = { regions: [{ id: 'r', zones: 1, outage: { ratePerYear: 1, durationHours: fixed(5) }, zoneOutage: null }] };
    const s = runPinned(restorePlan(backup(null, { region: 'r' }), regions), 1, 150, { gapHours: 99, durationHours: 5 }).summaries[0]!;
    expect(s.rtoSeconds[0]!).toBeCloseTo(6 * HOUR, 6);
    expect(s.rpoSeconds).toEqual([4 * HOUR]);
  });

  // a fails at 100 h (repair 20 h); b (async, lag 4 s) is promoted by hand: people's detection +
  // response, then 60 s.
  const manual = { automatic: false, seconds: 60, successProbability: 1 };
  const promotionPlan = (monitors: Json[], extra: Json = {}) =>
    dataPlan(
      [users(100, 0.1), store('a', rel(fixed(100), fixed(20))), store('b', rel(NEVER_DIST, fixed(1)), { promotion: manual }), ...monitors],
      [['users', 'a']],
      [replication('a', 'b', 'async', { dist: 'fixed', value: 4 })],
      extra,
    );
  const ops = (id: string, detect: number, respond: number, more: Json = {}) => ({ ...monitor(detect, respond), id, ...more });

  it('a monitor down when the primary fails: people notice only after its repair (RTO 10 h + 20 min + 60 s)', () => {
    // ops (10 + 10 min) is down 90 h → 110 h. Need at 100 h; none up; at 110 h its detection and
    // response start: promotion done at 110 h + 1,200 s + 60 s. RTO = 36,000 + 1,260 = 37,260 s. RPO 4 s.
    const s = runPinned(promotionPlan([ops('ops', 10, 10, { reliability: rel(fixed(90), fixed(20)) })]), 1, 150).summaries[0]!;
    expect(s.rtoSeconds).toEqual([37_260]);
    expect(s.rpoSeconds).toEqual([4]);
  });

  it('several monitors act in parallel: with the fast one down, the slow one that is up notices', () => {
    // ops1 (10 + 10 min) down 90 h → 110 h; ops2 (30 + 30 min) always up: RTO = 3,600 + 60 s.
    const s = runPinned(promotionPlan([ops('ops1', 10, 10, { reliability: rel(fixed(90), fixed(20)) }), ops('ops2', 30, 30)]), 1, 150).summaries[0]!;
    expect(s.rtoSeconds).toEqual([3_660]);
    // Both up: the one that detects first (ops1, 10 min) notices and responds: 1,200 + 60 s,
    // whichever is listed first.
    const both = runPinned(promotionPlan([ops('ops2', 30, 30), ops('ops1', 10, 10)]), 1, 150).summaries[0]!;
    expect(both.rtoSeconds).toEqual([1_260]);
  });

  it('a monitor in a region is down during its outages (region out 95 h → 105 h: RTO 5 h + 1,260 s)', () => {
    const regions = { regions: [{ id: 'r', zones: 1, outage: { ratePerYear: 1, durationHours: fixed(10) }, zoneOutage: null }] };
    const s = runPinned(promotionPlan([ops('ops', 10, 10, { region: 'r' })], regions), 1, 150, { gapHours: 95, durationHours: 10 }).summaries[0]!;
    expect(s.rtoSeconds).toEqual([5 * HOUR + 1_260]);
  });
});

describe('meaning 17: common causes take backups and monitors down', () => {
  it('a common cause naming the monitor delays people like its own failure would', () => {
    // The common cause "pager" (pinned: out 95 h → 105 h) names ops only. a fails at 100 h:
    // people notice from 105 h: RTO = 5 h + 10 + 10 min + 60 s = 19,260 s.
    const nodes = [
      users(100, 0.1),
      { id: 'a', kind: 'datastore', engine: 'postgres', failureLosesData: false, reliability: rel(fixed(100), fixed(20)) },
      { id: 'b', kind: 'datastore', engine: 'postgres', failureLosesData: false, reliability: SOLID, promotion: { automatic: false, seconds: 60, successProbability: 1 } },
      monitor(10, 10),
    ];
    const extra = { commonCauses: [{ id: 'pager', ratePerYear: 1, durationHours: fixed(10), affects: ['ops'] }] };
    const p = dataPlan(nodes, [['users', 'a']], [replication('a', 'b', 'async', { dist: 'fixed', value: 4 })], extra);
    const s = runPinned(p, 1, 150, { gapHours: 95, durationHours: 10 }).summaries[0]!;
    expect(s.rtoSeconds).toEqual([5 * HOUR + 1_260]);
  });
});

describe('meaning 6: deep health checks on a balancer', () => {
  it('a balancer with a deep check stops sending to a fleet whose database is out after U(0, 10) s', () => {
    // users → lb (deep, one checker, 10 s, thresholds 1) → gwA, gwB (one instance each), each with
    // its own database. dbA out 10 h → 12 h: half the traffic fails until the check sees gwA's path
    // dead, D ~ U(0, 10) s; it is back in the share after gwA's path is seen healthy again (no loss).
    // Lost / 50 rps = D ∈ [0, 10], mean 5. (A shallow check never sees it: 2 h of half the traffic.)
    const nodes = [
      { id: 'users', kind: 'clients', requestsPerSecond: 100 },
      { id: 'lb', kind: 'loadBalancer', healthCheck: { ...oneCheck(10), deep: true }, reliability: SOLID },
      { id: 'gwA', kind: 'gateway', instances: 1, reliability: SOLID },
      { id: 'gwB', kind: 'gateway', instances: 1, reliability: SOLID },
      { id: 'dbA', kind: 'datastore', reliability: SOLID },
      { id: 'dbB', kind: 'datastore', reliability: SOLID },
    ];
    const input = plan(nodes, [['users', 'lb'], ['lb', 'gwA'], ['lb', 'gwB'], ['gwA', 'dbA'], ['gwB', 'dbB']]);
    const runs = scenarioRuns(input, { id: 's', atHours: 10, durationHours: 2, fail: { node: 'dbA' } }, 300);
    const lost = runs.map((s) => s.lostRequests / 50);
    for (const v of lost) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(10 + 1e-9);
    }
    expectWithin4Se(lost, 5, 0.05);
  });
});

describe('meaning 21: manual DNS failover', () => {
  it('people switch the record after detection + response, then propagation: lost / rps = 5 min + 10 min + 30 s', () => {
    // Failover record with a manual check, propagation 30 s, TTL 0 and no violators: every client
    // moves when the record changes. On-call: detection 5 min, response 10 min (fixed). a out
    // 10 h → 12 h: everything fails for 900 + 30 = 930 s; failing back after a's recovery loses
    // nothing (b is up). (Checkers would have switched within about a minute and a half.)
    const nodes = [
      { id: 'users', kind: 'clients', requestsPerSecond: 100 },
      {
        id: 'dns', kind: 'dns', policy: 'failover', ttlSeconds: 0, ttlViolationFraction: 0, ttlViolationSeconds: 0,
        healthCheck: { manual: true, propagationSeconds: 30 }, reliability: SOLID,
        targets: [{ node: 'a', role: 'primary' }, { node: 'b', role: 'secondary' }],
      },
      { id: 'a', kind: 'gateway', instances: 1, reliability: SOLID },
      { id: 'b', kind: 'gateway', instances: 1, reliability: SOLID },
      monitor(5, 10),
    ];
    for (const s of scenarioRuns(plan(nodes, [['users', 'dns']]), { id: 's', atHours: 10, durationHours: 2, fail: { node: 'a' } }, 3)) {
      expect(s.rtoSeconds).toEqual([930]);
      expect(s.lostRequests).toBeCloseTo(100 * 930, 6);
    }
  });
});

describe('meaning 20: a daily swing against capacity, computed exactly', () => {
  it('the incident is exactly the time the load exceeds capacity / (1 − 0.001)', () => {
    // L(t) = 100·(1 + 0.5 sin ωt) against C = 100: more than 0.1 % fail while L > C / 0.999, i.e.
    // sin ωt > v = (1/0.999 − 1)/0.5 = 0.002002…: one incident a day from asin(v)/ω to (π − asin(v))/ω,
    // of length (π − 2·asin v)/ω = 43,172.4 s. Downtime per day is that too. (With 900 s load ticks
    // the incident's ends were interpolated between ticks, off by up to minutes.)
    const DAY = 86_400;
    const w = (2 * Math.PI) / DAY;
    const v = (1 / 0.999 - 1) / 0.5;
    const length = (Math.PI - 2 * Math.asin(v)) / w;
    const nodes = [
      { id: 'users', kind: 'clients', requestsPerSecond: 100, diurnalSwing: 0.5 },
      { id: 'gw', kind: 'gateway', instances: 1, capacityRpsPerInstance: 100, reliability: SOLID },
    ];
    const days = 10;
    const s = run(plan(nodes, [['users', 'gw']]), 1, (days * 24) / 8760).summaries[0]!;
    expect(s.rtoSeconds).toHaveLength(days);
    for (const rto of s.rtoSeconds) expect(rto).toBeCloseTo(length, 3);
    expect(s.downSeconds).toBeCloseTo(days * length, 2);
    for (const [k, r] of s.incidentRecords.entries()) expect(r.startHours * 3600).toBeCloseTo(k * DAY + Math.asin(v) / w, 3);
  });
});

describe('meaning 19: clients with different daily swings', () => {
  const DAY = 86_400;
  const w = (2 * Math.PI) / DAY;
  const sineIntegral = (h0: number, h1: number) => (Math.cos(w * h0 * 3600) - Math.cos(w * h1 * 3600)) / w;

  it('losing one client’s path loses that client’s own swinging load', () => {
    // steady (100 rps, no swing) → b; peaky (100 rps, swing 0.5) → a. a out 10 h → 12 h: lost =
    // ∫ 100·(1 + 0.5 sin ωt) dt = 100·7,200 + 50·(cos 150° − cos 180°)/ω = 720,000 + 92,110.
    // (Using the first clients node's swing for all loads gives 720,000.)
    const nodes = [
      { id: 'steady', kind: 'clients', requestsPerSecond: 100 },
      { id: 'peaky', kind: 'clients', requestsPerSecond: 100, diurnalSwing: 0.5 },
      { id: 'a', kind: 'gateway', instances: 1, reliability: SOLID },
      { id: 'b', kind: 'gateway', instances: 1, reliability: SOLID },
    ];
    const runs = scenarioRuns(plan(nodes, [['steady', 'b'], ['peaky', 'a']]), { id: 's', atHours: 10, durationHours: 2, fail: { node: 'a' } }, 1);
    expect(runs[0]!.lostRequests).toBeCloseTo(100 * 7200 + 50 * sineIntegral(10, 12), 4);
    // Offered over the 36 h run: 200·36 h + 50·∫ sin over [0, 36 h].
    expect(runs[0]!.offeredRequests).toBeCloseTo(200 * 36 * 3600 + 50 * sineIntegral(0, 36), 3);
  });

  it('a failing share that crosses 0.1 % because the loads swing differently opens an incident at the exact instant', () => {
    // steady 999 rps (no swing) and peaky 1 rps (swing 0.5), whose path a is out 10 h → 34 h: the
    // failing share (1 + 0.5u)/(1,000 + 0.5u), u = sin ωt, exceeds 0.1 % exactly while u > 0:
    // 10 h → 12 h and 24 h → 34 h (ωt = 150° at 10 h and 34 h). Two incidents: 7,200 s, 36,000 s.
    // (With one swing for all, the share is exactly 0.1 %: no incident.)
    const nodes = [
      { id: 'steady', kind: 'clients', requestsPerSecond: 999 },
      { id: 'peaky', kind: 'clients', requestsPerSecond: 1, diurnalSwing: 0.5 },
      { id: 'a', kind: 'gateway', instances: 1, reliability: SOLID },
      { id: 'b', kind: 'gateway', instances: 1, reliability: SOLID },
    ];
    const runs = scenarioRuns(plan(nodes, [['steady', 'b'], ['peaky', 'a']]), { id: 's', atHours: 10, durationHours: 24, fail: { node: 'a' } }, 1);
    expect(runs[0]!.rtoSeconds).toHaveLength(2);
    expect(runs[0]!.rtoSeconds[0]!).toBeCloseTo(7200, 3);
    expect(runs[0]!.rtoSeconds[1]!).toBeCloseTo(36_000, 3);
  });

  it('lost writes follow each client’s own swing', () => {
    // steady and peaky (swing 0.5) each write 10/s to db, which loses its disk at 100 h; the newest
    // backup is from 96 h (RPO 4 h). Lost writes = 10·14,400 + 10·(14,400 + 0.5·∫ sin over
    // [96 h, 100 h]) = 288,000 + 5·(1 − cos 60°)/ω = 288,000 + 34,377.5.
    const p = dataPlan(
      [
        { id: 'steady', kind: 'clients', requestsPerSecond: 100, writeFraction: 0.1 },
        { id: 'peaky', kind: 'clients', requestsPerSecond: 100, writeFraction: 0.1, diurnalSwing: 0.5 },
        { id: 'db', kind: 'datastore', engine: 'postgres', failureLosesData: true, reliability: rel(fixed(100), fixed(1)) },
        { id: 'snap', kind: 'backup', of: 'db', intervalHours: 24, restoreHours: fixed(2), restoreFailureProbability: 0 },
        monitor(6, 6),
      ],
      [['steady', 'db'], ['peaky', 'db']],
      [],
    );
    const s = runPinned(p, 1, 150).summaries[0]!;
    expect(s.rpoSeconds).toEqual([4 * HOUR]);
    expect(s.data.writesLost).toBeCloseTo(288_000 + 5 * sineIntegral(96, 100), 3);
  });
});
