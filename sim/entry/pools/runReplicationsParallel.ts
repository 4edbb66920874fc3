// Runs replications on worker threads (or in this thread for one worker) and merges their running
// statistics, which merge exactly, so the result is the same for any number of workers. Memory stays
// flat: a worker sends back one chunk's statistics, never per-replication records.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResolvedPlan } from '../../model/resolve';
import { accumulateReplications, pairedRecordOf, RunStatistics, type PairedRecord } from '../../engine/monteCarlo';
import { EventBudgetExceeded } from '../../engine/replication';
import type { RunStatisticsState } from '../../engine/runStatistics';
import { splitReplications } from '../../engine/replicationJobs';
import type { WorkerJob, WorkerSetup } from './simulationWorker';
import { loadSimjsNode } from './loadSimjsNode';
import { cachedBundle } from '../build/cachedBundle.mjs';

export interface ParallelOptions {
  seed: number;
  /** Replications to run, starting at fromReplication (default 0): a shard or a batch of a run. */
  replications: number;
  fromReplication?: number;
  horizonYears: number;
  workers: number;
  /** Events one replication may deliver (see DEFAULT_EVENT_BUDGET). */
  eventBudget?: number;
  onProgress?: (done: number, total: number) => void;
}

/** A run's pooled statistics and, in replication order, each replication's paired record. */
export interface PairedRun {
  statistics: RunStatistics;
  records: PairedRecord[];
}

export type WorkerMessage =
  | { type: 'progress' }
  | { type: 'done'; statistics: RunStatisticsState; records: PairedRecord[] }
  | { type: 'error'; message: string; budget?: { replication: number; source: string } };

/** Threads worth starting: never more than the machine runs at once, nor than replications. */
export function usableWorkers(requested: number, replications: number): number {
  return Math.max(1, Math.min(requested, availableParallelism(), replications));
}

let bundledWorker: Promise<URL> | undefined;

/**
 * The worker as one plain JavaScript file (see cachedBundle.mjs): about 50 ms to start, where
 * compiling the engine on the fly took about 1 s of a 2-core machine. A bundling error is thrown.
 * The path goes up a folder: inside a bundle import.meta.url is the entry's (cli/ or bench/), in
 * source it is this file's (pools/); both sit one level below sim/entry.
 */
function workerUrl(): Promise<URL> {
  bundledWorker ??= cachedBundle('simulation-worker', fileURLToPath(new URL('../pools/simulationWorker.ts', import.meta.url)));
  return bundledWorker;
}

export async function runReplicationsParallel(plan: ResolvedPlan, options: ParallelOptions): Promise<RunStatistics> {
  return (await runPool(plan, options, false)).statistics;
}

/** The same run, keeping each replication's paired record as well (for comparisons). */
export function runPairedReplicationsParallel(plan: ResolvedPlan, options: ParallelOptions): Promise<PairedRun> {
  return runPool(plan, options, true);
}

async function runPool(plan: ResolvedPlan, options: ParallelOptions, pairedRecords: boolean): Promise<PairedRun> {
  const { seed, replications, horizonYears, onProgress, eventBudget } = options;
  const first = options.fromReplication ?? 0;
  const workers = usableWorkers(options.workers, replications);
  const records: PairedRecord[] = [];
  if (workers === 1) {
    loadSimjsNode();
    const onSummary = pairedRecords ? (s: Parameters<typeof pairedRecordOf>[0]) => records.push(pairedRecordOf(s)) : undefined;
    const statistics = accumulateReplications(plan, { fromReplication: first, count: replications, seed, horizonYears, eventBudget, onReplication: (done) => onProgress?.(done, replications), onSummary });
    return { statistics, records };
  }
  // The app's split too; order is restored at the end. A shard starts at its own first replication.
  const jobs: WorkerJob[] = splitReplications(replications, workers).map((job) => ({ ...job, fromReplication: first + job.fromReplication }));
  let merged: RunStatistics | undefined;
  let done = 0;
  let next = 0;
  const setup: WorkerSetup = { plan, seed, horizonYears, eventBudget, pairedRecords };
  const url = await workerUrl();
  const pool = Array.from({ length: workers }, () => new Worker(url, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 16 } }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = (): void => {
              if (next >= jobs.length) {
                resolve();
                return;
              }
              worker.postMessage(jobs[next++]);
            };
            worker.on('message', (message: WorkerMessage) => {
              if (message.type === 'progress') onProgress?.(++done, replications);
              else if (message.type === 'error') {
                reject(message.budget ? new EventBudgetExceeded(message.message, message.budget.replication, message.budget.source) : new Error(message.message));
              } else {
                // Exact and order-free: chunks may arrive in any order.
                const chunk = RunStatistics.fromJSON(message.statistics);
                for (const r of message.records) records.push(r);
                if (merged) merged.merge(chunk);
                else merged = chunk;
                give();
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a simulation worker stopped with exit code ${code}`));
            });
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  // Chunks finish in any order; pairing needs replication order.
  records.sort((a, b) => a.replication - b.replication);
  return { statistics: merged!, records };
}
