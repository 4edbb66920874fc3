// `npm run bench`: events per second against fleet size (with and without capacity figures) and
// series size; failure/repair cycles per second of the engine on 20 components in series (each
// exponential 1000 h up / 4 h down), next to a raw simjs setTimer loop on the same 20 components,
// measured in the same run (median of 5); then wall time and peak memory of 10,000 simulated years
// of templates on 1 and 2 workers (median of 5 fresh processes); then peak memory of 1,000 to
// 100,000 replications of one template on one worker, which streaming statistics keep flat. Each
// section prints the machine's load average, as a shared machine's load moves every figure; the
// plan-year runs also print the CPU time the process used (all its threads), which load moves less.
// Prints; asserts nothing.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { compileModel } from '../../engine/model';
import { runReplication } from '../../engine/replication';
import type { SimjsEntity, SimjsSim } from '../../engine/simjs';
import { validatePlan } from '../../model/validate';
import { loadSimjsNode } from '../pools/loadSimjsNode';
import { getTemplate } from '../../templates';
import { runReplicationsParallel } from '../pools/runReplicationsParallel';

const COMPONENTS = 20;
const YEARS = 5000;
const RUNS = 5;

function seriesPlan(count = COMPONENTS): unknown {
  const nodes: unknown[] = [{ id: 'users', kind: 'clients', requestsPerSecond: 100 }];
  const edges: unknown[] = [];
  let previous = 'users';
  for (let i = 0; i < count; i++) {
    const id = `c${i}`;
    nodes.push({
      id,
      kind: 'service',
      instances: 1,
      reliability: { timeToFailureHours: { dist: 'exponential', mean: 1000 }, timeToRepairHours: { dist: 'exponential', mean: 4 } },
    });
    edges.push({ kind: 'traffic', from: previous, to: id });
    previous = id;
  }
  return { schemaVersion: 1, name: `bench: ${count} in series`, regions: [], nodes, edges };
}

/**
 * Clients → one round-robin balancer → a gateway fleet of `instances` (each exponential 1000 h up /
 * 4 h down). With `capacity`, each instance serves at most 20 rps of a load of 10 rps per instance
 * swinging ±50 % over the day, so a few failures at the daily peak saturate the rest.
 */
function fleetPlan(instances: number, capacity = false): unknown {
  return {
    schemaVersion: 1,
    name: `bench: fleet of ${instances}`,
    regions: [],
    nodes: [
      capacity ? { id: 'users', kind: 'clients', requestsPerSecond: 10 * instances, diurnalSwing: 0.5 } : { id: 'users', kind: 'clients', requestsPerSecond: 100 },
      { id: 'lb', kind: 'loadBalancer', algorithm: 'round-robin' },
      {
        id: 'gw',
        kind: 'gateway',
        instances,
        ...(capacity ? { capacityRpsPerInstance: 20 } : {}),
        reliability: { timeToFailureHours: { dist: 'exponential', mean: 1000 }, timeToRepairHours: { dist: 'exponential', mean: 4 } },
      },
    ],
    edges: [
      { kind: 'traffic', from: 'users', to: 'lb' },
      { kind: 'traffic', from: 'lb', to: 'gw' },
    ],
  };
}

/** Events per second of one replication of `plan` over `years` (validation and compilation not timed). */
function eventsPerSecond(plan: unknown, years: number, seed: number): number {
  const validated = validatePlan(plan);
  if (!validated.resolved) throw new Error(`bench plan is invalid: ${JSON.stringify(validated.errors?.[0])}`);
  const model = compileModel(validated.resolved, years);
  const started = performance.now();
  const summary = runReplication(model, { seed, replication: 0, availabilityObjective: NaN });
  return summary.events / ((performance.now() - started) / 1000);
}

// Cost per event against size: about 400,000 events per run whatever the size (each instance or
// component makes about 17.5 failure/repair events a year, and a balanced instance as many detections).
const SCALE_RUNS = 5;
const SCALE_EVENTS = 400_000;

function scaleBench(): void {
  loadSimjsNode();
  const cases: { label: string; plan: unknown; years: number }[] = [
    ...[10, 100, 1000].map((n) => ({ label: `fleet of ${n} behind one balancer`, plan: fleetPlan(n), years: SCALE_EVENTS / (35 * n) })),
    ...[10, 1000].map((n) => ({ label: `fleet of ${n}, capacities, daily swing`, plan: fleetPlan(n, true), years: SCALE_EVENTS / (35 * n) })),
    ...[20, 500].map((n) => ({ label: `series of ${n} components`, plan: seriesPlan(n), years: SCALE_EVENTS / (17.5 * n) })),
  ];
  process.stdout.write(`Events per second against size (one replication of ~${SCALE_EVENTS.toLocaleString('en-US')} events, one thread), median (min – max) of ${SCALE_RUNS}; ${load()}\n`);
  const medians = new Map<string, number>();
  for (const c of cases) {
    eventsPerSecond(c.plan, c.years / 10, 1); // warm-up
    const rates: number[] = [];
    for (let i = 0; i < SCALE_RUNS; i++) rates.push(eventsPerSecond(c.plan, c.years, i + 2));
    medians.set(c.label, median(rates));
    const fmt = (x: number): string => `${(x / 1e6).toFixed(3)} M`;
    process.stdout.write(`  ${c.label.padEnd(38)} ${fmt(median(rates))} events/s (${fmt(Math.min(...rates))} – ${fmt(Math.max(...rates))})\n`);
  }
  const ratio = (a: string, b: string): string => (medians.get(a)! / medians.get(b)!).toFixed(2);
  process.stdout.write(
    `  fleet 10 / fleet 1,000: ${ratio('fleet of 10 behind one balancer', 'fleet of 1000 behind one balancer')}× (target ≤ 2); ` +
      `series 20 / series 500: ${ratio('series of 20 components', 'series of 500 components')}× (target ≤ 1.5); ` +
      `with capacities, fleet 10 / fleet 1,000: ${ratio('fleet of 10, capacities, daily swing', 'fleet of 1000, capacities, daily swing')}×\n\n`,
  );
}

/** The machine's load average, printed with each section (the bench shares the machine). */
function load(): string {
  return `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function engineRun(seed: number): { cycles: number; seconds: number } {
  const validated = validatePlan(seriesPlan());
  if (!validated.resolved) throw new Error('bench plan is invalid');
  const model = compileModel(validated.resolved, YEARS);
  const started = performance.now();
  const summary = runReplication(model, { seed, replication: 0, availabilityObjective: NaN });
  return { cycles: summary.events / 2, seconds: (performance.now() - started) / 1000 };
}

/** The same model written directly on simjs: one entity per component, its own Random, no metrics. */
function rawSimjsRun(seed: number): { cycles: number; seconds: number } {
  const ns = loadSimjsNode();
  const horizon = YEARS * 8760 * 3600;
  const started = performance.now();
  const sim: SimjsSim = new ns.Sim();
  const random = new ns.Random(seed);
  let events = 0;
  class Component extends ns.Entity {
    up = true;
    start(): void {
      this.setTimer(random.exponential(1 / (1000 * 3600))).done(this.toggle);
    }
    toggle(this: Component & SimjsEntity): void {
      events++;
      this.up = !this.up;
      this.setTimer(random.exponential(this.up ? 1 / (1000 * 3600) : 1 / (4 * 3600))).done(this.toggle);
    }
  }
  for (let i = 0; i < COMPONENTS; i++) sim.addEntity(Component);
  sim.simulate(horizon);
  return { cycles: events / 2, seconds: (performance.now() - started) / 1000 };
}

// 10,000 simulated plan-years of a template on 1 and 2 workers: wall time and peak memory, each
// configuration run TEMPLATE_RUNS times in fresh processes (interleaved, because a shared 2-core
// machine drifts by ±20 % from minute to minute), reported as median (min – max).
const PLAN_YEARS = 10_000;
const TEMPLATE_HORIZON_YEARS = 10;
const TEMPLATE_RUNS = 5;
const TEMPLATES = ['two-region-active-passive', 'kubernetes-containers', 'single-region-lb'];

interface TemplateRun {
  seconds: number;
  /** CPU seconds of the whole process (every thread) during the run. */
  cpuSeconds: number;
  events: number;
  peakRssMb: number;
}

/** One measured run, in this (child) process: prints a TemplateRun as one JSON line. */
async function benchTemplate(name: string, workers: number): Promise<void> {
  const template = getTemplate(name);
  if (!template) throw new Error(`no template ${name}`);
  const validated = validatePlan(template.plan);
  if (!validated.resolved) throw new Error(`template ${name} is invalid`);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const statistics = await runReplicationsParallel(validated.resolved, {
    seed: 1,
    replications: PLAN_YEARS / TEMPLATE_HORIZON_YEARS,
    horizonYears: TEMPLATE_HORIZON_YEARS,
    workers,
  });
  const used = process.cpuUsage(cpu);
  const run: TemplateRun = {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    events: statistics.result(validated.resolved, 1, []).events,
    // Threads included: the process's own peak, as each run is a fresh process.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

function templateRun(name: string, workers: number): TemplateRun {
  // The same launcher again (bench.mjs, or this file under tsx), so the child runs the same code.
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--plan-years', name, String(workers)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench child for ${name} on ${workers} workers failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as TemplateRun;
}

function templateBench(): void {
  process.stdout.write(
    `\n${PLAN_YEARS.toLocaleString('en-US')} simulated years (${PLAN_YEARS / TEMPLATE_HORIZON_YEARS} replications × ${TEMPLATE_HORIZON_YEARS} years), ` +
      `median (min – max) of ${TEMPLATE_RUNS} fresh processes; targets ≤ 1.5 s on 2 workers, peak < 200 MB; ${load()}\n`,
  );
  for (const name of TEMPLATES) {
    const runs = new Map<number, TemplateRun[]>([[1, []], [2, []]]);
    for (let i = 0; i < TEMPLATE_RUNS; i++) for (const workers of [1, 2]) runs.get(workers)!.push(templateRun(name, workers));
    for (const [workers, list] of runs) {
      const seconds = list.map((r) => r.seconds);
      const cpu = list.map((r) => r.cpuSeconds);
      const peak = Math.max(...list.map((r) => r.peakRssMb));
      process.stdout.write(
        `  ${name.padEnd(26)} ${workers} worker${workers === 1 ? ' ' : 's'}: ${median(seconds).toFixed(2)} s (${Math.min(...seconds).toFixed(2)} – ${Math.max(...seconds).toFixed(2)}), ` +
          `CPU ${median(cpu).toFixed(2)} s (${Math.min(...cpu).toFixed(2)} – ${Math.max(...cpu).toFixed(2)}), ` +
          `${list[0]!.events.toLocaleString('en-US')} events, peak RSS ${peak.toFixed(0)} MB\n`,
      );
    }
  }
}

// Peak memory against run size: one template, 1-year replications, one worker, a fresh process each.
const MEMORY_TEMPLATE = 'two-region-active-passive';
const MEMORY_REPLICATIONS = [1_000, 10_000, 100_000];

async function benchMemory(replications: number): Promise<void> {
  const validated = validatePlan(getTemplate(MEMORY_TEMPLATE)!.plan);
  if (!validated.resolved) throw new Error(`template ${MEMORY_TEMPLATE} is invalid`);
  const started = performance.now();
  const statistics = await runReplicationsParallel(validated.resolved, { seed: 1, replications, horizonYears: 1, workers: 1 });
  const result = statistics.result(validated.resolved, 1, []);
  process.stdout.write(`${JSON.stringify({ seconds: (performance.now() - started) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, rtoSamples: result.rtoSeconds.count })}\n`);
}

function memoryBench(): void {
  process.stdout.write(`\nPeak memory against run size: ${MEMORY_TEMPLATE}, 1-year replications, 1 worker, one fresh process each (target < 200 MB); ${load()}\n`);
  for (const replications of MEMORY_REPLICATIONS) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--memory-run', String(replications)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`bench child for ${replications} replications failed: ${child.stderr}`);
    const run = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { seconds: number; peakRssMb: number; rtoSamples: number };
    process.stdout.write(`  ${replications.toLocaleString('en-US').padStart(7)} replications: ${run.seconds.toFixed(1)} s, peak RSS ${run.peakRssMb.toFixed(0)} MB (${run.rtoSamples.toLocaleString('en-US')} RTO samples pooled)\n`);
  }
}

const childArgs = process.argv.indexOf('--plan-years');
const memoryArgs = process.argv.indexOf('--memory-run');
if (childArgs >= 0) {
  loadSimjsNode();
  await benchTemplate(process.argv[childArgs + 1]!, Number(process.argv[childArgs + 2]));
} else if (memoryArgs >= 0) {
  loadSimjsNode();
  await benchMemory(Number(process.argv[memoryArgs + 1]));
} else if (process.argv.includes('--memory')) {
  memoryBench();
} else if (process.argv.includes('--ratio')) {
  seriesBench();
} else if (process.argv.includes('--scale')) {
  scaleBench();
  seriesBench();
} else {
  scaleBench();
  seriesBench();
  templateBench();
  memoryBench();
}

function seriesBench(): void {
  loadSimjsNode();
  const engine: number[] = [];
  const raw: number[] = [];
  engineRun(1); // warm-up: JIT and the plan's validation code
  rawSimjsRun(1);
  for (let i = 0; i < RUNS; i++) {
    const e = engineRun(i + 2);
    engine.push(e.cycles / e.seconds);
    const r = rawSimjsRun(i + 2);
    raw.push(r.cycles / r.seconds);
  }
  const fmt = (x: number): string => `${(x / 1e6).toFixed(2)} M`;
  const e = median(engine);
  const r = median(raw);
  const ratios = engine.map((x, i) => x / raw[i]!);
  const spread = (xs: number[]): string => `${fmt(Math.min(...xs))} – ${fmt(Math.max(...xs))}`;
  process.stdout.write(
    `20 components in series (exponential 1000 h / 4 h), ${YEARS} years per run, median (min – max) of ${RUNS} runs; ${load()}\n` +
      `  engine (fluid traffic, metrics, per-source streams): ${fmt(e)} cycles/s (${spread(engine)})  (${fmt(2 * e)} events/s)\n` +
      `  raw simjs setTimer loop (simjs Random, no metrics):  ${fmt(r)} cycles/s (${spread(raw)})  (${fmt(2 * r)} events/s)\n` +
      `  engine / raw simjs: ${(e / r).toFixed(2)} (run by run ${Math.min(...ratios).toFixed(2)} – ${Math.max(...ratios).toFixed(2)}; target ≥ 0.6)\n`,
  );
}
