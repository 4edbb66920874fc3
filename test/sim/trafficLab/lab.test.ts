// The traffic lab's mechanics: determinism, the failure and its detection, ip-hash over hashed
// addresses, the differences the source article names on a heterogeneous fleet, and how a plan
// becomes a lab (rate reaching the balancer, concurrency, clear refusals).
import { beforeAll, describe, expect, it } from 'vitest';
import { streamFor } from '../../../sim/engine/random';
import { fnv1a, ipHashChoice, makeClientPopulation } from '../../../sim/traffic-lab/clientAddresses';
import { buildLabSpec, loadBalancingLatency, maxLabMinutes, rateReachingBalancer, runTrafficLab, TrafficLabInputError } from '../../../sim/traffic-lab';
import { runLabAlgorithm } from '../../../sim/traffic-lab/runLab';
import type { LabSpec } from '../../../sim/traffic-lab/spec';
import { resolve } from '../engine/helpers';

function spec(overrides: Partial<LabSpec> = {}): LabSpec {
  return {
    streamSource: 'lab-test',
    seed: 5,
    replication: 0,
    ratePerSecond: 100,
    diurnalSwing: 0,
    startHour: 0,
    burst: undefined,
    instances: [0, 1, 2].map((i) => ({ id: `i${i}`, fleetId: 'f', concurrency: 4, meanServiceSeconds: 0.1, speed: 1 })),
    service: { dist: 'lognormal', sigma: 0.6 },
    clientCount: 500,
    clientActivitySigma: 1,
    timeoutSeconds: 29,
    durationSeconds: 150,
    warmupSeconds: 10,
    failure: undefined,
    ...overrides,
  };
}

describe('traffic lab mechanics', () => {
  it('is deterministic for a seed and changes with the replication', () => {
    const a = runLabAlgorithm(spec(), 'least-connections');
    const b = runLabAlgorithm(spec(), 'least-connections');
    expect(b).toEqual(a);
    const c = runLabAlgorithm(spec({ replication: 1 }), 'least-connections');
    expect(c.latency.mean).not.toBe(a.latency.mean);
  });

  it('gives every algorithm the same requests (common random numbers)', () => {
    const rr = runLabAlgorithm(spec(), 'round-robin');
    const lc = runLabAlgorithm(spec(), 'least-connections');
    const ip = runLabAlgorithm(spec(), 'ip-hash');
    expect(lc.offered).toBe(rr.offered);
    expect(ip.offered).toBe(rr.offered);
  });

  it('arrivals follow the rate, its burst and its daily swing (thinning)', () => {
    // No burst: a Poisson count with mean λ(T − warm-up); a ×3 burst for 30 s adds 2·λ·30.
    const plain = runLabAlgorithm(spec({ durationSeconds: 120 }), 'round-robin').offered;
    expect(Math.abs(plain - 100 * 110)).toBeLessThan(4 * Math.sqrt(100 * 110));
    const burst = runLabAlgorithm(spec({ durationSeconds: 120, burst: { atSeconds: 50, seconds: 30, multiplier: 3 } }), 'round-robin').offered;
    const expected = 100 * 110 + 2 * 100 * 30;
    expect(Math.abs(burst - expected)).toBeLessThan(4 * Math.sqrt(expected));
    // At hour 6 the swing 1 + s·sin(2πt/24 h) is at its peak: rate ≈ λ(1 + s) over two minutes
    // (the sine moves by less than 1e-4 of its amplitude meanwhile).
    const swung = runLabAlgorithm(spec({ durationSeconds: 120, diurnalSwing: 0.5, startHour: 6 }), 'round-robin').offered;
    expect(Math.abs(swung - 150 * 110)).toBeLessThan(4 * Math.sqrt(150 * 110) + 5);
  });

  it('lognormal request times keep the fleet\'s mean and have the lognormal\'s quantiles', () => {
    // Concurrency far above the load: nobody waits (M/G/∞), so latency is the service time itself,
    // independent draws; quantile q has SE ≈ √(p(1−p)/n) / f(q) (a few tenths of a per cent here).
    const sigma = 0.6;
    const r = runLabAlgorithm(
      spec({ durationSeconds: 300, instances: [{ id: 'i', fleetId: 'f', concurrency: 200, meanServiceSeconds: 0.1, speed: 1 }], service: { dist: 'lognormal', sigma } }),
      'round-robin',
    );
    expect(r.queueing.shareWaited).toBe(0);
    const mu = Math.log(0.1) - (sigma * sigma) / 2;
    const n = r.latency.count;
    // Mean of a lognormal sample: SE = mean·√(e^{σ²} − 1)/√n.
    expect(Math.abs(r.latency.mean - 0.1)).toBeLessThan(4 * 0.1 * Math.sqrt(Math.exp(sigma * sigma) - 1) / Math.sqrt(n));
    for (const [p, z] of [
      [0.5, 0],
      [0.95, 1.6448536],
      [0.99, 2.3263479],
    ] as const) {
      const exact = Math.exp(mu + sigma * z);
      const density = Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI) / (sigma * exact);
      const se = Math.sqrt((p * (1 - p)) / n) / density;
      const measured = p === 0.5 ? r.latency.p50 : p === 0.95 ? r.latency.p95 : r.latency.p99;
      expect(Math.abs(measured - exact), `p${p * 100}`).toBeLessThan(4 * se);
    }
  });

  it('fails requests sent to a dead instance until the health check notices, about λ/n per second of detection', () => {
    const failure = { instance: 0, atSeconds: 100, downSeconds: 120, intervalSeconds: 10, failureThreshold: 3, recoveryThreshold: 2 };
    const r = runLabAlgorithm(spec({ failure, durationSeconds: 250 }), 'round-robin');
    const f = r.failure!;
    expect(f.atSeconds).toBe(100);
    // Detection = U(0, I) + (k − 1)·I (PLAN-FORMAT meaning 5), recovery likewise with its threshold.
    expect(f.detectedAtSeconds - f.atSeconds).toBeGreaterThanOrEqual(20);
    expect(f.detectedAtSeconds - f.atSeconds).toBeLessThanOrEqual(30);
    expect(f.backAtSeconds).toBe(220);
    expect(f.returnDetectedAtSeconds - f.backAtSeconds).toBeGreaterThanOrEqual(10);
    expect(f.returnDetectedAtSeconds - f.backAtSeconds).toBeLessThanOrEqual(20);
    // Round-robin deals every third request to the dead instance: Poisson count with mean λD/3
    // (variance λD/3 at most), plus the few in flight when it failed (at most its concurrency + queue).
    const expected = (100 * (f.detectedAtSeconds - f.atSeconds)) / 3;
    expect(Math.abs(r.failed - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected) + 20);
    expect(r.timedOut).toBe(0);
    // Without a failure nothing fails.
    expect(runLabAlgorithm(spec(), 'round-robin').failed).toBe(0);
  });

  it('least connections feeds a failed-but-undetected instance more (it has no open connections)', () => {
    const failure = { instance: 0, atSeconds: 100, downSeconds: 120, intervalSeconds: 10, failureThreshold: 3, recoveryThreshold: 2 };
    const rr = runLabAlgorithm(spec({ failure, durationSeconds: 200 }), 'round-robin');
    const lc = runLabAlgorithm(spec({ failure, durationSeconds: 200 }), 'least-connections');
    expect(lc.failure!.detectedAtSeconds).toBe(rr.failure!.detectedAtSeconds);
    expect(lc.failed).toBeGreaterThan(1.5 * rr.failed);
  });

  it('ip-hash: FNV-1a of IPv4 strings spreads clients evenly and moves only the removed instance\'s clients', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c); // the published FNV-1a test vector
    const population = makeClientPopulation(6000, 0, streamFor(1, 0, 'addresses', 'test'));
    expect(new Set(population.addresses).size).toBe(6000);
    expect(population.addresses.every((a) => /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a))).toBe(true);
    const all = new Uint8Array(4).fill(1);
    const counts = [0, 0, 0, 0];
    for (const h of population.hashes) counts[ipHashChoice(h, all)]!++;
    // A binomial count of 6000 clients over 4 instances: SD ≈ √(6000·¼·¾) ≈ 34.
    for (const c of counts) expect(Math.abs(c - 1500)).toBeLessThan(4 * 34);
    const without = Uint8Array.from([1, 0, 1, 1]);
    for (const h of population.hashes) {
      const before = ipHashChoice(h, all);
      const during = ipHashChoice(h, without);
      if (before !== 1) expect(during).toBe(before);
      else expect(during).not.toBe(1);
    }
    expect(ipHashChoice(123, new Uint8Array(3))).toBe(-1);
  });

  it('ip-hash reports the share of clients moved when the instance leaves and returns', () => {
    const failure = { instance: 1, atSeconds: 60, downSeconds: 80, intervalSeconds: 10, failureThreshold: 2, recoveryThreshold: 2 };
    const r = runLabAlgorithm(spec({ failure, clientCount: 3000, clientActivitySigma: 0, durationSeconds: 150 }), 'ip-hash');
    // About a third of the clients hash to instance 1 (binomial SD ≈ √(3000·⅓·⅔)/3000 ≈ 0.0086).
    expect(Math.abs(r.clientsMoved!.onLeave - 1 / 3)).toBeLessThan(4 * 0.0086);
    expect(r.clientsMoved!.onReturn).toBe(r.clientsMoved!.onLeave);
    expect(runLabAlgorithm(spec({ failure }), 'round-robin').clientsMoved).toBeNull();
  });
});

describe('the source article\'s differences on a heterogeneous fleet', () => {
  // Three instances, one at half speed; 55 req/s against 40 + 40 + 20 = 100 req/s of capacity: the
  // even share (18.3 req/s) is within the slow instance's 20 req/s, so its load is ρ 0.92 under
  // round-robin while the fast ones idle at 0.46.
  const hetero = spec({
    ratePerSecond: 55,
    instances: [
      { id: 'fast-1', fleetId: 'f', concurrency: 4, meanServiceSeconds: 0.1, speed: 1 },
      { id: 'fast-2', fleetId: 'f', concurrency: 4, meanServiceSeconds: 0.1, speed: 1 },
      { id: 'slow', fleetId: 'f', concurrency: 4, meanServiceSeconds: 0.2, speed: 0.5 },
    ],
    durationSeconds: 900,
    clientCount: 2000,
    clientActivitySigma: 1.2,
  });
  let runs: Record<'rr' | 'lc' | 'ip', ReturnType<typeof runLabAlgorithm>> | undefined;
  beforeAll(() => {
    runs = { rr: runLabAlgorithm(hetero, 'round-robin'), lc: runLabAlgorithm(hetero, 'least-connections'), ip: runLabAlgorithm(hetero, 'ip-hash') };
  });

  it('round-robin is fair in requests but ignores server load: the slow instance gets a third and runs hot', () => {
    for (const inst of runs!.rr.instances) expect(Math.abs(inst.requestShare - 1 / 3)).toBeLessThan(0.005);
    expect(runs!.rr.instances[2]!.utilisation).toBeGreaterThan(0.85);
    expect(runs!.rr.instances[0]!.utilisation).toBeLessThan(0.55);
  });

  it('least connections prevents the overload: fewer requests to the slow instance, lower tail latency', () => {
    expect(runs!.lc.instances[2]!.requestShare).toBeLessThan(0.3);
    expect(runs!.lc.instances[2]!.utilisation).toBeLessThan(runs!.rr.instances[2]!.utilisation);
    expect(runs!.lc.latency.p99).toBeLessThan(0.7 * runs!.rr.latency.p99);
    expect(runs!.lc.latency.mean).toBeLessThan(runs!.rr.latency.mean);
  });

  it('ip-hash keeps each client on one instance but spreads load unevenly', () => {
    expect(runs!.ip.unevenness).toBeGreaterThan(runs!.rr.unevenness);
    expect(runs!.ip.unevenness).toBeGreaterThan(1.05);
    expect(runs!.rr.unevenness).toBeLessThan(1.02);
  });
});

const PLAN = {
  schemaVersion: 1,
  name: 'traffic lab plan',
  regions: [
    { id: 'a', zones: 2 },
    { id: 'b', zones: 2 },
  ],
  nodes: [
    { id: 'users', kind: 'clients', requestsPerSecond: 300, diurnalSwing: 0.2 },
    { id: 'dns', kind: 'dns', policy: 'failover', targets: [{ node: 'lb-a', role: 'primary' }, { node: 'lb-b', role: 'secondary' }] },
    { id: 'lb-a', kind: 'loadBalancer', region: 'a', algorithm: 'least-connections', healthCheck: { intervalSeconds: 10, failureThreshold: 2, recoveryThreshold: 3 } },
    { id: 'lb-b', kind: 'loadBalancer', region: 'b', algorithm: 'round-robin' },
    { id: 'gw-a', kind: 'gateway', region: 'a', instances: 3, capacityRpsPerInstance: 200, requestSeconds: 0.05 },
    { id: 'gw-b', kind: 'gateway', region: 'b', instances: 2, capacityRpsPerInstance: 250 },
    { id: 'db', kind: 'datastore', region: 'a' },
  ],
  edges: [
    { kind: 'traffic', from: 'users', to: 'dns' },
    { kind: 'traffic', from: 'dns', to: 'lb-a' },
    { kind: 'traffic', from: 'dns', to: 'lb-b' },
    { kind: 'traffic', from: 'lb-a', to: 'gw-a' },
    { kind: 'traffic', from: 'lb-b', to: 'gw-b' },
    { kind: 'traffic', from: 'gw-a', to: 'db' },
    { kind: 'traffic', from: 'gw-b', to: 'db' },
  ],
};

describe('a plan\'s balancer in the lab', () => {
  const plan = resolve(PLAN);

  it('takes the rate reaching the balancer: the primary all of it, the secondary what it carries after a failover', () => {
    expect(rateReachingBalancer(plan, 'lb-a')).toEqual({ perSecond: 300, onlyAfterFailover: false });
    expect(rateReachingBalancer(plan, 'lb-b')).toEqual({ perSecond: 300, onlyAfterFailover: true });
  });

  it('sets concurrency = capacity × mean request time, the catalog time where the fleet has none, the daily peak and the plan\'s check', () => {
    const a = buildLabSpec(plan, 'lb-a');
    expect(a.spec.instances).toHaveLength(3);
    expect(a.spec.instances[0]).toMatchObject({ concurrency: 10, meanServiceSeconds: 0.05 });
    expect(a.spec.diurnalSwing).toBe(0.2);
    expect(a.spec.failure).toMatchObject({ instance: 0, intervalSeconds: 10, failureThreshold: 2, recoveryThreshold: 3 });
    const b = buildLabSpec(plan, 'lb-b');
    expect(b.context.fleets[0]).toMatchObject({ requestSecondsFrom: 'catalog', requestSeconds: 0.1, concurrencyPerInstance: 25 });
    expect(b.context.notes.join(' ')).toMatch(/catalog/);
    expect(buildLabSpec(plan, 'lb-b', { fleet: 'one-slow' }).spec.instances.map((i) => i.speed)).toEqual([1, 0.5]);
    expect(buildLabSpec(plan, 'lb-a', { load: 'mean', failure: false }).spec).toMatchObject({ diurnalSwing: 0, failure: undefined });
  });

  it('refuses what it cannot run with a sentence naming the problem', () => {
    expect(() => buildLabSpec(plan, 'nope')).toThrow(TrafficLabInputError);
    expect(() => buildLabSpec(plan, 'nope')).toThrow(/its balancers are: lb-a, lb-b/);
    expect(() => buildLabSpec(plan, 'lb-a', { speeds: [1, 2] })).toThrow(/one speed per instance \(3\)/);
    const toDb = resolve({ ...PLAN, edges: [...PLAN.edges, { kind: 'traffic', from: 'lb-b', to: 'db' }] });
    expect(() => buildLabSpec(toDb, 'lb-b')).toThrow(/"db", a datastore/);
  });

  it('refuses runs longer than its request budget and says how long it can run; notes a rounded concurrency', () => {
    const busy = resolve({ ...PLAN, nodes: PLAN.nodes.map((n) => (n.id === 'users' ? { ...n, requestsPerSecond: 50_000, diurnalSwing: 0 } : n)) });
    // 50,000 req/s × 15 min = 45 million requests; 3 million fit in 1 minute.
    expect(() => buildLabSpec(busy, 'lb-a')).toThrow(/45 million requests per algorithm.*use 1 minutes or fewer/);
    expect(maxLabMinutes(busy, 'lb-a')).toBe(1);
    expect(maxLabMinutes(plan, 'lb-a')).toBe(30);
    const tiny = resolve({ ...PLAN, nodes: PLAN.nodes.map((n) => (n.id === 'gw-a' ? { ...n, capacityRpsPerInstance: 4 } : n)) });
    // 4 req/s × 0.05 s = 0.2 concurrent requests, rounded up to 1: 20 req/s per instance.
    expect(buildLabSpec(tiny, 'lb-a').context.notes.join(' ')).toMatch(/rounded to 1, so each instance serves up to 20\.0 req\/s instead of 4\.00/);
  });

  it('runs the three algorithms and a one-line verdict; the strategy matrix gets figures for every balancer', () => {
    const report = runTrafficLab(plan, 'lb-a', { minutes: 1, failure: false });
    expect(report.results.map((r) => r.algorithm)).toEqual(['round-robin', 'least-connections', 'ip-hash']);
    expect(report.verdict.text).toMatch(/^least-connections/);
    expect(report.results[0]!.latencyQuantiles).toHaveLength(101);
    const figures = loadBalancingLatency(resolve({ ...PLAN, nodes: [...PLAN.nodes, { id: 'lb-idle', kind: 'loadBalancer' }], edges: [...PLAN.edges, { kind: 'traffic', from: 'lb-idle', to: 'gw-b' }] }));
    expect(figures.map((f) => f.balancerId)).toEqual(['lb-a', 'lb-b', 'lb-idle']);
    const first = figures[0]!;
    if (!first.available) throw new Error('lb-a should have figures');
    expect(first.planAlgorithm).toBe('least-connections');
    expect(first.byAlgorithm['round-robin'].p99Seconds).toBeGreaterThan(0);
    expect(first.basis).toMatch(/traffic lab, seed/);
    expect(figures[2]).toMatchObject({ available: false, reason: expect.stringMatching(/no clients' traffic reaches balancer "lb-idle"/) });
  });
});
