// One test per PLAN-FORMAT meaning the engine core implements (1, 2, 3, 4, 9, 10, 13, 14, 15), plus
// the deterministic-schedule test: fixed up and down times give an exactly predictable result.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../sim/engine/model';
import { exp, fixed, NEVER, plan, rel, resolve, run, SOLID, type Json } from './helpers';

const HOUR = 3600;
const clients = (rps = 100) => ({ id: 'users', kind: 'clients', requestsPerSecond: rps });
const store = (id: string, reliability: Json = SOLID) => ({ id, kind: 'datastore', engine: 'postgres', failureLosesData: false, reliability });
const lb = (algorithm = 'round-robin', healthCheck: Json = { intervalSeconds: 10, failureThreshold: 3, recoveryThreshold: 3 }) => ({
  id: 'lb',
  kind: 'loadBalancer',
  algorithm,
  healthCheck,
  reliability: SOLID,
});

/** Down intervals of a fixed up/down schedule starting up at 0, clipped to the horizon. */
function schedule(upHours: number, downHours: number, horizonHours: number): [number, number][] {
  const out: [number, number][] = [];
  for (let t = upHours; t < horizonHours; t += upHours + downHours) out.push([t, Math.min(t + downHours, horizonHours)]);
  return out;
}
function unionLength(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

describe('meanings the engine core honours', () => {
  it('deterministic schedule: fixed up/down times give exactly the predicted availability', () => {
    // a: 100 h up / 1 h down; b: 37 h up / 2.5 h down, in series; horizon 1,000 h.
    const horizonHours = 1000;
    const nodes = [clients(), { id: 'a', kind: 'service', reliability: rel(fixed(100), fixed(1)) }, store('b', rel(fixed(37), fixed(2.5)))];
    const { summaries } = run(plan(nodes, [['users', 'a'], ['a', 'b']]), 1, horizonHours / 8760);
    const down = unionLength([...schedule(100, 1, horizonHours), ...schedule(37, 2.5, horizonHours)]);
    const s = summaries[0]!;
    expect(s.downSeconds / HOUR).toBeCloseTo(down, 9);
    expect(s.lostRequests / (100 * HOUR)).toBeCloseTo(down, 9);
    // a fails 9 times and b 25 times within 1,000 h, each repaired before the horizon.
    expect(s.events).toBe(2 * 9 + 2 * 25);
  });

  it('1: defaults add no mechanism — backups and monitors never fail, no health check appears', () => {
    const p = resolve(plan([clients(), { id: 's', kind: 'service', reliability: rel(fixed(10), fixed(1)) }, { id: 'ops', kind: 'monitor' }], [['users', 's']]));
    const model = compileModel(p);
    expect(model.components.map((c) => c.sourceId)).toEqual(['s#0']);
    expect(model.pairs).toHaveLength(0);
  });

  it('2: instance i sits in zone i mod zones; a non-fleet node only with a zone field; overlays never reset a node', () => {
    const region = { id: 'r', zones: 3, outage: null, zoneOutage: { ratePerYear: 1, durationHours: fixed(1) } };
    const p = resolve(
      plan(
        [clients(), { id: 'gw', kind: 'gateway', region: 'r', instances: 5, reliability: SOLID }, store('db', SOLID), { ...store('db2'), region: 'r', zone: 1 }],
        [['users', 'gw'], ['gw', 'db'], ['gw', 'db2']],
        { regions: [region] },
      ),
    );
    const model = compileModel(p);
    const members = model.overlays.map((o) => [...o.members].map((c) => model.components[c]!.sourceId));
    expect(members).toEqual([['gw#0', 'gw#3'], ['gw#1', 'gw#4', 'db2'], ['gw#2']]);

    // Never reset: a node failing every 100 h for 1 h keeps that schedule under a busy common cause.
    const busy = { commonCauses: [{ id: 'cc', ratePerYear: 200, durationHours: fixed(0.5), affects: ['s'] }] };
    const { summaries } = run(plan([clients(), { id: 's', kind: 'service', reliability: rel(fixed(100), fixed(1)) }], [['users', 's']], busy), 1, 2000 / 8760);
    const own = summaries[0]!.incidentRecords.filter((r) => r.firstCause.kind === 'instance').map((r) => r.startHours);
    expect(own.length).toBeGreaterThan(5);
    for (const start of own) expect((start - 100) / 101).toBeCloseTo(Math.round((start - 100) / 101), 9);
    expect(summaries[0]!.incidentRecords.some((r) => r.firstCause.kind === 'commonCause' && r.firstCause.id === 'cc')).toBe(true);
  });

  it('3: without a router, requests fail exactly from failure to repair', () => {
    const { summaries } = run(plan([clients(), store('db', rel(exp(100), fixed(2)))], [['users', 'db']]), 3, 10);
    const rto = summaries.flatMap((s) => s.rtoSeconds);
    expect(rto.length).toBeGreaterThan(1000);
    for (const v of rto) expect(v).toBeCloseTo(2 * HOUR, 6);
  });

  it('4: traffic edges are series dependencies; a balancer chooses among its targets', () => {
    // Series: the gateway needs its datastore.
    const series = run(plan([clients(), { id: 'gw', kind: 'gateway', reliability: SOLID }, store('db', rel(fixed(10), fixed(1)))], [['users', 'gw'], ['gw', 'db']]), 1, 110 / 8760);
    expect(series.summaries[0]!.downSeconds / HOUR).toBeCloseTo(10, 9);
    // Choice: with one target dead, the balancer moves all traffic to the other once it detects it.
    const choice = run(plan([clients(), lb(), store('a', rel(fixed(10), NEVER)), store('b')], [['users', 'lb'], ['lb', 'a'], ['lb', 'b']]), 1, 100 / 8760);
    const s = choice.summaries[0]!;
    expect(s.incidents).toBe(1);
    expect(s.rtoSeconds[0]).toBeGreaterThanOrEqual(20);
    expect(s.rtoSeconds[0]).toBeLessThanOrEqual(30);
    expect(s.lostRequests).toBeCloseTo(100 * 0.5 * s.rtoSeconds[0]!, 6);
  });

  it('9: round-robin gives equal shares; an undetected dead instance loses its share; fail open with none believed', () => {
    // Four instances, each failing for a fixed 1 h: each failure loses a quarter of the traffic
    // until detected (a flap shorter than detection is never seen).
    const four = run(plan([clients(), lb(), { id: 'gw', kind: 'gateway', instances: 4, reliability: rel(exp(200), fixed(1)) }], [['users', 'lb'], ['lb', 'gw']]), 2, 5);
    let quarter = 0;
    const closed = four.summaries[0]!.incidentRecords.filter((r) => r.endHours !== null);
    for (const r of closed) {
      const seconds = (r.endHours! - r.startHours) * HOUR;
      expect(r.lostRequests).toBeLessThanOrEqual(100 * seconds + 1e-6);
      // Alone, a failure loses exactly a quarter until its detection (≤ 30 s); overlapping failures
      // (another instance already out) lose a third or a half instead.
      if (Math.abs(r.lostRequests - 100 * 0.25 * seconds) < 1e-3) {
        quarter++;
        expect(seconds).toBeLessThanOrEqual(30 + 1e-6);
        expect(seconds).toBeGreaterThanOrEqual(20 - 1e-6);
      }
    }
    expect(quarter).toBeGreaterThan(0.9 * closed.length);
    // One instance behind a balancer: after detection nothing is believed, the balancer fails open,
    // so the outage ends exactly at the repair, not one recovery detection later.
    const one = run(plan([clients(), lb(), { id: 'gw', kind: 'gateway', instances: 1, reliability: rel(exp(100), fixed(1)) }], [['users', 'lb'], ['lb', 'gw']]), 2, 5);
    for (const v of one.summaries.flatMap((s) => s.rtoSeconds)) expect(v).toBeCloseTo(HOUR, 6);
    // ip-hash spreads like round-robin in the fluid model.
    const ipHash = run(plan([clients(), lb('ip-hash'), { id: 'gw', kind: 'gateway', instances: 4, reliability: rel(exp(200), fixed(1)) }], [['users', 'lb'], ['lb', 'gw']]), 2, 5);
    expect(ipHash.summaries[0]!.lostRequests).toBeCloseTo(four.summaries[0]!.lostRequests, 6);
  });

  it('9 and 10: least-connections pools capacity; round-robin splits equally; no figures means unlimited', () => {
    const nodes = (algorithm: string) => [
      clients(400),
      lb(algorithm),
      { id: 'small', kind: 'service', instances: 1, capacityRpsPerInstance: 100, reliability: SOLID },
      { id: 'big', kind: 'service', instances: 1, capacityRpsPerInstance: 300, reliability: SOLID },
    ];
    const edges: [string, string][] = [['users', 'lb'], ['lb', 'small'], ['lb', 'big']];
    const rr = run(plan(nodes('round-robin'), edges), 1, 0.01).result;
    const lc = run(plan(nodes('least-connections'), edges), 1, 0.01).result;
    expect(rr.availability.requestWeighted.mean).toBeCloseTo(0.75, 12); // 100 + 200 of 400
    expect(lc.availability.requestWeighted.mean).toBeCloseTo(1, 12);
    // Capacity: three instances of 150 rps for 600 rps serve 450.
    const capped = run(plan([clients(600), { id: 'gw', kind: 'gateway', instances: 3, capacityRpsPerInstance: 150, reliability: SOLID }], [['users', 'gw']]), 1, 0.01).result;
    expect(capped.availability.requestWeighted.mean).toBeCloseTo(0.75, 12);
    expect(capped.availability.timeWeighted.mean).toBe(0);
    const unlimited = run(plan([clients(1e6), { id: 'gw', kind: 'gateway', instances: 1, reliability: SOLID }], [['users', 'gw']]), 1, 0.01).result;
    expect(unlimited.availability.requestWeighted.mean).toBe(1);
  });

  it('13 and 14: request- and time-weighted availability; incidents are the failing intervals; open at horizon is no RTO sample', () => {
    const { summaries } = run(plan([clients(), lb(), { id: 'gw', kind: 'gateway', instances: 4, reliability: rel(exp(300), exp(2)) }], [['users', 'lb'], ['lb', 'gw']]), 3, 1);
    for (const s of summaries) {
      expect(s.incidentRecords.length).toBe(s.incidents);
      const closed = s.incidentRecords.filter((r) => r.endHours !== null);
      const lost = s.incidentRecords.reduce((a, r) => a + r.lostRequests, 0);
      expect(lost).toBeCloseTo(s.lostRequests, 3);
      const open = s.incidentRecords.find((r) => r.endHours === null);
      const downHours = closed.reduce((a, r) => a + (r.endHours! - r.startHours), 0) + (open ? s.horizonSeconds / HOUR - open.startHours : 0);
      expect(downHours * HOUR).toBeCloseTo(s.downSeconds, 3);
      // Request-weighted loses only the failing share; time-weighted counts the whole interval.
      expect(s.lostRequests / s.offeredRequests).toBeLessThan(s.downSeconds / s.horizonSeconds);
    }
    // An outage still open at the horizon: counted, but no RTO sample.
    const open = run(plan([clients(), store('db', rel(fixed(100), fixed(10)))], [['users', 'db']]), 1, 105 / 8760).summaries[0]!;
    expect(open.incidents).toBe(1);
    expect(open.rtoSeconds).toEqual([]);
    expect(open.downSeconds).toBeCloseTo(5 * HOUR, 6);
    expect(open.incidentRecords[0]!.endHours).toBeNull();
  });

  it('15: removing one unrelated node leaves every other draw unchanged (common random numbers)', () => {
    const base = [clients(), { id: 'gw', kind: 'gateway', instances: 3, reliability: rel(exp(500), exp(3)) }, store('db', rel(exp(2000), exp(5)))];
    const edges: [string, string][] = [['users', 'gw'], ['gw', 'db']];
    const without = run(plan(base, edges), 3, 20);
    // The extra node sits on its own client path with a trickle of traffic (below the 0.1 % that
    // makes an incident), so every incident must come out identical to the last bit.
    const extra = [...base, { id: 'other', kind: 'clients', requestsPerSecond: 0.0001 }, store('side', rel(exp(300), exp(4)))];
    const withIt = run(plan(extra, [...edges, ['other', 'side']]), 3, 20);
    for (let r = 0; r < 3; r++) {
      const key = (s: (typeof without.summaries)[number]) => s.incidentRecords.map((x) => [x.startHours, x.endHours, x.firstCause.id]);
      expect(without.summaries[r]!.incidents).toBeGreaterThan(20);
      expect(key(withIt.summaries[r]!)).toEqual(key(without.summaries[r]!));
      expect(withIt.summaries[r]!.events).toBeGreaterThan(without.summaries[r]!.events);
    }
  });
});
