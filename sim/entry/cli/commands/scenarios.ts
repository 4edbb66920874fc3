// `resilience scenarios <plan.json> [--json] [--replications R] [--seed N]`: replays each scripted
// disruption of the plan with random failures off and reports RTO, RPO, lost requests and writes
// and the RTO/RPO objectives per scenario (lost writes: committed writes lost by promotions and
// restores; failed writes: write requests refused meanwhile); with --json exactly one JSON object on stdout.
import { basename } from 'node:path';
import { formatIssue } from '../../../model/issues';
import type { ResolvedPlan } from '../../../model/resolve';
import { runScenarios, SCENARIO_RECOVERY_HOURS, type ScenarioResult, type ScenarioStatistics } from '../../../engine/scenarios';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../cliTypes';
import { loadSimjsNode } from '../../pools/loadSimjsNode';
import { readPlanFile } from '../readPlanFile';

const USAGE = `Usage: resilience scenarios <plan.json> [--json] [--replications R] [--seed N]

Replays each scripted disruption of the plan (its "scenarios") with every random failure off:
only detection phases and lag draws vary between replications. Each run lasts until
${SCENARIO_RECOVERY_HOURS} h after the disruption ends. Reports per scenario the RTO (from the disruption
until requests are served again), the RPO of any promotion or restore, lost requests and writes,
and whether the RTO and RPO objectives hold.
  --json            print exactly one JSON object on stdout: { "scenarios": [ ... ] }
  --replications R  replications per scenario (default: the plan's simulation.replications)
  --seed N          master seed (default: the plan's simulation.seed)`;

export const scenariosCommand: Command = {
  name: 'scenarios',
  summary: 'replay the plan\'s scripted disruptions: RTO, RPO, lost requests and writes',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, flags } = parseArgs(args, { json: 'boolean', seed: 'integer', replications: 'integer' });
    if (positionals.length !== 1) throw new UsageError('scenarios needs exactly one plan file');
    const seed = flags.seed as number | undefined;
    const replications = flags.replications as number | undefined;
    if (seed !== undefined && !(seed >= 0 && seed <= 2 ** 32 - 1)) throw new UsageError('--seed must be a whole number from 0 to 4294967295');
    if (replications !== undefined && !(replications >= 1 && replications <= 100_000)) throw new UsageError('--replications must be from 1 to 100000');
    const file = positionals[0]!;
    const read = readPlanFile(file);
    if (!read.ok) {
      io.stderr(`resilience scenarios: ${read.message}\n`);
      return EXIT.badInput;
    }
    const { load } = read;
    if (!load.ok || !load.resolved) {
      const first = load.errors[0];
      const more = load.errors.length > 1 ? ` (and ${load.errors.length - 1} more: run "resilience validate ${file}")` : '';
      io.stderr(`resilience scenarios: ${basename(file)} is not a valid plan: ${first ? formatIssue(first) : 'unknown error'}${more}\n`);
      return EXIT.badInput;
    }
    const plan: ResolvedPlan = load.resolved;
    if (plan.scenarios.length === 0) {
      io.stderr(`resilience scenarios: ${basename(file)} has no scenarios to replay (add them under "scenarios").\n`);
      return EXIT.badInput;
    }
    loadSimjsNode();
    const results = runScenarios(plan, { replications: replications ?? plan.simulation.replications, seed: seed ?? plan.simulation.seed });
    if (flags.json) io.stdout(`${JSON.stringify({ plan: plan.name, scenarios: results })}\n`);
    else io.stdout(readable(plan, results));
    return EXIT.ok;
  },
};

function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(2)} h`;
}

const triple = (s: ScenarioStatistics): string => (s.mean === null ? '—' : `${duration(s.mean)} / ${duration(s.p50)} / ${duration(s.max)}`);

function readable(plan: ResolvedPlan, results: ScenarioResult[]): string {
  const rows = results.map((r) => {
    const verdicts = Object.entries(r.objectives).map(([k, o]) => `${k === 'rtoSeconds' ? 'RTO' : 'RPO'} ${o.met === null ? 'not judged' : o.met ? 'met' : 'MISSED'}`);
    return [
      r.name,
      triple(r.rtoSeconds) + (r.openAtHorizon > 0 ? ` (${r.openAtHorizon} open)` : ''),
      triple(r.rpoSeconds),
      Math.round(r.lostRequests.mean).toLocaleString('en-US'),
      Math.round(r.lostWrites.mean).toLocaleString('en-US'),
      Math.round(r.failedWrites.mean).toLocaleString('en-US'),
      verdicts.join(', ') || '—',
    ];
  });
  const header = ['Scenario', 'RTO mean / p50 / max', 'RPO mean / p50 / max', 'Lost requests', 'Lost writes', 'Failed writes', 'Objectives'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const n = results[0]?.replications ?? 0;
  return `"${plan.name}": ${results.length} scenario${results.length === 1 ? '' : 's'}, ${n} replication${n === 1 ? '' : 's'} each, random failures off\n\n${[line(header), ...rows.map(line)].join('\n')}\n`;
}
