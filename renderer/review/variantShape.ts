/**
 * Designs side by side (pure): a variant's JSON Patch from an edited copy of the base plan (paths
 * name entries by id where they can, as `resilience compare` accepts), a readable diff between two
 * designs (entries matched by id, drawing-only fields left out), the comparison table's rows and
 * the points and front of the cost vs availability scatter.
 */
import jsonpatch from 'fast-json-patch';
import type { Comparison, ComparedDesign } from '../../sim/analysis/compare';
import type { Variant } from '../../sim/model/schema';
import { nines } from '../results/format';

const { compare: jsonDiff, applyOperation } = jsonpatch;

const ID_ARRAYS = new Set(['nodes', 'regions', 'commonCauses', 'scenarios']);
/** Where things are drawn: never a difference between designs. */
const DRAWING = new Set(['position', 'size', 'fromSide', 'toSide', 'label']);

const withoutVariants = (plan: unknown): Record<string, unknown> => {
  const { variants: _variants, ...rest } = (plan ?? {}) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
};

/**
 * The JSON Patch that turns `base` into `edited` (their `variants` lists aside). Paths into an
 * existing entry of nodes, regions, commonCauses or scenarios name it by id ("/nodes/gw/instances"),
 * so the variant survives reordering; additions and removals of whole entries keep the index.
 */
export function patchBetween(base: unknown, edited: unknown): Variant['patch'] {
  let doc = withoutVariants(base);
  const ops = jsonDiff(doc, withoutVariants(edited));
  const out: Variant['patch'] = [];
  for (const op of ops) {
    const parts = op.path.split('/');
    const list = doc[parts[1] ?? ''];
    if (parts.length >= 4 && ID_ARRAYS.has(parts[1]!) && /^\d+$/.test(parts[2]!) && Array.isArray(list)) {
      const entry = list[Number(parts[2])] as { id?: unknown } | undefined;
      if (typeof entry?.id === 'string') parts[2] = entry.id.replace(/~/g, '~0').replace(/\//g, '~1');
    }
    out.push({ ...(op as Variant['patch'][number]), path: parts.join('/') });
    doc = applyOperation(doc, op, false, true).newDocument as Record<string, unknown>;
  }
  return out;
}

export interface DiffEntry {
  /** Readable location: "nodes › gw-east › instances". */
  where: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

function keyOf(entry: unknown, index: number): string {
  if (typeof entry !== 'object' || entry === null) return `#${index + 1}`;
  const e = entry as Record<string, unknown>;
  if (typeof e.id === 'string') return e.id;
  if (typeof e.from === 'string' && typeof e.to === 'string') return `${String(e.kind ?? '')} ${e.from} → ${e.to}`.trim();
  if (typeof e.name === 'string') return e.name;
  return `#${index + 1}`;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const keyed = (xs: unknown[]) => xs.every((x, i) => isObject(x) && keyOf(x, i) !== `#${i + 1}`);

function walk(a: unknown, b: unknown, where: string[], out: DiffEntry[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const at = where.join(' › ') || '(plan)';
  if (a === undefined) {
    out.push({ where: at, kind: 'added', after: b });
    return;
  }
  if (b === undefined) {
    out.push({ where: at, kind: 'removed', before: a });
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) if (!DRAWING.has(k)) walk(a[k], b[k], [...where, k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && keyed(a) && keyed(b)) {
    const ka = new Map(a.map((x, i) => [keyOf(x, i), x]));
    const kb = new Map(b.map((x, i) => [keyOf(x, i), x]));
    for (const [k, x] of ka) walk(x, kb.get(k), [...where, k], out);
    for (const [k, x] of kb) if (!ka.has(k)) walk(undefined, x, [...where, k], out);
    return;
  }
  out.push({ where: at, kind: 'changed', before: a, after: b });
}

/** What differs between two designs, entry by entry (drawing and the variants list aside). */
export function readableDiff(a: unknown, b: unknown): DiffEntry[] {
  const out: DiffEntry[] = [];
  walk(withoutVariants(a), withoutVariants(b), [], out);
  return out;
}

/** A value in a diff line: short JSON, cut at 80 characters. */
export function showValue(x: unknown): string {
  const text = typeof x === 'string' ? JSON.stringify(x) : JSON.stringify(x) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export interface ParetoPoint {
  label: string;
  cost: number;
  availability: number;
  /** −log10(unavailability), capped for a design that never went down in the run. */
  nines: number;
  pareto: boolean;
}

/** Nines shown for a design with no downtime in the run (an honest "more than the chart shows"). */
export const NINES_CAP = 7;

export function paretoPoints(c: Comparison): { points: ParetoPoint[]; front: ParetoPoint[] } {
  const points = c.designs.map((d: ComparedDesign) => ({ label: d.label, cost: d.monthlyUsd, availability: d.availability.mean, nines: Math.min(NINES_CAP, nines(d.availability.mean)), pareto: d.pareto }));
  const front = points.filter((p) => p.pareto).sort((a, b) => a.cost - b.cost || a.nines - b.nines);
  return { points, front };
}

/** Objectives of a design in a few words: "all 3 met", "missed rtoSeconds", "none set". */
export function objectivesSummary(d: ComparedDesign): { text: string; tone: 'met' | 'missed' | 'none' } {
  const judged = d.objectives.filter((o) => o.met !== null);
  if (judged.length === 0) return { text: 'none set', tone: 'none' };
  const missed = judged.filter((o) => o.met === false).map((o) => o.objective);
  return missed.length === 0 ? { text: `all ${judged.length} met`, tone: 'met' } : { text: `missed ${missed.join(', ')}`, tone: 'missed' };
}
