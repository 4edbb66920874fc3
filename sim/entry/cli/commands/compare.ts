// `resilience compare <plan.json> <plan.json | patch.json>... [--json] [run options]`: simulates two
// or more designs on the same seed (a patch file, an RFC 6902 JSON Patch, is applied to the first
// plan), and prints paired differences against the first, the cost / unavailability Pareto set, a
// ranking by total cost of ownership and which objectives each design meets.
// JSON shape: sim/cost/COST-CONTRACT.md.
import { basename } from 'node:path';
import { applyVariant, compareDesigns, designsWithVariants, PatchApplyError, type Comparison, type DesignInput } from '../../../analysis/compare';
import { DesignError } from '../../../analysis/design';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../cliTypes';
import { usd } from './cost';
import { loadPlanForRun, poolRunner, readJsonFile, RUN_FLAGS, RUN_USAGE, runFlags, runSettings, stepProgress } from './planRun';

const USAGE = `Usage: resilience compare <plan.json> [<plan.json | patch.json>...] [--json] [--seed N] [--replications R] [--years Y] [--workers W]

Simulates every design on the same seed and replications (common random numbers) and reports
each one's availability, downtime, RTO/RPO p95, monthly cost and TCO, its objectives, paired
differences against the first design with 95 % intervals, and the Pareto set of monthly cost
(infrastructure + operations) against unavailability.
A file holding a JSON array is an RFC 6902 JSON Patch applied to the first plan, e.g.
  [{ "op": "replace", "path": "/nodes/gw-east/instances", "value": 6 }]
(a path may name an entry of nodes, regions, commonCauses or scenarios by its id or its index).
The variants the first plan keeps in its own "variants" list come right after it, as
"<plan> + <variant name>"; then the other files. One plan with variants is enough.
  --json            print exactly one JSON object on stdout (see sim/cost/COST-CONTRACT.md)
${RUN_USAGE}`;

const pct = (x: number): string => `${(100 * x).toFixed(4)} %`;
// Percentage points; differences below 0.0001 pp keep two significant digits instead of rounding to 0.
const pp = (x: number): string => {
  const v = Math.abs(100 * x);
  return `${x >= 0 ? '+' : '−'}${v !== 0 && v < 0.0001 ? v.toExponential(1) : v.toFixed(4)} pp`;
};

function comparisonText(c: Comparison): string {
  const out: string[] = [];
  out.push(`${c.designs.length} designs, ${c.replications} paired replications × ${c.horizonYears} years, seed ${c.seed}`);
  out.push('');
  const header = ['Design', 'Availability', 'Downtime/yr', 'Cost/month', 'TCO/month', 'Objectives', 'Pareto', `Δ availability vs ${c.designs[0]!.label} (95 % CI)`];
  const rows = [...c.designs]
    .sort((a, b) => a.monthlyUsd - b.monthlyUsd)
    .map((d) => {
      const missed = d.objectives.filter((o) => o.met === false).map((o) => o.objective);
      const v = d.vsFirst;
      const ci = v?.availability.ci95 ? ` (${pp(v.availability.ci95[0])} … ${pp(v.availability.ci95[1])})` : '';
      return [
        d.label,
        pct(d.availability.mean),
        `${d.downtimeMinutesPerYear.mean.toFixed(1)} min`,
        usd(d.monthlyUsd),
        usd(d.tcoUsdPerMonth),
        d.meetsAll === null ? 'none set' : d.meetsAll ? 'all met' : `missed ${missed.join(', ')}`,
        d.pareto ? 'yes' : '',
        v ? `${pp(v.availability.mean)}${ci}${v.availabilitySignificant ? '' : ' n.s.'}` : '(reference)',
      ];
    });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  out.push(header.map((h, i) => h.padEnd(widths[i]!)).join('  '));
  for (const r of rows) out.push(r.map((x, i) => x.padEnd(widths[i]!)).join('  '));
  out.push('');
  out.push(`Pareto set (monthly cost against unavailability), cheapest first: ${c.paretoSet.join(', ')}`);
  out.push(`Ranking by total cost of ownership (cost + expected downtime), lowest first: ${c.rankingByTco.join(', ')}`);
  return `${out.join('\n')}\n`;
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare designs or JSON-Patch variants: paired differences, Pareto set, objectives',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, flags } = parseArgs(args, { json: 'boolean', ...RUN_FLAGS });
    if (positionals.length < 1) throw new UsageError('compare needs a plan, and more plans or patch files unless the plan keeps variants');
    const run = runFlags(flags);
    const first = loadPlanForRun(positionals[0]!);
    if (!first.ok) {
      io.stderr(`resilience compare: ${first.message}\n`);
      return EXIT.badInput;
    }
    let inputs: DesignInput[];
    try {
      inputs = designsWithVariants(first.plan, basename(positionals[0]!));
    } catch (error) {
      if (!(error instanceof PatchApplyError)) throw error;
      io.stderr(`resilience compare: ${positionals[0]}: ${error.message}\n`);
      return EXIT.badInput;
    }
    if (inputs.length < 2 && positionals.length < 2) throw new UsageError('compare needs two designs: more plan or patch files, or a plan with variants');
    for (const file of positionals.slice(1)) {
      const read = readJsonFile(file);
      if (!read.ok) {
        io.stderr(`resilience compare: ${read.message}\n`);
        return EXIT.badInput;
      }
      const label = basename(file);
      try {
        inputs.push({ label: Array.isArray(read.value) ? `${inputs[0]!.label} + ${label}` : label, plan: Array.isArray(read.value) ? applyVariant(inputs[0]!.plan, read.value, label) : read.value });
      } catch (error) {
        if (!(error instanceof PatchApplyError)) throw error;
        io.stderr(`resilience compare: ${error.message}\n`);
        return EXIT.badInput;
      }
    }
    const settings = runSettings(run, first.resolved);
    const progress = stepProgress(io, 'compare');
    let comparison: Comparison;
    try {
      comparison = await compareDesigns(inputs, settings, poolRunner(run.workers, progress.replication), progress.step);
    } catch (error) {
      progress.clear();
      if (!(error instanceof DesignError)) throw error;
      io.stderr(`resilience compare: ${error.message}\n`);
      return EXIT.badInput;
    }
    progress.clear();
    io.stdout(flags.json ? `${JSON.stringify(comparison)}\n` : comparisonText(comparison));
    return EXIT.ok;
  },
};
