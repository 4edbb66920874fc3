// The default catalog: every figure carries provenance, every distribution is one the plan accepts,
// the paths other code reads exist, and the figures agree with the SLAs they are checked against.
import { describe, expect, it } from 'vitest';
import { CATALOG, promotionSuccessProbability, STRATEGY_IDS, type Figure } from '../../../sim/catalog';
import { DistributionSchema, ReliabilitySchema, type Distribution } from '../../../sim/model/schema';

type Found = { path: string; figure: Figure<unknown> };

function isFigure(x: unknown): x is Figure<unknown> {
  return typeof x === 'object' && x !== null && 'value' in x && 'source' in x && 'flag' in x && 'asOf' in x;
}

/** Every Figure reachable from the catalog, with its path (figures do not nest). */
function collectFigures(node: unknown, path: string, out: Found[]): Found[] {
  if (isFigure(node)) out.push({ path, figure: node });
  else if (typeof node === 'object' && node !== null)
    for (const [key, child] of Object.entries(node)) collectFigures(child, `${path}.${key}`, out);
  return out;
}

/** Every object inside a value that looks like a distribution (has a `dist` field). */
function collectDistributions(node: unknown, path: string, out: { path: string; d: unknown }[]) {
  if (typeof node !== 'object' || node === null) return out;
  if ('dist' in node) out.push({ path, d: node });
  else for (const [key, child] of Object.entries(node)) collectDistributions(child, `${path}.${key}`, out);
  return out;
}

function meanOf(d: Distribution): number {
  switch (d.dist) {
    case 'exponential':
      return d.mean;
    case 'lognormal':
      return d.median * Math.exp((d.sigma * d.sigma) / 2);
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    default:
      throw new Error(`no mean for ${d.dist} in this test`);
  }
}

const figures = collectFigures(CATALOG, 'CATALOG', []);

describe('provenance', () => {
  it('finds figures in every theme', () => {
    const themes = new Set(figures.map((f) => f.path.split('.')[1]));
    for (const theme of ['region', 'reliability', 'healthCheck', 'dns', 'data', 'monitoring', 'prices', 'strategies'])
      expect(themes, theme).toContain(theme);
    expect(figures.length).toBeGreaterThan(60);
  });

  it.each(figures.map((f) => [f.path, f.figure] as const))('%s has a source, a valid date and a flag', (_path, f) => {
    expect(f.source.trim().length).toBeGreaterThan(3);
    expect(f.asOf).toMatch(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/);
    expect(['published', 'estimated']).toContain(f.flag);
    if (f.note !== undefined) expect(f.note.trim()).not.toBe('');
  });

  it('dates nothing after the research it comes from, except figures whose source is itself later', () => {
    const later = figures.filter((f) => f.figure.asOf.slice(0, 7) > CATALOG.meta.asOf);
    // The DynamoDB storage price cites the AWS Price List API as read in Aug 2026.
    expect(later.map((f) => f.path)).toEqual(['CATALOG.prices.dynamodb.storageUsdPerGbMonth']);
  });

  it('explains every estimate', () => {
    const bare = figures.filter((f) => f.figure.flag === 'estimated' && !f.figure.note && !/§|our|judg/i.test(f.figure.source));
    expect(bare.map((f) => f.path)).toEqual([]);
  });
});

describe('distributions', () => {
  const dists = collectDistributions(CATALOG, 'CATALOG', []);
  it('are found', () => expect(dists.length).toBeGreaterThan(20));
  it.each(dists.map((x) => [x.path, x.d] as const))('%s is a valid plan distribution', (_path, d) => {
    expect(DistributionSchema.safeParse(d).success).toBe(true);
  });
});

describe('paths the model reads', () => {
  it('region outages', () => {
    expect(CATALOG.region.outage.generic.value).toEqual({ ratePerYear: 0.1, durationHours: { dist: 'lognormal', median: 8, sigma: 0.8 } });
    expect(CATALOG.region.outage.byCode['us-east-1']?.value.ratePerYear).toBe(0.6);
    expect(CATALOG.region.zoneOutage.value).toEqual({ ratePerYear: 0.2, durationHours: { dist: 'lognormal', median: 6, sigma: 1.2 } });
    expect(CATALOG.region.zones.value).toBe(3);
  });

  it('locations are on the globe and match the plan format example', () => {
    const entries = Object.entries(CATALOG.region.locations);
    expect(entries.length).toBeGreaterThan(30);
    for (const [code, { lat, lon }] of entries) {
      expect(Math.abs(lat), code).toBeLessThanOrEqual(90);
      expect(Math.abs(lon), code).toBeLessThanOrEqual(180);
      expect(Object.keys(CATALOG.region.locations[code] ?? {}).sort()).toEqual(['lat', 'lon']);
    }
    expect(CATALOG.region.locations['us-east-1']).toEqual({ lat: 38.9, lon: -77.4 });
    expect(CATALOG.region.locations['us-west-2']).toEqual({ lat: 45.8, lon: -119.7 });
    // Hemispheres as a coarse check against swapped coordinates.
    expect(CATALOG.region.locations['ap-southeast-2']?.lat).toBeLessThan(0);
    expect(CATALOG.region.locations['eu-central-1']?.lon).toBeGreaterThan(0);
    expect(CATALOG.region.locations['us-central1']?.lon).toBeLessThan(0);
  });

  it.each(['dns', 'loadBalancer', 'gateway', 'service', 'datastore'] as const)('reliability.%s is a plan reliability block', (kind) => {
    expect(ReliabilitySchema.safeParse(CATALOG.reliability[kind].value).success).toBe(true);
  });

  it.each(['vm', 'container', 'serverless'] as const)('reliability.platform.%s is a plan reliability block', (p) => {
    expect(ReliabilitySchema.safeParse(CATALOG.reliability.platform[p].value).success).toBe(true);
  });

  it('EC2 instances fail about once in 20 years and are replaced in minutes', () => {
    const vm = CATALOG.reliability.platform.vm.value;
    expect(vm.timeToFailureHours).toEqual({ dist: 'exponential', mean: 175_200 });
    expect(meanOf(vm.timeToRepairHours) * 60).toBeGreaterThan(5);
    expect(meanOf(vm.timeToRepairHours) * 60).toBeLessThan(15);
    expect(CATALOG.reliability.platform.vm.note).toMatch(/replace/);
  });

  it('health checks and DNS', () => {
    expect(CATALOG.healthCheck.route53.value).toEqual({ intervalSeconds: 30, failureThreshold: 3, recoveryThreshold: 3, checkers: 16, propagationSeconds: 30 });
    expect(CATALOG.healthCheck.alb.value).toEqual({ intervalSeconds: 30, failureThreshold: 2, recoveryThreshold: 5, checkers: 1, propagationSeconds: 0 });
    expect(CATALOG.healthCheck.kubernetesProbe.value).toEqual({ periodSeconds: 10, failureThreshold: 3 });
    expect(CATALOG.healthCheck.podRestartSeconds.value).toBe(45);
    expect([CATALOG.dns.ttlSeconds.value, CATALOG.dns.ttlViolationFraction.value, CATALOG.dns.ttlViolationSeconds.value]).toEqual([60, 0.02, 900]);
  });

  it('data', () => {
    for (const engine of ['aurora', 'dynamodb', 'rds', 'postgres', 'generic'])
      expect(CATALOG.data.replicationLagSeconds[engine], engine).toBeDefined();
    expect(CATALOG.data.promotion.successProbability.value).toEqual({ untested: 0.75, tested: 0.97 });
    const backup = CATALOG.data.backup.value;
    expect(backup.intervalHours).toBe(24);
    // The default backup must itself satisfy 3-2-1.
    expect(backup.copies).toBeGreaterThanOrEqual(3);
    expect(backup.media).toBeGreaterThanOrEqual(2);
    expect(backup.offsite).toBe(true);
    expect(backup.restoreFailureProbability).toBeGreaterThan(0);
    expect(backup.restoreFailureProbability).toBeLessThan(1);
  });

  it('monitoring detects and responds faster with alarms than without', () => {
    const { monitored, unmonitored } = CATALOG.monitoring;
    expect(meanOf(monitored.value.detectionMinutes)).toBeLessThan(meanOf(unmonitored.value.detectionMinutes));
    expect(meanOf(monitored.value.responseMinutes)).toBeLessThanOrEqual(meanOf(unmonitored.value.responseMinutes));
    // research §4b: 1–5 min with alarming, 15–30 min without
    expect(monitored.value.detectionMinutes).toEqual({ dist: 'uniform', min: 1, max: 5 });
    expect(unmonitored.value.detectionMinutes).toEqual({ dist: 'uniform', min: 15, max: 30 });
  });

  it('prices are non-negative amounts in the catalog currency', () => {
    const prices = collectFigures(CATALOG.prices, 'prices', []);
    expect(prices.length).toBeGreaterThan(30);
    for (const p of prices) {
      expect(typeof p.figure.value, p.path).toBe('number');
      expect(p.figure.value as number, p.path).toBeGreaterThanOrEqual(0);
    }
    expect(CATALOG.meta.currency).toBe('USD');
  });
});

describe('figures agree with the SLAs they are checked against', () => {
  // Steady-state availability of one repairable unit: MTTF / (MTTF + MTTR).
  const availability = (r: { timeToFailureHours: Distribution; timeToRepairHours: Distribution }) => {
    const up = meanOf(r.timeToFailureHours);
    return up / (up + meanOf(r.timeToRepairHours));
  };

  it('a load balancer meets the 99.99 % multi-zone ELB SLA', () => {
    expect(availability(CATALOG.reliability.loadBalancer.value)).toBeGreaterThanOrEqual(0.9999);
  });
  it('a serverless fleet meets the 99.95 % Lambda/API Gateway SLA in a generic region', () => {
    expect(availability(CATALOG.reliability.platform.serverless.value)).toBeGreaterThanOrEqual(0.9995);
  });
  it('a single VM sits above the 99.5 % single-instance SLA', () => {
    expect(availability(CATALOG.reliability.platform.vm.value)).toBeGreaterThanOrEqual(0.995);
  });
  it('a generic region is up about 99.99 % and us-east-1 about 99.94 % (research §2e sanity check)', () => {
    const regionAvailability = (o: { ratePerYear: number; durationHours: Distribution }) => {
      const downHoursPerYear = o.ratePerYear * meanOf(o.durationHours);
      return 1 - downHoursPerYear / (8760 + downHoursPerYear);
    };
    expect(regionAvailability(CATALOG.region.outage.generic.value)).toBeGreaterThan(0.9998);
    const use1 = CATALOG.region.outage.byCode['us-east-1'];
    expect(use1).toBeDefined();
    if (use1) {
      expect(regionAvailability(use1.value)).toBeGreaterThan(0.999);
      expect(regionAvailability(use1.value)).toBeLessThan(0.9995);
    }
  });
  it('RDS Multi-AZ failover puts 90 % of draws inside the published 60–120 s, as its note says', () => {
    const repair = CATALOG.reliability.datastoreByEngine.rds?.value.timeToRepairHours;
    expect(repair?.dist).toBe('lognormal');
    if (repair?.dist === 'lognormal') {
      const seconds = (z: number) => repair.median * Math.exp(z * repair.sigma) * 3600;
      // p5 and p95 inside the range ⇔ at least 90 % of the mass inside it.
      expect(seconds(-1.645)).toBeGreaterThanOrEqual(59.5);
      expect(seconds(1.645)).toBeLessThanOrEqual(120.5);
    }
  });
});

describe('promotionSuccessProbability', () => {
  const { untested, tested } = CATALOG.data.promotion.successProbability.value;

  it('is the untested figure with no drills and approaches the tested one', () => {
    expect(promotionSuccessProbability(0)).toBeCloseTo(untested, 12);
    expect(promotionSuccessProbability(1000)).toBeCloseTo(tested, 12);
  });

  it('closes 95 % of the gap at drillsForFullEffect drills a year', () => {
    const d = CATALOG.data.promotion.drillsForFullEffect.value;
    const closed = (promotionSuccessProbability(d) - untested) / (tested - untested);
    expect(closed).toBeCloseTo(1 - Math.exp(-3), 9);
  });

  it('never decreases with more drills and stays between the two ends', () => {
    let previous = -Infinity;
    for (let drills = 0; drills <= 52; drills += 0.25) {
      const p = promotionSuccessProbability(drills);
      expect(p).toBeGreaterThanOrEqual(previous);
      expect(p).toBeGreaterThanOrEqual(untested);
      expect(p).toBeLessThanOrEqual(tested);
      previous = p;
    }
    expect(promotionSuccessProbability(4)).toBeGreaterThan(promotionSuccessProbability(1));
  });

  it('rejects negative or missing counts', () => {
    expect(() => promotionSuccessProbability(-1)).toThrow(RangeError);
    expect(() => promotionSuccessProbability(Number.NaN)).toThrow(RangeError);
  });
});

describe('strategy matrix', () => {
  const rows = CATALOG.strategies.order.map((id) => CATALOG.strategies.byId[id]);

  it('has the eight strategies in the article order, each with a name and a one-line description', () => {
    expect(CATALOG.strategies.order).toEqual(STRATEGY_IDS);
    expect(STRATEGY_IDS).toHaveLength(8);
    for (const row of rows) {
      expect(row.id).toBe(CATALOG.strategies.order[rows.indexOf(row)]);
      expect(row.name.length).toBeGreaterThan(3);
      expect(row.description).not.toMatch(/\n/);
      expect(row.description.length).toBeGreaterThan(20);
    }
  });

  it('matches the source article row by row', () => {
    const abbreviated = rows.map((r) => [r.complexity, r.cost, r.scalability, r.effectiveness].join('/'));
    expect(abbreviated).toEqual([
      'High/High/Excellent/Very High',
      'Medium/Medium/Good/High',
      'Medium/Medium/Good/High',
      'High/High/Excellent/Very High',
      'Medium/Low-Medium/Excellent/High',
      'Low/Low/Excellent/High',
      'Low/Low-Medium/Good/Medium',
      'Medium/Medium/N/A/High',
    ]);
  });

  it('maps every level used in the matrix to a number, rising with the level', () => {
    const { levels } = CATALOG.strategies;
    for (const r of rows) {
      expect(levels.complexityPersonWeeks.value[r.complexity]).toBeGreaterThan(0);
      expect(levels.complexityOpsFte.value[r.complexity]).toBeGreaterThan(0);
      expect(levels.costMultiplier.value[r.cost]).toBeGreaterThanOrEqual(1);
      expect(levels.effectivenessDowntimeReduction.value[r.effectiveness]).toBeGreaterThan(0);
      expect(r.scalability in levels.scalabilityScore.value).toBe(true);
    }
    const c = levels.costMultiplier.value;
    expect(c.Low).toBeLessThan(c['Low-Medium']);
    expect(c['Low-Medium']).toBeLessThan(c.Medium);
    expect(c.Medium).toBeLessThan(c.High);
    const e = levels.effectivenessDowntimeReduction.value;
    expect(e.Medium).toBeLessThan(e.High);
    expect(e.High).toBeLessThan(e['Very High']);
    expect(levels.scalabilityScore.value['N/A']).toBeNull();
  });
});
