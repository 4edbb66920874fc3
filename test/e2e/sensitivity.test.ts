/**
 * End-to-end, at 1280×800: open a template, run it, open Sensitivity, change one range, run the
 * tornado in the worker pool, switch measures, and export the report with the tornado in it.
 * Screenshots go to test-results/e2e/ (light and dark).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { clickToolbarCommand, newEditorPage, pageErrors, screenshot, skipReason, useBuiltApp, VIEWPORTS } from './helpers/browser';
import { commitField } from './helpers/inspectorPage';
import { openTemplate } from './helpers/templates';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);


describe.skipIf(reason !== null)('sensitivity in Chromium', () => {
  const app = useBuiltApp();

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`runs the tornado and puts it in the exported report (${colorScheme})`, { timeout: 240_000 }, async () => {
      const page = await newEditorPage(app.browser, app.server.url, VIEWPORTS.laptop, { colorScheme });
      await openTemplate(page, 'single-region-lb');
      // A small run keeps the test short; it is a plan field like any other.
      await commitField(page, 'field-simulation.replications', '8');
      await commitField(page, 'field-simulation.horizonYears', '2');
      await page.getByTestId('run-simulation').click();
      await page.waitForFunction(() => window.__editor!.getState().simulation.status === 'done', undefined, { timeout: 120_000 });

      await page.getByTestId('dock-tab-sensitivity').click();
      await page.getByTestId('sensitivity-panel').waitFor();
      const rangeRows = page.locator('[data-testid^="range-row-"]');
      const parameters = await rangeRows.count();
      expect(parameters).toBeGreaterThan(3);
      // A reversed range is marked and refused by name before anything runs.
      await page.getByTestId('range-high-repairTime:db').fill('0.1');
      expect(await page.getByTestId('range-row-repairTime:db').getAttribute('class')).toContain('is-invalid');
      await page.getByTestId('run-sensitivity').click();
      expect(await page.getByTestId('sensitivity-error').textContent()).toBe('db repair time: low (0.5) must not exceed high (0.1)');
      // The user's range for one parameter: the DB repair time a quarter to four times the plan's.
      await page.getByTestId('range-low-repairTime:db').fill('0.25');
      await page.getByTestId('range-high-repairTime:db').fill('4');
      expect(await page.getByTestId('range-row-repairTime:db').getAttribute('class')).toContain('is-edited');
      await screenshot(page, `sensitivity-01-ranges-1280-${colorScheme}`);

      await page.getByTestId('dock-max').click();
      await page.getByTestId('run-sensitivity').click();
      await page.getByTestId('tornado-chart').waitFor({ timeout: 180_000 });
      const rows = page.locator('[data-testid^="tornado-row-"]');
      expect(await rows.count()).toBe(parameters);
      // Every parameter has a low and a high bar; the edited one moved availability (repair time matters).
      expect(await page.locator('[data-testid^="tornado-low-"]').count()).toBe(parameters);
      expect(await page.locator('[data-testid^="tornado-high-"]').count()).toBe(parameters);
      expect(Number(await page.getByTestId('tornado-low-repairTime:db').getAttribute('data-value'))).toBeGreaterThanOrEqual(0);
      expect(Number(await page.getByTestId('tornado-high-repairTime:db').getAttribute('data-value'))).toBeLessThan(0);
      expect(await page.getByTestId('sensitivity-base').textContent()).toContain(`--ranges '{"repairTime:db":{"low":0.25,"high":4}}'`);
      await screenshot(page, `sensitivity-02-tornado-1280-${colorScheme}`);
      await page.getByTestId('tornado-measure-cost').click();
      // One instance fewer or more of the gateway changes the monthly cost, exactly.
      expect(Number(await page.getByTestId('tornado-high-instances:gw').getAttribute('data-value'))).toBeGreaterThan(0);
      await screenshot(page, `sensitivity-03-cost-1280-${colorScheme}`);

      const [download] = await Promise.all([page.waitForEvent('download'), clickToolbarCommand(page, 'export-report')]);
      const html = await readFile((await download.path())!, 'utf8');
      expect(html).toContain('<section id="sensitivity">');
      expect(html).toContain('Tornado of availability changes');
      expect(html).toContain('<section id="scenarios">');
      expect(html).toMatch(/resilience report [^ ]+ --sensitivity --ranges &apos;\{&quot;repairTime:db&quot;:\{&quot;low&quot;:0\.25,&quot;high&quot;:4\}\}&apos; --seed/);

      // As PDF, in a browser: the print dialog opens on a hidden, script-less frame holding the same report.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __printFrames: string[] }).__printFrames = seen;
        new MutationObserver((records) => {
          for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLIFrameElement && n.dataset.testid === 'report-print-frame') seen.push(`${n.getAttribute('sandbox')}|${n.srcdoc}`);
        }).observe(document.body, { childList: true });
      });
      await clickToolbarCommand(page, 'export-report-pdf');
      const frames = await page.waitForFunction(() => (window as unknown as { __printFrames: string[] }).__printFrames.length > 0 && (window as unknown as { __printFrames: string[] }).__printFrames);
      const [sandbox, printed] = ((await frames.jsonValue()) as string[])[0]!.split(/\|(.*)/s);
      expect(sandbox).toBe('allow-same-origin allow-modals');
      expect(printed).toContain('<section id="sensitivity">');
      expect(printed).toContain(html.slice(html.indexOf('<section id="sensitivity">'), html.indexOf('<section id="reproducibility">')));
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
  }
});
