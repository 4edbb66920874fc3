// validatePlan on inputs that must be accepted: the shortest plans, defaults that the cross-checks
// must read the way resolvePlan does, and structures that look odd but are allowed.
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../sim/catalog';
import { validatePlan } from '../../../sim/model/validate';
import { example, minimalPlan } from './planFixtures';

describe('validatePlan accepts', () => {
  it('the minimal plan, filling regions and edges and resolving defaults', () => {
    const { edges: _edges, ...withoutEdges } = minimalPlan();
    expect(validatePlan(withoutEdges).errors.map((e) => e.code)).toEqual(['clients-edge-count']);
    const result = validatePlan(minimalPlan());
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.plan?.regions).toEqual([]);
    expect(result.resolved?.nodes.map((n) => n.kind)).toEqual(['clients', 'gateway']);
  });

  it('a zone below the catalog\u2019s zone count in a region that does not say how many zones it has', () => {
    // Bug fixed: the cross-check assumed 1 zone while resolvePlan gives such a region the catalog's count.
    const zones = CATALOG.region.zones.value;
    expect(zones).toBeGreaterThan(1);
    const plan = example();
    delete plan.regions[0].zones;
    plan.nodes[6].zone = zones - 1;
    plan.scenarios[0].fail = { zone: { region: 'use1', zone: zones - 1 } };
    const result = validatePlan(plan);
    expect(result.errors).toEqual([]);
    expect(result.resolved?.regions[0]?.zones).toBe(zones);
  });

  it('a DNS record whose traffic edges are not drawn', () => {
    const plan = example();
    plan.edges.splice(1, 2);
    expect(validatePlan(plan).errors).toEqual([]);
  });

  it('two DNS records chained (DNS → DNS → balancers) without edges', () => {
    const plan = example();
    plan.edges.splice(1, 2);
    plan.nodes.push({ id: 'apex', kind: 'dns', targets: [{ node: 'dns' }] });
    plan.edges[0].to = 'apex';
    expect(validatePlan(plan).errors).toEqual([]);
  });

  it('replication both ways between two datastores (not a traffic cycle)', () => {
    const plan = example();
    plan.edges.push({ kind: 'replication', from: 'db-west', to: 'db-east', mode: 'async' });
    expect(validatePlan(plan).errors).toEqual([]);
  });

  it('a DNS health check run by people ("manual"), which only DNS records have', () => {
    const plan = example();
    const result = validatePlan(plan);
    expect(result.resolved?.nodes.find((n) => n.id === 'dns')).toMatchObject({ healthCheck: { manual: false } });
    plan.nodes[1].healthCheck.manual = true;
    const manual = validatePlan(plan);
    expect(manual.errors).toEqual([]);
    expect(manual.resolved?.nodes.find((n) => n.id === 'dns')).toMatchObject({ healthCheck: { manual: true } });
    plan.nodes[2].healthCheck.manual = true;
    expect(validatePlan(plan).errors.map((e) => e.path)).toEqual(['nodes[2].healthCheck.manual']);
  });

  it('origins that sum to 1 only within a millionth (shares typed as rounded decimals)', () => {
    const plan = example();
    plan.nodes[0].origins = { use1: 0.6, usw2: 0.4000001 };
    expect(0.6 + 0.4000001).not.toBe(1);
    expect(validatePlan(plan).errors).toEqual([]);
  });
});

describe('validatePlan never throws', () => {
  it.each([null, undefined, 0, 'plan', [], true, {}, { schemaVersion: 1 }, { nodes: null }])('on %j', (input) => {
    const result = validatePlan(input);
    expect(result.ok).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });
});

describe('catalog lookups keyed by user text', () => {
  it('an engine or region code named like an Object.prototype member finds no catalog entry', () => {
    const r = validatePlan({
      schemaVersion: 1,
      name: 'prototype keys',
      regions: [{ id: 'r', code: 'toString' }],
      nodes: [
        { id: 'users', kind: 'clients' },
        { id: 'db', kind: 'datastore', engine: 'constructor', region: 'r' },
      ],
      edges: [{ kind: 'traffic', from: 'users', to: 'db' }],
    });
    expect(r.ok).toBe(true);
    expect(r.resolved!.regions[0]!.location).toBeUndefined();
    const db = r.resolved!.nodes[1]!;
    expect(db.kind === 'datastore' && db.reliability.timeToFailureHours.dist).toBeTruthy();
  });
});

describe('latency routing needs locations only where it routes', () => {
  it('a region that latency routing does not involve may lack a location', () => {
    const r = validatePlan({
      schemaVersion: 1,
      name: 'latency with an unrelated region',
      regions: [
        { id: 'a', code: 'us-east-1' },
        { id: 'b', code: 'eu-west-1' },
        { id: 'lab', code: 'on-prem-lab' },
      ],
      nodes: [
        { id: 'users', kind: 'clients', origins: { a: 0.5, b: 0.5 } },
        { id: 'dns', kind: 'dns', policy: 'latency', targets: [{ node: 'ga' }, { node: 'gb' }] },
        { id: 'ga', kind: 'gateway', region: 'a' },
        { id: 'gb', kind: 'gateway', region: 'b' },
        { id: 'tool', kind: 'service', region: 'lab' },
      ],
      edges: [{ kind: 'traffic', from: 'users', to: 'dns' }],
    });
    expect(r.errors.filter((e) => e.code === 'location-missing')).toEqual([]);
  });
});
