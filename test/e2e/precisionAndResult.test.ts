/**
 * End-to-end (Chromium, 1280×800): a precision run set in the run controls stops where `simulate
 * --precision` stops (multi-az, seed 17, ±15 % of downtime, 2 years) and says the target stopped it;
 * the progress shows the current half-width; Open result… (⋯ menu, then Ctrl+Shift+O) shows a
 * merged CLI result of the plan as current, and one of another plan as not describing this design.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getTemplate } from '../../sim/templates';
import type { Plan } from '../../sim/model/schema';
import { newEditorPage, pageErrors, screenshot, skipReason, useBuiltApp } from './helpers/browser';
import { answerOpen } from './helpers/inspectorPage';
import { ResultsPage } from './helpers/resultsPage';
import { runCli, scratchDir } from '../sim/cli/cliHarness';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

const plan = (): Plan => ({ ...(structuredClone(getTemplate('multi-az')!.plan) as Plan), simulation: { horizonYears: 2, replications: 100, seed: 17 } });

/** A run-controls element wherever the width put it: the bar, or the "⋯" menu (opened if need be). */
async function control(page: Page, testId: string) {
  const element = page.getByTestId(testId);
  if (!(await element.isVisible())) await page.getByTestId('toolbar-more').click();
  return page.getByTestId(testId);
}

describe.skipIf(reason !== null)('precision runs and Open result in Chromium', () => {
  const app = useBuiltApp();
  const scratch = scratchDir();

  it('a precision run stops where the CLI stops and says the target stopped it; the progress shows the half-width', async () => {
    const file = scratch.write('multi-az.plan.json', JSON.stringify(plan()));
    const cli = await runCli('simulate', file, '--json', '--precision', '0.15', '--workers', '1');
    expect(cli.code, cli.stderr).toBe(0);
    const expected = JSON.parse(cli.stdout) as { replications: number; precision: { batches: number; relativeHalfWidth: number } };
    expect(expected.precision.batches).toBeGreaterThan(1);

    const page = await newEditorPage(app.browser, app.server.url, { width: 1280, height: 800 });
    const results = new ResultsPage(page);
    await results.loadPlan(plan());
    await (await control(page, 'run-precision-enabled')).check();
    const target = await control(page, 'run-precision-target');
    await target.fill('15');
    await target.press('Enter');
    await screenshot(page, 'precision-01-controls');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.__editor!.getState().simulation.precision)).toMatchObject({ enabled: true, target: 0.15, measure: 'downtime', cap: 20_000 });
    await page.getByTestId('run-simulation').click();
    await results.waitForStatus('done');
    const precision = page.getByTestId('result-precision');
    await expect.poll(() => precision.getAttribute('data-stopped')).toBe('target-reached');
    expect(await precision.textContent()).toMatch(new RegExp(`^Target reached: after ${expected.replications} replications \\(${expected.precision.batches} batches\\)`));
    await screenshot(page, 'precision-02-target-reached');
    const halfWidth = await page.evaluate(() => window.__editor!.getState().simulation.halfWidth);
    expect(halfWidth?.done).toBe(expected.replications);
    // Chromium's and Node's Math may differ in the last bit (the t quantile), never more.
    expect(Math.abs(halfWidth!.relative! - expected.precision.relativeHalfWidth)).toBeLessThan(1e-12 * expected.precision.relativeHalfWidth);

    // A tighter target runs long enough to watch: the bar shows the half-width after each batch.
    const tighter = await control(page, 'run-precision-target');
    await tighter.fill('2');
    await tighter.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByTestId('run-simulation').click();
    await expect.poll(() => page.getByTestId('run-halfwidth').textContent(), { timeout: 60_000 }).toMatch(/±\d+\.\d{2} % \(target 2\.00 %\)/);
    await screenshot(page, 'precision-03-half-width');
    await page.getByTestId('run-cancel').click();
    await results.waitForStatus('cancelled');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('Open result… shows a merged result of the plan as current, and one of another plan as not this design', async () => {
    const file = scratch.write('multi-az-open.plan.json', JSON.stringify(plan()));
    const shards: string[] = [];
    for (const k of [1, 2, 3]) {
      const out = `${scratch.dir}/shard-${k}.json`;
      expect((await runCli('simulate', file, '--replications', '30', '--workers', '1', '--shard', `${k}/3`, '--out', out)).code).toBe(0);
      shards.push(out);
    }
    const merged = `${scratch.dir}/merged.json`;
    expect((await runCli('merge', ...shards, '--out', merged)).code).toBe(0);

    const page = await newEditorPage(app.browser, app.server.url, { width: 1280, height: 800 });
    const results = new ResultsPage(page);
    await results.loadPlan(plan());
    await answerOpen(page, async () => {
      await page.getByTestId('toolbar-more').click();
      await page.getByTestId('open-result').click();
    }, merged);
    const source = page.getByTestId('result-source');
    await expect.poll(() => source.getAttribute('data-matches')).toBe('true');
    expect(await source.textContent()).toMatch(/^Opened from merged\.json: a result of this plan/);
    await screenshot(page, 'precision-04-opened-result');
    expect(await page.getByTestId('results').getAttribute('data-stale')).toBe('false');
    expect(await page.evaluate(() => (window.__editor!.getState().simulation.result as { result: { replications: number } }).result.replications)).toBe(30);

    // Another plan open: the shortcut opens the same file, which is then shown as stale and said so.
    await results.loadPlan({ ...plan(), name: 'Another design' });
    await answerOpen(page, async () => {
      await page.keyboard.press('Control+Shift+O');
      await page.getByTestId('open-prompt-choose').click();
    }, merged);
    await expect.poll(() => source.getAttribute('data-matches')).toBe('false');
    expect(await source.textContent()).toMatch(/computed from a different plan/);
    await screenshot(page, 'precision-05-opened-other-plan');
    expect(await page.getByTestId('results').getAttribute('data-stale')).toBe('true');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
    scratch.cleanup();
  }, 120_000);
});
