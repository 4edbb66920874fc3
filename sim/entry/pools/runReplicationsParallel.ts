// Runs replications in this thread and on worker threads and merges their running
// statistics, which merge exactly, so the result is the same for any number of workers. Memory stays
// flat: a worker sends back one chunk's statistics, never per-replication records.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResolvedPlan } from '../../model/resolve';
import { compileModel } from '../../engine/model';
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
  /** No job is left to claim: the worker is idle. */
  | { type: 'finished' }
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
  loadSimjsNode();
  const model = compileModel(plan, horizonYears);
  const onSummary = pairedRecords ? (s: Parameters<typeof pairedRecordOf>[0]) => records.push(pairedRecordOf(s)) : undefined;
  let done = 0;
  if (workers === 1) {
    const statistics = accumulateReplications(plan, { fromReplication: first, count: replications, seed, horizonYears, eventBudget, onReplication: () => onProgress?.(++done, replications), onSummary }, model);
    return { statistics, records };
  }
  // This thread is one of the workers: it needs no start-up (the others each load the engine and
  // compile the plan first) and takes jobs while they do. Every thread claims the next job from one
  // shared counter, so no thread waits for this one to hand out work while it computes.
  const jobs: WorkerJob[] = splitReplications(replications, workers).map((job) => ({ ...job, fromReplication: first + job.fromReplication }));
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  let merged: RunStatistics | undefined;
  const mergeChunk = (chunk: RunStatistics): void => {
    // Exact and order-free: chunks may arrive in any order.
    if (merged) merged.merge(chunk);
    else merged = chunk;
  };
  let failure: Error | undefined;
  const fail = (error: Error): void => {
    failure ??= error;
    Atomics.store(next, 0, jobs.length); // nobody claims another job
  };
  const setup: WorkerSetup = { plan, seed, horizonYears, eventBudget, pairedRecords, jobs, next };
  const url = await workerUrl();
  const pool = Array.from({ length: workers - 1 }, () => new Worker(url, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 16 } }));
  const finished = pool.map(
    (worker) =>
      new Promise<void>((resolve) => {
        // Once a worker has said it is finished (or failed), its exit is the terminate below.
        let over = false;
        const end = (error?: Error): void => {
          if (over) return;
          over = true;
          if (error) fail(error);
          resolve();
        };
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'progress') onProgress?.(++done, replications);
          else if (message.type === 'error') end(message.budget ? new EventBudgetExceeded(message.message, message.budget.replication, message.budget.source) : new Error(message.message));
          else if (message.type === 'done') {
            mergeChunk(RunStatistics.fromJSON(message.statistics));
            for (const r of message.records) records.push(r);
          } else end();
        });
        worker.on('error', (error) => end(error));
        worker.on('exit', (code) => end(new Error(`a simulation worker stopped with exit code ${code}`)));
      }),
  );
  try {
    for (let j = Atomics.add(next, 0, 1); j < jobs.length && !failure; j = Atomics.add(next, 0, 1)) {
      try {
        mergeChunk(accumulateReplications(plan, { ...jobs[j]!, seed, horizonYears, eventBudget, onReplication: () => onProgress?.(++done, replications), onSummary }, model));
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
      }
      // Let the other threads' messages in (progress, finished chunks) between jobs.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await Promise.all(finished);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  if (failure) throw failure;
  // Chunks finish in any order; pairing needs replication order.
  records.sort((a, b) => a.replication - b.replication);
  return { statistics: merged!, records };
}
