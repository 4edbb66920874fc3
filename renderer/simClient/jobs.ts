/**
 * How a run is split over workers and put back together (pure). The split is the CLI's own
 * (sim/engine/replicationJobs.ts, shared with sim/entry/pools/runReplicationsParallel.ts). Replication r
 * depends only on (seed, r), so merging the chunks in replication order gives the CLI's result for
 * any number of workers.
 */
import type { ReplicationSummary } from '../../sim/engine/replication';

export { splitReplications, type ReplicationJob } from '../../sim/engine/replicationJobs';

/** Workers for a run: one core is left to the window, and never more workers than replications. */
export function workerCountFor(hardwareConcurrency: number | undefined, replications: number): number {
  const cores = Number.isFinite(hardwareConcurrency) && hardwareConcurrency! > 0 ? Math.floor(hardwareConcurrency!) : 2;
  return Math.max(1, Math.min(cores - 1, replications));
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
