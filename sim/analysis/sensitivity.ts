/**
 * Sensitivity analysis (tornado data): each key parameter of a plan moved to the low and the high
 * end of its range (the catalog's, sim/catalog/ranges.ts, or the user's), every variant simulated on
 * the base run's seed and replications (common random numbers), and the paired change in
 * availability, downtime, RTO p95 and cost. Pure apart from the injected runner; imports sim/model,
 * sim/catalog, sim/analysis and sim/engine types only.
 */
import { z } from 'zod';
import type { Distribution, Plan } from '../model/schema';
import { MAX_FLEET_INSTANCES } from '../model/schema';
import type { ResolvedPlan } from '../model/resolve';
import { DEFAULT_RANGES, PARAMETER_CLASSES, type FigureRange, type ParameterClass } from '../catalog/ranges';
import type { MeanWithInterval } from '../engine/stats';
import { downtimeMinutesPerYear, DesignError, evaluateDesign, pairedDifference, prepareDesign, requestWeighted, type EvaluatedDesign, type ReplicationRunner, type RunSettings } from './design';

/** A user's range for a class ("repairTime") or one parameter ("repairTime:db-east"): the class's kind is kept. */
export const UserRangesSchema = z.record(
  z.string(),
  z.strictObject({ low: z.number().refine(Number.isFinite, 'must be a finite number'), high: z.number().refine(Number.isFinite, 'must be a finite number') }).refine((r) => r.low <= r.high, { message: 'low must not exceed high', path: ['high'] }),
);
export type UserRanges = z.infer<typeof UserRangesSchema>;

/** A range as used: the catalog's, or the user's with the catalog's kind. */
export interface AppliedRange extends FigureRange {
  origin: 'catalog' | 'user';
}

/** One key parameter of a plan that a sensitivity run can move. */
export interface SensitivityParameter {
  /** "<class>:<node, edge or region id>", e.g. "repairTime:db-east". */
  id: string;
  class: ParameterClass;
  /** What it is, in words: "db-east repair time". */
  label: string;
  /** The plan's value in `unit` (for factor ranges, 1: the ends are multiples of it). */
  base: number;
  unit: string;
  range: AppliedRange;
  /** The plan with this parameter set to `setting` (the ends' values in `unit`). */
  apply(plan: Plan, setting: number): Plan;
}

export interface SensitivityEnd {
  /** The parameter's value at this end, in the parameter's unit. */
  setting: number;
  /** Request-weighted availability, end − base, paired over the same replications. */
  availability: MeanWithInterval;
  downtimeMinutesPerYear: MeanWithInterval;
  /** RTO p95 at this end and its change from the base (null when either has no recovery sample). */
  rtoP95Seconds: number | null;
  rtoP95DeltaSeconds: number | null;
  /** Infrastructure + operations, end − base (cost needs no simulation: exact). */
  monthlyUsdDelta: number;
  tcoUsdPerMonthDelta: number;
}

export interface SensitivityRow {
  id: string;
  class: ParameterClass;
  label: string;
  base: number;
  unit: string;
  range: Omit<AppliedRange, never>;
  low: SensitivityEnd;
  high: SensitivityEnd;
  /** Largest |Δ availability| of the two ends: the tornado's sort key. */
  availabilitySwing: number;
}

export interface SensitivityResult {
  seed: number;
  replications: number;
  horizonYears: number;
  base: { availability: MeanWithInterval; rtoP95Seconds: number | null; monthlyUsd: number; tcoUsdPerMonth: number };
  /** Largest availability swing first. */
  parameters: SensitivityRow[];
}

export interface SensitivityOptions {
  /** User ranges by class or parameter id; a key that matches nothing is an error. */
  ranges?: UserRanges;
  /** Only these classes or parameter ids (all when absent). */
  only?: string[];
}

/** Multiplies a duration distribution's time scale by f ('never' stays never). */
export function scaleDistribution(d: Distribution, f: number): Distribution {
  switch (d.dist) {
    case 'exponential':
      return { dist: 'exponential', mean: d.mean * f };
    case 'weibull':
      return { dist: 'weibull', shape: d.shape, scale: d.scale * f };
    case 'lognormal':
      return { dist: 'lognormal', median: d.median * f, sigma: d.sigma };
    case 'fixed':
      return { dist: 'fixed', value: d.value * f };
    case 'uniform':
      return { dist: 'uniform', min: d.min * f, max: d.max * f };
    case 'never':
      return d;
  }
}

const clone = (plan: Plan): Plan => JSON.parse(JSON.stringify(plan)) as Plan;
const nodeIndex = (plan: Plan, id: string): number => plan.nodes.findIndex((n) => n.id === id);
/** Sets fields of one node of a copy of the plan. */
const withNode = (plan: Plan, id: string, fields: Record<string, unknown>): Plan => {
  const copy = clone(plan);
  const i = nodeIndex(copy, id);
  copy.nodes[i] = { ...copy.nodes[i]!, ...fields } as Plan['nodes'][number];
  return copy;
};

function rangeFor(cls: ParameterClass, id: string, user: UserRanges | undefined): AppliedRange {
  const catalog = DEFAULT_RANGES[cls];
  const own = user?.[id] ?? user?.[cls];
  if (!own) return { ...catalog, origin: 'catalog' };
  return { ...catalog, low: own.low, high: own.high, basis: `set by the user (catalog: ${catalog.low}–${catalog.high}, ${catalog.basis})`, origin: 'user' };
}

/** The key parameters of a plan, in plan order, with their ranges. */
export function sensitivityParameters(plan: Plan, resolved: ResolvedPlan, options: SensitivityOptions = {}): SensitivityParameter[] {
  const out: SensitivityParameter[] = [];
  const add = (cls: ParameterClass, target: string, label: string, base: number, unit: string, apply: SensitivityParameter['apply']) => {
    const id = `${cls}:${target}`;
    out.push({ id, class: cls, label, base, unit, range: rangeFor(cls, id, options.ranges), apply });
  };
  for (const region of resolved.regions) {
    const outage = region.outage;
    if (!outage || outage.ratePerYear <= 0) continue;
    add('regionOutageRate', region.id, `${region.id} region outage rate`, 1, '× plan value', (p, f) => {
      const copy = clone(p);
      const r = copy.regions.find((x) => x.id === region.id)!;
      r.outage = { ratePerYear: outage.ratePerYear * f, durationHours: outage.durationHours };
      return copy;
    });
  }
  for (const node of resolved.nodes) {
    const rel = node.kind === 'clients' ? undefined : node.reliability;
    if (rel && rel.timeToFailureHours.dist !== 'never') {
      // Both halves are written so the node's catalog default becomes explicit and unchanged apart from the one moved.
      add('failureRate', node.id, `${node.id} failure rate`, 1, '× plan value', (p, f) => withNode(p, node.id, { reliability: { timeToFailureHours: scaleDistribution(rel.timeToFailureHours, 1 / f), timeToRepairHours: rel.timeToRepairHours } }));
      add('repairTime', node.id, `${node.id} repair time`, 1, '× plan value', (p, f) => withNode(p, node.id, { reliability: { timeToFailureHours: rel.timeToFailureHours, timeToRepairHours: scaleDistribution(rel.timeToRepairHours, f) } }));
    }
    if ((node.kind === 'dns' || node.kind === 'loadBalancer') && !node.healthCheck.manual) {
      const planNode = plan.nodes[nodeIndex(plan, node.id)] as { healthCheck?: Record<string, unknown> };
      add('healthCheckInterval', node.id, `${node.id} health-check interval`, node.healthCheck.intervalSeconds, 's', (p, v) => withNode(p, node.id, { healthCheck: { ...planNode.healthCheck, intervalSeconds: v } }));
      add('healthCheckThreshold', node.id, `${node.id} health-check failure threshold`, node.healthCheck.failureThreshold, 'checks', (p, v) => withNode(p, node.id, { healthCheck: { ...planNode.healthCheck, failureThreshold: Math.max(1, Math.round(v)) } }));
    }
    if (node.kind === 'dns') add('dnsTtl', node.id, `${node.id} DNS TTL`, node.ttlSeconds, 's', (p, v) => withNode(p, node.id, { ttlSeconds: v }));
    if ((node.kind === 'gateway' || node.kind === 'service') && node.autoscaling === undefined) {
      add('instances', node.id, `${node.id} instances`, node.instances, 'instances', (p, v) => withNode(p, node.id, { instances: Math.min(MAX_FLEET_INSTANCES, Math.max(1, Math.round(v))) }));
    }
    if (node.kind === 'datastore') {
      const promotion = (plan.nodes[nodeIndex(plan, node.id)] as { promotion?: Record<string, unknown> }).promotion;
      add('promotionSuccess', node.id, `${node.id} promotion success probability`, node.promotion.successProbability, 'probability', (p, v) => withNode(p, node.id, { promotion: { ...promotion, successProbability: v } }));
    }
  }
  resolved.edges.forEach((edge, i) => {
    if (edge.kind !== 'replication' || edge.lagSeconds.dist === 'never') return;
    const target = edge.id ?? `${edge.from}->${edge.to}`;
    add('replicationLag', target, `${edge.from} → ${edge.to} replication lag`, 1, '× plan value', (p, f) => {
      const copy = clone(p);
      copy.edges[i] = { ...copy.edges[i]!, lagSeconds: scaleDistribution(edge.lagSeconds, f) } as Plan['edges'][number];
      return copy;
    });
  });
  const unknown = Object.keys(options.ranges ?? {}).filter((k) => !(PARAMETER_CLASSES as readonly string[]).includes(k) && !out.some((p) => p.id === k));
  if (unknown.length > 0) throw new DesignError(`ranges: "${unknown[0]}" is neither a parameter class (${PARAMETER_CLASSES.join(', ')}) nor a parameter of this plan`, 'invalid');
  const only = options.only;
  if (only && only.length > 0) {
    const missing = only.filter((o) => !out.some((p) => p.id === o || p.class === o));
    if (missing.length > 0) throw new DesignError(`only: "${missing[0]}" is neither a parameter class nor a parameter of this plan`, 'invalid');
    return out.filter((p) => only.includes(p.id) || only.includes(p.class));
  }
  return out;
}

/** The parameter's value at one end of its range, in its unit. */
export function endSetting(p: Pick<SensitivityParameter, 'base' | 'range'>, end: 'low' | 'high'): number {
  const r = p.range;
  const x = r[end];
  return r.kind === 'absolute' ? x : r.kind === 'offset' ? p.base + x : x;
}

function endOf(base: EvaluatedDesign, other: EvaluatedDesign, setting: number): SensitivityEnd {
  const rto = other.result.rtoSeconds.p95;
  const baseRto = base.result.rtoSeconds.p95;
  return {
    setting,
    availability: pairedDifference(base.summaries, other.summaries, requestWeighted),
    downtimeMinutesPerYear: pairedDifference(base.summaries, other.summaries, downtimeMinutesPerYear),
    rtoP95Seconds: rto,
    rtoP95DeltaSeconds: rto === null || baseRto === null ? null : rto - baseRto,
    monthlyUsdDelta: other.cost.monthlyUsd - base.cost.monthlyUsd,
    tcoUsdPerMonthDelta: other.cost.tcoUsdPerMonth - base.cost.tcoUsdPerMonth,
  };
}

/**
 * Runs the base plan and both ends of every parameter on the same seed and replications. An end
 * whose plan equals the base (an offset clamped at one instance, a range end equal to the plan's
 * value) reuses the base run, so its changes are exactly zero.
 */
export async function runSensitivity(planInput: unknown, settings: RunSettings, run: ReplicationRunner, options: SensitivityOptions = {}, onStep?: (step: number, total: number, label: string) => void): Promise<SensitivityResult> {
  const { plan, resolved } = prepareDesign(planInput);
  const parameters = sensitivityParameters(plan, resolved, options);
  const total = 1 + 2 * parameters.length;
  onStep?.(1, total, 'base plan');
  const base = await evaluateDesign(plan, settings, run);
  const baseJson = JSON.stringify(plan);
  let step = 1;
  const rows: SensitivityRow[] = [];
  for (const p of parameters) {
    const ends: SensitivityEnd[] = [];
    for (const end of ['low', 'high'] as const) {
      step += 1;
      onStep?.(step, total, `${p.label} ${end}`);
      const setting = endSetting(p, end);
      const variant = p.apply(plan, setting);
      let evaluated: EvaluatedDesign;
      try {
        evaluated = JSON.stringify(variant) === baseJson ? base : await evaluateDesign(variant, settings, run);
      } catch (error) {
        if (error instanceof DesignError) throw new DesignError(`${p.id} at its ${end} end (${setting}): ${error.message}`, error.reason);
        throw error;
      }
      ends.push(endOf(base, evaluated, setting));
    }
    const [low, high] = ends as [SensitivityEnd, SensitivityEnd];
    rows.push({ id: p.id, class: p.class, label: p.label, base: p.base, unit: p.unit, range: p.range, low, high, availabilitySwing: Math.max(Math.abs(low.availability.mean), Math.abs(high.availability.mean)) });
  }
  rows.sort((a, b) => b.availabilitySwing - a.availabilitySwing || a.id.localeCompare(b.id));
  return {
    seed: settings.seed,
    replications: base.result.replications,
    horizonYears: base.result.horizonYears,
    base: { availability: base.result.availability.requestWeighted, rtoP95Seconds: base.result.rtoSeconds.p95, monthlyUsd: base.cost.monthlyUsd, tcoUsdPerMonth: base.cost.tcoUsdPerMonth },
    parameters: rows,
  };
}
