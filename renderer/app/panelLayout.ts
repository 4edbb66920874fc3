/**
 * The side panels' sizes: the palette (full or an icon rail) and the inspector (a width, or folded to
 * a rail), remembered across sessions in localStorage. Pure helpers plus one hook; a small screen
 * starts with the palette as a rail so the canvas and the inspector both fit.
 */
import { useCallback, useEffect, useState } from 'react';

export interface PanelLayout {
  paletteWidth: number;
  paletteCompact: boolean;
  inspectorWidth: number;
  inspectorCollapsed: boolean;
}

export const PALETTE_RANGE = { min: 180, max: 360 } as const;
export const INSPECTOR_RANGE = { min: 280, max: 600 } as const;
export const PALETTE_RAIL = 60;
export const INSPECTOR_RAIL = 36;
/** The canvas keeps at least this much of the window. */
export const CANVAS_MIN = 360;
const STORAGE_KEY = 'resilience-studio.panels';

export function defaultLayout(windowWidth: number): PanelLayout {
  return { paletteWidth: 232, paletteCompact: windowWidth < 1200, inspectorWidth: windowWidth < 1300 ? 320 : 352, inspectorCollapsed: false };
}

export const clamp = (v: number, range: { min: number; max: number }): number => Math.round(Math.min(range.max, Math.max(range.min, v)));

/** The layout as read from storage: unknown or broken entries fall back to the defaults. */
export function parseLayout(text: string | null, windowWidth: number): PanelLayout {
  const base = defaultLayout(windowWidth);
  if (!text) return base;
  try {
    const raw = JSON.parse(text) as Partial<Record<keyof PanelLayout, unknown>>;
    return {
      paletteWidth: typeof raw.paletteWidth === 'number' ? clamp(raw.paletteWidth, PALETTE_RANGE) : base.paletteWidth,
      paletteCompact: typeof raw.paletteCompact === 'boolean' ? raw.paletteCompact : base.paletteCompact,
      inspectorWidth: typeof raw.inspectorWidth === 'number' ? clamp(raw.inspectorWidth, INSPECTOR_RANGE) : base.inspectorWidth,
      inspectorCollapsed: typeof raw.inspectorCollapsed === 'boolean' ? raw.inspectorCollapsed : base.inspectorCollapsed,
    };
  } catch {
    return base;
  }
}

/**
 * The widths actually drawn: the remembered ones, narrowed (inspector first, then the palette) when
 * the window is too small to keep CANVAS_MIN for the canvas. The remembered sizes are not changed,
 * so widening the window brings them back.
 */
export function effectiveWidths(layout: PanelLayout, windowWidth: number): { palette: number; inspector: number } {
  const palette = layout.paletteCompact ? PALETTE_RAIL : layout.paletteWidth;
  const inspector = layout.inspectorCollapsed ? INSPECTOR_RAIL : layout.inspectorWidth;
  const room = windowWidth - CANVAS_MIN;
  if (palette + inspector <= room) return { palette, inspector };
  const fitInspector = layout.inspectorCollapsed ? inspector : Math.max(INSPECTOR_RANGE.min, room - palette);
  const fitPalette = palette + fitInspector <= room ? palette : PALETTE_RAIL;
  return { palette: fitPalette, inspector: fitInspector };
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function usePanelLayout(): { layout: PanelLayout; widths: { palette: number; inspector: number }; update(change: Partial<PanelLayout>): void } {
  const [windowWidth, setWindowWidth] = useState(() => window.innerWidth);
  const [layout, setLayout] = useState(() => parseLayout(readStorage(), window.innerWidth));
  useEffect(() => {
    const onResize = () => setWindowWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const update = useCallback((change: Partial<PanelLayout>) => {
    setLayout((prev) => {
      const next = { ...prev, ...change };
      next.paletteWidth = clamp(next.paletteWidth, PALETTE_RANGE);
      next.inspectorWidth = clamp(next.inspectorWidth, INSPECTOR_RANGE);
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Storage may be full or disabled: the layout still applies for this session.
      }
      return next;
    });
  }, []);
  return { layout, widths: effectiveWidths(layout, windowWidth), update };
}
