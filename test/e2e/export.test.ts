/**
 * End-to-end: the Export dialog in headless Chromium. Open it from the toolbar (or its "⋯" menu),
 * switch formats, read a highlighted file and the warnings, download the zip and find in it exactly
 * the files the generator makes; run the scenarios from the dialog so the drills quote their numbers
 * and match the CLI's files byte for byte; a plan with errors cannot be exported. Screenshots at three sizes,
 * light and dark.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateKubernetes } from '../../sim/export/kubernetes/generate';
import { getTemplate } from '../../sim/templates';
import { newEditorPage, pageErrors, screenshot, skipReason, useBuiltApp } from './helpers/browser';
import { runCli, scratchDir } from '../sim/cli/cliHarness';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

describe.skipIf(reason !== null)('Export dialog in Chromium', () => {
  const app = useBuiltApp();

  async function open(viewport = { width: 1280, height: 800 }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await newEditorPage(app.browser, app.server.url, viewport, { colorScheme });
    const plan = structuredClone(getTemplate('kubernetes-containers')!.plan);
    await page.evaluate((p) => window.__editor!.getState().replacePlan(p, { history: 'reset' }), plan);
    return page;
  }

  async function openDialog(page: Page): Promise<void> {
    const button = page.getByTestId('export-code');
    if (!(await button.isVisible())) await page.getByTestId('toolbar-more').click();
    await page.getByTestId('export-code').click();
    await page.getByTestId('export-dialog').waitFor();
  }

  it('shows a format\'s files highlighted with its warnings, and downloads them as a zip', async () => {
    const page = await open();
    await openDialog(page);
    // Terraform first: the container fleets are left to the Kubernetes export, with a warning.
    await expect(page.getByTestId('export-warnings').textContent()).resolves.toContain('left-to-kubernetes');
    await page.getByTestId('export-format-kubernetes').click();
    const files = await page.getByTestId('export-file').allTextContents();
    const expected = generateKubernetes(getTemplate('kubernetes-containers')!.plan).files;
    expect(files).toEqual(expected.map((f) => f.path));
    await page.getByTestId('export-file').filter({ hasText: 'us-east-1/gw.yaml' }).click();
    const code = page.getByTestId('export-code');
    await expect(code.textContent()).resolves.toBe(expected.find((f) => f.path === 'us-east-1/gw.yaml')!.content);
    // Highlighted: YAML keys are marked up by the highlighter.
    expect(await code.locator('.hljs-attr').count()).toBeGreaterThan(10);
    await screenshot(page, 'export-01-kubernetes-1280');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-save').click()]);
    expect(download.suggestedFilename()).toBe('kubernetes-containers-kubernetes.zip');
    const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    expect(Object.keys(zip).sort()).toEqual(expected.map((f) => `kubernetes-containers-kubernetes/${f.path}`).sort());
    for (const f of expected) expect(strFromU8(zip[`kubernetes-containers-kubernetes/${f.path}`]!)).toBe(f.content);
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('offers the drills of the plan\'s scenarios and says where the simulated numbers come from', async () => {
    const page = await open();
    await openDialog(page);
    await page.getByTestId('export-format-fis').click();
    await expect(page.getByTestId('export-file').allTextContents()).resolves.toEqual(['README.md', 'fis/lose-zone.us-east-1.yaml']);
    await expect(page.getByTestId('export-warnings').textContent()).resolves.toContain('no-simulated-numbers');
    await page.getByTestId('export-format-chaostoolkit').click();
    await page.getByTestId('export-file').filter({ hasText: 'lose-zone.json' }).click();
    await expect(page.getByTestId('export-code').textContent()).resolves.toContain('"steady-state-hypothesis"');
    await page.keyboard.press('Escape');
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
    await page.close();
  });

  it('runs the scenarios from the dialog, with progress, and downloads the drills the CLI writes, byte for byte', async () => {
    const page = await open();
    const plan = await page.evaluate(() => window.__editor!.getState().plan);
    await openDialog(page);
    await page.getByTestId('export-format-fis').click();
    const bar = page.getByTestId('export-drill-numbers');
    await expect(bar.getAttribute('data-state')).resolves.toBe('missing');
    await expect(page.getByTestId('export-warnings').textContent()).resolves.toContain('no-simulated-numbers');
    // Every state the bar goes through, and the progress values it shows.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __drillStates: string[] }).__drillStates = seen;
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="export-drill-numbers"]');
        const progress = document.querySelector('[data-testid="export-replay-progress"]');
        const entry = `${el?.getAttribute('data-state')}${progress ? `:${progress.getAttribute('aria-valuenow')}` : ''}`;
        if (seen[seen.length - 1] !== entry) seen.push(entry);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByTestId('export-run-scenarios').click();
    await page.waitForSelector('[data-testid="export-drill-numbers"][data-state="ready"]', { timeout: 120_000 });
    const states = await page.evaluate(() => (window as unknown as { __drillStates: string[] }).__drillStates);
    expect(states[0]).toMatch(/^running:\d+$/);
    expect(states.at(-1)).toBe('ready');
    const percents = states.filter((s) => s.startsWith('running:')).map((s) => Number(s.split(':')[1]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    await expect(bar.textContent()).resolves.toContain('100 replications each, seed 42');
    // The numbers are in the drills now, and no warning says they are missing.
    await expect(page.getByTestId('export-code').textContent()).resolves.toMatch(/RTO p50 \d+ s/);
    const warnings = page.getByTestId('export-warnings');
    expect((await warnings.count()) === 0 ? '' : await warnings.textContent()).not.toContain('no-simulated-numbers');
    await screenshot(page, 'export-03-fis-with-numbers-1280');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-save').click()]);
    expect(download.suggestedFilename()).toBe('kubernetes-containers-fis.zip');
    const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const scratch = scratchDir();
    try {
      const file = scratch.write('plan.json', JSON.stringify(plan));
      const out = join(scratch.dir, 'out');
      const run = await runCli('export', file, '--format', 'fis', '--out', out);
      expect(run.code, run.stderr).toBe(0);
      const cli: Record<string, string> = {};
      const walk = (d: string): void => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          if (e.isDirectory()) walk(join(d, e.name));
          else cli[`kubernetes-containers-fis/${relative(out, join(d, e.name)).split('\\').join('/')}`] = readFileSync(join(d, e.name), 'utf8');
        }
      };
      walk(out);
      expect(Object.keys(zip).sort()).toEqual(Object.keys(cli).sort());
      for (const [path, content] of Object.entries(cli)) expect(Buffer.from(zip[path]!).equals(Buffer.from(content, 'utf8')), path).toBe(true);
    } finally {
      scratch.cleanup();
    }
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('refuses a plan with errors, naming them', async () => {
    const page = await open();
    await page.evaluate(() => {
      const plan = structuredClone(window.__editor!.getState().plan);
      plan.edges.push({ kind: 'traffic', from: 'gw', to: 'nowhere' });
      window.__editor!.getState().replacePlan(plan, { history: 'reset' });
    });
    await openDialog(page);
    await expect(page.getByTestId('export-errors').textContent()).resolves.toContain('nowhere');
    await expect(page.getByTestId('export-save').isDisabled()).resolves.toBe(true);
    await page.close();
  });

  it.each([
    [{ width: 1440, height: 900 }, 'light'],
    [{ width: 1024, height: 700 }, 'light'],
    [{ width: 1280, height: 800 }, 'dark'],
    [{ width: 1024, height: 700 }, 'dark'],
  ] as const)('fits the window at %j (%s)', async (viewport, scheme) => {
    const page = await open(viewport, scheme);
    await openDialog(page);
    await page.getByTestId('export-format-compose').click();
    await page.getByTestId('export-file').filter({ hasText: 'compose.yaml' }).click();
    const box = (await page.getByTestId('export-dialog').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    // The save button is on screen without scrolling the dialog.
    const save = (await page.getByTestId('export-save').boundingBox())!;
    expect(save.y + save.height).toBeLessThanOrEqual(box.y + box.height);
    expect(await page.locator('.modal-body').evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    await screenshot(page, `export-02-compose-${viewport.width}-${scheme}`);
    // A drill format adds the scenarios bar and warnings; the dialog still fits without scrolling.
    await page.getByTestId('export-format-fis').click();
    await page.getByTestId('export-run-scenarios').waitFor();
    const fisBox = (await page.getByTestId('export-dialog').boundingBox())!;
    expect(fisBox.y + fisBox.height).toBeLessThanOrEqual(viewport.height);
    const fisSave = (await page.getByTestId('export-save').boundingBox())!;
    expect(fisSave.y + fisSave.height).toBeLessThanOrEqual(fisBox.y + fisBox.height);
    expect(await page.locator('.modal-body').evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
