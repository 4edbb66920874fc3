/**
 * Scripted scenarios (PLAN-FORMAT `scenarios`, DESIGN §7): each disruption replayed with every random
 * failure process off, so only detection phases and lag draws vary over replications; per scenario
 * RTO, RPO, lost requests and writes, and the RTO/RPO objectives. Imports only sim/model types and
 * sim/engine.
 */
import type { ResolvedPlan } from '../model/resolve';
import type { Scenario } from '../model/schema';
import { NEVER, SamplerKind } from './distributions';
import { compileData } from './data/dataModel';
import { compileModel, HOUR, outageComponents, type EngineModel, type OverlayDef } from './model';
import { outageMembers, type OutageTarget } from './outages';
import { runReplication, type ReplicationSummary } from './replication';
import { quantileSorted } from './stats';
import { HOURS_PER_YEAR } from './timeUnits';

/**
 * A scenario run lasts until this long after the disruption ends: enough for detection, DNS caches,
 * relaunches and promotions to settle (all minutes), and for restores of a few hours. An incident
 * still open then is reported as open, its RTO counted up to the horizon (a lower bound).
 */
export const SCENARIO_RECOVERY_HOURS = 24;

export interface ScenarioStatistics {
  mean: number | null;
  p50: number | null;
  max: number | null;
}

export interface ScenarioObjective {
  target: number;
  /** P(sample > target) over the replications; null when there is no sample. */
  value: number | null;
  met: boolean | null;
}

export interface ScenarioResult {
  id: string;
  name: string;
  atHours: number;
  durationHours: number;
  replications: number;
  horizonHours: number;
  /** Per replication: from the disruption until requests are served again (the first incident it opens). */
  rtoSeconds: ScenarioStatistics;
  /** From promotions and restores during the run; nulls when the plan's data part yields none. */
  rpoSeconds: ScenarioStatistics;
  lostRequests: { mean: number };
  /** Committed writes lost by promotions and restores (replication lag, backup age). */
  lostWrites: { mean: number };
  /** Write requests that failed during the disruption: clients' write fraction × lost requests. */
  failedWrites: { mean: number };
  /** Replications whose disruption incident was still open at the horizon. */
  openAtHorizon: number;
  objectives: Record<string, ScenarioObjective>;
}

export interface ScenarioOptions {
  replications: number;
  seed: number;
  /** Told after every replication (a progress bar); does not change any result. */
  onReplication?: (done: number, total: number) => void;
}

/** What a scripted disruption hits, for the outage mapping the random overlays use (outages.ts). */
function disruptionTarget(plan: ResolvedPlan, fail: Scenario['fail']): OutageTarget {
  if ('region' in fail) return { kind: 'region', region: fail.region };
  if ('zone' in fail) {
    return { kind: 'zone', region: fail.zone.region, zone: fail.zone.zone, zones: plan.regions.find((r) => r.id === fail.zone.region)?.zones ?? 1 };
  }
  if ('node' in fail) return { kind: 'node', node: fail.node };
  return { kind: 'commonCause', affects: new Set(plan.commonCauses.find((x) => x.id === fail.commonCause)?.affects ?? []) };
}

function scriptedCause(fail: Scenario['fail']): OverlayDef['cause'] {
  if ('region' in fail) return { kind: 'region', id: fail.region };
  if ('zone' in fail) return { kind: 'zone', id: `${fail.zone.region}/${fail.zone.zone}` };
  if ('node' in fail) return { kind: 'node', id: fail.node };
  return { kind: 'commonCause', id: fail.commonCause };
}

/** The plan's model with random failures off and one scripted overlay. */
export function compileScenarioModel(plan: ResolvedPlan, scenario: Scenario): EngineModel {
  const horizonHours = scenario.atHours + scenario.durationHours + SCENARIO_RECOVERY_HOURS;
  const base = compileModel(plan, horizonHours / HOURS_PER_YEAR);
  const scripted: OverlayDef = {
    sourceId: `scenario:${scenario.id}`,
    cause: scriptedCause(scenario.fail),
    gap: { kind: SamplerKind.Fixed, a: scenario.atHours * HOUR, b: 0 },
    duration: { kind: SamplerKind.Fixed, a: scenario.durationHours * HOUR, b: 0 },
    ...outageMembers(disruptionTarget(plan, scenario.fail), outageComponents(base.nodes, base.components), base.passives),
    repeats: false,
  };
  // A scripted node failure is the overlay above (down exactly durationHours, whatever its repair law).
  const components = base.components.map((c) => ({ ...c, timeToFailure: NEVER }));
  return {
    ...base,
    horizonSeconds: horizonHours * HOUR,
    components,
    passives: base.passives.map((p) => ({ ...p, timeToFailure: NEVER })),
    overlays: [scripted],
    // The data runtime names overlays by index (a region's outage and its on-site backup copies).
    data: compileData(plan, base.nodes, components, [scripted], new Map(base.passives.map((p, i) => [p.sourceId, i]))),
  };
}

/** RTO of one replication: from the disruption to the end of the first incident at or after it. */
function rtoOf(summary: ReplicationSummary, atHours: number, horizonHours: number): { rto: number; open: boolean } {
  for (const r of summary.incidentRecords) {
    if (r.endHours !== null && r.endHours <= atHours + 1e-9) continue;
    const start = Math.max(r.startHours, atHours);
    const end = r.endHours ?? horizonHours;
    return { rto: (end - start) * HOUR, open: r.endHours === null };
  }
  return { rto: 0, open: false };
}

function statistics(samples: number[]): ScenarioStatistics {
  if (samples.length === 0) return { mean: null, p50: null, max: null };
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return { mean: sum / sorted.length, p50: quantileSorted(sorted, 0.5), max: sorted[sorted.length - 1]! };
}

function objective(samples: number[], target: number, exceedanceMax: number): ScenarioObjective {
  if (samples.length === 0) return { target, value: null, met: null };
  const value = samples.filter((v) => v > target).length / samples.length;
  return { target, value, met: value <= exceedanceMax };
}

export function runScenario(plan: ResolvedPlan, scenario: Scenario, options: ScenarioOptions): ScenarioResult {
  const model = compileScenarioModel(plan, scenario);
  const horizonHours = model.horizonSeconds / HOUR;
  const rto: number[] = [];
  const rpo: number[] = [];
  let lost = 0;
  let writesLost = 0;
  let open = 0;
  for (let r = 0; r < options.replications; r++) {
    const s = runReplication(model, { seed: options.seed, replication: r, availabilityObjective: NaN });
    const { rto: sample, open: isOpen } = rtoOf(s, scenario.atHours, horizonHours);
    rto.push(sample);
    if (isOpen) open++;
    for (const v of s.rpoSeconds) rpo.push(v);
    lost += s.lostRequests;
    writesLost += s.data.writesLost;
    options.onReplication?.(r + 1, options.replications);
  }
  const n = options.replications;
  const o = plan.objectives;
  const objectives: Record<string, ScenarioObjective> = {};
  if (o.rtoSeconds !== undefined) objectives.rtoSeconds = objective(rto, o.rtoSeconds, o.exceedanceMax);
  if (o.rpoSeconds !== undefined) objectives.rpoSeconds = objective(rpo, o.rpoSeconds, o.exceedanceMax);
  return {
    id: scenario.id,
    name: scenario.name ?? scenario.id,
    atHours: scenario.atHours,
    durationHours: scenario.durationHours,
    replications: n,
    horizonHours,
    rtoSeconds: statistics(rto),
    rpoSeconds: statistics(rpo),
    lostRequests: { mean: lost / n },
    lostWrites: { mean: writesLost / n },
    failedWrites: { mean: (model.writeFraction * lost) / n },
    openAtHorizon: open,
    objectives,
  };
}

export function runScenarios(plan: ResolvedPlan, options: ScenarioOptions): ScenarioResult[] {
  const report = options.onReplication;
  if (!report) return plan.scenarios.map((s) => runScenario(plan, s, options));
  // Progress over every scenario's replications together.
  const total = plan.scenarios.length * options.replications;
  return plan.scenarios.map((s, i) => runScenario(plan, s, { ...options, onReplication: (done) => report(i * options.replications + done, total) }));
}
