// A `scenarios` request of the app's worker protocol, answered with messages: shared by the Web
// Worker and by tests that stand in for it, so both replay scenarios exactly the same way.
import { runScenarios } from '../../engine/scenarios';
import type { BrowserRunMessage, BrowserScenariosRequest } from './browserProtocol';

/** At most this many progress messages per job: enough for a smooth bar. */
const PROGRESS_STEPS = 100;

export function runScenarioJob(job: BrowserScenariosRequest, post: (message: BrowserRunMessage) => void): void {
  try {
    const onReplication = job.progress
      ? (done: number, total: number) => {
          const every = Math.max(1, Math.floor(total / PROGRESS_STEPS));
          if (done === total || done % every === 0) post({ type: 'scenario-progress', done, total });
        }
      : undefined;
    post({ type: 'scenarios', results: runScenarios(job.plan, { replications: job.replications, seed: job.seed, ...(onReplication ? { onReplication } : {}) }) });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
