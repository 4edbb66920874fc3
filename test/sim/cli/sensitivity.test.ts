// `resilience sensitivity`: JSON output with paired ends, user ranges from a file, and one clear
// sentence (exit 2) for a bad ranges file or an unknown parameter.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from './cliHarness';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());
const plan = scratch.write(
  'one.plan.json',
  JSON.stringify({
    schemaVersion: 1,
    name: 'one service',
    regions: [],
    nodes: [
      { id: 'users', kind: 'clients', requestsPerSecond: 100 },
      { id: 's', kind: 'service', instances: 2, reliability: { timeToFailureHours: { dist: 'exponential', mean: 500 }, timeToRepairHours: { dist: 'exponential', mean: 4 } } },
    ],
    edges: [{ kind: 'traffic', from: 'users', to: 's' }],
  }),
);

describe('resilience sensitivity', () => {
  it('prints the tornado as JSON with user ranges, same numbers for the same seed', async () => {
    const ranges = scratch.write('ranges.json', JSON.stringify({ 'repairTime:s': { low: 0.25, high: 4 } }));
    const args = ['sensitivity', plan, '--json', '--seed', '5', '--replications', '4', '--years', '20', '--workers', '1', '--ranges', ranges];
    const a = await runCli(...args);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const out = JSON.parse(a.stdout);
    expect(out.seed).toBe(5);
    expect(out.parameters.map((p: { id: string }) => p.id).sort()).toEqual(['failureRate:s', 'instances:s', 'repairTime:s']);
    const repair = out.parameters.find((p: { id: string }) => p.id === 'repairTime:s');
    expect([repair.low.setting, repair.high.setting, repair.range.origin]).toEqual([0.25, 4, 'user']);
    const instances = out.parameters.find((p: { id: string }) => p.id === 'instances:s');
    expect([instances.low.setting, instances.high.setting]).toEqual([1, 3]);
    expect(instances.low.availability.mean).toBeLessThan(0);
    const b = await runCli(...args.map((x) => (x === '1' ? '2' : x)));
    expect(b.stdout).toBe(a.stdout);
    // The same ranges written inline (as the app's rerun command does) give the same bytes.
    const inline = await runCli(...args.map((x) => (x === ranges ? JSON.stringify({ 'repairTime:s': { low: 0.25, high: 4 } }) : x)));
    expect(inline.stdout).toBe(a.stdout);
  });

  it('explains a bad ranges file or an unknown parameter in one sentence', async () => {
    const bad = scratch.write('bad.json', JSON.stringify({ repairTime: { low: 2 } }));
    const r = await runCli('sensitivity', plan, '--ranges', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^resilience sensitivity: .*bad\.json: repairTime\.high: /);
    const inline = await runCli('sensitivity', plan, '--ranges', '{"repairTime": {"low": 3, "high": 1}}');
    expect(inline.code).toBe(2);
    expect(inline.stderr).toBe('resilience sensitivity: --ranges: repairTime.high: low must not exceed high\n');
    const broken = await runCli('sensitivity', plan, '--ranges', '{"repairTime": ');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^resilience sensitivity: --ranges: not valid JSON \(/);
    const unknown = await runCli('sensitivity', plan, '--only', 'dnsTtl');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('resilience sensitivity: only: "dnsTtl" is neither a parameter class nor a parameter of this plan\n');
  });
});
