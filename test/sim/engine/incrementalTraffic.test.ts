// The traffic evaluator's running counts (a fleet's up instances, a balancer's believed members that
// are up) against the hand derivation of meaning 9 without capacity figures: a round-robin balancer
// gives each believed member an equal share, so it serves (believed and up) / believed of its traffic;
// with no member believed it fails open over the registered members. Checked after every change of a
// random sequence, so a count that drifts from the state is caught.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../sim/engine/model';
import { TrafficEvaluator, type TrafficState } from '../../../sim/engine/traffic';
import { plan, resolve, SOLID, trafficState } from './helpers';

const RPS = 100;

function setUp(): { evaluator: TrafficEvaluator; state: TrafficState; pairsOf: (c: number) => number[]; members: number[]; balancer: number } {
  const model = compileModel(
    resolve(
      plan(
        [
          { id: 'users', kind: 'clients', requestsPerSecond: RPS },
          { id: 'lb', kind: 'loadBalancer', algorithm: 'round-robin', reliability: SOLID },
          { id: 'a', kind: 'gateway', instances: 6, reliability: SOLID },
          { id: 'b', kind: 'service', instances: 4, reliability: SOLID },
        ],
        [
          ['users', 'lb'],
          ['lb', 'a'],
          ['lb', 'b'],
        ],
      ),
    ),
    1,
  );
  expect(model.capacityLimited).toBe(false);
  const balancer = model.nodes.findIndex((x) => x.id === 'lb');
  const node = model.nodes[balancer]!;
  const members = model.pairs.slice(node.pairStart, node.pairEnd).map((p) => p.member);
  expect(members).toHaveLength(10);
  const state = trafficState(model, Infinity);
  const pairsOf = (c: number): number[] => model.pairs.flatMap((p, i) => (p.member === c ? [i] : []));
  return { evaluator: new TrafficEvaluator(model), state, pairsOf, members, balancer };
}

/** What the balancer serves by meaning 9, counted member by member. */
function expected(state: TrafficState, members: number[], pairStart: number): number {
  const believed = members.filter((_c, k) => state.belief[pairStart + k] === 1);
  const pool = believed.length > 0 ? believed : members.filter((c) => state.registered[c] === 1);
  if (pool.length === 0) return 0;
  return (RPS * pool.filter((c) => state.downCount[c] === 0).length) / pool.length;
}

describe('incremental traffic counts', () => {
  it('match the member-by-member share after every failure, repair and change of belief', () => {
    const { evaluator, state, pairsOf, members, balancer } = setUp();
    const pairStart = members.map((c) => pairsOf(c)[0]!)[0]!;
    evaluator.recount(state);
    expect(evaluator.servedRps(state)).toBe(RPS);
    // A fixed pseudo-random walk (no Math.random in tests that must repeat).
    let x = 12345;
    const next = (k: number): number => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return (x >>> 16) % k;
    };
    let sawFailOpen = false;
    for (let step = 0; step < 2000; step++) {
      const k = next(members.length);
      const c = members[k]!;
      const p = pairStart + k;
      if (next(2) === 0) {
        const up = state.downCount[c] !== 0;
        state.downCount[c] = up ? 0 : 1;
        evaluator.componentFlipped(c, up, state);
      } else {
        // Beliefs lean towards unhealthy so the walk reaches the fail-open state.
        const value = next(3) === 0 ? 1 : 0;
        if (state.belief[p] === value) continue;
        state.belief[p] = value;
        evaluator.beliefChanged(p, value, state);
        state.believedCount[balancer] = state.believedCount[balancer]! + (value === 1 ? 1 : -1);
      }
      if (state.believedCount[balancer] === 0) sawFailOpen = true;
      expect(evaluator.servedRps(state)).toBeCloseTo(expected(state, members, pairStart), 9);
    }
    expect(sawFailOpen).toBe(true);
  });

  it('recountBalancer rebuilds the counts after beliefs are written directly (a checker restart)', () => {
    const { evaluator, state, members, balancer } = setUp();
    evaluator.recount(state);
    const node0 = members[0]!;
    state.downCount[node0] = 1;
    evaluator.componentFlipped(node0, false, state);
    // Restart: every belief cleared, then two members believed again (one of them down).
    state.belief.fill(0);
    state.belief[members.indexOf(node0)] = 1;
    state.belief[5] = 1;
    state.believedCount[balancer] = 2;
    evaluator.recountBalancer(balancer, state);
    expect(evaluator.servedRps(state)).toBeCloseTo(RPS / 2, 9);
  });
});
