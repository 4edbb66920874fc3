// The review report builder: every section present and in order, sections that were not run say
// so, user text escaped, the HTML self-contained, and the same data giving the same bytes.
import { describe, expect, it } from 'vitest';
import { buildReport, describeDistribution, fmtPercent, renderHtml, renderMarkdown } from '../../../sim/report/buildReport';
import { barChart, intervalChart, paretoScatter, quantileChart, tornadoChart } from '../../../sim/report/charts';
import type { ReviewData } from '../../../sim/report/reviewData';
import { evaluateDesign, type ReplicationRunner } from '../../../sim/analysis/design';
import { accumulateReplications, pairedRecordOf, type PairedRecord } from '../../../sim/engine/monteCarlo';
import type { Plan } from '../../../sim/model/schema';
import { getTemplate } from '../../../sim/templates';

const inThread: ReplicationRunner = async (p, s) => {
  const records: PairedRecord[] = [];
  const statistics = accumulateReplications(p, { fromReplication: 0, count: s.replications, seed: s.seed, horizonYears: s.horizonYears, onSummary: (r) => records.push(pairedRecordOf(r)) });
  return { statistics, records };
};

const reproducibility = { planHash: 'ab'.repeat(32), seed: 9, replications: 4, horizonYears: 2, productVersion: '0.0.0-test', command: 'resilience report x.plan.json --seed 9 --format html --out r.html' };

async function data(): Promise<ReviewData> {
  const plan = structuredClone(getTemplate('single-region-lb')!.plan) as Plan;
  plan.name = 'Shop <script>alert(1)</script> & co';
  const d = await evaluateDesign(plan, { seed: 9, replications: 4, horizonYears: 2 }, inThread);
  return { plan: d.plan, simulation: d.result, cost: d.cost, reproducibility };
}

describe('buildReport', () => {
  it('orders the sections, says which parts were not run, and leaves out comparison and tornado when not run', async () => {
    const doc = buildReport(await data());
    expect(doc.sections.map((s) => s.id)).toEqual(['diagram', 'assumptions', 'results', 'objectives', 'scenarios', 'cost', 'strategies', 'reproducibility']);
    const strategies = doc.sections.find((s) => s.id === 'strategies')!;
    expect(strategies.blocks).toEqual([{ kind: 'p', text: 'The strategy matrix was not measured for this report.' }]);
    const only = buildReport({ plan: (await data()).plan, reproducibility });
    expect(only.sections.find((s) => s.id === 'results')!.blocks[0]).toEqual({ kind: 'p', text: 'No simulation was run for this report.' });
  });

  it('cites the catalog for defaults and the plan for what it sets', async () => {
    const d = await data();
    const assumptions = buildReport(d).sections.find((s) => s.id === 'assumptions')!;
    const nodes = assumptions.blocks.find((b) => b.kind === 'table' && b.header[0] === 'Node') as { rows: string[][] };
    const sources = nodes.rows.map((r) => r[4]!);
    expect(sources.some((s) => s.startsWith('catalog: shared/reference/catalog-research.md'))).toBe(true);
    expect(describeDistribution({ dist: 'lognormal', median: 1 / 60, sigma: 0.5 }, 'h')).toBe('lognormal, median 0.01667 h, σ 0.5');
  });

  it('renders one self-contained, escaped HTML file and Markdown, byte-identical for the same data', async () => {
    const d = await data();
    const html = renderHtml(buildReport(d));
    expect(html).not.toContain('<script>');
    expect(html).toContain('Shop &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<link\b|@import|url\((?!#)/); // url(#marker) points inside the file
    for (const id of ['diagram', 'assumptions', 'results', 'objectives', 'scenarios', 'cost', 'strategies', 'reproducibility']) expect(html).toContain(`<section id="${id}">`);
    expect(html).toContain(fmtPercent(d.simulation!.availability.requestWeighted.mean));
    expect(renderHtml(buildReport(await data()))).toBe(html);
    const md = renderMarkdown(buildReport(d));
    expect(md).toContain('## Reproducibility');
    expect(md).toContain(`| Seed | 9 |`);
    expect(md).toContain('Shop \\<script\\>alert(1)\\</script\\> & co');
    expect(md).toMatch(/!\[Availability with its 95 % interval\]\(data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });
});

describe('charts', () => {
  it('draw well-formed SVG for empty and one-point data without NaN', () => {
    const charts = [
      intervalChart('t', [{ label: 'a', mean: 0.99, low: null, high: null }], String),
      quantileChart('t', [{ label: 'RTO', min: null, p50: null, p95: null, p99: null, max: null }], String),
      barChart('t', [], String),
      paretoScatter('t', [{ label: 'x', cost: 10, unavailability: 0, pareto: true }], String, String),
      tornadoChart('t', [], String),
      tornadoChart('t', [{ label: 'p', low: 0, high: 0 }], String),
    ];
    for (const svg of charts) {
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>.*<\/svg>$/s);
      expect(svg).not.toContain('NaN');
      expect(svg).not.toContain('Infinity');
    }
  });
});
