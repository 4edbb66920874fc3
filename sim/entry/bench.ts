// `npm run bench`: failure/repair cycles per second of the engine on 20 components in series (each
// exponential 1000 h up / 4 h down), next to a raw simjs setTimer loop on the same 20 components,
// measured in the same run (median of 5); then wall time and peak memory of 10,000 simulated years
// of templates on 1 and 2 workers. Prints; asserts nothing.
import { spawnSync } from 'node:child_process';
import { compileModel } from '../engine/model';
import { runReplication } from '../engine/replication';
import type { SimjsEntity, SimjsSim } from '../engine/simjs';
import { validatePlan } from '../model/validate';
import { loadSimjsNode } from './loadSimjsNode';
import { unsupportedFeatures } from '../engine/unsupported';
import { getTemplate } from '../templates';
import { runReplicationsParallel } from './runReplicationsParallel';

const COMPONENTS = 20;
const YEARS = 5000;
const RUNS = 5;

function seriesPlan(): unknown {
  const nodes: unknown[] = [{ id: 'users', kind: 'clients', requestsPerSecond: 100 }];
  const edges: unknown[] = [];
  let previous = 'users';
  for (let i = 0; i < COMPONENTS; i++) {
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
  return { schemaVersion: 1, name: 'bench: 20 in series', regions: [], nodes, edges };
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

// 10,000 simulated plan-years of a template on 1 and 2 workers: wall time and peak memory. The
// active-passive template is the target; until the engine simulates all its parts it prints the
// refusal, and a template that does simulate is measured alongside.
const PLAN_YEARS = 10_000;
const TEMPLATE_HORIZON_YEARS = 10;

async function benchTemplate(name: string, workers: number): Promise<void> {
  const template = getTemplate(name);
  if (!template) throw new Error(`no template ${name}`);
  const validated = validatePlan(template.plan);
  if (!validated.resolved) throw new Error(`template ${name} is invalid`);
  const missing = unsupportedFeatures(validated.resolved);
  if (missing.length > 0) {
    process.stdout.write(`  ${name}: not yet simulatable: ${missing.join('; ')}\n`);
    return;
  }
  {
    const started = performance.now();
    const summaries = await runReplicationsParallel(validated.resolved, {
      seed: 1,
      replications: PLAN_YEARS / TEMPLATE_HORIZON_YEARS,
      horizonYears: TEMPLATE_HORIZON_YEARS,
      workers,
    });
    const seconds = (performance.now() - started) / 1000;
    const events = summaries.reduce((a, s) => a + s.events, 0);
    const rssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(
      `  ${name}: ${PLAN_YEARS.toLocaleString('en-US')} plan-years on ${workers} worker${workers === 1 ? '' : 's'}: ${seconds.toFixed(2)} s, ` +
        `${events.toLocaleString('en-US')} events, peak RSS ${rssMb.toFixed(0)} MB (heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB at the end)\n`,
    );
  }
}

// Each template run is a fresh process, so its peak RSS (threads included) is its own.
const childArgs = process.argv.indexOf('--plan-years');
if (childArgs >= 0) {
  loadSimjsNode();
  await benchTemplate(process.argv[childArgs + 1]!, Number(process.argv[childArgs + 2]));
} else {
  seriesBench();
  process.stdout.write(`\n${PLAN_YEARS.toLocaleString('en-US')} simulated years (${PLAN_YEARS / TEMPLATE_HORIZON_YEARS} replications × ${TEMPLATE_HORIZON_YEARS} years); targets ≤ 2 s on 2 workers, peak < 200 MB\n`);
  for (const name of ['two-region-active-passive', 'kubernetes-containers', 'single-region-lb']) {
    for (const workers of [1, 2]) {
      // The same launcher again (bench.mjs, or this file under tsx), so the child runs the same code.
      const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--plan-years', name, String(workers)], { encoding: 'utf8' });
      process.stdout.write(child.stdout + child.stderr);
      if (child.stdout.includes('not yet simulatable')) break;
    }
  }
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
  process.stdout.write(
    `20 components in series (exponential 1000 h / 4 h), ${YEARS} years per run, median of ${RUNS} runs\n` +
      `  engine (fluid traffic, metrics, per-source streams): ${fmt(e)} cycles/s  (${fmt(2 * e)} events/s)\n` +
      `  raw simjs setTimer loop (simjs Random, no metrics):  ${fmt(r)} cycles/s  (${fmt(2 * r)} events/s)\n` +
      `  engine / raw simjs: ${(e / r).toFixed(2)}\n`,
  );
}
