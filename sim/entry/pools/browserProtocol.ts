// The messages between the app and sim/entry/pools/browserWorker.ts: types only, so the renderer can
// import them without pulling the worker's globals into its program.
import type { ResolvedPlan } from '../../model/resolve';
import type { ReplicationSummary } from '../../engine/replication';
import type { ScenarioResult } from '../../engine/scenarios';

export interface BrowserRunRequest {
  type: 'run';
  plan: ResolvedPlan;
  fromReplication: number;
  count: number;
  seed: number;
  horizonYears?: number;
}

/** Replays the plan's scripted scenarios (random failures off), as `resilience scenarios` does. */
export interface BrowserScenariosRequest {
  type: 'scenarios';
  plan: ResolvedPlan;
  replications: number;
  seed: number;
  /** Post `scenario-progress` messages while replaying (a run alone, not beside replications). */
  progress?: boolean;
}

export type BrowserRequest = BrowserRunRequest | BrowserScenariosRequest;

export type BrowserRunMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; summaries: ReplicationSummary[]; wallSeconds: number }
  | { type: 'scenarios'; results: ScenarioResult[] }
  /** Replications replayed so far over all the plan's scenarios. */
  | { type: 'scenario-progress'; done: number; total: number }
  | { type: 'error'; message: string };
