// `resilience simulate <plan.json> [--json] [--seed N] [--replications R] [--years Y] [--workers W]`:
// plays the plan's failures over many replications and prints availability, downtime, incidents,
// RTO/RPO and objectives; with --json exactly one JSON object on stdout (contract in
// sim/engine/RESULT-CONTRACT.md). Refuses, naming them, the plan parts the engine cannot simulate yet.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { EventBudgetExceeded } from '../../../engine/replication';
import { formatIssue } from '../../../model/issues';
import type { ResolvedPlan } from '../../../model/resolve';
import { clientOrigins, type RunStatistics, type SimulationResult } from '../../../engine/monteCarlo';
import { FIRST_BATCH, PRECISION_MEASURES, formatRelativeHalfWidth, runBatchesToPrecision, type PrecisionMeasure, type PrecisionOutcome } from '../../../engine/precision';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../cliTypes';
import { readPlanFile } from '../readPlanFile';
import { rateCardIssues } from '../../../cost';
import { usd } from './cost';
import { runReplicationsParallel, usableWorkers } from '../../pools/runReplicationsParallel';
import { parseShardSpec, shardFile, shardRange } from '../shardFile';
import { simulationDocument } from '../simulationDocument';

/** Replications a --precision run stops at unless --max-replications says otherwise. */
const DEFAULT_PRECISION_CAP = 20_000;

const USAGE = `Usage: resilience simulate <plan.json> [--json] [--seed N] [--replications R] [--years Y] [--workers W] [--event-budget E]
                         [--shard K/N [--out FILE]] [--precision P [--measure M] [--max-replications C]]

Plays years of random failures against the plan, many times over, and reports availability
(request- and time-weighted, with 95 % confidence intervals), downtime per year, incidents,
RTO and RPO distributions, SLO attainment and each objective.
  --json            print exactly one JSON object on stdout (see sim/engine/RESULT-CONTRACT.md)
  --seed N          master seed (default: the plan's simulation.seed)
  --replications R  independent replications (default: the plan's simulation.replications)
  --years Y         simulated years per replication (default: the plan's simulation.horizonYears)
  --workers W       worker threads (default and most: the cores this machine runs at once); results do not depend on it
  --event-budget E  events one replication may deliver before the run stops with exit 2 (default 10000000)
  --shard K/N       run only shard K of N of the run: replications floor((K-1)R/N) to floor(KR/N)-1; writes a
                    shard file (JSON) for "resilience merge" instead of the result (K = $JOB_COMPLETION_INDEX + 1)
  --out FILE        with --shard: write the shard file here instead of stdout
  --precision P     add replications in batches until the 95 % interval's half-width is at most P times the mean
                    (e.g. 0.05), or the cap is reached; the output says which happened
  --measure M       the measure --precision narrows: ${PRECISION_MEASURES.join(', ')} (default downtime)
  --max-replications C  the cap of a --precision run (default ${DEFAULT_PRECISION_CAP})`;

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'simulate a plan: availability, downtime, incidents, RTO/RPO and objectives',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, flags } = parseArgs(args, {
      json: 'boolean',
      seed: 'integer',
      replications: 'integer',
      years: 'number',
      workers: 'integer',
      'event-budget': 'integer',
      shard: 'string',
      out: 'string',
      precision: 'number',
      measure: 'string',
      'max-replications': 'integer',
    });
    if (positionals.length !== 1) throw new UsageError('simulate needs exactly one plan file');
    const seed = flags.seed as number | undefined;
    const replications = flags.replications as number | undefined;
    const years = flags.years as number | undefined;
    const workers = flags.workers as number | undefined;
    const eventBudget = flags['event-budget'] as number | undefined;
    if (seed !== undefined && !(seed >= 0 && seed <= 2 ** 32 - 1)) throw new UsageError('--seed must be a whole number from 0 to 4294967295');
    if (replications !== undefined && !(replications >= 1 && replications <= 1_000_000)) throw new UsageError('--replications must be from 1 to 1000000');
    if (years !== undefined && !(years > 0 && years <= 100_000)) throw new UsageError('--years must be above 0 and at most 100000');
    if (workers !== undefined && !(workers >= 1 && workers <= 256)) throw new UsageError('--workers must be from 1 to 256');
    if (eventBudget !== undefined && !(eventBudget >= 1 && eventBudget <= 1e12)) throw new UsageError('--event-budget must be from 1 to 1000000000000');
    const shard = flags.shard === undefined ? undefined : parseShardSpec(flags.shard as string);
    if (typeof shard === 'string') throw new UsageError(shard);
    if (flags.out !== undefined && !shard) throw new UsageError('--out is for shard files; give it with --shard K/N (a result goes to stdout)');
    const precision = precisionOptions(flags, replications);
    if (precision && shard) throw new UsageError('--precision and --shard cannot be combined: a precision run chooses its size as it goes, a shard needs the run size fixed in advance (give --replications)');

    const file = positionals[0]!;
    const read = readPlanFile(file);
    if (!read.ok) {
      io.stderr(`resilience simulate: ${read.message}\n`);
      return EXIT.badInput;
    }
    const { load } = read;
    if (!load.ok || !load.resolved || !load.plan) {
      const first = load.errors[0];
      const more = load.errors.length > 1 ? ` (and ${load.errors.length - 1} more: run "resilience validate ${file}")` : '';
      io.stderr(`resilience simulate: ${basename(file)} is not a valid plan: ${first ? formatIssue(first) : 'unknown error'}${more}\n`);
      return EXIT.badInput;
    }
    const plan: ResolvedPlan = load.resolved;
    const costIssues = rateCardIssues(load.plan?.cost, load.plan?.nodes.map((n) => n.id));
    if (costIssues.length > 0) {
      io.stderr(`resilience simulate: ${basename(file)} is not a valid plan: ${costIssues.map((i) => `${i.path}: ${i.message}`).join('; ')}\n`);
      return EXIT.badInput;
    }
    const settings = {
      seed: seed ?? plan.simulation.seed,
      replications: precision ? precision.cap : (replications ?? plan.simulation.replications),
      horizonYears: years ?? plan.simulation.horizonYears,
    };
    const progress = progressBar(io);
    const started = performance.now();
    let statistics: RunStatistics;
    let outcome: PrecisionOutcome | undefined;
    let workerCount: number;
    try {
      if (shard) {
        const { from, to } = shardRange(shard, settings.replications);
        workerCount = usableWorkers(workers ?? availableParallelism(), Math.max(1, to - from));
        statistics = await runReplicationsParallel(plan, { ...settings, fromReplication: from, replications: to - from, workers: workerCount, eventBudget, onProgress: progress.update });
      } else if (precision) {
        workerCount = usableWorkers(workers ?? availableParallelism(), precision.cap);
        ({ statistics, outcome } = await runToPrecision(plan, { ...settings, ...precision, workers: workerCount, eventBudget }, progress));
      } else {
        // More threads than the machine runs at once only cost memory and start-up time.
        workerCount = usableWorkers(workers ?? availableParallelism(), settings.replications);
        statistics = await runReplicationsParallel(plan, { ...settings, workers: workerCount, eventBudget, onProgress: progress.update });
      }
    } catch (error) {
      progress.clear();
      if (!(error instanceof EventBudgetExceeded)) throw error;
      io.stderr(`resilience simulate: ${basename(file)} cannot be simulated as it stands: ${error.message} (a run meant to be this long can raise --event-budget).\n`);
      return EXIT.badInput;
    }
    const wallSeconds = (performance.now() - started) / 1000;
    progress.clear();
    if (shard) {
      const text = `${JSON.stringify(shardFile({ plan: load.plan, ...settings }, shard, statistics, wallSeconds))}\n`;
      if (flags.out === undefined) io.stdout(text);
      else {
        try {
          writeFileSync(flags.out as string, text);
        } catch (error) {
          io.stderr(`resilience simulate: cannot write the shard file "${String(flags.out)}" (${(error as NodeJS.ErrnoException).code ?? String(error)}).\n`);
          return EXIT.badInput;
        }
      }
      return EXIT.ok;
    }
    const result: SimulationResult = { ...statistics.result(plan, settings.seed, clientOrigins(plan)), wallSeconds };
    const document = simulationDocument(load.plan, plan, result);
    if (outcome) {
      document.notes.push(precisionSentence(outcome));
      Object.assign(document, { precision: outcome });
    }
    if (flags.json) {
      io.stdout(`${JSON.stringify(document)}\n`);
    } else {
      io.stdout(readable(plan, result, workerCount));
      const cost = document.cost;
      const budget = cost.budget ? `; budget ${usd(cost.budget.limitUsdPerMonth)} ${cost.budget.met ? 'met' : 'MISSED'}` : '';
      const downtime = cost.downtimeUsdPerMonth === null ? '' : ` + expected downtime ${usd(cost.downtimeUsdPerMonth)} = TCO ${usd(cost.tcoUsdPerMonth)}`;
      const unpriced = cost.unpricedNodes.length > 0 ? ` (not priced: ${cost.unpricedNodes.join(', ')})` : '';
      io.stdout(`Cost a month                   ${usd(cost.monthlyUsd)} (infrastructure ${usd(cost.infrastructureUsdPerMonth)} + operations ${usd(cost.operationsUsdPerMonth)})${downtime}${budget}${unpriced}; itemised by "resilience cost"\n`);
      for (const note of document.notes) io.stdout(`Note: ${note}.\n`);
    }
    return EXIT.ok;
  },
};

interface PrecisionOptions {
  target: number;
  measure: PrecisionMeasure;
  cap: number;
}

function precisionOptions(flags: Record<string, string | number | boolean | undefined>, replications: number | undefined): PrecisionOptions | undefined {
  const target = flags.precision as number | undefined;
  const cap = flags['max-replications'] as number | undefined;
  const measure = flags.measure as string | undefined;
  if (target === undefined) {
    if (measure !== undefined || cap !== undefined) throw new UsageError(`--${measure !== undefined ? 'measure' : 'max-replications'} goes with --precision P`);
    return undefined;
  }
  if (!(target > 0 && target < 1)) throw new UsageError('--precision must be above 0 and below 1 (a relative half-width: 0.05 is 5 % of the mean)');
  if (replications !== undefined) throw new UsageError('--precision chooses the number of replications; give its cap with --max-replications, not --replications');
  if (measure !== undefined && !(PRECISION_MEASURES as readonly string[]).includes(measure)) throw new UsageError(`--measure must be one of ${PRECISION_MEASURES.join(', ')}, not "${measure}"`);
  if (cap !== undefined && !(cap >= 2 && cap <= 1_000_000)) throw new UsageError('--max-replications must be from 2 to 1000000');
  return { target, measure: (measure ?? 'downtime') as PrecisionMeasure, cap: cap ?? DEFAULT_PRECISION_CAP };
}

function precisionSentence(o: PrecisionOutcome): string {
  const width = o.relativeHalfWidth === null ? 'none (the mean is 0)' : `${(100 * o.relativeHalfWidth).toFixed(2)} %`;
  return o.stoppedBecause === 'target-reached'
    ? `--precision: the 95 % interval of ${o.measure} reached a relative half-width of ${width} (target ${100 * o.target} %) after ${o.batches} batch${o.batches === 1 ? '' : 'es'}`
    : `--precision: stopped at the cap of ${o.maxReplications} replications before the 95 % interval of ${o.measure} reached ${100 * o.target} % of the mean; its relative half-width is ${width}`;
}

/** A precision run on worker threads: the shared batch loop (runBatchesToPrecision) pooling RunStatistics. */
async function runToPrecision(
  plan: ResolvedPlan,
  options: PrecisionOptions & { seed: number; horizonYears: number; workers: number; eventBudget: number | undefined },
  progress: ProgressBar,
): Promise<{ statistics: RunStatistics; outcome: PrecisionOutcome }> {
  const origins = clientOrigins(plan);
  let statistics: RunStatistics | undefined;
  let target = Math.min(FIRST_BATCH, options.cap);
  const { outcome } = await runBatchesToPrecision(
    options,
    async (from, count) => {
      const batch = await runReplicationsParallel(plan, {
        seed: options.seed,
        horizonYears: options.horizonYears,
        workers: usableWorkers(options.workers, count),
        eventBudget: options.eventBudget,
        fromReplication: from,
        replications: count,
        onProgress: (n) => progress.update(from + n, target),
      });
      if (statistics) statistics.merge(batch);
      else statistics = batch;
      return statistics.result(plan, options.seed, origins);
    },
    (p) => {
      if (p.next !== null) target = p.next;
      progress.status(`${p.done} replications, ${options.measure} 95 % half-width ${formatRelativeHalfWidth(p.relativeHalfWidth)} of the mean (target ${100 * options.target} %)`);
    },
  );
  return { statistics: statistics!, outcome };
}

interface ProgressBar {
  update: (done: number, total: number) => void;
  /** A line after each precision batch, drawn at once on a terminal (the bar draws after a second). */
  status: (text: string) => void;
  clear: () => void;
}

/** A bar on stderr, drawn only on a terminal and only once a run has lasted a second. */
function progressBar(io: CliIO): ProgressBar {
  const started = performance.now();
  let drawn = false;
  let last = 0;
  let suffix = '';
  return {
    status(text) {
      suffix = `; ${text}`;
      if (!io.stderrIsTTY) return;
      (io.progress ?? io.stderr)(`\r${' '.repeat(60)}\r${text}\n`);
    },
    update(done, total) {
      const now = performance.now();
      if (!io.stderrIsTTY || now - started < 1000 || (now - last < 100 && done < total)) return;
      last = now;
      const width = 30;
      const filled = Math.round((width * done) / total);
      (io.progress ?? io.stderr)(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} replications${suffix}`);
      drawn = true;
    },
    clear() {
      if (drawn) (io.progress ?? io.stderr)(`\r${' '.repeat(60 + suffix.length)}\r`);
    },
  };
}

function percent(x: number, digits = 4): string {
  return `${(100 * x).toFixed(digits)} %`;
}

function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(2)} h`;
}

function readable(plan: ResolvedPlan, r: SimulationResult, workers: number): string {
  const lines: string[] = [];
  const ci = (c: [number, number] | null, f: (x: number) => string): string => (c ? `  (95 % CI ${f(c[0])} – ${f(c[1])})` : '');
  lines.push(`"${plan.name}": ${r.replications} replication${r.replications === 1 ? '' : 's'} × ${r.horizonYears} years, seed ${r.seed}`);
  lines.push(`  ${r.events.toLocaleString('en-US')} events in ${r.wallSeconds?.toFixed(2)} s on ${workers} worker${workers === 1 ? '' : 's'}`);
  lines.push('');
  const rw = r.availability.requestWeighted;
  const tw = r.availability.timeWeighted;
  lines.push(`Availability, requests served  ${percent(rw.mean)}${ci(rw.ci95, (x) => percent(x))}`);
  lines.push(`Availability, time             ${percent(tw.mean)}${ci(tw.ci95, (x) => percent(x))}`);
  const dt = r.downtimeMinutesPerYear;
  lines.push(`Downtime                       ${dt.mean.toFixed(1)} min/year${ci(dt.ci95, (x) => x.toFixed(1))}`);
  lines.push(`Incidents                      ${r.incidents.count} (${r.incidents.perYear.toFixed(3)} per year)`);
  const rto = r.rtoSeconds;
  lines.push(
    rto.count === 0
      ? 'RTO (incident length)          no incidents ended'
      : `RTO (incident length)          mean ${duration(rto.mean)}, p50 ${duration(rto.p50)}, p95 ${duration(rto.p95)}, p99 ${duration(rto.p99)}, max ${duration(rto.max)}`,
  );
  const rpo = r.rpoSeconds;
  lines.push(rpo.count === 0 ? 'RPO                            no data-loss events' : `RPO                            mean ${duration(rpo.mean)}, p95 ${duration(rpo.p95)}, max ${duration(rpo.max)}`);
  if (rpo.count > 0) lines.push(`Writes lost per year           ${Math.round(r.data.writesLostPerYear.mean).toLocaleString('en-US')} (${r.data.promotions} promotions, ${r.data.restores} restores)`);
  if (r.sloAttainment) {
    const s = r.sloAttainment;
    lines.push(`SLO attainment                 ${percent(s.share, 1)} of ${s.months} months met ${percent(s.objective, 3)}`);
  }
  if (r.byOrigin.length > 1) {
    // Which client regions suffered: only DNS routing (latency, geo) tells origins apart.
    for (const o of r.byOrigin) lines.push(`  from ${(o.origin || 'anywhere').padEnd(27)} ${percent(o.availability)} of requests served`);
  }
  for (const [name, o] of Object.entries(r.objectives)) {
    const verdict = o.met === null ? 'not judged' : o.met ? 'met' : 'MISSED';
    const value =
      name === 'availability'
        ? `target ${percent(o.target, 3)}, simulated ${o.value === null ? '—' : percent(o.value)}`
        : `target ${o.target} s, P(sample > target) = ${o.value === null ? '—' : percent(o.value, 2)} (allowed ${percent(plan.objectives.exceedanceMax, 1)})`;
    lines.push(`Objective ${name.padEnd(20)} ${verdict}: ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

