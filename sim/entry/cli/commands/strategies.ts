// `resilience strategies <plan.json> [--json] [run options]`: which of the eight strategies the plan
// uses (with reasons), the article's qualitative matrix beside each used strategy's measured effect:
// the plan simulated without it on the same random streams (paired Δ availability with a 95 %
// interval, Δ downtime, Δ RTO p95, Δ RPO p95, Δ monthly cost). JSON shape: sim/cost/COST-CONTRACT.md.
import { measureStrategies, type StrategyMatrix } from '../../../analysis/strategyMatrix';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../cliTypes';
import { usd } from './cost';
import { loadPlanForRun, poolRunner, RUN_FLAGS, RUN_USAGE, runFlags, runSettings, stepProgress } from './planRun';

const USAGE = `Usage: resilience strategies <plan.json> [--json] [--seed N] [--replications R] [--years Y] [--workers W]

Detects which of the eight resilience strategies the plan uses and measures each used one by
ablation: the plan is simulated again without it (a documented transformation per strategy) on the
same random streams, so the differences are paired. Prints the article's qualitative matrix
(complexity, cost, scalability, effectiveness) beside the measured Δ availability (95 % paired
interval), Δ downtime, Δ RTO p95, Δ RPO p95 and Δ monthly cost.
  --json            print exactly one JSON object on stdout (see sim/cost/COST-CONTRACT.md)
${RUN_USAGE}`;

// Percentage points; differences below 0.0001 pp keep two significant digits instead of rounding to 0.
const pp = (x: number): string => {
  const v = Math.abs(100 * x);
  return `${x >= 0 ? '+' : '−'}${v !== 0 && v < 0.0001 ? v.toExponential(1) : v.toFixed(4)} pp`;
};
const signed = (x: number | null, f: (v: number) => string): string => (x === null ? '—' : `${x >= 0 ? '+' : '−'}${f(Math.abs(x))}`);
const minutes = (s: number): string => (s < 120 ? `${s.toFixed(0)} s` : s < 7200 ? `${(s / 60).toFixed(1)} min` : `${(s / 3600).toFixed(1)} h`);

function matrixText(m: StrategyMatrix): string {
  const out: string[] = [];
  out.push(`"${m.plan}": strategies measured by ablation, ${m.replications} paired replications × ${m.horizonYears} years, seed ${m.seed}`);
  out.push(`  as written: availability ${(100 * m.base.availability.mean).toFixed(4)} %, downtime ${m.base.downtimeMinutesPerYear.mean.toFixed(1)} min/year, monthly cost ${usd(m.base.monthlyUsd)}`);
  out.push('');
  const header = ['Strategy', 'Used', 'Complexity', 'Cost', 'Scalability', 'Effectiveness', 'Δ availability without it (95 % CI)', 'Δ downtime', 'Δ RTO p95', 'Δ RPO p95', 'Δ cost/month'];
  const rows = m.rows.map((r) => {
    const d = r.measured;
    const ci = d?.availability.ci95 ? ` (${pp(d.availability.ci95[0])} … ${pp(d.availability.ci95[1])})` : '';
    return [
      r.name,
      r.used ? 'yes' : 'no',
      r.qualitative.complexity,
      r.qualitative.cost,
      r.qualitative.scalability,
      r.qualitative.effectiveness,
      d ? `${pp(d.availability.mean)}${ci}${d.availabilitySignificant ? '' : ' n.s.'}` : r.used ? 'not measured' : '—',
      d ? `${signed(d.downtimeMinutesPerYear.mean, (x) => x.toFixed(1))} min/yr` : '—',
      d ? signed(d.rtoP95Seconds, minutes) : '—',
      d ? signed(d.rpoP95Seconds, minutes) : '—',
      d ? signed(d.monthlyUsd, usd) : '—',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  out.push(header.map((h, i) => h.padEnd(widths[i]!)).join('  '));
  for (const r of rows) out.push(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  out.push('');
  for (const r of m.rows) {
    out.push(`${r.reason.charAt(0).toUpperCase()}${r.reason.slice(1)}`);
    if (r.used) out.push(`  without it: ${r.ablation.changes.length > 0 ? r.ablation.changes.join('; ') : 'nothing to remove'}${r.notMeasured ? ` — ${r.notMeasured}` : ''}`);
  }
  out.push('');
  out.push(`Qualitative columns: ${m.matrixSource.source} (${m.matrixSource.asOf}); Δ = plan without the strategy − plan as written ("n.s.": the interval includes 0).`);
  return `${out.join('\n')}\n`;
}

export const strategiesCommand: Command = {
  name: 'strategies',
  summary: 'the eight strategies: detection, the qualitative matrix and each one\'s measured effect',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, flags } = parseArgs(args, { json: 'boolean', ...RUN_FLAGS });
    if (positionals.length !== 1) throw new UsageError('strategies needs exactly one plan file');
    const run = runFlags(flags);
    const loaded = loadPlanForRun(positionals[0]!);
    if (!loaded.ok) {
      io.stderr(`resilience strategies: ${loaded.message}\n`);
      return EXIT.badInput;
    }
    const settings = runSettings(run, loaded.resolved);
    const progress = stepProgress(io, 'strategies');
    const started = performance.now();
    const matrix = await measureStrategies(loaded.plan, settings, poolRunner(run.workers, progress.replication), progress.step);
    const wallSeconds = (performance.now() - started) / 1000;
    progress.clear();
    if (flags.json) io.stdout(`${JSON.stringify({ ...matrix, wallSeconds })}\n`);
    else io.stdout(`${matrixText(matrix)}Measured in ${wallSeconds.toFixed(1)} s.\n`);
    return EXIT.ok;
  },
};
