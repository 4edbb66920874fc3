/**
 * The inspector's pure parts: path writes, distribution means and shapes, and the rename kernel
 * (every reference follows; undo puts everything back).
 */
import { describe, expect, it } from 'vitest';
import { density, distributionMean, gamma, plotUpper, switchKind } from '../../renderer/inspector/distributions';
import { getIn, setIn } from '../../renderer/inspector/paths';
import { renameNodeDiff, renameRegionDiff } from '../../renderer/inspector/renameId';
import { applyDiff, reverseDiff } from '../../renderer/store/diff';
import { planToRecords, recordsToPlan } from '../../renderer/store/records';
import { validatePlan } from '../../sim/model/validate';
import { getTemplate } from '../../sim/templates';
import type { Distribution } from '../../sim/model/schema';

describe('paths', () => {
  it('sets, creates and removes fields without touching the original', () => {
    const record = { a: { b: 1 }, list: [{ x: 1 }, { x: 2 }] };
    const next = setIn(record, ['a', 'c', 'd'], 5);
    expect(next).toEqual({ a: { b: 1, c: { d: 5 } }, list: record.list });
    expect(record.a).toEqual({ b: 1 });
    expect(setIn(record, ['a', 'b'], undefined)).toEqual({ a: {}, list: record.list });
    expect(setIn(record, ['list', 1, 'x'], 9).list).toEqual([{ x: 1 }, { x: 9 }]);
    expect(getIn(record, ['list', 0, 'x'])).toBe(1);
    expect(getIn(record, ['missing', 'deep'])).toBeUndefined();
  });
});

describe('distributions', () => {
  it('computes Γ and the mean of each kind', () => {
    expect(gamma(5)).toBeCloseTo(24, 9);
    expect(gamma(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 9);
    expect(distributionMean({ dist: 'exponential', mean: 3 })).toBe(3);
    expect(distributionMean({ dist: 'weibull', shape: 1, scale: 7 })).toBeCloseTo(7, 9);
    expect(distributionMean({ dist: 'lognormal', median: 2, sigma: 1 })).toBeCloseTo(2 * Math.exp(0.5), 9);
    expect(distributionMean({ dist: 'uniform', min: 2, max: 6 })).toBe(4);
    expect(distributionMean({ dist: 'fixed', value: 5 })).toBe(5);
    expect(distributionMean({ dist: 'never' })).toBe(Infinity);
  });

  it('keeps the mean when switching kind', () => {
    const from: Distribution = { dist: 'lognormal', median: 8, sigma: 0.8 };
    const mean = distributionMean(from);
    for (const kind of ['exponential', 'weibull', 'lognormal', 'fixed', 'uniform'] as const) {
      expect(distributionMean(switchKind(kind, from)) / mean).toBeCloseTo(1, 2);
    }
  });

  it('draws densities that integrate to about 1 over the plotted range', () => {
    const cases: Distribution[] = [
      { dist: 'exponential', mean: 2 },
      { dist: 'weibull', shape: 2.5, scale: 10 },
      { dist: 'lognormal', median: 1, sigma: 0.5 },
      { dist: 'uniform', min: 1, max: 3 },
    ];
    for (const d of cases) {
      const upper = plotUpper(d);
      const n = 20_000;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += density(d, ((i + 0.5) * upper) / n) * (upper / n);
      expect(sum).toBeGreaterThan(0.97);
      expect(sum).toBeLessThan(1.001);
    }
  });
});

describe('rename', () => {
  it('renames a node with its wires, DNS targets, backups, common causes and scenarios, and undoes it', () => {
    const plan = structuredClone(getTemplate('two-region-active-passive')!.plan);
    plan.commonCauses = [{ id: 'deploy', ratePerYear: 1, durationHours: { dist: 'fixed', value: 1 }, affects: ['lb-east'] }];
    plan.scenarios = [{ id: 's', atHours: 1, durationHours: 1, fail: { node: 'lb-east' } }];
    const records = planToRecords(plan);
    const result = renameNodeDiff(records, 'lb-east', 'alb-east');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const renamed = recordsToPlan(applyDiff(records, result.diff));
    expect(validatePlan(renamed).errors).toEqual([]);
    const text = JSON.stringify(renamed);
    expect(text).not.toContain('"lb-east"');
    expect(renamed.scenarios![0]!.fail).toEqual({ node: 'alb-east' });
    expect(recordsToPlan(applyDiff(applyDiff(records, result.diff), reverseDiff(result.diff)))).toEqual(recordsToPlan(records));
  });

  it('refuses a taken or empty id', () => {
    const records = planToRecords(structuredClone(getTemplate('two-region-active-passive')!.plan));
    expect(renameNodeDiff(records, 'lb-east', 'lb-west')).toEqual({ ok: false, reason: 'Another node is already called "lb-west".' });
    expect(renameRegionDiff(records, 'use1', ' ').ok).toBe(false);
  });
});
