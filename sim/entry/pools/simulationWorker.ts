// worker_threads entry: runs chunks of replications for the CLI's pool. The parent sends the
// resolved plan and the run's jobs once (workerData); the worker claims jobs from the counter it
// shares with the other threads until none is left, answering each with its running statistics
// (plain JSON), a progress message after every replication, and `finished` at the end.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedPlan } from '../../model/resolve';
import { compileModel } from '../../engine/model';
import { accumulateReplications, pairedRecordOf, type PairedRecord } from '../../engine/monteCarlo';
import { EventBudgetExceeded } from '../../engine/replication';
import { loadSimjsNode } from './loadSimjsNode';

export interface WorkerJob {
  fromReplication: number;
  count: number;
}

export interface WorkerSetup {
  plan: ResolvedPlan;
  seed: number;
  horizonYears: number;
  eventBudget?: number | undefined;
  /** Also send each replication's paired record (comparisons and ablations pair designs by replication). */
  pairedRecords?: boolean | undefined;
  /** The run's jobs, and (on shared memory) the index of the next one to claim. */
  jobs: WorkerJob[];
  next: Int32Array;
}

loadSimjsNode();
const setup = workerData as WorkerSetup;
const model = compileModel(setup.plan, setup.horizonYears);
const port = parentPort!;
try {
  for (let j = Atomics.add(setup.next, 0, 1); j < setup.jobs.length; j = Atomics.add(setup.next, 0, 1)) {
    const records: PairedRecord[] = [];
    const statistics = accumulateReplications(
      setup.plan,
      {
        ...setup.jobs[j]!,
        seed: setup.seed,
        horizonYears: setup.horizonYears,
        eventBudget: setup.eventBudget,
        onReplication: () => port.postMessage({ type: 'progress' }),
        onSummary: setup.pairedRecords ? (s) => records.push(pairedRecordOf(s)) : undefined,
      },
      model,
    );
    port.postMessage({ type: 'done', statistics: statistics.toJSON(), records });
  }
  port.postMessage({ type: 'finished' });
} catch (error) {
  const budget = error instanceof EventBudgetExceeded ? { replication: error.replication, source: error.source } : undefined;
  port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error), budget });
}
