// Ablation and paired differences: a strategy the plan does not use changes nothing, exactly (the
// same plan on the same random streams); every ablated template is a valid plan that no longer uses
// the strategy; removing DNS failover from the active-passive template loses availability with a
// paired 95 % interval that excludes 0. Runs are sized small (the effects are large next to the noise).
import { describe, expect, it } from 'vitest';
import { ablate } from '../../../sim/analysis/ablation';
import { deltaBetween, evaluateDesign, pairedDifference, requestWeighted, type ReplicationRunner } from '../../../sim/analysis/design';
import { detectStrategies } from '../../../sim/analysis/strategies';
import { measureStrategies } from '../../../sim/analysis/strategyMatrix';
import { STRATEGY_IDS } from '../../../sim/catalog';
import { accumulateReplications, pairedRecordOf, type PairedRecord } from '../../../sim/engine/monteCarlo';
import { validatePlan } from '../../../sim/model/validate';
import type { Plan } from '../../../sim/model/schema';
import { TEMPLATES, getTemplate } from '../../../sim/templates';

const inThread: ReplicationRunner = async (plan, s) => {
  const records: PairedRecord[] = [];
  const statistics = accumulateReplications(plan, { fromReplication: 0, count: s.replications, seed: s.seed, horizonYears: s.horizonYears, onSummary: (r) => records.push(pairedRecordOf(r)) });
  return { statistics, records };
};
const template = (name: string): Plan => structuredClone(getTemplate(name)!.plan);

describe('ablation transformations', () => {
  it.each(TEMPLATES.map((t) => [t.name] as const))('%s: an unused strategy leaves the plan deep-equal', (name) => {
    const plan = template(name);
    for (const f of detectStrategies(plan).filter((x) => !x.used)) {
      const a = ablate(plan, f.id);
      expect(a.changes, f.id).toEqual([]);
      expect(a.plan, f.id).toEqual(plan);
    }
  });

  it.each(TEMPLATES.map((t) => [t.name] as const))('%s: each used strategy, removed, leaves a valid plan that no longer uses it', (name) => {
    const plan = template(name);
    for (const f of detectStrategies(plan).filter((x) => x.used)) {
      const a = ablate(plan, f.id);
      expect(a.changes.length, f.id).toBeGreaterThan(0);
      const v = validatePlan(a.plan);
      expect(v.errors.map((e) => `${f.id}: ${e.path} ${e.message}`)).toEqual([]);
      expect(detectStrategies(a.plan).find((x) => x.id === f.id)!.used, `${name} without ${f.id}`).toBe(false);
      expect(plan, 'the input is not modified').toEqual(template(name));
    }
  });

  it('multi-region keeps the primary region and turns a two-target failover record into a simple one', () => {
    const a = ablate(template('two-region-active-passive'), 'multiRegion');
    expect(a.plan.nodes.map((n) => n.id)).toEqual(['users', 'dns', 'lb-east', 'gw-east', 'db-east', 'ops', 'nightly']);
    const dns = a.plan.nodes.find((n) => n.id === 'dns')!;
    expect(dns).toMatchObject({ policy: 'simple', targets: [{ node: 'lb-east' }] });
    expect('healthCheck' in dns).toBe(false);
    expect(a.plan.edges.some((e) => e.kind === 'replication')).toBe(false);
  });

  it('data replication keeps each dataset primary and points traffic to it', () => {
    const a = ablate(template('two-region-active-active'), 'dataReplication');
    expect(a.plan.nodes.some((n) => n.id === 'ddb-west')).toBe(false);
    expect(a.plan.edges).toContainEqual({ kind: 'traffic', from: 'gw-west', to: 'ddb-east' });
  });

  it('automatic failover makes routing DNS manual (meaning 21) and promotions manual', () => {
    const a = ablate(template('multi-az'), 'automaticFailover');
    for (const id of ['db-a', 'db-b']) expect(a.plan.nodes.find((n) => n.id === id)).toMatchObject({ promotion: { automatic: false } });
    const b = ablate(template('two-region-active-passive'), 'automaticFailover');
    expect(b.plan.nodes.find((n) => n.id === 'dns')).toMatchObject({ healthCheck: { manual: true, intervalSeconds: 30 } });
  });
});

describe('paired measurement on common random numbers', () => {
  const settings = { seed: 11, replications: 12, horizonYears: 2 };

  it('ablating strategies a plan does not use changes nothing, exactly', async () => {
    const plan = template('single-region-lb');
    const base = await evaluateDesign(plan, settings, inThread);
    for (const id of STRATEGY_IDS.filter((s) => s !== 'loadBalancing')) {
      const other = await evaluateDesign(ablate(plan, id).plan, settings, inThread);
      const d = deltaBetween(base, other);
      expect(d.availability.mean, id).toBe(0);
      expect(d.availability.ci95, id).toEqual([0, 0]);
      expect(d.downtimeMinutesPerYear.mean, id).toBe(0);
      expect(d.monthlyUsd, id).toBe(0);
      expect(other.summaries, id).toEqual(base.summaries);
    }
  });

  it('pairs replication by replication', () => {
    const s = (replication: number, lost: number) => ({ replication, offeredRequests: 100, lostRequests: lost }) as never;
    const d = pairedDifference([s(0, 1), s(1, 2), s(2, 3)], [s(0, 2), s(1, 4), s(2, 3)], requestWeighted);
    // Differences −0.01, −0.02, 0: mean −0.01, sd 0.01, se 0.01/√3, t(0.975, 2) = 4.302653.
    expect(d.mean).toBeCloseTo(-0.01, 12);
    expect(d.standardError).toBeCloseTo(0.01 / Math.sqrt(3), 12);
    expect(d.ci95![1] - d.mean).toBeCloseTo((4.302653 * 0.01) / Math.sqrt(3), 5);
    expect(() => pairedDifference([s(0, 1)], [s(1, 1)], requestWeighted)).toThrow(/same replications/);
  });

  it('removing DNS failover from two-region-active-passive loses availability (paired interval below 0)', async () => {
    // Without failover the record answers the primary only (simple policy): a use1 outage is an outage.
    const plan = template('two-region-active-passive');
    const without = structuredClone(plan);
    const dns = without.nodes.find((n) => n.id === 'dns')!;
    Object.assign(dns, { policy: 'simple', targets: [{ node: 'lb-east' }] });
    delete (dns as { healthCheck?: unknown }).healthCheck;
    without.edges = without.edges.filter((e) => !(e.from === 'dns' && e.to === 'lb-west'));
    const run = { seed: 5, replications: 40, horizonYears: 5 };
    const d = deltaBetween(await evaluateDesign(plan, run, inThread), await evaluateDesign(without, run, inThread));
    expect(d.availability.ci95![1]).toBeLessThan(0);
    expect(d.availabilitySignificant).toBe(true);
  });

  // The ablation the issue names: the record is switched by people (meaning 21) after the monitor's delays.
  it('the automatic-failover ablation of two-region-active-passive loses availability (paired interval below 0)', async () => {
    const plan = template('two-region-active-passive');
    const run = { seed: 5, replications: 40, horizonYears: 5 };
    const d = deltaBetween(await evaluateDesign(plan, run, inThread), await evaluateDesign(ablate(plan, 'automaticFailover').plan, run, inThread));
    expect(d.availability.ci95![1]).toBeLessThan(0);
  });

  it('the strategy matrix has eight rows in the article order and measures only used strategies', async () => {
    const steps: string[] = [];
    const m = await measureStrategies(template('multi-az'), settings, inThread, (step, total, label) => steps.push(`${step}/${total} ${label}`));
    expect(m.rows.map((r) => r.id)).toEqual([...STRATEGY_IDS]);
    expect(steps[0]).toBe('1/6 the plan as written');
    expect(steps).toHaveLength(6);
    for (const r of m.rows) {
      expect(r.measured === null, r.id).toBe(!r.used);
      expect(r.qualitative.complexity).toMatch(/Low|Medium|High/);
    }
    // Without drills promotions succeed less often: never more availability, and 0.75 of 0.89 success shows.
    const testing = m.rows.find((r) => r.id === 'regularTesting')!.measured!;
    expect(testing.monthlyUsd).toBeLessThan(0);
  });
});
