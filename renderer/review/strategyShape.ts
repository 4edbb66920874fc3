/**
 * The Strategy matrix panel's rows (pure): each of the eight strategies with the article's
 * qualitative levels beside the measured effect of removing it (ablated − as written), written
 * for reading — percentage points with the paired 95 % interval, a verdict on whether the
 * strategy measurably helps this plan — and the plan nodes that implement it.
 */
import { CATALOG } from '../../sim/catalog';
import type { StrategyFinding } from '../../sim/analysis/strategies';
import type { StrategyMatrix } from '../../sim/analysis/strategyMatrix';
import { formatDuration } from '../results/format';
import { formatUsd } from './costShape';

/** Percentage points with a sign; tiny non-zero differences keep two significant digits. */
export function formatPp(x: number): string {
  const v = Math.abs(100 * x);
  const body = v !== 0 && v < 0.0001 ? v.toExponential(1) : v.toFixed(4);
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${body} pp`;
}

export function signed(x: number | null, f: (v: number) => string): string {
  if (x === null) return '—';
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${f(Math.abs(x))}`;
}

export type Verdict = 'helps' | 'hurts' | 'no measurable effect' | 'not used' | 'not measured';

export interface MatrixRow {
  id: StrategyMatrix['rows'][number]['id'];
  name: string;
  used: boolean;
  reason: string;
  qualitative: StrategyMatrix['rows'][number]['qualitative'];
  /** Δ availability without it, its interval, or why there is none. */
  availability: string;
  interval: string;
  downtime: string;
  rtoP95: string;
  rpoP95: string;
  cost: string;
  verdict: Verdict;
  /** Plan node ids that implement (or, when unused, concern) the strategy. */
  nodes: string[];
  ablation: string;
}

export function matrixRows(matrix: StrategyMatrix, findings: readonly StrategyFinding[]): MatrixRow[] {
  return matrix.rows.map((r) => {
    const d = r.measured;
    const nodes = findings.find((f) => f.id === r.id)?.nodes ?? [];
    let verdict: Verdict;
    if (!r.used) verdict = 'not used';
    else if (!d) verdict = 'not measured';
    else if (!d.availabilitySignificant) verdict = 'no measurable effect';
    // Removing a useful strategy loses availability: a negative difference.
    else verdict = d.availability.mean < 0 ? 'helps' : 'hurts';
    const ci = d?.availability.ci95;
    return {
      id: r.id,
      name: r.name,
      used: r.used,
      reason: r.reason,
      qualitative: r.qualitative,
      availability: d ? formatPp(d.availability.mean) : r.used ? 'not measured' : '—',
      interval: d ? (ci ? `${formatPp(ci[0])} … ${formatPp(ci[1])}` : 'one replication: no interval') : (r.notMeasured ?? ''),
      downtime: d ? `${signed(d.downtimeMinutesPerYear.mean, (x) => x.toFixed(1))} min/yr` : '—',
      rtoP95: d ? signed(d.rtoP95Seconds, (x) => formatDuration(x)) : '—',
      rpoP95: d ? signed(d.rpoP95Seconds, (x) => formatDuration(x)) : '—',
      cost: d ? signed(d.monthlyUsd, formatUsd) : '—',
      verdict,
      nodes,
      ablation: r.used ? (r.ablation.changes.length > 0 ? r.ablation.changes.join('; ') : 'nothing to remove') : r.ablation.rule,
    };
  });
}

/** The rows before anything is measured: detection, the article's levels and the ablation rule only. */
export function unmeasuredRows(findings: readonly StrategyFinding[], rules: Record<MatrixRow['id'], string>): MatrixRow[] {
  return findings.map((f) => {
    const s = CATALOG.strategies.byId[f.id];
    return {
      id: f.id,
      name: s.name,
      used: f.used,
      reason: f.reason,
      qualitative: { complexity: s.complexity, cost: s.cost, scalability: s.scalability, effectiveness: s.effectiveness },
      availability: f.used ? 'not measured yet' : '—',
      interval: '',
      downtime: '—',
      rtoP95: '—',
      rpoP95: '—',
      cost: '—',
      verdict: f.used ? 'not measured' : 'not used',
      nodes: f.nodes,
      ablation: rules[f.id],
    };
  });
}
