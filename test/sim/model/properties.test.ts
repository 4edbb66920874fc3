// Property tests of the plan model (fast-check). Seeds are pinned so a failure reproduces exactly
// and CI never flakes; to explore further, change a seed locally, and pin any counterexample it
// finds as a corpus row. Run counts keep the whole file around two seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlanText, serializePlan } from '../../../sim/model/io';
import { formatPath, ISSUE_CODES, type Issue } from '../../../sim/model/issues';
import { validatePlan } from '../../../sim/model/validate';
import { applyMutation, mutationArb, validPlanArb } from './planArbitraries';
import { example, WARNING_CODES, type Doc } from './planFixtures';

const KNOWN_CODES = new Set(Object.keys(ISSUE_CODES));
const WARNINGS = new Set<string>(WARNING_CODES);

function expectWellFormedIssue(issue: Issue, severity: 'error' | 'warning'): void {
  expect(KNOWN_CODES.has(issue.code), `unknown code ${issue.code}`).toBe(true);
  expect(WARNINGS.has(issue.code), `${issue.code} as ${severity}`).toBe(severity === 'warning');
  expect(issue.severity).toBe(severity);
  expect(issue.path.length).toBeGreaterThan(0);
  expect(formatPath(issue.pathSegments)).toBe(issue.path);
  expect(issue.message.trim().length).toBeGreaterThan(10);
  expect(issue.message).not.toMatch(/undefined undefined|\[object Object\]/);
}

function expectCoherent(result: ReturnType<typeof validatePlan>): void {
  expect(result.ok).toBe(result.errors.length === 0);
  if (result.ok) expect(result.resolved).toBeDefined();
  for (const e of result.errors) expectWellFormedIssue(e, 'error');
  for (const w of result.warnings) expectWellFormedIssue(w, 'warning');
}

describe('random valid plans', () => {
  it('validate, and survive serialize → load unchanged', () => {
    // Seed pinned for reproducibility; 150 runs cover every DNS policy and optional block many times.
    fc.assert(
      fc.property(validPlanArb, (generated) => {
        const result = validatePlan(generated);
        expect(result.errors).toEqual([]);
        expect(result.ok).toBe(true);
        // The schema adds nothing and drops nothing from a plan that lists regions and edges.
        expect(result.plan).toStrictEqual(generated);
        const text = serializePlan(result.plan!);
        const loaded = loadPlanText(text);
        expect(loaded.ok).toBe(true);
        expect(loaded.migratedFrom).toBeUndefined();
        expect(loaded.plan).toStrictEqual(result.plan);
        expect(serializePlan(loaded.plan!)).toBe(text);
        expect(loaded.warnings).toEqual(result.warnings);
      }),
      { seed: 20_260_401, numRuns: 150 },
    );
  });

  it('the generator reaches every DNS policy, both entry kinds and the optional blocks', () => {
    // Guards the property above against a generator that silently stopped producing variety.
    const seen = new Set<string>();
    fc.assert(
      fc.property(validPlanArb, (plan) => {
        const dns = (plan.nodes as Doc[]).find((n) => n.kind === 'dns');
        seen.add(dns ? `dns:${dns.policy}` : 'entry:loadBalancer');
        for (const key of ['commonCauses', 'scenarios', 'objectives', 'simulation', 'practices']) if (key in plan) seen.add(key);
        if ((plan.nodes as Doc[]).some((n) => n.autoscaling)) seen.add('autoscaling');
        if ((plan.regions as Doc[]).some((r) => r.outage === null)) seen.add('outage:null');
      }),
      { seed: 20_260_401, numRuns: 150 },
    );
    expect([...seen].sort()).toEqual(
      ['autoscaling', 'commonCauses', 'dns:failover', 'dns:geo', 'dns:latency', 'dns:simple', 'dns:weighted', 'entry:loadBalancer', 'objectives', 'outage:null', 'practices', 'scenarios', 'simulation'].sort(),
    );
  });
});

describe('random mutations of valid plans', () => {
  it('never make validatePlan or loadPlanText throw, and every issue is well formed', () => {
    // Seed pinned; 400 runs of up to three mutations each over generated plans and the example.
    const base = fc.oneof(validPlanArb, fc.constant(null).map(() => example()));
    fc.assert(
      fc.property(base, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (plan, mutations) => {
        for (const m of mutations) applyMutation(plan, m);
        const direct = validatePlan(plan);
        expectCoherent(direct);
        const loaded = loadPlanText(JSON.stringify(plan));
        expectCoherent(loaded);
        if (loaded.ok) expect(loaded.plan).toBeDefined();
      }),
      { seed: 4_242_017, numRuns: 400 },
    );
  });

  it('mutations do break plans (the property above is not vacuous)', () => {
    let broken = 0;
    let runs = 0;
    fc.assert(
      fc.property(validPlanArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (plan, mutations) => {
        for (const m of mutations) applyMutation(plan, m);
        runs++;
        if (!validatePlan(plan).ok) broken++;
      }),
      { seed: 4_242_017, numRuns: 200 },
    );
    expect(broken / runs).toBeGreaterThan(0.4);
  });

  it('random text and damaged plan files never make loadPlanText throw', () => {
    // Seed pinned; cuts, insertions and arbitrary strings exercise the JSON error path.
    const text = serializePlan(validatePlan(example()).plan!);
    const damaged = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      fc.tuple(fc.nat(text.length), fc.nat(40)).map(([at, n]) => text.slice(0, at) + text.slice(at + n)),
      fc.tuple(fc.nat(text.length), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'x', '\u0000', '\uFEFF')).map(([at, c]) => text.slice(0, at) + c + text.slice(at)),
    );
    fc.assert(
      fc.property(damaged, (input) => {
        const result = loadPlanText(input);
        expectCoherent(result);
        if (result.errors[0]?.code === 'invalid-json') expect(result.errors).toHaveLength(1);
      }),
      { seed: 77_001, numRuns: 400 },
    );
  });
});
