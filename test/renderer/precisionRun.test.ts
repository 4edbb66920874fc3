/**
 * Precision runs in the app go through the CLI's batch loop: over fake workers running the real
 * engine, the app stops the multi-az template (seed 17, ±15 % of downtime, 2 years) at the count
 * `simulate --precision` stops at, for 1 and 2 workers, with the CLI's numbers; the progress shows the
 * half-width after each batch, and a cap that comes first is reported as the cap.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { relativeHalfWidth } from '../../sim/engine/precision';
import type { Plan } from '../../sim/model/schema';
import { getTemplate } from '../../sim/templates';
import { startSimulation } from '../../renderer/simClient/runController';
import type { RunOutcome } from '../../renderer/simClient/types';
import { createEditorStore } from '../../renderer/store/createEditorStore';
import { runCli } from '../sim/cli/cliHarness';
import { FakeWorker } from './helpers/fakeWorker';

const plan = (): Plan => ({ ...(structuredClone(getTemplate('multi-az')!.plan) as Plan), simulation: { horizonYears: 2, replications: 100, seed: 17 } });
const flush = () => new Promise((r) => setTimeout(r, 0));

/** Runs the store's plan to precision on `workers` fake workers; the outcome and the half-widths seen. */
async function appRun(workers: number, precision: { target: number; cap?: number }): Promise<{ outcome: RunOutcome; widths: Array<number | null> }> {
  FakeWorker.all = [];
  const store = createEditorStore(plan());
  store.getState().setPrecision({ enabled: true, target: precision.target, ...(precision.cap ? { cap: precision.cap } : {}) });
  const widths: Array<number | null> = [];
  store.subscribe((s, prev) => {
    if (s.simulation.halfWidth && s.simulation.halfWidth !== prev.simulation.halfWidth) widths.push(s.simulation.halfWidth.relative);
  });
  startSimulation(store, { workers, createWorker: () => new FakeWorker(), yieldToWindow: () => Promise.resolve() });
  for (let guard = 0; store.getState().simulation.status === 'running' && guard < 10_000; guard++) {
    for (const w of FakeWorker.all) while (w.step());
    await flush();
  }
  expect(store.getState().simulation.status).toBe('done');
  return { outcome: store.getState().simulation.result as RunOutcome, widths };
}

describe('precision runs in the app', () => {
  it('stop where simulate --precision stops, with its numbers, for 1 and 2 workers', async () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/precision-multi-az-${process.pid}.plan.json`;
    writeFileSync(file, JSON.stringify(plan()));
    try {
      const cli = await runCli('simulate', file, '--json', '--precision', '0.15', '--workers', '1');
      expect(cli.code, cli.stderr).toBe(0);
      const doc = JSON.parse(cli.stdout) as RunOutcome['result'] & { precision: RunOutcome['precision'] };
      const one = await appRun(1, { target: 0.15 });
      const two = await appRun(2, { target: 0.15 });
      for (const run of [one, two]) {
        expect(run.outcome.result.replications).toBe(doc.replications);
        expect(run.outcome.precision).toEqual(doc.precision);
        expect({ ...run.outcome.result, wallSeconds: null }).toEqual({ ...stripDoc(doc as unknown as Record<string, unknown>), wallSeconds: null });
        // One half-width per batch, the last the one the result reports.
        expect(run.widths).toHaveLength(doc.precision!.batches);
        expect(run.widths.at(-1)).toBe(relativeHalfWidth(run.outcome.result.downtimeMinutesPerYear));
      }
      expect(doc.precision!.batches).toBeGreaterThan(1);
      expect(doc.precision!.stoppedBecause).toBe('target-reached');
      expect(one.outcome.workers).toBe(1);
      expect(two.outcome.workers).toBe(2);
    } finally {
      rmSync(file, { force: true });
    }
  }, 120_000);

  it('stops at the cap and says so when the cap comes first', async () => {
    const { outcome } = await appRun(2, { target: 0.001, cap: 90 });
    expect(outcome.result.replications).toBe(90);
    expect(outcome.precision).toMatchObject({ stoppedBecause: 'cap', maxReplications: 90, batches: 2 });
    expect(outcome.precision!.relativeHalfWidth!).toBeGreaterThan(0.001);
  }, 60_000);
});

/** The simulate --json document without the fields a RunOutcome's result does not carry. */
function stripDoc(doc: Record<string, unknown>): Record<string, unknown> {
  const { plan: _p, planSha256: _h, cost: _c, notes: _n, precision: _pr, ...rest } = doc;
  return rest;
}
