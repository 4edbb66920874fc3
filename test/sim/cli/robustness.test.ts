// Hostile and careless input to the CLI: paths that are not files, oversized and deeply nested
// text, other encodings, plans at and past the limits, plans that would run without end, control
// characters in anything printed, and runtime failures. Every case ends with exit 0 or 2 and plain
// sentences, never a hang or a stack trace. In-process (see cliHarness); no timing assertions.
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommand } from '../../../sim/entry/cli/cli';
import { terminalSafe } from '../../../sim/entry/cli/terminalText';
import { getTemplate } from '../../../sim/templates';
import { runCli, scratchDir, STACK_LINE, type CliRun } from './cliHarness';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());

// C0 but tab and newline, DEL, C1, bidi marks: nothing of this may reach a terminal raw.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function expectRefused(run: CliRun, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(STACK_LINE);
}

const plan = (extra: Record<string, unknown> = {}, nodes?: unknown[], edges?: unknown[]) =>
  JSON.stringify({
    schemaVersion: 1,
    name: 'p',
    nodes: nodes ?? [
      { id: 'users', kind: 'clients' },
      { id: 'api', kind: 'service' },
    ],
    edges: edges ?? [{ kind: 'traffic', from: 'users', to: 'api' }],
    ...extra,
  });

describe('paths that are not plan files are refused before reading', () => {
  let server: Server | undefined;
  const socketPath = join(scratch.dir, 'plan.sock');
  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(socketPath, resolve));
  });
  afterAll(() => server?.close());

  it('a named pipe (which would block forever on open)', async () => {
    const fifo = join(scratch.dir, 'plan.fifo');
    execFileSync('mkfifo', [fifo]);
    expectRefused(await runCli('validate', fifo), /it is a named pipe \(FIFO\), not a plan file/);
    expectRefused(await runCli('simulate', fifo), /named pipe/);
  });

  it('a device that never ends', async () => {
    expectRefused(await runCli('validate', '/dev/zero'), /"\/dev\/zero": it is a character device, not a plan file/);
  });

  it('a socket', async () => {
    expectRefused(await runCli('validate', socketPath), /it is a socket, not a plan file/);
  });

  it('a file above the size cap (read no further than its size)', async () => {
    const big = join(scratch.dir, 'huge.plan.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 33 * 1024 * 1024); // sparse: costs no disk
    closeSync(fd);
    expectRefused(await runCli('validate', big), /it is 33 MB, above the 32 MB a plan file may have/);
  });
});

describe('text that is not a plain UTF-8 plan gets a sentence naming why', () => {
  const text = plan();
  it.each([
    ['UTF-16 little-endian with a mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), /UTF-16 little-endian \(it starts with a UTF-16 byte-order mark\); save it as UTF-8/],
    ['UTF-16 big-endian with a mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), /UTF-16 big-endian/],
    ['UTF-16 without a mark', Buffer.from(text, 'utf16le'), /looks encoded as UTF-16 little-endian \(every other byte is zero\)/],
    ['Latin-1', Buffer.from('{"schemaVersion":1,"name":"Caf\xe9","nodes":[]}', 'latin1'), /not valid UTF-8 text \(the bytes at offset 30 are not UTF-8/],
  ])('%s', async (_name, bytes, pattern) => {
    expectRefused(await runCli('validate', scratch.write('encoded.plan.json', bytes)), pattern);
  });

  it('UTF-8 with a byte-order mark is read as usual', async () => {
    const run = await runCli('validate', scratch.write('bom.plan.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
    expect(run.code).toBe(0);
  });

  it('nesting deeper than a plan needs is refused before parsing', async () => {
    const run = await runCli('validate', scratch.write('deep.plan.json', '['.repeat(200_000) + ']'.repeat(200_000)));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/invalid-json \$: This is not a plan file: the JSON nests deeper than 64 levels at line 1, column 65/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('limits where the format had none', () => {
  it.each([
    ['autoscaling.max of ten million', plan({}, [{ id: 'users', kind: 'clients' }, { id: 'api', kind: 'service', autoscaling: { min: 1, max: 1e7, targetUtilization: 0.5 } }]), /out-of-range nodes\[1\]\.autoscaling\.max/],
    [
      'a failure every nanosecond, repaired at once',
      plan({}, [{ id: 'users', kind: 'clients' }, { id: 'api', kind: 'service', reliability: { timeToFailureHours: { dist: 'exponential', mean: 1e-9 }, timeToRepairHours: { dist: 'fixed', value: 0 } } }]),
      /too-frequent nodes\[1\]\.reliability\.timeToFailureHours: Node "api" would fail and be repaired about every/,
    ],
    ['a scenario lasting 1e300 hours', plan({ scenarios: [{ id: 's', atHours: 1, durationHours: 1e300, fail: { node: 'api' } }] }), /out-of-range scenarios\[0\]\.durationHours/],
    ['a region outage every microsecond', plan({ regions: [{ id: 'r', outage: { ratePerYear: 3e13, durationHours: { dist: 'fixed', value: 0 } } }] }), /out-of-range regions\[0\]\.outage\.ratePerYear/],
    ['an origin keyed "__proto__"', plan({ regions: [{ id: 'r' }] }, [{ id: 'users', kind: 'clients', origins: JSON.parse('{"__proto__": 1}') }, { id: 'api', kind: 'service' }]), /reserved-key nodes\[0\]\.origins\.__proto__/],
  ])('%s', async (_name, text, pattern) => {
    const file = scratch.write('limit.plan.json', text);
    const validate = await runCli('validate', file);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(pattern);
    const simulate = await runCli('simulate', file);
    expect(simulate.code).toBe(2);
    expect(simulate.stderr).not.toMatch(STACK_LINE);
  });

  it('a replication chain of 1,000 datastores', async () => {
    const nodes: unknown[] = [{ id: 'users', kind: 'clients' }, { id: 'api', kind: 'service' }];
    const edges: unknown[] = [{ kind: 'traffic', from: 'users', to: 'api' }, { kind: 'traffic', from: 'api', to: 'db0' }];
    for (let i = 0; i < 1000; i++) {
      nodes.push({ id: `db${i}`, kind: 'datastore' });
      if (i > 0) edges.push({ kind: 'replication', from: `db${i - 1}`, to: `db${i}`, mode: 'async' });
    }
    const run = await runCli('simulate', scratch.write('chain.plan.json', plan({}, nodes, edges)));
    expectRefused(run, /replication-group-too-large nodes\[2\]: Replication joins 1000 datastores into one group \(starting at "db0"\); a group may hold at most 256/);
  });

  it('plans of 100,000 nodes, a 4,000-gateway chain and a 10,000-target DNS record validate', async () => {
    const fleet = [{ id: 'users', kind: 'clients' }, { id: 'lb', kind: 'loadBalancer' }, ...Array.from({ length: 99_998 }, (_, i) => ({ id: `g${i}`, kind: 'gateway' }))];
    const fleetEdges = [{ kind: 'traffic', from: 'users', to: 'lb' }, ...Array.from({ length: 99_998 }, (_, i) => ({ kind: 'traffic', from: 'lb', to: `g${i}` }))];
    expect((await runCli('validate', scratch.write('wide.plan.json', plan({}, fleet, fleetEdges)))).stdout).toMatch(/is valid — 0 regions, 100000 nodes, 99999 edges/);

    const chain = [{ id: 'users', kind: 'clients' }, ...Array.from({ length: 4000 }, (_, i) => ({ id: `g${i}`, kind: 'gateway' }))];
    const chainEdges = chain.slice(1).map((n, i) => ({ kind: 'traffic', from: chain[i]!.id, to: n.id }));
    expect((await runCli('validate', scratch.write('long.plan.json', plan({}, chain, chainEdges)))).code).toBe(0);
    // The same chain closed into a loop: the cycle is found without recursion.
    const loop = await runCli('validate', scratch.write('loop.plan.json', plan({}, chain, [...chainEdges, { kind: 'traffic', from: 'g3999', to: 'g0' }])));
    expect(loop.code).toBe(2);
    expect(loop.stderr).toMatch(/traffic-cycle edges\[4000\]: Traffic goes round in a cycle: g0 → g1 → g2 → g3 → g4 → … 3991 more … → g3996 → g3997 → g3998 → g3999 → g0\./);

    const dns = { id: 'dns', kind: 'dns', policy: 'weighted', targets: Array.from({ length: 10_000 }, (_, i) => ({ node: `t${i}`, weight: 1 })) };
    const targets = Array.from({ length: 10_000 }, (_, i) => ({ id: `t${i}`, kind: 'gateway' }));
    const run = await runCli('validate', scratch.write('dns.plan.json', plan({}, [{ id: 'users', kind: 'clients' }, dns, ...targets], [{ kind: 'traffic', from: 'users', to: 'dns' }])));
    expect(run.code).toBe(0);
  });
});

describe('runs that would not end', () => {
  const busy = plan({}, [
    { id: 'users', kind: 'clients' },
    { id: 'flaky', kind: 'service', instances: 2, reliability: { timeToFailureHours: { dist: 'fixed', value: 0.001 }, timeToRepairHours: { dist: 'fixed', value: 0.001 } } },
  ], [{ kind: 'traffic', from: 'users', to: 'flaky' }]);

  it('stop at the event budget with exit 2 and a sentence naming the source', async () => {
    const run = await runCli('simulate', scratch.write('busy.plan.json', busy), '--event-budget', '5000', '--workers', '1', '--replications', '3');
    expectRefused(run, /busy\.plan\.json cannot be simulated as it stands: replication 0 stopped at 5,001 events .* came from instance [01] of "flaky" \(its failures and repairs\)/);
  });

  it('stop the same way on worker threads', async () => {
    const run = await runCli('simulate', scratch.write('busy2.plan.json', busy), '--event-budget', '5000', '--workers', '2', '--replications', '4');
    expectRefused(run, /cannot be simulated as it stands: replication \d stopped at 5,001 events/);
  });
});

describe('workers', () => {
  it('are capped at the machine’s available parallelism', async () => {
    const run = await runCli('simulate', scratch.write('lb.plan.json', JSON.stringify(getTemplate('single-region-lb')!.plan)), '--workers', '256', '--replications', '8', '--years', '1');
    expect(run.code).toBe(0);
    const used = Number(/on (\d+) workers?/.exec(run.stdout)![1]);
    expect(used).toBe(Math.min(availableParallelism(), 8));
  });
});

describe('terminal output', () => {
  const evil = 'evil\u001b]0;pwned\u0007\u001b[2J\r✓ fake\u202e\u0085';

  it('escapes control characters and bidi marks in plan names, field names and file names', async () => {
    const named = await runCli('validate', scratch.write('named.plan.json', plan({ name: evil })));
    expect(named.code).toBe(0);
    expect(named.stdout).not.toMatch(UNSAFE);
    expect(named.stdout).toContain('"evil\\x1b]0;pwned\\x07\\x1b[2J\\x0d✓ fake\\u202e\\x85" is valid');

    const field = await runCli('validate', scratch.write('field.plan.json', `{"schemaVersion":1,"name":"p","nodes":[],"\\u001b[2Jbad":1}`));
    expect(field.code).toBe(2);
    expect(field.stderr).not.toMatch(UNSAFE);
    expect(field.stderr).toContain('\\x1b[2Jbad');

    const file = await runCli('validate', scratch.write('x\u001b[31mred.plan.json', plan()));
    expect(file.stdout).not.toMatch(UNSAFE);
    expect(file.stdout).toContain('x\\x1b[31mred.plan.json');

    const simulate = await runCli('simulate', scratch.write('named2.plan.json', plan({ name: evil })), '--replications', '2', '--years', '0.1', '--workers', '1');
    expect(simulate.code).toBe(0);
    expect(simulate.stdout).not.toMatch(UNSAFE);

    const unknown = await runCli(`\u001b[2Jvalidate`);
    expect(unknown.stderr).not.toMatch(UNSAFE);
  });

  it('leaves --json output as JSON (which escapes them itself)', async () => {
    const run = await runCli('validate', '--json', scratch.write('named3.plan.json', plan({ name: evil })));
    expect((JSON.parse(run.stdout) as { name: string }).name).toBe(evil);
    // JSON.stringify writes C0 characters as \u escapes already.
    expect(run.stdout).not.toContain('\u001b');
  });

  it('escapes each unsafe character visibly and keeps newlines and tabs', () => {
    expect(terminalSafe('a\tb\nc\u0000d\u007fe\u009bf\u2066g\u200fh')).toBe('a\tb\nc\\x00d\\x7fe\\x9bf\\u2066g\\u200fh');
  });
});

describe('runtime failures', () => {
  it('turn a RangeError into one sentence and exit 2, without a stack trace', async () => {
    registerCommand({
      name: 'explode-for-test',
      summary: 'test only',
      usage: 'test only',
      run: () => {
        const deep = (n: number): number => deep(n + 1) + 1;
        return Promise.resolve(deep(0));
      },
    });
    const run = await runCli('explode-for-test');
    expectRefused(run, /resilience explode-for-test: the input is too large or too deeply nested for this machine \(Maximum call stack size exceeded\); nothing was written\./);
  });
});
