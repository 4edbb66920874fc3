/**
 * Rules that relate fields to each other once every field is well-formed: references, unique ids,
 * the shape of the traffic graph, DNS targets, origins. Each returns issues; none throws.
 * Imports only sim/model and sim/catalog.
 */
import { CATALOG } from '../catalog';
import { makeIssue, type Issue, type PathSegment } from './issues';
import type { Distribution, Plan, PlanNode } from './schema';

/** A region without "zones" has the catalog's count, as resolvePlan gives it (not 1). */
const DEFAULT_ZONES = CATALOG.region.zones.value;

interface Index {
  nodeById: Map<string, { node: PlanNode; index: number }>;
  regionById: Map<string, { zones: number | undefined; index: number }>;
  /** Traffic edges' targets by source node id, in plan order. */
  trafficOut: Map<string, string[]>;
}

function buildIndex(plan: Plan): Index {
  const nodeById = new Map<string, { node: PlanNode; index: number }>();
  plan.nodes.forEach((node, index) => {
    if (!nodeById.has(node.id)) nodeById.set(node.id, { node, index });
  });
  const regionById = new Map<string, { zones: number | undefined; index: number }>();
  plan.regions.forEach((region, index) => {
    if (!regionById.has(region.id)) regionById.set(region.id, { zones: region.zones, index });
  });
  const trafficOut = new Map<string, string[]>();
  for (const e of plan.edges) {
    if (e.kind !== 'traffic') continue;
    const list = trafficOut.get(e.from);
    if (list) list.push(e.to);
    else trafficOut.set(e.from, [e.to]);
  }
  return { nodeById, regionById, trafficOut };
}

function checkUniqueIds(plan: Plan, out: Issue[]): void {
  const seen = new Map<string, string>();
  const visit = (id: string, path: PathSegment[], what: string) => {
    const previous = seen.get(id);
    if (previous) out.push(makeIssue('duplicate-id', [...path, 'id'], `The id "${id}" of this ${what} is already used by ${previous}.`));
    else seen.set(id, `${what} ${path.join('.')}`.replace(/\.(\d+)/g, '[$1]'));
  };
  plan.regions.forEach((r, i) => visit(r.id, ['regions', i], 'region'));
  plan.nodes.forEach((n, i) => visit(n.id, ['nodes', i], 'node'));
  plan.commonCauses?.forEach((c, i) => visit(c.id, ['commonCauses', i], 'common cause'));
  const scenarioIds = new Set<string>();
  plan.scenarios?.forEach((s, i) => {
    if (scenarioIds.has(s.id)) out.push(makeIssue('duplicate-id', ['scenarios', i, 'id'], `The scenario id "${s.id}" is used twice.`));
    scenarioIds.add(s.id);
  });
}

function hasPositiveMean(d: Distribution): boolean {
  switch (d.dist) {
    case 'fixed':
      return d.value > 0;
    case 'uniform':
      return d.max > 0;
    default:
      return true;
  }
}

/** The median of a distribution in its own unit (Infinity for "never"). */
function medianOf(d: Distribution): number {
  switch (d.dist) {
    case 'exponential':
      return d.mean * Math.LN2;
    case 'weibull':
      return d.scale * Math.LN2 ** (1 / d.shape);
    case 'lognormal':
      return d.median;
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'never':
      return Infinity;
  }
}

/**
 * A failure-and-repair cycle shorter than this (typically) would make a run deliver events without
 * end: one second, against horizons of years. Medians, not means: a Weibull of tiny shape has a huge
 * mean while nearly every draw is close to zero.
 */
export const MIN_CYCLE_HOURS = 1 / 3600;

/** Datastores joined by replication edges that one replication group may hold. */
export const MAX_REPLICATION_GROUP = 256;

function checkNodes(plan: Plan, index: Index, out: Issue[]): void {
  plan.nodes.forEach((node, i) => {
    const at: PathSegment[] = ['nodes', i];
    if (node.region !== undefined) {
      const region = index.regionById.get(node.region);
      if (!region) out.push(makeIssue('unknown-region', [...at, 'region'], `Node "${node.id}" is placed in region "${node.region}", which does not exist.`));
      else if (node.zone !== undefined && node.zone >= (region.zones ?? DEFAULT_ZONES)) {
        out.push(makeIssue('zone-out-of-range', [...at, 'zone'], `Node "${node.id}" is in zone ${node.zone}, but region "${node.region}" has ${region.zones ?? DEFAULT_ZONES} zone(s) (numbered from 0).`));
      }
    } else if (node.zone !== undefined) {
      out.push(makeIssue('unknown-region', [...at, 'zone'], `Node "${node.id}" names a zone but no region.`));
    }
    if (node.reliability && !hasPositiveMean(node.reliability.timeToFailureHours)) {
      out.push(makeIssue('degenerate-distribution', [...at, 'reliability', 'timeToFailureHours'], `Node "${node.id}" would fail again the instant it is repaired; give its time to failure a positive value.`));
    } else if (node.reliability) {
      const cycle = medianOf(node.reliability.timeToFailureHours) + medianOf(node.reliability.timeToRepairHours);
      if (!(cycle >= MIN_CYCLE_HOURS)) {
        out.push(makeIssue('too-frequent', [...at, 'reliability', 'timeToFailureHours'], `Node "${node.id}" would fail and be repaired about every ${(cycle * 3600).toPrecision(2)} s (median time to failure plus median time to repair); a cycle must typically last at least 1 second, or a run never ends.`));
      }
    }
    switch (node.kind) {
      case 'clients': {
        if (node.origins) {
          let sum = 0;
          for (const [regionId, share] of Object.entries(node.origins)) {
            sum += share;
            if (!index.regionById.has(regionId)) {
              out.push(makeIssue('unknown-region', [...at, 'origins', regionId], `Clients "${node.id}" have an origin in region "${regionId}", which does not exist.`));
            }
          }
          if (Object.keys(node.origins).length > 0 && Math.abs(sum - 1) > 1e-6) {
            out.push(makeIssue('origins-sum', [...at, 'origins'], `The origin shares of clients "${node.id}" sum to ${round(sum)}; they must sum to 1.`));
          }
        }
        break;
      }
      case 'dns':
        checkDns(node, at, index, out);
        break;
      case 'backup': {
        const target = index.nodeById.get(node.of);
        if (!target) out.push(makeIssue('unknown-node', [...at, 'of'], `Backup "${node.id}" is of "${node.of}", which is not a node of this plan.`));
        else if (target.node.kind !== 'datastore') {
          out.push(makeIssue('backup-of-not-datastore', [...at, 'of'], `Backup "${node.id}" is of "${node.of}", a ${target.node.kind}; a backup must be of a datastore.`));
        }
        break;
      }
      case 'gateway':
      case 'service': {
        const a = node.autoscaling;
        if (a && node.instances !== undefined && (node.instances < a.min || node.instances > a.max)) {
          out.push(makeIssue('autoscaling-bounds', [...at, 'instances'], `${node.kind === 'gateway' ? 'Gateway' : 'Service'} "${node.id}" starts with ${node.instances} instances, outside its autoscaling range ${a.min}–${a.max}.`));
        }
        break;
      }
      default:
        break;
    }
  });
}

function checkDns(node: Extract<PlanNode, { kind: 'dns' }>, at: PathSegment[], index: Index, out: Issue[]): void {
  const policy = node.policy ?? 'simple';
  const drawn = index.trafficOut.get(node.id) ?? [];
  const drawnTo = new Set(drawn);
  node.targets.forEach((t, ti) => {
    const target = index.nodeById.get(t.node)?.node;
    if (!target) out.push(makeIssue('dns-target-unknown', [...at, 'targets', ti, 'node'], `DNS "${node.id}" targets "${t.node}", which is not a node of this plan.`));
    // A target routes traffic like an edge; when its edge is drawn, checkEdges already reports it.
    else if (!drawnTo.has(t.node) && (target.kind === 'backup' || target.kind === 'monitor')) {
      out.push(makeIssue('passive-in-traffic', [...at, 'targets', ti, 'node'], `DNS "${node.id}" targets "${t.node}", a ${target.kind}, which takes no part in traffic.`));
    } else if (!drawnTo.has(t.node) && target.kind === 'clients') {
      out.push(makeIssue('traffic-into-clients', [...at, 'targets', ti, 'node'], `DNS "${node.id}" targets clients "${t.node}", which cannot receive traffic; they only send it.`));
    }
    t.origins?.forEach((o, oi) => {
      if (!index.regionById.has(o)) out.push(makeIssue('unknown-region', [...at, 'targets', ti, 'origins', oi], `DNS "${node.id}" routes origin "${o}", which is not a region of this plan.`));
    });
  });
  const targetIds = node.targets.map((t) => t.node);
  const targetSet = new Set(targetIds);
  const duplicated = targetSet.size === targetIds.length ? undefined : targetIds.find((t, k) => targetIds.indexOf(t) !== k);
  if (duplicated) out.push(makeIssue('duplicate-edge', [...at, 'targets'], `DNS "${node.id}" lists "${duplicated}" twice among its targets.`));
  if (policy === 'simple' && node.targets.length !== 1) {
    out.push(makeIssue('dns-target-count', [...at, 'targets'], `DNS "${node.id}" uses the simple policy, which answers with exactly one target; it has ${node.targets.length}.`));
  }
  if (policy === 'failover') {
    const primaries = node.targets.filter((t) => t.role === 'primary').length;
    const secondaries = node.targets.filter((t) => t.role === 'secondary').length;
    const unassigned = node.targets.length - primaries - secondaries;
    if (primaries !== 1 || secondaries > 1 || unassigned > 0) {
      out.push(makeIssue('failover-roles', [...at, 'targets'], `DNS "${node.id}" is a failover record: give exactly one target role "primary" and at most one role "secondary" (found ${primaries} primary, ${secondaries} secondary, ${unassigned} without a role).`));
    }
  }
  if (policy === 'weighted') {
    const missing = node.targets.findIndex((t) => t.weight === undefined);
    const total = node.targets.reduce((s, t) => s + (t.weight ?? 0), 0);
    if (missing >= 0) out.push(makeIssue('weighted-weights', [...at, 'targets', missing, 'weight'], `DNS "${node.id}" is a weighted record: target "${node.targets[missing]?.node}" needs a weight.`));
    else if (total <= 0) out.push(makeIssue('weighted-weights', [...at, 'targets'], `DNS "${node.id}" is a weighted record whose weights sum to 0; give at least one target a positive weight.`));
  }
  if (policy === 'geo') {
    const defaults = node.targets.filter((t) => t.default).length;
    if (defaults > 1) out.push(makeIssue('geo-default', [...at, 'targets'], `DNS "${node.id}" has ${defaults} default targets; a geo record has at most one.`));
  }
  // A DNS node's traffic edges, if drawn, must say the same thing as its targets.
  if (drawn.length > 0) {
    const drawnSet = drawnTo;
    const extra = [...drawnSet].filter((d) => !targetSet.has(d));
    const missing = [...targetSet].filter((t) => !drawnSet.has(t));
    if (extra.length || missing.length) {
      const parts = [];
      if (extra.length) parts.push(`edges to ${extra.map((x) => `"${x}"`).join(', ')} that are not targets`);
      if (missing.length) parts.push(`targets ${missing.map((x) => `"${x}"`).join(', ')} without an edge`);
      out.push(makeIssue('dns-edges-mismatch', [...at, 'targets'], `DNS "${node.id}" has ${parts.join(' and ')}; draw one traffic edge per target or none at all.`));
    }
  }
}

function checkEdges(plan: Plan, index: Index, out: Issue[]): void {
  const seen = new Set<string>();
  plan.edges.forEach((edge, i) => {
    const at: PathSegment[] = ['edges', i];
    const from = index.nodeById.get(edge.from);
    const to = index.nodeById.get(edge.to);
    if (!from) out.push(makeIssue('unknown-node', [...at, 'from'], `This ${edge.kind} edge starts at "${edge.from}", which is not a node of this plan.`));
    if (!to) out.push(makeIssue('unknown-node', [...at, 'to'], `This ${edge.kind} edge ends at "${edge.to}", which is not a node of this plan.`));
    if (edge.from === edge.to) out.push(makeIssue('self-loop', [...at, 'to'], `This ${edge.kind} edge joins "${edge.from}" to itself.`));
    const key = `${edge.kind}:${edge.from}->${edge.to}`;
    if (seen.has(key)) out.push(makeIssue('duplicate-edge', at, `The ${edge.kind} edge from "${edge.from}" to "${edge.to}" is drawn twice.`));
    seen.add(key);
    if (!from || !to) return;
    if (edge.kind === 'replication') {
      if (from.node.kind !== 'datastore' || to.node.kind !== 'datastore') {
        const bad = from.node.kind !== 'datastore' ? from.node : to.node;
        out.push(makeIssue('replication-not-datastore', [...at, from.node.kind !== 'datastore' ? 'from' : 'to'], `Replication joins two datastores, but "${bad.id}" is a ${bad.kind}.`));
      }
      return;
    }
    if (to.node.kind === 'clients') out.push(makeIssue('traffic-into-clients', [...at, 'to'], `Clients "${to.node.id}" cannot receive traffic; they only send it.`));
    for (const [end, n] of [['from', from.node], ['to', to.node]] as const) {
      if (n.kind === 'backup' || n.kind === 'monitor') {
        out.push(makeIssue('passive-in-traffic', [...at, end], `"${n.id}" is a ${n.kind}, which takes no part in traffic; remove this edge.`));
      }
    }
  });
  // Clients have exactly one outgoing traffic edge: where their requests enter the design.
  plan.nodes.forEach((node, i) => {
    if (node.kind !== 'clients') return;
    const count = index.trafficOut.get(node.id)?.length ?? 0;
    if (count !== 1) {
      out.push(makeIssue('clients-edge-count', ['nodes', i], `Clients "${node.id}" have ${count} outgoing traffic edges; draw exactly one, to where their requests enter (usually DNS or a load balancer).`));
    }
  });
}

/**
 * A dataset (the undirected closure of replication edges) that mixes multiwriter with sync or async
 * edges says both "every member accepts writes" and "one primary": one error per such dataset, on
 * its first edge, naming every edge of it.
 */
function checkMixedDatasets(plan: Plan, index: Index, out: Issue[]): void {
  const edges = plan.edges.flatMap((e, i) => (e.kind === 'replication' && index.nodeById.has(e.from) && index.nodeById.has(e.to) ? [{ e, i }] : []));
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    // Path halving keeps a long chain of replicas linear.
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) {
      const up = parent.get(parent.get(r)!)!;
      parent.set(r, up);
      r = up;
    }
    return r;
  };
  for (const { e } of edges) {
    if (!parent.has(e.from)) parent.set(e.from, e.from);
    if (!parent.has(e.to)) parent.set(e.to, e.to);
    parent.set(find(e.from), find(e.to));
  }
  const groups = new Map<string, typeof edges>();
  for (const x of edges) {
    const root = find(x.e.from);
    const group = groups.get(root);
    if (group) group.push(x);
    else groups.set(root, [x]);
  }
  for (const group of groups.values()) {
    const multi = group.filter((x) => x.e.mode === 'multiwriter');
    if (multi.length === 0 || multi.length === group.length) continue;
    const name = (x: (typeof group)[number]): string => `${x.e.from}→${x.e.to} (${x.e.mode})`;
    out.push(
      makeIssue(
        'mixed-replication-modes',
        ['edges', group[0]!.i, 'mode'],
        `The dataset joined by replication edges ${group.map(name).join(', ')} mixes multiwriter with sync or async: make every edge of it multiwriter, or none.`,
      ),
    );
  }
}

/**
 * Finds one cycle of traffic edges (DFS, three colours) and reports the edge that closes it.
 * Iterative with an explicit stack, so a chain of any length cannot overflow the call stack.
 */
function checkTrafficCycles(plan: Plan, index: Index, out: Issue[]): void {
  const next = new Map<string, { to: string; edgeIndex: number }[]>();
  plan.edges.forEach((e, edgeIndex) => {
    if (e.kind !== 'traffic' || e.from === e.to) return;
    const list = next.get(e.from);
    if (list) list.push({ to: e.to, edgeIndex });
    else next.set(e.from, [{ to: e.to, edgeIndex }]);
  });
  // DNS targets route traffic too, even when no edge is drawn.
  for (const node of plan.nodes) {
    if (node.kind !== 'dns') continue;
    const list = next.get(node.id) ?? [];
    const listed = new Set(list.map((l) => l.to));
    for (const t of node.targets) {
      if (listed.has(t.node)) continue;
      listed.add(t.node);
      list.push({ to: t.node, edgeIndex: -1 });
    }
    next.set(node.id, list);
  }
  const colour = new Map<string, 1 | 2>();
  // The current path: node ids and, per node, the next of its successors to look at.
  const path: string[] = [];
  const cursor: number[] = [];
  for (const root of plan.nodes) {
    if (colour.has(root.id)) continue;
    colour.set(root.id, 1);
    path.push(root.id);
    cursor.push(0);
    while (path.length > 0) {
      const id = path[path.length - 1]!;
      const successors = next.get(id) ?? [];
      const k = cursor[cursor.length - 1]!;
      if (k >= successors.length) {
        colour.set(id, 2);
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[cursor.length - 1] = k + 1;
      const { to, edgeIndex } = successors[k]!;
      const c = colour.get(to);
      if (c === 1) {
        const loop = [...path.slice(path.lastIndexOf(to)), to];
        const shown = loop.length > 12 ? [...loop.slice(0, 5), `… ${loop.length - 10} more …`, ...loop.slice(-5)] : loop;
        const at: PathSegment[] = edgeIndex >= 0 ? ['edges', edgeIndex] : ['nodes', index.nodeById.get(id)?.index ?? -1, 'targets'];
        out.push(makeIssue('traffic-cycle', at, `Traffic goes round in a cycle: ${shown.join(' → ')}. Requests must flow one way, from clients to data.`));
        return;
      }
      if (c === undefined) {
        colour.set(to, 1);
        path.push(to);
        cursor.push(0);
      }
    }
  }
}

/** Datastores joined by replication edges form a group whose paths the engine tabulates (size² entries). */
function checkReplicationGroups(plan: Plan, index: Index, out: Issue[]): void {
  const links = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = links.get(a);
    if (list) list.push(b);
    else links.set(a, [b]);
  };
  for (const e of plan.edges) {
    if (e.kind !== 'replication' || e.from === e.to) continue;
    link(e.from, e.to);
    link(e.to, e.from);
  }
  const seen = new Set<string>();
  for (const start of links.keys()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const group = [start];
    for (let i = 0; i < group.length; i++) {
      for (const other of links.get(group[i]!) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        group.push(other);
      }
    }
    if (group.length > MAX_REPLICATION_GROUP) {
      const first = Math.min(...group.map((id) => index.nodeById.get(id)?.index ?? Infinity));
      const at: PathSegment[] = Number.isFinite(first) ? ['nodes', first] : [];
      out.push(makeIssue('replication-group-too-large', at, `Replication joins ${group.length} datastores into one group (starting at "${start}"); a group may hold at most ${MAX_REPLICATION_GROUP}.`));
    }
  }
}

function checkSharedFailures(plan: Plan, index: Index, out: Issue[]): void {
  plan.commonCauses?.forEach((cause, i) => {
    cause.affects.forEach((nodeId, k) => {
      if (!index.nodeById.has(nodeId)) out.push(makeIssue('unknown-node', ['commonCauses', i, 'affects', k], `Common cause "${cause.id}" affects "${nodeId}", which is not a node of this plan.`));
    });
  });
  const causeIds = new Set((plan.commonCauses ?? []).map((c) => c.id));
  plan.scenarios?.forEach((scenario, i) => {
    const at: PathSegment[] = ['scenarios', i, 'fail'];
    const fail = scenario.fail;
    if ('region' in fail && !index.regionById.has(fail.region)) {
      out.push(makeIssue('unknown-region', [...at, 'region'], `Scenario "${scenario.id}" fails region "${fail.region}", which does not exist.`));
    } else if ('zone' in fail) {
      const region = index.regionById.get(fail.zone.region);
      if (!region) out.push(makeIssue('unknown-region', [...at, 'zone', 'region'], `Scenario "${scenario.id}" fails a zone of region "${fail.zone.region}", which does not exist.`));
      else if (fail.zone.zone >= (region.zones ?? DEFAULT_ZONES)) {
        out.push(makeIssue('zone-out-of-range', [...at, 'zone', 'zone'], `Scenario "${scenario.id}" fails zone ${fail.zone.zone}, but region "${fail.zone.region}" has ${region.zones ?? DEFAULT_ZONES} zone(s) (numbered from 0).`));
      }
    } else if ('node' in fail && !index.nodeById.has(fail.node)) {
      out.push(makeIssue('unknown-node', [...at, 'node'], `Scenario "${scenario.id}" fails "${fail.node}", which is not a node of this plan.`));
    } else if ('commonCause' in fail && !causeIds.has(fail.commonCause)) {
      out.push(makeIssue('unknown-common-cause', [...at, 'commonCause'], `Scenario "${scenario.id}" triggers common cause "${fail.commonCause}", which does not exist.`));
    }
  });
}

function round(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

/** Every cross-reference and structural error of a well-formed plan. */
export function crossCheckPlan(plan: Plan): Issue[] {
  const out: Issue[] = [];
  const index = buildIndex(plan);
  checkUniqueIds(plan, out);
  checkNodes(plan, index, out);
  checkEdges(plan, index, out);
  checkTrafficCycles(plan, index, out);
  checkMixedDatasets(plan, index, out);
  checkReplicationGroups(plan, index, out);
  checkSharedFailures(plan, index, out);
  return out;
}
