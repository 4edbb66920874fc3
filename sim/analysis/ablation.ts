/**
 * Ablation: the plan with one strategy taken out, by a documented transformation per strategy, so
 * its measured effect is the paired difference between the two plans' simulations. Every
 * transformation leaves a plan that does not use the strategy unchanged (deep-equal), so ablating an
 * unused strategy changes nothing. Pure; imports only sim/model types and sim/catalog ids.
 */
import type { StrategyId } from '../catalog';
import type { FleetNode, Plan, PlanNode } from '../model/schema';

export interface Ablation {
  plan: Plan;
  /** What the transformation did to this plan, one clause per change ('' when nothing changed). */
  changes: string[];
}

/** One sentence per strategy: what "without it" means (README and `strategies --json` quote it). */
export const ABLATION_RULES: Record<StrategyId, string> = {
  multiRegion: 'keep only the home region (the region of the primary DNS target, else the one with most serving nodes): nodes placed elsewhere are removed with their edges, DNS targets, backups and shared failures; a record left with one target becomes simple',
  loadBalancing: "remove every load balancer; whatever sent traffic to it (a DNS target included) sends it to the balancer's first target directly, and each fleet that lost its balancer runs as one instance with the most capacity the fleet could reach (instances, or the autoscaling maximum, × capacityRpsPerInstance; no autoscaling), so nothing spreads requests over instances any more",
  automaticFailover: 'DNS records that route over two or more targets are switched by people (healthCheck.manual: true, PLAN-FORMAT meaning 21) and automatic promotions become manual',
  dataReplication: "remove replication edges and every dataset member but its primary (the member no replication edge points to); traffic to a removed member goes to the primary, and the removed members' backups go with them",
  containers: 'container fleets run on virtual machines (platform vm, no probes), with the same instances and autoscaling',
  serverless: 'serverless fleets become virtual machines: two instances sharing the capacity concurrencyLimit ÷ requestSeconds (unlimited if either is missing)',
  monitoring: 'remove the monitor nodes: manual recovery waits for the catalog\'s "unmonitored" detection and response',
  regularTesting: 'set practices.drillsPerYear to 0 (promotions and restores succeed with the untested probability)',
};

// Plans are JSON documents, so a JSON round trip is an exact deep copy.
const clone = (plan: Plan): Plan => JSON.parse(JSON.stringify(plan)) as Plan;
const isFleet = (n: PlanNode) => n.kind === 'gateway' || n.kind === 'service';

/** Removes nodes and every reference to them (edges, DNS targets, backups of them, shared failures, scenarios). */
export function removeNodes(plan: Plan, ids: Set<string>): void {
  if (ids.size === 0) return;
  // Backups of removed datastores go too.
  for (const n of plan.nodes) if (n.kind === 'backup' && ids.has(n.of)) ids.add(n.id);
  plan.nodes = plan.nodes.filter((n) => !ids.has(n.id));
  plan.edges = plan.edges.filter((e) => !ids.has(e.from) && !ids.has(e.to));
  for (const n of plan.nodes) {
    if (n.kind !== 'dns' || !n.targets.some((t) => ids.has(t.node))) continue;
    n.targets = n.targets.filter((t) => !ids.has(t.node));
    simplifyRecord(n);
  }
  if (plan.commonCauses) {
    plan.commonCauses = plan.commonCauses.map((c) => ({ ...c, affects: c.affects.filter((a) => !ids.has(a)) })).filter((c) => c.affects.length > 0);
    if (plan.commonCauses.length === 0) delete plan.commonCauses;
  }
  if (plan.scenarios) {
    plan.scenarios = plan.scenarios.filter((s) => !('node' in s.fail && ids.has(s.fail.node)));
    if (plan.scenarios.length === 0) delete plan.scenarios;
  }
}

/** A record left with one target answers it alone: the simple policy, with no health check. */
function simplifyRecord(n: Extract<PlanNode, { kind: 'dns' }>): void {
  if (n.targets.length !== 1 || (n.policy ?? 'simple') === 'simple') return;
  n.policy = 'simple';
  delete n.healthCheck;
  n.targets = [{ node: n.targets[0]!.node }];
}

const SERVING = new Set<PlanNode['kind']>(['dns', 'loadBalancer', 'gateway', 'service', 'datastore']);

function homeRegion(plan: Plan): string | undefined {
  for (const n of plan.nodes) {
    if (n.kind !== 'dns' || n.targets.length < 2) continue;
    const first = n.targets.find((t) => t.role === 'primary') ?? n.targets[0]!;
    const region = plan.nodes.find((x) => x.id === first.node)?.region;
    if (region) return region;
  }
  const count = new Map<string, number>();
  for (const n of plan.nodes) if (SERVING.has(n.kind) && n.region) count.set(n.region, (count.get(n.region) ?? 0) + 1);
  let best: string | undefined;
  for (const [region, c] of count) if (best === undefined || c > count.get(best)!) best = region;
  return best;
}

function withoutMultiRegion(plan: Plan): string[] {
  const serving = new Set(plan.nodes.filter((n) => SERVING.has(n.kind) && n.region).map((n) => n.region!));
  if (serving.size < 2) return [];
  const home = homeRegion(plan)!;
  const gone = new Set(plan.nodes.filter((n) => n.kind !== 'clients' && n.region !== undefined && n.region !== home).map((n) => n.id));
  const names = [...gone];
  removeNodes(plan, gone);
  return [`kept ${home}; removed ${names.join(', ')}`];
}

function withoutLoadBalancing(plan: Plan): string[] {
  const changes: string[] = [];
  for (const lb of plan.nodes.filter((n) => n.kind === 'loadBalancer')) {
    const targets = plan.edges.filter((e) => e.kind === 'traffic' && e.from === lb.id).map((e) => e.to);
    const direct = targets[0];
    for (const e of plan.edges) if (e.kind === 'traffic' && e.to === lb.id && direct !== undefined) e.to = direct;
    for (const n of plan.nodes) {
      if (n.kind !== 'dns' || direct === undefined) continue;
      for (const t of n.targets) if (t.node === lb.id) t.node = direct;
    }
    // Parallel duplicates (a caller that already reached the target) collapse to one edge.
    const seen = new Set<string>();
    plan.edges = plan.edges.filter((e) => {
      const key = `${e.kind}|${e.from}|${e.to}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const dropped = targets.slice(1);
    removeNodes(plan, new Set([lb.id]));
    // The engine spreads traffic that reaches a fleet directly over its up instances at once (a
    // perfect balancer), so the fleet itself must stop being several instances.
    const fleet = plan.nodes.find((n) => n.id === direct);
    let single = '';
    if (fleet && isFleet(fleet) && (fleet as FleetNode).platform !== 'serverless') {
      const f = fleet as FleetNode;
      // The one instance gets the most capacity the fleet could reach (its autoscaling maximum),
      // so what is measured is the lost redundancy, not a capacity shortage.
      const count = f.autoscaling?.max ?? f.instances ?? 1;
      if (count > 1 || f.autoscaling) {
        if (f.capacityRpsPerInstance !== undefined) f.capacityRpsPerInstance *= count;
        f.instances = 1;
        delete f.autoscaling;
        single = `, which runs as one instance${f.capacityRpsPerInstance !== undefined ? ` of ${f.capacityRpsPerInstance} requests/s` : ''}`;
      }
    }
    changes.push(direct === undefined ? `removed ${lb.id}` : `removed ${lb.id}: traffic goes to ${direct} directly${single}${dropped.length > 0 ? ` (${dropped.join(', ')} no longer reached through it)` : ''}`);
  }
  return changes;
}

function withoutAutomaticFailover(plan: Plan): string[] {
  const changes: string[] = [];
  for (const n of plan.nodes) {
    if (n.kind === 'dns' && (n.policy ?? 'simple') !== 'simple' && n.targets.length >= 2 && !n.healthCheck?.manual) {
      n.healthCheck = { ...(n.healthCheck ?? {}), manual: true };
      changes.push(`${n.id} is failed over by people`);
    }
    if (n.kind === 'datastore' && n.promotion?.automatic) {
      n.promotion = { ...n.promotion, automatic: false };
      changes.push(`${n.id} is promoted by hand`);
    }
  }
  return changes;
}

function withoutDataReplication(plan: Plan): string[] {
  const replication = plan.edges.filter((e) => e.kind === 'replication');
  if (replication.length === 0) return [];
  const neighbours = new Map<string, string[]>();
  for (const e of replication) {
    neighbours.set(e.from, [...(neighbours.get(e.from) ?? []), e.to]);
    neighbours.set(e.to, [...(neighbours.get(e.to) ?? []), e.from]);
  }
  const pointedTo = new Set(replication.map((e) => e.to));
  const primaryOf = new Map<string, string>();
  for (const n of plan.nodes) {
    if (!neighbours.has(n.id) || primaryOf.has(n.id)) continue;
    const members: string[] = [];
    const queue = [n.id];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const at = queue.shift()!;
      members.push(at);
      for (const x of neighbours.get(at) ?? []) {
        if (seen.has(x)) continue;
        seen.add(x);
        queue.push(x);
      }
    }
    const ordered = plan.nodes.map((x) => x.id).filter((id) => seen.has(id));
    const primary = ordered.find((id) => !pointedTo.has(id)) ?? ordered[0]!;
    for (const m of members) primaryOf.set(m, primary);
  }
  plan.edges = plan.edges.filter((e) => e.kind !== 'replication');
  const removed = new Set([...primaryOf].filter(([m, p]) => m !== p).map(([m]) => m));
  for (const e of plan.edges) if (removed.has(e.to)) e.to = primaryOf.get(e.to)!;
  const seen = new Set<string>();
  plan.edges = plan.edges.filter((e) => {
    const key = `${e.kind}|${e.from}|${e.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  removeNodes(plan, removed);
  return [`removed ${replication.length} replication edge${replication.length === 1 ? '' : 's'} and ${[...removed].join(', ')}`];
}

function withoutContainers(plan: Plan): string[] {
  const changes: string[] = [];
  for (const n of plan.nodes) {
    if (!isFleet(n) || n.platform !== 'container') continue;
    const f = n as Extract<PlanNode, { kind: 'gateway' | 'service' }>;
    f.platform = 'vm';
    delete f.probes;
    changes.push(`${f.id} runs on virtual machines`);
  }
  return changes;
}

function withoutServerless(plan: Plan): string[] {
  const changes: string[] = [];
  for (const n of plan.nodes) {
    if (!isFleet(n) || n.platform !== 'serverless') continue;
    const f = n as Extract<PlanNode, { kind: 'gateway' | 'service' }>;
    const capacity = f.concurrencyLimit !== undefined && f.requestSeconds !== undefined ? f.concurrencyLimit / f.requestSeconds : undefined;
    f.platform = 'vm';
    f.instances = 2;
    delete f.concurrencyLimit;
    delete f.requestSeconds;
    delete f.scaleUpPerMinute;
    if (capacity !== undefined) f.capacityRpsPerInstance = capacity / 2;
    changes.push(`${f.id} runs on 2 virtual machines${capacity !== undefined ? ` of ${capacity / 2} requests/s each` : ''}`);
  }
  return changes;
}

function withoutMonitoring(plan: Plan): string[] {
  const monitors = new Set(plan.nodes.filter((n) => n.kind === 'monitor').map((n) => n.id));
  removeNodes(plan, monitors);
  return monitors.size > 0 ? [`removed ${[...monitors].join(', ')}`] : [];
}

function withoutRegularTesting(plan: Plan): string[] {
  const drills = plan.practices?.drillsPerYear ?? 0;
  if (drills === 0) return [];
  plan.practices = { ...plan.practices, drillsPerYear: 0 };
  return [`drillsPerYear ${drills} → 0`];
}

const TRANSFORMS: Record<StrategyId, (plan: Plan) => string[]> = {
  multiRegion: withoutMultiRegion,
  loadBalancing: withoutLoadBalancing,
  automaticFailover: withoutAutomaticFailover,
  dataReplication: withoutDataReplication,
  containers: withoutContainers,
  serverless: withoutServerless,
  monitoring: withoutMonitoring,
  regularTesting: withoutRegularTesting,
};

/** The plan without `strategy` (a fresh copy; the input is not modified). */
export function ablate(plan: Plan, strategy: StrategyId): Ablation {
  const copy = clone(plan);
  const changes = TRANSFORMS[strategy](copy);
  return { plan: changes.length === 0 ? clone(plan) : copy, changes };
}
