/**
 * Finding free space on the canvas, so new and pasted things never land on top of others: a search
 * outward from where the user aimed, on the snap grid, for the nearest spot that overlaps nothing.
 */
import type { PlanRecords } from '../records';
import { NODE_SIZE, boxesOverlap, nodePosition, regionBox, type Box, type Point, type Size } from './geometry';

/** The gap kept between a new card and its neighbours. */
export const CARD_GAP = 24;
/** The gap kept between regions. */
export const REGION_GAP = 40;
/** Inside a region, cards keep below its title and off its border. */
export const REGION_INSET = { top: 44, side: 16, bottom: 16 };
const STEP = 8;
const MAX_RINGS = 200;

export function nodeBoxes(records: PlanRecords): Box[] {
  return Object.values(records.nodes).map((n, i) => ({ ...nodePosition(n, i), ...NODE_SIZE }));
}

export function regionBoxes(records: PlanRecords, except?: string): Box[] {
  return Object.values(records.regions).flatMap((r, i) => (r.id === except ? [] : [regionBox(r, i)]));
}

/**
 * The free top-left nearest `aim` for a box of `size`: clear of `obstacles` by `gap`, and inside
 * `within` when given. Null when there is none.
 */
export function nearestFree(aim: Point, size: Size, obstacles: readonly Box[], gap: number, within?: Box): Point | null {
  const fits = (p: Point) => {
    const box = { ...p, ...size };
    if (within && (box.x < within.x || box.y < within.y || box.x + box.width > within.x + within.width || box.y + box.height > within.y + within.height)) return false;
    return obstacles.every((o) => !boxesOverlap(box, o, gap));
  };
  let start = { x: Math.round(aim.x), y: Math.round(aim.y) };
  if (within) {
    // Aiming at a region's edge means "in this region": start from the nearest spot inside it.
    start = {
      x: Math.round(Math.min(Math.max(start.x, within.x), within.x + within.width - size.width)),
      y: Math.round(Math.min(Math.max(start.y, within.y), within.y + within.height - size.height)),
    };
  }
  // Inside a region there is nothing to find farther out than the region itself.
  const rings = within ? Math.ceil(Math.max(within.width, within.height) / STEP) : MAX_RINGS;
  return searchNear(start, fits, rings);
}

/** The point nearest `start`, in steps of the snap grid from it (ring by ring, nearest first within a ring) that passes `ok`. */
export function searchNear(start: Point, ok: (p: Point) => boolean, rings = MAX_RINGS): Point | null {
  if (ok(start)) return start;
  for (let ring = 1; ring <= rings; ring++) {
    let best: Point | null = null;
    let bestDistance = Infinity;
    const d = ring * STEP;
    for (let k = -ring; k <= ring; k++) {
      const o = k * STEP;
      for (const p of [
        { x: start.x + o, y: start.y - d },
        { x: start.x + o, y: start.y + d },
        { x: start.x - d, y: start.y + o },
        { x: start.x + d, y: start.y + o },
      ]) {
        const distance = Math.hypot(p.x - start.x, p.y - start.y);
        // Ties go to the first in reading order, so the search is deterministic.
        if (distance < bestDistance && ok(p)) {
          best = p;
          bestDistance = distance;
        }
      }
    }
    if (best) return best;
  }
  return null;
}

/** The area of a region cards may occupy. */
export function regionInterior(box: Box): Box {
  return {
    x: box.x + REGION_INSET.side,
    y: box.y + REGION_INSET.top,
    width: box.width - 2 * REGION_INSET.side,
    height: box.height - REGION_INSET.top - REGION_INSET.bottom,
  };
}
