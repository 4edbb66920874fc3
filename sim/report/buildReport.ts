/**
 * The review report: ReviewData in, a list of sections (paragraphs, tables, SVG charts) out, and
 * that document rendered as Markdown or as one self-contained HTML file. Pure (no clock, no I/O),
 * so the app builds the same report in the browser. Imports sim/model, sim/catalog, sim/diagram,
 * sim/report; never Node or the DOM.
 */
import type { Distribution } from '../model/schema';
import { validatePlan } from '../model/validate';
import { CATALOG } from '../catalog';
import { planToSvg, escapeXml } from '../diagram/planToSvg';
import type { ReviewData } from './reviewData';
import { barChart, intervalChart, paretoScatter, quantileChart, tornadoChart } from './charts';

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'svg'; svg: string; alt: string }
  | { kind: 'code'; text: string };

export interface ReportSection {
  /** Stable anchor: "diagram", "assumptions", "results", "objectives", "scenarios", "cost", "strategies", "comparison", "sensitivity", "reproducibility". */
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  sections: ReportSection[];
}

// ── number formats (exported so tests read numbers exactly as the report prints them) ──────────
export const fmtPercent = (x: number): string => `${(100 * x).toFixed(4)} %`;
export const fmtPp = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(4)} pp`;
export const fmtUsd = (x: number): string => `${x < 0 ? '−' : ''}$${Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const fmtMinutes = (x: number): string => `${x.toFixed(1)} min`;
export function fmtSeconds(x: number | null): string {
  if (x === null) return '—';
  if (x < 120) return `${x.toFixed(1)} s`;
  if (x < 7200) return `${(x / 60).toFixed(1)} min`;
  return `${(x / 3600).toFixed(2)} h`;
}
const fmtSignedSeconds = (x: number | null): string => (x === null ? '—' : `${x >= 0 ? '+' : '−'}${fmtSeconds(Math.abs(x))}`);
const fmtSignedUsd = (x: number): string => `${x >= 0 ? '+' : '−'}${fmtUsd(Math.abs(x))}`;
const ci = (m: { ci95: [number, number] | null }, f: (x: number) => string): string => (m.ci95 ? `${f(m.ci95[0])} … ${f(m.ci95[1])}` : 'n/a (one replication)');
const verdict = (met: boolean | null): string => (met === null ? 'not judged' : met ? 'met' : 'MISSED');

/** Four significant digits: enough for an assumption, free of binary noise like 0.016666666666666666. */
const sig = (x: number): string => String(Number(x.toPrecision(4)));

export function describeDistribution(d: Distribution, unit: string): string {
  switch (d.dist) {
    case 'exponential':
      return `exponential, mean ${sig(d.mean)} ${unit}`;
    case 'weibull':
      return `Weibull, shape ${sig(d.shape)}, scale ${sig(d.scale)} ${unit}`;
    case 'lognormal':
      return `lognormal, median ${sig(d.median)} ${unit}, σ ${sig(d.sigma)}`;
    case 'fixed':
      return `fixed ${sig(d.value)} ${unit}`;
    case 'uniform':
      return `uniform ${sig(d.min)}–${sig(d.max)} ${unit}`;
    case 'never':
      return 'never';
  }
}

/** JSON with sorted keys, so a resolved value and a catalog figure compare whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

/** Every catalog figure (an object with a value and a source) under a catalog table. */
function figuresOf(table: unknown, out: Array<{ value: unknown; source: string; flag: string; asOf: string }> = []): typeof out {
  if (!table || typeof table !== 'object') return out;
  const t = table as Record<string, unknown>;
  if ('value' in t && typeof t.source === 'string') out.push({ value: t.value, source: t.source, flag: String(t.flag), asOf: String(t.asOf) });
  else for (const v of Object.values(t)) figuresOf(v, out);
  return out;
}

/** Where a resolved value comes from: the plan when it sets it, else the catalog figure it equals. */
function sourceOf(setInPlan: boolean, value: unknown, table: unknown): string {
  if (setInPlan) return 'set in the plan';
  const key = canonical(value);
  const figure = figuresOf(table).find((f) => canonical(f.value) === key);
  return figure ? `catalog: ${figure.source} (${figure.flag}, ${figure.asOf})` : 'catalog default';
}

function assumptionsSection(data: ReviewData): ReportSection {
  const blocks: Block[] = [];
  const check = validatePlan(data.plan);
  const resolved = check.resolved;
  if (!resolved) return { id: 'assumptions', title: 'Assumptions and their sources', blocks: [{ kind: 'p', text: 'The plan is not valid, so its resolved assumptions cannot be listed.' }] };
  blocks.push({ kind: 'p', text: `Catalog compiled ${CATALOG.meta.asOf} for ${CATALOG.meta.region}. "estimated" figures are derived or judged (basis in the source); "published" ones were read in a provider's or author's text.` });
  const regionRows = resolved.regions.map((r) => {
    const own = data.plan.regions.find((x) => x.id === r.id);
    return [r.id, r.code ?? '—', r.outage ? `${r.outage.ratePerYear}/yr, ${describeDistribution(r.outage.durationHours, 'h')}` : 'none', sourceOf(own?.outage !== undefined, r.outage, CATALOG.region.outage)];
  });
  if (regionRows.length > 0) blocks.push({ kind: 'table', header: ['Region', 'Code', 'Region outages', 'Source'], rows: regionRows });
  const nodeRows: string[][] = [];
  for (const node of resolved.nodes) {
    if (node.kind === 'clients') continue;
    const own = data.plan.nodes.find((x) => x.id === node.id) as { reliability?: unknown } | undefined;
    const rel = node.reliability;
    if (!rel) continue;
    nodeRows.push([node.id, node.kind, describeDistribution(rel.timeToFailureHours, 'h'), describeDistribution(rel.timeToRepairHours, 'h'), sourceOf(own?.reliability !== undefined, rel, CATALOG.reliability)]);
  }
  blocks.push({ kind: 'table', header: ['Node', 'Kind', 'Time to failure', 'Time to repair', 'Source'], rows: nodeRows });
  const detection: string[][] = [];
  for (const node of resolved.nodes) {
    if (node.kind === 'dns') detection.push([node.id, `health check every ${node.healthCheck.intervalSeconds} s, ${node.healthCheck.failureThreshold} failures${node.healthCheck.manual ? ' (manual)' : ''}; TTL ${node.ttlSeconds} s`]);
    if (node.kind === 'loadBalancer') detection.push([node.id, `health check every ${node.healthCheck.intervalSeconds} s, ${node.healthCheck.failureThreshold} failures`]);
    if (node.kind === 'datastore') detection.push([node.id, `promotion ${node.promotion.automatic ? 'automatic' : 'manual'}, succeeds with probability ${sig(node.promotion.successProbability)}`]);
  }
  for (const e of resolved.edges) if (e.kind === 'replication') detection.push([`${e.from} → ${e.to}`, `${e.mode} replication, lag ${describeDistribution(e.lagSeconds, 's')}`]);
  if (detection.length > 0) blocks.push({ kind: 'table', header: ['Part', 'Detection, failover and data settings'], rows: detection });
  const o = resolved.objectives;
  const objectiveList = Object.entries(o).filter(([k]) => k !== 'exceedanceMax').map(([k, v]) => `${k}: ${String(v)}`);
  blocks.push({ kind: 'p', text: objectiveList.length > 0 ? `Objectives: ${objectiveList.join('; ')}.` : 'The plan sets no objectives.' });
  return { id: 'assumptions', title: 'Assumptions and their sources', blocks };
}

function resultsSection(data: ReviewData): ReportSection {
  const r = data.simulation;
  if (!r) return { id: 'results', title: 'Results', blocks: [{ kind: 'p', text: 'No simulation was run for this report.' }] };
  const a = r.availability;
  const blocks: Block[] = [
    { kind: 'p', text: `${r.replications} replications × ${r.horizonYears} years, seed ${r.seed}; 95 % intervals are Student-t over replications.` },
    ...(data.reproducibility.resultFile ? [{ kind: 'p' as const, text: `These results were read from the result file ${data.reproducibility.resultFile} (checked against this plan's SHA-256), not simulated for this report.` }] : []),
    {
      kind: 'table',
      header: ['Measure', 'Mean', '95 % interval'],
      rows: [
        ['Availability (request-weighted)', fmtPercent(a.requestWeighted.mean), ci(a.requestWeighted, fmtPercent)],
        ['Availability (time-weighted)', fmtPercent(a.timeWeighted.mean), ci(a.timeWeighted, fmtPercent)],
        ['Downtime a year', fmtMinutes(r.downtimeMinutesPerYear.mean), ci(r.downtimeMinutesPerYear, fmtMinutes)],
        ['Lost requests a year', r.lostRequestsPerYear.mean.toFixed(0), ci(r.lostRequestsPerYear, (x) => x.toFixed(0))],
        ['Incidents a year', r.incidents.perYear.toFixed(3), `${r.incidents.count} incidents in all`],
      ],
    },
    {
      kind: 'table',
      header: ['Sample', 'Count', 'p50', 'p95', 'p99', 'Max'],
      rows: [
        ['RTO', String(r.rtoSeconds.count), fmtSeconds(r.rtoSeconds.p50), fmtSeconds(r.rtoSeconds.p95), fmtSeconds(r.rtoSeconds.p99), fmtSeconds(r.rtoSeconds.max)],
        ['RPO', String(r.rpoSeconds.count), fmtSeconds(r.rpoSeconds.p50), fmtSeconds(r.rpoSeconds.p95), fmtSeconds(r.rpoSeconds.p99), fmtSeconds(r.rpoSeconds.max)],
      ],
    },
  ];
  const target = data.plan.objectives?.availability;
  blocks.push({ kind: 'svg', alt: 'Availability with its 95 % interval', svg: intervalChart('Availability, mean and 95 % interval', [
    { label: 'request-weighted', mean: a.requestWeighted.mean, low: a.requestWeighted.ci95?.[0] ?? null, high: a.requestWeighted.ci95?.[1] ?? null },
    { label: 'time-weighted', mean: a.timeWeighted.mean, low: a.timeWeighted.ci95?.[0] ?? null, high: a.timeWeighted.ci95?.[1] ?? null },
  ], fmtPercent, target !== undefined ? { value: target, label: `objective ${fmtPercent(target)}` } : undefined) });
  blocks.push({ kind: 'svg', alt: 'RTO and RPO distributions', svg: quantileChart('RTO and RPO distributions', [{ label: 'RTO', ...r.rtoSeconds }, { label: 'RPO', ...r.rpoSeconds }], fmtSeconds) });
  // Only the first replication keeps incident records (RESULT-CONTRACT.md), so causes are read there.
  const byCause = new Map<string, number>();
  for (const inc of r.incidents.timeline) {
    const end = inc.endHours ?? r.horizonYears * 8760;
    const key = `${inc.firstCause.kind} ${inc.firstCause.id}`;
    byCause.set(key, (byCause.get(key) ?? 0) + ((end - inc.startHours) * 60) / r.horizonYears);
  }
  const causes = [...byCause].map(([label, value]) => ({ label, value })).sort((x, y) => y.value - x.value).slice(0, 12);
  blocks.push({ kind: 'svg', alt: 'Downtime by first cause', svg: barChart('Downtime a year by first cause (the first replication’s incidents)', causes, fmtMinutes) });
  if (r.sloAttainment) blocks.push({ kind: 'p', text: `SLO attainment: ${r.sloAttainment.monthsMet} of ${r.sloAttainment.months} simulated months (${fmtPercent(r.sloAttainment.share)}) met ${fmtPercent(r.sloAttainment.objective)}.` });
  return { id: 'results', title: 'Results', blocks };
}

function objectivesSection(data: ReviewData): ReportSection {
  const rows: string[][] = [];
  if (data.simulation) for (const [k, o] of Object.entries(data.simulation.objectives)) rows.push([k, String(o.target), o.value === null ? '—' : String(Number(o.value.toPrecision(6))), verdict(o.met)]);
  const b = data.cost?.budget;
  if (b) rows.push(['monthlyBudgetUsd', fmtUsd(b.limitUsdPerMonth), fmtUsd(b.judgedUsdPerMonth), verdict(b.met)]);
  const blocks: Block[] = rows.length > 0 ? [{ kind: 'table', header: ['Objective', 'Target', 'Value', 'Verdict'], rows }] : [{ kind: 'p', text: data.simulation ? 'The plan sets no objectives.' : 'No simulation was run, so no objective is judged.' }];
  const missed = rows.filter((r) => r[3] === 'MISSED').map((r) => r[0]!);
  if (rows.length > 0) blocks.unshift({ kind: 'p', text: missed.length === 0 ? 'Every judged objective is met.' : `Missed: ${missed.join(', ')}.` });
  if (data.simulation && ('rtoSeconds' in data.simulation.objectives || 'rpoSeconds' in data.simulation.objectives)) {
    const allowed = validatePlan(data.plan).resolved?.objectives.exceedanceMax;
    blocks.push({ kind: 'p', text: `For rtoSeconds and rpoSeconds the value is the share of samples above the target; it is met when at most ${allowed ?? 'the allowed share'}.` });
  }
  return { id: 'objectives', title: 'Objectives', blocks };
}

function scenariosSection(data: ReviewData): ReportSection {
  const s = data.scenarios;
  if (!s || s.length === 0) return { id: 'scenarios', title: 'Scenarios', blocks: [{ kind: 'p', text: data.plan.scenarios && data.plan.scenarios.length > 0 ? 'The scripted scenarios were not replayed for this report.' : 'The plan scripts no scenarios.' }] };
  return {
    id: 'scenarios',
    title: 'Scenarios',
    blocks: [
      { kind: 'p', text: `Each scripted scenario replayed ${s[0]!.replications} times.` },
      {
        kind: 'table',
        header: ['Scenario', 'At', 'Lasting', 'RTO mean', 'RTO max', 'RPO max', 'Lost requests (mean)', 'Objectives'],
        rows: s.map((x) => [x.name, `${x.atHours} h`, `${x.durationHours} h`, fmtSeconds(x.rtoSeconds.mean), fmtSeconds(x.rtoSeconds.max), fmtSeconds(x.rpoSeconds.max), x.lostRequests.mean.toFixed(0), Object.entries(x.objectives).map(([k, o]) => `${k} ${verdict(o.met)}`).join(', ') || '—']),
      },
    ],
  };
}

function costSection(data: ReviewData): ReportSection {
  const c = data.cost;
  if (!c) return { id: 'cost', title: 'Cost and TCO', blocks: [{ kind: 'p', text: 'Cost was not computed for this report.' }] };
  const blocks: Block[] = [
    {
      kind: 'table',
      header: ['Line', 'USD a month'],
      rows: [
        ['Infrastructure', fmtUsd(c.infrastructureUsdPerMonth)],
        ['Operations', fmtUsd(c.operationsUsdPerMonth)],
        ['Infrastructure + operations', fmtUsd(c.monthlyUsd)],
        ['Expected downtime', c.downtime ? fmtUsd(c.downtime.usdPerMonth) : 'not computed (no availability or downtime price)'],
        ['Total cost of ownership', fmtUsd(c.tcoUsdPerMonth)],
        ['One-off engineering (paid once)', fmtUsd(c.oneOffEngineeringUsd)],
      ],
    },
    { kind: 'svg', alt: 'Monthly cost by node', svg: barChart('Monthly cost by node', c.byNode.filter((b) => b.usdPerMonth > 0).sort((a, b) => b.usdPerMonth - a.usdPerMonth).map((b) => ({ label: b.node, value: b.usdPerMonth })), fmtUsd) },
    {
      kind: 'table',
      header: ['Node', 'Item', 'Quantity', 'USD a month', 'Source (as of, flag)'],
      rows: c.lines.filter((l) => l.kind === 'charge').map((l) => [l.node ?? '(plan)', l.item, `${l.quantity} ${l.unit}`, fmtUsd(l.usdPerMonth), `${l.source} (${l.asOf}, ${l.flag})`]),
    },
  ];
  if (c.unpricedNodes.length > 0) blocks.push({ kind: 'p', text: `Not priced: ${c.unpricedNodes.join(', ')}.` });
  for (const w of c.warnings) blocks.push({ kind: 'p', text: `Caution: ${w}` });
  return { id: 'cost', title: 'Cost and TCO', blocks };
}

function strategiesSection(data: ReviewData): ReportSection {
  const m = data.strategies;
  if (!m) return { id: 'strategies', title: 'Strategy matrix', blocks: [{ kind: 'p', text: 'The strategy matrix was not measured for this report.' }] };
  return {
    id: 'strategies',
    title: 'Strategy matrix',
    blocks: [
      { kind: 'p', text: `Measured by removing each used strategy (ablation) on seed ${m.seed}, ${m.replications} replications × ${m.horizonYears} years; Δ = without the strategy − the plan, paired. Qualitative columns: ${m.matrixSource.source}.` },
      {
        kind: 'table',
        header: ['Strategy', 'Used', 'Complexity', 'Cost', 'Effectiveness', 'Δ availability (95 % CI)', 'Δ downtime/yr', 'Δ RTO p95', 'Δ cost/month'],
        rows: m.rows.map((r) => [
          r.name,
          r.used ? 'yes' : 'no',
          r.qualitative.complexity,
          r.qualitative.cost,
          r.qualitative.effectiveness,
          r.measured ? `${fmtPp(r.measured.availability.mean)} (${ci(r.measured.availability, fmtPp)})` : (r.notMeasured ?? '—'),
          r.measured ? `${r.measured.downtimeMinutesPerYear.mean >= 0 ? '+' : '−'}${fmtMinutes(Math.abs(r.measured.downtimeMinutesPerYear.mean))}` : '—',
          r.measured ? fmtSignedSeconds(r.measured.rtoP95Seconds) : '—',
          r.measured ? fmtSignedUsd(r.measured.monthlyUsd) : '—',
        ]),
      },
    ],
  };
}

function comparisonSection(data: ReviewData): ReportSection | null {
  const c = data.comparison;
  if (!c) return null;
  const first = c.designs[0]!.label;
  return {
    id: 'comparison',
    title: 'Designs compared',
    blocks: [
      { kind: 'p', text: `${c.designs.length} designs on seed ${c.seed}, ${c.replications} paired replications × ${c.horizonYears} years (common random numbers); differences against ${first}.` },
      {
        kind: 'table',
        header: ['Design', 'Availability', 'Downtime/yr', 'RTO p95', 'Cost/month', 'TCO/month', 'Objectives', 'Pareto', `Δ availability vs ${first} (95 % CI)`],
        rows: c.designs.map((d) => [
          d.label,
          fmtPercent(d.availability.mean),
          fmtMinutes(d.downtimeMinutesPerYear.mean),
          fmtSeconds(d.rtoP95Seconds),
          fmtUsd(d.monthlyUsd),
          fmtUsd(d.tcoUsdPerMonth),
          d.meetsAll === null ? 'none judged' : d.meetsAll ? 'all met' : `missed ${d.objectives.filter((o) => o.met === false).map((o) => o.objective).join(', ')}`,
          d.pareto ? 'yes' : '',
          d.vsFirst ? `${fmtPp(d.vsFirst.availability.mean)} (${ci(d.vsFirst.availability, fmtPp)})${d.vsFirst.availabilitySignificant ? '' : ' n.s.'}` : '(reference)',
        ]),
      },
      { kind: 'svg', alt: 'Cost against unavailability with the Pareto front', svg: paretoScatter('Cost against unavailability; Pareto front in green', c.designs.map((d) => ({ label: d.label, cost: d.monthlyUsd, unavailability: 1 - d.availability.mean, pareto: d.pareto })), fmtUsd, (u) => fmtPercent(u)) },
      { kind: 'p', text: `Pareto set, cheapest first: ${c.paretoSet.join(', ')}. Ranking by TCO, lowest first: ${c.rankingByTco.join(', ')}.` },
    ],
  };
}

function sensitivitySection(data: ReviewData): ReportSection | null {
  const s = data.sensitivity;
  if (!s) return null;
  const top = s.parameters.slice(0, 15);
  return {
    id: 'sensitivity',
    title: 'Sensitivity (tornado)',
    blocks: [
      { kind: 'p', text: `Each parameter moved to the low and high end of its range, on seed ${s.seed} with the base run's ${s.replications} replications × ${s.horizonYears} years (common random numbers). Base availability ${fmtPercent(s.base.availability.mean)}, RTO p95 ${fmtSeconds(s.base.rtoP95Seconds)}, ${fmtUsd(s.base.monthlyUsd)} a month.` },
      { kind: 'svg', alt: 'Tornado of availability changes', svg: tornadoChart('Δ availability at each end of the range (largest swing first)', top.map((p) => ({ label: p.label, low: p.low.availability.mean, high: p.high.availability.mean })), fmtPp) },
      {
        kind: 'table',
        header: ['Parameter', 'Low … high', 'Δ availability low (95 % CI)', 'Δ availability high (95 % CI)', 'Δ RTO p95 low / high', 'Δ cost/month low / high', 'Range basis'],
        rows: s.parameters.map((p) => [
          p.label,
          `${p.low.setting} … ${p.high.setting} ${p.unit}`,
          `${fmtPp(p.low.availability.mean)} (${ci(p.low.availability, fmtPp)})`,
          `${fmtPp(p.high.availability.mean)} (${ci(p.high.availability, fmtPp)})`,
          `${fmtSignedSeconds(p.low.rtoP95DeltaSeconds)} / ${fmtSignedSeconds(p.high.rtoP95DeltaSeconds)}`,
          `${fmtSignedUsd(p.low.monthlyUsdDelta)} / ${fmtSignedUsd(p.high.monthlyUsdDelta)}`,
          `${p.range.origin === 'user' ? 'user; ' : ''}${p.range.basis}`,
        ]),
      },
    ],
  };
}

function reproducibilitySection(data: ReviewData): ReportSection {
  const r = data.reproducibility;
  const rows = [
    ['Plan hash (SHA-256)', r.planHash],
    ['Seed', String(r.seed)],
    ['Run size', `${r.replications} replications × ${r.horizonYears} years`],
    ['Product version', r.productVersion],
  ];
  if (r.resultFile) rows.push(['Results from', `${r.resultFile} (a simulate/merge result file of this plan)`]);
  if (data.generatedAt) rows.push(['Generated', data.generatedAt]);
  return {
    id: 'reproducibility',
    title: 'Reproducibility',
    blocks: [
      { kind: 'table', header: ['Item', 'Value'], rows },
      { kind: 'p', text: 'Regenerate this report (same plan file and seed give the same numbers):' },
      { kind: 'code', text: r.command },
    ],
  };
}

/** The report as sections, in reading order; comparison and sensitivity appear only when run. */
export function buildReport(data: ReviewData): ReportDocument {
  const diagram = data.diagramSvg ?? planToSvg(data.plan);
  const sections: Array<ReportSection | null> = [
    { id: 'diagram', title: 'Diagram', blocks: [{ kind: 'svg', svg: diagram, alt: `Diagram of ${data.plan.name}` }] },
    assumptionsSection(data),
    resultsSection(data),
    objectivesSection(data),
    scenariosSection(data),
    costSection(data),
    strategiesSection(data),
    comparisonSection(data),
    sensitivitySection(data),
    reproducibilitySection(data),
  ];
  return { title: `Design review: ${data.plan.name}`, sections: sections.filter((s): s is ReportSection => s !== null) };
}

// ── renderers ─────────────────────────────────────────────────────────────────────────────────
const mdCell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const mdText = (s: string): string => s.replace(/([\\`*_[\]<>#])/g, '\\$1');

/** Markdown; charts are inline SVG data URIs so the file stays self-contained. */
export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${mdText(doc.title)}`, ''];
  for (const s of doc.sections) {
    out.push(`## ${mdText(s.title)}`, '');
    for (const b of s.blocks) {
      if (b.kind === 'p') out.push(mdText(b.text), '');
      else if (b.kind === 'list') out.push(...b.items.map((i) => `- ${mdText(i)}`), '');
      else if (b.kind === 'code') out.push('```', b.text, '```', '');
      else if (b.kind === 'svg') out.push(`![${mdCell(b.alt)}](data:image/svg+xml;charset=utf-8,${encodeURIComponent(b.svg)})`, '');
      else {
        out.push(`| ${b.header.map(mdCell).join(' | ')} |`, `| ${b.header.map(() => '---').join(' | ')} |`);
        for (const r of b.rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
        out.push('');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#0f172a;max-width:1100px;margin:24px auto;padding:0 24px;line-height:1.45}
h1{font-size:26px}h2{font-size:19px;border-bottom:1px solid #e2e8f0;padding-bottom:4px;margin-top:32px}
table{border-collapse:collapse;margin:10px 0;font-size:13px;width:100%}th,td{border:1px solid #e2e8f0;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f1f5f9}
figure{margin:12px 0}figure svg{max-width:100%;height:auto}pre{background:#f1f5f9;padding:8px;white-space:pre-wrap;word-break:break-all}
nav a{margin-right:12px}
@media print{body{margin:0;max-width:none}section{break-inside:auto}figure,tr{break-inside:avoid}h2{break-after:avoid}}`;

/** One self-contained HTML file: inline CSS, inline SVG, no script and no external reference. */
export function renderHtml(doc: ReportDocument): string {
  const e = escapeXml;
  const body: string[] = [];
  body.push(`<h1>${e(doc.title)}</h1>`);
  body.push(`<nav>${doc.sections.map((s) => `<a href="#${s.id}">${e(s.title)}</a>`).join('')}</nav>`);
  for (const s of doc.sections) {
    body.push(`<section id="${s.id}"><h2>${e(s.title)}</h2>`);
    for (const b of s.blocks) {
      if (b.kind === 'p') body.push(`<p>${e(b.text)}</p>`);
      else if (b.kind === 'list') body.push(`<ul>${b.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`);
      else if (b.kind === 'code') body.push(`<pre><code>${e(b.text)}</code></pre>`);
      else if (b.kind === 'svg') body.push(`<figure>${b.svg.replace(/^<\?xml[^>]*>\s*/, '')}<figcaption>${e(b.alt)}</figcaption></figure>`);
      else body.push(`<table><thead><tr>${b.header.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    }
    body.push('</section>');
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(doc.title)}</title><style>${CSS}</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}
