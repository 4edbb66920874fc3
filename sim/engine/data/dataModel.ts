/**
 * Compiles the plan's data part (PLAN-FORMAT meanings 4, 11, 12) into flat, read-only datasets:
 * members in replication order, replication edges with their lag laws, paths between members,
 * promotion and restore settings, backups and the nominal write rate reaching each member.
 * Built once per plan. Imports only sim/model types and sim/engine; no DOM, Node or clock.
 */
import type { ResolvedDatastore, ResolvedPlan } from '../../model/resolve';
import { compileDistribution, type Sampler } from '../distributions';
import { HOUR } from '../timeUnits';

/**
 * What compileData reads of the engine model being built: node ids and components, the component
 * count, overlay causes. Declared here (model.ts's types satisfy them) so that this module does not
 * import model.ts, which imports it.
 */
interface NodeRef {
  id: string;
  component: number;
}
interface OverlayRef {
  cause: { kind: string; id: string };
}


export interface DataEdgeDef {
  /** Member indices (within the dataset) of the edge's ends, as drawn. */
  from: number;
  to: number;
  sync: boolean;
  lag: Sampler;
  sourceId: string;
}

export interface PromotionDef {
  automatic: boolean;
  detectionSeconds: number;
  seconds: number;
  successProbability: number;
}

export interface BackupDef {
  sourceId: string;
  /** The member it copies. */
  member: number;
  intervalSeconds: number;
  restore: Sampler;
  restoreFailureProbability: number;
  offsite: boolean;
  /** The region overlay of the copied datastore (on-site copies are unusable while it is out); −1: none. */
  regionOverlay: number;
  /** The backup node among the engine's passives (its copies are unusable while it is down). */
  passive: number;
}

export interface DatasetDef {
  /** Members in replication order: breadth-first from the initial primary (member 0), edges in plan order. */
  ids: string[];
  nodes: Int32Array;
  components: Int32Array;
  failureLosesData: Uint8Array;
  promotion: PromotionDef[];
  multiwriter: boolean;
  edges: DataEdgeDef[];
  /**
   * Shortest undirected paths between members as one BFS tree per member (m² entries, not the m³ a
   * table of whole paths takes along a chain): in the tree from member i, member j was reached from
   * pathParent[i·m + j] over edge pathVia[i·m + j] (−1 at the root). `pathBetween` reads a path.
   */
  pathParent: Int32Array;
  pathVia: Int32Array;
  backups: BackupDef[];
  /** Nominal writes per second whose traffic reaches each member (clients' rate × writeFraction). */
  writeRate: Float64Array;
  totalWriteRate: number;
  /**
   * The same writes weighted by each client's own swing (Σ rate · swing, meaning 19): writes per
   * second at time t are writeRate + writeSwingRate · sin ωt.
   */
  writeSwingRate: Float64Array;
  totalWriteSwingRate: number;
}

export interface DataModel {
  datasets: DatasetDef[];
  /** Per component: its dataset (−1 when it is not a datastore) and its member index. */
  datasetOfComponent: Int32Array;
  memberOfComponent: Int32Array;
}

/**
 * Groups datastores into datasets: the undirected closure of replication edges. The initial primary
 * is the member without an incoming replication edge (first in plan order), else the first member.
 */
export function compileData(
  plan: ResolvedPlan,
  nodes: readonly NodeRef[],
  components: { readonly length: number },
  overlays: readonly OverlayRef[],
  passiveIndex: ReadonlyMap<string, number>,
): DataModel {
  const stores = plan.nodes.filter((n): n is ResolvedDatastore => n.kind === 'datastore');
  const nodeIndex = new Map(nodes.map((n, i) => [n.id, i]));
  const replication = plan.edges.filter((e) => e.kind === 'replication');
  const neighbours = new Map<string, { other: string; edge: number }[]>(stores.map((s) => [s.id, []]));
  replication.forEach((e, i) => {
    neighbours.get(e.from)?.push({ other: e.to, edge: i });
    neighbours.get(e.to)?.push({ other: e.from, edge: i });
  });
  const hasIncoming = new Set(replication.map((e) => e.to));
  const rates = writeRates(plan);
  const regionOverlay = new Map<string, number>();
  overlays.forEach((o, i) => {
    if (o.cause.kind === 'region') regionOverlay.set(o.cause.id, i);
  });

  const assigned = new Set<string>();
  const datasets: DatasetDef[] = [];
  const datasetOfComponent = new Int32Array(components.length).fill(-1);
  const memberOfComponent = new Int32Array(components.length).fill(-1);
  for (const seed of stores) {
    if (assigned.has(seed.id)) continue;
    // The closure, then its primary, then replication order by BFS from the primary.
    const closure = new Set<string>([seed.id]);
    const stack = [seed.id];
    while (stack.length > 0) {
      for (const { other } of neighbours.get(stack.pop()!)!) {
        if (closure.has(other)) continue;
        closure.add(other);
        stack.push(other);
      }
    }
    const inPlanOrder = stores.filter((s) => closure.has(s.id));
    const primary = inPlanOrder.find((s) => !hasIncoming.has(s.id)) ?? inPlanOrder[0]!;
    const ids = bfsOrder(primary.id, neighbours);
    ids.forEach((id) => assigned.add(id));
    const member = new Map(ids.map((id, i) => [id, i]));
    const byId = new Map(inPlanOrder.map((s) => [s.id, s]));
    const edgeIndex = new Map<number, number>();
    const edges: DataEdgeDef[] = [];
    replication.forEach((e, i) => {
      if (!member.has(e.from)) return;
      edgeIndex.set(i, edges.length);
      edges.push({
        from: member.get(e.from)!,
        to: member.get(e.to)!,
        sync: e.mode === 'sync',
        lag: compileDistribution(e.lagSeconds, 1),
        sourceId: `replication:${e.from}->${e.to}`,
      });
    });
    const { pathParent, pathVia } = allPaths(ids, neighbours, member, edgeIndex);
    const d = datasets.length;
    const compOf = ids.map((id) => nodes[nodeIndex.get(id)!]!.component);
    compOf.forEach((c, i) => {
      datasetOfComponent[c] = d;
      memberOfComponent[c] = i;
    });
    const writeRate = Float64Array.from(ids, (id) => rates.get(id)?.rate ?? 0);
    const writeSwingRate = Float64Array.from(ids, (id) => rates.get(id)?.swingRate ?? 0);
    datasets.push({
      ids,
      nodes: Int32Array.from(ids, (id) => nodeIndex.get(id)!),
      components: Int32Array.from(compOf),
      failureLosesData: Uint8Array.from(ids, (id) => (byId.get(id)!.failureLosesData ? 1 : 0)),
      promotion: ids.map((id) => ({ ...byId.get(id)!.promotion })),
      // Datasets mixing multiwriter with sync/async edges are a validation error (crossChecks.ts).
      multiwriter: replication.some((e) => member.has(e.from) && e.mode === 'multiwriter'),
      edges,
      pathParent,
      pathVia,
      backups: plan.nodes.flatMap((b) => {
        if (b.kind !== 'backup' || !member.has(b.of)) return [];
        const region = byId.get(b.of)!.region;
        return [
          {
            sourceId: b.id,
            member: member.get(b.of)!,
            intervalSeconds: b.intervalHours * HOUR,
            restore: compileDistribution(b.restoreHours, HOUR),
            restoreFailureProbability: b.restoreFailureProbability,
            offsite: b.offsite,
            regionOverlay: region === undefined ? -1 : (regionOverlay.get(region) ?? -1),
            passive: passiveIndex.get(b.id)!,
          },
        ];
      }),
      writeRate,
      totalWriteRate: writeRate.reduce((a, b) => a + b, 0),
      writeSwingRate,
      totalWriteSwingRate: writeSwingRate.reduce((a, b) => a + b, 0),
    });
  }
  return { datasets, datasetOfComponent, memberOfComponent };
}

function bfsOrder(start: string, neighbours: Map<string, { other: string }[]>): string[] {
  const order = [start];
  const seen = new Set(order);
  for (let i = 0; i < order.length; i++) {
    for (const { other } of neighbours.get(order[i]!)!) {
      if (!seen.has(other)) {
        seen.add(other);
        order.push(other);
      }
    }
  }
  return order;
}

/** BFS from every member: its tree of shortest paths to every other member (datasets are small; m² entries). */
function allPaths(
  ids: string[],
  neighbours: Map<string, { other: string; edge: number }[]>,
  member: Map<string, number>,
  edgeIndex: Map<number, number>,
): { pathParent: Int32Array; pathVia: Int32Array } {
  const m = ids.length;
  const pathParent = new Int32Array(m * m).fill(-1);
  const pathVia = new Int32Array(m * m).fill(-1);
  const queue = new Int32Array(m);
  const seen = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    seen.fill(0);
    seen[i] = 1;
    queue[0] = i;
    let tail = 1;
    for (let q = 0; q < tail; q++) {
      const u = queue[q]!;
      for (const { other, edge } of neighbours.get(ids[u]!)!) {
        const v = member.get(other)!;
        if (seen[v]) continue;
        seen[v] = 1;
        pathParent[i * m + v] = u;
        pathVia[i * m + v] = edgeIndex.get(edge)!;
        queue[tail++] = v;
      }
    }
  }
  return { pathParent, pathVia };
}

/** The edges of the shortest path from member `from` to member `to`, in order (empty when equal). */
export function pathBetween(def: Pick<DatasetDef, 'ids' | 'pathParent' | 'pathVia'>, from: number, to: number): number[] {
  const m = def.ids.length;
  const back: number[] = [];
  for (let v = to; v !== from && def.pathParent[from * m + v]! >= 0; v = def.pathParent[from * m + v]!) back.push(def.pathVia[from * m + v]!);
  return back.reverse();
}

/**
 * Nominal writes per second reaching each node: clients send requestsPerSecond × writeFraction down
 * their edge; a fleet or datastore sends all it receives to each dependency (series), a load balancer
 * splits equally over its targets, DNS by policy (failover: its primary; weighted: by weight; others:
 * equally). Nominal means "with everything up": it sizes lost writes, never the served rate.
 */
function writeRates(plan: ResolvedPlan): Map<string, { rate: number; swingRate: number }> {
  const out = new Map<string, { to: string; share: number }[]>();
  const indeg = new Map<string, number>(plan.nodes.map((n) => [n.id, 0]));
  const link = (from: string, to: string, share: number): void => {
    if (!indeg.has(to)) return;
    out.get(from)!.push({ to, share });
    indeg.set(to, indeg.get(to)! + 1);
  };
  for (const n of plan.nodes) out.set(n.id, []);
  for (const n of plan.nodes) {
    const targets = plan.edges.filter((e) => e.kind === 'traffic' && e.from === n.id).map((e) => e.to);
    if (n.kind === 'dns') {
      const named = n.targets.length > 0 ? n.targets : targets.map((node) => ({ node }));
      const weights = named.map((t) => {
        if (n.policy === 'failover') return 'role' in t && t.role === 'secondary' ? 0 : 1;
        if (n.policy === 'weighted') return 'weight' in t && typeof t.weight === 'number' ? t.weight : 1;
        return 1;
      });
      const sum = weights.reduce((a, b) => a + b, 0);
      named.forEach((t, i) => link(n.id, t.node, sum > 0 ? weights[i]! / sum : 1 / named.length));
    } else if (n.kind === 'loadBalancer') {
      for (const to of targets) link(n.id, to, 1 / targets.length);
    } else {
      for (const to of targets) link(n.id, to, 1);
    }
  }
  // Both rates travel the same linear paths: each client's writes, and those times its own swing.
  const rate = new Map<string, { rate: number; swingRate: number }>(
    plan.nodes.map((n) => {
      const w = n.kind === 'clients' ? n.requestsPerSecond * n.writeFraction : 0;
      return [n.id, { rate: w, swingRate: n.kind === 'clients' ? w * n.diurnalSwing : 0 }];
    }),
  );
  const ready = plan.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i]!;
    for (const { to, share } of out.get(id)!) {
      const from = rate.get(id)!;
      const into = rate.get(to)!;
      into.rate += from.rate * share;
      into.swingRate += from.swingRate * share;
      indeg.set(to, indeg.get(to)! - 1);
      if (indeg.get(to) === 0) ready.push(to);
    }
  }
  return rate;
}
