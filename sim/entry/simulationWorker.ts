// worker_threads entry: runs chunks of replications for the CLI's pool. The parent sends the
// resolved plan once (workerData), then { fromReplication, count } jobs; each answers with its
// summaries, and a progress message after every replication.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedPlan } from '../model/resolve';
import { compileModel } from '../engine/model';
import { runReplications } from '../engine/monteCarlo';
import { loadSimjsNode } from './loadSimjsNode';

export interface WorkerSetup {
  plan: ResolvedPlan;
  seed: number;
  horizonYears: number;
}
export interface WorkerJob {
  fromReplication: number;
  count: number;
}

loadSimjsNode();
const setup = workerData as WorkerSetup;
const model = compileModel(setup.plan, setup.horizonYears);
const port = parentPort!;
port.on('message', (job: WorkerJob) => {
  try {
    const summaries = runReplications(
      setup.plan,
      { ...job, seed: setup.seed, horizonYears: setup.horizonYears, onReplication: () => port.postMessage({ type: 'progress' }) },
      model,
    );
    port.postMessage({ type: 'done', summaries });
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
