// Runs replications on worker threads (or in this thread for one worker) and returns their
// summaries in replication order, so the result is the same for any number of workers.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResolvedPlan } from '../model/resolve';
import { runReplications } from '../engine/monteCarlo';
import type { ReplicationSummary } from '../engine/replication';
import type { WorkerJob, WorkerSetup } from './simulationWorker';
import { loadSimjsNode } from './loadSimjsNode';
import { cachedBundle } from './cachedBundle.mjs';

export interface ParallelOptions {
  seed: number;
  replications: number;
  horizonYears: number;
  workers: number;
  onProgress?: (done: number, total: number) => void;
}

type WorkerMessage = { type: 'progress' } | { type: 'done'; summaries: ReplicationSummary[] } | { type: 'error'; message: string };

let bundledWorker: Promise<URL> | undefined;

/**
 * The worker as one plain JavaScript file (see cachedBundle.mjs): about 50 ms to start, where
 * compiling the engine on the fly took about 1 s of a 2-core machine. A bundling error is thrown.
 */
function workerUrl(): Promise<URL> {
  bundledWorker ??= cachedBundle('simulation-worker', fileURLToPath(new URL('./simulationWorker.ts', import.meta.url)));
  return bundledWorker;
}

export async function runReplicationsParallel(plan: ResolvedPlan, options: ParallelOptions): Promise<ReplicationSummary[]> {
  const { seed, replications, horizonYears, onProgress } = options;
  const workers = Math.max(1, Math.min(options.workers, replications));
  if (workers === 1) {
    loadSimjsNode();
    return runReplications(plan, { fromReplication: 0, count: replications, seed, horizonYears, onReplication: (done) => onProgress?.(done, replications) });
  }
  // Small chunks balance the load when replications differ in cost; order is restored at the end.
  const chunk = Math.max(1, Math.ceil(replications / (workers * 16)));
  const jobs: WorkerJob[] = [];
  for (let from = 0; from < replications; from += chunk) jobs.push({ fromReplication: from, count: Math.min(chunk, replications - from) });
  const results: ReplicationSummary[][] = [];
  let done = 0;
  let next = 0;
  const setup: WorkerSetup = { plan, seed, horizonYears };
  const url = await workerUrl();
  const pool = Array.from({ length: workers }, () => new Worker(url, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 16 } }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let current = -1;
            const give = (): void => {
              if (next >= jobs.length) {
                resolve();
                return;
              }
              current = next++;
              worker.postMessage(jobs[current]);
            };
            worker.on('message', (message: WorkerMessage) => {
              if (message.type === 'progress') onProgress?.(++done, replications);
              else if (message.type === 'error') reject(new Error(message.message));
              else {
                results[current] = message.summaries;
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
  return results.flat();
}
