/**
 * The Sensitivity panel's data (pure): the plan's key parameters with the range each would be
 * moved across (the catalog's, or the user's edit), the edits turned into the user ranges that
 * `runSensitivity` and `resilience sensitivity --ranges` take, and a finished run turned into
 * tornado bars for one measure (availability, RTO p95 or cost), largest swing first.
 */
import { sensitivityParameters, type SensitivityResult, type UserRanges } from '../../sim/analysis/sensitivity';
import { DEFAULT_RANGES, type RangeKind } from '../../sim/catalog/ranges';
import type { ResolvedPlan } from '../../sim/model/resolve';
import type { Plan } from '../../sim/model/schema';
import { formatUsd } from './costShape';
import { formatPp } from './strategyShape';

/** One row of the ranges table: what the parameter is and the ends it will be moved to. */
export interface RangeRow {
  id: string;
  label: string;
  kind: RangeKind;
  unit: string;
  /** The plan's value in `unit` (1 for factors). */
  base: number;
  /** The catalog's ends. */
  catalogLow: number;
  catalogHigh: number;
  /** The ends that will be used (the user's edit when there is one). */
  low: number;
  high: number;
  edited: boolean;
  basis: string;
}

/** A user's edit of one parameter's ends, as typed (strings, so a half-typed number is kept). */
export type RangeEdits = Record<string, { low: string; high: string }>;

/** What the ends mean, in words, for the ranges table's header cell of each row. */
export function kindText(kind: RangeKind, unit: string): string {
  if (kind === 'factor') return '× plan value';
  if (kind === 'offset') return `± ${unit} from the plan`;
  return unit;
}

/** The parameters a sensitivity run of this plan moves, with the ranges the edits give them. */
export function rangeRows(plan: Plan, resolved: ResolvedPlan, edits: RangeEdits): RangeRow[] {
  return sensitivityParameters(plan, resolved).map((p) => {
    const catalog = DEFAULT_RANGES[p.class];
    const edit = edits[p.id];
    const low = edit ? Number(edit.low) : catalog.low;
    const high = edit ? Number(edit.high) : catalog.high;
    return {
      id: p.id,
      label: p.label,
      kind: catalog.kind,
      unit: p.unit,
      base: p.base,
      catalogLow: catalog.low,
      catalogHigh: catalog.high,
      low,
      high,
      edited: edit !== undefined && (low !== catalog.low || high !== catalog.high),
      basis: catalog.basis,
    };
  });
}

/**
 * The edits as the user ranges of `runSensitivity` (keyed by parameter id, only those that differ
 * from the catalog), or the first problem, naming the parameter, the end and the rule.
 */
export function userRangesOf(rows: RangeRow[]): { ok: true; ranges: UserRanges } | { ok: false; message: string } {
  const ranges: UserRanges = {};
  for (const r of rows) {
    if (!r.edited) continue;
    const problem = rangeProblem(r);
    if (problem) return { ok: false, message: `${r.label}: ${problem}` };
    ranges[r.id] = { low: r.low, high: r.high };
  }
  return { ok: true, ranges };
}

/** What is wrong with a row's ends (null when nothing), naming the end and the rule. */
export function rangeProblem(r: Pick<RangeRow, 'low' | 'high' | 'kind'>): string | null {
  if (r.kind === 'factor' && Number.isFinite(r.low) && r.low <= 0) return "low must be above 0 (it multiplies the plan's value)";
  for (const end of ['low', 'high'] as const) if (!Number.isFinite(r[end])) return `${end} must be a finite number`;
  if (r.low > r.high) return `low (${r.low}) must not exceed high (${r.high})`;
  return null;
}

/** The user ranges a finished run used, read back from the run itself (for its rerun command). */
export function userRangesOfResult(result: SensitivityResult): UserRanges {
  const out: UserRanges = {};
  for (const p of result.parameters) if (p.range.origin === 'user') out[p.id] = { low: p.range.low, high: p.range.high };
  return out;
}

/** True when two sets of user ranges move every parameter to the same ends. */
export function sameRanges(a: UserRanges, b: UserRanges): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] !== undefined && b[k].low === a[k]!.low && b[k].high === a[k]!.high);
}

export type TornadoMeasure = 'availability' | 'rtoP95' | 'cost';

export const MEASURES: Array<{ id: TornadoMeasure; label: string; axis: string }> = [
  { id: 'availability', label: 'Availability', axis: 'Δ availability (pp), paired with the base run' },
  { id: 'rtoP95', label: 'RTO p95', axis: 'Δ RTO p95 (s)' },
  { id: 'cost', label: 'Cost', axis: 'Δ monthly cost (USD, infrastructure + operations)' },
];

/** One bar pair of the tornado: the change at the low and at the high end of the parameter's range. */
export interface TornadoBar {
  id: string;
  label: string;
  /** Change from the base at each end (null: no RTO sample at that end or in the base). */
  low: number | null;
  high: number | null;
  lowText: string;
  highText: string;
  /** The ends' settings, for the tooltip: "0.5 … 2 × plan value". */
  settings: string;
  /** Largest |change| of the two ends: the sort key. */
  swing: number;
  /** Availability only: neither end's paired 95 % interval excludes 0. */
  notSignificant: boolean;
}

const signedSeconds = (x: number | null): string => (x === null ? 'n/a' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)} s`);
const signedUsd = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${formatUsd(Math.abs(x))}`;
const excludesZero = (ci: [number, number] | null): boolean => ci !== null && (ci[0] > 0 || ci[1] < 0);

/** The tornado for one measure: every parameter, largest swing first (ties in parameter order by id). */
export function tornadoBars(result: SensitivityResult, measure: TornadoMeasure): TornadoBar[] {
  const bars = result.parameters.map((p): TornadoBar => {
    let low: number | null;
    let high: number | null;
    let text: (x: number | null) => string;
    if (measure === 'availability') {
      low = p.low.availability.mean;
      high = p.high.availability.mean;
      text = (x) => (x === null ? 'n/a' : formatPp(x));
    } else if (measure === 'rtoP95') {
      low = p.low.rtoP95DeltaSeconds;
      high = p.high.rtoP95DeltaSeconds;
      text = signedSeconds;
    } else {
      low = p.low.monthlyUsdDelta;
      high = p.high.monthlyUsdDelta;
      text = (x) => (x === null ? 'n/a' : signedUsd(x));
    }
    return {
      id: p.id,
      label: p.label,
      low,
      high,
      lowText: text(low),
      highText: text(high),
      settings: `${p.low.setting} … ${p.high.setting} ${p.unit}`,
      swing: Math.max(Math.abs(low ?? 0), Math.abs(high ?? 0)),
      notSignificant: measure === 'availability' && !excludesZero(p.low.availability.ci95) && !excludesZero(p.high.availability.ci95),
    };
  });
  return bars.sort((a, b) => b.swing - a.swing || a.id.localeCompare(b.id));
}

/** The tornado's x domain: both ends of every bar and 0, never empty (a flat tornado spans ±1). */
export function tornadoDomain(bars: TornadoBar[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const b of bars) {
    for (const v of [b.low, b.high]) {
      if (v === null) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (lo === hi) return [-1, 1];
  return [lo, hi];
}
