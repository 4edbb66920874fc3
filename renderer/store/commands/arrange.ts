/** Moving, resizing and re-homing things on the canvas. */
import type { PlanNode } from '../../../sim/model/schema';
import type { PlanDiff } from '../diff';
import type { PlanRecords } from '../records';
import { produceDiff } from './draft';
import { nodeCenter, nodePosition, regionBox, regionAt, round, type Point, type Size } from './geometry';
import { KIND_LABEL } from './nodeDefaults';
import { regionalName } from './place';

export interface Move {
  type: 'node' | 'region';
  id: string;
  /** Absolute canvas position (top-left). */
  position: Point;
}

/**
 * Moves nodes and regions. A moving region carries the nodes inside it (their absolute positions
 * shift with it) unless the same gesture also placed them explicitly.
 */
export function moveDiff(records: PlanRecords, moves: readonly Move[]): PlanDiff {
  return produceDiff(records, (draft) => {
    const explicit = new Set(moves.filter((m) => m.type === 'node').map((m) => m.id));
    Object.values(records.regions).forEach((region, index) => {
      const move = moves.find((m) => m.type === 'region' && m.id === region.id);
      if (!move) return;
      const from = regionBox(region, index);
      const to = round(move.position);
      if (from.x === to.x && from.y === to.y) return;
      draft.regions[region.id] = { ...region, position: to };
      Object.values(records.nodes).forEach((node, i) => {
        if (node.region !== region.id || explicit.has(node.id)) return;
        const p = nodePosition(node, i);
        draft.nodes[node.id] = { ...node, position: { x: p.x + to.x - from.x, y: p.y + to.y - from.y } };
      });
    });
    for (const move of moves) {
      if (move.type !== 'node') continue;
      const node = draft.nodes[move.id];
      if (!node) continue;
      const to = round(move.position);
      if (node.position?.x === to.x && node.position.y === to.y) continue;
      draft.nodes[move.id] = { ...node, position: to };
    }
  });
}

export function resizeRegionDiff(records: PlanRecords, id: string, box: Point & Size): PlanDiff {
  return produceDiff(records, (draft) => {
    const region = records.regions[id];
    if (!region) return;
    draft.regions[id] = {
      ...region,
      position: round(box),
      size: { width: Math.round(box.width), height: Math.round(box.height) },
    };
  });
}

/**
 * After a drop, each node belongs to the region under its centre (or none). A name that still reads
 * like the default for its old region follows it to the new one.
 */
export function rehomeDiff(records: PlanRecords, nodeIds: readonly string[]): PlanDiff {
  return produceDiff(records, (draft) => {
    for (const id of nodeIds) {
      const node = records.nodes[id];
      if (!node) continue;
      const target = regionAt(records, nodeCenter(nodePosition(node)));
      if ((target?.id ?? undefined) === node.region) continue;
      const next: Record<string, unknown> = { ...node };
      if (target) next.region = target.id;
      else delete next.region;
      const old = node.region ? records.regions[node.region] : undefined;
      if (old && node.name === regionalName(node.kind, old.id)) {
        next.name = target ? regionalName(node.kind, target.id) : KIND_LABEL[node.kind];
      }
      draft.nodes[id] = next as PlanNode;
    }
  });
}
