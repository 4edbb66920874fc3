// The cost model against hand arithmetic: every line of two templates recomputed here from the
// catalog prices and the documented usage assumptions (never from the model's own output); every
// price traced to its catalog entry and source; overrides, unpriced providers and region notes.
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../sim/catalog';
import { costOfPlan, rateCardIssues, type CostLine } from '../../../sim/cost';
import { validatePlan } from '../../../sim/model/validate';
import type { Plan } from '../../../sim/model/schema';
import { getTemplate } from '../../../sim/templates';

function priced(plan: Plan, availability?: number) {
  const load = validatePlan(plan);
  if (!load.ok) throw new Error(load.errors.map((e) => e.message).join('; '));
  return costOfPlan(load.plan!, load.resolved!, availability === undefined ? {} : { requestWeightedAvailability: availability });
}
const template = (name: string): Plan => structuredClone(getTemplate(name)!.plan);
const line = (lines: CostLine[], node: string | null, item: RegExp): CostLine => {
  const found = lines.filter((l) => l.node === node && item.test(l.item));
  if (found.length !== 1) throw new Error(`expected one line ${String(node)} ${item}, found ${found.length}`);
  return found[0]!;
};

// Hours a month (AWS's 730) and the usage assumptions of sim/cost/rateCard.ts, written out here.
const H = 730;
const REQUEST_KB = 10;
const DATASET_GB = 50;
const RATE = 100; // USD an engineering hour
const FTE_HOURS = 173.3;
const MONTHLY = (rps: number) => rps * 3600 * H; // requests a month from a mean rate

describe('single-region-lb priced by hand', () => {
  const c = priced(template('single-region-lb'), 0.999);

  it('prices each node line from the catalog', () => {
    // lb: 730 ALB hours; 200 rps × 10 KB = 7.2 GB/h processed = 7.2 LCU (connections: 200/10/25 = 0.8 LCU).
    expect(line(c.lines, 'lb', /Load Balancer hours/).usdPerMonth).toBeCloseTo(730 * 0.0225, 9);
    expect(line(c.lines, 'lb', /capacity units/).usdPerMonth).toBeCloseTo(((200 * REQUEST_KB * 3600) / 1e6) * H * 0.008, 9);
    // gw: 3 m7g.large VMs around the clock (N+1 at the daily peak).
    expect(line(c.lines, 'gw', /EC2 m7g.large/).usdPerMonth).toBeCloseTo(3 * H * 0.0816, 9);
    // db: postgres on RDS db.r6g.large, 50 GB gp3.
    expect(line(c.lines, 'db', /instance/).usdPerMonth).toBeCloseTo(H * 0.25, 9);
    expect(line(c.lines, 'db', /storage/).usdPerMonth).toBeCloseTo(DATASET_GB * 0.115, 9);
    expect(c.infrastructureUsdPerMonth).toBeCloseTo(16.425 + 42.048 + 178.704 + 182.5 + 5.75, 6);
  });

  it('prices operations from the strategy matrix and the downtime from the availability', () => {
    // Only load balancing is used (Medium complexity: 6 person-weeks over 36 months, 0.15 FTE).
    expect(c.operationsUsdPerMonth).toBeCloseTo((6 * 40 * RATE) / 36 + 0.15 * FTE_HOURS * RATE, 6);
    expect(c.oneOffEngineeringUsd).toBeCloseTo(6 * 40 * RATE, 9);
    // (1 − 0.999) × 43,800 min × $100 a minute.
    expect(c.downtime!.usdPerMonth).toBeCloseTo(0.001 * 43_800 * 100, 6);
    expect(c.tcoUsdPerMonth).toBeCloseTo(c.infrastructureUsdPerMonth + c.operationsUsdPerMonth + 4380, 6);
    // The budget ($4,000) is judged on infrastructure + operations, and covers them.
    expect(c.budget).toEqual({ limitUsdPerMonth: 4000, judgedUsdPerMonth: c.monthlyUsd, met: true });
  });
});

describe('two-region-active-passive priced by hand', () => {
  const c = priced(template('two-region-active-passive'));

  it('prices DNS, balancers, container fleets, Aurora, backups, monitoring and replication', () => {
    expect(line(c.lines, 'dns', /hosted zone/).usdPerMonth).toBe(0.5);
    // Failover alias records to AWS balancers: queries are free.
    expect(line(c.lines, 'dns', /queries/).usdPerMonth).toBe(0);
    expect(line(c.lines, 'dns', /health check of lb-east/).usdPerMonth).toBe(0.5);
    expect(line(c.lines, 'dns', /health check of lb-west/).usdPerMonth).toBe(0.5);
    // All 400 rps go to the primary: 400 × 10 KB × 3600 / 1e6 = 14.4 LCU; the standby processes nothing.
    expect(line(c.lines, 'lb-east', /capacity units/).usdPerMonth).toBeCloseTo(14.4 * H * 0.008, 9);
    expect(line(c.lines, 'lb-west', /capacity units/).usdPerMonth).toBe(0);
    expect(line(c.lines, 'lb-west', /Load Balancer hours/).usdPerMonth).toBeCloseTo(H * 0.0225, 9);
    // 3 Fargate tasks of 1 vCPU and 2 GB in each region (autoscaling needs ceil(400 / (400 × 0.6)) = 2 < min 3).
    for (const gw of ['gw-east', 'gw-west']) {
      expect(line(c.lines, gw, /Fargate vCPU/).usdPerMonth).toBeCloseTo(3 * 1 * H * 0.04048, 9);
      expect(line(c.lines, gw, /Fargate memory/).usdPerMonth).toBeCloseTo(3 * 2 * H * 0.004445, 9);
      expect(line(c.lines, gw, /EKS control plane/).usdPerMonth).toBeCloseTo(H * 0.1, 9);
    }
    // Aurora PostgreSQL r6g.large in each region, 50 GB each; I/O: every request at the primary,
    // the 10 % writes applied at the replica.
    expect(line(c.lines, 'db-east', /instance/).usdPerMonth).toBeCloseTo(H * 0.3, 9);
    expect(line(c.lines, 'db-west', /instance/).usdPerMonth).toBeCloseTo(H * 0.3, 9);
    expect(line(c.lines, 'db-east', /storage/).usdPerMonth).toBeCloseTo(DATASET_GB * 0.1, 9);
    expect(line(c.lines, 'db-east', /I\/O/).usdPerMonth).toBeCloseTo((MONTHLY(400) / 1e6) * 0.2, 6);
    expect(line(c.lines, 'db-west', /I\/O/).usdPerMonth).toBeCloseTo((MONTHLY(40) / 1e6) * 0.2, 6);
    // 40 writes/s × 1 KB across regions: 105.12 GB a month at $0.02.
    expect(line(c.lines, 'db-east', /inter-region replication/).usdPerMonth).toBeCloseTo(((MONTHLY(40) * 1) / 1e6) * 0.02, 9);
    // Three full 50 GB copies in S3 Standard.
    expect(line(c.lines, 'nightly', /backup storage/).usdPerMonth).toBeCloseTo(3 * DATASET_GB * 0.023, 9);
    // Two alarms for each of the 7 serving nodes, one dashboard.
    expect(line(c.lines, 'ops', /alarms/).usdPerMonth).toBeCloseTo(14 * 0.1, 9);
    expect(line(c.lines, 'ops', /dashboard/).usdPerMonth).toBe(3);
    const hand =
      0.5 + 0 + 0.5 + 0.5 + (H * 0.0225 + 14.4 * H * 0.008) + H * 0.0225 + 2 * (3 * H * 0.04048 + 6 * H * 0.004445 + H * 0.1) + 2 * (H * 0.3 + 5) + (MONTHLY(400) / 1e6) * 0.2 + (MONTHLY(40) / 1e6) * 0.2 + (MONTHLY(40) / 1e6) * 0.02 + 3.45 + 1.4 + 3;
    expect(c.infrastructureUsdPerMonth).toBeCloseTo(hand, 6);
  });

  it('says that us-west-2 is priced at us-east-1 prices', () => {
    const notes = c.lines.filter((l) => l.kind === 'note');
    expect(notes.map((l) => l.item)).toEqual([expect.stringMatching(/^region usw2 \(us-west-2\) is priced at us-east-1 list prices/)]);
  });

  it('prices seven used strategies and four drills a year', () => {
    // multiRegion H, loadBalancing M, automaticFailover M, dataReplication H, containers M, monitoring L, regularTesting M.
    const weeks = 14 + 6 + 6 + 14 + 6 + 2 + 6;
    const fte = 0.35 + 0.15 + 0.15 + 0.35 + 0.15 + 0.05 + 0.15;
    expect(c.operationsUsdPerMonth).toBeCloseTo((weeks * 40 * RATE) / 36 + fte * FTE_HOURS * RATE + ((4 * 24) / 12) * RATE, 6);
    expect(c.downtime).toBeNull(); // no availability given
    expect(c.tcoUsdPerMonth).toBe(c.monthlyUsd);
  });
});

describe('provenance of every price', () => {
  const lookup = (key: string): unknown => {
    // Keys are catalog paths; a type name may itself hold dots ("m7g.large"), so match greedily.
    const walk = (node: unknown, rest: string): unknown => {
      if (rest === '') return node;
      if (typeof node !== 'object' || node === null) return undefined;
      for (const k of Object.keys(node)) {
        if (rest === k) return (node as Record<string, unknown>)[k];
        if (rest.startsWith(`${k}.`)) {
          const found = walk((node as Record<string, unknown>)[k], rest.slice(k.length + 1));
          if (found !== undefined) return found;
        }
      }
      return undefined;
    };
    return walk(CATALOG.prices, key);
  };

  it.each(['single-region-lb', 'multi-az', 'backup-restore', 'pilot-light', 'warm-standby', 'two-region-active-passive', 'two-region-active-active', 'kubernetes-containers', 'serverless-three-regions'])(
    '%s: each infrastructure line cites its catalog entry, source and date',
    (name) => {
      const c = priced(template(name));
      const charges = c.lines.filter((l) => l.kind === 'charge' && l.category === 'infrastructure');
      expect(charges.length).toBeGreaterThan(2);
      for (const l of charges) {
        const entry = lookup(l.rateKey!) as { value: number; source: string; asOf: string } | undefined;
        expect(entry, l.rateKey!).toBeDefined();
        expect(l.unitPriceUsd).toBe(entry!.value);
        expect(l.source).toBe(entry!.source);
        expect(l.asOf).toBe(entry!.asOf);
        expect(l.source.length).toBeGreaterThan(3);
        expect(l.usdPerMonth).toBeCloseTo(l.quantity * l.unitPriceUsd, 9);
      }
      expect(c.unpricedNodes).toEqual([]);
    },
  );
});

describe('plan cost settings', () => {
  it('replaces a catalog price and cites the plan', () => {
    const plan = template('single-region-lb');
    plan.cost = { prices: { 'alb.usdPerHour': 0.03 }, engineeringUsdPerHour: 50 };
    const c = priced(plan);
    const hours = line(c.lines, 'lb', /Load Balancer hours/);
    expect(hours.usdPerMonth).toBeCloseTo(H * 0.03, 9);
    expect(hours.source).toBe('the plan (cost settings)');
    expect(c.operationsUsdPerMonth).toBeCloseTo((6 * 40 * 50) / 36 + 0.15 * FTE_HOURS * 50, 6);
  });

  it('names unknown keys and the section they belong to', () => {
    expect(rateCardIssues({ prices: { 'alb.usdPerHr': 1, 'usage.datasetGb': 10 }, assumptions: { 'alb.usdPerHour': 1 } }).map((i) => i.path)).toEqual([
      'cost.prices["alb.usdPerHr"]',
      'cost.prices["usage.datasetGb"]',
      'cost.assumptions["alb.usdPerHour"]',
    ]);
    expect(rateCardIssues({ prices: { 'usage.datasetGb': 10 } })[0]!.message).toMatch(/put it under cost.assumptions/);
    expect(rateCardIssues(undefined)).toEqual([]);
  });

  it('leaves nodes in azure, gcp or generic regions unpriced with a warning, unless the plan prices them', () => {
    const plan = template('single-region-lb');
    plan.regions = [...plan.regions, { id: 'weu', provider: 'azure', code: 'westeurope' }];
    plan.nodes = plan.nodes.map((n) => (n.id === 'db' ? { ...n, region: 'weu' } : n));
    const c = priced(plan);
    expect(c.unpricedNodes).toEqual(['db']);
    expect(c.warnings.join('\n')).toMatch(/db: not priced \(region weu is azure/);
    expect(c.lines.some((l) => l.node === 'db')).toBe(false);
    plan.cost = { nodeUsdPerMonth: { db: 321 } };
    const fixed = priced(plan);
    expect(fixed.unpricedNodes).toEqual([]);
    expect(line(fixed.lines, 'db', /fixed monthly price/).usdPerMonth).toBe(321);
  });
});

describe('fixed node prices', () => {
  it('must name a node of the plan', () => {
    expect(rateCardIssues({ nodeUsdPerMonth: { nope: 1, db: 2 } }, ['db'])).toEqual([{ path: 'cost.nodeUsdPerMonth["nope"]', pathSegments: ['cost', 'nodeUsdPerMonth', 'nope'], kind: 'unknown-node', message: 'the plan has no node "nope"' }]);
  });
});
