// `resilience traffic`: the readable table, the JSON object, and one sentence with exit 2 for an
// unknown balancer (listing the plan's balancers) and bad options.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir, STACK_LINE } from './cliHarness';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

const PLAN = {
  schemaVersion: 1,
  name: 'traffic cli',
  regions: [{ id: 'r', zones: 2 }],
  nodes: [
    { id: 'users', kind: 'clients', requestsPerSecond: 120 },
    { id: 'lb', kind: 'loadBalancer', region: 'r', algorithm: 'round-robin', healthCheck: { intervalSeconds: 10, failureThreshold: 2, recoveryThreshold: 2 } },
    { id: 'lb2', kind: 'loadBalancer', region: 'r' },
    { id: 'gw', kind: 'gateway', region: 'r', instances: 3, capacityRpsPerInstance: 60, requestSeconds: 0.05 },
  ],
  edges: [
    { kind: 'traffic', from: 'users', to: 'lb' },
    { kind: 'traffic', from: 'lb', to: 'gw' },
    { kind: 'traffic', from: 'lb2', to: 'gw' },
  ],
};
const file = scratch.write('traffic.plan.json', JSON.stringify(PLAN));

describe('resilience traffic', () => {
  it('prints a table of the three algorithms with the plan\'s marked, per-instance load and a verdict', async () => {
    const run = await runCli('traffic', file, '--balancer', 'lb', '--minutes', '1', '--fleet', 'one-slow');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/round-robin \*/);
    expect(run.stdout).toMatch(/least-connections/);
    expect(run.stdout).toMatch(/ip-hash/);
    expect(run.stdout).toMatch(/gw#3/);
    expect(run.stdout).toMatch(/Verdict: /);
    expect(run.stdout).toMatch(/switching to least-connections/);
  });

  it('--json prints one object with every algorithm\'s figures', async () => {
    const run = await runCli('traffic', file, '--balancer', 'lb', '--minutes', '0.5', '--json', '--algorithm', 'round-robin,ip-hash', '--seed', '3');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { context: { balancer: { id: string } }; settings: { seed: number }; results: Array<{ algorithm: string; latency: { p99: number } }> };
    expect(out.context.balancer.id).toBe('lb');
    expect(out.settings.seed).toBe(3);
    expect(out.results.map((r) => r.algorithm)).toEqual(['round-robin', 'ip-hash']);
    expect(out.results[0]!.latency.p99).toBeGreaterThan(0);
    const again = await runCli('traffic', file, '--balancer', 'lb', '--minutes', '0.5', '--json', '--algorithm', 'round-robin,ip-hash', '--seed', '3');
    expect(again.stdout).toBe(run.stdout);
  });

  it('names the balancers when the id is unknown or missing, and rejects bad options in one sentence', async () => {
    const unknown = await runCli('traffic', file, '--balancer', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/"nope" is not a load balancer of this plan; its balancers are: lb, lb2/);
    const missing = await runCli('traffic', file);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--balancer.*lb, lb2/);
    const noTraffic = await runCli('traffic', file, '--balancer', 'lb2', '--minutes', '0.5');
    expect(noTraffic.code).toBe(2);
    expect(noTraffic.stderr).toMatch(/no clients' traffic reaches balancer "lb2"/);
    for (const args of [['--algorithm', 'random'], ['--fleet', 'fast'], ['--minutes', '0'], ['--speeds', '1,x'], ['--speeds', '1,1']]) {
      const bad = await runCli('traffic', file, '--balancer', 'lb', ...args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).not.toMatch(STACK_LINE);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
