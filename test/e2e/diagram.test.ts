/**
 * End-to-end: the diagram features in headless Chromium at a laptop size (1280 × 800): auto-layout
 * from a scrambled design (one undo step), export as SVG and PNG (real downloads, checked by their
 * content), Ctrl+K search that centres and selects a card, placement in free space, routed wires
 * with icons, and an edge label typed on the canvas.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getTemplate } from '../../sim/templates';
import { boxesOverlap, nodeBox } from '../../sim/diagram/geometry';
import type { Plan } from '../../sim/model/schema';
import { clickToolbarCommand, pageErrors, REPO_ROOT, screenshot, skipReason, useBuiltApp } from './helpers/browser';
import { CanvasPage } from './helpers/canvasPage';
import { ResultsPage } from './helpers/resultsPage';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

describe.skipIf(reason !== null)('diagram features in Chromium', () => {
  const app = useBuiltApp();

  async function open(): Promise<{ page: Page; canvas: CanvasPage }> {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    (page as Page & { errors?: string[] }).errors = errors;
    await page.goto(`${app.server.url}?test`);
    await page.waitForFunction(() => !!window.__editor);
    return { page, canvas: new CanvasPage(page) };
  }

  async function loadTemplate(page: Page, name: string, scramble = false): Promise<void> {
    const plan = structuredClone(getTemplate(name)!.plan);
    if (scramble) plan.nodes.forEach((n, i) => (n.position = { x: 100 + (i % 2) * 20, y: 100 }));
    await page.evaluate((p) => window.__editor!.getState().replacePlan(p, { history: 'reset' }), plan);
    await clickToolbarCommand(page, 'fit-view');
  }

  it('auto-lays out a scrambled design as one undo step, with routed wires and service icons', async () => {
    const { page, canvas } = await open();
    await loadTemplate(page, 'two-region-active-passive', true);
    const scrambled = await canvas.plan();
    await clickToolbarCommand(page, 'auto-layout');
    await page.waitForFunction(() => window.__editor!.getState().plan.nodes.some((n) => n.position!.y > 150));
    const laid = await canvas.plan();
    const boxes = laid.nodes.map((n) => nodeBox(n));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!, boxes[j]!)).toBe(false);
    // Cards show the service icons, and every wire is drawn along its route.
    await expect(page.getByTestId('node-dns').locator('[data-icon]').getAttribute('data-icon')).resolves.toBe('route53');
    await expect(page.getByTestId('node-db-east').locator('[data-icon]').getAttribute('data-icon')).resolves.toBe('aurora');
    await expect(page.locator('.react-flow__edge').count()).resolves.toBe(laid.edges.length + 1);
    await clickToolbarCommand(page, 'fit-view');
    await page.waitForTimeout(300);
    await screenshot(page, 'diagram-01-auto-layout-1280');
    // One undo puts the scrambled layout back.
    await page.getByTestId('undo').click();
    expect((await canvas.plan()).nodes.map((n) => n.position)).toEqual(scrambled.nodes.map((n) => n.position));
    await page.getByTestId('redo').click();
    expect((await canvas.plan()).nodes.map((n) => n.position)).toEqual(laid.nodes.map((n) => n.position));
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('exports the canvas as SVG and PNG downloads', async () => {
    const { page } = await open();
    await loadTemplate(page, 'two-region-active-passive');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), clickToolbarCommand(page, 'export-svg')]);
    expect(svgDownload.suggestedFilename()).toBe('two-regions-active-passive.svg');
    const svg = await readFile((await svgDownload.path())!, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('data-node-id="gw-east"');
    expect(svg).toContain('data-icon="route53"');

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), clickToolbarCommand(page, 'export-png')]);
    expect(pngDownload.suggestedFilename()).toBe('two-regions-active-passive.png');
    const png = await readFile((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the SVG's width (PNG width is bytes 16..19 of the IHDR chunk).
    const width = png.readUInt32BE(16);
    const svgWidth = Number(/width="([\d.]+)"/.exec(svg)![1]);
    expect(width).toBe(Math.round(svgWidth * 2));

    // The keyboard shortcut exports too.
    const [again] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+Shift+E')]);
    expect(again.suggestedFilename()).toMatch(/\.svg$/);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('finds a component with Ctrl+K, centres it and selects it', async () => {
    const { page, canvas } = await open();
    await loadTemplate(page, 'serverless-three-regions');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+k');
    await page.getByTestId('canvas-search-input').fill('eu-west');
    const firstHit = page.locator('[data-testid^="search-hit-"]').first();
    const hitId = (await firstHit.getAttribute('data-testid'))!.replace('search-hit-', '');
    await screenshot(page, 'diagram-02-search');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('canvas-search').count()).resolves.toBe(0);
    expect((await canvas.snapshot()).selection).toEqual([`node:${hitId}`]);
    // Centred: the card's middle is near the pane's middle once the pan animation settles.
    await page.waitForTimeout(500);
    const pane = await canvas.box(page.locator('.react-flow__pane'));
    const card = await canvas.box(canvas.node(hitId));
    expect(Math.abs(card.x + card.width / 2 - (pane.x + pane.width / 2))).toBeLessThan(24);
    expect(Math.abs(card.y + card.height / 2 - (pane.y + pane.height / 2))).toBeLessThan(24);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('places four palette clicks in four free spots and takes a wire label typed on the canvas', async () => {
    const { page, canvas } = await open();
    for (let i = 0; i < 4; i++) await page.getByTestId('palette-service').click();
    await canvas.waitForCounts(0, 4, 0);
    const boxes = (await canvas.plan()).nodes.map((n) => nodeBox(n));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!, boxes[j]!)).toBe(false);

    await loadTemplate(page, 'single-region-lb');
    const edge = (await canvas.plan()).edges[0]!;
    const key = Object.keys(await page.evaluate(() => window.__editor!.getState().records.edges))[0]!;
    await page.locator(`.react-flow__edge[data-id="edge:${key}"]`).dblclick({ force: true });
    await page.getByTestId('wire-label-input').fill('HTTPS 443');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(`wire-label-${key}`).textContent()).resolves.toBe('HTTPS 443');
    expect((await canvas.plan()).edges[0]).toMatchObject({ from: edge.from, to: edge.to, label: 'HTTPS 443' });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('exports the results dashboard as a PNG download', async () => {
    const { page } = await open();
    const results = new ResultsPage(page);
    await results.loadPlan(JSON.parse(readFileSync(`${REPO_ROOT}test/fixtures/plans/results-two-region-dns.plan.json`, 'utf8')) as Plan);
    await results.byTestId('run-simulation').click();
    await results.waitForStatus('done');
    await page.waitForFunction(() => document.querySelector('[data-testid="results"]')?.getAttribute('data-drawn') === 'true');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dashboard-png').click()]);
    expect(download.suggestedFilename()).toMatch(/-results\.png$/);
    const png = await readFile((await download.path())!);
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // Drawn at twice the panel's size: wider than the 1280-pixel window itself.
    expect(png.readUInt32BE(16)).toBeGreaterThan(1280);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
