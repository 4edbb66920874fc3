// Sensitivity: a single repairable component whose availability MTBF/(MTBF+MTTR) is known at each
// end of its repair-time and failure-rate ranges (paired differences judged with the 4·SE rule), a
// parameter the plan never uses moving nothing at all (common random numbers), and clear errors for
// bad user ranges.
import { describe, expect, it } from 'vitest';
import { DesignError, type ReplicationRunner } from '../../../sim/analysis/design';
import { runSensitivity, scaleDistribution, sensitivityParameters, UserRangesSchema } from '../../../sim/analysis/sensitivity';
import { DEFAULT_RANGES, PARAMETER_CLASSES } from '../../../sim/catalog/ranges';
import { accumulateReplications, pairedRecordOf, type PairedRecord } from '../../../sim/engine/monteCarlo';
import { prepareDesign } from '../../../sim/analysis/design';
import { exp, fixed, NEVER, plan, rel } from '../engine/helpers';

const inThread: ReplicationRunner = async (p, s) => {
  const records: PairedRecord[] = [];
  const statistics = accumulateReplications(p, { fromReplication: 0, count: s.replications, seed: s.seed, horizonYears: s.horizonYears, onSummary: (r) => records.push(pairedRecordOf(r)) });
  return { statistics, records };
};

const clients = { id: 'users', kind: 'clients', requestsPerSecond: 100 };
const single = plan([clients, { id: 's', kind: 'service', instances: 1, reliability: rel(exp(1000), exp(4)) }], [['users', 's']]);
const availability = (mtbf: number, mttr: number) => mtbf / (mtbf + mttr);

describe('catalog ranges', () => {
  it('every class has a range whose ends are ordered and whose basis is cited', () => {
    for (const c of PARAMETER_CLASSES) {
      const r = DEFAULT_RANGES[c];
      expect(r.low).toBeLessThanOrEqual(r.high);
      expect(r.basis.length).toBeGreaterThan(20);
    }
    expect(DEFAULT_RANGES.failureRate.basis).toContain('catalog-research.md');
  });

  it('scales every distribution kind by its time scale', () => {
    expect(scaleDistribution({ dist: 'lognormal', median: 2, sigma: 0.5 }, 3)).toEqual({ dist: 'lognormal', median: 6, sigma: 0.5 });
    expect(scaleDistribution({ dist: 'uniform', min: 1, max: 2 }, 2)).toEqual({ dist: 'uniform', min: 2, max: 4 });
    expect(scaleDistribution({ dist: 'weibull', shape: 1.5, scale: 10 }, 0.5)).toEqual({ dist: 'weibull', shape: 1.5, scale: 5 });
    expect(scaleDistribution({ dist: 'never' }, 5)).toEqual({ dist: 'never' });
  });
});

describe('runSensitivity', () => {
  it('moves a single component’s availability to MTBF/(MTBF+MTTR) at each end of its ranges', async () => {
    // ~8.7 outages a year × 10 × 100 years; the paired differences share every failure time, so
    // their SE is a small fraction of the differences (checked below so the test cannot pass on noise).
    const s = await runSensitivity(single, { seed: 7, replications: 10, horizonYears: 100 }, inThread, { only: ['repairTime', 'failureRate'], ranges: { failureRate: { low: 0.5, high: 2 } } });
    expect(s.parameters.map((p) => p.id).sort()).toEqual(['failureRate:s', 'repairTime:s']);
    const base = availability(1000, 4);
    const expected: Record<string, [number, number]> = {
      'repairTime:s': [availability(1000, 2) - base, availability(1000, 8) - base],
      'failureRate:s': [availability(2000, 4) - base, availability(500, 4) - base],
    };
    for (const p of s.parameters) {
      const [low, high] = expected[p.id]!;
      for (const [end, exact] of [[p.low, low], [p.high, high]] as const) {
        expect(end.availability.standardError).toBeLessThanOrEqual(0.05 * Math.abs(exact));
        expect(Math.abs(end.availability.mean - exact), `${p.id} ${end.setting}: ${end.availability.mean} vs ${exact}`).toBeLessThanOrEqual(4 * end.availability.standardError);
        expect(end.monthlyUsdDelta).toBe(0);
      }
    }
    // RTO is the repair time here (no router in front): p95 of Exp(mean m) is m·ln 20, so doubling
    // the mean repair adds 4 h · ln 20 ≈ 11.98 h. A p95 from n samples has SE √(0.05·0.95/n)/density
    // = √(0.0475/n)·20·m; the bound adds both ends' 4·SE (the two runs share draws, so this is loose).
    const repair = s.parameters.find((p) => p.id === 'repairTime:s')!;
    const n = s.replications * s.horizonYears * 8.7;
    const seP95 = (meanHours: number) => Math.sqrt(0.0475 / n) * 20 * meanHours * 3600;
    expect(Math.abs(s.base.rtoP95Seconds! - 4 * Math.log(20) * 3600)).toBeLessThanOrEqual(4 * seP95(4));
    expect(Math.abs(repair.high.rtoP95DeltaSeconds! - 4 * Math.log(20) * 3600)).toBeLessThanOrEqual(4 * (seP95(4) + seP95(8)));
    expect(Math.abs(repair.low.rtoP95DeltaSeconds! + 2 * Math.log(20) * 3600)).toBeLessThanOrEqual(4 * (seP95(4) + seP95(2)));
    expect(s.parameters.find((p) => p.id === 'failureRate:s')!.range.origin).toBe('user');
    expect(s.parameters.find((p) => p.id === 'repairTime:s')!.range.origin).toBe('catalog');
    // Rows come largest availability swing first.
    expect(s.parameters[0]!.availabilitySwing).toBeGreaterThanOrEqual(s.parameters[1]!.availabilitySwing);
  });

  it('a parameter the plan does not use moves nothing, exactly (common random numbers)', async () => {
    // The datastore never fails, so its promotion success probability is never drawn against.
    const withDb = plan(
      [clients, { id: 's', kind: 'service', instances: 1, reliability: rel(exp(200), exp(4)) }, { id: 'db', kind: 'datastore', engine: 'postgres', reliability: rel(NEVER, fixed(1)) }],
      [['users', 's'], ['s', 'db']],
    );
    const s = await runSensitivity(withDb, { seed: 3, replications: 4, horizonYears: 20 }, inThread, { only: ['promotionSuccess', 'repairTime:s'] });
    const promotion = s.parameters.find((p) => p.id === 'promotionSuccess:db')!;
    expect(promotion.low.setting).not.toBe(promotion.base);
    for (const end of [promotion.low, promotion.high]) {
      expect(end.availability.mean).toBe(0);
      expect(end.availability.ci95).toEqual([0, 0]);
      expect(end.downtimeMinutesPerYear.mean).toBe(0);
      expect(end.rtoP95DeltaSeconds).toBe(0);
    }
    // The used parameter in the same run does move.
    expect(s.parameters.find((p) => p.id === 'repairTime:s')!.high.availability.mean).toBeLessThan(0);
  });

  it('lists the key parameters of a template with their ranges, and rejects unknown names clearly', () => {
    const { plan: p, resolved } = prepareDesign(JSON.parse(JSON.stringify(single)));
    expect(sensitivityParameters(p, resolved).map((x) => x.id)).toEqual(['failureRate:s', 'repairTime:s', 'instances:s']);
    expect(() => sensitivityParameters(p, resolved, { ranges: { dnsTtl: { low: 1, high: 2 }, 'repairTime:nope': { low: 1, high: 2 } } })).toThrow(DesignError);
    expect(() => sensitivityParameters(p, resolved, { ranges: { 'repairTime:nope': { low: 1, high: 2 } } })).toThrow(/"repairTime:nope" is neither a parameter class/);
    expect(() => sensitivityParameters(p, resolved, { only: ['ttl'] })).toThrow(/only: "ttl"/);
    const bad = UserRangesSchema.safeParse({ repairTime: { low: 3, high: 1 } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe('low must not exceed high');
  });
});
