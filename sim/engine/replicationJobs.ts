/**
 * How a run's replications are split into jobs for a pool of workers: the one splitter shared by the
 * CLI's worker threads (sim/entry) and the app's web workers (renderer/simClient). Pure; imports nothing.
 */

export interface ReplicationJob {
  fromReplication: number;
  count: number;
}

/**
 * Jobs per worker: several, so replications of uneven cost balance out (a worker that drew a slow
 * job takes fewer of the rest), and few enough that the per-job messages stay negligible. Results do
 * not depend on it: replication r depends only on (seed, r), and chunks merge in replication order.
 */
export const JOBS_PER_WORKER = 8;

/** Consecutive ranges covering [0, replications), about JOBS_PER_WORKER per worker. */
export function splitReplications(replications: number, workers: number): ReplicationJob[] {
  const chunk = Math.max(1, Math.ceil(replications / (Math.max(1, workers) * JOBS_PER_WORKER)));
  const jobs: ReplicationJob[] = [];
  for (let from = 0; from < replications; from += chunk) jobs.push({ fromReplication: from, count: Math.min(chunk, replications - from) });
  return jobs;
}
