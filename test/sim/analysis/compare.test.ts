// Comparison: the Pareto front on a hand-checkable set, JSON Patch variants (by index and by node
// id, with errors naming the failing operation and path), and a comparison whose differences are
// the paired ones of its designs.
import { describe, expect, it } from 'vitest';
import { applyVariant, compareDesigns, paretoFront, PatchApplyError } from '../../../sim/analysis/compare';
import { pairedDifference, prepareDesign, requestWeighted, type ReplicationRunner } from '../../../sim/analysis/design';
import { accumulateReplications, pairedRecordOf, runReplications, type PairedRecord } from '../../../sim/engine/monteCarlo';
import type { Plan } from '../../../sim/model/schema';
import { getTemplate } from '../../../sim/templates';

const inThread: ReplicationRunner = async (plan, s) => {
  const records: PairedRecord[] = [];
  const statistics = accumulateReplications(plan, { fromReplication: 0, count: s.replications, seed: s.seed, horizonYears: s.horizonYears, onSummary: (r) => records.push(pairedRecordOf(r)) });
  return { statistics, records };
};
const template = (name: string): Plan => structuredClone(getTemplate(name)!.plan);

describe('paretoFront', () => {
  it('keeps exactly the designs no other one beats on both cost and unavailability', () => {
    const points = [
      { cost: 100, unavailability: 0.01 }, // A: cheapest
      { cost: 200, unavailability: 0.005 }, // B
      { cost: 150, unavailability: 0.02 }, // C: dearer and worse than A
      { cost: 200, unavailability: 0.005 }, // D: equal to B, kept with it
      { cost: 300, unavailability: 0.005 }, // E: as good as B, dearer
      { cost: 400, unavailability: 0.001 }, // F: best availability
      { cost: 100, unavailability: 0.02 }, // G: as cheap as A, worse
    ];
    expect(paretoFront(points)).toEqual([0, 1, 3, 5]);
    expect(paretoFront([])).toEqual([]);
    expect(paretoFront([{ cost: 1, unavailability: 1 }])).toEqual([0]);
  });
});

describe('applyVariant', () => {
  const base = template('two-region-active-passive');

  it('addresses nodes by index or by id and leaves the base alone', () => {
    const byIndex = applyVariant(base, [{ op: 'replace', path: '/nodes/4/instances', value: 5 }], 'v.json') as Plan;
    const byId = applyVariant(base, [{ op: 'replace', path: '/nodes/gw-east/instances', value: 5 }], 'v.json') as Plan;
    expect(byIndex).toEqual(byId);
    expect(byId.nodes[4]).toMatchObject({ id: 'gw-east', instances: 5 });
    expect(base.nodes[4]).toMatchObject({ id: 'gw-east', instances: 3 });
    const removed = applyVariant(base, [{ op: 'remove', path: '/nodes/nightly' }, { op: 'add', path: '/practices/drillsPerYear', value: 12 }], 'v.json') as Plan;
    expect(removed.nodes.some((n) => n.id === 'nightly')).toBe(false);
    expect(removed.practices).toEqual({ drillsPerYear: 12 });
  });

  it('names the failing operation, its op and path', () => {
    const fail = (patch: unknown) => {
      try {
        applyVariant(base, patch, 'v.json');
      } catch (error) {
        expect(error).toBeInstanceOf(PatchApplyError);
        return (error as Error).message;
      }
      throw new Error('no error');
    };
    expect(fail([{ op: 'replace', path: '/nodes/0/name', value: 'x' }, { op: 'replace', path: '/nodes/no-such/instances', value: 2 }])).toBe(
      'v.json: operation 2 (replace /nodes/no-such/instances): no entry of nodes[] has the id "no-such"',
    );
    expect(fail([{ op: 'replace', path: '/objectives/nothing/here', value: 1 }])).toMatch(/^v\.json: operation 1 \(replace \/objectives\/nothing\/here\) failed: /);
    expect(fail([{ op: 'test', path: '/name', value: 'other' }])).toMatch(/^v\.json: operation 1 \(test \/name\) failed: /);
    expect(fail({ op: 'add' })).toBe('v.json: a JSON Patch is an array of operations');
    expect(fail([{ op: 'add', value: 1 }])).toBe('v.json: operation 1: "path" must be a JSON Pointer string');
  });
});

describe('compareDesigns', () => {
  it('reports paired differences against the first design, the Pareto set and objectives', async () => {
    const base = template('single-region-lb');
    const bigger = applyVariant(base, [{ op: 'replace', path: '/nodes/gw/instances', value: 4 }], 'four.json');
    const settings = { seed: 3, replications: 10, horizonYears: 2 };
    const c = await compareDesigns(
      [
        { label: 'base', plan: base },
        { label: 'four', plan: bigger },
      ],
      settings,
      inThread,
    );
    expect(c.designs.map((d) => d.label)).toEqual(['base', 'four']);
    expect(c.designs[0]!.vsFirst).toBeNull();
    const [a, b] = [base, bigger].map((p) => runReplications(prepareDesign(p).resolved, { fromReplication: 0, count: 10, seed: 3, horizonYears: 2 }));
    expect(c.designs[1]!.vsFirst!.availability).toEqual(pairedDifference(a!, b!, requestWeighted));
    // A fourth m7g.large VM costs 730 h × $0.0816 more (plus a larger share of nothing else).
    expect(c.designs[1]!.vsFirst!.monthlyUsd).toBeCloseTo(730 * 0.0816, 9);
    // The cheaper design is always on the front; the dearer one only if it is strictly more available.
    expect(c.paretoSet[0]).toBe('base');
    expect(c.designs[1]!.pareto).toBe(c.designs[1]!.availability.mean > c.designs[0]!.availability.mean);
    expect(c.designs[0]!.objectives.map((o) => o.objective)).toEqual(['availability', 'rtoSeconds', 'monthlyBudgetUsd']);
  });
});
