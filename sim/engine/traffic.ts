/**
 * The fluid traffic model: given which components are up and what each balancer believes, the rate
 * of requests served end to end. Rates are constant between events, so the caller integrates them
 * exactly. Two passes over the DAG: arrivals top-down (they set each instance's load against its
 * capacity), then success fractions bottom-up. Preallocated arrays; no allocation per call.
 * Imports only sim/engine/model.
 */
import { LbAlgorithmCode, NodeRole, type EngineModel } from './model';

/** The state the traffic model reads; owned and updated by the replication. */
export interface TrafficState {
  /** Per component: the number of reasons it is down (own failure, region, zone, common causes). */
  downCount: Int32Array;
  /** Per pair: 1 when the balancer believes the member healthy. */
  belief: Uint8Array;
  /** Per balancer node: how many of its pairs it believes healthy. */
  believedCount: Int32Array;
}

export class TrafficEvaluator {
  private readonly arrival: Float64Array;
  private readonly success: Float64Array;
  /** Fleets: success of what they forward downstream (product over their dependencies). */
  private readonly downstream: Float64Array;
  /** Per component (fleet instances): offered load and the fraction of it served locally. */
  private readonly load: Float64Array;
  private readonly ratio: Float64Array;
  /** Per pair: the fraction of its balancer's traffic sent to the member. */
  private readonly share: Float64Array;

  constructor(private readonly model: EngineModel) {
    this.arrival = new Float64Array(model.nodes.length);
    this.success = new Float64Array(model.nodes.length);
    this.downstream = new Float64Array(model.nodes.length);
    this.load = new Float64Array(model.components.length);
    this.ratio = new Float64Array(model.components.length);
    this.share = new Float64Array(model.pairs.length);
  }

  /** Requests per second served end to end. */
  servedRps(state: TrafficState): number {
    const { nodes, pairs } = this.model;
    const downCount = state.downCount;
    const { arrival, success, downstream, load, ratio, share } = this;
    arrival.fill(0);
    load.fill(0);

    // Top-down: what reaches each node and instance.
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]!;
      let forward = 0;
      switch (node.role) {
        case NodeRole.Clients:
          forward = node.requestsPerSecond;
          break;
        case NodeRole.Series:
          forward = downCount[node.component] === 0 ? arrival[n]! : 0;
          break;
        case NodeRole.Fleet: {
          // Traffic reaching a fleet without a balancer spreads over its up instances.
          const first = node.component;
          const last = first + node.instances;
          let up = 0;
          for (let c = first; c < last; c++) if (downCount[c] === 0) up++;
          const direct = up > 0 ? arrival[n]! / up : 0;
          for (let c = first; c < last; c++) {
            if (downCount[c] !== 0) {
              ratio[c] = 0;
              continue;
            }
            const l = load[c]! + direct;
            load[c] = l;
            const r = l > node.capacityRps ? node.capacityRps / l : 1;
            ratio[c] = r;
            forward += l * r;
          }
          break;
        }
        case NodeRole.Balancer: {
          if (downCount[node.component] !== 0) break;
          this.splitShares(n, state);
          const lambda = arrival[n]!;
          for (let p = node.pairStart; p < node.pairEnd; p++) {
            const s = share[p]!;
            if (s === 0) continue;
            const pair = pairs[p]!;
            if (pair.isInstance) load[pair.member] = load[pair.member]! + lambda * s;
            else arrival[pair.memberNode] = arrival[pair.memberNode]! + lambda * s;
          }
          continue; // a balancer forwards to its members, not to series children
        }
      }
      const children = node.children;
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        arrival[child] = arrival[child]! + forward;
      }
    }

    // Bottom-up: the fraction of a request entering each node that succeeds end to end.
    let served = 0;
    for (let n = nodes.length - 1; n >= 0; n--) {
      const node = nodes[n]!;
      let below = 1;
      if (node.role !== NodeRole.Balancer) {
        const children = node.children;
        for (let i = 0; i < children.length; i++) below *= success[children[i]!]!;
      }
      switch (node.role) {
        case NodeRole.Clients:
          served += node.requestsPerSecond * below;
          success[n] = below;
          break;
        case NodeRole.Series:
          success[n] = downCount[node.component] === 0 ? below : 0;
          break;
        case NodeRole.Fleet: {
          const first = node.component;
          const last = first + node.instances;
          let up = 0;
          let sum = 0;
          for (let c = first; c < last; c++) {
            if (downCount[c] === 0) {
              up++;
              sum += ratio[c]!;
            }
          }
          downstream[n] = below;
          success[n] = up > 0 ? (sum / up) * below : 0;
          break;
        }
        case NodeRole.Balancer: {
          if (downCount[node.component] !== 0) {
            success[n] = 0;
            break;
          }
          let ok = 0;
          for (let p = node.pairStart; p < node.pairEnd; p++) {
            const s = share[p]!;
            if (s === 0) continue;
            const pair = pairs[p]!;
            ok += s * (pair.isInstance ? ratio[pair.member]! * downstream[pair.memberNode]! : success[pair.memberNode]!);
          }
          success[n] = ok;
          break;
        }
      }
    }
    return served;
  }

  /**
   * PLAN-FORMAT meaning 9: round-robin and ip-hash give each believed-healthy member an equal share;
   * least-connections gives a dead-but-undetected member the same share (its requests fail) and
   * pools the rest over the live believed members in proportion to their capacity. With no member
   * believed healthy a balancer fails open: it treats every member as believed.
   */
  private splitShares(n: number, state: TrafficState): void {
    const node = this.model.nodes[n]!;
    const { pairs } = this.model;
    const { belief, believedCount, downCount } = state;
    const share = this.share;
    const failOpen = believedCount[n] === 0;
    let members = 0;
    for (let p = node.pairStart; p < node.pairEnd; p++) if (failOpen || belief[p] === 1) members++;
    if (members === 0) return;
    const equal = 1 / members;
    if (node.algorithm !== LbAlgorithmCode.LeastConnections) {
      for (let p = node.pairStart; p < node.pairEnd; p++) share[p] = failOpen || belief[p] === 1 ? equal : 0;
      return;
    }
    let live = 0;
    let liveCapacity = 0;
    let unlimited = false;
    for (let p = node.pairStart; p < node.pairEnd; p++) {
      if (!(failOpen || belief[p] === 1) || downCount[pairs[p]!.member] !== 0) continue;
      live++;
      const cap = this.memberCapacity(p);
      if (cap === Infinity) unlimited = true;
      else liveCapacity += cap;
    }
    const liveShare = live * equal;
    for (let p = node.pairStart; p < node.pairEnd; p++) {
      if (!(failOpen || belief[p] === 1)) share[p] = 0;
      else if (downCount[pairs[p]!.member] !== 0) share[p] = equal;
      else if (unlimited) share[p] = liveShare / live;
      else share[p] = (liveShare * this.memberCapacity(p)) / liveCapacity;
    }
  }

  private memberCapacity(p: number): number {
    const pair = this.model.pairs[p]!;
    return pair.isInstance ? this.model.nodes[pair.memberNode]!.capacityRps : Infinity;
  }
}
