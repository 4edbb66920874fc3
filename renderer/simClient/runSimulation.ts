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
import { summarize } from '../../sim/engine/monteCarlo';
import { FIRST_BATCH, runBatchesToPrecision, type PrecisionProgress, type PrecisionSettings } from '../../sim/engine/precision';
import { splitReplications, workerCountFor } from './jobs';
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
  runInThisThread?: (plan: ResolvedPlan, settings: ThreadSettings, onProgress: (done: number) => void, cancelled: () => boolean) => Promise<ThreadRun>;
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

/** One range of replications run on the pool (a whole run, or a batch of a precision run). */
interface PoolRange {
  fromReplication: number;
  count: number;
  /** Replay the plan's scripted scenarios too (once per run, with this many replications). */
  scenarioReplications: number | null;
}

interface PoolRun {
  summaries: ReplicationSummary[];
  scenarios: ScenarioResult[] | null;
  mainThread: boolean;
  workers: number;
}

/**
 * Runs one range of replications on a pool of workers (or this thread when none start) and resolves
 * with their summaries in replication order. `isStopped` is polled by the fallback; `stop` ends the pool.
 */
function runPool(
  plan: ResolvedPlan,
  settings: RunSettings,
  range: PoolRange,
  onProgress: (done: number) => void,
  options: RunOptions,
  isStopped: () => boolean,
): { done: Promise<PoolRun>; stop(): void } {
  const pool: WorkerLike[] = [];
  const stopAll = (): void => {
    for (const w of pool.splice(0)) {
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
    }
  };
  const workerCount = Math.max(1, Math.min(options.workers ?? defaultWorkerCount(Math.max(1, range.count)), Math.max(1, range.count)));
  const done = new Promise<PoolRun>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      stopAll();
      reject(error);
    };
    const finish = (summaries: ReplicationSummary[], mainThread: boolean, scenarios: ScenarioResult[] | null): void => {
      if (settled) return;
      settled = true;
      stopAll();
      const ordered = summaries.sort((a, b) => a.replication - b.replication);
      if (ordered.length !== range.count || ordered.some((s, i) => s.replication !== range.fromReplication + i)) {
        reject(new Error(`the workers returned ${ordered.length} of ${range.count} replications, or some twice`));
        return;
      }
      resolve({ summaries: ordered, scenarios, mainThread, workers: mainThread ? 0 : workerCount });
    };
    const fallBack = (): void => {
      stopAll();
      const inThisThread = options.runInThisThread ?? runInThisThread;
      inThisThread(plan, { ...settings, replications: range.count, fromReplication: range.fromReplication, scenarios: range.scenarioReplications !== null }, (d) => onProgress(d), isStopped).then(
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
    const jobs = splitReplications(range.count, workerCount).map((j) => ({ ...j, fromReplication: j.fromReplication + range.fromReplication }));
    const chunks: ReplicationSummary[][] = [];
    let next = 0;
    let finishedJobs = 0;
    let progress = 0;
    let anyMessage = false;
    // Scripted scenarios are one more job, for the first worker left without replications.
    const wantsScenarios = range.scenarioReplications !== null && plan.scenarios.length > 0;
    let scenariosGiven = !wantsScenarios;
    let scenarioResults: ScenarioResult[] | null = null;
    const allDone = (): boolean => finishedJobs === jobs.length && (!wantsScenarios || scenarioResults !== null);
    if (allDone()) {
      finish([], false, null);
      return;
    }
    const give = (worker: WorkerLike): void => {
      if (next >= jobs.length) {
        if (scenariosGiven) return;
        scenariosGiven = true;
        worker.postMessage({ type: 'scenarios', plan, replications: range.scenarioReplications!, seed: settings.seed });
        return;
      }
      const job = jobs[next++]!;
      worker.postMessage({ type: 'run', plan, fromReplication: job.fromReplication, count: job.count, seed: settings.seed, horizonYears: settings.horizonYears });
    };
    try {
      for (let i = 0; i < workerCount && i < Math.max(jobs.length, wantsScenarios ? 1 : 0); i++) {
        const worker = create();
        pool.push(worker);
        worker.onmessage = (event) => {
          anyMessage = true;
          const message = event.data;
          if (message.type === 'progress') onProgress(++progress);
          else if (message.type === 'error') fail(new Error(message.message));
          else if (message.type === 'scenario-progress') return; // not asked for beside replications
          else if (message.type === 'scenarios') {
            scenarioResults = message.results;
            if (allDone()) finish(chunks.flat(), false, scenarioResults);
          } else {
            chunks.push(message.summaries);
            finishedJobs++;
            if (allDone()) finish(chunks.flat(), false, scenarioResults);
            else give(worker);
          }
        };
        // A worker that fails before saying anything could not load: run here instead. Later, it
        // is an engine failure and the run reports it.
        worker.onerror = (event) => {
          event.preventDefault?.();
          if (!anyMessage) fallBack();
          else fail(new Error(`a simulation worker stopped: ${event.message || 'unknown error'}`));
        };
        give(worker);
      }
    } catch {
      fallBack();
    }
  });
  return { done, stop: stopAll };
}

/** Cancellation shared by the pools of one run: cancel stops the current pool and rejects the run. */
function runCancellation(): { cancelled: () => boolean; current: (pool: { stop(): void } | null) => void; cancel(): void; promise: Promise<never> } {
  let cancelled = false;
  let pool: { stop(): void } | null = null;
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<never>((_, r) => (reject = r));
  promise.catch(() => {});
  return {
    cancelled: () => cancelled,
    current: (p) => (pool = p),
    cancel() {
      if (cancelled) return;
      cancelled = true;
      pool?.stop();
      reject(new RunCancelled());
    },
    promise,
  };
}

export function runSimulation(plan: ResolvedPlan, settings: RunSettings, onProgress: (done: number, total: number) => void, options: RunOptions = {}): RunHandle {
  const now = options.now ?? (() => performance.now());
  const total = settings.replications;
  const control = runCancellation();
  const run = async (): Promise<RunOutcome> => {
    const started = now();
    const pool = runPool(plan, settings, { fromReplication: 0, count: total, scenarioReplications: total }, (d) => onProgress(d, total), options, control.cancelled);
    control.current(pool);
    const r = await Promise.race([pool.done, control.promise]);
    const wallSeconds = (now() - started) / 1000;
    // Pooled in steps, one task each, so the window stays responsive at the end of a big run.
    return buildOutcomeInSteps(r.summaries, plan, settings, { wallSeconds, workers: r.workers, mainThread: r.mainThread, scenarios: r.scenarios }, options.yieldToWindow ?? yieldToWindow);
  };
  return { done: Promise.race([run(), control.promise]), cancel: control.cancel };
}

/** Where a precision run stands, for the progress readout. */
export interface PrecisionRunProgress extends PrecisionProgress {
  target: number;
}

/**
 * A precision run in the app: the shared batch loop (sim/engine/precision.ts, as `simulate
 * --precision` runs it), each batch on the worker pool; the pooled result after each batch is the
 * engine's summary of every replication so far, so the stop point is the CLI's for the same seed.
 * Scripted scenarios replay once, after the last batch, with the run's final size.
 */
export function runSimulationToPrecision(
  plan: ResolvedPlan,
  settings: RunSettings,
  precision: PrecisionSettings,
  onProgress: (done: number, total: number) => void,
  onBatch: (progress: PrecisionRunProgress) => void,
  options: RunOptions = {},
): RunHandle {
  const now = options.now ?? (() => performance.now());
  const control = runCancellation();
  const run = async (): Promise<RunOutcome> => {
    const started = now();
    const summaries: ReplicationSummary[] = [];
    let size = Math.min(FIRST_BATCH, precision.cap);
    let mainThread = false;
    let workers = 0;
    const { outcome } = await runBatchesToPrecision(
      precision,
      async (from, count) => {
        const pool = runPool(plan, settings, { fromReplication: from, count, scenarioReplications: null }, (d) => onProgress(from + d, size), options, control.cancelled);
        control.current(pool);
        const r = await Promise.race([pool.done, control.promise]);
        summaries.push(...r.summaries);
        mainThread ||= r.mainThread;
        workers = Math.max(workers, r.workers);
        return summarize(summaries, plan, settings.seed);
      },
      (p) => {
        if (p.next !== null) size = p.next;
        onBatch({ ...p, target: precision.target });
      },
    );
    let scenarios: ScenarioResult[] | null = null;
    if (plan.scenarios.length > 0) {
      const pool = runPool(plan, settings, { fromReplication: summaries.length, count: 0, scenarioReplications: summaries.length }, () => {}, options, control.cancelled);
      control.current(pool);
      scenarios = (await Promise.race([pool.done, control.promise])).scenarios;
    }
    const wallSeconds = (now() - started) / 1000;
    const final = { ...settings, replications: summaries.length };
    const built = await buildOutcomeInSteps(summaries, plan, final, { wallSeconds, workers, mainThread, scenarios }, options.yieldToWindow ?? yieldToWindow);
    return { ...built, precision: outcome };
  };
  return { done: Promise.race([run(), control.promise]), cancel: control.cancel };
}

/** A range for this thread: `replications` from `fromReplication` (default 0); scenarios unless false. */
export type ThreadSettings = RunSettings & { fromReplication?: number; scenarios?: boolean };

/** What a run on this thread produces: the summaries, and the scenarios' outcomes when the plan scripts any. */
export interface ThreadRun {
  summaries: ReplicationSummary[];
  scenarios: ScenarioResult[] | null;
}

/** The fallback: this thread, one replication per task, yielding between them. */
async function runInThisThread(plan: ResolvedPlan, settings: ThreadSettings, onProgress: (done: number) => void, cancelled: () => boolean): Promise<ThreadRun> {
  const [{ default: Sim }, engine] = await Promise.all([import('simjs'), import('../../sim/engine/index')]);
  engine.installSimjs(Sim);
  const out: ReplicationSummary[] = [];
  const from = settings.fromReplication ?? 0;
  for (let r = 0; r < settings.replications; r++) {
    if (cancelled()) throw new RunCancelled();
    out.push(...engine.runReplications(plan, { fromReplication: from + r, count: 1, seed: settings.seed, horizonYears: settings.horizonYears }));
    onProgress(r + 1);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  const scenarios = settings.scenarios !== false && plan.scenarios.length > 0 ? engine.runScenarios(plan, { replications: from + settings.replications, seed: settings.seed }) : null;
  return { summaries: out, scenarios };
}
