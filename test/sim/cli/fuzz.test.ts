// A seeded fuzz pass over the whole path a user takes: templates and generated plans, damaged by
// random mutations and by extreme numbers (the values that validate and then strain the engine),
// go through `resilience simulate` with a small event budget. Every run must end with exit 0 or 2,
// never a throw, a hang, an internal error or a stack trace. In-process, one worker, a few seconds.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../sim/templates';
import { applyMutation, mutationArb, validPlanArb } from '../model/planArbitraries';
import type { Doc } from '../model/planFixtures';
import { runCli, scratchDir, STACK_LINE } from './cliHarness';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

const EXTREMES = [0, 5e-324, 1e-300, 1e-9, 1e-3, 1, 7, 1e6, 1e9, 1e300, -1, 0.5] as const;

/** Sets the n-th number in the document (depth first) to an extreme value. */
function setNumber(doc: unknown, n: number, value: number): void {
  const numbers: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach((v, i) => (typeof v === 'number' ? numbers.push({ parent: x, key: i }) : walk(v)));
    else if (x !== null && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (typeof v === 'number') numbers.push({ parent: x as Record<string, unknown>, key: k });
        else walk(v);
      }
    }
  };
  walk(doc);
  const slot = numbers[n % Math.max(numbers.length, 1)];
  if (slot) (slot.parent as Record<string | number, unknown>)[slot.key] = value;
}

const templates = TEMPLATES.map((t) => t.plan as unknown as Doc);

// Extreme numbers more often than structural damage: most structural damage stops at validation.
const damage = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('mutation' as const), mutation: mutationArb }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('extreme' as const), pick: fc.nat(), value: fc.constantFrom(...EXTREMES) }), weight: 3 },
);

describe('fuzz: damaged plans through validate → simulate', () => {
  it('always end with exit 0 or 2 and plain sentences', async () => {
    const base = fc.oneof(fc.constantFrom(...templates.keys()).map((i) => structuredClone(templates[i]!)), validPlanArb);
    let simulated = 0;
    await fc.assert(
      fc.asyncProperty(base, fc.array(damage, { minLength: 1, maxLength: 2 }), async (plan, changes) => {
        const doc = structuredClone(plan) as Doc;
        for (const c of changes) {
          if (c.kind === 'mutation') applyMutation(doc, c.mutation);
          else setNumber(doc, c.pick, c.value);
        }
        const file = scratch.write('fuzzed.plan.json', JSON.stringify(doc));
        const run = await runCli('simulate', file, '--replications', '2', '--years', '0.05', '--workers', '1', '--event-budget', '20000');
        expect([0, 2]).toContain(run.code);
        expect(run.stderr).not.toMatch(STACK_LINE);
        expect(run.stderr).not.toContain('internal error');
        if (run.code === 0) simulated++;
        else expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(1);
      }),
      { seed: 1616, numRuns: 100 },
    );
    // The pass is not vacuous: a good share of damaged plans still validate and run.
    expect(simulated).toBeGreaterThan(15);
  });
});
