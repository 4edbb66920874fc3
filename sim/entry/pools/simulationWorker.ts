// worker_threads entry: runs chunks of replications for the CLI's pool. The parent sends the
// resolved plan once (workerData), then { fromReplication, count } jobs; each answers with its
// running statistics (plain JSON), and a progress message after every replication.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedPlan } from '../../model/resolve';
import { compileModel } from '../../engine/model';
import { accumulateReplications, pairedRecordOf, type PairedRecord } from '../../engine/monteCarlo';
import { EventBudgetExceeded } from '../../engine/replication';
import { loadSimjsNode } from './loadSimjsNode';

export interface WorkerSetup {
  plan: ResolvedPlan;
  seed: number;
  horizonYears: number;
  eventBudget?: number | undefined;
  /** Also send each replication's paired record (comparisons and ablations pair designs by replication). */
  pairedRecords?: boolean | undefined;
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
    const records: PairedRecord[] = [];
    const statistics = accumulateReplications(
      setup.plan,
      {
        ...job,
        seed: setup.seed,
        horizonYears: setup.horizonYears,
        eventBudget: setup.eventBudget,
        onReplication: () => port.postMessage({ type: 'progress' }),
        onSummary: setup.pairedRecords ? (s) => records.push(pairedRecordOf(s)) : undefined,
      },
      model,
    );
    port.postMessage({ type: 'done', statistics: statistics.toJSON(), records });
  } catch (error) {
    const budget = error instanceof EventBudgetExceeded ? { replication: error.replication, source: error.source } : undefined;
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error), budget });
  }
});
