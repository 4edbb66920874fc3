import { describe, expect, it } from 'vitest';
import { costOfPlan } from '../../../sim/cost';
import { validatePlan } from '../../../sim/model/validate';
import { getTemplate } from '../../../sim/templates';
import { costGroups, costSegments, downtimeSource, formatUsd, lineTooltip } from '../../../renderer/review/costShape';
import type { Plan } from '../../../sim/model/schema';

function priced(plan: Plan, availability?: number) {
  const v = validatePlan(plan);
  if (!v.ok || !v.plan || !v.resolved) throw new Error('template does not validate');
  return costOfPlan(v.plan, v.resolved, availability === undefined ? {} : { requestWeightedAvailability: availability });
}

const template = (): Plan => {
  const t = getTemplate('multi-az');
  if (!t) throw new Error('no template');
  return JSON.parse(JSON.stringify(t.plan)) as Plan;
};

describe('cost panel shaping', () => {
  it('groups every line once: node groups sum to byNode, the plan-wide group to the rest, largest node first', () => {
    const report = priced(template());
    const groups = costGroups(report);
    const lines = groups.flatMap((g) => g.lines);
    expect(lines.length).toBe(report.lines.length);
    const total = groups.reduce((s, g) => s + g.usdPerMonth, 0);
    expect(total).toBeCloseTo(report.monthlyUsd, 6);
    const nodeGroups = groups.filter((g) => g.node !== null);
    for (let i = 1; i < nodeGroups.length; i++) expect(nodeGroups[i - 1]!.usdPerMonth).toBeGreaterThanOrEqual(nodeGroups[i]!.usdPerMonth);
    for (const g of nodeGroups) expect(g.usdPerMonth).toBeCloseTo(g.lines.reduce((s, l) => s + l.usdPerMonth, 0), 9);
  });

  it('stacks infrastructure, operations and downtime end to end, adding up to the TCO', () => {
    const report = priced(template(), 0.999);
    expect(report.downtime).not.toBeNull();
    const segments = costSegments(report);
    const last = segments[segments.length - 1]!;
    expect(last.kind).toBe('downtime');
    expect(last.start + last.usdPerMonth).toBeCloseTo(report.tcoUsdPerMonth, 6);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBeCloseTo(segments[i - 1]!.start + segments[i - 1]!.usdPerMonth, 9);
    expect(segments.every((s) => s.usdPerMonth > 0)).toBe(true);
    // (1 − 0.999) × 43,800 min × the plan's price per minute.
    expect(last.usdPerMonth).toBeCloseTo(0.001 * 43_800 * report.downtime!.usdPerMinute, 6);
  });

  it('a price override changes the line that uses it, and its tooltip cites the plan', () => {
    const plan = template();
    const before = priced(plan);
    const line = before.lines.find((l) => l.kind === 'charge' && l.rateKey && !l.rateKey.startsWith('usage.') && l.usdPerMonth > 0)!;
    plan.cost = { ...(plan.cost ?? {}), prices: { [line.rateKey!]: line.unitPriceUsd * 2 } };
    const after = priced(plan);
    const same = after.lines.find((l) => l.rateKey === line.rateKey && l.item === line.item)!;
    expect(same.usdPerMonth).toBeCloseTo(2 * line.usdPerMonth, 9);
    expect(lineTooltip(same)).toContain(`price: ${line.rateKey}`);
    expect(lineTooltip(same)).toContain('source:');
  });

  it('says which run the downtime cost uses, and when it is stale', () => {
    expect(downtimeSource(null)).toBeNull();
    const d = downtimeSource({ availability: 0.9991, replications: 200, horizonYears: 10, seed: 7, revision: 4, stale: true })!;
    expect(d.describe).toBe('the run of plan revision 4: 200 replications × 10 years, seed 7 (the plan has changed since; run again to update)');
    expect(downtimeSource({ availability: 1, replications: 1, horizonYears: 1, seed: 1, revision: -1, stale: false })!.describe).toMatch(/^the run restored from an earlier session/);
  });

  it('writes dollars with cents below $10 only', () => {
    expect(formatUsd(1234.4)).toBe('$1,234');
    expect(formatUsd(3.456)).toBe('$3.46');
    expect(formatUsd(-20)).toBe('−$20');
  });
});
