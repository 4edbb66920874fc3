/**
 * Validation warnings: combinations the real services do not offer, or practices worth a second
 * look. They never block a plan (PLAN-FORMAT "Validation warnings"). Paths point into the plan as
 * written; the resolved plan keeps the same indices. Imports only sim/model and sim/catalog.
 */
import { makeIssue, type Issue } from './issues';
import type { Plan } from './schema';
import type { ResolvedPlan } from './resolve';

const ENGINES_WITH_ASYNC_CROSS_REGION = new Set(['aurora', 'rds']);

function warn(out: Issue[], code: Parameters<typeof makeIssue>[0], path: (string | number)[], message: string): void {
  out.push(makeIssue(code, path, message, 'warning'));
}

/** Resolved nodes and regions by id (first of each id wins, as elsewhere in validation). */
interface Lookup {
  node: Map<string, ResolvedPlan['nodes'][number]>;
  region: Map<string, ResolvedPlan['regions'][number]>;
}

function lookupOf(resolved: ResolvedPlan): Lookup {
  const node = new Map<string, ResolvedPlan['nodes'][number]>();
  for (const n of resolved.nodes) if (!node.has(n.id)) node.set(n.id, n);
  const region = new Map<string, ResolvedPlan['regions'][number]>();
  for (const r of resolved.regions) if (!region.has(r.id)) region.set(r.id, r);
  return { node, region };
}

function checkData(plan: Plan, resolved: ResolvedPlan, lookup: Lookup, out: Issue[]): void {
  const nodeIndex = new Map<string, number>();
  plan.nodes.forEach((n, i) => {
    if (!nodeIndex.has(n.id)) nodeIndex.set(n.id, i);
  });
  const datastore = (id: string) => {
    const n = lookup.node.get(id);
    return n?.kind === 'datastore' ? n : undefined;
  };
  plan.edges.forEach((edge, i) => {
    if (edge.kind !== 'replication') return;
    const from = datastore(edge.from);
    const to = datastore(edge.to);
    if (!from || !to || from.kind !== 'datastore' || to.kind !== 'datastore') return;
    const crossRegion = from.region !== undefined && to.region !== undefined && from.region !== to.region;
    if (crossRegion && edge.mode === 'sync' && ENGINES_WITH_ASYNC_CROSS_REGION.has(from.engine)) {
      warn(out, 'cross-region-sync', ['edges', i, 'mode'], `Across regions ${from.engine} replicates asynchronously; AWS offers no synchronous cross-region mode for it (${edge.from} → ${edge.to}).`);
    }
    const replicaIndex = nodeIndex.get(edge.to);
    const replicaPlan = replicaIndex === undefined ? undefined : plan.nodes[replicaIndex];
    if (crossRegion && ENGINES_WITH_ASYNC_CROSS_REGION.has(to.engine) && replicaPlan?.kind === 'datastore' && replicaPlan.promotion?.automatic === true) {
      warn(out, 'cross-region-auto-promotion', ['nodes', replicaIndex!, 'promotion', 'automatic'], `Promoting ${to.engine} replica "${to.id}" in another region is user-initiated on AWS; automatic promotion here is optimistic.`);
    }
    if ((from.engine === 'dynamodb' || to.engine === 'dynamodb') && edge.mode !== 'multiwriter') {
      warn(out, 'dynamodb-promotion', ['edges', i, 'mode'], `DynamoDB global tables are multi-writer; model ${edge.from} → ${edge.to} with mode "multiwriter" rather than a promoted replica.`);
    }
  });
  plan.nodes.forEach((node, i) => {
    if (node.kind === 'datastore' && node.engine === 'dynamodb' && node.promotion) {
      warn(out, 'dynamodb-promotion', ['nodes', i, 'promotion'], `DynamoDB global tables need no promotion; "${node.id}"'s promotion settings will not match the service.`);
    }
    if (node.kind === 'backup') {
      const b = resolved.nodes[i];
      if (b?.kind === 'backup' && (b.copies < 3 || b.media < 2 || !b.offsite)) {
        const missing = [b.copies < 3 ? `${b.copies} cop${b.copies === 1 ? 'y' : 'ies'}` : '', b.media < 2 ? `${b.media} medium` : '', !b.offsite ? 'no off-site copy' : '']
          .filter(Boolean)
          .join(', ');
        warn(out, 'backup-3-2-1', ['nodes', i], `Backup "${node.id}" breaks the 3-2-1 rule (${missing}): keep 3 copies on 2 media with 1 off site.`);
      }
    }
  });
}

/** A DNS record is taken to be Route 53 when every region its targets sit in is an AWS region. */
function isRoute53(lookup: Lookup, targets: { node: string }[]): boolean {
  const regions = targets.map((t) => lookup.node.get(t.node)?.region).filter((r): r is string => r !== undefined);
  return regions.length > 0 && regions.every((r) => lookup.region.get(r)?.provider === 'aws');
}

function checkDns(plan: Plan, resolved: ResolvedPlan, lookup: Lookup, out: Issue[]): void {
  plan.nodes.forEach((node, i) => {
    if (node.kind !== 'dns') return;
    const r = resolved.nodes[i];
    if (!r || r.kind !== 'dns') return;
    // Meaning 21: people switch a manual record after the monitor's delays; checker settings do nothing.
    const unused = (['intervalSeconds', 'failureThreshold', 'recoveryThreshold', 'checkers'] as const).filter((k) => node.healthCheck?.[k] !== undefined);
    if (r.healthCheck.manual && unused.length > 0) {
      warn(out, 'manual-check-settings', ['nodes', i, 'healthCheck', unused[0]!], `"${node.id}" is switched by hand after the monitor's detection and response, so its ${unused.join(', ')} ${unused.length === 1 ? 'is' : 'are'} not used.`);
    }
    if (!isRoute53(lookup, node.targets)) return;
    if (r.policy !== 'simple' && !r.healthCheck.manual) {
      const hc = r.healthCheck;
      if (hc.recoveryThreshold !== hc.failureThreshold) {
        warn(out, 'route53-thresholds', ['nodes', i, 'healthCheck', 'recoveryThreshold'], `Route 53 uses one threshold both ways; "${node.id}" has failure ${hc.failureThreshold} and recovery ${hc.recoveryThreshold}.`);
      }
      if (hc.intervalSeconds !== 10 && hc.intervalSeconds !== 30) {
        warn(out, 'route53-interval', ['nodes', i, 'healthCheck', 'intervalSeconds'], `Route 53 checks every 10 or 30 seconds; "${node.id}" says ${hc.intervalSeconds}.`);
      }
    }
    const aliasToBalancer = node.targets.some((t) => lookup.node.get(t.node)?.kind === 'loadBalancer');
    if (aliasToBalancer && r.ttlSeconds !== 60) {
      warn(out, 'alias-ttl', ['nodes', i, 'ttlSeconds'], `An alias record to an AWS load balancer has a fixed 60-second TTL; "${node.id}" says ${r.ttlSeconds} s.`);
    }
  });
}

/** Nodes that no client traffic reaches (through traffic edges, DNS targets or replication). */
function checkReachability(plan: Plan, out: Issue[]): void {
  const starts = plan.nodes.filter((n) => n.kind === 'clients').map((n) => n.id);
  if (starts.length === 0) return;
  const next = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
  };
  for (const e of plan.edges) {
    link(e.from, e.to);
    if (e.kind === 'replication') link(e.to, e.from);
  }
  for (const n of plan.nodes) if (n.kind === 'dns') for (const t of n.targets) link(n.id, t.node);
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length) {
    for (const m of next.get(queue.pop()!) ?? []) {
      if (seen.has(m)) continue;
      seen.add(m);
      queue.push(m);
    }
  }
  plan.nodes.forEach((n, i) => {
    if (n.kind === 'backup' || n.kind === 'monitor' || seen.has(n.id)) return;
    warn(out, 'unreachable-node', ['nodes', i], `No client traffic reaches ${n.kind} "${n.id}"; connect it or it will not affect the results.`);
  });
}

export function warningsFor(plan: Plan, resolved: ResolvedPlan): Issue[] {
  const out: Issue[] = [];
  const lookup = lookupOf(resolved);
  checkData(plan, resolved, lookup, out);
  checkDns(plan, resolved, lookup, out);
  checkReachability(plan, out);
  return out;
}
