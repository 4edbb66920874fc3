/**
 * Replays only the plan's scripted scenarios, in one Web Worker, as `resilience scenarios` and
 * `resilience export --format fis|chaostoolkit` do (the plan's replications and seed): the numbers
 * the drill exports quote, without a full Monte Carlo run. Falls back to this thread when a worker
 * cannot start. Cancel terminates the worker.
 */
import type { ScenarioResult } from '../../sim/engine/scenarios';
import type { BrowserRunMessage } from '../../sim/entry/pools/browserProtocol';
import { scenarioExpectations } from '../../sim/export/chaos/expectations';
import type { ScenarioExpectation } from '../../sim/export/types';
import type { ResolvedPlan } from '../../sim/model/resolve';
import { RunCancelled, type WorkerLike } from './runSimulation';

export interface ScenarioReplayOptions {
  createWorker?: () => WorkerLike;
  /** Replaces the main-thread fallback (tests). */
  runInThisThread?: (plan: ResolvedPlan, onProgress: (done: number, total: number) => void) => Promise<ScenarioResult[]>;
}

export interface ScenarioReplay {
  done: Promise<ScenarioExpectation[]>;
  cancel(): void;
}

function browserWorker(): WorkerLike {
  return new Worker(new URL('../../sim/entry/pools/browserWorker.ts', import.meta.url), { type: 'module', name: 'resilience-scenarios' }) as unknown as WorkerLike;
}

async function replayInThisThread(plan: ResolvedPlan, onProgress: (done: number, total: number) => void): Promise<ScenarioResult[]> {
  const [{ default: Sim }, engine] = await Promise.all([import('simjs'), import('../../sim/engine/index')]);
  engine.installSimjs(Sim);
  const { replications, seed } = plan.simulation;
  const out: ScenarioResult[] = [];
  for (const [i, scenario] of plan.scenarios.entries()) {
    out.push(engine.runScenario(plan, scenario, { replications, seed }));
    onProgress((i + 1) * replications, plan.scenarios.length * replications);
    // One scenario per task, so the window keeps painting.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return out;
}

/** Replays `plan`'s scenarios with its own simulation settings; resolves with the drills' numbers. */
export function replayScenarios(plan: ResolvedPlan, onProgress: (done: number, total: number) => void, options: ScenarioReplayOptions = {}): ScenarioReplay {
  const { replications, seed } = plan.simulation;
  let worker: WorkerLike | null = null;
  let settled = false;
  let rejectReplay: (error: Error) => void = () => {};
  const stop = (): void => {
    if (!worker) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    worker = null;
  };
  const done = new Promise<ScenarioExpectation[]>((resolve, reject) => {
    const succeed = (results: ScenarioResult[]): void => {
      if (settled) return;
      settled = true;
      stop();
      resolve(scenarioExpectations(results, seed));
    };
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      stop();
      reject(error);
    };
    rejectReplay = fail;
    const fallBack = (): void => {
      stop();
      (options.runInThisThread ?? replayInThisThread)(plan, (d, t) => {
        if (!settled) onProgress(d, t);
      }).then(succeed, (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    };
    let anyMessage = false;
    try {
      const create =
        options.createWorker ??
        (typeof Worker === 'undefined'
          ? () => {
              throw new Error('no Web Workers here');
            }
          : browserWorker);
      const w = create();
      worker = w;
      w.onmessage = (event: MessageEvent<BrowserRunMessage>) => {
        anyMessage = true;
        const message = event.data;
        if (message.type === 'scenario-progress') onProgress(message.done, message.total);
        else if (message.type === 'scenarios') succeed(message.results);
        else if (message.type === 'error') fail(new Error(message.message));
      };
      // Failing before any message: the worker could not load, so replay here instead.
      w.onerror = (event: ErrorEvent) => {
        event.preventDefault?.();
        if (!anyMessage) fallBack();
        else fail(new Error(`the scenario worker stopped: ${event.message || 'unknown error'}`));
      };
      w.postMessage({ type: 'scenarios', plan, replications, seed, progress: true });
    } catch {
      fallBack();
    }
  });
  return {
    done,
    cancel() {
      if (!settled) rejectReplay(new RunCancelled());
    },
  };
}
