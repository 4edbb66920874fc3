// The capacity-limited traffic pass, which works fleet by fleet from counts (a balancer's believed
// members, a fleet's up instances), against meaning 9 and the capacity rule worked out instance by
// instance: each believed instance gets an equal share of the balancer's traffic (a dead one fails
// it; with none believed, each registered one), the fleet's direct arrivals spread evenly over its
// up instances, and an up instance serves at most its capacity. Checked after every step of a fixed random walk over failures, repairs, beliefs,
// launches (slotEnd) and load levels (u), so a count that drifts or a share that is wrong is caught.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../sim/engine/model';
import { TrafficEvaluator, type TrafficState } from '../../../sim/engine/traffic';
import { plan, resolve, SOLID, trafficState } from './helpers';

const VIA_BALANCER = 300;
const DIRECT = 150;
const SWING = 0.5;
const CAPACITY = 70;
const INSTANCES = 8;

function setUp() {
  const model = compileModel(
    resolve(
      plan(
        [
          { id: 'users', kind: 'clients', requestsPerSecond: VIA_BALANCER, diurnalSwing: SWING },
          { id: 'partners', kind: 'clients', requestsPerSecond: DIRECT },
          { id: 'lb', kind: 'loadBalancer', algorithm: 'round-robin', reliability: SOLID },
          { id: 'gw', kind: 'gateway', instances: INSTANCES, capacityRpsPerInstance: CAPACITY, reliability: SOLID },
        ],
        [
          ['users', 'lb'],
          ['lb', 'gw'],
          ['partners', 'gw'],
        ],
      ),
    ),
    1,
  );
  expect(model.capacityLimited).toBe(true);
  const balancer = model.nodes.findIndex((x) => x.id === 'lb');
  const fleet = model.nodes.findIndex((x) => x.id === 'gw');
  const first = model.nodes[fleet]!.component;
  const pairStart = model.nodes[balancer]!.pairStart;
  const state = trafficState(model, CAPACITY);
  return { model, evaluator: new TrafficEvaluator(model), state, balancer, fleet, first, pairStart };
}

/** Instance by instance: each slot's offered load and what the whole design serves, at u. */
function byHand(state: TrafficState, fleet: number, first: number, pairStart: number, u: number): { loads: number[]; slopes: number[]; upLoads: number[]; offered: number; served: number } {
  const active = Array.from({ length: state.slotEnd[fleet]! }, (_, k) => k);
  // Meaning 9: with no member believed healthy the balancer fails open over the registered ones.
  const believedNow = active.filter((k) => state.belief[pairStart + k] === 1);
  const believed = believedNow.length > 0 ? believedNow : active.filter((k) => state.registered[first + k] === 1);
  const up = active.filter((k) => state.downCount[first + k] === 0);
  const share = believed.length > 0 ? (VIA_BALANCER * (1 + SWING * u)) / believed.length : 0;
  const direct = up.length > 0 ? DIRECT / up.length : 0;
  const loads = active.map((k) => (believed.includes(k) ? share : 0) + (up.includes(k) ? direct : 0));
  // An up instance serves its load up to its capacity; a dead one serves nothing.
  const served = up.reduce((sum, k) => sum + Math.min(loads[k]!, CAPACITY), 0);
  // Only the balancer's share swings (the partners' load is flat): d(share)/du = rps · swing / believed.
  const slopes = active.map((k) => (believed.includes(k) ? (VIA_BALANCER * SWING) / believed.length : 0));
  const upLoads = [...new Set(up.map((k) => loads[k]!))].sort((a, b) => a - b);
  // Offered to the fleet: every believed instance's share (a dead one's too) and all direct arrivals.
  return { loads, slopes, upLoads, offered: believed.length * share + DIRECT, served };
}

describe('capacity-limited traffic, fleet by fleet', () => {
  it('serves and loads each instance as worked out instance by instance, after every change', () => {
    const { model, evaluator, state, balancer, fleet, first, pairStart } = setUp();
    expect(evaluator.grouped).toBe(true);
    evaluator.recount(state);
    let x = 2024;
    const next = (k: number): number => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return (x >>> 16) % k;
    };
    let sawSaturated = false;
    let sawUnsaturated = false;
    let sawFailOpen = false;
    for (let step = 0; step < 3000; step++) {
      // Only launched slots (below slotEnd) fail, come back or change belief: idle ones stay down.
      const k = next(state.slotEnd[fleet]!);
      const c = first + k;
      const p = pairStart + k;
      const move = next(4);
      if (move === 0) {
        const up = state.downCount[c] !== 0;
        state.downCount[c] = up ? 0 : 1;
        evaluator.componentFlipped(c, up, state);
      } else if (move === 1) {
        const value = state.belief[p] === 1 ? 0 : 1;
        state.belief[p] = value;
        evaluator.beliefChanged(p, value, state);
        state.believedCount[balancer] = state.believedCount[balancer]! + (value === 1 ? 1 : -1);
      } else if (move === 2) {
        // A launch or a scale-in moves slotEnd; slots past it are down and not believed.
        const end = 3 + next(INSTANCES - 2);
        for (let s = 0; s < INSTANCES; s++) {
          const idle = s >= end;
          const wasDown = state.downCount[first + s] !== 0;
          if (idle && state.belief[pairStart + s] === 1) {
            state.belief[pairStart + s] = 0;
            evaluator.beliefChanged(pairStart + s, 0, state);
            state.believedCount[balancer]!--;
          }
          if (idle && !wasDown) {
            state.downCount[first + s] = 1;
            evaluator.componentFlipped(first + s, false, state);
          }
        }
        state.slotEnd[fleet] = end;
        // Launched slots are registered with the balancer; idle ones are not.
        for (let s = 0; s < INSTANCES; s++) state.registered[first + s] = s < end ? 1 : 0;
        state.registeredCount[fleet] = end;
      }
      const u = next(201) / 100 - 1;
      const served = evaluator.servedRps(state, u);
      const hand = byHand(state, fleet, first, pairStart, u);
      expect(served).toBeCloseTo(hand.served, 9);
      hand.loads.forEach((load, s) => expect(evaluator.componentLoad(first + s, state)).toBeCloseTo(load, 9));
      hand.slopes.forEach((slope, s) => expect(evaluator.componentLoadSlope(first + s, state)).toBeCloseTo(slope, 9));
      expect(evaluator.fleetLoad[fleet]).toBeCloseTo(hand.offered, 9);
      const loads = new Float64Array(INSTANCES);
      const count = evaluator.upInstanceLoads(fleet, loads, new Float64Array(INSTANCES));
      const distinct = [...new Set(Array.from(loads.slice(0, count), (l) => l.toFixed(9)))].sort((a, b) => Number(a) - Number(b));
      expect(distinct).toEqual(hand.upLoads.map((l) => l.toFixed(9)));
      if (evaluator.saturated) sawSaturated = true;
      else sawUnsaturated = true;
      if (state.believedCount[balancer] === 0) sawFailOpen = true;
    }
    expect(model.nodes[balancer]!.pairEnd - pairStart).toBe(INSTANCES);
    expect(sawSaturated && sawUnsaturated && sawFailOpen).toBe(true);
  });
});
