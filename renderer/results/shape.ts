/**
 * Chart data shaping (pure, no DOM): run outcome → the marks each chart draws. Kept apart from the
 * React/d3 drawing so it can be tested with plain numbers.
 */
import { bin, max } from 'd3';
import type { IncidentRecord } from '../../sim/engine/metrics';
import type { CauseKind } from '../../sim/engine/model';
import type { CauseShare, ReducedSample } from '../simClient/types';
import { nines } from './format';

export interface HistogramBin {
  /** Seconds. */
  x0: number;
  x1: number;
  /** Share of all samples in this bin (the bins sum to 1). */
  share: number;
}

export interface Distribution {
  bins: HistogramBin[];
  /** Empirical CDF points, seconds → P(sample ≤ x). */
  cdf: Array<[number, number]>;
  /** Domain of the (log) x axis, seconds. */
  domain: [number, number];
}

/** Floor for log axes: a sample of 0 s (a sync replica loses nothing) is drawn at this value. */
export const LOG_FLOOR_SECONDS = 0.1;

/**
 * Histogram on a log axis (incident lengths span seconds to days) plus the CDF. `objective` widens
 * the domain so its marker is always on the chart.
 */
export function distribution(sample: ReducedSample, objective?: number, binCount = 28): Distribution | null {
  const values = sample.values.filter(Number.isFinite).map((v) => Math.max(LOG_FLOOR_SECONDS, v));
  if (values.length === 0) return null;
  // An objective of 0 s (RPO: no write may be lost) sits at the log axis' floor, like a 0 s sample.
  const mark = objective === undefined || !Number.isFinite(objective) ? undefined : Math.max(LOG_FLOOR_SECONDS, objective);
  let lo = Math.min(values[0]!, mark ?? Infinity);
  let hi = Math.max(values[values.length - 1]!, mark ?? -Infinity);
  if (hi <= lo * 1.01) {
    lo /= 2;
    hi *= 2;
  }
  const l0 = Math.floor(Math.log10(lo) * 2) / 2;
  const l1 = Math.ceil(Math.log10(hi) * 2) / 2;
  const step = (l1 - l0) / binCount;
  const thresholds = Array.from({ length: binCount - 1 }, (_, i) => l0 + step * (i + 1));
  const binned = bin<number, number>().domain([l0, l1]).thresholds(thresholds)(values.map((v) => Math.log10(v)));
  const bins = binned.map((b) => ({ x0: 10 ** (b.x0 ?? l0), x1: 10 ** (b.x1 ?? l1), share: b.length / values.length }));
  const cdf: Array<[number, number]> = values.map((v, i) => [v, (i + 1) / values.length]);
  return { bins, cdf, domain: [10 ** l0, 10 ** l1] };
}

/** Share of samples above a target, read from the reduced sample (for the chart's annotation). */
export function shareAbove(sample: ReducedSample, target: number): number {
  if (sample.values.length === 0) return 0;
  return sample.values.filter((v) => v > target).length / sample.values.length;
}

export interface TimelineMark {
  index: number;
  startHours: number;
  /** Length in seconds; open incidents run to the horizon. */
  seconds: number;
  open: boolean;
  lostRequests: number;
  causeKind: CauseKind;
  causeId: string;
}

export function timelineMarks(timeline: readonly IncidentRecord[], horizonYears: number): TimelineMark[] {
  const horizonHours = horizonYears * 8760;
  return timeline.map((r, index) => ({
    index,
    startHours: r.startHours,
    seconds: Math.max(LOG_FLOOR_SECONDS, ((r.endHours ?? horizonHours) - r.startHours) * 3600),
    open: r.endHours === null,
    lostRequests: r.lostRequests,
    causeKind: r.firstCause.kind,
    causeId: r.firstCause.kind === 'instance' ? r.firstCause.id.split('#')[0]! : r.firstCause.id,
  }));
}

/** The largest causes, the rest pooled into one "other causes" row (never clickable). */
export type CauseRow = CauseShare & { share: number; other: boolean };

export function topCauses(causes: readonly CauseShare[], limit = 7): CauseRow[] {
  const total = causes.reduce((s, c) => s + c.downtimeHours, 0) || 1;
  const head: CauseRow[] = causes.slice(0, limit).map((c) => ({ ...c, share: c.downtimeHours / total, other: false }));
  const rest = causes.slice(limit);
  if (rest.length > 0) {
    const downtimeHours = rest.reduce((s, c) => s + c.downtimeHours, 0);
    head.push({
      kind: 'node',
      id: '__other__',
      label: `${rest.length} other cause${rest.length === 1 ? '' : 's'}`,
      incidents: rest.reduce((s, c) => s + c.incidents, 0),
      downtimeHours,
      lostRequests: rest.reduce((s, c) => s + c.lostRequests, 0),
      nodes: [],
      regions: [],
      share: downtimeHours / total,
      other: true,
    });
  }
  return head;
}

/** The x domain (in nines) of the availability chart: the CIs and the target, with a margin. */
export function ninesDomain(values: Array<number | null | undefined>): [number, number] {
  const n = values.filter((v): v is number => v !== null && v !== undefined && v < 1).map(nines);
  if (n.length === 0) return [1, 6];
  const lo = Math.max(0, Math.floor(Math.min(...n) * 2 - 0.6) / 2);
  const hi = Math.ceil(Math.max(...n) * 2 + 0.6) / 2;
  return [lo, Math.max(hi, lo + 1)];
}

export const CAUSE_COLORS: Record<CauseKind, string> = {
  node: '#2563eb',
  instance: '#0891b2',
  region: '#dc2626',
  zone: '#ea580c',
  commonCause: '#7c3aed',
};

export const CAUSE_KIND_LABEL: Record<CauseKind, string> = {
  node: 'Component',
  instance: 'Instance',
  region: 'Region',
  zone: 'Zone',
  commonCause: 'Common cause',
};

export function maxShare(bins: readonly HistogramBin[]): number {
  return max(bins, (b) => b.share) ?? 0;
}

/** Durations people think in (seconds), for log time axes. */
const DURATION_TICKS = [0.1, 1, 10, 30, 60, 300, 900, 3600, 4 * 3600, 12 * 3600, 86_400, 3 * 86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400];

/** Round durations inside the domain, thinned to at most `most` ticks. */
export function durationTicks(domain: [number, number], most = 7): number[] {
  const inside = DURATION_TICKS.filter((t) => t >= domain[0] * 0.999 && t <= domain[1] * 1.001);
  if (inside.length <= most) return inside;
  const step = Math.ceil(inside.length / most);
  return inside.filter((_, i) => i % step === 0);
}
