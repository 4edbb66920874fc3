/**
 * Canvas geometry shared by commands and the canvas. Node positions in the plan are ABSOLUTE canvas
 * coordinates (a region's children are not stored relative to it), so a plan can be drawn without
 * knowing which node sits in which box; the canvas converts to xyflow's parent-relative positions.
 */
import type { PlanNode, Region } from '../../../sim/model/schema';
import type { PlanRecords } from '../records';

export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}

export const NODE_SIZE: Size = { width: 188, height: 60 };
export const REGION_DEFAULT_SIZE: Size = { width: 640, height: 220 };
export const REGION_MIN_SIZE: Size = { width: 240, height: 140 };
/** Where plans without positions place things, so an old file still opens as a readable canvas. */
const FALLBACK_GRID = { columns: 6, dx: 220, dy: 110 };

export function regionBox(region: Region, index = 0): Point & Size {
  const position = region.position ?? { x: 0, y: index * (REGION_DEFAULT_SIZE.height + 60) };
  const size = region.size ?? REGION_DEFAULT_SIZE;
  return { ...position, ...size };
}

export function nodePosition(node: PlanNode, index = 0): Point {
  if (node.position) return node.position;
  return {
    x: -FALLBACK_GRID.dx * 2 + (index % FALLBACK_GRID.columns) * FALLBACK_GRID.dx,
    y: -FALLBACK_GRID.dy * 2 - Math.floor(index / FALLBACK_GRID.columns) * FALLBACK_GRID.dy,
  };
}

export function nodeCenter(position: Point): Point {
  return { x: position.x + NODE_SIZE.width / 2, y: position.y + NODE_SIZE.height / 2 };
}

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
