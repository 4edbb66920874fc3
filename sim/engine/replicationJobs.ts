/**
 * How a run's replications are split into jobs for a pool of workers: the one splitter shared by the
 * CLI's worker threads (sim/entry) and the app's web workers (renderer/simClient). Pure; imports nothing.
 */

export interface ReplicationJob {
  fromReplication: number;
  count: number;
}

/**
 * Jobs per worker while most of the run is left: several, so replications of uneven cost balance
 * out (a worker that drew a slow job takes fewer of the rest), and few enough that the per-job
 * messages stay negligible. Results do not depend on it: replication r depends only on (seed, r),
 * and chunks merge exactly in any order.
 */
export const JOBS_PER_WORKER = 8;

/**
 * The smallest job, as a fraction of the largest. Jobs shrink toward the end of the run (guided
 * scheduling): the last job a worker takes is short, so no worker is left computing a full-size
 * job while the others sit idle.
 */
const SMALLEST_JOB_FRACTION = 1 / 8;

/**
 * Consecutive ranges covering [0, replications), in order: full-size jobs (about JOBS_PER_WORKER per
 * worker) while more than two rounds of them are left, then each job a share of what remains,
 * down to an eighth of the full size.
 */
export function splitReplications(replications: number, workers: number): ReplicationJob[] {
  const pool = Math.max(1, workers);
  const largest = Math.max(1, Math.ceil(replications / (pool * JOBS_PER_WORKER)));
  const smallest = Math.max(1, Math.ceil(largest * SMALLEST_JOB_FRACTION));
  const jobs: ReplicationJob[] = [];
  for (let from = 0; from < replications; ) {
    const left = replications - from;
    const count = Math.min(left, largest, Math.max(smallest, Math.ceil(left / (2 * pool))));
    jobs.push({ fromReplication: from, count });
    from += count;
  }
  return jobs;
}
