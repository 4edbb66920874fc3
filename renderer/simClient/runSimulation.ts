/**
 * Runs a plan in a pool of Web Workers (sim/entry/pools/browserWorker.ts): replications split as the CLI
 * splits them, handed out chunk by chunk, merged back in replication order, so the app shows the
 * CLI's numbers for the same plan and seed. Cancel terminates every worker at once. When workers
 * cannot start (no Worker, a blocked script), the run falls back to this thread, one replication
 * per task so the window keeps painting.
 */
import type { ReplicationSummary } from '../../sim/engine/replication';
import type { ResolvedPlan } from '../../sim/model/resolve';
import type { BrowserRequest, BrowserRunMessage } from '../../sim/entry/pools/browserProtocol';
import type { ScenarioResult } from '../../sim/engine/scenarios';
import { mergeInReplicationOrder, splitReplications, workerCountFor, type ReplicationJob } from './jobs';
import { buildOutcomeInSteps } from './outcome';
import type { RunOutcome, RunSettings } from './types';

/** The part of a Worker the pool uses, so tests can hand in fakes. */
export interface WorkerLike {
  postMessage(message: BrowserRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<BrowserRunMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface RunOptions {
  workers?: number;
  createWorker?: () => WorkerLike;
  /** Replaces the main-thread fallback (tests). */
  runInThisThread?: (plan: ResolvedPlan, settings: RunSettings, onProgress: (done: number) => void, cancelled: () => boolean) => Promise<ThreadRun>;
  now?: () => number;
  /** Lets the window paint between the steps that pool the summaries (tests pass a microtask). */
  yieldToWindow?: () => Promise<void>;
}

/** A new task: a message to ourselves runs before timers are clamped, and after pending input. */
export function yieldToWindow(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface RunHandle {
  done: Promise<RunOutcome>;
  cancel(): void;
}

export class RunCancelled extends Error {
  constructor() {
    super('the run was cancelled');
    this.name = 'RunCancelled';
  }
}

function browserWorker(): WorkerLike {
  return new Worker(new URL('../../sim/entry/pools/browserWorker.ts', import.meta.url), { type: 'module', name: 'resilience-simulation' }) as unknown as WorkerLike;
}

export function defaultWorkerCount(replications: number): number {
  return workerCountFor(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency, replications);
}

export function runSimulation(plan: ResolvedPlan, settings: RunSettings, onProgress: (done: number, total: number) => void, options: RunOptions = {}): RunHandle {
  const now = options.now ?? (() => performance.now());
  const total = settings.replications;
  const workerCount = Math.max(1, Math.min(options.workers ?? defaultWorkerCount(total), total));
  const jobs = splitReplications(total, workerCount);
  const pool: WorkerLike[] = [];
  let cancelled = false;
  let settled = false;
  let rejectRun: (error: Error) => void = () => {};
  const stopAll = (): void => {
    for (const w of pool.splice(0)) {
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
    }
  };

  const done = new Promise<RunOutcome>((resolve, reject) => {
    const started = now();
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      stopAll();
      reject(error);
    };
    rejectRun = fail;
    const finish = (summaries: ReplicationSummary[], mainThread: boolean, scenarios: ScenarioResult[] | null): void => {
      if (settled) return;
      const wallSeconds = (now() - started) / 1000;
      stopAll();
      let merged: ReplicationSummary[];
      try {
        merged = mergeInReplicationOrder([summaries], total);
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      // Pooled in steps, one task each, so the window stays responsive at the end of a big run.
      buildOutcomeInSteps(merged, plan, settings, { wallSeconds, workers: mainThread ? 0 : workerCount, mainThread, scenarios }, options.yieldToWindow ?? yieldToWindow).then(
        (outcome) => {
          if (settled) return;
          settled = true;
          resolve(outcome);
        },
        (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
      );
    };
    const fallBack = (): void => {
      stopAll();
      const inThisThread = options.runInThisThread ?? runInThisThread;
      inThisThread(plan, settings, (d) => onProgress(d, total), () => cancelled || settled).then(
        (r) => finish(r.summaries, true, r.scenarios),
        (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
      );
    };

    const create: () => WorkerLike =
      options.createWorker ??
      (typeof Worker === 'undefined'
        ? () => {
            throw new Error('no Web Workers here');
          }
        : browserWorker);
    const chunks: ReplicationSummary[][] = [];
    let next = 0;
    let finishedJobs = 0;
    let progress = 0;
    let anyMessage = false;
    // Scripted scenarios are one more job, for the first worker left without replications.
    const wantsScenarios = plan.scenarios.length > 0;
    let scenariosGiven = !wantsScenarios;
    let scenarioResults: ScenarioResult[] | null = null;
    const allDone = (): boolean => finishedJobs === jobs.length && (!wantsScenarios || scenarioResults !== null);
    const give = (worker: WorkerLike, current: { job: ReplicationJob | null }): void => {
      if (next >= jobs.length) {
        if (scenariosGiven) return;
        scenariosGiven = true;
        worker.postMessage({ type: 'scenarios', plan, replications: settings.replications, seed: settings.seed });
        return;
      }
      const job = jobs[next++]!;
      current.job = job;
      worker.postMessage({ type: 'run', plan, fromReplication: job.fromReplication, count: job.count, seed: settings.seed, horizonYears: settings.horizonYears });
    };
    try {
      for (let i = 0; i < workerCount && i < jobs.length; i++) {
        const worker = create();
        pool.push(worker);
        const current: { job: ReplicationJob | null } = { job: null };
        worker.onmessage = (event) => {
          anyMessage = true;
          const message = event.data;
          if (message.type === 'progress') onProgress(++progress, total);
          else if (message.type === 'error') fail(new Error(message.message));
          else if (message.type === 'scenario-progress') return; // not asked for beside replications
          else if (message.type === 'scenarios') {
            scenarioResults = message.results;
            if (allDone()) finish(chunks.flat(), false, scenarioResults);
          } else {
            chunks.push(message.summaries);
            finishedJobs++;
            if (allDone()) finish(chunks.flat(), false, scenarioResults);
            else give(worker, current);
          }
        };
        // A worker that fails before saying anything could not load: run here instead. Later, it
        // is an engine failure and the run reports it.
        worker.onerror = (event) => {
          event.preventDefault?.();
          if (!anyMessage) fallBack();
          else fail(new Error(`a simulation worker stopped: ${event.message || 'unknown error'}`));
        };
        give(worker, current);
      }
    } catch {
      fallBack();
    }
  });

  return {
    done,
    cancel() {
      if (settled) return;
      cancelled = true;
      rejectRun(new RunCancelled());
    },
  };
}

/** What a run on this thread produces: the summaries, and the scenarios' outcomes when the plan scripts any. */
export interface ThreadRun {
  summaries: ReplicationSummary[];
  scenarios: ScenarioResult[] | null;
}

/** The fallback: this thread, one replication per task, yielding between them. */
async function runInThisThread(plan: ResolvedPlan, settings: RunSettings, onProgress: (done: number) => void, cancelled: () => boolean): Promise<ThreadRun> {
  const [{ default: Sim }, engine] = await Promise.all([import('simjs'), import('../../sim/engine/index')]);
  engine.installSimjs(Sim);
  const out: ReplicationSummary[] = [];
  for (let r = 0; r < settings.replications; r++) {
    if (cancelled()) throw new RunCancelled();
    out.push(...engine.runReplications(plan, { fromReplication: r, count: 1, seed: settings.seed, horizonYears: settings.horizonYears }));
    onProgress(r + 1);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  const scenarios = plan.scenarios.length > 0 ? engine.runScenarios(plan, { replications: settings.replications, seed: settings.seed }) : null;
  return { summaries: out, scenarios };
}
