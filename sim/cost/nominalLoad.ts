/**
 * The nominal load on every node (requests per second, writes per second) when nothing has failed:
 * the clients' mean rates (a daily swing averages out over a month) routed by DNS answers with every
 * target healthy, split by load balancers over their targets' instances, and passed whole down each
 * series dependency. The cost model turns these rates into monthly usage.
 * Pure; imports sim/model types and the engine's DNS answer rules (one definition of routing).
 */
import type { ResolvedPlan } from '../model/resolve';
import { collectOrigins } from '../engine/dns/compileDns';
import { answerFor, compileDnsRecord } from '../engine/dns/answers';

export interface NodeLoad {
  requestsPerSecond: number;
  writesPerSecond: number;
}

/** Mean requests and writes per second reaching each node, by node id (0 for nodes off the path). */
export function nominalLoad(plan: ResolvedPlan): Map<string, NodeLoad> {
  const origins = collectOrigins(plan);
  const width = origins.ids.length;
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  // Per origin: requests and writes per second reaching a node.
  const requests = new Map<string, Float64Array>(plan.nodes.map((n) => [n.id, new Float64Array(width)]));
  const writes = new Map<string, Float64Array>(plan.nodes.map((n) => [n.id, new Float64Array(width)]));
  const targetsOf = new Map<string, string[]>();
  const indegree = new Map<string, number>(plan.nodes.map((n) => [n.id, 0]));
  for (const e of plan.edges) {
    if (e.kind !== 'traffic') continue;
    targetsOf.set(e.from, [...(targetsOf.get(e.from) ?? []), e.to]);
    indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  }
  for (const n of plan.nodes) {
    if (n.kind !== 'clients') continue;
    const mix = origins.byClients.get(n.id) ?? [];
    for (const [o, share] of mix) {
      requests.get(n.id)![o]! += n.requestsPerSecond * share;
      writes.get(n.id)![o]! += n.requestsPerSecond * n.writeFraction * share;
    }
  }
  // Kahn's order over the traffic DAG (validation rejects cycles).
  const ready = plan.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const healthyScratch = new Map<string, Uint8Array>();
  while (ready.length > 0) {
    const id = ready.shift()!;
    const node = byId.get(id)!;
    const targets = targetsOf.get(id) ?? [];
    const req = requests.get(id)!;
    const wr = writes.get(id)!;
    const share = sharesOf(plan, node, targets, origins.ids, healthyScratch);
    targets.forEach((to, k) => {
      const tr = requests.get(to)!;
      const tw = writes.get(to)!;
      for (let o = 0; o < width; o++) {
        const f = share(o, k);
        tr[o]! += req[o]! * f;
        tw[o]! += wr[o]! * f;
      }
      indegree.set(to, indegree.get(to)! - 1);
      if (indegree.get(to) === 0) ready.push(to);
    });
  }
  const out = new Map<string, NodeLoad>();
  for (const n of plan.nodes) {
    const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    out.set(n.id, { requestsPerSecond: sum(requests.get(n.id)!), writesPerSecond: sum(writes.get(n.id)!) });
  }
  return out;
}

/** The share of origin o's traffic at `node` that goes to its k-th traffic target. */
function sharesOf(
  plan: ResolvedPlan,
  node: ResolvedPlan['nodes'][number],
  targets: string[],
  originIds: string[],
  scratch: Map<string, Uint8Array>,
): (o: number, k: number) => number {
  if (node.kind === 'dns') {
    const record = compileDnsRecord(plan, node, originIds);
    const healthy = scratch.get(node.id) ?? new Uint8Array(record.targetIds.length).fill(1);
    scratch.set(node.id, healthy);
    const answers = originIds.map((_, o) => {
      const out = new Float64Array(record.targetIds.length);
      answerFor(record, healthy, o, out);
      return out;
    });
    // Traffic edges and DNS targets name the same nodes (validation checks it); map by id.
    return (o, k) => answers[o]![record.targetIds.indexOf(targets[k]!)] ?? 0;
  }
  if (node.kind === 'loadBalancer') {
    // Balancers spread over instances (meaning 9): a target's share is its instance count's share.
    const weight = targets.map((t) => {
      const target = plan.nodes.find((n) => n.id === t);
      return target && (target.kind === 'gateway' || target.kind === 'service') ? target.instances : 1;
    });
    const total = weight.reduce((s, w) => s + w, 0);
    return (_o, k) => weight[k]! / total;
  }
  // Every other node needs all of its targets (meaning 4): each receives the whole load.
  return () => 1;
}
