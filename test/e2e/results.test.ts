/**
 * End-to-end: simulation in the built app, in headless Chromium. Run a plan in Web Workers, watch
 * progress, read the dashboard and compare it with the CLI for the same plan and seed, point the
 * canvas at causes, see results go stale, cancel a long run (no worker left), and the refusals:
 * a plan the engine does not simulate yet and a plan that does not validate. No sleeps: every wait
 * is on state. Screenshots go to test-results/e2e/.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Plan } from '../../sim/model/schema';
import { getTemplate } from '../../sim/templates';
import { formatDuration, formatMinutesPerYear, formatPercent } from '../../renderer/results/format';
import { pageErrors, REPO_ROOT, screenshot, skipReason, useBuiltApp } from './helpers/browser';
import { observeLongTasks, pretendCores, ResultsPage } from './helpers/resultsPage';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

const FIXTURE = `${REPO_ROOT}test/fixtures/plans/results-two-region-dns.plan.json`;
const fixture = (): Plan => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Plan;

function cliJson(file: string): Record<string, unknown> & { availability: { requestWeighted: { mean: number } }; downtimeMinutesPerYear: { mean: number }; rtoSeconds: { p95: number | null }; rpoSeconds: { p95: number | null } } {
  const run = spawnSync(process.execPath, [`${REPO_ROOT}sim/entry/resilience.mjs`, 'simulate', file, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`CLI failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

function expectSameNumbers(a: unknown, b: unknown, path: string): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isInteger(a) && Number.isInteger(b)) expect(a, path).toBe(b);
    else expect(Math.abs(a - b), path).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(b)) expectSameNumbers((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  expect(a, path).toEqual(b);
}

describe.skipIf(reason !== null)('simulation and results in Chromium', () => {
  const app = useBuiltApp();

  async function open(cores = 4): Promise<{ page: Page; results: ResultsPage }> {
    // Set up before navigation: the long-task observer and the core count must see the page start.
    const context = await app.browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await observeLongTasks(page);
    await pretendCores(page, cores);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${app.server.url}?test`);
    await page.waitForFunction(() => !!window.__editor);
    (page as Page & { errors?: string[] }).errors = errors;
    return { page, results: new ResultsPage(page) };
  }

  it('runs a plan in workers with progress, shows the CLI’s numbers, points the canvas at causes and goes stale on edit', async () => {
    // More workers than this machine's cores - 1 would starve the window's own thread, and it is that
    // thread's responsiveness being measured; CORES=4 checks a three-worker merge where cores allow.
    const cores = Number(process.env.CORES ?? 2);
    const { page, results } = await open(cores);
    await results.loadPlan(fixture());
    const cli = cliJson(FIXTURE);

    let workersStarted = 0;
    page.on('worker', () => workersStarted++);
    const started = await results.now();
    await results.byTestId('run-simulation').click();
    // Progress: the bar shows with replications done, then the run finishes.
    await results.byTestId('run-progress').waitFor({ state: 'visible' });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="run-progress"]')?.getAttribute('data-done') ?? 0) > 0 || window.__editor!.getState().simulation.status === 'done');
    await results.waitForStatus('done');
    const runEnded = await results.now();
    await page.waitForFunction(() => document.querySelector('[data-testid="results"]')?.getAttribute('data-drawn') === 'true');
    const finished = await results.now();
    expect(workersStarted).toBe(cores - 1); // one core left to the window

    // The window stayed responsive while the run was going. How long its longest task was is a
    // timing of a shared, loaded machine (86 ms seen on 2 busy cores), so it is printed, not
    // asserted; the assertion is what only simulation work moved onto the window's thread would
    // break: long tasks (> 50 ms) filling most of the run.
    const long = await results.longTasksBetween(started, runEnded);
    const runMs = runEnded - started;
    const blockedMs = long.reduce((sum, t) => sum + t.duration, 0);
    const longest = Math.max(0, ...long.map((t) => t.duration));
    console.log(`[timing] run ${runMs.toFixed(0)} ms; long tasks: ${long.length}, longest ${longest.toFixed(0)} ms, ${blockedMs.toFixed(0)} ms in all (${((100 * blockedMs) / runMs).toFixed(0)} % of the run)`);
    expect(blockedMs / runMs).toBeLessThan(0.5);
    expect(finished).toBeGreaterThanOrEqual(runEnded);

    // Same numbers as the CLI, formatted the same way.
    expect(await results.text('result-availability')).toBe(formatPercent(cli.availability.requestWeighted.mean));
    expect(await results.text('result-downtime')).toBe(formatMinutesPerYear(cli.downtimeMinutesPerYear.mean));
    expect(await results.text('result-rto-p95')).toBe(formatDuration(cli.rtoSeconds.p95));
    expect(await results.text('result-rpo-p95')).toBe(formatDuration(cli.rpoSeconds.p95));
    // And the whole contract object, field for field (wall time aside). Counts and structure match
    // exactly; floating-point values to 1e-12 relative, because Chromium's and Node's V8 may round
    // a library Math function differently in the last bit (seen once in a standard error).
    const { wallSeconds: _w1, ...app } = await results.result();
    // `cost` (simulate's cost totals) is not part of the run's result in the app: the Cost panel
    // computes it from the plan, and test/e2e/review.test.ts checks it against the CLI.
    // `planSha256` names the plan, not the run (the app checks it when it opens a result file).
    const { wallSeconds: _w2, plan: _p, notes: _n, cost: _c, planSha256, ...fromCli } = cli;
    expect(planSha256).toMatch(/^[0-9a-f]{64}$/);
    expectSameNumbers(app, fromCli, '');

    await results.byTestId('dock-max').click();
    await screenshot(page, 'results-01-dashboard');

    // Back to the canvas: a cause highlights what it took down, the others dim.
    await results.byTestId('dock-open').click();
    await results.byTestId('cause-region-use1').click();
    await expect(results.text('result-highlight')).resolves.toContain('us-east-1');
    for (const id of ['lb-east', 'gw-east', 'db-east']) await expect(page.getByTestId(`node-${id}`).getAttribute('class')).resolves.toContain('is-result-highlight');
    await expect(page.getByTestId('node-gw-west').getAttribute('class')).resolves.toContain('is-result-dim');
    await page.getByTestId('cause-commonCause-bad-deploy').click();
    for (const id of ['gw-east', 'gw-west']) await expect(page.getByTestId(`node-${id}`).getAttribute('class')).resolves.toContain('is-result-highlight');
    // An incident on the timeline highlights its cause's components.
    // An SVG mark a few pixels wide: dispatch the click on it rather than aim the mouse.
    await page.getByTestId('incident-0').dispatchEvent('click');
    await expect(results.text('result-highlight')).resolves.toMatch(/^Showing on canvas: Incident 1/);
    // Heat view: every component its causes took down carries its share of downtime.
    await results.byTestId('heat-view').check();
    await page.getByTestId('heat-gw-east').waitFor();
    const share = Number((await results.text('heat-gw-east')).replace(/[^\d.]/g, ''));
    expect(share).toBeGreaterThan(0);
    await screenshot(page, 'results-02-canvas-heat');

    // Change a field: the result is marked stale, and the status says since which revision.
    expect(await results.byTestId('results').getAttribute('data-stale')).toBe('false');
    await page.evaluate(() => {
      const s = window.__editor!.getState();
      const node = s.records.nodes['gw-east']!;
      s.applyPlanDiff({ added: {}, updated: { nodes: { 'gw-east': [node, { ...node, instances: 4 } as typeof node] } }, removed: {} }, { history: 'record' });
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="results"]')?.getAttribute('data-stale') === 'true');
    await expect(results.text('results-status')).resolves.toMatch(/^Stale/);
    await results.byTestId('dock-max').click();
    await screenshot(page, 'results-03-stale');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('saves run settings in the plan (undoable), and Cancel stops a long run with no worker left', async () => {
    const { page, results } = await open(3);
    await results.loadPlan(fixture());
    await results.setSetting('replications', 4000);
    await results.setSetting('horizonYears', 50);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => window.__editor!.getState().plan.simulation?.horizonYears === 10);
    await results.setSetting('horizonYears', 50);

    const live = new Set<unknown>();
    page.on('worker', (w) => {
      live.add(w);
      w.on('close', () => live.delete(w));
    });
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="run-progress"]')?.getAttribute('data-done') ?? 0) > 0);
    // Playwright may report the second worker a moment after the first progress on a loaded machine.
    await expect.poll(() => live.size, { timeout: 10_000, interval: 50 }).toBe(2);
    await expect(results.text('run-elapsed')).resolves.toMatch(/s$/);
    await screenshot(page, 'results-04-running');
    await results.byTestId('run-cancel').click();
    await results.waitForStatus('cancelled');
    await page.waitForFunction(() => !document.querySelector('[data-testid="run-progress"]'));
    // Playwright reports a worker's close when it is terminated; wait for all of them.
    await expect.poll(() => live.size, { timeout: 10_000, interval: 50 }).toBe(0);
    await results.byTestId('run-simulation').waitFor({ state: 'visible' });
    await expect(results.text('results-status')).resolves.toBe('Run cancelled');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('refuses a plan that does not validate, naming why; runs a plan with a deep balancer check and the template', async () => {
    const { page, results } = await open(2);
    const template = getTemplate('single-region-lb');
    if (!template) throw new Error('template single-region-lb is missing');
    const plan = structuredClone(template.plan) as Plan;
    // Deep balancer checks used to be refused; every part of a valid plan is simulated now.
    const lb = plan.nodes.find((n) => n.id === 'lb') as Plan['nodes'][number] & { healthCheck: Record<string, unknown> };
    lb.healthCheck = { ...lb.healthCheck, deep: true };
    await results.loadPlan(plan);
    await results.setSetting('replications', 12);
    await results.byTestId('run-simulation').click();
    await results.waitForStatus('done');
    await expect(results.byTestId('run-error').count()).resolves.toBe(0);

    // A wire to nowhere: the plan does not validate, and the message names the field.
    await page.evaluate(() => {
      const s = window.__editor!.getState();
      s.applyPlanDiff({ added: { edges: { bad: { id: 'bad', kind: 'traffic', from: 'lb', to: 'nowhere' } } }, updated: {}, removed: {} }, { history: 'record' });
    });
    await results.byTestId('run-simulation').click();
    await page.waitForFunction(() => window.__editor!.getState().simulation.error?.startsWith('The plan does not validate'));
    await expect(results.text('run-error')).resolves.toMatch(/edges\[\d+\]\.to/);
    await screenshot(page, 'results-05-refused');

    // The template as shipped runs.
    await results.loadPlan(template.plan as Plan);
    await results.setSetting('replications', 12);
    await results.byTestId('run-simulation').click();
    await results.waitForStatus('done');
    await expect(results.byTestId('run-error').count()).resolves.toBe(0);
    await expect(results.text('result-availability')).resolves.toMatch(/^\d+\.\d{4} %$/);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
  it('replays the scripted scenarios of the active-passive template and tables them', async () => {
    const { page, results } = await open(2);
    const template = getTemplate('two-region-active-passive');
    if (!template) throw new Error('template two-region-active-passive is missing');
    const plan = { ...(structuredClone(template.plan) as Plan), simulation: { horizonYears: 2, replications: 6, seed: 3 } };
    await results.loadPlan(plan);
    await results.byTestId('run-simulation').click();
    await results.waitForStatus('done');
    const table = results.byTestId('scenarios');
    await table.waitFor({ state: 'visible' });
    const firstRow = (await table.locator('tbody tr').first().textContent()) ?? '';
    expect(firstRow).toContain(plan.scenarios![0]!.name!);
    // The replayed region loss takes requests down for a while: a duration is shown, not a dash.
    expect(firstRow).toMatch(/\d+(\.\d+)? (s|min|h)/);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'results-06-scenarios');
    // Squeezed by the open dock, the canvas drops its minimap rather than cover the design.
    await expect(page.locator('.react-flow__minimap').count()).resolves.toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
