// Plan builders for the data tests (datasets, backups, monitors) and a runner that can pin overlay
// processes to fixed gaps and durations, so region-outage timelines are exact.
import { compileModel, type EngineModel } from '../../../sim/engine/model';
import { runReplications, summarize, type SimulationResult } from '../../../sim/engine/monteCarlo';
import type { ReplicationSummary } from '../../../sim/engine/replication';
import { SamplerKind } from '../../../sim/engine/distributions';
import { plan, resolve, type Json } from './helpers';

export const HOUR = 3600;
export const fixedMinutes = (minutes: number) => ({ dist: 'fixed', value: minutes });
/** On-call that takes exactly `detect` + `respond` minutes. */
export const monitor = (detect: number, respond: number) => ({ id: 'ops', kind: 'monitor', detectionMinutes: fixedMinutes(detect), responseMinutes: fixedMinutes(respond) });
export const users = (requestsPerSecond: number, writeFraction: number) => ({ id: 'users', kind: 'clients', requestsPerSecond, writeFraction });
export const replication = (from: string, to: string, mode: string, lagSeconds: Json) => ({ kind: 'replication', from, to, mode, lagSeconds });

export function dataPlan(nodes: Json[], traffic: [string, string][], replications: Json[], extra: Json = {}): Json {
  const p = plan(nodes, traffic, extra);
  return { ...p, edges: [...(p.edges as Json[]), ...replications] };
}

/**
 * Runs with every overlay's gap and duration replaced by fixed values (hours): the first outage
 * starts at `gapHours`, lasts `durationHours`, and the next starts `gapHours` after it ends.
 */
export function runPinned(
  input: Json,
  replications: number,
  horizonHours: number,
  overlays: { gapHours: number; durationHours: number } | null = null,
  seed = 11,
): { summaries: ReplicationSummary[]; result: SimulationResult; model: EngineModel } {
  const p = resolve(input);
  const model = compileModel(p, horizonHours / 8760);
  if (overlays) {
    for (const o of model.overlays) {
      o.gap = { kind: SamplerKind.Fixed, a: overlays.gapHours * HOUR, b: 0 };
      o.duration = { kind: SamplerKind.Fixed, a: overlays.durationHours * HOUR, b: 0 };
    }
  }
  const summaries = runReplications(p, { fromReplication: 0, count: replications, seed }, model);
  return { summaries, result: summarize(summaries, p, seed), model };
}
