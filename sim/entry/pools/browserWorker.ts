// Web Worker entry for the app: runs a range of replications of a resolved plan and posts progress
// and the summaries back. simjs arrives as an ES module wrapped at build time (simjsBundlePlugin),
// never evaluated from text at run time. Timing is measured here, not in the engine.
import Sim from 'simjs';
import { runReplications } from '../../engine/monteCarlo';
import type { BrowserRequest, BrowserRunMessage } from './browserProtocol';
import { installSimjs } from '../../engine/simjs';
import { runScenarioJob } from './scenarioJob';

export type { BrowserRunRequest, BrowserScenariosRequest, BrowserRequest, BrowserRunMessage } from './browserProtocol';

installSimjs(Sim);

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<BrowserRequest>) => {
  const job = event.data;
  const post = (message: BrowserRunMessage): void => scope.postMessage(message);
  if (job?.type === 'scenarios') {
    runScenarioJob(job, post);
    return;
  }
  if (job?.type !== 'run') return;
  try {
    const started = performance.now();
    const summaries = runReplications(job.plan, {
      fromReplication: job.fromReplication,
      count: job.count,
      seed: job.seed,
      ...(job.horizonYears !== undefined ? { horizonYears: job.horizonYears } : {}),
      onReplication: (done) => post({ type: 'progress', done, total: job.count }),
    });
    post({ type: 'done', summaries, wallSeconds: (performance.now() - started) / 1000 });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
