/**
 * Shortening chart labels to a width in pixels, so a long name ends in "…" instead of running into
 * the next column. Widths come from a canvas's measureText when there is one (a browser), else from
 * an average glyph width (tests under jsdom).
 */
let context: CanvasRenderingContext2D | null | undefined;

function measurer(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  try {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  } catch {
    context = null;
  }
  return context;
}

export function textWidth(text: string, font: string, fontSizePx: number): number {
  const ctx = measurer();
  if (!ctx) return text.length * fontSizePx * 0.62;
  ctx.font = font;
  return ctx.measureText(text).width;
}

/** `text` itself when it fits in `maxPx`, else its longest prefix that fits with "…" after it. */
export function fitText(text: string, maxPx: number, font: string, fontSizePx: number): string {
  if (textWidth(text, font, fontSizePx) <= maxPx) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${text.slice(0, mid)}…`, font, fontSizePx) <= maxPx) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '…' : `${text.slice(0, lo).trimEnd()}…`;
}
