// `resilience traffic <plan.json> --balancer <id>`: the request-level traffic lab for one balancer
// and its fleet — round-robin, least connections and ip-hash on the same requests, side by side
// (latency percentiles, queueing, load per instance, failed and timed-out requests, clients moved
// by ip-hash); with --json exactly one JSON object on stdout.
import { basename } from 'node:path';
import { formatIssue } from '../../../model/issues';
import {
  FLEET_PRESETS,
  LAB_ALGORITHMS,
  TrafficLabInputError,
  balancersOf,
  badShare,
  formatSeconds,
  runTrafficLab,
  type FleetPreset,
  type LabAlgorithm,
  type TrafficLabOptions,
  type TrafficLabReport,
} from '../../../traffic-lab';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../cliTypes';
import { loadSimjsNode } from '../../pools/loadSimjsNode';
import { readPlanFile } from '../readPlanFile';

const USAGE = `Usage: resilience traffic <plan.json> --balancer <id> [--json] [options]

Simulates every request through one load balancer and its fleet on simjs, for each of the three
algorithms on the same requests: Poisson arrivals at the rate reaching the balancer (at the
clients' daily peak), a queue per instance with its concurrency (capacity × mean request time),
one instance failing a third of the way in and detected by the balancer's health check.
  --balancer ID     the load balancer to study (required when the plan has more than one)
  --json            print exactly one JSON object on stdout
  --seed N          master seed (default: the plan's simulation.seed)
  --minutes M       simulated minutes per algorithm (default 15)
  --algorithm A     only this algorithm (round-robin, least-connections, ip-hash); repeatable as A,B
  --fleet F         instance speeds: planned (default), one-slow (last instance at half speed),
                    mixed (every second instance at 0.6 speed)
  --speeds S        explicit relative speeds, one per instance, e.g. 1,1,0.5
  --no-failure      play no instance failure
  --exponential     exponential request times (default lognormal, σ 0.6 of the log)
  --mean-load       run at the clients' mean rate instead of their daily peak
  --burst A,M,X     a burst: from minute A for M minutes the rate is multiplied by X, e.g. 5,1,3
  --rate R          requests per second reaching the balancer (overrides the plan)
  --timeout S       request timeout in seconds (default 29, API Gateway's)`;

export const trafficCommand: Command = {
  name: 'traffic',
  summary: 'request-level lab for one balancer: latency percentiles per algorithm',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, flags } = parseArgs(args, {
      json: 'boolean',
      balancer: 'string',
      seed: 'integer',
      minutes: 'number',
      algorithm: 'string',
      fleet: 'string',
      speeds: 'string',
      'no-failure': 'boolean',
      exponential: 'boolean',
      'mean-load': 'boolean',
      rate: 'number',
      timeout: 'number',
      burst: 'string',
    });
    if (positionals.length !== 1) throw new UsageError('traffic needs exactly one plan file');
    const options = optionsFrom(flags);
    const file = positionals[0]!;
    const read = readPlanFile(file);
    if (!read.ok) {
      io.stderr(`resilience traffic: ${read.message}\n`);
      return EXIT.badInput;
    }
    const { load } = read;
    if (!load.ok || !load.resolved) {
      const first = load.errors[0];
      const more = load.errors.length > 1 ? ` (and ${load.errors.length - 1} more: run "resilience validate ${file}")` : '';
      io.stderr(`resilience traffic: ${basename(file)} is not a valid plan: ${first ? formatIssue(first) : 'unknown error'}${more}\n`);
      return EXIT.badInput;
    }
    const plan = load.resolved;
    const balancers = balancersOf(plan).map((b) => b.id);
    let balancerId = flags.balancer as string | undefined;
    if (balancerId === undefined) {
      if (balancers.length !== 1) {
        io.stderr(
          balancers.length === 0
            ? `resilience traffic: ${basename(file)} has no load balancer to study.\n`
            : `resilience traffic: name the balancer with --balancer; ${basename(file)} has ${balancers.join(', ')}.\n`,
        );
        return EXIT.badInput;
      }
      balancerId = balancers[0]!;
    }
    loadSimjsNode();
    let report: TrafficLabReport;
    try {
      const progress = io.stderrIsTTY && !flags.json ? (share: number) => io.stderr(`\rtraffic lab ${Math.round(share * 100)} %`) : undefined;
      report = runTrafficLab(plan, balancerId, options, progress);
      if (progress) io.stderr('\r\x1b[K');
    } catch (error) {
      if (error instanceof TrafficLabInputError) {
        io.stderr(`resilience traffic: ${error.message}.\n`);
        return EXIT.badInput;
      }
      throw error;
    }
    if (flags.json) io.stdout(`${JSON.stringify({ plan: plan.name, ...report })}\n`);
    else io.stdout(readable(plan.name, report));
    return EXIT.ok;
  },
};

function optionsFrom(flags: Record<string, string | number | boolean | undefined>): TrafficLabOptions {
  const options: TrafficLabOptions = {};
  if (flags.seed !== undefined) {
    const seed = flags.seed as number;
    if (!(seed >= 0 && seed <= 2 ** 32 - 1)) throw new UsageError('--seed must be a whole number from 0 to 4294967295');
    options.seed = seed;
  }
  if (flags.minutes !== undefined) {
    const minutes = flags.minutes as number;
    if (!(minutes >= 0.05 && minutes <= 1440)) throw new UsageError('--minutes must be from 0.05 to 1440');
    options.minutes = minutes;
  }
  if (flags.algorithm !== undefined) {
    const names = String(flags.algorithm).split(',').map((s) => s.trim());
    for (const name of names) {
      if (!(LAB_ALGORITHMS as readonly string[]).includes(name)) throw new UsageError(`--algorithm must be one of ${LAB_ALGORITHMS.join(', ')} (got "${name}")`);
    }
    options.algorithms = names as LabAlgorithm[];
  }
  if (flags.fleet !== undefined) {
    if (!(FLEET_PRESETS as readonly string[]).includes(String(flags.fleet))) throw new UsageError(`--fleet must be one of ${FLEET_PRESETS.join(', ')}`);
    options.fleet = flags.fleet as FleetPreset;
  }
  if (flags.speeds !== undefined) {
    const speeds = String(flags.speeds).split(',').map(Number);
    if (speeds.some((s) => !(s > 0) || !Number.isFinite(s))) throw new UsageError('--speeds must be positive numbers separated by commas, e.g. 1,1,0.5');
    options.speeds = speeds;
  }
  if (flags['no-failure']) options.failure = false;
  if (flags.exponential) options.service = 'exponential';
  if (flags['mean-load']) options.load = 'mean';
  if (flags.burst !== undefined) {
    const parts = String(flags.burst).split(',').map(Number);
    if (parts.length !== 3 || !(parts[0]! >= 0) || !(parts[1]! > 0) || !(parts[2]! > 0)) {
      throw new UsageError('--burst must be AT,MINUTES,MULTIPLIER with AT ≥ 0 and positive MINUTES and MULTIPLIER, e.g. 5,1,3');
    }
    options.burst = { atMinute: parts[0]!, minutes: parts[1]!, multiplier: parts[2]! };
  }
  if (flags.rate !== undefined) {
    if (!((flags.rate as number) > 0)) throw new UsageError('--rate must be a positive number of requests per second');
    options.ratePerSecond = flags.rate as number;
  }
  if (flags.timeout !== undefined) {
    if (!((flags.timeout as number) > 0)) throw new UsageError('--timeout must be a positive number of seconds');
    options.timeoutSeconds = flags.timeout as number;
  }
  return options;
}

const pct = (share: number): string => `${(share * 100).toFixed(share < 0.1 ? 2 : 1)} %`;

function table(header: string[], rows: string[][], rightFrom = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= rightFrom ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function readable(planName: string, report: TrafficLabReport): string {
  const { context, settings, results } = report;
  const mark = (a: LabAlgorithm) => (a === context.balancer.algorithm ? `${a} *` : a);
  const out: string[] = [];
  out.push(`"${planName}": traffic lab for ${context.balancer.name} (${context.balancer.id}), plan's algorithm: ${context.balancer.algorithm}`);
  out.push(
    `${settings.peakRatePerSecond.toFixed(1)} req/s (${context.rateFrom}) over ${settings.instances.length} instance(s), ` +
      `${settings.minutes} min per algorithm, seed ${settings.seed}, ${settings.service.dist} request times, timeout ${settings.timeoutSeconds} s`,
  );
  for (const f of context.fleets) {
    out.push(
      `  ${f.id}: ${f.instances} × concurrency ${f.concurrencyPerInstance}, mean request ${formatSeconds(f.requestSeconds)} (${f.requestSecondsFrom})` +
        (f.capacityRpsPerInstance !== null ? `, ${f.capacityRpsPerInstance} req/s each` : ', unlimited capacity'),
    );
  }
  if (settings.instances.some((i) => i.speed !== 1)) out.push(`  speeds: ${settings.instances.map((i) => `${i.id} ${i.speed}`).join(', ')}`);
  const f = results[0]?.failure;
  if (f) {
    out.push(
      `  ${settings.instances[settings.failure!.instance]!.id} fails at ${f.atSeconds.toFixed(0)} s, detected at ${Number.isFinite(f.detectedAtSeconds) ? f.detectedAtSeconds.toFixed(0) : '—'} s, ` +
        `back at ${f.backAtSeconds.toFixed(0)} s, believed healthy again at ${Number.isFinite(f.returnDetectedAtSeconds) ? f.returnDetectedAtSeconds.toFixed(0) : '— (after the run)'} s`,
    );
  }
  for (const note of context.notes) out.push(`  note: ${note}`);
  out.push('');
  out.push(
    table(
      ['Algorithm', 'mean', 'p50', 'p95', 'p99', 'p99 all up', 'queued (mean)', 'waited', 'failed', 'timed out', 'max/min share'],
      results.map((r) => [
        mark(r.algorithm),
        formatSeconds(r.latency.mean),
        formatSeconds(r.latency.p50),
        formatSeconds(r.latency.p95),
        formatSeconds(r.latency.p99),
        formatSeconds(r.steadyLatency.p99),
        formatSeconds(r.queueing.mean),
        pct(r.queueing.shareWaited),
        `${r.failed} (${pct(r.failed / Math.max(1, r.offered))})`,
        `${r.timedOut} (${pct(r.timedOut / Math.max(1, r.offered))})`,
        Number.isFinite(r.unevenness) ? `${r.unevenness.toFixed(2)}×` : '∞',
      ]),
    ),
  );
  out.push(`* the plan's algorithm. "p99 all up": requests that arrived before the failure; max/min share: while all instances were up.`);
  out.push('');
  out.push('Share of requests / utilisation per instance');
  out.push(
    table(
      ['Instance', ...results.map((r) => r.algorithm)],
      settings.instances.map((inst, k) => [inst.id, ...results.map((r) => `${pct(r.instances[k]!.requestShare)} / ${pct(r.instances[k]!.utilisation)}`)]),
    ),
  );
  const hash = results.find((r) => r.algorithm === 'ip-hash' && r.clientsMoved);
  if (hash?.clientsMoved) {
    out.push('');
    out.push(`ip-hash: ${pct(hash.clientsMoved.onLeave)} of clients moved when the instance left, ${pct(hash.clientsMoved.onReturn)} when it returned.`);
  }
  if (report.pooledReference) out.push(`Floor (one pooled M/M/c queue of the same servers, exponential times): mean ${formatSeconds(report.pooledReference.meanSeconds)}.`);
  out.push('');
  out.push(`Verdict: ${report.verdict.text}`);
  const planResult = results.find((r) => r.algorithm === context.balancer.algorithm);
  if (planResult) {
    for (const r of results) {
      if (r === planResult) continue;
      out.push(
        `  switching to ${r.algorithm}: p99 with all instances up ${formatSeconds(planResult.steadyLatency.p99)} → ${formatSeconds(r.steadyLatency.p99)}, ` +
          `failed or timed out ${pct(badShare(planResult))} → ${pct(badShare(r))}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
