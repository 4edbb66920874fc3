// Shared helpers for the engine tests: small plan builders, a validating runner, and the 4·SE check
// of shared/validation/README.md.
import { expect } from 'vitest';
import { validatePlan } from '../../../sim/model/validate';
import type { ResolvedPlan } from '../../../sim/model/resolve';
import { runReplications, summarize, type SimulationResult } from '../../../sim/engine/monteCarlo';
import type { ReplicationSummary } from '../../../sim/engine/replication';
import type { EngineModel } from '../../../sim/engine/model';
import type { TrafficState } from '../../../sim/engine/traffic';

export type Json = Record<string, unknown>;

export const exp = (meanHours: number) => ({ dist: 'exponential', mean: meanHours });
export const fixed = (hours: number) => ({ dist: 'fixed', value: hours });
export const NEVER = { dist: 'never' };
export const rel = (ttf: Json, ttr: Json) => ({ timeToFailureHours: ttf, timeToRepairHours: ttr });
/** A component that never fails (for balancers and dependencies a test does not study). */
export const SOLID = rel(NEVER, fixed(1));

export function plan(nodes: Json[], edges: [string, string][], extra: Json = {}): Json {
  return {
    schemaVersion: 1,
    name: 'engine test',
    regions: [],
    nodes,
    edges: edges.map(([from, to]) => ({ kind: 'traffic', from, to })),
    ...extra,
  };
}

export function resolve(input: Json): ResolvedPlan {
  const v = validatePlan(input);
  if (!v.ok || !v.resolved) throw new Error(`test plan is invalid: ${v.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return v.resolved;
}

export function run(input: Json, replications: number, years: number, seed = 7): { summaries: ReplicationSummary[]; result: SimulationResult; plan: ResolvedPlan } {
  const p = resolve(input);
  const summaries = runReplications(p, { fromReplication: 0, count: replications, seed, horizonYears: years });
  return { summaries, result: summarize(summaries, p, seed), plan: p };
}

/** Mean and standard error over replications of a per-replication estimate. */
export function meanAndSe(values: number[]): { mean: number; se: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

/** |mean − exact| ≤ 4·SE, and SE ≤ maxRelativeSe · exact so a noisy run cannot pass trivially. */
export function expectWithin4Se(values: number[], exact: number, maxRelativeSe: number): void {
  const { mean, se } = meanAndSe(values);
  expect(se, `SE ${se} too large for exact ${exact}`).toBeLessThanOrEqual(maxRelativeSe * Math.abs(exact));
  expect(Math.abs(mean - exact), `mean ${mean} vs exact ${exact} (SE ${se})`).toBeLessThanOrEqual(4 * se);
}

export const unavailabilityByTime = (s: ReplicationSummary[]): number[] => s.map((r) => r.downSeconds / r.horizonSeconds);
export const unavailabilityByRequests = (s: ReplicationSummary[]): number[] => s.map((r) => r.lostRequests / r.offeredRequests);

/**
 * A traffic state for the evaluator tests: everything up, believed and registered, every slot
 * launched, no DNS, each instance serving at most `capacity` requests per second.
 */
export function trafficState(model: EngineModel, capacity: number): TrafficState {
  return {
    downCount: new Int32Array(model.components.length),
    belief: new Uint8Array(model.pairs.length).fill(1),
    believedCount: Int32Array.from(model.nodes, (x) => x.pairEnd - x.pairStart),
    dnsShares: [],
    dataUp: new Uint8Array(model.nodes.length).fill(1),
    registered: new Uint8Array(model.components.length).fill(1),
    slotEnd: Int32Array.from(model.nodes, (x) => x.instances),
    registeredCount: Int32Array.from(model.nodes, (x) => x.instances),
    capacity: new Float64Array(model.components.length).fill(capacity),
  };
}
