/**
 * End-to-end, at 1280×800: from a template to a design review without the CLI. Open a template,
 * run it, read the Cost panel (the CLI's `cost` numbers for the same seed), override a price in the
 * inspector and see the cost follow at once, make a variant on the canvas, compare it with the
 * base (the CLI's `compare` numbers), see the Pareto chart and the diff, and cancel a strategy
 * measurement. Screenshots go to test-results/e2e/ (light at 1280×800, dark at 1440×900).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Comparison } from '../../sim/analysis/compare';
import type { CostReport } from '../../sim/cost';

type CostJson = CostReport & { downtime: NonNullable<CostReport['downtime']> };
import { formatPercent } from '../../renderer/results/format';
import { formatUsd } from '../../renderer/review/costShape';
import { newEditorPage, pageErrors, REPO_ROOT, screenshot, skipReason, useBuiltApp, VIEWPORTS } from './helpers/browser';
import { answerOpen, commitField, planOf } from './helpers/inspectorPage';
import { openTemplate } from './helpers/templates';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

const dir = mkdtempSync(join(tmpdir(), 'review-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function cli<T>(command: string, plan: unknown, extra: string[] = [], more: string[] = []): T {
  const file = join(dir, `plan-${++files}.json`);
  writeFileSync(file, JSON.stringify(plan));
  const run = spawnSync(process.execPath, [`${REPO_ROOT}sim/entry/resilience.mjs`, command, file, ...more, '--json', '--workers', '1', ...extra], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`CLI ${command} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}


const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim() ?? '';

describe.skipIf(reason !== null)('design review in Chromium', () => {
  const app = useBuiltApp();

  it('opens a template, runs it, reads the cost, adds a variant, compares and sees the Pareto chart', { timeout: 240_000 }, async () => {
    const page = await newEditorPage(app.browser, app.server.url, VIEWPORTS.laptop);
    await openTemplate(page, 'two-region-active-passive');
    // A smaller run than the template's keeps the test short; it is a plan field like any other.
    await commitField(page, 'field-simulation.replications', '30');
    await page.getByTestId('run-simulation').click();
    await page.waitForFunction(() => window.__editor!.getState().simulation.status === 'done', undefined, { timeout: 120_000 });

    // Cost: no simulation needed for the monthly cost; the downtime cost uses the run just made.
    await page.getByTestId('dock-tab-cost').click();
    await page.getByTestId('cost-panel').waitFor();
    const plan = await planOf(page);
    const sim = plan.simulation!;
    const runFlags = ['--seed', String(sim.seed), '--replications', String(sim.replications), '--years', String(sim.horizonYears)];
    const cost = cli<CostJson>('cost', plan, runFlags);
    expect(await text(page, 'cost-monthly')).toBe(formatUsd(cost.monthlyUsd));
    expect(await text(page, 'cost-downtime')).toBe(formatUsd(cost.downtime.usdPerMonth));
    expect(await text(page, 'cost-tco')).toBe(formatUsd(cost.tcoUsdPerMonth));
    expect(await text(page, 'cost-downtime-run')).toContain(`seed ${sim.seed}`);
    // Each line cites its price's source and date on hover.
    await page.getByTestId('cost-node-lb-east').locator('button').first().click();
    const albLine = page.locator('[data-rate-key="alb.usdPerHour"]').first();
    expect(await albLine.getAttribute('title')).toMatch(/source: .+ \(as of \d{4}-\d{2}/);
    await screenshot(page, 'review-01-cost-1280');

    // A price override in the inspector (nothing selected: the plan's fields) changes the cost at once.
    await page.getByTestId('dock-open').click();
    await page.getByTestId('override-choice').selectOption('alb.usdPerHour');
    await page.getByTestId('override-add').click();
    await commitField(page, 'field-cost.prices.alb.usdPerHour', '1');
    await page.waitForFunction((before) => document.querySelector('[data-testid="cost-monthly"]')?.textContent !== before, formatUsd(cost.monthlyUsd));
    const overridden = await planOf(page);
    expect(overridden.cost?.prices).toEqual({ 'alb.usdPerHour': 1 });
    const after = cli<CostJson>('cost', overridden, runFlags);
    expect(await text(page, 'cost-monthly')).toBe(formatUsd(after.monthlyUsd));
    expect(after.monthlyUsd).toBeGreaterThan(cost.monthlyUsd);

    // A variant made on the canvas: four gateways in the east.
    await page.getByTestId('dock-tab-compare').click();
    await page.getByTestId('variant-name').fill('Four east gateways');
    await page.getByTestId('variant-new').click();
    await page.getByTestId('variant-editing').waitFor();
    await page.getByTestId('node-gw-east').click();
    await commitField(page, 'field-instances', '4');
    await page.getByTestId('variant-save').click();
    const withVariant = await planOf(page);
    expect(withVariant.variants).toEqual([{ name: 'Four east gateways', patch: [{ op: 'replace', path: '/nodes/gw-east/instances', value: 4 }] }]);
    expect(withVariant.nodes.find((n) => n.id === 'gw-east')).toMatchObject({ instances: 3 });

    await page.getByTestId('dock-max').click();
    await page.getByTestId('run-compare').click();
    await page.getByTestId('pareto-chart').waitFor({ timeout: 120_000 });
    // The CLI compares the same file (the plan and the variant it keeps) on the same seed.
    const compared = cli<Comparison>('compare', withVariant, runFlags);
    expect(compared.designs).toHaveLength(2);
    const rows = page.locator('[data-testid="compare-table"] tbody tr');
    expect(await rows.count()).toBe(2);
    for (const [i, d] of compared.designs.entries()) {
      const cells = rows.nth(i).locator('td');
      expect(await cells.nth(1).textContent()).toBe(formatPercent(d.availability.mean));
      expect(await cells.nth(7).textContent()).toBe(formatUsd(d.monthlyUsd));
      expect(await page.getByTestId(`pareto-point-${i === 0 ? 'Base design' : 'Base design + Four east gateways'}`).getAttribute('data-pareto')).toBe(String(d.pareto));
    }
    expect(await page.locator('[data-testid="pareto-chart"] circle').count()).toBe(2);
    expect(await text(page, 'variant-diff')).toContain('nodes › gw-east › instances: 3 → 4');
    await screenshot(page, 'review-02-compare-1280');

    // Another file beside it: here a JSON Patch of the base, as `resilience compare` takes one.
    const patch = [{ op: 'replace', path: '/practices/drillsPerYear', value: 0 }];
    await answerOpen(page, () => page.getByTestId('add-design-file').click(), { name: 'no-drills.json', text: JSON.stringify(patch) });
    await page.getByTestId('extra-design-0').waitFor();
    await page.getByTestId('run-compare').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-table"] tbody tr').length === 3, undefined, { timeout: 120_000 });
    const patchFile = join(dir, 'no-drills.json');
    writeFileSync(patchFile, JSON.stringify(patch));
    const three = cli<Comparison>('compare', withVariant, runFlags, [patchFile]);
    expect(three.designs.map((d) => d.label.replace(/^plan-\d+\.json/, 'Base design'))).toEqual(['Base design', 'Base design + Four east gateways', 'Base design + no-drills.json']);
    for (const [i, d] of three.designs.entries()) {
      expect(await rows.nth(i).locator('td').nth(1).textContent()).toBe(formatPercent(d.availability.mean));
      expect(await rows.nth(i).locator('td').nth(7).textContent()).toBe(formatUsd(d.monthlyUsd));
    }

    // Pick the variant on the chart and edit it on the canvas, then put the base back.
    await page.getByTestId('pareto-point-Base design + Four east gateways').locator('circle').click();
    await page.getByTestId('edit-picked').click();
    await page.getByTestId('variant-editing').waitFor();
    expect((await planOf(page)).nodes.find((n) => n.id === 'gw-east')).toMatchObject({ instances: 4 });
    await page.getByTestId('variant-discard').click();
    expect((await planOf(page)).nodes.find((n) => n.id === 'gw-east')).toMatchObject({ instances: 3 });

    // The strategy matrix runs in workers with progress, and cancel stops it.
    await page.getByTestId('dock-tab-strategies').click();
    await page.getByTestId('run-strategies').click();
    await page.getByTestId('strategies-progress').waitFor();
    await page.getByTestId('strategies-cancel').click();
    await page.getByTestId('strategies-progress').waitFor({ state: 'detached' });
    expect(await page.getByTestId('run-strategies').isEnabled()).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  it('looks right in the dark at 1440×900', { timeout: 120_000 }, async () => {
    const page = await newEditorPage(app.browser, app.server.url, VIEWPORTS.wide, { colorScheme: 'dark' });
    await openTemplate(page, 'two-region-active-passive');
    await page.getByTestId('dock-tab-cost').click();
    await page.getByTestId('cost-panel').waitFor();
    // No run yet: the downtime cost says it needs one.
    expect(await text(page, 'cost-downtime')).toBe('—');
    await page.getByTestId('dock-max').click();
    await screenshot(page, 'review-03-cost-dark-1440');
    await page.getByTestId('dock-tab-strategies').click();
    await screenshot(page, 'review-04-strategies-dark-1440');
    expect(pageErrors(page)).toEqual([]);
  });
});
