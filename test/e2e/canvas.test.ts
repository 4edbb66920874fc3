/**
 * End-to-end: the built renderer in headless Chromium, driven with the mouse the way an architect
 * would. The main journey draws the two-region active-passive design from an empty canvas, then
 * undoes every step back to empty and redoes them all. State is read through `window.__editor`
 * (exposed only with `?test`); screenshots go to test-results/e2e/.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { validatePlan } from '../../sim/model/validate';
import { getTemplate } from '../../sim/templates';
import { documentFit, newEditorPage, pageErrors, screenshot, skipReason, useBuiltApp, VIEWPORTS, type ViewportSize } from './helpers/browser';
import { CanvasPage } from './helpers/canvasPage';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

describe.skipIf(reason !== null)('canvas in Chromium', () => {
  const app = useBuiltApp();

  async function open(viewport: ViewportSize = VIEWPORTS.desktop): Promise<{ page: Page; canvas: CanvasPage; origin: { x: number; y: number } }> {
    const page = await newEditorPage(app.browser, app.server.url, viewport);
    const canvas = new CanvasPage(page);
    const pane = await canvas.box(page.locator('[data-canvas-drop]'));
    return { page, canvas, origin: { x: pane.x, y: pane.y } };
  }

  /** Zooms the canvas out with its own control, `clicks` times, and returns the zoom it settled at. */
  async function zoomOut(page: Page, clicks: number): Promise<number> {
    for (let i = 0; i < clicks; i++) {
      const before = await page.evaluate(() => window.__editor!.getState().session.viewport.zoom);
      await page.locator('.react-flow__controls-zoomout').click();
      await page.waitForFunction((z) => window.__editor!.getState().session.viewport.zoom < z - 0.01, before);
    }
    return page.evaluate(() => window.__editor!.getState().session.viewport.zoom);
  }

  // The same journey on a roomy desktop and on a 1280×800 laptop, where the canvas is zoomed out so
  // the design fits the smaller pane; the window must never get wider than the screen.
  it.each([
    ['1600×960', VIEWPORTS.desktop, 0, ''],
    ['1280×800', VIEWPORTS.laptop, 2, '-1280'],
  ])('draws the two-region active-passive design from an empty canvas at %s, then undoes and redoes every step', async (_size, viewport, zoomClicks, suffix) => {
    const { page, canvas, origin } = await open(viewport);
    await expect(page.getByTestId('empty-canvas').isVisible()).resolves.toBe(true);
    const fitsWindow = async () => {
      const fit = await documentFit(page);
      expect(fit.documentWidth).toBeLessThanOrEqual(fit.windowWidth);
      expect([fit.scrollX, fit.scrollY]).toEqual([0, 0]);
    };
    await fitsWindow();
    const scale = zoomClicks ? await zoomOut(page, zoomClicks) : 1;
    await screenshot(page, `01-empty-canvas${suffix}`);
    let steps = 0;
    const at = (x: number, y: number) => ({ x: origin.x + x * scale, y: origin.y + y * scale });

    // Two regions: the first offered is us-east-1, the second us-west-2.
    await canvas.dragFromPalette('region', at(300, 80));
    await canvas.waitForCounts(1, 0, 0);
    await canvas.dragFromPalette('region', at(300, 400));
    await canvas.waitForCounts(2, 0, 0);
    steps += 2;
    const [east, west] = (await canvas.plan()).regions;
    expect([east?.id, east?.code, west?.id, west?.code]).toEqual(['use1', 'us-east-1', 'usw2', 'us-west-2']);

    // Global entry: clients, then DNS halfway between the regions.
    await canvas.dragFromPalette('clients', at(100, 120));
    await canvas.dragFromPalette('dns', at(100, 332));
    await canvas.waitForCounts(2, 2, 0);
    steps += 2;

    // The same stack in each region: load balancer, gateway, data store.
    let count = 2;
    for (const region of ['use1', 'usw2']) {
      for (const [kind, x] of [['loadBalancer', 100], ['gateway', 310], ['datastore', 520]] as const) {
        await canvas.dropIntoRegion(kind, region, { x: x * scale, y: 125 * scale });
        await canvas.waitForCounts(2, ++count, 0);
        steps++;
      }
    }
    // Operations outside the regions: an off-site backup and the on-call monitor.
    await canvas.dragFromPalette('backup', at(100, 560));
    await canvas.dragFromPalette('monitor', at(100, 680));
    await canvas.waitForCounts(2, 10, 0);
    steps += 2;

    const placed = await canvas.plan();
    const regionOf = Object.fromEntries(placed.nodes.map((n) => [n.id, n.region ?? null]));
    expect(regionOf).toEqual({
      'clients-1': null, 'dns-1': null,
      'lb-1': 'use1', 'gw-1': 'use1', 'db-1': 'use1',
      'lb-2': 'usw2', 'gw-2': 'usw2', 'db-2': 'usw2',
      'backup-1': null, 'mon-1': null,
    });
    await screenshot(page, `02-components-placed${suffix}`);
    await fitsWindow();

    // Wiring: traffic down each stack, both gateways write to the primary store in us-east-1,
    // the primary replicates to us-west-2 (store → store is replication without touching the toggle).
    const wires: [string, string][] = [
      ['clients-1', 'dns-1'], ['dns-1', 'lb-1'], ['dns-1', 'lb-2'],
      ['lb-1', 'gw-1'], ['lb-2', 'gw-2'], ['gw-1', 'db-1'], ['gw-2', 'db-1'], ['db-1', 'db-2'],
    ];
    for (const [i, [from, to]] of wires.entries()) {
      await canvas.connect(from, to);
      await canvas.waitForCounts(2, 10, i + 1);
      steps++;
    }
    // Wiring the backup to a store names what it protects (no edge).
    await canvas.connect('backup-1', 'db-1');
    await page.waitForFunction(() => window.__editor!.getState().records.nodes['backup-1']?.kind === 'backup' && (window.__editor!.getState().records.nodes['backup-1'] as { of: string }).of === 'db-1');
    steps++;

    const built = await canvas.plan();
    const edges = built.edges.map((e) => `${e.kind}:${e.from}->${e.to}`);
    expect(edges).toEqual([
      'traffic:clients-1->dns-1', 'traffic:dns-1->lb-1', 'traffic:dns-1->lb-2', 'traffic:lb-1->gw-1',
      'traffic:lb-2->gw-2', 'traffic:gw-1->db-1', 'traffic:gw-2->db-1', 'replication:db-1->db-2',
    ]);
    const dns = built.nodes.find((n) => n.id === 'dns-1');
    expect(dns?.kind === 'dns' && dns.targets).toEqual([{ node: 'lb-1', role: 'primary' }, { node: 'lb-2', role: 'secondary' }]);
    // Positions are saved in the plan: every node and region has one.
    expect(built.nodes.every((n) => n.position)).toBe(true);
    expect(built.regions.every((r) => r.position && r.size)).toBe(true);
    const validation = validatePlan(built);
    expect(validation.errors.map((e) => `${e.code} ${e.path}`)).toEqual([]);
    await canvas.press('f');
    await canvas.press('Escape');
    await page.waitForFunction(() => window.__editor!.getState().session.selection.length === 0);
    await expect(page.getByTestId('status-validation').textContent()).resolves.toContain('Plan is valid');
    await screenshot(page, `03-active-passive-design${suffix}`);
    await fitsWindow();

    // A second wire out of the clients is refused, with the reason shown beside the pointer.
    await canvas.connect('clients-1', 'lb-1');
    const toast = page.getByTestId('toast');
    await toast.waitFor();
    await expect(toast.textContent()).resolves.toMatch(/one entry point/);
    const toastBox = await canvas.box(toast);
    const target = await canvas.box(canvas.node('lb-1'));
    expect(Math.hypot(toastBox.x - (target.x + target.width / 2), toastBox.y - (target.y + target.height / 2))).toBeLessThan(160);
    expect((await canvas.plan()).edges).toHaveLength(8);
    await screenshot(page, `04-refused-connection${suffix}`);
    await fitsWindow();

    // Every step is undoable, one step per gesture, back to the empty canvas…
    let undone = 0;
    while ((await canvas.snapshot()).canUndo) {
      const before = (await page.evaluate(() => window.__editor!.getState().revision));
      await canvas.press('Control+z');
      await page.waitForFunction((r) => window.__editor!.getState().revision > r, before);
      undone++;
    }
    expect(undone).toBe(steps);
    await canvas.waitForCounts(0, 0, 0);
    await screenshot(page, `05-all-undone${suffix}`);
    await fitsWindow();

    // …and redoable back to the same design (Ctrl+Shift+Z, and Ctrl+Y for the last step).
    for (let i = 0; i < steps; i++) {
      const before = (await page.evaluate(() => window.__editor!.getState().revision));
      await canvas.press(i === steps - 1 ? 'Control+y' : 'Control+Shift+z');
      await page.waitForFunction((r) => window.__editor!.getState().revision > r, before);
    }
    expect((await canvas.snapshot()).redoCount).toBe(0);
    expect(await canvas.plan()).toEqual(built);
    await screenshot(page, `06-all-redone${suffix}`);
    await fitsWindow();
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('makes a drag one undo step, re-homes nodes dropped into a region, and keeps redo through selection clicks', async () => {
    const { page, canvas, origin } = await open();
    await canvas.dragFromPalette('region', { x: origin.x + 320, y: origin.y + 80 });
    await canvas.dragFromPalette('gateway', { x: origin.x + 120, y: origin.y + 420 });
    await canvas.waitForCounts(1, 1, 0);
    expect((await canvas.plan()).nodes[0]?.region).toBeUndefined();

    // Drag the gateway into the region: position and membership change in one step.
    const region = await canvas.box(canvas.region('use1'));
    const card = await canvas.box(canvas.node('gw-1'));
    await canvas.dragBy(canvas.node('gw-1'), region.x + 200 - (card.x + card.width / 2), region.y + 120 - (card.y + card.height / 2));
    await page.waitForFunction(() => window.__editor!.getState().records.nodes['gw-1']?.region === 'use1');
    const inside = (await canvas.plan()).nodes[0]!;
    await screenshot(page, '07-dragged-into-region');

    await canvas.press('Control+z');
    await page.waitForFunction(() => window.__editor!.getState().records.nodes['gw-1']?.region === undefined);
    const back = (await canvas.plan()).nodes[0]!;
    expect(back.position).not.toEqual(inside.position);
    expect((await canvas.snapshot()).redoCount).toBe(1);

    // Clicking to select is not an edit: redo survives it.
    await canvas.node('gw-1').click();
    await page.waitForFunction(() => window.__editor!.getState().session.selection.includes('node:gw-1'));
    expect((await canvas.snapshot()).redoCount).toBe(1);
    await canvas.press('Control+Shift+z');
    await page.waitForFunction(() => window.__editor!.getState().records.nodes['gw-1']?.region === 'use1');
    expect((await canvas.plan()).nodes[0]).toEqual(inside);

    // Moving the region by its header carries its contents along, as one step.
    await canvas.dragBy(canvas.region('use1'), 80, 40, { x: 60, y: 16 });
    await page.waitForFunction(
      (x) => (window.__editor!.getState().records.nodes['gw-1']?.position?.x ?? 0) > x,
      inside.position!.x + 40,
    );
    const moved = await canvas.plan();
    expect(moved.nodes[0]!.region).toBe('use1');
    await canvas.press('Control+z');
    await page.waitForFunction((x) => window.__editor!.getState().records.nodes['gw-1']?.position?.x === x, inside.position!.x);

    // Copy, paste and delete from the keyboard.
    await canvas.node('gw-1').click();
    await canvas.press('Control+c');
    await canvas.press('Control+v');
    await canvas.waitForCounts(1, 2, 0);
    expect((await canvas.snapshot()).selection).toEqual(['node:gw-2']);
    await canvas.press('Delete');
    await canvas.waitForCounts(1, 1, 0);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('shows a template with every component inside its region box', async () => {
    const { page, canvas } = await open();
    const template = getTemplate('two-region-active-passive');
    expect(template).toBeDefined();
    await page.evaluate((plan) => window.__editor!.getState().replacePlan(plan, { history: 'reset' }), template!.plan);
    await canvas.waitForCounts(template!.plan.regions.length, template!.plan.nodes.length, template!.plan.edges.length);
    await page.getByTestId('fit-view').click();
    // Measure after the fit animation, so the cards and their regions are read at the same zoom.
    await page.waitForTimeout(400);
    for (const node of template!.plan.nodes) {
      const card = await canvas.box(canvas.node(node.id));
      if (!node.region) continue;
      const box = await canvas.box(canvas.region(node.region));
      expect(card.x >= box.x && card.y >= box.y && card.x + card.width <= box.x + box.width + 1 && card.y + card.height <= box.y + box.height + 1).toBe(true);
    }
    await screenshot(page, '08-template-active-passive');
    // A full-height canvas shows its minimap (the results dock hides it when it squeezes the pane).
    await expect(page.locator('.react-flow__minimap').count()).resolves.toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
