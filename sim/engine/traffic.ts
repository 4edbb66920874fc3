/**
 * The fluid traffic model: given which components are up and what each balancer believes, the rate
 * of requests served end to end. Rates are constant between events, so the caller integrates them
 * exactly. Two passes over the DAG: arrivals top-down (they set each instance's load against its
 * capacity), then success fractions bottom-up. Preallocated arrays; no allocation per call.
 * Imports only sim/engine/model.
 */
import { LbAlgorithmCode, NodeRole, type EngineModel } from './model';

const CLIENTS: number = NodeRole.Clients;
const SERIES: number = NodeRole.Series;
const FLEET: number = NodeRole.Fleet;
const BALANCER: number = NodeRole.Balancer;
const DNS: number = NodeRole.Dns;
const DATASTORE: number = NodeRole.Datastore;
const LEAST_CONNECTIONS: number = LbAlgorithmCode.LeastConnections;

/** The state the traffic model reads; owned and updated by the replication. */
export interface TrafficState {
  /** Per component: the number of reasons it is down (own failure, region, zone, common causes). */
  downCount: Int32Array;
  /** Per pair: 1 when the balancer believes the member healthy. */
  belief: Uint8Array;
  /** Per balancer node: how many of its pairs it believes healthy. */
  believedCount: Int32Array;
  /** Per DNS record: the share of each origin's clients on each target, [origin · targets + target]. */
  dnsShares: Float64Array[];
  /** Per node: 1 while a datastore's dataset serves requests sent to it (sim/engine/data). */
  dataUp: Uint8Array;
  /** Per component: 1 while registered with its balancer; an autoscaling slot is not until it is
   * launched (and again after scale-in), so a failing-open balancer never sends traffic to it. */
  registered: Uint8Array;
  /** Per node: one past its highest active instance slot (the scaling controller's); the slots
   * above it are idle, so the pass skips them. */
  slotEnd: Int32Array;
  /** Per node: how many of its slots are registered (a failing-open balancer sends to each). */
  registeredCount: Int32Array;
  /** Per component: requests per second it can serve now (Infinity: unlimited). Autoscaled slots
   * and serverless warm concurrency change it; the evaluator only reads it. */
  capacity: Float64Array;
}

const evaluators = new WeakMap<EngineModel, TrafficEvaluator>();

/**
 * The model's evaluator, made once: its structure depends only on the model, and everything else
 * in it is rewritten by each pass or rebuilt by `recount`, which each replication calls first.
 * Replications of one thread run one at a time, so they can share it.
 */
export function evaluatorFor(model: EngineModel): TrafficEvaluator {
  let evaluator = evaluators.get(model);
  if (!evaluator) {
    evaluator = new TrafficEvaluator(model);
    evaluators.set(model, evaluator);
  }
  return evaluator;
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
  /**
   * Per balancer n: the pairs in use, in order, at livePairs[pairStart[n] .. liveEnd[n]) (made by
   * splitShares). Only they carry a share, so the other loops over a balancer's members visit them alone.
   */
  private readonly livePairs: Int32Array;
  private readonly liveEnd: Int32Array;
  /** Per pair: the member's instance index (−1 for a whole node), and one past its fleet's pairs. */
  private readonly pairInstance: Int32Array;
  private readonly pairGroupEnd: Int32Array;
  /** The fleet nodes (their instance slots carry load). */
  private readonly fleetNodes: Int32Array;
  // The hot path reads the DAG as flat typed arrays (struct of arrays): about twice as fast as
  // walking the node objects, and this runs once per state change.
  private readonly role: Uint8Array;
  private readonly component: Int32Array;
  /** Per fleet node: requests per second offered to it (all instances, dead ones included). */
  readonly fleetLoad: Float64Array;
  private readonly rps: Float64Array;
  /** Per clients node: its diurnal swing (the load is rps · (1 + swing · u), u = sin ωt). */
  private readonly swing: Float64Array;
  /**
   * After a pass: the lost rate as A + B·u, with A = Σ rps · (1 − success) and B = Σ rps · swing ·
   * (1 − success) over the clients (exact at the u of the pass).
   */
  lostA = 0;
  lostB = 0;
  /**
   * After a capacity-limited pass: how each arrival, instance load and fleet load grows with u
   * (∂/∂u, exact while no instance crosses its capacity), and whether some instance is saturated
   * (then the lost rate itself depends on u).
   */
  private readonly dArrival: Float64Array;
  readonly dLoad: Float64Array;
  readonly dFleetLoad: Float64Array;
  saturated = false;
  private readonly childStart: Int32Array;
  private readonly childList: Int32Array;
  private readonly pairStart: Int32Array;
  private readonly pairEnd: Int32Array;
  private readonly pairMember: Int32Array;
  private readonly pairMemberNode: Int32Array;
  private readonly pairIsInstance: Uint8Array;
  private readonly capacityLimited: boolean;
  private readonly dnsIndex: Int32Array;
  /** Clients node i sends originRps[k] requests per second from origin originIndex[k], k in [originStart[i], originStart[i + 1]). */
  private readonly originStart: Int32Array;
  private readonly originIndex: Int32Array;
  private readonly originRps: Float64Array;
  /** The clients nodes, in order (per-origin accounting visits only them). */
  private readonly clientsNodes: Int32Array;
  /**
   * Per DNS record and origin, [record · origins + origin]: the success of a request from that
   * origin entering the record, as the last pass found it (per-origin accounting reads it back).
   */
  private readonly dnsOriginOk: Float64Array;
  private readonly originCount: number;
  private readonly algorithm: Uint8Array;
  /**
   * Counts kept up to date event by event (see componentFlipped, beliefChanged, recount) so that,
   * without capacity figures, a fleet and its balancer are evaluated in time independent of the
   * fleet's size: per fleet node its up instances; per balancer entry (a block of one fleet's
   * instance pairs, or one whole-node pair) the believed-healthy members that are up.
   */
  private readonly incremental: boolean;
  private readonly fleetUp: Int32Array;
  /** Per balancer n: its entries entryStart[n] .. entryStart[n + 1]. */
  private readonly entryStart: Int32Array;
  /** Per entry: its first pair, whether it is a block of instance pairs, and (blocks) its believed-and-up count. */
  private readonly entryPair: Int32Array;
  private readonly entryIsBlock: Uint8Array;
  private readonly entryBelievedUp: Int32Array;
  /** Per pair: its entry when it belongs to a block of instance pairs, else −1. */
  private readonly blockOfPair: Int32Array;
  /** Per balancer: 1 when its shares are equal among believed members (the counts give its success). */
  private readonly countable: Uint8Array;
  /** Per entry (blocks): its believed members, up or down (each takes an equal share of the balancer's traffic). */
  private readonly entryBelieved: Int32Array;
  /**
   * With capacity figures, whether the pass can work fleet by fleet instead of instance by
   * instance (see servedGrouped): every balancer splits equally (not least-connections) and every
   * fleet's instances sit behind at most one balancer. Then the up instances of a fleet carry one
   * of two loads — with or without their balancer's share — and counts say how many carry which.
   */
  readonly grouped: boolean;
  /** The balancers (the grouped pass checks that none is failing open). */
  private readonly balancerNodes: Int32Array;
  /** Per fleet node: its block of instance pairs (an entry), or −1 without a balancer. */
  private readonly blockOfFleet: Int32Array;
  /** Per component: its node, and the pair of the block observing it (−1: none). */
  private readonly componentNode: Int32Array;
  private readonly blockPairOf: Int32Array;
  /**
   * After a grouped pass, per fleet node: the balancer's share each believed instance gets
   * (shareLoad) and the load of an up instance with it (believedLoad) and without it (plainLoad),
   * each with its slope in u, and the fraction each serves. Per-instance figures are read from these.
   */
  private readonly shareLoad: Float64Array;
  private readonly shareSlope: Float64Array;
  private readonly believedLoad: Float64Array;
  private readonly believedSlope: Float64Array;
  private readonly plainLoad: Float64Array;
  private readonly plainSlope: Float64Array;
  private readonly believedRatio: Float64Array;
  private readonly plainRatio: Float64Array;
  /** Whether the bottom-up pass may leave nodes no traffic reached as they were (no deep checks). */
  private readonly skipUnreached: boolean;
  /** Per fleet node: the balancer of its block (−1: none). */
  private readonly balancerOfFleet: Int32Array;
  /** Per balancer, during and after a grouped pass: 1 while it fails open (believes no member). */
  private readonly failingOpen: Uint8Array;
  /** Per balancer, after a grouped pass: the members its traffic is split over (believed, or registered when failing open). */
  private readonly members: Int32Array;
  /** Whether the last pass was grouped (per-instance arrays were then not written). */
  private lastGrouped = false;

  constructor(private readonly model: EngineModel) {
    const { nodes, pairs, components } = model;
    const n = nodes.length;
    this.arrival = new Float64Array(n);
    this.success = new Float64Array(n);
    this.downstream = new Float64Array(n);
    this.load = new Float64Array(components.length);
    this.ratio = new Float64Array(components.length);
    this.share = new Float64Array(pairs.length);
    this.livePairs = new Int32Array(pairs.length);
    this.liveEnd = new Int32Array(n);
    this.pairInstance = Int32Array.from(pairs, (p) => (p.isInstance ? components[p.member]!.instance : -1));
    this.pairGroupEnd = new Int32Array(pairs.length);
    this.fleetNodes = Int32Array.from(nodes.flatMap((x, i) => (x.role === FLEET ? [i] : [])));
    for (let p = pairs.length - 1; p >= 0; p--) {
      const sameGroup = p + 1 < pairs.length && pairs[p + 1]!.isInstance && pairs[p]!.isInstance && pairs[p + 1]!.memberNode === pairs[p]!.memberNode && pairs[p + 1]!.balancer === pairs[p]!.balancer;
      this.pairGroupEnd[p] = sameGroup ? this.pairGroupEnd[p + 1]! : p + 1;
    }
    this.role = Uint8Array.from(nodes, (x) => x.role);
    this.component = Int32Array.from(nodes, (x) => x.component);
    this.fleetLoad = new Float64Array(n);
    this.dArrival = new Float64Array(n);
    this.dLoad = new Float64Array(components.length);
    this.dFleetLoad = new Float64Array(n);
    this.rps = Float64Array.from(nodes, (x) => x.requestsPerSecond);
    this.swing = Float64Array.from(nodes, (x) => x.diurnalSwing);
    this.pairStart = Int32Array.from(nodes, (x) => x.pairStart);
    this.pairEnd = Int32Array.from(nodes, (x) => x.pairEnd);
    this.childStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.childStart[i + 1] = this.childStart[i]! + nodes[i]!.children.length;
    this.childList = new Int32Array(this.childStart[n]!);
    for (let i = 0; i < n; i++) this.childList.set(nodes[i]!.children, this.childStart[i]!);
    this.pairMember = Int32Array.from(pairs, (p) => p.member);
    this.pairMemberNode = Int32Array.from(pairs, (p) => p.memberNode);
    this.pairIsInstance = Uint8Array.from(pairs, (p) => (p.isInstance ? 1 : 0));
    this.capacityLimited = model.capacityLimited;
    this.algorithm = Uint8Array.from(nodes, (x) => x.algorithm);
    this.dnsIndex = Int32Array.from(nodes, (x) => x.dns);
    const origins = model.clientOrigins;
    this.originStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.originStart[i + 1] = this.originStart[i]! + origins[i]!.length;
    this.originIndex = Int32Array.from(origins.flat(), ([o]) => o);
    this.originRps = Float64Array.from(origins.flat(), ([, rps]) => rps);
    this.clientsNodes = Int32Array.from(nodes.flatMap((x, i) => (x.role === CLIENTS ? [i] : [])));
    this.originCount = model.origins.length;
    this.dnsOriginOk = new Float64Array(model.dns.length * this.originCount);

    const balancers = nodes.flatMap((x, i) => (x.role === BALANCER && x.pairEnd > x.pairStart ? [i] : []));
    this.balancerNodes = Int32Array.from(balancers);
    this.blockOfFleet = new Int32Array(n).fill(-1);
    this.componentNode = Int32Array.from(components, (c) => c.node);
    this.blockPairOf = new Int32Array(components.length).fill(-1);
    this.shareLoad = new Float64Array(n);
    this.shareSlope = new Float64Array(n);
    this.believedLoad = new Float64Array(n);
    this.believedSlope = new Float64Array(n);
    this.plainLoad = new Float64Array(n);
    this.plainSlope = new Float64Array(n);
    this.believedRatio = new Float64Array(n);
    this.plainRatio = new Float64Array(n);
    const blocksPerFleet = new Int32Array(n);
    for (let p = 0; p < pairs.length; p++) {
      if (!pairs[p]!.isInstance) continue;
      this.blockPairOf[pairs[p]!.member] = p;
      if (p === 0 || !(pairs[p - 1]!.isInstance && pairs[p - 1]!.memberNode === pairs[p]!.memberNode && pairs[p - 1]!.balancer === pairs[p]!.balancer)) blocksPerFleet[pairs[p]!.memberNode]!++;
    }
    this.grouped =
      model.capacityLimited && balancers.every((b) => this.algorithm[b] !== LEAST_CONNECTIONS) && nodes.every((x, i) => x.role !== FLEET || blocksPerFleet[i]! <= 1);
    this.incremental = !model.capacityLimited || this.grouped;
    this.skipUnreached = !pairs.some((p) => p.deep) && !model.dnsChecks.some((c) => c.deep);
    this.fleetUp = new Int32Array(n);
    this.blockOfPair = new Int32Array(pairs.length).fill(-1);
    this.entryStart = new Int32Array(n + 1);
    const entryPair: number[] = [];
    const entryIsBlock: number[] = [];
    this.countable = new Uint8Array(n);
    for (let b = 0; b < n; b++) {
      this.entryStart[b] = entryPair.length;
      for (let p = this.pairStart[b]!; p < this.pairEnd[b]!; p = this.pairIsInstance[p] === 1 ? this.pairGroupEnd[p]! : p + 1) {
        const e = entryPair.length;
        entryPair.push(p);
        entryIsBlock.push(this.pairIsInstance[p]!);
        if (this.pairIsInstance[p] === 1) for (let q = p; q < this.pairGroupEnd[p]!; q++) this.blockOfPair[q] = e;
      }
      // Least connections weighs up members by capacity; with one entry (or no capacity figures on any
      // member, as here) the weights cancel, so its success is the equal split's.
      this.countable[b] = this.algorithm[b] !== LEAST_CONNECTIONS || entryPair.length - this.entryStart[b]! <= 1 ? 1 : 0;
    }
    this.entryStart[n] = entryPair.length;
    this.entryPair = Int32Array.from(entryPair);
    this.entryIsBlock = Uint8Array.from(entryIsBlock);
    this.entryBelievedUp = new Int32Array(entryPair.length);
    this.entryBelieved = new Int32Array(entryPair.length);
    this.balancerOfFleet = new Int32Array(n).fill(-1);
    this.failingOpen = new Uint8Array(n);
    this.members = new Int32Array(n);
    for (let e = 0; e < entryPair.length; e++) {
      if (this.entryIsBlock[e] !== 1) continue;
      const fleet = this.pairMemberNode[entryPair[e]!]!;
      this.blockOfFleet[fleet] = e;
      this.balancerOfFleet[fleet] = pairs[entryPair[e]!]!.balancer;
    }
  }

  /**
   * Rebuilds every count from the state (at the start of a replication, after direct writes to
   * downCount or belief), and forgets the loads of the replication before (an evaluator serves
   * one replication after another: see evaluatorFor).
   */
  recount(state: TrafficState): void {
    this.load.fill(0);
    this.dLoad.fill(0);
    if (!this.incremental) return;
    const { role, component, fleetUp } = this;
    for (let i = 0; i < role.length; i++) {
      if (role[i] !== FLEET) continue;
      let up = 0;
      const first = component[i]!;
      for (let c = first; c < first + this.model.nodes[i]!.instances; c++) if (state.downCount[c] === 0) up++;
      fleetUp[i] = up;
    }
    for (let b = 0; b < role.length; b++) if (role[b] === BALANCER) this.recountBalancer(b, state);
  }

  /** Rebuilds one balancer's believed-and-up counts (after its checker restarted). */
  recountBalancer(b: number, state: TrafficState): void {
    if (!this.incremental) return;
    for (let e = this.entryStart[b]!; e < this.entryStart[b + 1]!; e++) {
      this.entryBelievedUp[e] = 0;
      this.entryBelieved[e] = 0;
    }
    for (let p = this.pairStart[b]!; p < this.pairEnd[b]!; p++) {
      const e = this.blockOfPair[p]!;
      if (e < 0 || state.belief[p] !== 1) continue;
      this.entryBelieved[e]!++;
      if (state.downCount[this.pairMember[p]!] === 0) this.entryBelievedUp[e]!++;
    }
  }

  /** Component c came up or went down (its downCount crossed zero): its fleet's count and the blocks of the pairs observing it. */
  componentFlipped(c: number, up: boolean, state: TrafficState): void {
    if (!this.incremental) return;
    const delta = up ? 1 : -1;
    const node = this.model.components[c]!.node;
    if (this.role[node] === FLEET) this.fleetUp[node] = this.fleetUp[node]! + delta;
    const { observerStart, observerList } = this.model;
    for (let i = observerStart[c]!; i < observerStart[c + 1]!; i++) {
      const p = observerList[i]!;
      const e = this.blockOfPair[p]!;
      if (e >= 0 && state.belief[p] === 1) this.entryBelievedUp[e] = this.entryBelievedUp[e]! + delta;
    }
  }

  /** Pair p's belief has just been set to `value` (it was the other value). */
  beliefChanged(p: number, value: number, state: TrafficState): void {
    if (!this.incremental) return;
    const e = this.blockOfPair[p]!;
    if (e < 0) return;
    const delta = value === 1 ? 1 : -1;
    this.entryBelieved[e] = this.entryBelieved[e]! + delta;
    if (state.downCount[this.pairMember[p]!] === 0) this.entryBelievedUp[e] = this.entryBelievedUp[e]! + delta;
  }

  /**
   * A balancer's success from the counts: each believed member gets an equal share, a block of
   * instance pairs serves through its up members, a whole-node member through its own success.
   * Only while some member is believed (failing open reads `registered`, pair by pair).
   */
  private countedBalancerSuccess(b: number, state: TrafficState): number {
    const equal = 1 / state.believedCount[b]!;
    let ok = 0;
    for (let e = this.entryStart[b]!; e < this.entryStart[b + 1]!; e++) {
      const p = this.entryPair[e]!;
      if (this.entryIsBlock[e] === 1) {
        const up = this.entryBelievedUp[e]!;
        if (up > 0) ok += up * (equal * this.downstream[this.pairMemberNode[p]!]!);
      } else if (state.belief[p] === 1) ok += equal * this.success[this.pairMemberNode[p]!]!;
    }
    return ok;
  }

  /** A balancer's success after a grouped pass: its believed instances of a fleet serve alike. */
  private groupedBalancerSuccess(b: number, state: TrafficState): number {
    const members = this.members[b]!;
    if (members === 0) return 0; // nothing in use: every request to this balancer fails
    const equal = 1 / members;
    const open = this.failingOpen[b] === 1;
    let ok = 0;
    for (let e = this.entryStart[b]!; e < this.entryStart[b + 1]!; e++) {
      const p = this.entryPair[e]!;
      const member = this.pairMemberNode[p]!;
      if (this.entryIsBlock[e] === 1) {
        const up = this.sharingUp(member);
        if (up > 0) ok += up * (equal * (this.believedRatio[member]! * this.downstream[member]!));
      } else if ((open ? state.registered[this.pairMember[p]!]! : state.belief[p]!) === 1) ok += equal * this.success[member]!;
    }
    return ok;
  }

  /** PLAN-FORMAT meaning 8: what a record forwards, origin by origin, to each target. */
  private forwardDns(i: number, state: TrafficState): void {
    if (state.downCount[this.component[i]!] !== 0) return;
    const d = this.dnsIndex[i]!;
    const def = this.model.dns[d]!;
    const shares = state.dnsShares[d]!;
    const targets = def.targetNodes;
    const count = targets.length;
    const lambda = this.arrival[i]!;
    const dLambda = this.dArrival[i]!;
    for (let o = 0; o < def.originWeight.length; o++) {
      const a = lambda * def.originWeight[o]!;
      if (a === 0) continue;
      const da = dLambda * def.originWeight[o]!;
      for (let k = 0; k < count; k++) {
        const s = shares[o * count + k]!;
        if (s === 0) continue;
        this.arrival[targets[k]!] = this.arrival[targets[k]!]! + a * s;
        this.dArrival[targets[k]!] = this.dArrival[targets[k]!]! + da * s;
      }
    }
  }

  /** Success of a request from `origin` entering record i: the clients' cached shares times each target's success. */
  private dnsOriginSuccess(i: number, origin: number, state: TrafficState): number {
    if (state.downCount[this.component[i]!] !== 0) return 0;
    const d = this.dnsIndex[i]!;
    const targets = this.model.dns[d]!.targetNodes;
    const shares = state.dnsShares[d]!;
    let ok = 0;
    for (let k = 0; k < targets.length; k++) {
      const s = shares[origin * targets.length + k]!;
      if (s !== 0) ok += s * this.success[targets[k]!]!;
    }
    return ok;
  }

  private dnsSuccess(i: number, state: TrafficState): number {
    const d = this.dnsIndex[i]!;
    const weights = this.model.dns[d]!.originWeight;
    const stride = this.originCount;
    let ok = 0;
    for (let o = 0; o < weights.length; o++) {
      const originOk = this.dnsOriginSuccess(i, o, state);
      this.dnsOriginOk[d * stride + o] = originOk;
      if (weights[o]! > 0) ok += weights[o]! * originOk;
    }
    return ok;
  }

  /**
   * Whether the last pass found traffic reaching the node (for a fleet, offered to any of its
   * instances). Without capacity figures a pass does not follow arrivals: then always true.
   */
  reaches(node: number): boolean {
    if (!this.capacityLimited) return true;
    if (this.role[node] === FLEET) return this.fleetLoad[node] !== 0 || this.dFleetLoad[node] !== 0;
    return this.arrival[node] !== 0 || this.dArrival[node] !== 0;
  }

  /** Whether the node's whole downstream path can serve anything (what a deep check observes). */
  pathServes(node: number): boolean {
    return this.success[node]! > 0;
  }

  /** Whether what a fleet forwards downstream can be served (a deep check of one of its instances). */
  downstreamServes(fleetNode: number): boolean {
    return this.downstream[fleetNode]! > 0;
  }

  /**
   * Requests per second served for each client origin, from the pass `servedRps` just made. Only
   * records reached straight from clients tell origins apart; elsewhere every origin fares alike.
   */
  servedByOrigin(out: Float64Array): void {
    for (let o = 0; o < out.length; o++) out[o] = 0;
    const { role, childStart, childList, success, originStart, originIndex, originRps, clientsNodes, dnsIndex, dnsOriginOk, originCount } = this;
    for (let n = 0; n < clientsNodes.length; n++) {
      const i = clientsNodes[n]!;
      const child = childStart[i + 1]! > childStart[i]! ? childList[childStart[i]!]! : -1;
      for (let k = originStart[i]!; k < originStart[i + 1]!; k++) {
        const o = originIndex[k]!;
        const ok = child < 0 ? 1 : role[child] === DNS ? dnsOriginOk[dnsIndex[child]! * originCount + o]! : success[child]!;
        out[o] = out[o]! + originRps[k]! * ok;
      }
    }
  }

  /**
   * Requests per second served end to end when u = sin ωt (each clients node offers rps · (1 + swing · u));
   * also sets lostA and lostB.
   */
  servedRps(state: TrafficState, u = 0): number {
    // Without capacity figures arrivals do not matter: each client's success is the same at any load.
    if (!this.capacityLimited) return this.servedUnlimited(state, u);
    this.lastGrouped = this.grouped;
    if (this.lastGrouped) return this.servedGrouped(state, u);
    return this.servedByInstance(state, u);
  }

  /**
   * servedRps instance by instance (least connections, a balancer failing open, a fleet behind
   * two balancers). Its own method, so the common passes stay small for the optimizing compiler.
   */
  private servedByInstance(state: TrafficState, u: number): number {
    const downCount = state.downCount;
    const capacity = state.capacity;
    const slotEnd = state.slotEnd;
    const { livePairs, liveEnd } = this;
    const { arrival, load, ratio, share, role, component, fleetLoad, dArrival, dLoad, dFleetLoad } = this;
    const { pairStart, pairMember, pairMemberNode, pairIsInstance } = this;
    const n = role.length;
    this.clearArrivals();
    // Only launched slots take load (the others are idle until a launch, which widens slotEnd
    // before the next pass).
    const fleets = this.fleetNodes;
    for (let k = 0; k < fleets.length; k++) {
      const first = component[fleets[k]!]!;
      for (let c = first; c < first + slotEnd[fleets[k]!]!; c++) {
        load[c] = 0;
        dLoad[c] = 0;
      }
    }
    let saturated = false;

    // Top-down: what reaches each node and instance.
    for (let i = 0; i < n; i++) {
      const r = role[i]!;
      if (r === FLEET) {
        let forward = 0;
        let dForward = 0;
        // Traffic reaching a fleet without a balancer spreads over its up instances.
        const first = component[i]!;
        const last = first + slotEnd[i]!;
        let up = 0;
        let offered = 0;
        let dOffered = 0;
        for (let c = first; c < last; c++) {
          offered += load[c]!;
          dOffered += dLoad[c]!;
          if (downCount[c] === 0) up++;
        }
        const direct = up > 0 ? arrival[i]! / up : 0;
        const dDirect = up > 0 ? dArrival[i]! / up : 0;
        fleetLoad[i] = offered + arrival[i]!;
        dFleetLoad[i] = dOffered + dArrival[i]!;
        for (let c = first; c < last; c++) {
          if (downCount[c] !== 0) {
            ratio[c] = 0;
            continue;
          }
          const l = load[c]! + direct;
          load[c] = l;
          dLoad[c] = dLoad[c]! + dDirect;
          const cap = capacity[c]!;
          const q = l > cap ? cap / l : 1;
          ratio[c] = q;
          forward += l * q;
          if (l > cap) saturated = true;
          else dForward += dLoad[c]!;
        }
        this.forwardToChildren(i, forward, dForward);
      } else if (r === BALANCER) {
        if (downCount[component[i]!] === 0) {
          this.splitShares(i, state);
          const lambda = arrival[i]!;
          const dLambda = dArrival[i]!;
          for (let q = pairStart[i]!; q < liveEnd[i]!; q++) {
            const p = livePairs[q]!;
            const s = share[p]!;
            if (s === 0) continue;
            if (pairIsInstance[p] === 1) {
              load[pairMember[p]!] = load[pairMember[p]!]! + lambda * s;
              dLoad[pairMember[p]!] = dLoad[pairMember[p]!]! + dLambda * s;
            } else {
              arrival[pairMemberNode[p]!] = arrival[pairMemberNode[p]!]! + lambda * s;
              dArrival[pairMemberNode[p]!] = dArrival[pairMemberNode[p]!]! + dLambda * s;
            }
          }
        }
      } else this.forwardPlain(i, r, state, u);
    }
    this.saturated = saturated;

    return this.bottomUp(state, u, true);
  }

  /** Every node's arrivals and their slopes back to 0 before a top-down pass (loops, not fill(): small arrays, every event). */
  private clearArrivals(): void {
    const { arrival, dArrival } = this;
    for (let k = 0; k < arrival.length; k++) {
      arrival[k] = 0;
      dArrival[k] = 0;
    }
  }

  /**
   * Top-down for a clients, series, datastore or DNS node (the same in every pass): what it
   * forwards reaches its children; a record forwards by its answers, not to every target.
   */
  private forwardPlain(i: number, r: number, state: TrafficState, u: number): void {
    if (r === DNS) {
      this.forwardDns(i, state);
      return;
    }
    let forward = 0;
    let dForward = 0;
    if (r === CLIENTS) {
      forward = this.rps[i]! * (1 + this.swing[i]! * u);
      dForward = this.rps[i]! * this.swing[i]!;
    } else if (r === SERIES ? state.downCount[this.component[i]!] === 0 : state.dataUp[i] === 1) {
      forward = this.arrival[i]!;
      dForward = this.dArrival[i]!;
    }
    this.forwardToChildren(i, forward, dForward);
  }

  /** Adds what node i forwards to each of its children's arrivals. */
  private forwardToChildren(i: number, forward: number, dForward: number): void {
    // Nothing reaches this node (a standby region, say): its children get nothing from it.
    if (forward === 0 && dForward === 0) return;
    const { arrival, dArrival, childStart, childList } = this;
    for (let k = childStart[i]!; k < childStart[i + 1]!; k++) {
      const child = childList[k]!;
      arrival[child] = arrival[child]! + forward;
      dArrival[child] = dArrival[child]! + dForward;
    }
  }

  /**
   * Balancer b's members for a grouped pass: those it believes healthy, or every registered one
   * while it believes none (failing open, meaning 9). Sets failingOpen[b] and members[b].
   */
  private countMembers(b: number, state: TrafficState): number {
    const open = state.believedCount[b] === 0;
    this.failingOpen[b] = open ? 1 : 0;
    let members = state.believedCount[b]!;
    if (open) {
      for (let e = this.entryStart[b]!; e < this.entryStart[b + 1]!; e++) {
        const p = this.entryPair[e]!;
        members += this.entryIsBlock[e] === 1 ? state.registeredCount[this.pairMemberNode[p]!]! : state.registered[this.pairMember[p]!]!;
      }
    }
    this.members[b] = members;
    return members;
  }

  /** How many up instances of fleet `node` take a share of its balancer's traffic (believed, or registered while it fails open). */
  private sharingUp(node: number): number {
    const e = this.blockOfFleet[node]!;
    if (e < 0) return 0;
    // Only a launched (registered) slot can be up.
    return this.failingOpen[this.balancerOfFleet[node]!] === 1 ? this.fleetUp[node]! : this.entryBelievedUp[e]!;
  }

  /** How many instances of fleet `node`, up or down, take a share of its balancer's traffic. */
  private sharing(node: number, state: TrafficState): number {
    const e = this.blockOfFleet[node]!;
    if (e < 0) return 0;
    return this.failingOpen[this.balancerOfFleet[node]!] === 1 ? state.registeredCount[node]! : this.entryBelieved[e]!;
  }

  /**
   * servedRps fleet by fleet (when `grouped`): a balancer gives each believed member an equal
   * share (each registered one while it fails open), so every such instance of a fleet gets the
   * same share of its balancer's traffic, and the fleet's direct arrivals spread evenly over its up
   * instances. An up instance therefore carries one of two loads, and the counts kept event by
   * event (fleetUp, entryBelievedUp, entryBelieved; the controller's registered counts) say how
   * many carry which: the cost does not grow with the fleet's size. Per-instance figures are
   * derived on demand (componentLoad).
   */
  private servedGrouped(state: TrafficState, u: number): number {
    const { downCount, capacity } = state;
    const { arrival, dArrival, role, component, fleetLoad, dFleetLoad, shareLoad, shareSlope } = this;
    const n = role.length;
    this.clearArrivals();
    const fleets = this.fleetNodes;
    for (let k = 0; k < fleets.length; k++) {
      shareLoad[fleets[k]!] = 0;
      shareSlope[fleets[k]!] = 0;
    }
    let saturated = false;
    for (let i = 0; i < n; i++) {
      const r = role[i]!;
      if (r === FLEET) {
        let forward = 0;
        let dForward = 0;
        const up = this.fleetUp[i]!;
        const believedUp = this.sharingUp(i);
        const plainUp = up - believedUp;
        const share = shareLoad[i]!;
        const dShare = shareSlope[i]!;
        const direct = up > 0 ? arrival[i]! / up : 0;
        const dDirect = up > 0 ? dArrival[i]! / up : 0;
        // Offered: every sharing instance's share (dead ones included) and the direct arrivals.
        const believed = this.sharing(i, state);
        fleetLoad[i] = believed * share + arrival[i]!;
        dFleetLoad[i] = believed * dShare + dArrival[i]!;
        const cap = capacity[component[i]!]!;
        const withShare = share + direct;
        const dWithShare = dShare + dDirect;
        const q1 = withShare > cap ? cap / withShare : 1;
        const q0 = direct > cap ? cap / direct : 1;
        this.believedLoad[i] = withShare;
        this.believedSlope[i] = dWithShare;
        this.plainLoad[i] = direct;
        this.plainSlope[i] = dDirect;
        this.believedRatio[i] = q1;
        this.plainRatio[i] = q0;
        if (believedUp > 0) {
          forward += believedUp * (withShare * q1);
          if (withShare > cap) saturated = true;
          else dForward += believedUp * dWithShare;
        }
        if (plainUp > 0) {
          forward += plainUp * (direct * q0);
          if (direct > cap) saturated = true;
          else dForward += plainUp * dDirect;
        }
        this.forwardToChildren(i, forward, dForward);
      } else if (r === BALANCER) {
        const members = this.countMembers(i, state);
        if (downCount[component[i]!] === 0 && members > 0) {
          const equal = 1 / members;
          const lambda = arrival[i]!;
          const dLambda = dArrival[i]!;
          const open = this.failingOpen[i] === 1;
          for (let e = this.entryStart[i]!; e < this.entryStart[i + 1]!; e++) {
            const p = this.entryPair[e]!;
            const member = this.pairMemberNode[p]!;
            if (this.entryIsBlock[e] === 1) {
              shareLoad[member] = lambda * equal;
              shareSlope[member] = dLambda * equal;
            } else if ((open ? state.registered[this.pairMember[p]!]! : state.belief[p]!) === 1) {
              arrival[member] = arrival[member]! + lambda * equal;
              dArrival[member] = dArrival[member]! + dLambda * equal;
            }
          }
        }
      } else this.forwardPlain(i, r, state, u);
    }
    this.saturated = saturated;
    return this.bottomUp(state, u, true);
  }

  /**
   * Without capacity figures arrivals do not matter (an up instance serves all it gets), so the
   * bottom-up pass alone suffices: half the work on the common path.
   */
  private servedUnlimited(state: TrafficState, u: number): number {
    return this.bottomUp(state, u, false);
  }

  /**
   * Bottom-up: the fraction of a request entering each node that succeeds end to end; returns the
   * requests per second served. With `limited`, the top-down pass has just set each instance's
   * served ratio and every balancer's shares; without it every up instance serves all it gets.
   */
  private bottomUp(state: TrafficState, u: number, limited: boolean): number {
    const downCount = state.downCount;
    const dataUp = state.dataUp;
    const slotEnd = state.slotEnd;
    const { success, downstream, share, ratio, role, component, rps, childStart, childList } = this;
    const { pairStart, pairMember, pairMemberNode, pairIsInstance, livePairs, liveEnd } = this;
    const grouped = limited && this.lastGrouped;
    // Nothing reads the success of a node no traffic reached (a target whose share is 0, a member
    // not believed), unless deep checks look at whole paths: such nodes keep their last value.
    const skipUnreached = limited && this.skipUnreached;
    let served = 0;
    let lostA = 0;
    let lostB = 0;
    for (let i = role.length - 1; i >= 0; i--) {
      const r = role[i]!;
      if (skipUnreached && r !== CLIENTS && !this.reaches(i)) continue;
      if (r === DNS) {
        success[i] = this.dnsSuccess(i, state);
        continue;
      }
      if (r === BALANCER) {
        if (downCount[component[i]!] !== 0) {
          success[i] = 0;
          continue;
        }
        if (!limited && this.incremental && this.countable[i] === 1 && state.believedCount[i]! > 0) {
          success[i] = this.countedBalancerSuccess(i, state);
          continue;
        }
        if (grouped) {
          success[i] = this.groupedBalancerSuccess(i, state);
          continue;
        }
        if (!limited) this.splitShares(i, state);
        let ok = 0;
        for (let q = pairStart[i]!; q < liveEnd[i]!; q++) {
          const p = livePairs[q]!;
          const s = share[p]!;
          if (s === 0) continue;
          if (pairIsInstance[p] === 1) {
            const m = pairMember[p]!;
            const memberRatio = limited ? ratio[m]! : downCount[m] === 0 ? 1 : 0;
            ok += s * (memberRatio * downstream[pairMemberNode[p]!]!);
          } else ok += s * success[pairMemberNode[p]!]!;
        }
        success[i] = ok;
        continue;
      }
      let below = 1;
      for (let k = childStart[i]!; k < childStart[i + 1]!; k++) below *= success[childList[k]!]!;
      if (r === CLIENTS) {
        const swing = this.swing[i]!;
        served += rps[i]! * (1 + swing * u) * below;
        lostA += rps[i]! * (1 - below);
        lostB += rps[i]! * swing * (1 - below);
        success[i] = below;
      } else if (r === SERIES) {
        success[i] = downCount[component[i]!] === 0 ? below : 0;
      } else if (r === DATASTORE) {
        success[i] = dataUp[i] === 1 ? below : 0;
      } else {
        // A fleet: the mean served ratio of its up instances (1 each without capacity figures).
        downstream[i] = below;
        if (!limited && this.incremental) {
          success[i] = this.fleetUp[i]! > 0 ? below : 0;
          continue;
        }
        if (grouped) {
          const up = this.fleetUp[i]!;
          const believedUp = this.sharingUp(i);
          success[i] = up > 0 ? ((believedUp * this.believedRatio[i]! + (up - believedUp) * this.plainRatio[i]!) / up) * below : 0;
          continue;
        }
        const first = component[i]!;
        const last = first + slotEnd[i]!;
        let up = 0;
        let sum = 0;
        for (let c = first; c < last; c++) {
          if (downCount[c] === 0) {
            up++;
            sum += limited ? ratio[c]! : 1;
          }
        }
        downstream[i] = below;
        success[i] = up > 0 ? (sum / up) * below : 0;
      }
    }
    this.lostA = lostA;
    this.lostB = lostB;
    return served;
  }

  /**
   * PLAN-FORMAT meaning 9: round-robin and ip-hash give each believed-healthy member an equal share;
   * least-connections gives a dead-but-undetected member the same share (its requests fail) and
   * pools the rest over the live believed members in proportion to their capacity. With no member
   * believed healthy a balancer fails open: it treats every registered member as believed.
   */
  private splitShares(n: number, state: TrafficState): void {
    const { belief, believedCount, downCount, capacity, registered, slotEnd } = state;
    const { share, pairMember, pairMemberNode, pairIsInstance, pairInstance, pairGroupEnd, livePairs } = this;
    const start = this.pairStart[n]!;
    const end = this.pairEnd[n]!;
    // A pair is in use when its member is believed healthy, or registered while failing open; the
    // idle slots of a fleet (none of them is either) are skipped as a block.
    const failOpen = believedCount[n] === 0;
    let live = start;
    for (let p = start; p < end; p++) {
      if (pairInstance[p]! >= slotEnd[pairMemberNode[p]!]!) {
        p = pairGroupEnd[p]! - 1;
        continue;
      }
      if ((failOpen ? registered[pairMember[p]!]! : belief[p]!) === 1) livePairs[live++] = p;
    }
    this.liveEnd[n] = live;
    const members = live - start;
    if (members === 0) return; // nothing in use: every request to this balancer fails
    const equal = 1 / members;
    if (this.algorithm[n] !== LEAST_CONNECTIONS) {
      for (let q = start; q < live; q++) share[livePairs[q]!] = equal;
      return;
    }
    let up = 0;
    let upCapacity = 0;
    let unlimited = false;
    for (let q = start; q < live; q++) {
      const p = livePairs[q]!;
      if (downCount[pairMember[p]!] !== 0) continue;
      up++;
      // A whole node (not an instance) has no per-member capacity to pool.
      const cap = pairIsInstance[p] === 1 ? capacity[pairMember[p]!]! : Infinity;
      if (cap === Infinity) unlimited = true;
      else upCapacity += cap;
    }
    const upShare = up * equal;
    for (let q = start; q < live; q++) {
      const p = livePairs[q]!;
      if (downCount[pairMember[p]!] !== 0) share[p] = equal;
      else if (unlimited) share[p] = upShare / up;
      else share[p] = (upShare * capacity[pairMember[p]!]!) / upCapacity;
    }
  }

  /** Offered load of component c (a fleet instance slot below its node's slotEnd) at the last evaluation. */
  componentLoad(c: number, state: TrafficState): number {
    if (!this.lastGrouped) return this.load[c]!;
    return this.groupedFigure(c, state, this.shareLoad, this.believedLoad, this.plainLoad);
  }

  /** The slope in u of componentLoad (exact while no instance crosses its capacity). */
  componentLoadSlope(c: number, state: TrafficState): number {
    if (!this.lastGrouped) return this.dLoad[c]!;
    return this.groupedFigure(c, state, this.shareSlope, this.believedSlope, this.plainSlope);
  }

  /** How many instances of fleet `node` are up: the running count, or counted slot by slot without one. */
  upInstances(node: number, state: TrafficState): number {
    if (this.incremental) return this.fleetUp[node]!;
    let up = 0;
    const first = this.component[node]!;
    for (let c = first; c < first + state.slotEnd[node]!; c++) if (state.downCount[c] === 0) up++;
    return up;
  }

  /**
   * After a grouped pass, the two loads an up instance of fleet `node` may carry (with or without
   * its balancer's share) and their slopes, for those some instance carries; returns how many
   * (−1 when the last pass was not grouped: ask instance by instance).
   */
  upInstanceLoads(node: number, loads: Float64Array, slopes: Float64Array): number {
    if (!this.lastGrouped) return -1;
    const believedUp = this.sharingUp(node);
    let count = 0;
    if (believedUp > 0) {
      loads[count] = this.believedLoad[node]!;
      slopes[count++] = this.believedSlope[node]!;
    }
    if (this.fleetUp[node]! - believedUp > 0) {
      loads[count] = this.plainLoad[node]!;
      slopes[count++] = this.plainSlope[node]!;
    }
    return count;
  }

  /** An instance's figure after a grouped pass: a dead one keeps only its balancer's share (if believed). */
  private groupedFigure(c: number, state: TrafficState, share: Float64Array, believedUp: Float64Array, plainUp: Float64Array): number {
    const node = this.componentNode[c]!;
    if (this.role[node] !== FLEET || c - this.component[node]! >= state.slotEnd[node]!) return 0;
    const p = this.blockPairOf[c]!;
    // A balancer that is down gave no share (shareLoad 0), so "believed" then changes nothing.
    const believed = p >= 0 && (this.failingOpen[this.balancerOfFleet[node]!] === 1 ? state.registered[c] === 1 : state.belief[p] === 1);
    if (state.downCount[c] !== 0) return believed ? share[node]! : 0;
    return believed ? believedUp[node]! : plainUp[node]!;
  }
}
