/**
 * Compiles a resolved plan into the engine's flat model: components (a non-fleet node, or one fleet
 * instance) with their up/down laws, overlays (region, zone and common-cause outages) with their
 * members, the traffic DAG in topological order, and load-balancer observation pairs. Built once per
 * plan, shared read-only by every replication. Imports only sim/model types and sim/engine.
 */
import type { ResolvedNode, ResolvedPlan } from '../model/resolve';
import { compileHealthCheck, type DetectionLaw } from './detection';
import { compileDistribution, poissonGaps, type Sampler } from './distributions';
import { collectOrigins, compileDns, type DnsCheckDef, type DnsDef } from './dns/compileDns';
import { compileData, type DataModel } from './data/dataModel';
import { compileProbeLaw, criticalComponents, type AutoscalingDef, type LivenessDef, type ServerlessDef } from './scaling/fleetDefs';
import { compilePassives, type MonitorDef, type PassiveDef } from './passives';

import { HOUR, YEAR_SECONDS } from './timeUnits';
import { outageMembers, type OutageComponent } from './outages';

export { HOUR, YEAR_SECONDS, MONTH_SECONDS } from './timeUnits';

/** What a traffic node does with the requests it receives. */
/** Datastore: requests succeed while its dataset serves (the data runtime decides; meaning 4). */
export const NodeRole = { Clients: 0, Series: 1, Fleet: 2, Balancer: 3, Dns: 4, Datastore: 5 } as const;
export type NodeRole = (typeof NodeRole)[keyof typeof NodeRole];

export const LbAlgorithmCode = { RoundRobin: 0, LeastConnections: 1, IpHash: 2 } as const;

export type CauseKind = 'node' | 'instance' | 'region' | 'zone' | 'commonCause';
export interface Cause {
  kind: CauseKind;
  id: string;
}

export interface ComponentDef {
  /** Stream key: the node id, or `node#i` for fleet instance i. */
  sourceId: string;
  node: number;
  instance: number;
  timeToFailure: Sampler;
  timeToRepair: Sampler;
  /** Containers with a liveness probe: repaired by a restart after detection, not by timeToRepair. */
  liveness: LivenessDef | null;
  /**
   * Region id (undefined: none, or a global balancer) and zone index (−1: a non-fleet node not
   * zone-bound, or a fleet instance placed by i mod zones), for region and zone outages.
   */
  region: string | undefined;
  zone: number;
}

export interface OverlayDef {
  sourceId: string;
  cause: Cause;
  gap: Sampler;
  duration: Sampler;
  members: Int32Array;
  /** Backups and monitors it takes down (indices into EngineModel.passives). */
  passiveMembers: Int32Array;
  /** False for a scripted disruption: it happens once and never again. */
  repeats: boolean;
}

export interface TrafficNodeDef {
  id: string;
  role: NodeRole;
  /** Series and balancer nodes: their component. Fleets: the component of instance 0. */
  component: number;
  /** Fleets: component slots [component, component + instances); autoscaled fleets have `max` slots. */
  instances: number;
  /** Slots active at t = 0 (the plan's `instances`); the rest wait for the autoscaler. */
  initialActive: number;
  autoscaling: AutoscalingDef | null;
  /** A serverless fleet is one unit (one component) whose capacity follows its warm concurrency. */
  serverless: ServerlessDef | null;
  /** Requests per second one instance serves; Infinity when the plan gives no figure. */
  capacityRps: number;
  requestsPerSecond: number;
  /** Clients: their own diurnal swing (meaning 19); 0 for every other node. */
  diurnalSwing: number;
  /** Nodes this one depends on in series (not used by balancers, which choose). */
  children: Int32Array;
  /** Balancers: their observation pairs [pairStart, pairEnd). */
  pairStart: number;
  pairEnd: number;
  algorithm: number;
  /** DNS nodes: index into EngineModel.dns (−1 otherwise). */
  dns: number;
}

/** A balancer's view of one target unit (a fleet instance or a whole non-fleet node). */
export interface PairDef {
  balancer: number;
  member: number;
  memberNode: number;
  /** True when the member is a fleet instance (its share meets the instance's capacity). */
  isInstance: boolean;
  sourceId: string;
  law: DetectionLaw;
  /**
   * The member is a container watched by a readiness probe: after a liveness restart it is back in
   * the share at once, since `restartSeconds` already includes becoming ready.
   */
  readiness: boolean;
  /** The balancer's check is deep (meaning 6): it observes the member's whole downstream path. */
  deep: boolean;
}

export interface EngineModel {
  horizonSeconds: number;
  components: ComponentDef[];
  /** Cause reported for an incident that a component's change opens. */
  componentCauses: Cause[];
  /** Which component a balancer node is (−1 otherwise), to reset its beliefs after its outage. */
  balancerOfComponent: Int32Array;
  overlays: OverlayDef[];
  nodes: TrafficNodeDef[];
  pairs: PairDef[];
  /** CSR lists: pairs observing component c are observerList[observerStart[c] .. observerStart[c+1]). */
  observerStart: Int32Array;
  observerList: Int32Array;
  offeredRps: number;
  /** Blamed for an incident open from t = 0 (offered load above capacity): the first clients node. */
  initialCause: Cause;
  /**
   * The offered-rate-weighted mean of the clients' swings: the offered load is
   * offeredRps · (1 + diurnalSwing · sin ωt), since every swing has the same phase (meaning 19).
   */
  diurnalSwing: number;
  /** Some clients node has a swing (loads then vary within a state). */
  swinging: boolean;
  /** DNS records and their health checks (one per target). */
  dns: DnsDef[];
  dnsChecks: DnsCheckDef[];
  /** Which DNS record a component is (−1 otherwise), to reset its checkers after its outage. */
  dnsOfComponent: Int32Array;
  /** Client origins (region ids; '' for clients that name none) for per-origin results. */
  origins: string[];
  /** Per traffic node (clients only): [origin index, requests per second] pairs. */
  clientOrigins: Array<Array<[number, number]>>;
  /** Datasets, backups and promotion settings (sim/engine/data). */
  data: DataModel;
  /** Backup and monitor nodes, which can be down without carrying traffic (meanings 16, 17). */
  passives: PassiveDef[];
  /** The people who notice needs: the plan's monitors, or the unmonitored stand-in. */
  monitors: MonitorDef[];
  /** Some fleet has a finite capacity (so load levels matter, not just up/down states). */
  capacityLimited: boolean;
  /** Per component: 1 when its being down alone stops every request (see criticalComponents). */
  critical: Uint8Array;
  /** Offered-rate-weighted write fraction of the clients (lost writes ≈ this × lost requests). */
  writeFraction: number;
}

function isFleet(n: ResolvedNode): n is Extract<ResolvedNode, { kind: 'gateway' | 'service' }> {
  return n.kind === 'gateway' || n.kind === 'service';
}

/** Nodes that carry traffic: clients, balancers, fleets, datastores (dns is refused upstream). */
function carriesTraffic(n: ResolvedNode): boolean {
  return n.kind === 'clients' || n.kind === 'loadBalancer' || isFleet(n) || n.kind === 'datastore' || n.kind === 'dns';
}

interface TrafficOrder {
  planNodes: ResolvedNode[];
  byId: Map<string, ResolvedNode>;
  outgoing: Map<string, string[]>;
  order: string[];
  indexOf: Map<string, number>;
}

/** Stage 1: the traffic DAG in topological order (Kahn's, seeded in plan order). */
function orderStage(plan: ResolvedPlan): TrafficOrder {
  const planNodes = plan.nodes.filter(carriesTraffic);
  const byId = new Map(planNodes.map((n) => [n.id, n]));
  const outgoing = new Map<string, string[]>(planNodes.map((n) => [n.id, []]));
  const incomingCount = new Map<string, number>(planNodes.map((n) => [n.id, 0]));
  const link = (from: string, to: string) => {
    if (outgoing.get(from)!.includes(to)) return;
    outgoing.get(from)!.push(to);
    incomingCount.set(to, incomingCount.get(to)! + 1);
  };
  for (const e of plan.edges) {
    // A DNS node's drawn edges equal its targets (validated); its targets are the source of truth.
    if (e.kind !== 'traffic' || !byId.has(e.from) || !byId.has(e.to) || byId.get(e.from)!.kind === 'dns') continue;
    link(e.from, e.to);
  }
  for (const n of planNodes) if (n.kind === 'dns') for (const t of n.targets) if (byId.has(t.node)) link(n.id, t.node);

  // Kahn's algorithm, seeded in plan order so the order (and so every float sum) is reproducible.
  const order: string[] = [];
  const ready = planNodes.filter((n) => incomingCount.get(n.id) === 0).map((n) => n.id);
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const to of outgoing.get(id)!) {
      const left = incomingCount.get(to)! - 1;
      incomingCount.set(to, left);
      if (left === 0) ready.push(to);
    }
  }
  if (order.length !== planNodes.length) throw new Error('traffic edges form a cycle');
  const indexOf = new Map(order.map((id, i) => [id, i]));

  return { planNodes, byId, outgoing, order, indexOf };
}

/** Stage 2: traffic nodes and their components (a non-fleet node, or one per fleet instance slot). */
function componentStage({ order, byId, outgoing, indexOf }: TrafficOrder): { nodes: TrafficNodeDef[]; components: ComponentDef[]; componentCauses: Cause[] } {
  const components: ComponentDef[] = [];
  const componentCauses: Cause[] = [];
  const nodes: TrafficNodeDef[] = [];

  for (const id of order) {
    const n = byId.get(id)!;
    const nodeIndex = nodes.length;
    const def: TrafficNodeDef = {
      id,
      role: NodeRole.Series,
      component: components.length,
      instances: 1,
      initialActive: 1,
      autoscaling: null,
      serverless: null,
      capacityRps: Infinity,
      requestsPerSecond: 0,
      diurnalSwing: 0,
      children: Int32Array.from(outgoing.get(id)!.map((to) => indexOf.get(to)!)),
      pairStart: 0,
      pairEnd: 0,
      algorithm: LbAlgorithmCode.RoundRobin,
      dns: -1,
    };
    if (n.kind === 'clients') {
      def.role = NodeRole.Clients;
      def.component = -1;
      def.requestsPerSecond = n.requestsPerSecond;
      def.diurnalSwing = n.diurnalSwing;
    } else if (isFleet(n)) {
      def.role = NodeRole.Fleet;
      const ttf = compileDistribution(n.reliability.timeToFailureHours, HOUR);
      const ttr = compileDistribution(n.reliability.timeToRepairHours, HOUR);
      if (n.platform === 'serverless') {
        // The catalog's serverless reliability is that of the whole regional service, not of one
        // execution environment: the fleet is one unit, one component (instances are ignored).
        def.serverless = {
          concurrencyLimit: n.concurrencyLimit ?? Infinity,
          requestSeconds: n.requestSeconds ?? 0,
          scaleUpPerSecond: n.scaleUpPerMinute === undefined ? Infinity : n.scaleUpPerMinute / 60,
        };
        // Without both figures there is no capacity to speak of: unlimited (meaning 10).
        def.capacityRps = n.concurrencyLimit !== undefined && n.requestSeconds !== undefined ? n.concurrencyLimit / n.requestSeconds : Infinity;
        components.push({ sourceId: id, node: nodeIndex, instance: -1, timeToFailure: ttf, timeToRepair: ttr, liveness: null, region: n.region, zone: n.zone ?? -1 });
        componentCauses.push({ kind: 'node', id });
      } else {
        def.capacityRps = n.capacityRpsPerInstance ?? Infinity;
        def.initialActive = n.instances;
        const a = n.autoscaling;
        // Slots for every instance the autoscaler may run; only `instances` start active.
        def.instances = a ? Math.max(n.instances, a.max) : n.instances;
        if (a) def.autoscaling = { min: a.min, max: Math.max(a.max, n.instances), targetUtilization: a.targetUtilization, reactionSeconds: a.reactionSeconds, launchSeconds: a.launchSeconds };
        const liveness = n.platform === 'container' && n.probes ? { law: compileProbeLaw(n.probes.liveness), restartSeconds: n.probes.restartSeconds } : null;
        for (let i = 0; i < def.instances; i++) {
          // A fleet with a `zone` has every instance there; else instance i sits in zone i mod zones (meaning 17).
          components.push({ sourceId: `${id}#${i}`, node: nodeIndex, instance: i, timeToFailure: ttf, timeToRepair: ttr, liveness, region: n.region, zone: n.zone ?? -1 });
          componentCauses.push({ kind: 'instance', id: `${id}#${i}` });
        }
      }
    } else if (n.kind === 'loadBalancer' || n.kind === 'datastore' || n.kind === 'dns') {
      if (n.kind === 'dns') def.role = NodeRole.Dns;
      if (n.kind === 'loadBalancer') {
        def.role = NodeRole.Balancer;
        def.algorithm =
          n.algorithm === 'least-connections' ? LbAlgorithmCode.LeastConnections : n.algorithm === 'ip-hash' ? LbAlgorithmCode.IpHash : LbAlgorithmCode.RoundRobin;
      }
      if (n.kind === 'datastore') def.role = NodeRole.Datastore;
      components.push({
        sourceId: id,
        node: nodeIndex,
        instance: -1,
        timeToFailure: compileDistribution(n.reliability.timeToFailureHours, HOUR),
        timeToRepair: compileDistribution(n.reliability.timeToRepairHours, HOUR),
        liveness: null,
        // A global balancer belongs to no region: no region or zone outage takes it down (meaning 17).
        region: n.kind === 'loadBalancer' && n.scope === 'global' ? undefined : n.region,
        zone: n.kind === 'loadBalancer' && n.scope === 'global' ? -1 : (n.zone ?? -1),
      });
      componentCauses.push({ kind: 'node', id });
    }
    nodes.push(def);
  }

  return { nodes, components, componentCauses };
}

/** Stage 3: balancer observation pairs and, per component, the pairs observing it. */
function pairStage(nodes: TrafficNodeDef[], components: ComponentDef[], byId: Map<string, ResolvedNode>): { pairs: PairDef[]; balancerOfComponent: Int32Array; observerStart: Int32Array; observerList: Int32Array } {
  // Balancer observation pairs: one per fleet instance of each target, one per non-fleet target.
  const pairs: PairDef[] = [];
  const balancerOfComponent = new Int32Array(components.length).fill(-1);
  for (let b = 0; b < nodes.length; b++) {
    const def = nodes[b]!;
    if (def.role !== NodeRole.Balancer) continue;
    const lb = byId.get(def.id)!;
    if (lb.kind !== 'loadBalancer') continue;
    balancerOfComponent[def.component] = b;
    const law = compileHealthCheck(lb.healthCheck);
    def.pairStart = pairs.length;
    for (const t of def.children) {
      const target = nodes[t]!;
      if (target.role === NodeRole.Fleet && target.serverless === null) {
        // A readiness probe, not the balancer's own check, takes a container out of the balancer's
        // share and puts it back (PLAN-FORMAT fleets: "readiness takes it out of its balancer's share").
        const planTarget = byId.get(target.id)!;
        const readiness = isFleet(planTarget) && planTarget.platform === 'container' ? planTarget.probes?.readiness : undefined;
        const memberLaw = readiness ? compileProbeLaw(readiness) : law;
        for (let i = 0; i < target.instances; i++) {
          const member = target.component + i;
          pairs.push({ balancer: b, member, memberNode: t, isInstance: true, sourceId: `${def.id}->${components[member]!.sourceId}`, law: memberLaw, readiness: readiness !== undefined, deep: lb.healthCheck.deep });
        }
      } else if (target.component >= 0) {
        // A serverless unit is a member like a node (its share is not capped per instance).
        pairs.push({ balancer: b, member: target.component, memberNode: t, isInstance: false, sourceId: `${def.id}->${target.id}`, law, readiness: false, deep: lb.healthCheck.deep });
      }
    }
    def.pairEnd = pairs.length;
  }
  const observerCount = new Int32Array(components.length + 1);
  for (const p of pairs) observerCount[p.member + 1]!++;
  for (let c = 0; c < components.length; c++) observerCount[c + 1]! += observerCount[c]!;
  const observerStart = observerCount;
  const fill = observerStart.slice(0, components.length);
  const observerList = new Int32Array(pairs.length);
  pairs.forEach((p, i) => {
    observerList[fill[p.member]!++] = i;
  });

  return { pairs, balancerOfComponent, observerStart, observerList };
}

/** Components as the outage mapping sees them (their node's id in place of its index). */
export function outageComponents(nodes: readonly { id: string }[], components: readonly ComponentDef[]): OutageComponent[] {
  return components.map((c) => ({ nodeId: nodes[c.node]!.id, region: c.region, zone: c.zone, instance: c.instance }));
}

/** Stage 4: outage overlays (regions, zones, common causes) over components and passives. */
function overlayStage(plan: ResolvedPlan, nodes: TrafficNodeDef[], components: ComponentDef[], passives: PassiveDef[]): OverlayDef[] {
  // Overlays: region, then its zones, then common causes — each an outage process over members.
  // Which members each outage takes down: the mapping scenarios share (outages.ts).
  const hit = outageComponents(nodes, components);
  const overlays: OverlayDef[] = [];
  for (const region of plan.regions) {
    if (region.outage) {
      overlays.push({
        sourceId: `region:${region.id}`,
        cause: { kind: 'region', id: region.id },
        gap: poissonGaps(region.outage.ratePerYear),
        duration: compileDistribution(region.outage.durationHours, HOUR),
        ...outageMembers({ kind: 'region', region: region.id }, hit, passives),
        repeats: true,
      });
    }
    if (region.zoneOutage) {
      for (let z = 0; z < region.zones; z++) {
        overlays.push({
          sourceId: `zone:${region.id}:${z}`,
          cause: { kind: 'zone', id: `${region.id}/${z}` },
          gap: poissonGaps(region.zoneOutage.ratePerYear),
          duration: compileDistribution(region.zoneOutage.durationHours, HOUR),
          ...outageMembers({ kind: 'zone', region: region.id, zone: z, zones: region.zones }, hit, passives),
          repeats: true,
        });
      }
    }
  }
  for (const cause of plan.commonCauses) {
    overlays.push({
      sourceId: `cause:${cause.id}`,
      cause: { kind: 'commonCause', id: cause.id },
      gap: poissonGaps(cause.ratePerYear),
      duration: compileDistribution(cause.durationHours, HOUR),
      ...outageMembers({ kind: 'commonCause', affects: new Set(cause.affects) }, hit, passives),
      repeats: true,
    });
  }

  return overlays;
}

/**
 * Compiles in named stages: order, components, pairs, overlays, then DNS and data over what those
 * built, and the load totals.
 */
export function compileModel(plan: ResolvedPlan, horizonYears = plan.simulation.horizonYears): EngineModel {
  const traffic = orderStage(plan);
  const { planNodes, byId, indexOf } = traffic;
  const { nodes, components, componentCauses } = componentStage(traffic);
  const { pairs, balancerOfComponent, observerStart, observerList } = pairStage(nodes, components, byId);
  const { passives, monitors, passiveIndex } = compilePassives(plan);
  const overlays = overlayStage(plan, nodes, components, passives);

  const origins = collectOrigins(plan);
  const { dns, checks: dnsChecks } = compileDns(plan, indexOf, origins);
  const dnsOfComponent = new Int32Array(components.length).fill(-1);
  dns.forEach((d, i) => {
    nodes[d.node]!.dns = i;
    dnsOfComponent[nodes[d.node]!.component] = i;
  });
  const clientOrigins = nodes.map((def) => {
    if (def.role !== NodeRole.Clients) return [];
    return (origins.byClients.get(def.id) ?? []).map(([o, share]): [number, number] => [o, share * def.requestsPerSecond]);
  });

  let offeredRps = 0;
  for (const n of nodes) offeredRps += n.requestsPerSecond;
  const clients = planNodes.filter((n) => n.kind === 'clients');
  let swingRps = 0;
  for (const c of clients) if (c.kind === 'clients') swingRps += c.requestsPerSecond * c.diurnalSwing;
  const diurnalSwing = offeredRps > 0 ? swingRps / offeredRps : 0;
  let writes = 0;
  for (const c of clients) if (c.kind === 'clients') writes += c.requestsPerSecond * c.writeFraction;

  return {
    horizonSeconds: horizonYears * YEAR_SECONDS,
    components,
    componentCauses,
    balancerOfComponent,
    overlays,
    nodes,
    pairs,
    observerStart,
    observerList,
    offeredRps,
    initialCause: { kind: 'node', id: clients[0]?.id ?? '' },
    diurnalSwing,
    swinging: swingRps > 0,
    dns,
    dnsChecks,
    dnsOfComponent,
    origins: origins.ids,
    clientOrigins,
    data: compileData(plan, nodes, components, overlays, passiveIndex),
    passives,
    monitors,
    capacityLimited: nodes.some((x) => x.capacityRps !== Infinity),
    critical: criticalComponents(nodes, components.length),
    writeFraction: offeredRps > 0 ? writes / offeredRps : 0,
  };
}
