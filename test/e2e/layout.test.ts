/**
 * End-to-end: the window on common laptop screens (1280×800, 1440×900, 1024×700). Nothing is cut
 * off and the page never scrolls sideways: the toolbar overflows into its "⋯" menu, Run and Cancel
 * stay in view, the inspector is visible, clicking a field does not scroll the window, the side
 * panels resize and remember it. Results survive a reload, a refused run's reason stays in view,
 * and clicking a cause moves the canvas to it.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Plan } from '../../sim/model/schema';
import { getTemplate } from '../../sim/templates';
import { documentFit, newEditorPage, pageErrors, screenshot, skipReason, useBuiltApp, VIEWPORTS, type ViewportSize } from './helpers/browser';
import { ResultsPage } from './helpers/resultsPage';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

const template = (name: string): Plan => structuredClone(getTemplate(name)!.plan) as Plan;

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

/** Inside the window, whole: not cut by any edge. */
async function expectInView(page: Page, locator: Locator): Promise<void> {
  const b = await box(locator);
  const size = page.viewportSize()!;
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(size.width + 0.5);
  expect(b.y + b.height).toBeLessThanOrEqual(size.height + 0.5);
}

async function expectNoSideScroll(page: Page): Promise<void> {
  const fit = await documentFit(page);
  expect(fit.documentWidth).toBeLessThanOrEqual(fit.windowWidth);
  expect(fit.documentHeight).toBeLessThanOrEqual(fit.windowHeight);
  expect([fit.scrollX, fit.scrollY]).toEqual([0, 0]);
}

describe.skipIf(reason !== null)('layout on laptop screens in Chromium', () => {
  const app = useBuiltApp();

  it.each([
    ['1280x800', VIEWPORTS.laptop],
    ['1440x900', VIEWPORTS.wide],
    ['1024x700', VIEWPORTS.small],
  ])('at %s nothing is cut off: toolbar menu, Run and Cancel, inspector, fields', async (size, viewport: ViewportSize) => {
    const page = await newEditorPage(app.browser, app.server.url, viewport);
    const results = new ResultsPage(page);
    await results.loadPlan(template('two-region-active-passive'));
    await page.evaluate(() => window.__editor!.getState().setSelection(['node:gw-east']));
    await page.getByTestId('inspector-title').waitFor();
    await expectNoSideScroll(page);
    await expectInView(page, page.getByTestId('run-simulation'));
    const inspector = page.locator('aside[data-slot="inspector"]');
    await expectInView(page, inspector);
    expect((await box(inspector)).width).toBeGreaterThanOrEqual(280);
    await expectInView(page, page.getByTestId('inspector-title'));

    // Clicking a field lower in the inspector scrolls the panel at most, never the window.
    await page.getByTestId('field-instances').click();
    await expectNoSideScroll(page);

    // Whatever the bar cannot hold is in the "⋯" menu, reachable and in view.
    const more = page.getByTestId('toolbar-more');
    if (await more.count()) {
      await more.click();
      const menu = page.getByTestId('toolbar-menu');
      await expectInView(page, menu);
      expect(await menu.locator('button, input').count()).toBeGreaterThan(0);
      await screenshot(page, `layout-${size}-menu`);
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
      await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('toolbar-more');
    }
    for (const id of ['undo', 'redo', 'save-file', 'open-file', 'edge-kind-traffic']) {
      const inBar = await page.getByTestId(id).count();
      if (!inBar) {
        await more.click();
        await page.getByTestId('toolbar-menu').getByTestId(id).waitFor();
        await page.keyboard.press('Escape');
      }
    }
    await screenshot(page, `layout-${size}-light`);

    // During a long run Cancel and the progress (with time left) stay in view.
    await page.evaluate(() => {
      const s = window.__editor!.getState();
      s.replacePlan({ ...s.plan, simulation: { ...s.plan.simulation, replications: 4000, horizonYears: 50 } }, { history: 'record' });
    });
    await page.getByTestId('run-simulation').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="run-progress"]')?.getAttribute('data-done') ?? 0) > 0);
    await expectInView(page, page.getByTestId('run-cancel'));
    await expectInView(page, page.getByTestId('run-progress'));
    await expect(results.text('run-remaining')).resolves.toMatch(/left|estimating/);
    await expectNoSideScroll(page);
    await screenshot(page, `layout-${size}-running`);
    await page.getByTestId('run-cancel').click();
    await results.waitForStatus('cancelled');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('side panels resize by their edge, fold, and remember their size after a reload', async () => {
    const page = await newEditorPage(app.browser, app.server.url, VIEWPORTS.laptop);
    const inspector = page.locator('aside[data-slot="inspector"]');
    const before = (await box(inspector)).width;
    const edge = await box(page.getByTestId('inspector-resize'));
    await page.mouse.move(edge.x + edge.width / 2, edge.y + 200);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 - 80, edge.y + 200, { steps: 8 });
    await page.mouse.up();
    const wider = (await box(inspector)).width;
    expect(wider).toBeGreaterThan(before + 60);
    // The keyboard works too: the edge is a focusable separator.
    await page.getByTestId('inspector-resize').focus();
    await page.keyboard.press('ArrowRight');
    expect((await box(inspector)).width).toBeLessThan(wider);
    const kept = (await box(inspector)).width;

    await page.reload();
    await page.waitForFunction(() => !!window.__editor);
    expect((await box(page.locator('aside[data-slot="inspector"]'))).width).toBe(kept);

    const canvasBefore = (await box(page.locator('[data-canvas-drop]'))).width;
    await page.getByTestId('inspector-toggle').click();
    expect((await box(page.locator('[data-canvas-drop]'))).width).toBeGreaterThan(canvasBefore + 200);
    await page.getByTestId('palette-toggle').click();
    await page.getByTestId('palette-gateway').waitFor();
    await expectNoSideScroll(page);
    await screenshot(page, 'layout-1280x800-panels-folded');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('keeps results across a reload, points the canvas at a cause, and keeps a refused run’s reason in view', async () => {
    const context = await app.browser.newContext({ viewport: VIEWPORTS.laptop, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${app.server.url}?test`);
    await page.waitForFunction(() => !!window.__editor);
    const results = new ResultsPage(page);
    const plan = template('two-region-active-passive');
    await results.loadPlan({ ...plan, simulation: { ...plan.simulation, replications: 24, horizonYears: 2 } });
    await page.getByTestId('run-simulation').click();
    await results.waitForStatus('done');
    await page.waitForFunction(() => document.querySelector('[data-testid="results"]')?.getAttribute('data-drawn') === 'true');

    // A cause click moves the canvas to what it took down.
    const viewportBefore = await page.evaluate(() => window.__editor!.getState().session.viewport);
    const cause = page.locator('[data-testid^="cause-region-"]').first();
    await cause.scrollIntoViewIfNeeded();
    await cause.click();
    await page.waitForFunction((v) => {
      const now = window.__editor!.getState().session.viewport;
      return Math.abs(now.x - v.x) + Math.abs(now.y - v.y) + Math.abs(now.zoom - v.zoom) > 1;
    }, viewportBefore);
    await screenshot(page, 'layout-1280x800-cause-on-canvas');

    // Reload: the result comes back, stale until the autosaved draft (the same plan) is restored.
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 900))); // let the autosave (700 ms debounce) write
    await page.reload();
    await page.waitForFunction(() => !!window.__editor);
    await page.getByTestId('results').waitFor();
    await expect(results.text('results-status')).resolves.toContain('earlier session');
    await page.getByTestId('recovery-restore').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="results-status"]')?.textContent?.startsWith('Up to date'));

    // A plan that does not validate: the refusal stays in view however far the dashboard was scrolled.
    await page.evaluate(() => {
      const s = window.__editor!.getState();
      s.applyPlanDiff({ added: { edges: { bad: { id: 'bad', kind: 'traffic', from: 'lb-east', to: 'nowhere' } } }, updated: {}, removed: {} }, { history: 'record' });
    });
    await page.evaluate(() => document.querySelector('.dock-body')?.scrollTo({ top: 10_000 }));
    await page.getByTestId('run-simulation').click();
    await results.waitForStatus('error');
    const error = page.getByTestId('run-error');
    await expectInView(page, error);
    const dock = await box(page.locator('.dock-body'));
    const shown = await box(error);
    expect(shown.y).toBeGreaterThanOrEqual(dock.y - 1);
    expect(shown.y).toBeLessThan(dock.y + dock.height);
    await expectNoSideScroll(page);
    await screenshot(page, 'layout-1280x800-refused');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
