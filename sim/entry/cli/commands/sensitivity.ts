// `resilience sensitivity <plan.json> [--ranges ranges.json] [--only a,b] [--json] [run options]`:
// moves each key parameter to the low and high ends of its range, simulates each on the base run's
// seed (common random numbers) and prints the tornado: paired Δ availability, Δ RTO p95, Δ cost.
// JSON shape: SensitivityResult in sim/analysis/sensitivity.ts.
import { DesignError } from '../../../analysis/design';
import { runSensitivity, UserRangesSchema, type SensitivityResult, type UserRanges } from '../../../analysis/sensitivity';
import { DEFAULT_RANGES, PARAMETER_CLASSES } from '../../../catalog/ranges';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../cliTypes';
import { usd } from './cost';
import { loadPlanForRun, poolRunner, readJsonFile, RUN_FLAGS, RUN_USAGE, runFlags, runSettings, stepProgress } from './planRun';

const USAGE = `Usage: resilience sensitivity <plan.json> [--ranges ranges.json] [--only LIST] [--json] [run options]

Moves each key parameter (failure rates, repair times, region outage rates, health-check
intervals and thresholds, DNS TTL, replication lag, instance counts, promotion success) to the
low and the high end of its range, simulates every end on the same seed and replications as the
base plan (common random numbers, so small effects are not noise) and prints how availability,
RTO p95 and monthly cost move, largest availability swing first.
Default ranges (from shared/reference/catalog-research.md; factor = multiple of the plan's value):
${PARAMETER_CLASSES.map((c) => `  ${c.padEnd(21)} ${DEFAULT_RANGES[c].kind.padEnd(8)} ${DEFAULT_RANGES[c].low} … ${DEFAULT_RANGES[c].high}`).join('\n')}
  --ranges FILE     JSON object overriding ranges by class or parameter id, e.g.
                    { "repairTime": { "low": 0.25, "high": 4 }, "dnsTtl:dns": { "low": 30, "high": 300 } }
                    (the object itself may stand in for FILE when it starts with "{")
  --only LIST       comma-separated classes or parameter ids to move (default: all)
  --json            print exactly one JSON object on stdout (SensitivityResult)
${RUN_USAGE}`;

const pp = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(4)} pp`;
const secs = (x: number | null): string => (x === null ? 'n/a' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)} s`);
const money = (x: number): string => `${x >= 0 ? '+' : '−'}${usd(Math.abs(x))}`;

export function sensitivityText(s: SensitivityResult): string {
  const out: string[] = [];
  out.push(`${s.parameters.length} parameters × 2 ends, ${s.replications} paired replications × ${s.horizonYears} years, seed ${s.seed}`);
  out.push(`Base: availability ${(100 * s.base.availability.mean).toFixed(4)} %, RTO p95 ${s.base.rtoP95Seconds === null ? 'n/a' : `${s.base.rtoP95Seconds.toFixed(1)} s`}, ${usd(s.base.monthlyUsd)}/month`);
  out.push('');
  const header = ['Parameter', 'Low … high', 'Δ availability low (95 % CI)', 'Δ availability high (95 % CI)', 'Δ RTO p95 low / high', 'Δ cost/month low / high'];
  const ci = (m: { mean: number; ci95: [number, number] | null }) => `${pp(m.mean)}${m.ci95 ? ` (${pp(m.ci95[0])} … ${pp(m.ci95[1])})` : ''}`;
  const rows = s.parameters.map((p) => [
    p.label,
    `${p.low.setting} … ${p.high.setting} ${p.unit}${p.range.origin === 'user' ? ' (user)' : ''}`,
    ci(p.low.availability),
    ci(p.high.availability),
    `${secs(p.low.rtoP95DeltaSeconds)} / ${secs(p.high.rtoP95DeltaSeconds)}`,
    `${money(p.low.monthlyUsdDelta)} / ${money(p.high.monthlyUsdDelta)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  out.push(header.map((h, i) => h.padEnd(widths[i]!)).join('  '));
  for (const r of rows) out.push(r.map((x, i) => x.padEnd(widths[i]!)).join('  '));
  return `${out.join('\n')}\n`;
}

/** The --ranges file (or inline JSON object, starting with "{") as user ranges, or the sentence to print. */
export function readRangesFile(path: string): { ok: true; ranges: UserRanges } | { ok: false; message: string } {
  let read: ReturnType<typeof readJsonFile>;
  if (path.trimStart().startsWith('{')) {
    try {
      read = { ok: true, value: JSON.parse(path) as unknown };
    } catch (error) {
      return { ok: false, message: `--ranges: not valid JSON (${(error as Error).message})` };
    }
  } else read = readJsonFile(path);
  if (!read.ok) return read;
  const parsed = UserRangesSchema.safeParse(read.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${path.trimStart().startsWith('{') ? '--ranges' : path}: ${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}` };
  }
  return { ok: true, ranges: parsed.data };
}

export const sensitivityCommand: Command = {
  name: 'sensitivity',
  summary: 'tornado data: how availability, RTO p95 and cost move across each parameter range',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, flags } = parseArgs(args, { json: 'boolean', ranges: 'string', only: 'string', ...RUN_FLAGS });
    if (positionals.length !== 1) throw new UsageError('sensitivity needs exactly one plan file');
    const run = runFlags(flags);
    const loaded = loadPlanForRun(positionals[0]!);
    if (!loaded.ok) {
      io.stderr(`resilience sensitivity: ${loaded.message}\n`);
      return EXIT.badInput;
    }
    let ranges: UserRanges | undefined;
    if (typeof flags.ranges === 'string') {
      const read = readRangesFile(flags.ranges);
      if (!read.ok) {
        io.stderr(`resilience sensitivity: ${read.message}\n`);
        return EXIT.badInput;
      }
      ranges = read.ranges;
    }
    const only = typeof flags.only === 'string' ? flags.only.split(',').map((x) => x.trim()).filter((x) => x !== '') : undefined;
    const progress = stepProgress(io, 'sensitivity');
    let result: SensitivityResult;
    try {
      result = await runSensitivity(loaded.plan, runSettings(run, loaded.resolved), poolRunner(run.workers, progress.replication), { ranges, only }, progress.step);
    } catch (error) {
      progress.clear();
      if (!(error instanceof DesignError)) throw error;
      io.stderr(`resilience sensitivity: ${error.message}\n`);
      return EXIT.badInput;
    }
    progress.clear();
    io.stdout(flags.json ? `${JSON.stringify(result)}\n` : sensitivityText(result));
    return EXIT.ok;
  },
};
