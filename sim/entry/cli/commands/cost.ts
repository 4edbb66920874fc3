// `resilience cost <plan.json> [--json] [--rates] [run options]`: the plan's monthly cost, itemised
// per node and per line with each price's catalog entry, source and date; operations (strategy
// engineering and drills); expected downtime cost from a simulation; TCO and the budget verdict.
// JSON shape: sim/cost/COST-CONTRACT.md.
import { clientOrigins } from '../../../engine/monteCarlo';
import { buildRateCard, costOfPlan, type CostLine, type CostReport } from '../../../cost';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../cliTypes';
import { loadPlanForRun, poolRunner, RUN_FLAGS, RUN_USAGE, runFlags, runSettings, stepProgress } from './planRun';

const USAGE = `Usage: resilience cost <plan.json> [--json] [--rates] [--seed N] [--replications R] [--years Y] [--workers W]

Prices the plan a month at a time: every infrastructure line per node (quantity × catalog price,
with the catalog entry, its source and as-of date), operations (each used strategy's engineering
and the DR drills, at the plan's hourly rate), the expected downtime cost from a simulation, the
total cost of ownership and the verdict against objectives.monthlyBudgetUsd.
  --json            print exactly one JSON object on stdout (see sim/cost/COST-CONTRACT.md)
  --rates           also list the whole rate card (every price and usage assumption, with overrides)
${RUN_USAGE}`;

export const usd = (x: number): string => `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const qty = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(4)).toString());

function lineText(l: CostLine): string {
  if (l.kind === 'note') return `  note: ${l.item}`;
  const flag = l.flag === 'estimated' ? ', estimate' : '';
  return `  ${(l.node ?? '—').padEnd(12)} ${usd(l.usdPerMonth).padStart(12)}  ${l.item}: ${qty(l.quantity)} ${l.unit} × ${l.unitPriceUsd} USD  [${l.rateKey}; ${l.source}, ${l.asOf}${flag}]`;
}

/** The readable cost report (shared with check and simulate's cost line). */
export function costText(c: CostReport): string {
  const out: string[] = [];
  out.push(`Infrastructure (${c.pricedRegion} list prices, catalog of ${c.catalogAsOf}):`);
  for (const l of c.lines.filter((x) => x.category === 'infrastructure')) out.push(lineText(l));
  out.push(`  ${'total'.padEnd(12)} ${usd(c.infrastructureUsdPerMonth).padStart(12)} a month`);
  out.push('Operations (engineering at the plan\'s hourly rate):');
  for (const l of c.lines.filter((x) => x.category === 'operations')) out.push(lineText(l));
  out.push(`  ${'total'.padEnd(12)} ${usd(c.operationsUsdPerMonth).padStart(12)} a month (initial engineering ${usd(c.oneOffEngineeringUsd)} once, spread above)`);
  if (c.downtime) {
    const d = c.downtime;
    out.push(`Expected downtime: (1 − ${(100 * d.requestWeightedAvailability).toFixed(4)} %) × 43,800 min × ${usd(d.usdPerMinute)}/min = ${usd(d.usdPerMonth)} a month (${d.minutesPerMonth.toFixed(2)} request-weighted minutes)`);
  }
  out.push(`Monthly cost ${usd(c.monthlyUsd)} (infrastructure + operations); total cost of ownership ${usd(c.tcoUsdPerMonth)} a month`);
  if (c.budget) out.push(`Budget ${usd(c.budget.limitUsdPerMonth)} a month: ${c.budget.met ? 'met' : 'MISSED'} (infrastructure + operations ${usd(c.budget.judgedUsdPerMonth)})`);
  for (const w of c.warnings) out.push(`Warning: ${w}.`);
  return `${out.join('\n')}\n`;
}

export const costCommand: Command = {
  name: 'cost',
  summary: 'itemised monthly cost, expected downtime cost and TCO against the budget',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, flags } = parseArgs(args, { json: 'boolean', rates: 'boolean', ...RUN_FLAGS });
    if (positionals.length !== 1) throw new UsageError('cost needs exactly one plan file');
    const run = runFlags(flags);
    const loaded = loadPlanForRun(positionals[0]!);
    if (!loaded.ok) {
      io.stderr(`resilience cost: ${loaded.message}\n`);
      return EXIT.badInput;
    }
    const settings = runSettings(run, loaded.resolved);
    const progress = stepProgress(io, 'cost');
    progress.step(1, 1, 'simulating for the expected downtime cost');
    const { statistics } = await poolRunner(run.workers, progress.replication)(loaded.resolved, settings);
    progress.clear();
    const availability = statistics.result(loaded.resolved, settings.seed, clientOrigins(loaded.resolved)).availability.requestWeighted.mean;
    const cost = costOfPlan(loaded.plan, loaded.resolved, { requestWeightedAvailability: availability });
    const rates = flags.rates ? buildRateCard(loaded.plan.cost).all() : undefined;
    if (flags.json) {
      io.stdout(`${JSON.stringify({ plan: loaded.plan.name, seed: settings.seed, replications: settings.replications, horizonYears: settings.horizonYears, ...cost, ...(rates ? { rates } : {}) })}\n`);
      return EXIT.ok;
    }
    io.stdout(`"${loaded.plan.name}": cost a month (downtime from ${settings.replications} replications × ${settings.horizonYears} years, seed ${settings.seed})\n`);
    io.stdout(costText(cost));
    if (rates) {
      io.stdout('Rate card:\n');
      for (const r of rates) io.stdout(`  ${r.key.padEnd(52)} ${String(r.value).padStart(12)}  ${r.kind}${r.overridden ? ' (from the plan)' : ''}; ${r.source}, ${r.asOf}${r.note ? `; ${r.note}` : ''}\n`);
    }
    return EXIT.ok;
  },
};
