// Serverless warm capacity under a DNS answer change (PLAN-FORMAT meanings 8, 10 and 20): clients move
// linearly over the TTL, so a target's load rises linearly between events, and its warm concurrency
// must follow at up to scaleUpPerMinute. Lost requests are checked against hand-derived integrals of
// (load − capacity)⁺; the serverless template must show no spurious incident one TTL long after a repair.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixed, plan, rel, resolve, run, SOLID, type Json } from './helpers';
import { runReplications } from '../../../sim/engine/monteCarlo';
import { DIURNAL_OMEGA } from '../../../sim/engine/diurnal';
import { firstSignChange } from '../../../sim/engine/scaling/controller';

const R = 400; // rps, all through one failover record
const TTL = 60; // s
const REQUEST_SECONDS = 0.05;
const HORIZON_YEARS = 10 / 8760; // 10 h: the primary fails at 5 h, is repaired at 6 h, fails next at 11 h

/** Failover record (one checker, I = 30 s, k = 3, no propagation, no TTL violators) over two functions. */
function failoverPlan(scaleUpPerMinute: number): Json {
  const fn = (id: string, reliability: Json) => ({
    id, kind: 'gateway', platform: 'serverless', concurrencyLimit: 1000, requestSeconds: REQUEST_SECONDS, scaleUpPerMinute, reliability,
  });
  return plan(
    [
      { id: 'users', kind: 'clients', requestsPerSecond: R },
      {
        id: 'dns', kind: 'dns', policy: 'failover', ttlSeconds: TTL, ttlViolationFraction: 0, reliability: SOLID,
        healthCheck: { intervalSeconds: 30, failureThreshold: 3, recoveryThreshold: 3, checkers: 1, propagationSeconds: 0 },
        targets: [{ node: 'fa', role: 'primary' }, { node: 'fb', role: 'secondary' }],
      },
      fn('fa', rel(fixed(5), fixed(1))),
      fn('fb', SOLID),
    ],
    [['users', 'dns']],
  );
}

describe('serverless warm capacity follows a DNS migration', () => {
  it('fast scale-up: the failover loses only what the dead primary receives, the failback loses nothing', () => {
    // fa fails at 5 h; the answer switches to fb D later. Until then R fails; then fa's share falls
    // linearly over the TTL: lost R·(1 − x/TTL). fb was cold (it had no load) and its load rises
    // R·x/TTL = 6.67 rps/s while its capacity can rise 6000/60 ÷ 0.05 = 2,000 rps/s from the switch:
    // fb loses nothing. Incident: D + 0.999·TTL; lost = R·D + R·TTL/2. At the failback fa is cold
    // and is in fb's place: no loss, so no second incident.
    const { summaries } = run(failoverPlan(6000), 1, HORIZON_YEARS, 3);
    const s = summaries[0]!;
    expect(s.incidentRecords).toHaveLength(1);
    expect(s.rtoSeconds).toHaveLength(1);
    const d = s.rtoSeconds[0]! - 0.999 * TTL;
    // D = 60 + U(0, 30) (three failed checks after the failure, one checker).
    expect(d).toBeGreaterThanOrEqual(60 - 1e-6);
    expect(d).toBeLessThanOrEqual(90 + 1e-6);
    expect(s.lostRequests).toBeCloseTo(R * d + (R * TTL) / 2, 4);
  });

  it('slow scale-up: lost requests equal the integral of (load − capacity)⁺ over the failover and the failback', () => {
    // scaleUpPerMinute 12: warm concurrency rises 0.2/s, capacity c = 0.2 ÷ 0.05 = 4 rps/s, slower
    // than the migration's a = R/TTL = 6.67 rps/s. The warm target is the load at the end of the
    // migration, R·0.05 = 20, reached after R/c = 100 s.
    // Failover (x from the switch at D): fa loses R·(1 − x/TTL), fb loses (a − c)·x while x ≤ TTL,
    //   then R − c·x: in all R − c·x until x = R/c. Lost R·D + R²/(2c); the incident ends when
    //   R − c·x = 0.001·R: RTO = D + 0.999·R/c.
    // Failback: fa loses min(a·x, R) − c·x until x = R/c (fb keeps its warm level until its load
    //   is gone): ∫ = R·TTL/2 + R·(R/c − TTL) − R²/(2c) = R²/(2c) − R·TTL/2 = 8,000. Its incident
    //   runs from (a − c)·x = 0.001·R, x = 0.4/(8/3) = 0.15 s, to x = 99.9 s.
    const c = 12 / 60 / REQUEST_SECONDS;
    const a = R / TTL;
    const { summaries } = run(failoverPlan(12), 1, HORIZON_YEARS, 3);
    const s = summaries[0]!;
    expect(s.incidentRecords).toHaveLength(2);
    const d = s.rtoSeconds[0]! - (0.999 * R) / c;
    expect(d).toBeGreaterThanOrEqual(60 - 1e-6);
    expect(d).toBeLessThanOrEqual(90 + 1e-6);
    const failback = (R * R) / (2 * c) - (R * TTL) / 2;
    expect(failback).toBeCloseTo(8000, 9);
    expect(s.lostRequests).toBeCloseTo(R * d + (R * R) / (2 * c) + failback, 4);
    expect(s.rtoSeconds[1]!).toBeCloseTo((0.999 * R) / c - (0.001 * R) / (a - c), 6);
    // The failback incident's own count misses only the two sub-threshold slivers at its ends.
    const slivers = ((a - c) * 0.15 ** 2) / 2 + (0.001 * R * 0.1) / 2;
    expect(s.incidentRecords[1]!.lostRequests).toBeCloseTo(failback - slivers, 4);
  });

  it('the serverless template shows no incident one TTL long caused by a function after a repair', () => {
    const file = fileURLToPath(new URL('../../../sim/templates/serverless-three-regions.plan.json', import.meta.url));
    const p = resolve(JSON.parse(readFileSync(file, 'utf8')) as Json);
    const [s] = runReplications(p, { seed: 1, fromReplication: 0, count: 1, horizonYears: 10 });
    const functions = new Set(p.nodes.filter((n) => n.kind === 'gateway').map((n) => n.id));
    const records = s!.incidentRecords.filter((r) => r.endHours !== null);
    const seconds = (r: (typeof records)[number]) => (r.endHours! - r.startHours) * 3600;
    // Failovers (a function or its region down, the answer moved after ~17 min) do happen in this run:
    // each is followed by a repair and a failback, where a cold function used to lose its load for one TTL.
    expect(records.filter((r) => seconds(r) > 900).length).toBeGreaterThanOrEqual(10);
    const ttlLong = records.filter((r) => r.firstCause.kind === 'node' && functions.has(r.firstCause.id) && Math.abs(seconds(r) - 60) <= 1);
    expect(ttlLong).toEqual([]);
  });

  it('under a daily swing the load overtakes a slower ramp inside a migration, and the account is exact', () => {
    // Weighted 50/50 over fa and fb, R = 400 rps, swing σ = 0.05, fb warm for its daily peak
    // (R/2)·(1 + σ) = 210 rps. fa fails at 17 h (sin ωt ≈ −0.97: fb has ≈ 20 rps of headroom) and
    // stays down; the answer moves to fb alone 30 s later (interval 1e-9 s, k = 1, propagation 30 s).
    // fb's load (R/2)·(1 + x/TTL)·(1 + σ·sin ωs) rises ≈ 3.2 rps/s, its capacity 210 + c·x with
    // c = 3/60 ÷ 0.05 = 1 rps/s towards R·(1 + σ) = 420 (x = 210 s): the load overtakes it inside the
    // migration, and the ramp overtakes the settled load again before its end — two crossings
    // between events, not at them. Expected: the integral of fa's lost share plus (fb − capacity)⁺,
    // integrated here on its own (roots by scanning and bisection, Simpson on each smooth piece).
    const sigma = 0.05;
    const c = 3 / 60 / REQUEST_SECONDS;
    const tf = 17 * 3600;
    const t0 = tf + 30;
    const fn = (id: string, reliability: Json) => ({
      id, kind: 'gateway', platform: 'serverless', concurrencyLimit: 1000, requestSeconds: REQUEST_SECONDS, scaleUpPerMinute: 3, reliability,
    });
    const p = plan(
      [
        { id: 'users', kind: 'clients', requestsPerSecond: R, diurnalSwing: sigma },
        {
          id: 'dns', kind: 'dns', policy: 'weighted', ttlSeconds: TTL, ttlViolationFraction: 0, reliability: SOLID,
          healthCheck: { intervalSeconds: 1e-9, failureThreshold: 1, recoveryThreshold: 1, checkers: 1, propagationSeconds: 30 },
          targets: [{ node: 'fa', weight: 1 }, { node: 'fb', weight: 1 }],
        },
        fn('fa', rel(fixed(17), fixed(100))),
        fn('fb', SOLID),
      ],
      [['users', 'dns']],
    );
    const { summaries } = run(p, 1, 20 / 8760, 5);
    const swing = (s: number) => 1 + sigma * Math.sin(DIURNAL_OMEGA * s);
    const fbShare = (s: number) => (s < t0 ? 0.5 : 0.5 + 0.5 * Math.min(1, (s - t0) / TTL));
    const capacity = (s: number) => Math.min(R * (1 + sigma), (R / 2) * (1 + sigma) + c * Math.max(0, s - t0));
    const excess = (s: number) => fbShare(s) * R * swing(s) - capacity(s);
    const lostRate = (s: number) => (1 - fbShare(s)) * R * swing(s) + Math.max(0, excess(s));
    const rampEnd = t0 + (R / 2) * (1 + sigma) / c;
    const cuts = [tf, t0, t0 + TTL, rampEnd];
    const pieces: number[] = [];
    for (let k = 0; k + 1 < cuts.length; k++) {
      pieces.push(cuts[k]!);
      for (let s = cuts[k]!; s < cuts[k + 1]!; s += 0.01) {
        const e = Math.min(s + 0.01, cuts[k + 1]!);
        if (excess(s) > 0 !== excess(e) > 0) {
          let [lo, hi] = [s, e];
          for (let i = 0; i < 60; i++) {
            const mid = (lo + hi) / 2;
            if (excess(mid) > 0 === excess(lo) > 0) lo = mid;
            else hi = mid;
          }
          pieces.push((lo + hi) / 2);
        }
      }
    }
    pieces.push(rampEnd);
    // Two crossings: the load overtakes the ramp during the migration and falls back under it after.
    expect(pieces.length).toBe(cuts.length + 2);
    let expected = 0;
    for (let k = 0; k + 1 < pieces.length; k++) {
      const [a, b] = [pieces[k]!, pieces[k + 1]!];
      const n = 2000;
      const h = (b - a) / n;
      let sum = lostRate(a) + lostRate(b);
      for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * lostRate(a + i * h);
      expected += (sum * h) / 3;
    }
    expect(Math.abs(summaries[0]!.lostRequests - expected)).toBeLessThanOrEqual(1e-10 * expected);
  });
});

describe('firstSignChange', () => {
  it('finds the first of two close roots between ends of one sign, and nothing where g only comes near 0', () => {
    // sin s − 0.999 is negative at 0 and 3 and positive only on (asin 0.999, π − asin 0.999); |g''| ≤ 1.
    const g = (s: number) => Math.sin(s) - 0.999;
    const root = firstSignChange(g, 0, 3, g(0), g(3), 1);
    expect(root).toBeGreaterThanOrEqual(Math.asin(0.999));
    expect(root - Math.asin(0.999)).toBeLessThanOrEqual(1e-6);
    const near = (s: number) => Math.sin(s) - 1.001;
    expect(firstSignChange(near, 0, 3, near(0), near(3), 1)).toBe(Infinity);
    // A straight line: its one root, found without a curvature bound.
    const line = (s: number) => 2 - s;
    expect(firstSignChange(line, 0, 10, 2, -8, 0) - 2).toBeLessThanOrEqual(1e-6);
  });
});
