// detectStrategies: which of the eight strategies each template uses (stated per template, from
// what the template is designed to show), reasons that name plan ids, and the edge cases of each rule.
import { describe, expect, it } from 'vitest';
import { detectStrategies, type StrategyFinding } from '../../../sim/analysis/strategies';
import { STRATEGY_IDS, type StrategyId } from '../../../sim/catalog';
import type { Plan, PlanNode } from '../../../sim/model/schema';
import { TEMPLATES, getTemplate } from '../../../sim/templates';

const used = (findings: StrategyFinding[]) => findings.filter((f) => f.used).map((f) => f.id);
const finding = (plan: Plan, id: StrategyId) => detectStrategies(plan).find((f) => f.id === id)!;
const template = (name: string) => getTemplate(name)!.plan;

const EXPECTED: Record<string, StrategyId[]> = {
  // A balancer over two VMs and nothing else.
  'single-region-lb': ['loadBalancing'],
  // Zones, a synchronous standby promoted automatically, alarms and drills; still one region.
  'multi-az': ['loadBalancing', 'automaticFailover', 'dataReplication', 'monitoring', 'regularTesting'],
  // Backups alone: none of the eight strategies.
  'backup-restore': [],
  // The three DR tiers share a shape (DNS failover, async Aurora replica, on-call, drills) and differ in readiness.
  'pilot-light': ['multiRegion', 'loadBalancing', 'automaticFailover', 'dataReplication', 'monitoring', 'regularTesting'],
  'warm-standby': ['multiRegion', 'loadBalancing', 'automaticFailover', 'dataReplication', 'monitoring', 'regularTesting'],
  'two-region-active-passive': ['multiRegion', 'loadBalancing', 'automaticFailover', 'dataReplication', 'containers', 'monitoring', 'regularTesting'],
  // Active-active on VMs with a multi-writer table.
  'two-region-active-active': ['multiRegion', 'loadBalancing', 'automaticFailover', 'dataReplication', 'monitoring', 'regularTesting'],
  // No balancer: DNS routes straight to regional serverless endpoints.
  'serverless-three-regions': ['multiRegion', 'automaticFailover', 'dataReplication', 'serverless', 'monitoring', 'regularTesting'],
  // One region, pods behind balancers, alerting; no replica and no drills.
  'kubernetes-containers': ['loadBalancing', 'containers', 'monitoring'],
};

describe('templates', () => {
  it('every template has an expectation', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(TEMPLATES.map((t) => t.name).sort());
  });

  it.each(Object.entries(EXPECTED))('%s uses exactly the strategies it is built to show', (name, expected) => {
    const findings = detectStrategies(template(name));
    expect(findings.map((f) => f.id)).toEqual([...STRATEGY_IDS]);
    expect(used(findings)).toEqual(expected);
  });

  it.each(TEMPLATES.map((t) => [t.name, t.plan] as const))('%s: every reason names its strategy, and used ones name plan ids', (_n, plan) => {
    const ids = new Set(plan.nodes.map((n) => n.id));
    const regionIds = plan.regions.map((r) => r.id);
    for (const f of detectStrategies(plan)) {
      expect(f.reason).toMatch(/^[a-z][a-z ]+: \S/);
      for (const id of f.nodes) expect(ids.has(id), `${f.id} names ${id}`).toBe(true);
      if (!f.used || f.id === 'regularTesting') continue;
      expect(f.nodes.length, f.id).toBeGreaterThan(0);
      // Multiple regions speaks of regions; the others of the nodes that make them used.
      const named = f.id === 'multiRegion' ? regionIds : f.nodes;
      expect(named.some((id) => new RegExp(`\\b${id}\\b`).test(f.reason)), f.reason).toBe(true);
    }
  });

  it('reasons are concrete', () => {
    expect(finding(template('two-region-active-passive'), 'multiRegion').reason).toBe('multiple regions: nodes in use1 and usw2');
    expect(finding(template('pilot-light'), 'loadBalancing').reason).toBe('load balancing: lb-east spreads gw-east over 3 instances');
    expect(finding(template('two-region-active-active'), 'dataReplication').reason).toBe('data replication: ddb-east → ddb-west (multiwriter)');
    expect(finding(template('serverless-three-regions'), 'automaticFailover').reason).toContain('dns (latency) health-checks api-east, api-west and api-eu every 30 s');
    expect(finding(template('multi-az'), 'automaticFailover').nodes).toEqual(['db-a', 'db-b']);
    expect(finding(template('backup-restore'), 'dataReplication').reason).toBe('data replication: no replication edge: db has no replica; only backups (nightly) protect the data');
    expect(finding(template('backup-restore'), 'loadBalancing').reason).toBe('load balancing: no load balancer: gw takes traffic directly');
    expect(finding(template('kubernetes-containers'), 'regularTesting').reason).toContain('drillsPerYear is 0');
    expect(finding(template('warm-standby'), 'regularTesting').reason).toContain('0.94');
  });
});

// ── small plans for the edges of each rule ──────────────────────────────────────────────────
const base = (nodes: PlanNode[], edges: Plan['edges'] = [], extra: Partial<Plan> = {}): Plan => ({
  schemaVersion: 1,
  name: 'probe',
  regions: [{ id: 'r1' }, { id: 'r2' }],
  nodes,
  edges,
  ...extra,
});
const users: PlanNode = { id: 'users', kind: 'clients', origins: { r1: 1 } };
const t = (from: string, to: string) => ({ kind: 'traffic' as const, from, to });

describe('rules', () => {
  it('load balancing needs two or more instances behind a balancer', () => {
    const one = base([users, { id: 'lb', kind: 'loadBalancer', region: 'r1' }, { id: 'gw', kind: 'gateway', region: 'r1', instances: 1 }], [t('users', 'lb'), t('lb', 'gw')]);
    expect(finding(one, 'loadBalancing')).toMatchObject({ used: false, reason: expect.stringContaining('lb has only one instance (gw)') });
    const two = base([users, { id: 'lb', kind: 'loadBalancer', region: 'r1' }, { id: 'gw', kind: 'gateway', region: 'r1', autoscaling: { min: 2, max: 4, targetUtilization: 0.6 } }], [t('users', 'lb'), t('lb', 'gw')]);
    expect(finding(two, 'loadBalancing')).toMatchObject({ used: true, reason: 'load balancing: lb spreads gw over 2 instances', nodes: ['lb', 'gw'] });
  });

  it('multiple regions counts serving nodes, not backups or monitors placed elsewhere', () => {
    const plan = base([
      users,
      { id: 'gw', kind: 'gateway', region: 'r1' },
      { id: 'db', kind: 'datastore', region: 'r1' },
      { id: 'vault', kind: 'backup', of: 'db', region: 'r2' },
      { id: 'ops', kind: 'monitor', region: 'r2' },
    ], [t('users', 'gw'), t('gw', 'db')]);
    expect(finding(plan, 'multiRegion')).toMatchObject({ used: false, reason: expect.stringContaining('every serving node is in r1') });
    const moved = { ...plan, nodes: plan.nodes.map((n) => (n.id === 'db' ? { ...n, region: 'r2' } : n)) };
    expect(finding(moved, 'multiRegion')).toMatchObject({ used: true, reason: 'multiple regions: nodes in r1 and r2' });
  });

  it('automatic failover: a simple record does not count, a routing policy over two targets does', () => {
    const nodes = (policy: 'simple' | 'weighted', targets: string[]): PlanNode[] => [
      users,
      { id: 'dns', kind: 'dns', policy, targets: targets.map((node) => ({ node, weight: 1 })) },
      { id: 'a', kind: 'gateway', region: 'r1' },
      { id: 'b', kind: 'gateway', region: 'r2' },
    ];
    const simple = base(nodes('simple', ['a']), [t('users', 'dns'), t('dns', 'a')]);
    expect(finding(simple, 'automaticFailover')).toMatchObject({ used: false, reason: expect.stringContaining('dns uses the simple policy') });
    const weighted = base(nodes('weighted', ['a', 'b']), [t('users', 'dns'), t('dns', 'a'), t('dns', 'b')]);
    expect(finding(weighted, 'automaticFailover')).toMatchObject({ used: true, nodes: ['dns', 'a', 'b'] });
    const lonely = base(nodes('weighted', ['a']), [t('users', 'dns'), t('dns', 'a')]);
    expect(finding(lonely, 'automaticFailover').used).toBe(false);
  });

  it('automatic failover: automatic promotion counts only with a replica to promote, and not for multi-writer tables', () => {
    const db = (id: string, automatic: boolean): PlanNode => ({ id, kind: 'datastore', region: id === 'p' ? 'r1' : 'r2', promotion: { automatic } });
    const nodes = [users, { id: 'gw', kind: 'gateway', region: 'r1' } as PlanNode, db('p', true), db('q', true)];
    const alone = base(nodes, [t('users', 'gw'), t('gw', 'p')]);
    expect(finding(alone, 'automaticFailover')).toMatchObject({ used: false, reason: expect.stringContaining('p has automatic promotion but no replica') });
    const replicated = base(nodes, [t('users', 'gw'), t('gw', 'p'), { kind: 'replication', from: 'p', to: 'q', mode: 'async' }]);
    expect(finding(replicated, 'automaticFailover')).toMatchObject({ used: true, nodes: ['p', 'q'] });
    const multiwriter = base(nodes, [t('users', 'gw'), t('gw', 'p'), { kind: 'replication', from: 'p', to: 'q', mode: 'multiwriter' }]);
    expect(finding(multiwriter, 'automaticFailover').used).toBe(false);
    const manual = base([users, { id: 'gw', kind: 'gateway', region: 'r1' }, db('p', false), db('q', false)], [t('users', 'gw'), t('gw', 'p'), { kind: 'replication', from: 'p', to: 'q', mode: 'async' }]);
    expect(finding(manual, 'automaticFailover').reason).toContain('q is promoted by hand');
  });

  it('platforms: an unset platform is a VM, and the reason lists what each fleet runs on', () => {
    const plan = base([users, { id: 'gw', kind: 'gateway' }, { id: 'svc', kind: 'service', platform: 'serverless' }], [t('users', 'gw'), t('gw', 'svc')]);
    expect(finding(plan, 'containers')).toMatchObject({ used: false, reason: 'containerization: no fleet runs as containers (gw: vm, svc: serverless)' });
    expect(finding(plan, 'serverless')).toMatchObject({ used: true, reason: 'serverless: svc runs serverless', nodes: ['svc'] });
    const none = base([users, { id: 'db', kind: 'datastore' }], [t('users', 'db')]);
    expect(finding(none, 'containers').reason).toContain('no gateway or service fleet');
  });

  it('monitoring and regular testing follow the monitor node and practices.drillsPerYear', () => {
    const plan = base([users, { id: 'gw', kind: 'gateway' }], [t('users', 'gw')]);
    expect(finding(plan, 'monitoring').used).toBe(false);
    expect(finding(plan, 'regularTesting').used).toBe(false);
    const watched = base([...plan.nodes, { id: 'pager', kind: 'monitor', detectionMinutes: { dist: 'fixed', value: 2 } }], plan.edges, { practices: { drillsPerYear: 0.5 } });
    expect(finding(watched, 'monitoring')).toMatchObject({ used: true, nodes: ['pager'], reason: expect.stringContaining('detection 2 min') });
    expect(finding(watched, 'regularTesting').used).toBe(true);
    const zero = { ...watched, practices: { drillsPerYear: 0 } };
    expect(finding(zero, 'regularTesting').used).toBe(false);
  });

  it('does not modify the plan', () => {
    const plan = structuredClone(template('two-region-active-passive'));
    const before = JSON.stringify(plan);
    detectStrategies(plan);
    expect(JSON.stringify(plan)).toBe(before);
  });
});
