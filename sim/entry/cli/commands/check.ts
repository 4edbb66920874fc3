// `resilience check <plan.json> [--json] [run options]`: a gate for CI. Simulates the plan and
// judges every objective it sets (availability SLO, RTO and RPO with their exceedance probability,
// monthly budget on infrastructure + operations). Exit 0 when all are met, 3 when one is missed
// (printed), 2 for bad input, 1 for an internal error — so a pipeline tells a miss from a crash.
import { basename } from 'node:path';
import { objectiveVerdicts, evaluateDesign, DesignError } from '../../../analysis/design';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../cliTypes';
import { usd } from './cost';
import { loadPlanForRun, poolRunner, RUN_FLAGS, RUN_USAGE, runFlags, runSettings, stepProgress } from './planRun';

const USAGE = `Usage: resilience check <plan.json> [--json] [--seed N] [--replications R] [--years Y] [--workers W]

Simulates the plan and judges each objective it sets: availability (request-weighted mean), RTO and
RPO (met when P(sample > target) ≤ exceedanceMax) and monthlyBudgetUsd (infrastructure + operations).
Exit codes: 0 every objective met, 3 an objective missed (each is printed), 2 bad input, 1 internal error.
A plan with no objective passes (and says so).
  --json            print exactly one JSON object on stdout: { plan, passed, objectives: [...] }
${RUN_USAGE}`;

function describe(o: ReturnType<typeof objectiveVerdicts>[number], exceedanceMax: number): string {
  const value = o.value;
  switch (o.objective) {
    case 'availability':
      return `target ${(100 * o.target).toFixed(3)} %, simulated ${value === null ? '—' : `${(100 * value).toFixed(4)} %`}`;
    case 'monthlyBudgetUsd':
      return `budget ${usd(o.target)} a month, infrastructure + operations ${value === null ? '—' : usd(value)}`;
    default:
      return `target ${o.target} s, P(sample > target) = ${value === null ? '—' : `${(100 * value).toFixed(2)} %`} (allowed ${(100 * exceedanceMax).toFixed(1)} %)`;
  }
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'CI gate: exit 0 when every objective (SLO, RTO, RPO, budget) is met, 3 when one is missed',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, flags } = parseArgs(args, { json: 'boolean', ...RUN_FLAGS });
    if (positionals.length !== 1) throw new UsageError('check needs exactly one plan file');
    const run = runFlags(flags);
    const file = positionals[0]!;
    const loaded = loadPlanForRun(file);
    if (!loaded.ok) {
      io.stderr(`resilience check: ${loaded.message}\n`);
      return EXIT.badInput;
    }
    const settings = runSettings(run, loaded.resolved);
    const progress = stepProgress(io, 'check');
    progress.step(1, 1, 'simulating');
    let design;
    try {
      design = await evaluateDesign(loaded.plan, settings, poolRunner(run.workers, progress.replication));
    } catch (error) {
      progress.clear();
      if (!(error instanceof DesignError)) throw error;
      io.stderr(`resilience check: ${error.message}\n`);
      return EXIT.badInput;
    }
    progress.clear();
    const verdicts = objectiveVerdicts(design);
    const missed = verdicts.filter((o) => o.met === false);
    const passed = missed.length === 0;
    if (flags.json) {
      io.stdout(`${JSON.stringify({ plan: loaded.plan.name, seed: settings.seed, replications: settings.replications, horizonYears: settings.horizonYears, passed, objectives: verdicts })}\n`);
    } else {
      const exceedanceMax = loaded.resolved.objectives.exceedanceMax;
      io.stdout(`${basename(file)}: "${loaded.plan.name}", ${settings.replications} replications × ${settings.horizonYears} years, seed ${settings.seed}\n`);
      if (verdicts.length === 0) io.stdout('  the plan sets no objective: nothing to check\n');
      for (const o of verdicts) io.stdout(`  ${o.met === null ? 'not judged' : o.met ? 'met   ' : 'MISSED'}  ${o.objective.padEnd(17)} ${describe(o, exceedanceMax)}\n`);
      io.stdout(passed ? 'PASS: every objective is met.\n' : `FAIL: ${missed.length} objective${missed.length === 1 ? '' : 's'} missed: ${missed.map((o) => o.objective).join(', ')}.\n`);
    }
    return passed ? EXIT.ok : EXIT.objectiveMissed;
  },
};
