// `resilience scenarios`: the JSON contract, the readable table, and one sentence with exit 2 for
// bad input, a plan without scenarios, and parts the engine cannot simulate yet.
import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { lines, runCli, scratchDir } from './cliHarness';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

const PLAN = {
  schemaVersion: 1,
  name: 'scenario cli',
  regions: [{ id: 'r', zones: 2 }],
  nodes: [
    { id: 'users', kind: 'clients', requestsPerSecond: 100 },
    { id: 'lb', kind: 'loadBalancer', region: 'r', healthCheck: { intervalSeconds: 10, failureThreshold: 2, recoveryThreshold: 2 } },
    { id: 'gw', kind: 'gateway', region: 'r', instances: 2 },
  ],
  edges: [
    { kind: 'traffic', from: 'users', to: 'lb' },
    { kind: 'traffic', from: 'lb', to: 'gw' },
  ],
  scenarios: [
    { id: 'zone-0', name: 'Lose zone 0', atHours: 5, durationHours: 1, fail: { zone: { region: 'r', zone: 0 } } },
    { id: 'gw', atHours: 5, durationHours: 0.5, fail: { node: 'gw' } },
  ],
  objectives: { rtoSeconds: 60 },
};

describe('resilience scenarios', () => {
  it('--json prints { scenarios: [...] } with RTO, RPO, lost requests and writes, objectives', async () => {
    const file = scratch.write('ok.plan.json', JSON.stringify(PLAN));
    const r = await runCli('scenarios', file, '--json', '--replications', '20', '--seed', '3');
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1);
    const out = JSON.parse(r.stdout);
    expect(out.scenarios.map((s: { id: string }) => s.id)).toEqual(['zone-0', 'gw']);
    const [zone, node] = out.scenarios;
    for (const s of out.scenarios) {
      expect(Object.keys(s.rtoSeconds)).toEqual(['mean', 'p50', 'max']);
      expect(s.rpoSeconds).toEqual({ mean: null, p50: null, max: null });
      expect(typeof s.lostRequests.mean).toBe('number');
      expect(typeof s.lostWrites.mean).toBe('number');
    }
    expect(zone.rtoSeconds.max).toBeLessThanOrEqual(20);
    expect(zone.objectives.rtoSeconds.met).toBe(true);
    expect(node.rtoSeconds.mean).toBeCloseTo(1800, 6);
    expect(node.objectives.rtoSeconds.met).toBe(false);
    const again = await runCli('scenarios', file, '--json', '--replications', '20', '--seed', '3');
    expect(again.stdout).toBe(r.stdout);
  });

  it('prints a readable table by default', async () => {
    const file = scratch.write('table.plan.json', JSON.stringify(PLAN));
    const r = await runCli('scenarios', file, '--replications', '5');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/RTO mean \/ p50 \/ max/);
    expect(r.stdout).toMatch(/Lose zone 0/);
    expect(r.stdout).toMatch(/RTO MISSED/);
  });

  it('exit 2 with one sentence: no scenarios, invalid plan, missing file, bad flags; clients with different swings replay', async () => {
    const none = scratch.write('none.plan.json', JSON.stringify({ ...PLAN, scenarios: [] }));
    const bad = scratch.write('bad.plan.json', JSON.stringify({ ...PLAN, scenarios: [{ id: 'x', atHours: 1, durationHours: 1, fail: { node: 'nope' } }] }));
    const swings = scratch.write(
      'swings.plan.json',
      JSON.stringify({ ...PLAN, nodes: [...PLAN.nodes, { id: 'night', kind: 'clients', requestsPerSecond: 10, diurnalSwing: 0.5 }], edges: [...PLAN.edges, { kind: 'traffic', from: 'night', to: 'lb' }] }),
    );
    const cases = [
      ['scenarios', none],
      ['scenarios', bad],
      ['scenarios', scratch.dir + '/missing.plan.json'],
      ['scenarios', none, '--replications', '0'],
      ['scenarios'],
    ];
    const stderr: string[] = [];
    for (const args of cases) {
      const r = await runCli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toHaveLength(1);
      stderr.push(r.stderr);
    }
    expect(stderr[0]).toMatch(/has no scenarios/);
    expect(stderr[1]).toMatch(/not a valid plan/);
    // Clients with different daily swings used to be refused (meaning 19 simulates them).
    const replayed = await runCli('scenarios', swings, '--replications', '2');
    expect(replayed.code, replayed.stderr).toBe(0);
  });

  it('replays the active-passive template (DNS, data and scaling together): RTO, RPO and lost writes', async () => {
    const template = fileURLToPath(new URL('../../../sim/templates/two-region-active-passive.plan.json', import.meta.url));
    const r = await runCli('scenarios', template, '--json', '--replications', '5');
    expect(r.code, r.stderr).toBe(0);
    const [lose] = JSON.parse(r.stdout).scenarios;
    expect(lose.id).toBe('lose-east');
    // Failing over takes at least DNS detection; the region is back after 4 h at most plus recovery.
    expect(lose.rtoSeconds.p50).toBeGreaterThan(60);
    expect(lose.rtoSeconds.max).toBeLessThan(4 * 3600 + 24 * 3600);
    expect(lose.rpoSeconds.mean).not.toBeNull();
    expect(lose.lostWrites.mean).toBeGreaterThanOrEqual(0);
  });
});
