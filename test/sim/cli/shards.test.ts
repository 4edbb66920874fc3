// Sharded runs: N shard files merged equal the single-machine `simulate --json` document in every
// field but wallSeconds (two templates, N = 1, 2, 3, 7); shard ranges tile the run; merge refuses
// mismatched, missing, duplicate and edited shards with one sentence; and a local "cluster" runs N
// shard processes of the real CLI at once and merges them.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseShardSpec, shardRange } from '../../../sim/entry/cli/shardFile';
import { runCli, scratchDir, STACK_LINE } from './cliHarness';

const BIN = fileURLToPath(new URL('../../../sim/entry/resilience.mjs', import.meta.url));
const template = (name: string) => fileURLToPath(new URL(`../../../sim/templates/${name}.plan.json`, import.meta.url));
const scratch = scratchDir();
afterAll(() => scratch.cleanup());

function withoutWall(text: string): Record<string, unknown> {
  const doc = JSON.parse(text) as Record<string, unknown>;
  expect(doc.wallSeconds).toEqual(expect.any(Number));
  delete doc.wallSeconds;
  return doc;
}

/** Writes the N shard files of a run with the in-process CLI; returns their paths. */
async function shards(plan: string, n: number, run: string[], tag: string): Promise<string[]> {
  const paths: string[] = [];
  for (let k = 1; k <= n; k++) {
    const out = join(scratch.dir, `${tag}-${k}-of-${n}.json`);
    const r = await runCli('simulate', plan, ...run, '--shard', `${k}/${n}`, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    paths.push(out);
  }
  return paths;
}

describe('shard ranges', () => {
  it('N shards cover replications 0..R−1 exactly once, in parts differing by at most one', () => {
    for (const [r, n] of [[10, 3], [7, 7], [5, 7], [1000, 13], [1, 1]] as const) {
      const covered: number[] = [];
      const sizes: number[] = [];
      for (let k = 1; k <= n; k++) {
        const { from, to } = shardRange({ index: k, count: n }, r);
        for (let i = from; i < to; i++) covered.push(i);
        sizes.push(to - from);
      }
      expect(covered).toEqual(Array.from({ length: r }, (_, i) => i));
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(shardRange({ index: 2, count: 3 }, 10)).toEqual({ from: 3, to: 6 });
  });

  it('parses K/N and names what is wrong', () => {
    expect(parseShardSpec('3/7')).toEqual({ index: 3, count: 7 });
    expect(parseShardSpec('0/4')).toMatch(/K must be from 1 to N \(4\), not 0/);
    expect(parseShardSpec('5/4')).toMatch(/K must be from 1 to N/);
    expect(parseShardSpec('2')).toMatch(/must be K\/N/);
    expect(parseShardSpec('1/0')).toMatch(/N must be from 1/);
  });
});

describe('merge equals the single run', () => {
  // warm-standby has promotions and RPO samples; multi-az only RTO: both paths of the statistics.
  for (const name of ['multi-az', 'warm-standby']) {
    it(`${name}: merging N = 1, 2, 3, 7 shards gives the simulate --json document (all but wallSeconds)`, async () => {
      const plan = template(name);
      const run = ['--replications', '14', '--years', '3', '--seed', '29', '--workers', '1'];
      const single = await runCli('simulate', plan, '--json', ...run);
      expect(single.code, single.stderr).toBe(0);
      const expected = withoutWall(single.stdout);
      expect(expected.replications).toBe(14);
      expect((expected.incidents as { count: number }).count).toBeGreaterThan(0);
      // The whole contract, cost totals included, must come out of merge.
      expect(expected.cost).toMatchObject({ monthlyUsd: expect.any(Number), tcoUsdPerMonth: expect.any(Number) });
      for (const n of [1, 2, 3, 7]) {
        const files = await shards(plan, n, run, `${name}-eq`);
        // Order of the files on the command line does not matter.
        const merged = await runCli('merge', ...files.reverse());
        expect(merged.code, merged.stderr).toBe(0);
        expect(merged.stdout.trim().split('\n')).toHaveLength(1);
        expect(withoutWall(merged.stdout), `${name}, ${n} shards`).toEqual(expected);
      }
    });
  }

  it('more shards than replications: the empty shards merge too', async () => {
    const plan = template('multi-az');
    const run = ['--replications', '5', '--years', '1', '--seed', '2', '--workers', '1'];
    const single = await runCli('simulate', plan, '--json', ...run);
    const files = await shards(plan, 7, run, 'empty');
    expect(JSON.parse(readFileSync(files[0]!, 'utf8')).statistics.replications).toBe(0);
    const merged = await runCli('merge', ...files);
    expect(merged.code, merged.stderr).toBe(0);
    expect(withoutWall(merged.stdout)).toEqual(withoutWall(single.stdout));
  });

  it('a shard file records the plan hash, seed, run size and its replications', async () => {
    const [path] = await shards(template('multi-az'), 1, ['--replications', '9', '--years', '1', '--seed', '4', '--workers', '1'], 'fields');
    const file = JSON.parse(readFileSync(path!, 'utf8'));
    expect(file).toMatchObject({ format: 'resilience-shard', version: 1, seed: 4, replications: 9, horizonYears: 1, shard: { index: 1, count: 1, fromReplication: 0, toReplication: 9 } });
    expect(file.planHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(file.statistics.replications).toBe(9);
  });
});

describe('merge refuses shards that do not make one run', () => {
  const run = ['--replications', '6', '--years', '1', '--seed', '8', '--workers', '1'];
  let files: string[] = [];
  const refused = async (...args: string[]) => {
    const r = await runCli('merge', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    return r.stderr;
  };

  it('missing and duplicate shards', async () => {
    files = await shards(template('multi-az'), 3, run, 'refuse');
    expect(await refused(files[0]!, files[2]!)).toMatch(/shard 2 of 3 is missing/);
    expect(await refused(files[0]!)).toMatch(/shards 2, 3 of 3 are missing/);
    expect(await refused(files[0]!, files[1]!, files[1]!, files[2]!)).toMatch(/shard 2\/3 is given twice/);
  });

  it('shards of another seed, run size, plan or shard count', async () => {
    const [otherSeed] = await shards(template('multi-az'), 1, ['--replications', '6', '--years', '1', '--seed', '9', '--workers', '1'], 'seed9');
    const seedFile = join(scratch.dir, 'seed9-as-2-of-3.json');
    const doc = JSON.parse(readFileSync(otherSeed!, 'utf8'));
    // Shard 1/1 of another seed relabelled 2/3: only the seed differs from the run.
    writeFileSync(seedFile, JSON.stringify({ ...doc, shard: { index: 2, count: 3, fromReplication: 2, toReplication: 4 } }));
    expect(await refused(files[0]!, seedFile, files[2]!)).toMatch(/different seeds/);
    const size = await shards(template('multi-az'), 3, ['--replications', '7', '--years', '1', '--seed', '8', '--workers', '1'], 'size7');
    expect(await refused(files[0]!, size[1]!, files[2]!)).toMatch(/different run sizes/);
    const plan = await shards(template('single-region-lb'), 3, run, 'otherplan');
    expect(await refused(files[0]!, plan[1]!, files[2]!)).toMatch(/different plans/);
    const count = await shards(template('multi-az'), 2, run, 'two');
    expect(await refused(files[0]!, count[1]!)).toMatch(/different shard counts/);
  });

  it('an edited plan, a wrong range, a file that is no shard, a missing file', async () => {
    const doc = JSON.parse(readFileSync(files[0]!, 'utf8'));
    const edited = scratch.write('edited.json', JSON.stringify({ ...doc, planDocument: { ...doc.planDocument, name: 'changed' } }));
    expect(await refused(edited, files[1]!, files[2]!)).toMatch(/does not match its planHash/);
    const range = scratch.write('range.json', JSON.stringify({ ...doc, shard: { ...doc.shard, toReplication: 3 } }));
    expect(await refused(range, files[1]!, files[2]!)).toMatch(/must cover replications 0–1/);
    expect(await refused(template('multi-az'))).toMatch(/is not a shard file/);
    expect(await refused(scratch.write('text.json', 'nope'))).toMatch(/not valid JSON/);
    expect(await refused(join(scratch.dir, 'absent.json'))).toMatch(/no such file/);
    const r = await runCli('merge');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs the shard files/);
  });

  it('simulate refuses a malformed --shard and --out without --shard', async () => {
    const bad = await runCli('simulate', template('multi-az'), '--shard', '4/3');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--shard K must be from 1 to N \(3\), not 4/);
    const out = await runCli('simulate', template('multi-az'), '--out', join(scratch.dir, 'x.json'));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--out is for shard files/);
  });
});

describe('a local cluster', () => {
  it('runs N shard processes of the CLI at once, then merges them to the single run', async () => {
    const plan = template('warm-standby');
    const run = ['--replications', '12', '--years', '2', '--seed', '5', '--workers', '1'];
    const n = 4;
    const exec = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const outs = Array.from({ length: n }, (_, i) => join(scratch.dir, `cluster-${i + 1}.json`));
    // All shard processes start before any has finished.
    const results = await Promise.all(outs.map((out, i) => exec(['simulate', plan, ...run, '--shard', `${i + 1}/${n}`, '--out', out])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const merged = await exec(['merge', ...outs]);
    expect(merged.code, merged.stderr).toBe(0);
    const single = await exec(['simulate', plan, '--json', ...run]);
    expect(single.code, single.stderr).toBe(0);
    expect(withoutWall(merged.stdout)).toEqual(withoutWall(single.stdout));
  }, 120_000);
});
