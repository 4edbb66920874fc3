/**
 * The monthly cost of a plan, itemised: infrastructure lines per node (each quantity × a rate-card
 * price that cites its catalog entry, source and date), operations lines per used strategy and for
 * drills, expected downtime cost from a simulated availability, and the total cost of ownership.
 * Pure; imports sim/model, sim/catalog, sim/analysis (strategy detection) and sim/cost.
 * The shape is documented in sim/cost/COST-CONTRACT.md.
 */
import { CATALOG, type FigureFlag, type StrategyId } from '../catalog';
import type { CostSettings, Plan } from '../model/schema';
import type { ResolvedDatastore, ResolvedDns, ResolvedFleet, ResolvedNode, ResolvedPlan } from '../model/resolve';
import { detectStrategies } from '../analysis/strategies';
import { nominalLoad, type NodeLoad } from './nominalLoad';
import { buildRateCard, type Rate, type RateCard } from './rateCard';

/** Minutes in a 730-hour month: downtime cost is per month like every other line. */
export const MINUTES_PER_MONTH = 43_800;
const SECONDS_PER_HOUR = 3600;
const KB_PER_GB = 1_000_000;

export interface CostLine {
  /** 'charge' adds usdPerMonth; 'note' is a zero line that says how something was priced. */
  kind: 'charge' | 'note';
  category: 'infrastructure' | 'operations';
  /** The node priced, or null for plan-wide lines (strategies, drills, region notes). */
  node: string | null;
  /** Strategy id for engineering lines. */
  strategy?: StrategyId;
  item: string;
  quantity: number;
  unit: string;
  /** Rate-card key of the price (null on notes). */
  rateKey: string | null;
  unitPriceUsd: number;
  usdPerMonth: number;
  source: string;
  asOf: string;
  flag: FigureFlag;
  note?: string;
  /** Rate-card keys of the usage assumptions behind `quantity`. */
  assumptions: string[];
}

export interface CostReport {
  currency: 'USD';
  /** The catalog's compile month and priced region. */
  catalogAsOf: string;
  pricedRegion: string;
  lines: CostLine[];
  byNode: Array<{ node: string; usdPerMonth: number; priced: boolean }>;
  infrastructureUsdPerMonth: number;
  operationsUsdPerMonth: number;
  /** Initial engineering of the used strategies, paid once (its amortised share is in operations). */
  oneOffEngineeringUsd: number;
  /** infrastructure + operations: what the budget is judged against. */
  monthlyUsd: number;
  downtime: { requestWeightedAvailability: number; minutesPerMonth: number; usdPerMinute: number; usdPerMonth: number } | null;
  /** monthlyUsd + expected downtime cost (monthlyUsd alone when no availability is known). */
  tcoUsdPerMonth: number;
  budget: { limitUsdPerMonth: number; judgedUsdPerMonth: number; met: boolean } | null;
  /** Nodes left without a price (azure, gcp, generic regions or unknown engines) and other cautions. */
  warnings: string[];
  unpricedNodes: string[];
}

export interface CostOptions {
  /** Request-weighted availability from a simulation; without it the downtime cost is not computed. */
  requestWeightedAvailability?: number;
}

interface Ctx {
  plan: ResolvedPlan;
  card: RateCard;
  load: Map<string, NodeLoad>;
  hours: number;
  lines: CostLine[];
}

function charge(ctx: Ctx, node: string | null, item: string, quantity: number, unit: string, rateKey: string, assumptions: string[], extraNote?: string): void {
  const rate: Rate = ctx.card.get(rateKey);
  const note = [rate.note, extraNote].filter((x) => x).join('; ');
  ctx.lines.push({
    kind: 'charge',
    category: 'infrastructure',
    node,
    item,
    quantity,
    unit,
    rateKey,
    unitPriceUsd: rate.value,
    usdPerMonth: quantity * rate.value,
    source: rate.source,
    asOf: rate.asOf,
    flag: rate.flag,
    ...(note ? { note } : {}),
    assumptions,
  });
}

const v = (ctx: Ctx, key: string) => ctx.card.get(key).value;
const loadOf = (ctx: Ctx, id: string): NodeLoad => ctx.load.get(id) ?? { requestsPerSecond: 0, writesPerSecond: 0 };
const millionsPerMonth = (ctx: Ctx, perSecond: number) => (perSecond * SECONDS_PER_HOUR * ctx.hours) / 1e6;

/** Instances a fleet runs on average: its fixed count, or what autoscaling keeps for the mean load. */
export function steadyInstances(f: ResolvedFleet, requestsPerSecond: number): number {
  if (!f.autoscaling || f.capacityRpsPerInstance === undefined) return f.instances;
  const needed = Math.ceil(requestsPerSecond / (f.capacityRpsPerInstance * f.autoscaling.targetUtilization));
  return Math.min(f.autoscaling.max, Math.max(f.autoscaling.min, needed));
}

function priceFleet(ctx: Ctx, f: ResolvedFleet, eksRegions: Set<string>): void {
  const rps = loadOf(ctx, f.id).requestsPerSecond;
  if (f.platform === 'serverless') {
    const m = millionsPerMonth(ctx, rps);
    charge(ctx, f.id, 'API Gateway HTTP API requests', m, 'million requests/month', 'apiGateway.httpUsdPerMillionRequests', []);
    charge(ctx, f.id, 'Lambda requests', m, 'million requests/month', 'lambda.usdPerMillionRequests', []);
    const seconds = f.requestSeconds ?? v(ctx, 'usage.lambdaSecondsPerRequest');
    const gbSeconds = rps * SECONDS_PER_HOUR * ctx.hours * seconds * v(ctx, 'usage.lambdaMemoryGb');
    const used = f.requestSeconds === undefined ? ['usage.lambdaSecondsPerRequest', 'usage.lambdaMemoryGb'] : ['usage.lambdaMemoryGb'];
    charge(ctx, f.id, `Lambda duration (${seconds} s per request)`, gbSeconds, 'GB-seconds/month', 'lambda.usdPerGbSecondX86', used);
    return;
  }
  const count = steadyInstances(f, rps);
  const scaled = f.autoscaling && count !== f.instances ? ` (autoscaling keeps ${count} for the mean load)` : '';
  if (f.platform === 'vm') {
    charge(ctx, f.id, `EC2 m7g.large × ${count}${scaled}`, count * ctx.hours, 'instance-hours/month', 'ec2.usdPerHourByType.m7g.large', ['usage.hoursPerMonth']);
    return;
  }
  const vcpu = v(ctx, 'usage.fargateTaskVcpu');
  const gb = v(ctx, 'usage.fargateTaskGb');
  charge(ctx, f.id, `Fargate vCPU, ${count} tasks × ${vcpu} vCPU${scaled}`, count * vcpu * ctx.hours, 'vCPU-hours/month', 'fargate.usdPerVcpuHour', ['usage.fargateTaskVcpu', 'usage.hoursPerMonth']);
  charge(ctx, f.id, `Fargate memory, ${count} tasks × ${gb} GB`, count * gb * ctx.hours, 'GB-hours/month', 'fargate.usdPerGbHour', ['usage.fargateTaskGb', 'usage.hoursPerMonth']);
  const region = f.region ?? '';
  if (!eksRegions.has(region)) {
    eksRegions.add(region);
    charge(ctx, f.id, `EKS control plane (one cluster${f.region ? ` in ${f.region}` : ''})`, ctx.hours, 'cluster-hours/month', 'eks.controlPlaneUsdPerHour', ['usage.hoursPerMonth'], 'ECS has no control-plane fee: set this price to 0 for ECS');
  }
}

function priceLoadBalancer(ctx: Ctx, id: string, global: boolean): void {
  const rps = loadOf(ctx, id).requestsPerSecond;
  charge(ctx, id, `Application Load Balancer hours${global ? ' (global balancer priced as an ALB)' : ''}`, ctx.hours, 'hours/month', 'alb.usdPerHour', ['usage.hoursPerMonth']);
  // An LCU is the largest of its dimensions; new connections and processed bytes are the ones a plan implies.
  const byConnections = rps / v(ctx, 'usage.requestsPerConnection') / 25;
  const byBytes = (rps * v(ctx, 'usage.requestKb') * SECONDS_PER_HOUR) / KB_PER_GB;
  const lcu = Math.max(byConnections, byBytes);
  const dimension = byBytes >= byConnections ? 'processed bytes, 1 GB/h per LCU' : 'new connections, 25/s per LCU';
  charge(ctx, id, `ALB capacity units (${lcu.toFixed(2)} LCU by ${dimension})`, lcu * ctx.hours, 'LCU-hours/month', 'alb.usdPerLcuHour', ['usage.requestKb', 'usage.requestsPerConnection', 'usage.hoursPerMonth']);
}

function isManual(dns: ResolvedDns): boolean {
  return dns.healthCheck.manual;
}

function priceDns(ctx: Ctx, dns: ResolvedDns): void {
  charge(ctx, dns.id, 'Route 53 hosted zone', 1, 'zones/month', 'route53.hostedZoneUsdPerMonth', []);
  const queries = millionsPerMonth(ctx, loadOf(ctx, dns.id).requestsPerSecond) / v(ctx, 'usage.requestsPerDnsQuery');
  const targets = dns.targets.map((t) => ctx.plan.nodes.find((n) => n.id === t.node));
  const aliasable = targets.every((t) => t !== undefined && (t.kind === 'loadBalancer' || t.kind === 'gateway') && providerOf(ctx.plan, t) === 'aws');
  const policyKey = aliasable
    ? 'route53.aliasQueryUsdPerMillion'
    : dns.policy === 'latency'
      ? 'route53.latencyQueryUsdPerMillion'
      : dns.policy === 'geo'
        ? 'route53.geoQueryUsdPerMillion'
        : 'route53.standardQueryUsdPerMillion';
  const what = aliasable ? `${dns.policy} alias queries to AWS targets` : `${dns.policy} queries`;
  charge(ctx, dns.id, `Route 53 ${what}`, queries, 'million queries/month', policyKey, ['usage.requestsPerDnsQuery']);
  if (dns.policy === 'simple' || isManual(dns)) return;
  targets.forEach((t, k) => {
    const target = dns.targets[k]!.node;
    const aws = t !== undefined && providerOf(ctx.plan, t) === 'aws';
    charge(ctx, dns.id, `Route 53 health check of ${target}`, 1, 'checks/month', aws ? 'route53.healthCheckAwsUsdPerMonth' : 'route53.healthCheckNonAwsUsdPerMonth', []);
    // Route 53 checks every 30 s by default; 10 s is the "fast interval" optional feature.
    if (dns.healthCheck.intervalSeconds < 30) charge(ctx, dns.id, `fast-interval option on the check of ${target}`, 1, 'features/month', 'route53.healthCheckOptionalFeatureUsdPerMonth', []);
  });
}

/** The members of a datastore's dataset (itself and everything replication edges connect it to). */
function datasetOf(plan: ResolvedPlan, id: string): string[] {
  const seen = new Set([id]);
  const queue = [id];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const e of plan.edges) {
      if (e.kind !== 'replication') continue;
      const other = e.from === at ? e.to : e.to === at ? e.from : undefined;
      if (other !== undefined && !seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return [...seen];
}

function priceDatastore(ctx: Ctx, d: ResolvedDatastore, warnings: string[]): boolean {
  const own = loadOf(ctx, d.id);
  const members = datasetOf(ctx.plan, d.id);
  const datasetWrites = members.reduce((s, m) => s + loadOf(ctx, m).writesPerSecond, 0);
  const reads = own.requestsPerSecond - own.writesPerSecond;
  const gb = v(ctx, 'usage.datasetGb');
  const engine = d.engine;
  if (engine === 'dynamodb') {
    charge(ctx, d.id, 'DynamoDB on-demand writes (1 KB units)', millionsPerMonth(ctx, own.writesPerSecond), 'million write units/month', 'dynamodb.usdPerMillionWriteUnits', []);
    charge(ctx, d.id, 'DynamoDB on-demand reads', millionsPerMonth(ctx, reads), 'million read units/month', 'dynamodb.usdPerMillionReadUnits', []);
    if (members.length > 1) {
      const replicated = datasetWrites - own.writesPerSecond;
      charge(ctx, d.id, 'DynamoDB global-table replicated writes from the other replicas', millionsPerMonth(ctx, replicated), 'million replicated write units/month', 'dynamodb.usdPerMillionReplicatedWriteUnits', []);
    }
    charge(ctx, d.id, `DynamoDB storage (${gb} GB)`, gb, 'GB-months', 'dynamodb.storageUsdPerGbMonth', ['usage.datasetGb'], 'free tier not deducted');
    return true;
  }
  if (engine === 'aurora') {
    charge(ctx, d.id, 'Aurora PostgreSQL db.r6g.large instance', ctx.hours, 'instance-hours/month', 'aurora.usdPerHourByClass.db.r6g.large-postgres', ['usage.hoursPerMonth']);
    charge(ctx, d.id, `Aurora storage (${gb} GB)`, gb, 'GB-months', 'aurora.storageUsdPerGbMonth', ['usage.datasetGb']);
    // Reads and writes served here, plus the dataset's writes applied here when this is a replica.
    const applied = members.length > 1 && own.writesPerSecond === 0 ? datasetWrites : 0;
    charge(ctx, d.id, applied > 0 ? 'Aurora I/O (replicated writes applied)' : 'Aurora I/O (one per request)', millionsPerMonth(ctx, own.requestsPerSecond + applied), 'million I/Os/month', 'aurora.ioUsdPerMillion', []);
    return true;
  }
  if (engine === 'rds' || engine === 'postgres' || engine === 'mysql') {
    const flavour = engine === 'mysql' ? 'mysql' : 'postgres';
    charge(ctx, d.id, `RDS ${flavour === 'mysql' ? 'MySQL' : 'PostgreSQL'} db.r6g.large instance`, ctx.hours, 'instance-hours/month', `rds.usdPerHourByClass.db.r6g.large-${flavour}`, ['usage.hoursPerMonth'], members.length > 1 ? 'each member is billed: a Multi-AZ pair is ≈ 2× (RDS User Guide)' : undefined);
    charge(ctx, d.id, `RDS gp3 storage (${gb} GB)`, gb, 'GB-months', 'rds.gp3StorageUsdPerGbMonth', ['usage.datasetGb']);
    return true;
  }
  warnings.push(`${d.id}: the catalog has no price for engine "${engine}"; set cost.nodeUsdPerMonth.${d.id} to price it`);
  return false;
}

function priceReplicationTraffic(ctx: Ctx): void {
  const regionOf = (id: string) => ctx.plan.nodes.find((n) => n.id === id)?.region;
  for (const e of ctx.plan.edges) {
    if (e.kind !== 'replication') continue;
    const a = regionOf(e.from);
    const b = regionOf(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    if (!isAwsPriced(ctx, e.from)) continue;
    // Writes cross the link once each way they flow: all of the dataset's writes one way, or for
    // multiwriter the writes each side accepted, the other way too.
    const members = datasetOf(ctx.plan, e.from);
    const writes = e.mode === 'multiwriter' ? loadOf(ctx, e.from).writesPerSecond + loadOf(ctx, e.to).writesPerSecond : members.reduce((s, m) => s + loadOf(ctx, m).writesPerSecond, 0);
    const gbPerMonth = (writes * SECONDS_PER_HOUR * ctx.hours * v(ctx, 'usage.writeKb')) / KB_PER_GB;
    charge(ctx, e.from, `inter-region replication ${e.from} → ${e.to} (${e.mode})`, gbPerMonth, 'GB/month', 'dataTransfer.interRegionUsdPerGb', ['usage.writeKb']);
  }
}

function providerOf(plan: ResolvedPlan, node: ResolvedNode): string {
  if (node.region === undefined) return plan.regions.some((r) => r.provider === 'aws') ? 'aws' : 'generic';
  return plan.regions.find((r) => r.id === node.region)?.provider ?? 'generic';
}

function isAwsPriced(ctx: Ctx, id: string): boolean {
  const node = ctx.plan.nodes.find((n) => n.id === id);
  return node !== undefined && providerOf(ctx.plan, node) === 'aws';
}

const SERVING = new Set(['dns', 'loadBalancer', 'gateway', 'service', 'datastore']);

function priceOperations(ctx: Ctx, rawPlan: Plan): number {
  const rate = ctx.card.get('usage.engineeringUsdPerHour');
  const levels = CATALOG.strategies.levels;
  const hoursPerWeek = v(ctx, 'usage.hoursPerPersonWeek');
  const months = v(ctx, 'usage.amortizationMonths');
  let oneOff = 0;
  const labour = (strategy: StrategyId | undefined, item: string, hours: number, unit: string, source: { source: string; asOf: string; flag: FigureFlag; note?: string }, assumptions: string[]) => {
    ctx.lines.push({
      kind: 'charge',
      category: 'operations',
      node: null,
      ...(strategy ? { strategy } : {}),
      item,
      quantity: hours,
      unit,
      rateKey: 'usage.engineeringUsdPerHour',
      unitPriceUsd: rate.value,
      usdPerMonth: hours * rate.value,
      source: source.source,
      asOf: source.asOf,
      flag: source.flag,
      note: [source.note, `at ${rate.value} USD/h (${rate.source})`].filter((x) => x).join('; '),
      assumptions: ['usage.engineeringUsdPerHour', ...assumptions],
    });
  };
  for (const finding of detectStrategies(rawPlan)) {
    if (!finding.used) continue;
    const s = CATALOG.strategies.byId[finding.id];
    const weeks = levels.complexityPersonWeeks.value[s.complexity];
    const fte = levels.complexityOpsFte.value[s.complexity];
    oneOff += weeks * hoursPerWeek * rate.value;
    labour(finding.id, `${s.name}: initial engineering, ${weeks} person-weeks (${s.complexity} complexity) over ${months} months`, (weeks * hoursPerWeek) / months, 'engineer-hours/month', levels.complexityPersonWeeks, ['usage.hoursPerPersonWeek', 'usage.amortizationMonths']);
    labour(finding.id, `${s.name}: ongoing operations, ${fte} FTE (${s.complexity} complexity)`, fte * v(ctx, 'usage.hoursPerFteMonth'), 'engineer-hours/month', levels.complexityOpsFte, ['usage.hoursPerFteMonth']);
  }
  const drills = ctx.plan.practices.drillsPerYear;
  if (drills > 0) {
    const a = ctx.card.get('usage.drillPersonHours');
    labour(undefined, `DR drills: ${drills} a year × ${a.value} people-hours`, (drills * a.value) / 12, 'engineer-hours/month', a, ['usage.drillPersonHours']);
  }
  return oneOff;
}

/**
 * Prices a plan. `rawPlan` is the plan as written (for strategy detection and cost settings);
 * `plan` is its resolved form. Unknown cost-setting keys must have been rejected (rateCardIssues).
 */
export function costOfPlan(rawPlan: Plan, plan: ResolvedPlan, options: CostOptions = {}): CostReport {
  const settings: CostSettings | undefined = rawPlan.cost;
  const card = buildRateCard(settings);
  const ctx: Ctx = { plan, card, load: nominalLoad(plan), hours: card.get('usage.hoursPerMonth').value, lines: [] };
  const warnings: string[] = [];
  const unpriced: string[] = [];
  const fixed = settings?.nodeUsdPerMonth ?? {};
  const eksRegions = new Set<string>();
  const notedRegions = new Set<string>();
  for (const node of plan.nodes) {
    if (node.kind === 'clients') continue;
    if (fixed[node.id] !== undefined) {
      ctx.lines.push({ kind: 'charge', category: 'infrastructure', node: node.id, item: 'fixed monthly price', quantity: 1, unit: 'month', rateKey: `cost.nodeUsdPerMonth.${node.id}`, unitPriceUsd: fixed[node.id]!, usdPerMonth: fixed[node.id]!, source: 'the plan (cost.nodeUsdPerMonth)', asOf: CATALOG.meta.asOf, flag: 'estimated', assumptions: [] });
      continue;
    }
    const provider = providerOf(plan, node);
    if (provider !== 'aws') {
      const where = node.region ? `region ${node.region} is ${provider}` : 'the plan has no AWS region';
      warnings.push(`${node.id}: not priced (${where}; the catalog prices AWS only); set cost.nodeUsdPerMonth.${node.id}`);
      unpriced.push(node.id);
      continue;
    }
    const region = node.region ? plan.regions.find((r) => r.id === node.region) : undefined;
    if (region && region.code !== CATALOG.meta.region && !notedRegions.has(region.id)) {
      notedRegions.add(region.id);
      ctx.lines.push({ kind: 'note', category: 'infrastructure', node: null, item: `region ${region.id} (${region.code ?? 'no code'}) is priced at ${CATALOG.meta.region} list prices: the catalog has no other region's prices`, quantity: 0, unit: '', rateKey: null, unitPriceUsd: 0, usdPerMonth: 0, source: 'sim/catalog/prices.ts', asOf: CATALOG.meta.asOf, flag: 'estimated', assumptions: [] });
    }
    switch (node.kind) {
      case 'gateway':
      case 'service':
        priceFleet(ctx, node, eksRegions);
        break;
      case 'loadBalancer':
        priceLoadBalancer(ctx, node.id, node.scope === 'global');
        break;
      case 'dns':
        priceDns(ctx, node);
        break;
      case 'datastore':
        if (!priceDatastore(ctx, node, warnings)) unpriced.push(node.id);
        break;
      case 'backup': {
        const copies = node.copies;
        const gb = v(ctx, 'usage.datasetGb');
        charge(ctx, node.id, `backup storage: ${copies} full cop${copies === 1 ? 'y' : 'ies'} of ${node.of} (${gb} GB each) in S3 Standard`, copies * gb, 'GB-months', 's3.standardStorageUsdPerGbMonth', ['usage.datasetGb']);
        break;
      }
      case 'monitor': {
        const serving = plan.nodes.filter((n) => SERVING.has(n.kind)).length;
        const per = v(ctx, 'usage.alarmsPerServingNode');
        charge(ctx, node.id, `CloudWatch alarms (${per} per serving node × ${serving})`, per * serving, 'alarms/month', 'cloudwatch.alarmUsdPerMonth', ['usage.alarmsPerServingNode'], 'free tier not deducted');
        charge(ctx, node.id, 'CloudWatch dashboard', 1, 'dashboards/month', 'cloudwatch.dashboardUsdPerMonth', []);
        break;
      }
    }
  }
  priceReplicationTraffic(ctx);
  const oneOff = priceOperations(ctx, rawPlan);
  const sum = (category: CostLine['category']) => ctx.lines.filter((l) => l.category === category).reduce((s, l) => s + l.usdPerMonth, 0);
  const infrastructure = sum('infrastructure');
  const operations = sum('operations');
  const monthly = infrastructure + operations;
  const perMinute = plan.objectives.downtimeCostUsdPerMinute;
  const a = options.requestWeightedAvailability;
  const downtime =
    a === undefined || perMinute === undefined
      ? null
      : { requestWeightedAvailability: a, minutesPerMonth: (1 - a) * MINUTES_PER_MONTH, usdPerMinute: perMinute, usdPerMonth: (1 - a) * MINUTES_PER_MONTH * perMinute };
  if (a !== undefined && perMinute === undefined) warnings.push('objectives.downtimeCostUsdPerMinute is not set: expected downtime cost is not counted');
  const budget = plan.objectives.monthlyBudgetUsd;
  const byNode = plan.nodes
    .filter((n) => n.kind !== 'clients')
    .map((n) => ({ node: n.id, usdPerMonth: ctx.lines.filter((l) => l.node === n.id).reduce((s, l) => s + l.usdPerMonth, 0), priced: !unpriced.includes(n.id) }));
  return {
    currency: 'USD',
    catalogAsOf: CATALOG.meta.asOf,
    pricedRegion: CATALOG.meta.region,
    lines: ctx.lines,
    byNode,
    infrastructureUsdPerMonth: infrastructure,
    operationsUsdPerMonth: operations,
    oneOffEngineeringUsd: oneOff,
    monthlyUsd: monthly,
    downtime,
    tcoUsdPerMonth: monthly + (downtime?.usdPerMonth ?? 0),
    budget: budget === undefined ? null : { limitUsdPerMonth: budget, judgedUsdPerMonth: monthly, met: monthly <= budget },
    warnings,
    unpricedNodes: unpriced,
  };
}
