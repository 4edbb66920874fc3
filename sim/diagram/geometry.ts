/**
 * Where things sit on the diagram: card and region sizes, and the boxes of a plan's regions and
 * nodes (absolute canvas coordinates, with the fallbacks used for plans written without positions).
 * Pure; imports only sim/model. The editor's canvas and the SVG export both read these.
 */
import type { PlanNode, Region } from '../model/schema';

export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}
export type Box = Point & Size;

export const NODE_SIZE: Size = { width: 188, height: 60 };
export const REGION_DEFAULT_SIZE: Size = { width: 640, height: 220 };
export const REGION_MIN_SIZE: Size = { width: 240, height: 140 };
/** Where plans without positions place things, so an old file still opens as a readable canvas. */
const FALLBACK_GRID = { columns: 6, dx: 220, dy: 110 };

export function regionBox(region: Region, index = 0): Box {
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

export function nodeBox(node: PlanNode, index = 0): Box {
  return { ...nodePosition(node, index), ...NODE_SIZE };
}

export function nodeCenter(position: Point): Point {
  return { x: position.x + NODE_SIZE.width / 2, y: position.y + NODE_SIZE.height / 2 };
}

/** Whether two boxes share any area (touching edges do not count), after growing `a` by `margin`. */
export function boxesOverlap(a: Box, b: Box, margin = 0): boolean {
  return a.x - margin < b.x + b.width && b.x < a.x + a.width + margin && a.y - margin < b.y + b.height && b.y < a.y + a.height + margin;
}

export function boxContains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}
