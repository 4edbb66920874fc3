/**
 * End-to-end: the toolbar's "Export report" (or its "⋯" menu entry) downloads the one-file HTML
 * review report of the plan on the canvas, named after it, with its hash and rerun command.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../sim/templates';
import { newEditorPage, pageErrors, skipReason, useBuiltApp } from './helpers/browser';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

describe.skipIf(reason !== null)('Export report in Chromium', () => {
  const app = useBuiltApp();

  it('downloads an HTML report naming the plan', async () => {
    const page = await newEditorPage(app.browser, app.server.url, { width: 1280, height: 800 });
    const plan = structuredClone(getTemplate('multi-az')!.plan);
    plan.name = 'Payments review e2e';
    await page.evaluate((p) => window.__editor!.getState().replacePlan(p, { history: 'reset' }), plan);
    const button = page.getByTestId('export-report');
    if (!(await button.isVisible())) await page.getByTestId('toolbar-more').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
    expect(download.suggestedFilename()).toBe('Payments-review-e2e-report.html');
    const html = await readFile((await download.path())!, 'utf8');
    expect(html).toContain('Payments review e2e');
    expect(html).toMatch(/[0-9a-f]{64}/);
    expect(html).toContain('resilience report payments-review-e2e.plan.json --seed');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
