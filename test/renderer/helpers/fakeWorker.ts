// A stand-in for the app's simulation Web Worker: it queues the jobs it is posted and, one `step()`
// at a time, answers them as sim/entry/pools/browserWorker.ts does (progress, then the summaries; or
// the scenarios), running the real engine in this thread. A terminated worker never answers.
import { runReplications } from '../../../sim/engine/monteCarlo';
import { runScenarios } from '../../../sim/engine/scenarios';
import type { BrowserRequest, BrowserRunMessage } from '../../../sim/entry/pools/browserProtocol';
import type { WorkerLike } from '../../../renderer/simClient/runSimulation';

export class FakeWorker implements WorkerLike {
  /** Every worker created since the last reset, in creation order. */
  static all: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<BrowserRunMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  inbox: BrowserRequest[] = [];
  terminated = false;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(m: BrowserRequest) {
    this.inbox.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers the oldest job (with an engine error instead when `fail` is given); false when there was none to answer. */
  step(fail?: string): boolean {
    const job = this.inbox.shift();
    if (!job || this.terminated) return false;
    const send = (data: BrowserRunMessage) => this.onmessage?.({ data } as MessageEvent<BrowserRunMessage>);
    if (fail) send({ type: 'error', message: fail });
    else if (job.type === 'scenarios') send({ type: 'scenarios', results: runScenarios(job.plan, { replications: job.replications, seed: job.seed }) });
    else {
      const summaries = runReplications(job.plan, { fromReplication: job.fromReplication, count: job.count, seed: job.seed, horizonYears: job.horizonYears, onReplication: (done) => send({ type: 'progress', done, total: job.count }) });
      send({ type: 'done', summaries, wallSeconds: 0 });
    }
    return true;
  }
}
