// Shared by the commands that simulate plans (cost, strategies, compare, check): the run options
// simulate takes, reading a plan file into a valid plan or one clear sentence, a runner on the
// worker pool, and progress on stderr over several simulations.
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { formatIssue } from '../../../model/issues';
import type { Plan } from '../../../model/schema';
import type { ResolvedPlan } from '../../../model/resolve';
import { rateCardIssues } from '../../../cost';
import type { ReplicationRunner, RunSettings } from '../../../analysis/design';
import { UsageError, type CliIO } from '../cliTypes';
import { readPlanFile } from '../readPlanFile';
import { runPairedReplicationsParallel, usableWorkers } from '../../pools/runReplicationsParallel';

export const RUN_FLAGS = { seed: 'integer', replications: 'integer', years: 'number', workers: 'integer' } as const;

export const RUN_USAGE = `  --seed N          master seed (default: the plan's simulation.seed)
  --replications R  independent replications (default: the plan's simulation.replications)
  --years Y         simulated years per replication (default: the plan's simulation.horizonYears)
  --workers W       worker threads (default: min(cores, replications)); results do not depend on it`;

export interface RunFlags {
  seed?: number;
  replications?: number;
  years?: number;
  workers?: number;
}

/** The run flags, range-checked like simulate's (a UsageError names the flag). */
export function runFlags(flags: Record<string, string | number | boolean | undefined>): RunFlags {
  const seed = flags.seed as number | undefined;
  const replications = flags.replications as number | undefined;
  const years = flags.years as number | undefined;
  const workers = flags.workers as number | undefined;
  if (seed !== undefined && !(seed >= 0 && seed <= 2 ** 32 - 1)) throw new UsageError('--seed must be a whole number from 0 to 4294967295');
  if (replications !== undefined && !(replications >= 1 && replications <= 1_000_000)) throw new UsageError('--replications must be from 1 to 1000000');
  if (years !== undefined && !(years > 0 && years <= 100_000)) throw new UsageError('--years must be above 0 and at most 100000');
  if (workers !== undefined && !(workers >= 1 && workers <= 256)) throw new UsageError('--workers must be from 1 to 256');
  return { seed, replications, years, workers };
}

export function runSettings(flags: RunFlags, plan: ResolvedPlan): RunSettings {
  return {
    seed: flags.seed ?? plan.simulation.seed,
    replications: flags.replications ?? plan.simulation.replications,
    horizonYears: flags.years ?? plan.simulation.horizonYears,
  };
}

export type LoadedPlan = { ok: true; plan: Plan; resolved: ResolvedPlan } | { ok: false; message: string };

/** A plan file as a valid plan (every valid plan simulates), or the sentence to print (exit 2). */
export function loadPlanForRun(file: string): LoadedPlan {
  const read = readPlanFile(file);
  if (!read.ok) return { ok: false, message: read.message };
  const { load } = read;
  if (!load.ok || !load.resolved || !load.plan) {
    const first = load.errors[0];
    const more = load.errors.length > 1 ? ` (and ${load.errors.length - 1} more: run "resilience validate ${file}")` : '';
    return { ok: false, message: `${basename(file)} is not a valid plan: ${first ? formatIssue(first) : 'unknown error'}${more}` };
  }
  const costIssues = rateCardIssues(load.plan.cost, load.plan.nodes.map((n) => n.id));
  if (costIssues.length > 0) return { ok: false, message: `${basename(file)} is not a valid plan: ${costIssues.map((i) => `${i.path}: ${i.message}`).join('; ')}` };
  return { ok: true, plan: load.plan, resolved: load.resolved };
}

/** Raw JSON of a file (a plan or a JSON Patch), or the sentence to print. */
export function readJsonFile(path: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    if (statSync(path).isDirectory()) return { ok: false, message: `cannot read "${path}": it is a directory.` };
  } catch {
    return { ok: false, message: `cannot read "${path}": no such file.` };
  }
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: `"${path}" is not valid JSON.` };
  }
}

/** Progress over several simulations: a bar on a terminal, nothing when stderr is a file or pipe. */
export function stepProgress(io: CliIO, command: string): { step: (step: number, total: number, label: string) => void; replication: (done: number, total: number) => void; clear: () => void } {
  let current = '';
  let drawn = false;
  let last = 0;
  const draw = (text: string) => {
    if (!io.stderrIsTTY) return;
    io.stderr(`\r${text.slice(0, 100).padEnd(100)}`);
    drawn = true;
  };
  return {
    step(step, total, label) {
      current = `${command}: ${step}/${total} ${label}`;
      draw(current);
    },
    replication(done, total) {
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(`${current} — ${done}/${total} replications`);
    },
    clear() {
      if (drawn) io.stderr(`\r${' '.repeat(100)}\r`);
    },
  };
}

/** The worker-pool runner the analysis calls for every design. */
export function poolRunner(workers: number | undefined, onReplication?: (done: number, total: number) => void): ReplicationRunner {
  return (plan, settings) =>
    runPairedReplicationsParallel(plan, { ...settings, workers: usableWorkers(workers ?? availableParallelism(), settings.replications), onProgress: onReplication });
}
