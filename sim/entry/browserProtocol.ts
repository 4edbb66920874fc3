// The messages between the app and sim/entry/browserWorker.ts: types only, so the renderer can
// import them without pulling the worker's globals into its program.
import type { ResolvedPlan } from '../model/resolve';
import type { ReplicationSummary } from '../engine/replication';

export interface BrowserRunRequest {
  type: 'run';
  plan: ResolvedPlan;
  fromReplication: number;
  count: number;
  seed: number;
  horizonYears?: number;
}

export type BrowserRunMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; summaries: ReplicationSummary[]; wallSeconds: number }
  | { type: 'error'; message: string };
