// `resilience validate` and the dispatcher, run in-process: exit codes, the one-line summary,
// one line per error with code, path and message, one sentence (never a stack trace) for files
// that are not plans, and the help, version and usage errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../../sim/model/issues';
import { MALFORMED_CASES, MALFORMED_FILES } from '../model/malformedCorpus';
import { EXAMPLE_PATH, example, MALFORMED_DIR, minimalPlan } from '../model/planFixtures';
import { lines, runCli, scratchDir, STACK_LINE } from './cliHarness';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** "  error <code> <path>: <sentence>." */
const ERROR_LINE = /^ {2}error ([a-z0-9-]+) (.+?): (.+\.)$/; // a path may hold a quoted key with spaces

describe('resilience validate <valid plan>', () => {
  it('exits 0 with exactly one summary line for a plan without warnings', async () => {
    const file = scratch.write('minimal.plan.json', JSON.stringify(minimalPlan()));
    const run = await runCli('validate', file);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(lines(run.stdout)).toEqual(['✓ minimal.plan.json: "Minimal" is valid — 0 regions, 2 nodes, 1 edges']);
  });

  it('prints the summary first, then one line per warning, and still exits 0', async () => {
    const run = await runCli('validate', EXAMPLE_PATH);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const [summary, ...rest] = lines(run.stdout);
    expect(summary).toBe('✓ plan-format-example.plan.json: "Two regions, active-passive" is valid — 2 regions, 10 nodes, 8 edges, 1 warning');
    expect(rest).toEqual([expect.stringMatching(/^ {2}warning cross-region-auto-promotion nodes\[7\]\.promotion\.automatic: .+\.$/)]);
  });

  it('--json prints one parseable object', async () => {
    const run = await runCli('validate', EXAMPLE_PATH, '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; errors: unknown[]; warnings: { code: string; path: string }[] };
    expect(report.ok).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => [w.code, w.path])).toEqual([['cross-region-auto-promotion', 'nodes[7].promotion.automatic']]);
  });
});

describe('resilience validate <invalid plan>', () => {
  it('exits 2 and lists every error with its code, path and message', async () => {
    const plan = example();
    plan.nodes[4].instances = 2.5;
    plan.nodes[8].mtbfHour = 3;
    const file = scratch.write('two-errors.plan.json', JSON.stringify(plan, null, 2));
    const run = await runCli('validate', file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const [header, ...errorLines] = lines(run.stderr);
    expect(header).toBe('✗ two-errors.plan.json: 2 errors');
    expect(errorLines.map((l) => ERROR_LINE.exec(l)?.slice(1, 3))).toEqual([
      ['not-integer', 'nodes[4].instances'],
      ['unknown-field', 'nodes[8].mtbfHour'],
    ]);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('--json lists the errors with code, path and message and exits 2', async () => {
    const plan = example();
    plan.edges[3].to = 'gw-est';
    const file = scratch.write('unknown-node.plan.json', JSON.stringify(plan));
    const run = await runCli('validate', '--json', file);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { ok: boolean; errors: { code: string; path: string; message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([{ code: 'unknown-node', path: 'edges[3].to', message: expect.stringContaining('"gw-est"') }]);
  });

  // Every corpus row through the CLI: each expected code and path appears on its own error line.
  it.each(MALFORMED_CASES.map((c, i) => [c.name, c, i] as const))('corpus: %s', async (_name, testCase, i) => {
    const plan = example();
    testCase.mutate(plan);
    const run = await runCli('validate', scratch.write(`case-${i}.plan.json`, JSON.stringify(plan, null, 2)));
    expect(run.code).toBe(2);
    const found = lines(run.stderr).slice(1).map((l) => ERROR_LINE.exec(l)?.slice(1, 3));
    expect(found).toEqual(testCase.errors);
  });

  it.each(MALFORMED_FILES.map((f) => [f.file, f] as const))('malformed file: %s', async (file, expected) => {
    const run = await runCli('validate', join(MALFORMED_DIR, file));
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([`✗ ${file}: 1 error`, expect.stringMatching(ERROR_LINE)]);
    expect(ERROR_LINE.exec(lines(run.stderr)[1]!)?.slice(1, 3)).toEqual([expected.code, expected.path]);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('resilience validate <something that is not a plan file>', () => {
  /** Exit 2, nothing on stdout, one sentence on stderr naming the file, and no stack trace. */
  function expectOneSentence(run: { code: number; stdout: string; stderr: string }, mentions: string, reason: RegExp): void {
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toContain('    at ');
    const out = lines(run.stderr);
    expect(out.length).toBeLessThanOrEqual(2); // the sentence, after at most a heading naming the file
    const sentence = out[out.length - 1]!;
    expect(sentence).toMatch(reason);
    expect(sentence).toMatch(/\.$/);
    expect(sentence.split(/\.\s/).length).toBe(1);
    expect(run.stderr).toContain(mentions);
  }

  it('a missing file', async () => {
    const missing = join(scratch.dir, 'nope.plan.json');
    expectOneSentence(await runCli('validate', missing), missing, /no such file/);
  });

  it('a directory', async () => {
    expectOneSentence(await runCli('validate', scratch.dir), scratch.dir, /is a directory/);
  });

  it('text that is not JSON', async () => {
    expectOneSentence(await runCli('validate', scratch.write('notes.txt', 'remember to add a second region\n')), 'notes.txt', /invalid-json .*not valid JSON at line 1, column 1/);
  });

  it('an empty file', async () => {
    expectOneSentence(await runCli('validate', scratch.write('empty.plan.json', '')), 'empty.plan.json', /the file is empty/);
  });

  it('a binary file', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expectOneSentence(await runCli('validate', scratch.write('diagram.png', png)), 'diagram.png', /not valid UTF-8/);
  });

  it('a missing file with --json still exits 2 with one JSON object', async () => {
    const run = await runCli('validate', '--json', join(scratch.dir, 'nope.json'));
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { ok: boolean; errors: { message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.errors[0]!.message).toMatch(/no such file/);
  });
});

describe('help, version and usage errors', () => {
  it('--help and -h list the commands and exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const run = await runCli(flag);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: resilience <command>/m);
      expect(run.stdout).toMatch(/^ {2}validate\s+\S/m);
      expect(run.stdout).toMatch(/^ {2}templates\s+\S/m);
    }
  });

  it('no arguments prints the help but exits 2 (nothing was asked)', async () => {
    const run = await runCli();
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/Usage: resilience/);
  });

  it('--version and -v print the package version', async () => {
    for (const flag of ['--version', '-v']) {
      const run = await runCli(flag);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${PACKAGE_VERSION}\n`);
    }
  });

  it('validate --help prints its usage and exits 0', async () => {
    const run = await runCli('validate', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: resilience validate <plan\.json>/);
  });

  it('an unknown command exits 2 with one sentence naming it', async () => {
    const run = await runCli('valdiate', EXAMPLE_PATH);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual(['resilience: unknown command "valdiate". Run "resilience --help" for the list.']);
  });

  it('an unknown option exits 2 naming the option', async () => {
    const run = await runCli('validate', EXAMPLE_PATH, '--strict');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([expect.stringContaining('unknown option --strict')]);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('validate with no file, or two files, exits 2 with usage', async () => {
    for (const args of [[], [EXAMPLE_PATH, EXAMPLE_PATH]]) {
      const run = await runCli('validate', ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/exactly one plan file/);
    }
  });

  it('prints only codes from the ISSUE_CODES table', async () => {
    const run = await runCli('validate', scratch.write('bad.plan.json', JSON.stringify({ schemaVersion: 1, name: 'x', nodes: [{ id: 'a', kind: 'nope' }], edges: 'no' })));
    const codes = lines(run.stderr).slice(1).map((l) => ERROR_LINE.exec(l)?.[1]);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(Object.keys(ISSUE_CODES)).toContain(code);
  });
});

describe('resilience validate <plan with cost overrides>', () => {
  const costPlan = (cost: object) => {
    const plan = example() as { nodes: Array<{ id: string }>; cost?: object };
    plan.cost = cost;
    return plan;
  };

  it('refuses keys the rate card lacks and node ids the plan lacks, naming each field (as cost would later)', async () => {
    const file = scratch.write('bad-cost.plan.json', JSON.stringify(costPlan({ prices: { 'alb.usdPerHr': 0.03, 'usage.datasetGb': 5 }, assumptions: { 'alb.usdPerHour': 1, 'usage.nonsense': 2 }, nodeUsdPerMonth: { ghost: 10 } })));
    const run = await runCli('validate', file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const errors = lines(run.stderr).slice(1);
    expect(lines(run.stderr)[0]).toBe('✗ bad-cost.plan.json: 5 errors');
    for (const line of errors) expect(line).toMatch(ERROR_LINE);
    expect(errors).toEqual([
      '  error unknown-node cost.nodeUsdPerMonth.ghost: The plan has no node "ghost".',
      '  error unknown-field cost.prices["alb.usdPerHr"]: "alb.usdPerHr" is not a catalog price; did you mean "alb.usdPerHour"? (resilience cost --rates lists every key).',
      '  error unknown-field cost.prices["usage.datasetGb"]: "usage.datasetGb" is not a catalog price ("usage.datasetGb" is a usage assumption: put it under cost.assumptions).',
      '  error unknown-field cost.assumptions["alb.usdPerHour"]: "alb.usdPerHour" is not a usage assumption ("alb.usdPerHour" is a price: put it under cost.prices).',
      expect.stringMatching(/^ {2}error unknown-field cost\.assumptions\["usage\.nonsense"\]: "usage\.nonsense" is not a usage assumption; known: usage\.[a-zA-Z]+/),
    ]);
    const json = await runCli('validate', file, '--json');
    expect(json.code).toBe(2);
    const out = JSON.parse(json.stdout) as { ok: boolean; errors: Array<{ code: string; path: string }> };
    expect(out.ok).toBe(false);
    expect(out.errors.map((e) => e.path)).toEqual(['cost.nodeUsdPerMonth.ghost', 'cost.prices["alb.usdPerHr"]', 'cost.prices["usage.datasetGb"]', 'cost.assumptions["alb.usdPerHour"]', 'cost.assumptions["usage.nonsense"]']);
  });

  it('accepts known keys, and such a plan prices', async () => {
    const plan = costPlan({ prices: { 'alb.usdPerHour': 0.03 }, assumptions: { 'usage.datasetGb': 50 }, engineeringUsdPerHour: 90 });
    const file = scratch.write('good-cost.plan.json', JSON.stringify(plan));
    const run = await runCli('validate', file);
    expect(run.code, run.stderr).toBe(0);
    const cost = await runCli('cost', file, '--json', '--replications', '2', '--years', '1');
    expect(cost.code, cost.stderr).toBe(0);
  });
});
