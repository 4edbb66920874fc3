// Guards engine refactors that must not change answers: frozen copies of the templates' plans
// (test/fixtures/golden) are simulated for two seeds and compared with `simulate --json` as recorded
// before the refactor. Integer fields must match exactly, floating-point fields within 1e-12 relative
// (state kept as running counts may round differently). Correctness itself is the closed-form tests' job.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { goldenArgs, GOLDEN_SEEDS, stripWall } from '../../fixtures/golden/goldenRuns';
import { runCli } from '../cli/cliHarness';

const dir = fileURLToPath(new URL('../../fixtures/golden/', import.meta.url));
const recorded = JSON.parse(readFileSync(`${dir}results.json`, 'utf8')) as Record<string, unknown>;
const RELATIVE = 1e-12;

/** Every difference between `expected` and `actual`, as "path: expected vs actual". */
function differences(expected: unknown, actual: unknown, path = ''): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isInteger(expected) || !Number.isFinite(expected)) return Object.is(expected, actual) ? [] : [`${path}: ${expected} vs ${actual}`];
    return Math.abs(actual - expected) <= RELATIVE * Math.abs(expected) ? [] : [`${path}: ${expected} vs ${actual}`];
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return [`${path}: length ${expected.length} vs ${actual.length}`];
    return expected.flatMap((e, i) => differences(e, actual[i], `${path}[${i}]`));
  }
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object' && !Array.isArray(expected) && !Array.isArray(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((k) => differences((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return Object.is(expected, actual) ? [] : [`${path}: ${JSON.stringify(expected)} vs ${JSON.stringify(actual)}`];
}

describe('golden template results', () => {
  it('the comparison catches a changed integer, a float beyond 1e-12 and a missing field', () => {
    expect(differences({ a: 3, b: 0.1, c: [1] }, { a: 3, b: 0.1 * (1 + 1e-13), c: [1] })).toEqual([]);
    expect(differences({ a: 3 }, { a: 3 + 1e-9 })).toHaveLength(1);
    expect(differences({ b: 0.1 }, { b: 0.1 * (1 + 1e-11) })).toHaveLength(1);
    expect(differences({ a: 1, b: 2 }, { a: 1 })).toHaveLength(1);
  });

  const cases = Object.keys(recorded).map((key) => {
    const [file, seed] = key.split('#') as [string, string];
    return [file, Number(seed)] as const;
  });
  expect(cases).toHaveLength(9 * GOLDEN_SEEDS.length);

  it.each(cases)('%s, seed %i, reproduces its recorded result', async (file, seed) => {
    const run = await runCli(...goldenArgs(`${dir}${file}`, seed));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const actual = stripWall(JSON.parse(run.stdout) as Record<string, unknown>);
    expect(differences(recorded[`${file}#${seed}`], actual)).toEqual([]);
  });
});
