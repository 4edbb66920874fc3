// `simulate --precision`: the batch schedule (hand-derived sizes), a run stops exactly where fixed-size
// runs of the same seed say its interval first meets the target, the same result for 1 and 2 workers,
// a measure with mean 0 runs to the cap and says so, progress shows the half-width, bad options refused.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../sim/entry/cli/cli';
import { FIRST_BATCH, nextRunSize, relativeHalfWidth } from '../../../sim/engine/precision';
import { runCli } from './cliHarness';

const BIN = fileURLToPath(new URL('../../../sim/entry/resilience.mjs', import.meta.url));
const PLAN = fileURLToPath(new URL('../../../sim/templates/multi-az.plan.json', import.meta.url));

interface Interval {
  mean: number;
  ci95: [number, number] | null;
}

describe('the batch schedule', () => {
  it('aims at n·(w/target)²·1.1, grows at most fourfold, by at least one, never past the cap', () => {
    // 64 · (0.06/0.05)² · 1.1 = 101.376 → 102
    expect(nextRunSize(64, 0.06, 0.05, 20_000)).toBe(102);
    // 64 · 4 · 1.1 = 281.6 → capped at 4 · 64
    expect(nextRunSize(64, 0.1, 0.05, 20_000)).toBe(256);
    // 64 · (0.0501/0.05)² · 1.1 = 70.68 → 71
    expect(nextRunSize(64, 0.0501, 0.05, 20_000)).toBe(71);
    expect(nextRunSize(1000, 0.05001, 0.05, 20_000)).toBe(1101);
    expect(nextRunSize(64, null, 0.05, 20_000)).toBe(256);
    expect(nextRunSize(64, 0.1, 0.05, 100)).toBe(100);
    expect(nextRunSize(5, 0.0001, 0.05, 100)).toBe(6);
  });

  it('has no relative width for a zero mean or a missing interval', () => {
    expect(relativeHalfWidth({ mean: 0, ci95: [-1, 1], standardError: 0.5 })).toBeNull();
    expect(relativeHalfWidth({ mean: 3, ci95: null, standardError: 0 })).toBeNull();
    expect(relativeHalfWidth({ mean: -4, ci95: [-5, -3], standardError: 0.5 })).toBe(0.25);
  });
});

describe('simulate --precision', () => {
  const run = ['--years', '2', '--seed', '17', '--workers', '1'];

  it('stops at the first batch whose interval meets the target, as fixed-size runs of that seed show', async () => {
    const target = 0.15;
    const r = await runCli('simulate', PLAN, '--json', '--precision', String(target), ...run);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.precision).toMatchObject({ measure: 'downtime', target, stoppedBecause: 'target-reached', maxReplications: 20_000 });
    expect(doc.precision.relativeHalfWidth).toBe(relativeHalfWidth(doc.downtimeMinutesPerYear));
    expect(doc.precision.relativeHalfWidth).toBeLessThanOrEqual(target);
    expect(doc.notes.some((n: string) => /reached a relative half-width of \d+\.\d+ % \(target 15 %\)/.test(n))).toBe(true);
    // Replay the schedule with plain fixed-size runs: each earlier size must miss the target.
    let n = FIRST_BATCH;
    let batches = 1;
    for (;;) {
      const fixed = await runCli('simulate', PLAN, '--json', '--replications', String(n), ...run);
      const width = relativeHalfWidth(JSON.parse(fixed.stdout).downtimeMinutesPerYear as Interval & { standardError: number });
      if (width !== null && width <= target) break;
      n = nextRunSize(n, width, target, 20_000);
      batches++;
    }
    expect(batches).toBeGreaterThan(1);
    expect(doc.replications).toBe(n);
    expect(doc.precision.batches).toBe(batches);
    // The precision run's statistics are those of the fixed run of that size.
    const same = JSON.parse((await runCli('simulate', PLAN, '--json', '--replications', String(n), ...run)).stdout);
    for (const d of [doc, same]) {
      delete d.wallSeconds;
      delete d.notes;
      delete d.precision;
    }
    expect(doc).toEqual(same);
  });

  it('gives the same run for 1 and 2 worker threads', () => {
    const cli = (workers: string) => spawnSync(process.execPath, [BIN, 'simulate', PLAN, '--json', '--precision', '0.2', '--years', '2', '--seed', '3', '--workers', workers], { encoding: 'utf8', timeout: 120_000 });
    const one = cli('1');
    const two = cli('2');
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    const a = JSON.parse(one.stdout);
    const b = JSON.parse(two.stdout);
    delete a.wallSeconds;
    delete b.wallSeconds;
    expect(a.precision.batches).toBeGreaterThan(1);
    expect(b).toEqual(a);
  }, 120_000);

  it('runs to the cap and says so when the target is out of reach, or the mean is 0', async () => {
    const tight = JSON.parse((await runCli('simulate', PLAN, '--json', '--precision', '0.001', '--max-replications', '100', ...run)).stdout);
    expect(tight.replications).toBe(100);
    expect(tight.precision).toMatchObject({ stoppedBecause: 'cap', maxReplications: 100 });
    expect(tight.precision.relativeHalfWidth).toBeGreaterThan(0.001);
    expect(tight.notes.join(' ')).toMatch(/stopped at the cap of 100 replications/);
    // multi-az keeps no data that can be lost: writes lost are 0 in every replication.
    const zero = JSON.parse((await runCli('simulate', PLAN, '--json', '--precision', '0.05', '--measure', 'writes-lost', '--max-replications', '90', ...run)).stdout);
    expect(zero.data.writesLostPerYear.mean).toBe(0);
    expect(zero.replications).toBe(90);
    expect(zero.precision).toMatchObject({ measure: 'writes-lost', relativeHalfWidth: null, stoppedBecause: 'cap' });
    expect(zero.notes.join(' ')).toMatch(/relative half-width is none \(the mean is 0\)/);
  });

  it('shows the current half-width as it goes', async () => {
    let progress = '';
    const code = await main(['simulate', PLAN, '--precision', '0.15', ...run], { stdout: () => undefined, stderr: (t) => void (progress += t), progress: (t) => void (progress += t), stderrIsTTY: true });
    expect(code).toBe(0);
    expect(progress).toMatch(/64 replications, downtime 95 % half-width \d+\.\d+ % of the mean \(target 15 %\)/);
  });

  it('refuses options that do not fit, naming them', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--precision', '0'], /--precision must be above 0 and below 1/],
      [['--precision', '0.05', '--replications', '10'], /give its cap with --max-replications/],
      [['--precision', '0.05', '--measure', 'speed'], /--measure must be one of downtime, unavailability, lost-requests, writes-lost, not "speed"/],
      [['--precision', '0.05', '--max-replications', '1'], /--max-replications must be from 2/],
      [['--measure', 'downtime'], /--measure goes with --precision/],
      [['--precision', '0.05', '--shard', '1/2'], /--precision and --shard cannot be combined/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli('simulate', PLAN, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
