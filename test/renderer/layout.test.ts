/**
 * The window's layout rules as pure functions: which toolbar entries stay in the bar, how the side
 * panels shrink to leave the canvas room, what the stored layout may hold, and the run's time-left
 * estimate.
 */
import { describe, expect, it } from 'vitest';
import { itemsThatFit, TOOLBAR_ITEMS, type ToolbarItem } from '../../renderer/app/toolbarItems';
import { CANVAS_MIN, defaultLayout, effectiveWidths, INSPECTOR_RANGE, PALETTE_RAIL, parseLayout } from '../../renderer/app/panelLayout';
import { timeLeft } from '../../renderer/results/RunControls';

const items: ToolbarItem[] = [
  { id: 'a', group: 'x', priority: 10 },
  { id: 'b', group: 'x', priority: 90 },
  { id: 'c', group: 'y', priority: 50 },
];
const widths = new Map([
  ['a', 100],
  ['b', 100],
  ['c', 100],
]);

describe('toolbar overflow', () => {
  it('keeps everything when it fits, without reserving the "⋯" button', () => {
    expect([...itemsThatFit(items, widths, 300, 40)].sort()).toEqual(['a', 'b', 'c']);
  });
  it('drops the lowest priorities first and leaves room for "⋯"', () => {
    expect([...itemsThatFit(items, widths, 299, 40)].sort()).toEqual(['b', 'c']);
    expect([...itemsThatFit(items, widths, 200, 40)]).toEqual(['b']);
    expect([...itemsThatFit(items, widths, 100, 40)]).toEqual([]);
  });
  it('never puts a menu-only entry in the bar, and then always keeps room for "⋯"', () => {
    const withHelp = [...items, { id: 'help', group: 'z', priority: 99, menuOnly: true }];
    expect([...itemsThatFit(withHelp, widths, 1000, 40)].sort()).toEqual(['a', 'b', 'c']);
    expect([...itemsThatFit(withHelp, widths, 330, 40)].sort()).toEqual(['b', 'c']);
  });
  it('has unique ids, so an entry added to the list is one line', () => {
    expect(new Set(TOOLBAR_ITEMS.map((i) => i.id)).size).toBe(TOOLBAR_ITEMS.length);
  });
});

describe('side panels', () => {
  it('start with the palette as a rail on small screens', () => {
    expect(defaultLayout(1024).paletteCompact).toBe(true);
    expect(defaultLayout(1440).paletteCompact).toBe(false);
  });
  it('narrow (inspector first) so the canvas keeps its minimum, without forgetting the stored widths', () => {
    const layout = { paletteWidth: 300, paletteCompact: false, inspectorWidth: 560, inspectorCollapsed: false };
    const w = effectiveWidths(layout, 1024);
    expect(1024 - w.palette - w.inspector).toBeGreaterThanOrEqual(CANVAS_MIN);
    expect(w.inspector).toBeGreaterThanOrEqual(INSPECTOR_RANGE.min);
    expect(effectiveWidths(layout, 1920)).toEqual({ palette: 300, inspector: 560 });
    expect(effectiveWidths({ ...layout, paletteWidth: 360, inspectorWidth: 600 }, 900).palette).toBe(PALETTE_RAIL);
  });
  it('read a stored layout defensively', () => {
    expect(parseLayout('not json', 1440)).toEqual(defaultLayout(1440));
    expect(parseLayout('{"inspectorWidth": 9999, "paletteCompact": true}', 1440)).toMatchObject({ inspectorWidth: INSPECTOR_RANGE.max, paletteCompact: true });
  });
});

describe('time left', () => {
  it('waits for a little progress, then extrapolates the pace so far', () => {
    expect(timeLeft(0.2, 0.5)).toBeNull();
    expect(timeLeft(10, 0.01)).toBeNull();
    expect(timeLeft(10, 0.25)).toBeCloseTo(30);
    expect(timeLeft(12, 1)).toBe(0);
  });
});
