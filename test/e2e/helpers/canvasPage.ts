/**
 * A page object for the canvas: the gestures a user makes with the mouse (palette drags, wiring
 * from a card's handle, dragging cards) and reads of the store through the test-only hook, so tests
 * wait for state and never sleep.
 */
import type { Locator, Page } from 'playwright-core';
import type { Plan } from '../../../sim/model/schema';

type Box = { x: number; y: number; width: number; height: number };
type Side = 'top' | 'right' | 'bottom' | 'left';
const HANDLE_ID: Record<Side, string> = { top: 't', right: 'r', bottom: 'b', left: 'l' };

export interface EditorSnapshot {
  plan: Plan;
  canUndo: boolean;
  redoCount: number;
  selection: string[];
}

export class CanvasPage {
  constructor(readonly page: Page) {}

  node(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }
  region(id: string): Locator {
    return this.page.getByTestId(`region-${id}`);
  }

  async snapshot(): Promise<EditorSnapshot> {
    return this.page.evaluate(() => {
      const s = window.__editor!.getState();
      return {
        plan: s.plan,
        canUndo: s.history.undos.some((e) => e.type === 'diff'),
        redoCount: s.history.redos.length,
        selection: [...s.session.selection],
      };
    });
  }

  async plan(): Promise<Plan> {
    return (await this.snapshot()).plan;
  }

  /** Waits until the plan has exactly these numbers of regions, nodes and edges. */
  async waitForCounts(regions: number, nodes: number, edges: number): Promise<void> {
    await this.page.waitForFunction(
      ([r, n, e]) => {
        const p = window.__editor!.getState().plan;
        return p.regions.length === r && p.nodes.length === n && p.edges.length === e;
      },
      [regions, nodes, edges] as const,
    );
  }

  async box(locator: Locator): Promise<Box> {
    const box = await locator.boundingBox();
    if (!box) throw new Error('element is not visible');
    return box;
  }

  /** Presses on a palette item and releases at a screen point, moving in steps like a hand would. */
  async dragFromPalette(kind: string, to: { x: number; y: number }): Promise<void> {
    const from = await this.box(this.page.getByTestId(`palette-${kind}`));
    const mouse = this.page.mouse;
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mouse.down();
    await mouse.move(to.x, to.y, { steps: 12 });
    await mouse.up();
  }

  /** Drops a palette item at a point inside a region, given as offsets from the region's top-left. */
  async dropIntoRegion(kind: string, regionId: string, offset: { x: number; y: number }): Promise<void> {
    const r = await this.box(this.region(regionId));
    await this.dragFromPalette(kind, { x: r.x + offset.x, y: r.y + offset.y });
  }

  /** Wires two cards by dragging from the source's handle that faces the target onto the target's facing handle. */
  async connect(fromId: string, toId: string): Promise<void> {
    const a = await this.box(this.node(fromId));
    const b = await this.box(this.node(toId));
    const [fromSide, toSide] = facing(a, b);
    const mouse = this.page.mouse;
    const start = await this.box(this.node(fromId).locator(`[data-handleid="${HANDLE_ID[fromSide]}"]`));
    const end = await this.box(this.node(toId).locator(`[data-handleid="${HANDLE_ID[toSide]}"]`));
    await mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await mouse.down();
    await mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 14 });
    await mouse.up();
  }

  /** Drags a card (or a region by its header) by a screen offset. */
  async dragBy(target: Locator, dx: number, dy: number, grab: { x: number; y: number } | null = null): Promise<void> {
    const b = await this.box(target);
    const x = b.x + (grab?.x ?? b.width / 2);
    const y = b.y + (grab?.y ?? b.height / 2);
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 12 });
    await this.page.mouse.up();
  }

  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }
}

function facing(a: Box, b: Box): [Side, Side] {
  const dx = b.x + b.width / 2 - (a.x + a.width / 2);
  const dy = b.y + b.height / 2 - (a.y + a.height / 2);
  if (Math.abs(dy) > Math.abs(dx)) return dy > 0 ? ['bottom', 'top'] : ['top', 'bottom'];
  return dx > 0 ? ['right', 'left'] : ['left', 'right'];
}
