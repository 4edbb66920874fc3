/**
 * Backups and monitors as units that can be down (PLAN-FORMAT meanings 16 and 17): their own
 * failures (only with a `reliability` block), their region's and zone's outages and the common
 * causes naming them; and the people behind the monitors, who notice a need only while one is up.
 * They carry no traffic, so they live beside the engine's components, not among them.
 * Imports only sim/model types and sim/engine; no DOM, Node or clock.
 */
import type { ResolvedPlan } from '../model/resolve';
import { compileDistribution, NEVER, sample, type Sampler } from './distributions';
import type { RandomStream } from './random';
import { HOUR } from './timeUnits';

const MINUTE = 60;

export interface PassiveDef {
  /** The backup or monitor node id (also its stream key). */
  sourceId: string;
  kind: 'backup' | 'monitor';
  timeToFailure: Sampler;
  timeToRepair: Sampler;
  region: string | undefined;
  /** Zone index, −1 when not zone-bound. */
  zone: number;
}

/** People who notice and respond: a monitor node, or the catalog's "unmonitored" delays (passive −1, never down). */
export interface MonitorDef {
  passive: number;
  detection: Sampler;
  response: Sampler;
}

/** Every backup and monitor node in plan order, and the monitors (the unmonitored stand-in when the plan has none). */
export function compilePassives(plan: ResolvedPlan): { passives: PassiveDef[]; monitors: MonitorDef[]; passiveIndex: Map<string, number> } {
  const passives: PassiveDef[] = [];
  const monitors: MonitorDef[] = [];
  const passiveIndex = new Map<string, number>();
  for (const n of plan.nodes) {
    if (n.kind !== 'backup' && n.kind !== 'monitor') continue;
    passiveIndex.set(n.id, passives.length);
    passives.push({
      sourceId: n.id,
      kind: n.kind,
      // Meaning 1: backups and monitors never fail on their own without a reliability block.
      timeToFailure: n.reliability ? compileDistribution(n.reliability.timeToFailureHours, HOUR) : NEVER,
      timeToRepair: n.reliability ? compileDistribution(n.reliability.timeToRepairHours, HOUR) : NEVER,
      region: n.region,
      zone: n.zone ?? -1,
    });
    if (n.kind === 'monitor') {
      monitors.push({ passive: passives.length - 1, detection: compileDistribution(n.detectionMinutes, MINUTE), response: compileDistribution(n.responseMinutes, MINUTE) });
    }
  }
  if (monitors.length === 0) {
    monitors.push({
      passive: -1,
      detection: compileDistribution(plan.manualRecovery.detectionMinutes, MINUTE),
      response: compileDistribution(plan.manualRecovery.responseMinutes, MINUTE),
    });
  }
  return { passives, monitors, passiveIndex };
}

/** Whether each backup or monitor is up now, as the replication keeps it. */
export interface PassiveState {
  /** Per passive: reasons to be down (own failure, region, zone, common causes). */
  readonly passiveDown: Int32Array;
}

/** The delay until people act on a need, and which monitor's people are on it. */
export interface Noticed {
  delaySeconds: number;
  monitor: number;
}

/**
 * Meaning 16: several monitors act in parallel; of those up at the instant the need arises, the
 * one whose detection ends first notices, and its people respond. Draws detection then response
 * of each up monitor, in plan order, from `stream` (one monitor draws exactly what it always did).
 * Returns null when none is up: the caller waits for the first one back (`noticeAfterReturn`).
 */
export function notice(monitors: readonly MonitorDef[], state: PassiveState, stream: RandomStream): Noticed | null {
  let best: Noticed | null = null;
  let bestDetection = Infinity;
  for (let m = 0; m < monitors.length; m++) {
    const def = monitors[m]!;
    if (def.passive >= 0 && state.passiveDown[def.passive] !== 0) continue;
    const detection = sample(def.detection, stream);
    const response = sample(def.response, stream);
    if (detection < bestDetection) {
      bestDetection = detection;
      best = { delaySeconds: detection + response, monitor: m };
    }
  }
  return best;
}

/** The first monitor back after none was up: its detection starts now, then its response. */
export function noticeAfterReturn(monitors: readonly MonitorDef[], monitor: number, stream: RandomStream): Noticed {
  const def = monitors[monitor]!;
  return { delaySeconds: sample(def.detection, stream) + sample(def.response, stream), monitor };
}

/** Which monitor (index into monitors) a passive unit is, −1 for a backup. */
export function monitorOfPassive(monitors: readonly MonitorDef[], passive: number): number {
  for (let m = 0; m < monitors.length; m++) if (monitors[m]!.passive === passive) return m;
  return -1;
}
