/**
 * Canvas geometry shared by commands and the canvas. Node positions in the plan are ABSOLUTE canvas
 * coordinates (a region's children are not stored relative to it), so a plan can be drawn without
 * knowing which node sits in which box; the canvas converts to xyflow's parent-relative positions.
 */
import { regionBox, type Point, type Size } from '../../../sim/diagram/geometry';
import type { Region } from '../../../sim/model/schema';
import type { PlanRecords } from '../records';

// The sizes and fallbacks live with the diagram code in sim/, so the SVG export draws the same boxes.
export { NODE_SIZE, REGION_DEFAULT_SIZE, REGION_MIN_SIZE, boxesOverlap, nodeCenter, nodePosition, regionBox } from '../../../sim/diagram/geometry';
export type { Box, Point, Size } from '../../../sim/diagram/geometry';

/** The box a region is drawn in, by id (index-dependent fallbacks included). */
export function regionBoxById(records: PlanRecords, id: string): (Point & Size) | undefined {
  const list = Object.values(records.regions);
  const index = list.findIndex((r) => r.id === id);
  return index < 0 ? undefined : regionBox(list[index]!, index);
}

/** The region whose box holds `point`; the smallest wins when boxes overlap (the one drawn on top). */
export function regionAt(records: PlanRecords, point: Point): Region | undefined {
  let best: Region | undefined;
  let bestArea = Infinity;
  Object.values(records.regions).forEach((region, index) => {
    const box = regionBox(region, index);
    const inside =
      point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
    if (inside && box.width * box.height < bestArea) {
      best = region;
      bestArea = box.width * box.height;
    }
  });
  return best;
}

export const round = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) });
