/**
 * Which of the eight strategies of the source article a plan uses, each with a reason that names
 * the plan's own ids (or says what is missing). Pure; imports only sim/model and sim/catalog.
 */
import { CATALOG, promotionSuccessProbability, STRATEGY_IDS, type StrategyId } from '../catalog';
import type { DatastoreNode, Distribution, FleetNode, Plan, PlanNode } from '../model/schema';

export interface StrategyFinding {
  id: StrategyId;
  used: boolean;
  /** One sentence starting with the strategy's name, naming plan ids. */
  reason: string;
  /** The nodes that make the strategy used (or, when it is not, the ones the reason talks about). */
  nodes: string[];
}

type Detection = Omit<StrategyFinding, 'id'>;
type Detector = (plan: Plan) => Detection;

// Kinds that carry or serve requests; backups and monitors sit beside the path, clients outside it.
const SERVING_KINDS = new Set<PlanNode['kind']>(['dns', 'loadBalancer', 'gateway', 'service', 'datastore']);
// Every DNS policy but `simple` chooses among health-checked targets (PLAN-FORMAT meaning 7).
const ROUTING_POLICIES = new Set(['failover', 'weighted', 'latency', 'geo']);

const isFleet = (n: PlanNode): n is FleetNode => n.kind === 'gateway' || n.kind === 'service';
const platformOf = (f: FleetNode) => f.platform ?? 'vm';
const instancesOf = (f: FleetNode) => f.instances ?? f.autoscaling?.min ?? 1;
const list = (ids: string[]) => (ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`);
const unique = (ids: string[]) => [...new Set(ids)];

function describeMinutes(d: Distribution): string {
  switch (d.dist) {
    case 'uniform':
      return `${d.min}–${d.max} min`;
    case 'fixed':
      return `${d.value} min`;
    case 'lognormal':
      return `median ${d.median} min`;
    case 'exponential':
      return `mean ${d.mean} min`;
    default:
      return d.dist;
  }
}

const multiRegion: Detector = (plan) => {
  const placed = plan.nodes.filter((n) => SERVING_KINDS.has(n.kind) && n.region !== undefined);
  const regions = unique(placed.map((n) => n.region!));
  const nodes = placed.map((n) => n.id);
  if (regions.length >= 2) return { used: true, reason: `nodes in ${list(regions)}`, nodes };
  if (regions.length === 1) return { used: false, reason: `every serving node is in ${regions[0]}; a regional outage takes them all`, nodes };
  return { used: false, reason: 'no serving node is placed in a region', nodes: [] };
};

const loadBalancing: Detector = (plan) => {
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  const spreading: string[] = [];
  const single: string[] = [];
  const nodes: string[] = [];
  for (const lb of plan.nodes.filter((n) => n.kind === 'loadBalancer')) {
    const targets = plan.edges.filter((e) => e.kind === 'traffic' && e.from === lb.id).map((e) => byId.get(e.to)).filter((n) => n !== undefined);
    if (targets.length === 0) continue;
    const serverless = targets.filter((t) => isFleet(t) && platformOf(t) === 'serverless');
    // A serverless target is a pool the provider balances itself; count it as many instances.
    const instances = targets.reduce((sum, t) => sum + (isFleet(t) ? instancesOf(t) : 1), 0);
    const names = list(targets.map((t) => t.id));
    if (serverless.length > 0 || instances >= 2 || targets.length >= 2) {
      const over = serverless.length > 0 ? 'a serverless pool' : `${instances} instance${instances === 1 ? '' : 's'}`;
      spreading.push(`${lb.id} spreads ${names} over ${over}`);
      nodes.push(lb.id, ...targets.map((t) => t.id));
    } else {
      single.push(`${lb.id} has only one instance (${names}) behind it`);
    }
  }
  if (spreading.length > 0) return { used: true, reason: spreading.join('; '), nodes: unique(nodes) };
  if (single.length > 0) return { used: false, reason: `${single.join('; ')}, so there is nothing to balance`, nodes: [] };
  const direct = plan.edges.filter((e) => e.kind === 'traffic' && isFleetId(plan, e.to) && byId.get(e.from)?.kind !== 'loadBalancer').map((e) => e.to);
  const hint = direct.length > 0 ? `: ${list(unique(direct))} take${unique(direct).length === 1 ? 's' : ''} traffic directly` : '';
  return { used: false, reason: `no load balancer${hint}`, nodes: unique(direct) };
};

function isFleetId(plan: Plan, id: string): boolean {
  const n = plan.nodes.find((x) => x.id === id);
  return n !== undefined && isFleet(n);
}

/** Datastores sharing a promotable (non-multiwriter) replication edge with another member. */
function promotableMembers(plan: Plan): Set<string> {
  const out = new Set<string>();
  for (const e of plan.edges) {
    if (e.kind !== 'replication' || e.mode === 'multiwriter') continue;
    out.add(e.from);
    out.add(e.to);
  }
  return out;
}

const automaticFailover: Detector = (plan) => {
  const reasons: string[] = [];
  const nodes: string[] = [];
  const missing: string[] = [];
  const route53 = CATALOG.healthCheck.route53.value;
  for (const n of plan.nodes) {
    if (n.kind !== 'dns') continue;
    const policy = n.policy ?? 'simple';
    const targets = n.targets.map((t) => t.node);
    if (ROUTING_POLICIES.has(policy) && targets.length >= 2 && n.healthCheck?.manual) {
      // PLAN-FORMAT meaning 21: people switch this record, so its failover is not automatic.
      missing.push(`${n.id} (${policy}) is switched by people (healthCheck.manual)`);
    } else if (ROUTING_POLICIES.has(policy) && targets.length >= 2) {
      const interval = n.healthCheck?.intervalSeconds ?? route53.intervalSeconds;
      const threshold = n.healthCheck?.failureThreshold ?? route53.failureThreshold;
      reasons.push(`${n.id} (${policy}) health-checks ${list(targets)} every ${interval} s and stops answering with a target after ${threshold} failed checks`);
      nodes.push(n.id, ...targets);
    } else {
      missing.push(policy === 'simple' ? `${n.id} uses the simple policy (one target, no health check)` : `${n.id} has only one target to route to`);
    }
  }
  const promotable = promotableMembers(plan);
  const automatic: string[] = [];
  for (const n of plan.nodes) {
    if (n.kind !== 'datastore') continue;
    const d: DatastoreNode = n;
    if (d.promotion?.automatic && promotable.has(d.id)) {
      automatic.push(d.id);
    } else if (d.promotion?.automatic) {
      missing.push(`${d.id} has automatic promotion but no replica to promote`);
    } else if (promotable.has(d.id) && plan.edges.some((e) => e.kind === 'replication' && e.to === d.id)) {
      missing.push(`${d.id} is promoted by hand`);
    }
  }
  if (automatic.length > 0) {
    reasons.push(`${list(automatic)} ${automatic.length === 1 ? 'is' : 'are'} promoted automatically when the primary of ${automatic.length === 1 ? 'its' : 'their'} dataset fails`);
    nodes.push(...automatic);
  }
  if (reasons.length > 0) return { used: true, reason: reasons.join('; '), nodes: unique(nodes) };
  const detail = missing.length > 0 ? `: ${missing.join('; ')}` : '';
  return { used: false, reason: `no health-checked DNS routing over two or more targets and no automatic promotion${detail}`, nodes: [] };
};

const dataReplication: Detector = (plan) => {
  const edges = plan.edges.filter((e) => e.kind === 'replication');
  if (edges.length > 0) {
    const links = edges.map((e) => `${e.from} → ${e.to} (${e.mode})`);
    return { used: true, reason: list(links), nodes: unique(edges.flatMap((e) => [e.from, e.to])) };
  }
  const stores = plan.nodes.filter((n) => n.kind === 'datastore').map((n) => n.id);
  if (stores.length === 0) return { used: false, reason: 'the plan has no datastore', nodes: [] };
  const backups = plan.nodes.filter((n) => n.kind === 'backup').map((n) => n.id);
  const only = backups.length > 0 ? `; only backups (${list(backups)}) protect the data` : '';
  return { used: false, reason: `no replication edge: ${list(stores)} ha${stores.length === 1 ? 's' : 've'} no replica${only}`, nodes: stores };
};

const platformStrategy = (platform: 'container' | 'serverless', verb: string): Detector => (plan) => {
  const fleets = plan.nodes.filter(isFleet);
  const on = fleets.filter((f) => platformOf(f) === platform);
  if (on.length > 0) {
    const probed = platform === 'container' && on.some((f) => f.probes?.liveness) ? ' with liveness probes restarting them' : '';
    return { used: true, reason: `${list(on.map((f) => f.id))} ${on.length === 1 ? 'runs' : 'run'} ${verb}${probed}`, nodes: on.map((f) => f.id) };
  }
  if (fleets.length === 0) return { used: false, reason: 'the plan has no gateway or service fleet', nodes: [] };
  const others = fleets.map((f) => `${f.id}: ${platformOf(f)}`).join(', ');
  return { used: false, reason: `no fleet runs ${verb} (${others})`, nodes: fleets.map((f) => f.id) };
};

const monitoring: Detector = (plan) => {
  const monitors = plan.nodes.filter((n) => n.kind === 'monitor');
  if (monitors.length > 0) {
    const m = monitors[0]!;
    const defaults = CATALOG.monitoring.monitored.value;
    const detection = describeMinutes(m.kind === 'monitor' && m.detectionMinutes ? m.detectionMinutes : defaults.detectionMinutes);
    return { used: true, reason: `${list(monitors.map((x) => x.id))} alerts people (detection ${detection}) for manual promotions and restores`, nodes: monitors.map((x) => x.id) };
  }
  const detection = describeMinutes(CATALOG.monitoring.unmonitored.value.detectionMinutes);
  return { used: false, reason: `no monitor node: manual recovery waits for users to report failures (detection ${detection})`, nodes: [] };
};

const regularTesting: Detector = (plan) => {
  const drills = plan.practices?.drillsPerYear ?? 0;
  if (drills > 0) {
    const p = promotionSuccessProbability(drills);
    const untested = CATALOG.data.promotion.successProbability.value.untested;
    return { used: true, reason: `practices.drillsPerYear is ${drills}: promotions and restores succeed with probability ${p.toFixed(2)} instead of the untested ${untested}`, nodes: [] };
  }
  const untested = CATALOG.data.promotion.successProbability.value.untested;
  return { used: false, reason: `practices.drillsPerYear is ${drills}: promotions and restores succeed with the untested probability ${untested}`, nodes: [] };
};

const DETECTORS: Record<StrategyId, Detector> = {
  multiRegion,
  loadBalancing,
  automaticFailover,
  dataReplication,
  containers: platformStrategy('container', 'as containers'),
  serverless: platformStrategy('serverless', 'serverless'),
  monitoring,
  regularTesting,
};

/** All eight strategies in the matrix order, each used or not, with its reason. Does not modify the plan. */
export function detectStrategies(plan: Plan): StrategyFinding[] {
  return STRATEGY_IDS.map((id) => {
    const { used, reason, nodes } = DETECTORS[id](plan);
    return { id, used, reason: `${CATALOG.strategies.byId[id].name.toLowerCase()}: ${reason}`, nodes };
  });
}
