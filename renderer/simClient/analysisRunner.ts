/**
 * The analyses' replication runner in the window: each design's replications go to a pool of Web
 * Workers (sim/entry/pools/browserWorker.ts), split and merged in replication order as for a plain run,
 * then pooled by the engine's RunStatistics, so the strategy matrix and the comparison are the
 * CLI's for the same seed. One runner serves a whole analysis (several designs in turn); cancel
 * stops its workers and makes the analysis reject with RunCancelled.
 */
import type { ReplicationRunner } from '../../sim/analysis/design';
import { pairedRecordOf, RunStatistics } from '../../sim/engine/monteCarlo';
import type { ReplicationSummary } from '../../sim/engine/replication';
import type { ResolvedPlan } from '../../sim/model/resolve';
import { mergeInReplicationOrder, splitReplications } from './jobs';
import { defaultWorkerCount, RunCancelled, type WorkerLike } from './runSimulation';

export interface AnalysisRunnerOptions {
  workers?: number;
  createWorker?: () => WorkerLike;
  /** Replications done in the current design, of its total. */
  onReplication?: (done: number, total: number) => void;
}

export interface CancellableRunner {
  run: ReplicationRunner;
  cancel(): void;
  readonly cancelled: boolean;
}

function browserWorker(): WorkerLike {
  return new Worker(new URL('../../sim/entry/pools/browserWorker.ts', import.meta.url), { type: 'module', name: 'resilience-analysis' }) as unknown as WorkerLike;
}

/** Summaries → what the analyses need: the pooled statistics and the per-replication paired records. */
export function statisticsOf(plan: ResolvedPlan, ordered: readonly ReplicationSummary[]): Awaited<ReturnType<ReplicationRunner>> {
  const first = ordered[0];
  if (!first) throw new Error('no replications to pool');
  const statistics = RunStatistics.forPlan(plan, first.horizonSeconds, first.originOfferedRequests.length);
  for (const s of ordered) statistics.add(s);
  return { statistics, records: ordered.map(pairedRecordOf) };
}

export function analysisRunner(options: AnalysisRunnerOptions = {}): CancellableRunner {
  let cancelled = false;
  let stopCurrent: (() => void) | null = null;
  const run: ReplicationRunner = (plan, settings) =>
    new Promise((resolve, reject) => {
      if (cancelled) {
        reject(new RunCancelled());
        return;
      }
      const total = settings.replications;
      const count = Math.max(1, Math.min(options.workers ?? defaultWorkerCount(total), total));
      const jobs = splitReplications(total, count);
      const pool: WorkerLike[] = [];
      const chunks: ReplicationSummary[][] = [];
      let next = 0;
      let finished = 0;
      let progress = 0;
      let settled = false;
      const stop = () => {
        for (const w of pool.splice(0)) {
          w.onmessage = null;
          w.onerror = null;
          w.terminate();
        }
      };
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        stop();
        stopCurrent = null;
        reject(error);
      };
      stopCurrent = () => fail(new RunCancelled());
      const give = (w: WorkerLike) => {
        if (next >= jobs.length) return;
        const job = jobs[next++]!;
        w.postMessage({ type: 'run', plan, fromReplication: job.fromReplication, count: job.count, seed: settings.seed, horizonYears: settings.horizonYears });
      };
      const create = options.createWorker ?? browserWorker;
      try {
        for (let i = 0; i < count && i < jobs.length; i++) {
          const w = create();
          pool.push(w);
          w.onmessage = (event) => {
            const m = event.data;
            if (m.type === 'progress') options.onReplication?.(++progress, total);
            else if (m.type === 'error') fail(new Error(m.message));
            else if (m.type === 'done') {
              chunks.push(m.summaries);
              if (++finished < jobs.length) {
                give(w);
                return;
              }
              if (settled) return;
              settled = true;
              stop();
              stopCurrent = null;
              try {
                resolve(statisticsOf(plan, mergeInReplicationOrder(chunks, total)));
              } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            }
          };
          w.onerror = (event) => {
            event.preventDefault?.();
            fail(new Error(`a simulation worker stopped: ${event.message || 'it could not start'}`));
          };
          give(w);
        }
      } catch (error) {
        fail(new Error(`the simulation workers could not start: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  return {
    run,
    cancel() {
      cancelled = true;
      stopCurrent?.();
    },
    get cancelled() {
      return cancelled;
    },
  };
}
