/**
 * The app's simulation client and the dashboard's data shaping, without a browser: the CLI's split,
 * the replication-order merge (any arrival order gives the engine's own summary), the run outcome
 * (reduced samples, downtime by cause, heat), the controller over fake workers (progress, result,
 * engine error, cancel terminating every worker, refusals), and chart shaping.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReplications, summarize } from '../../sim/engine/monteCarlo';
import type { ReplicationSummary } from '../../sim/engine/replication';
import { runScenarios } from '../../sim/engine/scenarios';
import { validatePlan } from '../../sim/model/validate';
import type { Plan } from '../../sim/model/schema';
import type { ResolvedPlan } from '../../sim/model/resolve';
import { mergeInReplicationOrder, splitReplications, workerCountFor } from '../../renderer/simClient/jobs';
import { buildOutcome, componentsOf, reduceSample } from '../../renderer/simClient/outcome';
import { checkRunnable, startSimulation, cancelSimulation, updateRunSettings } from '../../renderer/simClient/runController';
import type { RunOutcome } from '../../renderer/simClient/types';
import { createEditorStore } from '../../renderer/store/createEditorStore';
import { distribution, durationTicks, ninesDomain, timelineMarks, topCauses } from '../../renderer/results/shape';
import { formatDuration, formatNines, formatPercent } from '../../renderer/results/format';
import { getTemplate } from '../../sim/templates';
import { FakeWorker } from './helpers/fakeWorker';

const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/plans/results-two-region-dns.plan.json', import.meta.url), 'utf8')) as Plan;
const small = (): Plan => ({ ...FIXTURE, simulation: { horizonYears: 2, replications: 9, seed: 11 } });
const resolved = (plan: Plan): ResolvedPlan => {
  const v = validatePlan(plan);
  if (!v.resolved) throw new Error('fixture invalid');
  return v.resolved;
};

/** Fake workers that run the real engine synchronously when poked, so tests control ordering. */
const immediate = () => Promise.resolve();
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('splitting and merging replications', () => {
  it('splits like the CLI: covers the run in order, full-size jobs first, shrinking toward the end', () => {
    for (const [replications, workers] of [[20, 2], [1000, 2], [1000, 8], [100_000, 2], [3, 8], [1, 1]] as const) {
      const jobs = splitReplications(replications, workers);
      const largest = Math.ceil(replications / (workers * 8));
      let next = 0;
      for (const [k, job] of jobs.entries()) {
        expect(job.fromReplication).toBe(next);
        expect(job.count).toBeGreaterThan(0);
        expect(job.count).toBeLessThanOrEqual(largest);
        if (k > 0) expect(job.count).toBeLessThanOrEqual(jobs[k - 1]!.count);
        next += job.count;
      }
      expect(next).toBe(replications);
      // Early on every worker gets full-size jobs; the last ones are at most an eighth of that (but ≥ 1).
      if (replications >= workers * 64) {
        expect(jobs[0]!.count).toBe(largest);
        expect(jobs.at(-1)!.count).toBeLessThanOrEqual(Math.ceil(largest / 8));
      }
    }
    // 1,000 on 2 workers: 12 jobs of 63, then 61, 46, 35, 26, 19, 15, 11 and the rest of 8 or fewer.
    expect(splitReplications(1000, 2).map((j) => j.count)).toEqual([...Array.from({ length: 12 }, () => 63), 61, 46, 35, 26, 19, 15, 11, 8, 8, 8, 7]);
    expect(splitReplications(3, 8).map((j) => j.count)).toEqual([1, 1, 1]);
    expect(workerCountFor(8, 100)).toBe(7);
    expect(workerCountFor(1, 100)).toBe(1);
    expect(workerCountFor(16, 3)).toBe(3);
    expect(workerCountFor(undefined, 100)).toBe(1);
  });

  it('merges chunks arriving in any order into the engine’s own result, and refuses a gap', () => {
    const plan = resolved(small());
    const whole = runReplications(plan, { fromReplication: 0, count: 9, seed: 11, horizonYears: 2 });
    const chunks = splitReplications(9, 3).map((j) => runReplications(plan, { fromReplication: j.fromReplication, count: j.count, seed: 11, horizonYears: 2 }));
    const merged = mergeInReplicationOrder([...chunks].reverse(), 9);
    expect(summarize(merged, plan, 11)).toEqual(summarize(whole, plan, 11));
    expect(() => mergeInReplicationOrder(chunks.slice(1), 9)).toThrow(/returned 8 of 9/);
    expect(() => mergeInReplicationOrder([...chunks, chunks[0]!], 9)).toThrow();
  });
});

describe('run outcome', () => {
  const plan = resolved(small());
  const summaries = runReplications(plan, { fromReplication: 0, count: 9, seed: 11, horizonYears: 2 });
  const outcome = buildOutcome(summaries, plan, { horizonYears: 2, replications: 9, seed: 11 }, { wallSeconds: 1, workers: 2, mainThread: false });

  it('carries the CLI result unchanged and every RTO sample (reduced)', () => {
    expect({ ...outcome.result, wallSeconds: null }).toEqual(summarize(summaries, plan, 11));
    expect(outcome.rtoSample.count).toBe(outcome.result.rtoSeconds.count);
    const big = reduceSample(Array.from({ length: 10_000 }, (_, i) => 10_000 - i), 100);
    expect(big.count).toBe(10_000);
    expect(big.values).toHaveLength(100);
    expect(big.values[0]).toBe(51);
    expect([...big.values].sort((a, b) => a - b)).toEqual(big.values);
  });

  it('adds up downtime by first cause over all recorded incidents and maps causes to components', () => {
    const recorded = summaries.flatMap((s) => s.incidentRecords);
    const total = recorded.reduce((sum, r) => sum + ((r.endHours ?? 2 * 8760) - r.startHours), 0);
    expect(outcome.causes.reduce((s, c) => s + c.downtimeHours, 0)).toBeCloseTo(total, 9);
    expect(outcome.causes.reduce((s, c) => s + c.incidents, 0)).toBe(recorded.length);
    expect(outcome.causes.map((c) => c.downtimeHours)).toEqual([...outcome.causes.map((c) => c.downtimeHours)].sort((a, b) => b - a));
    expect(componentsOf({ kind: 'region', id: 'use1' }, plan)).toEqual({ nodes: ['lb-east', 'gw-east', 'db-east'], regions: ['use1'] });
    expect(componentsOf({ kind: 'instance', id: 'gw-west#2' }, plan).nodes).toEqual(['gw-west']);
    expect(componentsOf({ kind: 'commonCause', id: 'bad-deploy' }, plan).nodes).toEqual(['gw-east', 'gw-west']);
    expect(componentsOf({ kind: 'zone', id: 'use1/1' }, plan).nodes).toEqual(['gw-east']);
    // Heat: a component's share is the downtime of the causes that took it down.
    const gwEast = outcome.causes.filter((c) => c.nodes.includes('gw-east')).reduce((s, c) => s + c.downtimeHours, 0);
    expect(outcome.heat.nodes['gw-east']).toBeCloseTo(gwEast / total, 9);
    expect(outcome.scenarios).toBeNull();
  });

  it('shapes charts: log histogram summing to one with the objective in range, timeline marks, top causes', () => {
    const d = distribution(outcome.rtoSample, 900)!;
    expect(d.bins.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 9);
    expect(d.domain[0]).toBeLessThanOrEqual(Math.max(0.1, outcome.rtoSample.values[0]!));
    expect(d.domain[1]).toBeGreaterThanOrEqual(900);
    expect(d.cdf.at(-1)![1]).toBe(1);
    expect(distribution({ count: 0, values: [] })).toBeNull();
    const marks = timelineMarks(outcome.result.incidents.timeline, 2);
    expect(marks).toHaveLength(outcome.result.incidents.timeline.length);
    expect(marks.every((m) => m.seconds > 0 && !m.causeId.includes('#'))).toBe(true);
    const rows = topCauses(outcome.causes, 2);
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);
    expect(rows.at(-1)!.other).toBe(outcome.causes.length > 2);
    expect(durationTicks([5, 90_000], 20)).toEqual([10, 30, 60, 300, 900, 3600, 14_400, 43_200, 86_400]);
    expect(ninesDomain([0.999, 0.9995])[0]).toBeLessThan(3);
  });

  it('formats like the CLI', () => {
    expect(formatPercent(0.9990385)).toBe('99.9039 %');
    expect([formatDuration(45.4), formatDuration(6282), formatDuration(null), formatDuration(125)]).toEqual(['45.4 s', '104.7 min', '—', '2.1 min']);
    expect(formatNines(0.999)).toBe('3.00 nines');
  });
});

describe('run controller with fake workers', () => {
  it('runs over workers, reports progress, and stores the CLI’s result stamped with the revision', async () => {
    FakeWorker.all = [];
    const store = createEditorStore(small());
    startSimulation(store, { workers: 2, createWorker: () => new FakeWorker(), yieldToWindow: immediate, now: () => 0 });
    expect(store.getState().simulation).toMatchObject({ status: 'running', total: 9 });
    expect(FakeWorker.all).toHaveLength(2);
    // Finish the second worker's jobs first: the merge must not care.
    while (FakeWorker.all[1]!.step() || FakeWorker.all[0]!.step());
    await flush();
    const sim = store.getState().simulation;
    expect(sim.status).toBe('done');
    expect(sim.done).toBe(9);
    const outcome = sim.result as RunOutcome;
    const plan = resolved(small());
    expect({ ...outcome.result, wallSeconds: null }).toEqual(summarize(runReplications(plan, { fromReplication: 0, count: 9, seed: 11, horizonYears: 2 }), plan, 11));
    expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
    expect(sim.resultRevision).toBe(store.getState().revision);
  });

  it('replays scripted scenarios in a worker once the replications are handed out, and tables them', async () => {
    FakeWorker.all = [];
    const template = structuredClone(getTemplate('two-region-active-passive')!.plan) as Plan;
    const plan: Plan = { ...template, simulation: { horizonYears: 1, replications: 3, seed: 5 } };
    const store = createEditorStore(plan);
    startSimulation(store, { workers: 1, createWorker: () => new FakeWorker(), yieldToWindow: immediate });
    while (FakeWorker.all[0]!.step());
    await flush();
    const outcome = store.getState().simulation.result as RunOutcome;
    const expected = runScenarios(resolved(plan), { replications: 3, seed: 5 });
    expect(outcome.scenarios).toEqual(
      expected.map((r) => ({ id: r.id, description: r.name, rtoSeconds: r.rtoSeconds.mean, rpoSeconds: r.rpoSeconds.mean, lostRequests: r.lostRequests.mean })),
    );
    expect(outcome.scenarios!.length).toBe(template.scenarios!.length);
    expect(outcome.scenarios![0]!.rtoSeconds).toBeGreaterThan(0);
  });

  it('an engine error becomes a clear message, stops every worker and keeps the previous result and the editor', async () => {
    FakeWorker.all = [];
    const store = createEditorStore(small());
    startSimulation(store, { workers: 2, createWorker: () => new FakeWorker(), yieldToWindow: immediate });
    FakeWorker.all[0]!.step('replication 3: no route');
    await flush();
    expect(store.getState().simulation).toMatchObject({ status: 'error', error: 'The simulation stopped with an engine error: replication 3: no route' });
    expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
    updateRunSettings(store, { seed: 5 });
    expect(store.getState().plan.simulation?.seed).toBe(5);
    store.getState().undo();
    expect(store.getState().plan.simulation?.seed).toBe(11);
  });

  it('cancel terminates every worker and late messages are ignored', async () => {
    FakeWorker.all = [];
    const store = createEditorStore(small());
    startSimulation(store, { workers: 3, createWorker: () => new FakeWorker(), yieldToWindow: immediate });
    FakeWorker.all[0]!.step();
    cancelSimulation(store);
    expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
    await flush();
    expect(store.getState().simulation.status).toBe('cancelled');
    expect(store.getState().simulation.result).toBeNull();
  });

  it('falls back to this thread when workers cannot start', async () => {
    const store = createEditorStore(small());
    let ran = 0;
    startSimulation(store, {
      workers: 2,
      createWorker: () => {
        throw new Error('blocked');
      },
      runInThisThread: async (plan, settings, onProgress) => {
        ran++;
        const out: ReplicationSummary[] = runReplications(plan, { fromReplication: 0, count: settings.replications, seed: settings.seed, horizonYears: settings.horizonYears });
        onProgress(settings.replications);
        return { summaries: out, scenarios: null };
      },
      yieldToWindow: immediate,
    });
    await flush();
    expect(ran).toBe(1);
    expect((store.getState().simulation.result as RunOutcome).mainThread).toBe(true);
  });

  it('refuses plans that do not validate, naming why; runs every valid one (a deep check included)', () => {
    expect(checkRunnable(getTemplate('single-region-lb')!.plan as Plan).ok).toBe(true);
    // Validation is cached per plan object (plans are immutable in the store), so edit a copy.
    const template = structuredClone(getTemplate('single-region-lb')!.plan) as Plan;
    const lb = template.nodes.find((n) => n.id === 'lb') as Plan['nodes'][number] & { healthCheck: Record<string, unknown> };
    lb.healthCheck = { ...lb.healthCheck, deep: true };
    expect(checkRunnable(template).ok).toBe(true);
    const invalidPlan = { ...small(), edges: [...small().edges, { kind: 'traffic' as const, from: 'users', to: 'ghost' }] };
    const invalid = checkRunnable(invalidPlan);
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.message).toMatch(/does not validate/);
    const store = createEditorStore(invalidPlan);
    expect(startSimulation(store)).toBeNull();
    expect(store.getState().simulation.status).toBe('error');
    expect(store.getState().simulation.errorDetails.length).toBeGreaterThan(0);
  });
});
