/**
 * How a run is split over workers and put back together (pure). The split is the CLI's
 * (sim/entry/runReplicationsParallel.ts): small chunks, so uneven replications balance out. Replication
 * r depends only on (seed, r), so merging the chunks in replication order gives the CLI's result for
 * any number of workers.
 */
import type { ReplicationSummary } from '../../sim/engine/replication';

export interface ReplicationJob {
  fromReplication: number;
  count: number;
}

/** Workers for a run: one core is left to the window, and never more workers than replications. */
export function workerCountFor(hardwareConcurrency: number | undefined, replications: number): number {
  const cores = Number.isFinite(hardwareConcurrency) && hardwareConcurrency! > 0 ? Math.floor(hardwareConcurrency!) : 2;
  return Math.max(1, Math.min(cores - 1, replications));
}

export function splitReplications(replications: number, workers: number): ReplicationJob[] {
  const chunk = Math.max(1, Math.ceil(replications / (Math.max(1, workers) * 4)));
  const jobs: ReplicationJob[] = [];
  for (let from = 0; from < replications; from += chunk) jobs.push({ fromReplication: from, count: Math.min(chunk, replications - from) });
  return jobs;
}

/**
 * Chunks in any arrival order → one list in replication order. Throws when a replication is missing
 * or repeated, since a silently partial merge would report a different design than the CLI.
 */
export function mergeInReplicationOrder(chunks: ReadonlyArray<readonly ReplicationSummary[]>, replications: number): ReplicationSummary[] {
  const merged = chunks.flat().sort((a, b) => a.replication - b.replication);
  if (merged.length !== replications || merged.some((s, i) => s.replication !== i)) {
    throw new Error(`the workers returned ${merged.length} of ${replications} replications, or some twice`);
  }
  return merged;
}
