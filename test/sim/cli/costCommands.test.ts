// The cost, strategies, compare and check commands in-process (small runs on one worker): their
// JSON shapes, simulate's cost fields, and check's exit codes (0 met, 3 missed, 2 bad input).
import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runCli, scratchDir, STACK_LINE } from './cliHarness';
import { getTemplate } from '../../../sim/templates';

const TEMPLATE = (name: string) => fileURLToPath(new URL(`../../../sim/templates/${name}.plan.json`, import.meta.url));
const SMALL = ['--replications', '4', '--years', '1', '--workers', '1', '--seed', '9'];
const scratch = scratchDir();
afterAll(() => scratch.cleanup());

let written = 0;
function planWith(objectives: Record<string, number>, extra: Record<string, unknown> = {}): string {
  const plan = { ...structuredClone(getTemplate('single-region-lb')!.plan), objectives, ...extra };
  return scratch.write(`plan-${++written}.json`, JSON.stringify(plan));
}

describe('resilience cost', () => {
  it('prints one JSON object with the itemised lines and totals', async () => {
    const run = await runCli('cost', TEMPLATE('single-region-lb'), '--json', ...SMALL);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ plan: 'Single region behind a load balancer', currency: 'USD', seed: 9, replications: 4 });
    expect(out.monthlyUsd).toBeCloseTo(out.infrastructureUsdPerMonth + out.operationsUsdPerMonth, 9);
    expect(out.tcoUsdPerMonth).toBeCloseTo(out.monthlyUsd + out.downtime.usdPerMonth, 9);
    for (const l of out.lines) expect(Object.keys(l)).toEqual(expect.arrayContaining(['node', 'item', 'quantity', 'unit', 'rateKey', 'unitPriceUsd', 'usdPerMonth', 'source', 'asOf', 'flag']));
  });

  it('prints a readable report citing sources, and the rate card on request', async () => {
    const run = await runCli('cost', TEMPLATE('two-region-active-passive'), '--rates', ...SMALL);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/EC2|Fargate/);
    expect(run.stdout).toMatch(/\[alb\.usdPerHour; awsnegotiations\.com, 2026-05\]/);
    expect(run.stdout).toMatch(/note: region usw2 \(us-west-2\) is priced at us-east-1 list prices/);
    expect(run.stdout).toMatch(/Budget \$33,000\.00 a month: met/);
    expect(run.stdout).toMatch(/usage\.datasetGb +50 +assumption/);
  });

  it('refuses an unknown price key with the field named (exit 2)', async () => {
    const file = planWith({ availability: 0.9 }, { cost: { prices: { 'alb.perHour': 1 } } });
    const run = await runCli('cost', file, ...SMALL);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cost\.prices\["alb\.perHour"\]: "alb\.perHour" is not a catalog price/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('resilience simulate carries the cost totals', () => {
  it('--json has cost.monthlyUsd, downtimeUsdPerMonth and tcoUsdPerMonth; the summary has a cost line', async () => {
    const json = JSON.parse((await runCli('simulate', TEMPLATE('single-region-lb'), '--json', ...SMALL)).stdout);
    expect(json.cost.tcoUsdPerMonth).toBeCloseTo(json.cost.monthlyUsd + json.cost.downtimeUsdPerMonth, 9);
    // (1 − request-weighted availability) × 43,800 min × $100 (the template's downtime cost).
    expect(json.cost.downtimeUsdPerMonth).toBeCloseTo((1 - json.availability.requestWeighted.mean) * 43_800 * 100, 6);
    const text = (await runCli('simulate', TEMPLATE('single-region-lb'), ...SMALL)).stdout;
    expect(text).toMatch(/^Cost a month +\$[\d,.]+ \(infrastructure \$[\d,.]+ \+ operations \$[\d,.]+\) \+ expected downtime \$[\d,.]+ = TCO \$[\d,.]+; budget \$4,000\.00 met/m);
  });
});

describe('resilience strategies', () => {
  it('prints eight rows with the qualitative and measured columns', async () => {
    const run = await runCli('strategies', TEMPLATE('multi-az'), '--json', ...SMALL);
    expect(run.code).toBe(0);
    const m = JSON.parse(run.stdout);
    expect(m.rows).toHaveLength(8);
    const lb = m.rows.find((r: { id: string }) => r.id === 'loadBalancing');
    expect(lb).toMatchObject({ used: true, qualitative: { complexity: 'Medium', cost: 'Medium', scalability: 'Good', effectiveness: 'High' }, notMeasured: null });
    expect(Object.keys(lb.measured)).toEqual(expect.arrayContaining(['availability', 'downtimeMinutesPerYear', 'rtoP95Seconds', 'rpoP95Seconds', 'monthlyUsd']));
    const text = (await runCli('strategies', TEMPLATE('single-region-lb'), ...SMALL)).stdout;
    expect(text.split('\n').filter((l) => /^(Multiple regions|Load balancing|Automatic failover|Data replication|Containerization|Serverless|Monitoring|Regular testing) +(yes|no) /.test(l))).toHaveLength(8);
  });
});

describe('resilience compare', () => {
  it('compares a plan with a patch variant and names a failing operation', async () => {
    const patch = scratch.write('three.json', JSON.stringify([{ op: 'replace', path: '/nodes/gw/instances', value: 3 }]));
    const run = await runCli('compare', TEMPLATE('single-region-lb'), patch, '--json', ...SMALL);
    expect(run.code).toBe(0);
    const c = JSON.parse(run.stdout);
    expect(c.designs.map((d: { label: string }) => d.label)).toEqual(['single-region-lb.plan.json', 'single-region-lb.plan.json + three.json']);
    expect(c.paretoSet).toContain('single-region-lb.plan.json');
    const bad = scratch.write('bad.json', JSON.stringify([{ op: 'remove', path: '/nodes/nope' }]));
    const failed = await runCli('compare', TEMPLATE('single-region-lb'), bad, ...SMALL);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toBe('resilience compare: bad.json: operation 1 (remove /nodes/nope): no entry of nodes[] has the id "nope"\n');
  });

  it('runs the variants a plan keeps after it, the same as the same patch given as a file; simulate runs the plan as written', async () => {
    const patch = [{ op: 'replace', path: '/nodes/gw/instances', value: 3 }];
    const withVariants = planWith({ availability: 0.999 }, { variants: [{ name: 'three gateways', patch }] });
    const plain = planWith({ availability: 0.999 });
    const file = scratch.write('three-gw.json', JSON.stringify(patch));
    const inFile = JSON.parse((await runCli('compare', withVariants, '--json', ...SMALL)).stdout);
    const asPatch = JSON.parse((await runCli('compare', plain, file, '--json', ...SMALL)).stdout);
    expect(inFile.designs.map((d: { label: string }) => d.label)).toEqual([expect.stringMatching(/^plan-\d+\.json$/), expect.stringMatching(/^plan-\d+\.json \+ three gateways$/)]);
    // Same designs, same seed: the same numbers, whichever way the variant was given.
    const numbers = (c: { designs: Array<Record<string, unknown>> }) => c.designs.map(({ label: _label, ...rest }) => rest);
    expect(numbers(inFile)).toEqual(numbers(asPatch));
    const simulated = JSON.parse((await runCli('simulate', withVariants, '--json', ...SMALL)).stdout);
    const simulatedPlain = JSON.parse((await runCli('simulate', plain, '--json', ...SMALL)).stdout);
    // The variants are part of the plan, so the plan hash differs; the numbers do not.
    expect(simulated.planSha256).not.toBe(simulatedPlain.planSha256);
    expect({ ...simulated, wallSeconds: null, planSha256: null }).toEqual({ ...simulatedPlain, wallSeconds: null, planSha256: null });
    const bad = planWith({}, { variants: [{ name: 'typo', patch: [{ op: 'replace', path: '/nodes/nope/instances', value: 2 }] }] });
    const failed = await runCli('compare', bad, ...SMALL);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/variants\[0\] "typo": operation 1 \(replace \/nodes\/nope\/instances\): no entry of nodes\[\] has the id "nope"/);
    const alone = await runCli('compare', plain, ...SMALL);
    expect(alone.code).toBe(2);
  });
});

describe('resilience check exit codes', () => {
  it('0 when every objective is met', async () => {
    const run = await runCli('check', planWith({ availability: 0.5, rtoSeconds: 1e9, monthlyBudgetUsd: 1e9 }), ...SMALL);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/PASS: every objective is met/);
  });

  it('0 when the plan sets no objective, saying so', async () => {
    const run = await runCli('check', planWith({}), ...SMALL);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/the plan sets no objective: nothing to check/);
  });

  it('3 when one is missed, naming it', async () => {
    const run = await runCli('check', planWith({ availability: 0.5, monthlyBudgetUsd: 1 }), ...SMALL);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/MISSED +monthlyBudgetUsd/);
    expect(run.stdout).toMatch(/FAIL: 1 objective missed: monthlyBudgetUsd\./);
    const json = JSON.parse((await runCli('check', planWith({ availability: 0.9999999 }), '--json', ...SMALL)).stdout);
    expect(json).toMatchObject({ passed: false, objectives: [{ objective: 'availability', met: false }] });
  });

  it('2 for bad input, never a stack trace', async () => {
    for (const args of [['check', 'no/such.json'], ['check', planWith({}), '--replications', '0'], ['check']]) {
      const run = await runCli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).not.toMatch(STACK_LINE);
    }
  });
});
