/** Geometry checks for routed wires, shared by the routing and SVG tests. */
import type { Box, Point } from '../../../sim/diagram/geometry';
import type { Wire } from '../../../sim/diagram/wires';

/** Segments (by wire) that pass through a card's interior, the end cards' sides excepted. */
export function segmentsUnderCards(wires: readonly Wire[], cards: ReadonlyMap<string, Box>): string[] {
  const out: string[] = [];
  for (const w of wires) {
    for (let i = 1; i < w.points.length; i++) {
      const a = w.points[i - 1]!;
      const b = w.points[i]!;
      for (const [id, box] of cards) {
        if (crossesInterior(a, b, box)) out.push(`${w.id} segment ${i} crosses ${id}`);
      }
    }
  }
  return out;
}

function crossesInterior(a: Point, b: Point, box: Box): boolean {
  const x1 = Math.min(a.x, b.x);
  const x2 = Math.max(a.x, b.x);
  const y1 = Math.min(a.y, b.y);
  const y2 = Math.max(a.y, b.y);
  return x2 > box.x && x1 < box.x + box.width && y2 > box.y && y1 < box.y + box.height;
}

/**
 * Pairs of wires with collinear segments sharing more than `allowance` of length. Wires that leave
 * or enter the same card side share its short straight stub by design; the allowance covers that.
 */
export function sharedRuns(wires: readonly Wire[], allowance: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < wires.length; i++) {
    for (let j = i + 1; j < wires.length; j++) {
      const shared = sharedLength(wires[i]!.points, wires[j]!.points);
      if (shared > allowance) out.push(`${wires[i]!.id} runs along ${wires[j]!.id} for ${shared}px`);
    }
  }
  return out;
}

function sharedLength(p: readonly Point[], q: readonly Point[]): number {
  let total = 0;
  for (let i = 1; i < p.length; i++) {
    for (let j = 1; j < q.length; j++) {
      const a1 = p[i - 1]!;
      const a2 = p[i]!;
      const b1 = q[j - 1]!;
      const b2 = q[j]!;
      if (a1.y === a2.y && b1.y === b2.y && a1.y === b1.y) total += overlap(a1.x, a2.x, b1.x, b2.x);
      else if (a1.x === a2.x && b1.x === b2.x && a1.x === b1.x) total += overlap(a1.y, a2.y, b1.y, b2.y);
    }
  }
  return total;
}

const overlap = (a1: number, a2: number, b1: number, b2: number): number =>
  Math.max(0, Math.min(Math.max(a1, a2), Math.max(b1, b2)) - Math.max(Math.min(a1, a2), Math.min(b1, b2)));
