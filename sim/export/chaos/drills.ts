/**
 * The plan's scripted scenarios as real-world drills, independent of any tool: which faults to inject
 * in which region (network loss of a region or zone, stopped instances, deleted pods, failing
 * functions, database failovers), what each drill should reproduce (the simulated RTO and lost
 * writes), and a warning for every part no fault can express. FIS and Chaos Toolkit only render
 * this. Pure; imports only sim/model and sim/export.
 */
import { formatPath } from '../../model/issues';
import { resolvePlan, type ResolvedNode, type ResolvedPlan, type ResolvedRegion } from '../../model/resolve';
import type { Plan, Scenario } from '../../model/schema';
import { zoneNames } from '../kubernetes/generate';
import type { ExportOptions, ExportWarning, ScenarioExpectation } from '../types';

/** The tag every AWS export puts on the resources of a plan node (Terraform and CloudFormation). */
export const NODE_TAG = 'resilience-studio:node';

export type Fault =
  /** Every subnet of the region (or of one zone) loses connectivity: the nearest thing to an outage. */
  | { kind: 'network'; zone?: number; zoneName?: string }
  | { kind: 'stop-instances'; nodeId: string; zoneName?: string }
  | { kind: 'delete-pods'; nodeId: string; zoneName?: string }
  | { kind: 'function-errors'; nodeId: string }
  /** `standby`: an RDS instance with a synchronous replica in its region (Multi-AZ), which a reboot can fail over to. */
  | { kind: 'db-failover'; nodeId: string; engine: 'aurora' | 'rds'; standby?: boolean };

/** The faults of one drill that land in one region (a FIS template is regional). */
export interface RegionalFaults {
  region: ResolvedRegion;
  faults: Fault[];
}

export interface Drill {
  scenario: Scenario;
  /** JSON path of the scenario, for warnings. */
  path: string;
  title: string;
  durationSeconds: number;
  regions: RegionalFaults[];
  expectation: ScenarioExpectation | undefined;
  /** What the drill cannot reproduce, in sentences (also raised as warnings). */
  gaps: string[];
}

export interface DrillPlan {
  plan: ResolvedPlan;
  drills: Drill[];
  warnings: ExportWarning[];
}

const RDS_LIKE = new Set(['rds', 'postgres', 'mysql', 'mariadb', 'oracle', 'sqlserver']);

function isFleet(n: ResolvedNode): n is Extract<ResolvedNode, { kind: 'gateway' | 'service' }> {
  return n.kind === 'gateway' || n.kind === 'service';
}

/** The faults that take one node down; a sentence instead when no fault can. */
function nodeFaults(plan: ResolvedPlan, node: ResolvedNode, zoneName?: string): Fault[] | string {
  if (isFleet(node)) {
    if (node.platform === 'vm') return [{ kind: 'stop-instances', nodeId: node.id, ...(zoneName ? { zoneName } : {}) }];
    if (node.platform === 'container') return [{ kind: 'delete-pods', nodeId: node.id, ...(zoneName ? { zoneName } : {}) }];
    if (zoneName) return `serverless fleet "${node.id}" is not zonal: a zone loss does not stop it`;
    return [{ kind: 'function-errors', nodeId: node.id }];
  }
  if (node.kind === 'datastore') {
    if (node.engine === 'aurora') return [{ kind: 'db-failover', nodeId: node.id, engine: 'aurora' }];
    if (RDS_LIKE.has(node.engine)) {
      const standby = plan.edges.some((e) => e.kind === 'replication' && e.from === node.id && e.mode === 'sync' && plan.nodes.find((n) => n.id === e.to)?.region === node.region);
      return [{ kind: 'db-failover', nodeId: node.id, engine: 'rds', standby }];
    }
    return `datastore "${node.id}" (${node.engine}) has no fault action that fails it`;
  }
  return `${node.kind} "${node.id}" has no fault action that fails it`;
}

function regionOf(plan: ResolvedPlan, id: string | undefined): ResolvedRegion | undefined {
  return plan.regions.find((r) => r.id === id);
}

function add(map: Map<string, RegionalFaults>, region: ResolvedRegion, faults: Fault[]): void {
  const entry = map.get(region.id) ?? { region, faults: [] };
  entry.faults.push(...faults);
  map.set(region.id, entry);
}

function buildDrill(plan: ResolvedPlan, scenario: Scenario, index: number, expectations: ScenarioExpectation[] | undefined): Drill {
  const path = formatPath(['scenarios', index]);
  const regions = new Map<string, RegionalFaults>();
  const gaps: string[] = [];
  const fail = scenario.fail;
  const awsRegion = (r: ResolvedRegion | undefined): r is ResolvedRegion => {
    if (!r) return false;
    if (r.provider !== 'aws' || !r.code) {
      gaps.push(`region "${r.id}" is not an AWS region with a code, so no AWS fault can reach it`);
      return false;
    }
    return true;
  };

  if ('region' in fail) {
    const region = regionOf(plan, fail.region);
    if (awsRegion(region)) {
      const faults: Fault[] = [{ kind: 'network' }];
      for (const n of plan.nodes.filter((x) => x.region === region.id)) {
        if (isFleet(n) && n.platform !== 'container') {
          const f = nodeFaults(plan, n);
          if (typeof f !== 'string') faults.push(...f);
        }
        if (n.kind === 'datastore' && !RDS_LIKE.has(n.engine) && n.engine !== 'aurora') {
          gaps.push(`datastore "${n.id}" (${n.engine}) is a regional service: cutting the region's subnets does not make its endpoint unavailable`);
        }
      }
      add(regions, region, faults);
    }
  } else if ('zone' in fail) {
    const region = regionOf(plan, fail.zone.region);
    if (awsRegion(region)) {
      const zoneName = zoneNames(region)?.[fail.zone.zone];
      const faults: Fault[] = [{ kind: 'network', zone: fail.zone.zone, ...(zoneName ? { zoneName } : {}) }];
      for (const n of plan.nodes.filter((x) => x.region === region.id)) {
        if (isFleet(n) && n.platform !== 'serverless' && (n.zone === undefined || n.zone === fail.zone.zone)) {
          const f = nodeFaults(plan, n, zoneName);
          if (typeof f !== 'string') faults.push(...f);
        }
        if (n.kind === 'datastore' && n.zone === fail.zone.zone) {
          const f = nodeFaults(plan, n);
          if (typeof f === 'string') gaps.push(f);
          else faults.push(...f);
        }
      }
      add(regions, region, faults);
    }
  } else {
    const ids = 'node' in fail ? [fail.node] : (plan.commonCauses.find((c) => c.id === fail.commonCause)?.affects ?? []);
    if ('commonCause' in fail) {
      gaps.push(`a shared cause ("${fail.commonCause}", e.g. a bad deploy) is a software fault no tool injects; the drill fails the nodes it affects (${ids.map((i) => `"${i}"`).join(', ')}) at once instead`);
    }
    for (const id of ids) {
      const node = plan.nodes.find((n) => n.id === id);
      if (!node) continue;
      const region = regionOf(plan, node.region);
      if (!region) {
        gaps.push(`"${id}" has no region, so no regional fault can reach it`);
        continue;
      }
      if (!awsRegion(region)) continue;
      const f = nodeFaults(plan, node);
      if (typeof f === 'string') gaps.push(f);
      else add(regions, region, f);
    }
  }
  if (regions.size === 0) gaps.push('no fault of the drill can be expressed, so no experiment is written for it');
  return {
    scenario,
    path,
    title: scenario.name ?? scenario.id,
    durationSeconds: scenario.durationHours * 3600,
    regions: [...regions.values()],
    expectation: expectations?.find((e) => e.id === scenario.id),
    gaps,
  };
}

export function planDrills(input: Plan, options?: ExportOptions): DrillPlan {
  const plan = resolvePlan(input);
  const warnings: ExportWarning[] = [];
  const drills = plan.scenarios.map((s, i) => buildDrill(plan, s, i, options?.scenarioExpectations));
  if (plan.scenarios.length === 0) warnings.push({ code: 'no-scenarios', path: '$.scenarios', message: 'The plan has no scenarios, so there are no drills to write; add scripted disruptions under "scenarios".' });
  for (const d of drills) {
    for (const gap of d.gaps) warnings.push({ code: 'drill-gap', path: d.path, message: `Scenario "${d.scenario.id}": ${gap}.` });
    if (!d.expectation && d.regions.length > 0) {
      warnings.push({ code: 'no-simulated-numbers', path: d.path, message: `Scenario "${d.scenario.id}": no simulated numbers were passed in; run \`resilience scenarios\` for the RTO and lost writes the drill should reproduce.` });
    }
  }
  return { plan, drills, warnings };
}

/** The numbers a drill should reproduce, in one sentence. */
/**
 * The README both drill formats write: the intro lines, then per drill its expected numbers, the
 * format's own lines for it (`detail`) and what no tool reproduces, then every warning.
 */
export function drillReadme(intro: readonly string[], drills: readonly Drill[], warnings: readonly ExportWarning[], detail: (d: Drill) => string[]): string {
  const lines = [...intro];
  for (const d of drills) {
    lines.push(`## ${d.title} (\`${d.scenario.id}\`)`, '', expectationText(d), '');
    lines.push(...detail(d));
    for (const g of d.gaps) lines.push(`- Not reproduced: ${g}.`);
    lines.push('');
  }
  if (warnings.length > 0) {
    lines.push('## Warnings', '');
    for (const w of warnings) lines.push(`- \`${w.code}\` at \`${w.path}\`: ${w.message}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function expectationText(d: Drill): string {
  const e = d.expectation;
  if (!e) return 'Simulated numbers: not computed here; run `resilience scenarios` on the plan.';
  const s = (v: number | null) => (v === null ? 'none' : `${Math.round(v)} s`);
  return `Simulated (resilience scenarios, ${e.replications} replications, seed ${e.seed}): RTO p50 ${s(e.rtoP50Seconds)}, max ${s(e.rtoMaxSeconds)}; lost writes ${e.lostWritesMean.toFixed(1)} on average${e.rpoMaxSeconds !== null ? `; RPO max ${s(e.rpoMaxSeconds)}` : ''}.`;
}

/** ISO 8601 duration (PT2H30M) for a number of seconds. */
export function isoDuration(seconds: number): string {
  const total = Math.max(1, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}
