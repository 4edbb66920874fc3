/**
 * Turns xyflow's change objects into store edits (pure where it can be): selection deltas, region
 * resizes and moves in absolute plan coordinates. Dimension changes that only report a DOM
 * measurement are ignored: card and region sizes come from the plan and constants.
 */
import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { Move } from '../store/commands/arrange';
import { regionBoxById, type Point, type Size } from '../store/commands/geometry';
import type { PlanRecords } from '../store/records';
import { parseKey } from '../store/selectionKeys';

/** Applies xyflow select changes to a selection (xyflow sends deltas, not the whole set). */
export function applySelectChanges(selection: readonly string[], changes: readonly (NodeChange | EdgeChange)[]): string[] {
  const next = new Set(selection);
  for (const c of changes) {
    if (c.type !== 'select') continue;
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  return [...next];
}

export interface Resize {
  id: string;
  box: Point & Size;
}

/** Region resizes in this batch: a resizer reports the new size and, from the top/left, a new position. */
export function resizesIn(records: PlanRecords, changes: readonly NodeChange[]): Resize[] {
  const out: Resize[] = [];
  for (const c of changes) {
    if (c.type !== 'dimensions' || c.resizing === undefined || !c.dimensions) continue;
    const ref = parseKey(c.id);
    if (ref?.type !== 'region') continue;
    const box = regionBoxById(records, ref.id);
    if (!box) continue;
    const moved = changes.find((p) => p.type === 'position' && p.id === c.id && p.position);
    const position = moved?.type === 'position' && moved.position ? moved.position : { x: box.x, y: box.y };
    out.push({ id: ref.id, box: { ...position, ...c.dimensions } });
  }
  return out;
}

/**
 * Moves in this batch, in absolute canvas coordinates. `records` must already include this batch's
 * resizes, because children of a region resized from the top/left are reported relative to its new
 * corner.
 */
export function movesIn(records: PlanRecords, changes: readonly NodeChange[], resized: ReadonlySet<string>): Move[] {
  const out: Move[] = [];
  for (const c of changes) {
    if (c.type !== 'position' || !c.position) continue;
    const ref = parseKey(c.id);
    if (!ref || ref.type === 'edge') continue;
    if (ref.type === 'region') {
      if (!resized.has(ref.id)) out.push({ type: 'region', id: ref.id, position: c.position });
      continue;
    }
    const node = records.nodes[ref.id];
    if (!node) continue;
    const parent = node.region ? regionBoxById(records, node.region) : undefined;
    out.push({
      type: 'node',
      id: ref.id,
      position: parent ? { x: parent.x + c.position.x, y: parent.y + c.position.y } : c.position,
    });
  }
  return out;
}
