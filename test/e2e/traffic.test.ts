/**
 * End-to-end in Chromium: open a template, select its load balancer, read the traffic lab's verdict
 * under the algorithm field, open the Traffic panel (the lab runs in a Web Worker with progress),
 * see the three algorithms side by side with the plan's marked, switch to a heterogeneous fleet and
 * cancel a run. Screenshots at 1280×800, light and dark, go to test-results/e2e/. No sleeps.
 */
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../sim/templates';
import { ARTIFACTS, newEditorPage, pageErrors, screenshot, skipReason, useBuiltApp } from './helpers/browser';
import { openTemplate } from './helpers/templates';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);


describe.skipIf(reason !== null)('traffic lab in Chromium', () => {
  const app = useBuiltApp();

  for (const scheme of ['light', 'dark'] as const) {
    it(`shows the verdict and the Traffic panel for a selected balancer (${scheme})`, async () => {
      const page = await newEditorPage(app.browser, app.server.url);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1440, height: 900 });
      await openTemplate(page, 'single-region-lb', 'empty-new-from-template');
      await page.getByTestId('node-lb').click();
      await expect(page.getByTestId('inspector-title').textContent()).resolves.toBe('ALB');

      // The quick lab's verdict arrives from the worker and names the plan's algorithm.
      const verdict = page.getByTestId('traffic-verdict');
      await page.locator('[data-testid="traffic-verdict"][data-status="done"]').waitFor({ timeout: 30_000 });
      await expect(verdict.textContent()).resolves.toMatch(/round-robin/);
      await screenshot(page, `40-traffic-verdict-${scheme}`);
      await page.locator('.side-panel').screenshot({ path: `${ARTIFACTS}/40-traffic-verdict-inspector-${scheme}.png` });
      await page.setViewportSize({ width: 1280, height: 800 });

      await page.getByTestId('open-traffic-panel').click();
      const panel = page.getByTestId('traffic-panel');
      await panel.waitFor();
      await page.getByTestId('traffic-report').waitFor({ timeout: 60_000 });
      for (const alg of ['round-robin', 'least-connections', 'ip-hash']) await page.getByTestId(`traffic-card-${alg}`).waitFor();
      await expect(page.getByTestId('traffic-card-round-robin').getAttribute('data-plan')).resolves.toBe('true');
      await expect(page.getByTestId('traffic-card-least-connections').getAttribute('data-plan')).resolves.toBe('false');
      await expect(page.getByTestId('traffic-switch').textContent()).resolves.toMatch(/Least connections: p99/);
      expect(await page.locator('[data-chart="traffic-latency"] .traffic-curve').count()).toBe(3);
      await expect(page.locator('[data-chart="traffic-latency"]').getAttribute('data-range')).resolves.toBe('all-up');
      await page.getByTestId('traffic-range-whole-run').click();
      await expect(page.locator('[data-chart="traffic-latency"]').getAttribute('data-range')).resolves.toBe('whole-run');
      await page.getByTestId('traffic-range-all-up').click();
      // One bar per instance of the balancer's fleet for each of the three algorithms.
      const fleet = getTemplate('single-region-lb')!.plan.nodes.find((n) => n.kind === 'gateway')!;
      expect(await page.locator('[data-chart="traffic-instances"] .traffic-bar').count()).toBe(3 * (fleet as { instances: number }).instances);

      if (scheme === 'light') {
        // A heterogeneous fleet: one instance at half speed; start it, cancel it, run it again.
        await page.getByTestId('traffic-fleet-one-slow').click();
        await page.getByTestId('traffic-cancel').click();
        await page.getByText('Cancelled. Press Run again to measure.').waitFor();
        await page.getByTestId('traffic-minutes').selectOption('5');
        await page.getByTestId('traffic-report').waitFor({ timeout: 60_000 });
        await expect(page.locator('[data-chart="traffic-instances"] .traffic-row-label').last().textContent()).resolves.toMatch(/×0\.5/);
        // Least connections routes around the slow instance, so its p99 beats round-robin's (whether
        // by enough for the verdict to recommend it depends on how loaded the fleet is).
        const verdict = (await page.getByTestId('traffic-panel-verdict').textContent()) ?? '';
        const seconds = (m: RegExpMatchArray | null): number => (m ? Number(m[1]) * (m[2] === 'ms' ? 1e-3 : 1) : NaN);
        const roundRobin = seconds(verdict.match(/^round-robin(?: holds up)?: p99 ([\d.]+) (ms|s)\b/));
        const leastConnections = seconds(verdict.match(/least-connections (?:would give )?([\d.]+) (ms|s)\b/));
        expect(leastConnections, verdict).toBeLessThan(roundRobin);
      }
      await screenshot(page, `41-traffic-panel-${scheme}`);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
  }
});
