// The bundled templates: each is a valid, warning-free v1 plan drawn on the canvas with nodes inside
// their region boxes, built from the catalog's figures, and showing what its name promises.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../sim/catalog';
import { costOfPlan } from '../../../sim/cost';
import { PlanSchema, type Plan, type PlanNode } from '../../../sim/model/schema';
import { validatePlan } from '../../../sim/model/validate';
import { TEMPLATES, getTemplate } from '../../../sim/templates';

const REQUIRED = [
  'single-region-lb',
  'multi-az',
  'backup-restore',
  'pilot-light',
  'warm-standby',
  'two-region-active-passive',
  'two-region-active-active',
  'serverless-three-regions',
  'kubernetes-containers',
];

/** What a node is assumed to occupy on the canvas when checking that it fits in its region box. */
const NODE_WIDTH = 160;
const NODE_HEIGHT = 64;

const byName = (name: string): Plan => {
  const t = getTemplate(name);
  if (!t) throw new Error(`no template ${name}`);
  return t.plan;
};
const node = <K extends PlanNode['kind']>(plan: Plan, id: string, kind: K): Extract<PlanNode, { kind: K }> => {
  const n = plan.nodes.find((x) => x.id === id);
  if (!n || n.kind !== kind) throw new Error(`${plan.name}: no ${kind} "${id}"`);
  return n as Extract<PlanNode, { kind: K }>;
};
const traffic = (plan: Plan) => plan.edges.filter((e) => e.kind === 'traffic');
const replication = (plan: Plan) => plan.edges.filter((e) => e.kind === 'replication');

describe('the template list', () => {
  it('has every required template, named like its file', () => {
    expect(TEMPLATES.map((t) => t.name)).toEqual(expect.arrayContaining(REQUIRED));
    const dir = fileURLToPath(new URL('../../../sim/templates/', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.plan.json')).map((f) => f.replace(/\.plan\.json$/, ''));
    expect([...TEMPLATES.map((t) => t.name)].sort()).toEqual(files.sort());
    for (const t of TEMPLATES) expect(t.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('getTemplate finds by name and returns undefined for an unknown one', () => {
    expect(getTemplate('warm-standby')?.title).toBe('Warm standby');
    expect(getTemplate('no-such-template')).toBeUndefined();
  });
});

describe.each(TEMPLATES.map((t) => [t.name, t] as const))('%s', (_name, t) => {
  const plan = t.plan;

  it('is a valid v1 plan with no cross-reference errors and no warnings', () => {
    expect(PlanSchema.safeParse(plan).success).toBe(true);
    const result = validatePlan(plan);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('has a title, a one-line description, objectives and fast simulation settings', () => {
    expect(t.title).toBe(plan.name);
    expect(t.description).toBe(plan.description);
    expect(t.description.length).toBeGreaterThan(30);
    expect(t.description).not.toMatch(/\n/);
    expect(plan.objectives?.availability).toBeGreaterThan(0.9);
    expect(plan.objectives?.rtoSeconds).toBeGreaterThan(0);
    expect(plan.simulation).toEqual({ horizonYears: 10, replications: 100, seed: 42 });
  });

  it('places regions as boxes, nodes of a region inside its box and the others outside every box', () => {
    const boxes = new Map(plan.regions.map((r) => [r.id, r]));
    for (const r of plan.regions) {
      expect(r.position, r.id).toBeDefined();
      expect(r.size, r.id).toBeDefined();
    }
    const within = (p: { x: number; y: number }, r: Plan['regions'][number]) =>
      p.x >= r.position!.x && p.y >= r.position!.y &&
      p.x + NODE_WIDTH <= r.position!.x + r.size!.width && p.y + NODE_HEIGHT <= r.position!.y + r.size!.height;
    const overlaps = (p: { x: number; y: number }, r: Plan['regions'][number]) =>
      p.x < r.position!.x + r.size!.width && p.x + NODE_WIDTH > r.position!.x &&
      p.y < r.position!.y + r.size!.height && p.y + NODE_HEIGHT > r.position!.y;
    for (const n of plan.nodes) {
      expect(n.position, n.id).toBeDefined();
      const p = n.position!;
      if (n.region) expect(within(p, boxes.get(n.region)!), `${n.id} inside ${n.region}`).toBe(true);
      for (const r of plan.regions) if (r.id !== n.region) expect(overlaps(p, r), `${n.id} clear of ${r.id}`).toBe(false);
    }
    // Region boxes do not overlap each other.
    for (const a of plan.regions)
      for (const b of plan.regions)
        if (a !== b) expect(a.position!.x + a.size!.width <= b.position!.x || b.position!.x + b.size!.width <= a.position!.x).toBe(true);
  });

  it('obeys the plan format rules for clients, DNS, backups, replication and traffic direction', () => {
    const regionIds = new Set(plan.regions.map((r) => r.id));
    const kindOf = new Map(plan.nodes.map((n) => [n.id, n.kind]));
    for (const n of plan.nodes) {
      if (n.kind === 'clients') {
        expect(traffic(plan).filter((e) => e.from === n.id)).toHaveLength(1);
        const shares = Object.entries(n.origins ?? {});
        for (const [region] of shares) expect(regionIds.has(region), region).toBe(true);
        expect(shares.reduce((s, [, v]) => s + v, 0)).toBeCloseTo(1, 12);
      }
      if (n.kind === 'dns') {
        const edgeTargets = traffic(plan).filter((e) => e.from === n.id).map((e) => e.to).sort();
        expect(edgeTargets).toEqual(n.targets.map((x) => x.node).sort());
        if (n.policy === 'failover') expect(n.targets.filter((x) => x.role === 'primary')).toHaveLength(1);
      }
      if (n.kind === 'backup') expect(kindOf.get(n.of)).toBe('datastore');
    }
    for (const e of replication(plan)) expect([kindOf.get(e.from), kindOf.get(e.to)]).toEqual(['datastore', 'datastore']);
    // No traffic cycles: repeatedly remove nodes with no incoming traffic; all must go.
    const remaining = new Set(plan.nodes.map((n) => n.id));
    let progressed = true;
    while (progressed) {
      progressed = false;
      for (const id of [...remaining]) {
        if (!traffic(plan).some((e) => e.to === id && remaining.has(e.from))) {
          remaining.delete(id);
          progressed = true;
        }
      }
    }
    expect([...remaining]).toEqual([]);
  });

  it("takes its failure, detection and recovery figures from the catalog", () => {
    for (const r of plan.regions) {
      const code = r.code!;
      expect(r.location).toEqual(CATALOG.region.locations[code]);
      expect(r.outage).toEqual((CATALOG.region.outage.byCode[code] ?? CATALOG.region.outage.generic).value);
      expect(r.zoneOutage).toEqual(CATALOG.region.zoneOutage.value);
      expect(r.zones).toBe(CATALOG.region.zones.value);
    }
    for (const n of plan.nodes) {
      if (n.kind === 'gateway' || n.kind === 'service') {
        const platform = n.platform ?? 'vm';
        const code = plan.regions.find((r) => r.id === n.region)?.code ?? '';
        const expected = (platform === 'serverless' ? CATALOG.reliability.serverlessByCode[code] : undefined) ?? CATALOG.reliability.platform[platform];
        expect(n.reliability, n.id).toEqual(expected.value);
        if (n.probes) expect(n.probes.restartSeconds).toBe(CATALOG.healthCheck.podRestartSeconds.value);
        if (n.probes?.liveness) expect(n.probes.liveness).toEqual(CATALOG.healthCheck.kubernetesProbe.value);
      }
      if (n.kind === 'datastore') {
        // Members drawn individually (a standby of their own) carry a single instance's figures.
        const hasReplica = replication(plan).some((e) => e.from === n.id || e.to === n.id);
        const single = hasReplica && (n.engine === 'rds' || n.engine === 'postgres');
        const expected = single ? CATALOG.reliability.datastore : (CATALOG.reliability.datastoreByEngine[n.engine ?? ''] ?? CATALOG.reliability.datastore);
        expect(n.reliability, n.id).toEqual(expected.value);
      }
      if (n.kind === 'dns') {
        expect(n.healthCheck).toEqual(CATALOG.healthCheck.route53.value);
        expect(n.ttlSeconds).toBe(CATALOG.dns.ttlSeconds.value);
      }
      // A Kubernetes Service follows readiness probes, not an ALB's check; it says so in its notes.
      if (n.kind === 'loadBalancer' && !/readiness/.test(n.notes ?? '')) expect(n.healthCheck, n.id).toEqual(CATALOG.healthCheck.alb.value);
      if (n.kind === 'backup') expect({ ...n, id: undefined, kind: undefined, name: undefined, of: undefined, position: undefined }).toMatchObject(CATALOG.data.backup.value);
      if (n.kind === 'monitor') {
        expect(n.detectionMinutes).toEqual(CATALOG.monitoring.monitored.value.detectionMinutes);
        expect(n.responseMinutes).toEqual(CATALOG.monitoring.monitored.value.responseMinutes);
      }
    }
    for (const e of replication(plan)) {
      const from = node(plan, e.from, 'datastore');
      if (e.mode !== 'sync') expect(e.lagSeconds).toEqual(CATALOG.data.replicationLagSeconds[from.engine ?? 'generic']?.value);
    }
  });
});

// What each template is designed to show, stated per template.
describe('designs', () => {
  const fleets = (plan: Plan) => plan.nodes.filter((n) => n.kind === 'gateway' || n.kind === 'service');

  it('single-region-lb: one region, a balancer over several gateway instances, one unreplicated database', () => {
    const plan = byName('single-region-lb');
    expect(plan.regions).toHaveLength(1);
    expect(traffic(plan).find((e) => e.from === 'users')?.to).toBe('lb');
    expect(node(plan, 'gw', 'gateway').instances).toBeGreaterThanOrEqual(2);
    expect(plan.nodes.filter((n) => n.kind === 'datastore')).toHaveLength(1);
    expect(replication(plan)).toEqual([]);
  });

  it('multi-az: fleet covers every zone and the database has an automatic synchronous standby in another zone', () => {
    const plan = byName('multi-az');
    const zones = plan.regions[0]!.zones!;
    expect(node(plan, 'gw', 'gateway').instances! % zones).toBe(0);
    expect(node(plan, 'db-a', 'datastore').zone).not.toBe(node(plan, 'db-b', 'datastore').zone);
    expect(replication(plan)).toEqual([expect.objectContaining({ from: 'db-a', to: 'db-b', mode: 'sync' })]);
    expect(node(plan, 'db-b', 'datastore').promotion?.automatic).toBe(true);
  });

  it('backup-restore: no balancer and no replica; the only protection is a 3-2-1 backup of a database that loses data', () => {
    const plan = byName('backup-restore');
    expect(plan.nodes.some((n) => n.kind === 'loadBalancer' || n.kind === 'dns')).toBe(false);
    expect(replication(plan)).toEqual([]);
    const backups = plan.nodes.filter((n) => n.kind === 'backup');
    expect(backups).toHaveLength(1);
    const b = backups[0]!;
    expect(b.kind === 'backup' && b.copies! >= 3 && b.media! >= 2 && b.offsite === true).toBe(true);
    expect(node(plan, 'db', 'datastore').failureLosesData).toBe(true);
  });

  it('DR tiers: the standby region grows from pilot light to warm standby to a full-size active-passive copy', () => {
    const west = (name: string) => node(byName(name), 'gw-west', 'gateway').instances!;
    const east = (name: string) => node(byName(name), 'gw-east', 'gateway').instances!;
    expect(west('pilot-light')).toBe(1);
    expect(west('pilot-light')).toBeLessThan(west('warm-standby'));
    expect(west('warm-standby')).toBeLessThan(east('warm-standby'));
    expect(west('two-region-active-passive')).toBe(east('two-region-active-passive'));
    // Pilot light launches slower (a cold region) and drills less than warm standby.
    const launch = (name: string) => node(byName(name), 'gw-west', 'gateway').autoscaling!.launchSeconds!;
    expect(launch('pilot-light')).toBeGreaterThan(launch('warm-standby'));
    expect(byName('pilot-light').practices!.drillsPerYear!).toBeLessThan(byName('warm-standby').practices!.drillsPerYear!);
    for (const name of ['pilot-light', 'warm-standby', 'two-region-active-passive']) {
      const plan = byName(name);
      expect(node(plan, 'dns', 'dns').policy, name).toBe('failover');
      expect(replication(plan), name).toEqual([expect.objectContaining({ from: 'db-east', to: 'db-west', mode: 'async' })]);
    }
  });

  it('two-region-active-active: latency routing over both regions, each writing to its own DynamoDB replica', () => {
    const plan = byName('two-region-active-active');
    expect(node(plan, 'dns', 'dns').policy).toBe('latency');
    expect(replication(plan)).toEqual([expect.objectContaining({ mode: 'multiwriter' })]);
    expect(traffic(plan).filter((e) => e.to.startsWith('ddb-')).map((e) => `${e.from}>${e.to}`).sort()).toEqual(['gw-east>ddb-east', 'gw-west>ddb-west']);
    expect(plan.nodes.filter((n) => n.kind === 'datastore').every((n) => n.kind === 'datastore' && n.engine === 'dynamodb')).toBe(true);
  });

  it('serverless-three-regions: three regions of serverless gateways on a three-member global table', () => {
    const plan = byName('serverless-three-regions');
    expect(plan.regions).toHaveLength(3);
    expect(fleets(plan).map((n) => (n.kind === 'gateway' || n.kind === 'service' ? n.platform : ''))).toEqual(['serverless', 'serverless', 'serverless']);
    expect(node(plan, 'dns', 'dns').policy).toBe('latency');
    expect(replication(plan).every((e) => e.mode === 'multiwriter')).toBe(true);
    expect(new Set(replication(plan).flatMap((e) => [e.from, e.to])).size).toBe(3);
  });

  it('kubernetes-containers: every fleet is containers with liveness and readiness probes and autoscaling', () => {
    const plan = byName('kubernetes-containers');
    expect(fleets(plan).length).toBeGreaterThanOrEqual(2);
    for (const f of fleets(plan)) {
      if (f.kind !== 'gateway' && f.kind !== 'service') continue;
      expect(f.platform, f.id).toBe('container');
      expect(f.probes?.liveness, f.id).toBeDefined();
      expect(f.probes?.readiness, f.id).toBeDefined();
      expect(f.autoscaling!.max, f.id).toBeGreaterThan(f.autoscaling!.min);
    }
  });
});

describe('template budgets', () => {
  it.each(REQUIRED)('%s: the budget covers infrastructure + operations at the sourced engineering rate, with modest headroom', (name) => {
    const plan = byName(name);
    // The hourly engineering rate stays the rate card's sourced default: the budget is raised, not the rate lowered.
    expect(plan.cost?.engineeringUsdPerHour).toBeUndefined();
    const v = validatePlan(plan);
    if (!v.resolved) throw new Error(`${name} does not validate`);
    const c = costOfPlan(plan, v.resolved);
    const budget = plan.objectives?.monthlyBudgetUsd;
    expect(budget).toBeDefined();
    expect(c.budget).toEqual({ limitUsdPerMonth: budget, judgedUsdPerMonth: c.monthlyUsd, met: true });
    // A budget far above the cost would judge nothing.
    expect(budget!).toBeLessThanOrEqual(1.25 * c.monthlyUsd);
  });
});
