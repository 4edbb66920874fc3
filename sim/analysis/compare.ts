/**
 * Design comparison: variants of a plan as RFC 6902 JSON Patches (fast-json-patch applies them; a
 * path may name a node by id, "/nodes/gw-east/instances", as well as by index), every design
 * simulated on the same seed and replications, paired differences against the first design, the
 * cost / unavailability Pareto set and each design's objectives. Pure apart from the injected
 * runner; imports sim/analysis, sim/model and fast-json-patch.
 */
import jsonpatch, { type Operation } from 'fast-json-patch';
import { deltaBetween, DesignError, evaluateDesign, objectiveVerdicts, type DesignDelta, type EvaluatedDesign, type ReplicationRunner, type RunSettings } from './design';

// The package's main entry is CommonJS: Node gives its exports only as the default import.
const { applyPatch, JsonPatchError } = jsonpatch;

/** A patch that cannot be applied; the message names the operation (1-based), its op and path. */
export class PatchApplyError extends Error {}

const POINTER_ARRAYS = ['nodes', 'regions', 'commonCauses', 'scenarios'] as const;

/**
 * Rewrites "/nodes/<id>/…" (and regions, commonCauses, scenarios) to the entry's index, so a
 * variant survives reordering. A numeric segment or "-" is left alone; an unknown id is an error.
 */
function resolveIdSegments(doc: Record<string, unknown>, pointer: string, where: string): string {
  const parts = pointer.split('/');
  const array = parts[1] as (typeof POINTER_ARRAYS)[number];
  if (parts.length < 3 || !POINTER_ARRAYS.includes(array)) return pointer;
  const key = parts[2]!;
  if (key === '-' || /^\d+$/.test(key)) return pointer;
  const entries = doc[array];
  const id = key.replace(/~1/g, '/').replace(/~0/g, '~');
  const index = Array.isArray(entries) ? entries.findIndex((e) => typeof e === 'object' && e !== null && (e as { id?: unknown }).id === id) : -1;
  if (index < 0) throw new PatchApplyError(`${where}: no entry of ${array}[] has the id "${id}"`);
  parts[2] = String(index);
  return parts.join('/');
}

/** Applies a JSON Patch to a copy of `plan`; throws PatchApplyError naming the failing operation. */
export function applyVariant(plan: unknown, patch: unknown, label: string): unknown {
  if (!Array.isArray(patch)) throw new PatchApplyError(`${label}: a JSON Patch is an array of operations`);
  let doc = JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;
  patch.forEach((raw, i) => {
    const where = `${label}: operation ${i + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new PatchApplyError(`${where} is not an object`);
    const op = { ...(raw as Record<string, unknown>) };
    const describe = `${where} (${String(op.op)} ${String(op.path)})`;
    if (typeof op.path !== 'string') throw new PatchApplyError(`${where}: "path" must be a JSON Pointer string`);
    op.path = resolveIdSegments(doc, op.path, describe);
    if (typeof op.from === 'string') op.from = resolveIdSegments(doc, op.from, describe);
    try {
      doc = applyPatch(doc, [op as unknown as Operation], true, false).newDocument;
    } catch (error) {
      if (error instanceof JsonPatchError) throw new PatchApplyError(`${describe} failed: ${error.message.split('\n')[0]}`);
      throw error;
    }
  });
  return doc;
}

/**
 * A plan and the variants it keeps (`variants`, each a JSON Patch against it) as designs to compare:
 * the plan first (labelled `baseLabel`), then each variant as "<baseLabel> + <name>". The variants
 * list itself is left out of every design: it describes alternatives of the base, not of them.
 */
export function designsWithVariants(plan: unknown, baseLabel: string): DesignInput[] {
  const doc = (typeof plan === 'object' && plan !== null ? plan : {}) as Record<string, unknown>;
  const { variants, ...base } = doc;
  const list = Array.isArray(variants) ? (variants as Array<{ name?: unknown; patch?: unknown }>) : [];
  return [
    { label: baseLabel, plan: base },
    ...list.map((v, i) => {
      const name = typeof v?.name === 'string' && v.name ? v.name : `variant ${i + 1}`;
      return { label: `${baseLabel} + ${name}`, plan: applyVariant(base, v?.patch, `variants[${i}] "${name}"`) };
    }),
  ];
}

export interface DesignInput {
  /** How the user named it: a file name, or "base + patch file". */
  label: string;
  plan: unknown;
}

export interface ComparedDesign {
  label: string;
  name: string;
  availability: EvaluatedDesign['result']['availability']['requestWeighted'];
  downtimeMinutesPerYear: EvaluatedDesign['result']['downtimeMinutesPerYear'];
  rtoP95Seconds: number | null;
  rpoP95Seconds: number | null;
  monthlyUsd: number;
  downtimeUsdPerMonth: number | null;
  tcoUsdPerMonth: number;
  objectives: ReturnType<typeof objectiveVerdicts>;
  /** Every objective judged is met (null when none is judged). */
  meetsAll: boolean | null;
  /** On the cost (infrastructure + operations) / unavailability Pareto front. */
  pareto: boolean;
  /** Paired differences against the first design (null for the first). */
  vsFirst: DesignDelta | null;
}

export interface Comparison {
  seed: number;
  replications: number;
  horizonYears: number;
  designs: ComparedDesign[];
  /** Labels on the Pareto front, cheapest first. */
  paretoSet: string[];
  /** Labels by total cost of ownership, lowest first (ties by availability). */
  rankingByTco: string[];
}

/**
 * Indices of the points no other point dominates (at most the cost and at most the unavailability,
 * better in one). Equal points are all kept.
 */
export function paretoFront(points: ReadonlyArray<{ cost: number; unavailability: number }>): number[] {
  return points
    .map((p, i) => ({ p, i }))
    .filter(({ p, i }) => !points.some((q, j) => j !== i && q.cost <= p.cost && q.unavailability <= p.unavailability && (q.cost < p.cost || q.unavailability < p.unavailability)))
    .map(({ i }) => i);
}

export async function compareDesigns(inputs: DesignInput[], settings: RunSettings, run: ReplicationRunner, onStep?: (step: number, total: number, label: string) => void): Promise<Comparison> {
  const evaluated: EvaluatedDesign[] = [];
  for (const [i, input] of inputs.entries()) {
    onStep?.(i + 1, inputs.length, input.label);
    try {
      evaluated.push(await evaluateDesign(input.plan, settings, run));
    } catch (error) {
      if (error instanceof DesignError) throw new DesignError(`${input.label}: ${error.message}`, error.reason);
      throw error;
    }
  }
  const front = new Set(paretoFront(evaluated.map((d) => ({ cost: d.cost.monthlyUsd, unavailability: 1 - d.result.availability.requestWeighted.mean }))));
  const designs: ComparedDesign[] = evaluated.map((d, i) => {
    const objectives = objectiveVerdicts(d);
    const judged = objectives.filter((o) => o.met !== null);
    return {
      label: inputs[i]!.label,
      name: d.plan.name,
      availability: d.result.availability.requestWeighted,
      downtimeMinutesPerYear: d.result.downtimeMinutesPerYear,
      rtoP95Seconds: d.result.rtoSeconds.p95,
      rpoP95Seconds: d.result.rpoSeconds.p95,
      monthlyUsd: d.cost.monthlyUsd,
      downtimeUsdPerMonth: d.cost.downtime?.usdPerMonth ?? null,
      tcoUsdPerMonth: d.cost.tcoUsdPerMonth,
      objectives,
      meetsAll: judged.length === 0 ? null : judged.every((o) => o.met === true),
      pareto: front.has(i),
      vsFirst: i === 0 ? null : deltaBetween(evaluated[0]!, d),
    };
  });
  const r = evaluated[0]!.result;
  return {
    seed: settings.seed,
    replications: r.replications,
    horizonYears: r.horizonYears,
    designs,
    paretoSet: designs.filter((d) => d.pareto).sort((a, b) => a.monthlyUsd - b.monthlyUsd).map((d) => d.label),
    rankingByTco: [...designs].sort((a, b) => a.tcoUsdPerMonth - b.tcoUsdPerMonth || b.availability.mean - a.availability.mean).map((d) => d.label),
  };
}
