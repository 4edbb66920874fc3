// The Sensitivity panel's data: the parameters and ranges a run moves (the catalog's unless the
// user edits them), edits checked and turned into the user ranges the engine and the CLI take,
// and a run's result turned into tornado bars for each measure.
import { describe, expect, it } from 'vitest';
import { sensitivityParameters, type SensitivityEnd, type SensitivityResult, type SensitivityRow } from '../../../sim/analysis/sensitivity';
import { DEFAULT_RANGES } from '../../../sim/catalog/ranges';
import type { Plan } from '../../../sim/model/schema';
import { validatePlan } from '../../../sim/model/validate';
import { getTemplate } from '../../../sim/templates';
import { rangeRows, sameRanges, tornadoBars, tornadoDomain, userRangesOf, userRangesOfResult } from '../../../renderer/review/sensitivityShape';
import { sensitivityArgs } from '../../../renderer/review/reportExport';
import { runSensitivity } from '../../../sim/analysis/sensitivity';
import type { ReplicationRunner } from '../../../sim/analysis/design';
import { accumulateReplications, pairedRecordOf, runReplications, type PairedRecord } from '../../../sim/engine/monteCarlo';
import type { BrowserRequest, BrowserRunMessage } from '../../../sim/entry/pools/browserProtocol';
import type { WorkerLike } from '../../../renderer/simClient/runSimulation';
import { runAnalysis } from '../../../renderer/review/runAnalysis';
import { useReview } from '../../../renderer/review/reviewStore';

const plan = (): Plan => structuredClone(getTemplate('two-region-active-passive')!.plan);

const end = (setting: number, availability: number, ci: [number, number] | null, rto: number | null, usd: number): SensitivityEnd => ({
  setting,
  availability: { mean: availability, standardError: 0, ci95: ci },
  downtimeMinutesPerYear: { mean: -availability * 525_960, standardError: 0, ci95: null },
  rtoP95Seconds: rto === null ? null : 100 + rto,
  rtoP95DeltaSeconds: rto,
  monthlyUsdDelta: usd,
  tcoUsdPerMonthDelta: usd,
});

const row = (id: string, low: SensitivityEnd, high: SensitivityEnd, origin: 'catalog' | 'user' = 'catalog'): SensitivityRow => ({
  id,
  class: 'repairTime',
  label: id,
  base: 1,
  unit: '× plan value',
  range: { ...DEFAULT_RANGES.repairTime, ...(origin === 'user' ? { low: 0.25, high: 4 } : {}), origin },
  low,
  high,
  availabilitySwing: Math.max(Math.abs(low.availability.mean), Math.abs(high.availability.mean)),
});

const result = (parameters: SensitivityRow[]): SensitivityResult => ({
  seed: 7,
  replications: 10,
  horizonYears: 1,
  base: { availability: { mean: 0.999, standardError: 0, ci95: [0.998, 0.9995] }, rtoP95Seconds: 100, monthlyUsd: 1000, tcoUsdPerMonth: 1200 },
  parameters,
});

describe('sensitivity ranges', () => {
  it('lists the engine’s parameters with the catalog’s ends until the user edits one', () => {
    const p = plan();
    const resolved = validatePlan(p).resolved!;
    const rows = rangeRows(p, resolved, {});
    expect(rows.map((r) => r.id)).toEqual(sensitivityParameters(p, resolved).map((x) => x.id));
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect([r.low, r.high, r.edited]).toEqual([r.catalogLow, r.catalogHigh, false]);
    expect(userRangesOf(rows)).toEqual({ ok: true, ranges: {} });

    const target = rows.find((r) => r.id.startsWith('repairTime:'))!;
    const edited = rangeRows(p, resolved, { [target.id]: { low: '0.25', high: '4' } });
    const changed = edited.find((r) => r.id === target.id)!;
    expect([changed.low, changed.high, changed.edited]).toEqual([0.25, 4, true]);
    expect(userRangesOf(edited)).toEqual({ ok: true, ranges: { [target.id]: { low: 0.25, high: 4 } } });
  });

  it('an edit typed back to the catalog’s ends is not a user range', () => {
    const p = plan();
    const resolved = validatePlan(p).resolved!;
    const target = rangeRows(p, resolved, {}).find((r) => r.kind === 'absolute')!;
    const rows = rangeRows(p, resolved, { [target.id]: { low: String(target.catalogLow), high: `${target.catalogHigh}.0` } });
    expect(rows.find((r) => r.id === target.id)!.low).toBe(target.catalogLow);
    expect(rows.some((r) => r.edited)).toBe(false);
  });

  it('refuses an edit that is not a number, is reversed, or makes a factor zero, naming the parameter', () => {
    const p = plan();
    const resolved = validatePlan(p).resolved!;
    const id = rangeRows(p, resolved, {}).find((r) => r.kind === 'factor')!.id;
    const label = rangeRows(p, resolved, {}).find((r) => r.id === id)!.label;
    expect(userRangesOf(rangeRows(p, resolved, { [id]: { low: '', high: '2' } }))).toEqual({ ok: false, message: `${label}: low must be above 0 (it multiplies the plan's value)` });
    expect(userRangesOf(rangeRows(p, resolved, { [id]: { low: 'x', high: '2' } }))).toEqual({ ok: false, message: `${label}: low must be a finite number` });
    expect(userRangesOf(rangeRows(p, resolved, { [id]: { low: '3', high: '2' } }))).toEqual({ ok: false, message: `${label}: low (3) must not exceed high (2)` });
    expect(userRangesOf(rangeRows(p, resolved, { [id]: { low: '0', high: '2' } }))).toEqual({ ok: false, message: `${label}: low must be above 0 (it multiplies the plan's value)` });
  });
});

describe('tornado bars', () => {
  const r = result([
    row('a', end(0.5, -0.0001, [-0.0002, -0.00005], 10, -50), end(2, 0.00002, [-0.00001, 0.00005], -5, 100)),
    row('b', end(0.5, 0.0003, [0.0001, 0.0005], null, 0), end(2, -0.0004, [-0.0006, -0.0002], 30, 0)),
    row('c', end(0.5, 0, [0, 0], 0, 0), end(2, 0, [0, 0], 0, 0)),
  ]);

  it('availability: each end’s paired mean, largest swing first, n.s. when both intervals hold 0', () => {
    const bars = tornadoBars(r, 'availability');
    expect(bars.map((b) => [b.id, b.low, b.high, b.swing, b.notSignificant])).toEqual([
      ['b', 0.0003, -0.0004, 0.0004, false],
      ['a', -0.0001, 0.00002, 0.0001, false],
      ['c', 0, 0, 0, true],
    ]);
    expect(bars[0]!.lowText).toBe('+0.0300 pp');
    expect(bars[0]!.highText).toBe('−0.0400 pp');
    expect(bars[0]!.settings).toBe('0.5 … 2 × plan value');
    expect(tornadoDomain(bars)).toEqual([-0.0004, 0.0003]);
  });

  it('RTO p95: a missing recovery sample is n/a and sorts as no change', () => {
    const bars = tornadoBars(r, 'rtoP95');
    expect(bars.map((b) => [b.id, b.low, b.high, b.swing])).toEqual([
      ['b', null, 30, 30],
      ['a', 10, -5, 10],
      ['c', 0, 0, 0],
    ]);
    expect([bars[0]!.lowText, bars[0]!.highText, bars[1]!.highText]).toEqual(['n/a', '+30.0 s', '−5.0 s']);
    expect(tornadoDomain(bars)).toEqual([-5, 30]);
  });

  it('cost: exact monthly deltas; a flat tornado still has a domain', () => {
    const bars = tornadoBars(r, 'cost');
    expect(bars.map((b) => [b.id, b.low, b.high])).toEqual([
      ['a', -50, 100],
      ['b', 0, 0],
      ['c', 0, 0],
    ]);
    expect(bars[0]!.highText).toBe('+$100');
    expect(tornadoDomain(bars.slice(1))).toEqual([-1, 1]);
  });
});

describe('the rerun words of a sensitivity run', () => {
  it('are --sensitivity alone with the catalog’s ranges, and carry the user’s ranges as inline JSON', () => {
    const catalog = result([row('repairTime:db', end(0.5, 0, null, 0, 0), end(2, 0, null, 0, 0))]);
    expect(sensitivityArgs(catalog)).toEqual(['--sensitivity']);
    const user = result([row('repairTime:db', end(0.25, 0, null, 0, 0), end(4, 0, null, 0, 0), 'user'), row('dnsTtl:dns', end(20, 0, null, 0, 0), end(120, 0, null, 0, 0))]);
    expect(userRangesOfResult(user)).toEqual({ 'repairTime:db': { low: 0.25, high: 4 } });
    expect(sameRanges(userRangesOfResult(user), { 'repairTime:db': { low: 0.25, high: 4 } })).toBe(true);
    expect(sameRanges(userRangesOfResult(user), { 'repairTime:db': { low: 0.25, high: 3 } })).toBe(false);
    expect(sameRanges(userRangesOfResult(user), {})).toBe(false);
    expect(sameRanges({}, userRangesOfResult(catalog))).toBe(true);
    expect(sensitivityArgs(user)).toEqual(['--sensitivity', '--ranges', `'{"repairTime:db":{"low":0.25,"high":4}}'`]);
  });
});

describe('the Sensitivity panel’s run', () => {
  /** A worker answering each job on a later task (or never, when held), as the window's pool does. */
  class PoolWorker implements WorkerLike {
    static hold = false;
    onmessage: ((event: MessageEvent<BrowserRunMessage>) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    terminated = false;
    postMessage(job: BrowserRequest) {
      if (job.type !== 'run' || PoolWorker.hold) return;
      setTimeout(() => {
        if (this.terminated) return;
        const summaries = runReplications(job.plan, { fromReplication: job.fromReplication, count: job.count, seed: job.seed, horizonYears: job.horizonYears });
        this.onmessage?.({ data: { type: 'progress', done: job.count, total: job.count } } as MessageEvent<BrowserRunMessage>);
        this.onmessage?.({ data: { type: 'done', summaries, wallSeconds: 0 } } as MessageEvent<BrowserRunMessage>);
      }, 0);
    }
    terminate() {
      this.terminated = true;
    }
  }
  const settings = { seed: 3, replications: 4, horizonYears: 1 };
  const inThread: ReplicationRunner = async (p, s) => {
    const records: PairedRecord[] = [];
    const statistics = accumulateReplications(p, { fromReplication: 0, count: s.replications, seed: s.seed, horizonYears: s.horizonYears, onSummary: (r) => records.push(pairedRecordOf(r)) });
    return { statistics, records };
  };

  it('runs in the worker pool to the CLI’s result, with step progress, and records it for the revision', async () => {
    PoolWorker.hold = false;
    const p = plan();
    const ranges = { 'repairTime:db-east': { low: 0.25, high: 4 } };
    const labels: string[] = [];
    const unsubscribe = useReview.subscribe((s) => {
      const label = s.sensitivity.progress?.label;
      if (label && labels.at(-1) !== label) labels.push(label);
    });
    await runAnalysis('sensitivity', 7, (run, onStep) => runSensitivity(p, settings, run, { ranges }, onStep), { workers: 2, createWorker: () => new PoolWorker() });
    unsubscribe();
    const slot = useReview.getState().sensitivity;
    expect([slot.status, slot.revision, slot.error]).toEqual(['done', 7, null]);
    expect(slot.result).toEqual(await runSensitivity(p, settings, inThread, { ranges }));
    expect(labels[0]).toBe('base plan');
    expect(labels).toContain('db-east repair time high');
    expect(labels).toHaveLength(1 + 2 * slot.result!.parameters.length);
  });

  it('cancel stops the workers and keeps the last finished result', async () => {
    const before = useReview.getState().sensitivity.result;
    PoolWorker.hold = true;
    const done = runAnalysis('sensitivity', 8, (run, onStep) => runSensitivity(plan(), settings, run, {}, onStep), { workers: 2, createWorker: () => new PoolWorker() });
    expect(useReview.getState().sensitivity.status).toBe('running');
    useReview.getState().sensitivity.cancel!();
    await done;
    const slot = useReview.getState().sensitivity;
    expect([slot.status, slot.revision, slot.progress]).toEqual(['cancelled', 7, null]);
    expect(slot.result).toBe(before);
  });
});
