/**
 * The Cost panel's data (pure): the cost model's itemised report regrouped for reading — one group
 * per node, largest first, then the plan-wide operations lines — the segments of the stacked bar
 * (infrastructure by node, operations, expected downtime) and where the downtime cost comes from.
 */
import type { CostLine, CostReport } from '../../sim/cost';

export interface CostGroup {
  /** Node id, or null for the plan-wide lines (engineering, drills, region notes). */
  node: string | null;
  label: string;
  usdPerMonth: number;
  priced: boolean;
  lines: CostLine[];
}

export function costGroups(report: CostReport, nameOf: (id: string) => string = (id) => id): CostGroup[] {
  const groups: CostGroup[] = report.byNode.map((n) => ({
    node: n.node,
    label: nameOf(n.node),
    usdPerMonth: n.usdPerMonth,
    priced: n.priced,
    lines: report.lines.filter((l) => l.node === n.node),
  }));
  groups.sort((a, b) => b.usdPerMonth - a.usdPerMonth || a.label.localeCompare(b.label));
  const planWide = report.lines.filter((l) => l.node === null);
  if (planWide.length > 0) {
    groups.push({ node: null, label: 'Plan-wide (operations, drills, notes)', usdPerMonth: planWide.reduce((s, l) => s + l.usdPerMonth, 0), priced: true, lines: planWide });
  }
  return groups;
}

export interface CostSegment {
  key: string;
  label: string;
  kind: 'infrastructure' | 'operations' | 'downtime';
  usdPerMonth: number;
  /** Running total before this segment (where it starts on the bar). */
  start: number;
}

/**
 * The stacked bar of the total cost of ownership: each priced node's infrastructure (largest first),
 * operations, then expected downtime. Zero segments are left out.
 */
export function costSegments(report: CostReport, nameOf: (id: string) => string = (id) => id): CostSegment[] {
  const parts: Array<Omit<CostSegment, 'start'>> = [];
  const infraByNode = new Map<string, number>();
  for (const l of report.lines) {
    if (l.category !== 'infrastructure' || l.usdPerMonth === 0) continue;
    const key = l.node ?? '(plan)';
    infraByNode.set(key, (infraByNode.get(key) ?? 0) + l.usdPerMonth);
  }
  [...infraByNode]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .forEach(([node, usd]) => parts.push({ key: `node:${node}`, label: node === '(plan)' ? 'plan-wide' : nameOf(node), kind: 'infrastructure', usdPerMonth: usd }));
  if (report.operationsUsdPerMonth > 0) parts.push({ key: 'operations', label: 'Operations effort', kind: 'operations', usdPerMonth: report.operationsUsdPerMonth });
  if (report.downtime && report.downtime.usdPerMonth > 0) parts.push({ key: 'downtime', label: 'Expected downtime', kind: 'downtime', usdPerMonth: report.downtime.usdPerMonth });
  let start = 0;
  return parts.map((p) => {
    const s = { ...p, start };
    start += p.usdPerMonth;
    return s;
  });
}

/** Where the availability behind the downtime cost comes from, said in words. */
export interface DowntimeSource {
  availability: number;
  /** "run at plan revision 4: 200 replications × 10 years, seed 1" */
  describe: string;
  stale: boolean;
}

export function downtimeSource(run: { availability: number; replications: number; horizonYears: number; seed: number; revision: number | null; stale: boolean } | null): DowntimeSource | null {
  if (!run) return null;
  const when = run.revision === null || run.revision < 0 ? 'the run restored from an earlier session' : `the run of plan revision ${run.revision}`;
  return {
    availability: run.availability,
    describe: `${when}: ${run.replications} replications × ${run.horizonYears} years, seed ${run.seed}${run.stale ? ' (the plan has changed since; run again to update)' : ''}`,
    stale: run.stale,
  };
}

export function formatUsd(x: number): string {
  const abs = Math.abs(x);
  const digits = abs !== 0 && abs < 10 ? 2 : 0;
  return `${x < 0 ? '−' : ''}$${abs.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** One line's hover text: how it was priced and from what. */
export function lineTooltip(l: CostLine): string {
  const parts = [`${l.item}`];
  if (l.kind === 'charge') parts.push(`${trim(l.quantity)} ${l.unit} × ${formatUsd(l.unitPriceUsd).replace(/\.00$/, '')} (${l.unitPriceUsd}) = ${formatUsd(l.usdPerMonth)}/month`);
  if (l.rateKey) parts.push(`price: ${l.rateKey}`);
  parts.push(`source: ${l.source} (as of ${l.asOf}, ${l.flag})`);
  if (l.note) parts.push(l.note);
  if (l.assumptions.length > 0) parts.push(`assumes ${l.assumptions.join(', ')}`);
  return parts.join('\n');
}

function trim(x: number): string {
  return Number.isInteger(x) ? String(x) : x < 1 ? x.toPrecision(3) : x.toFixed(2);
}
