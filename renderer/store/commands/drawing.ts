/** Drawing-only edits: a wire's label, and a whole layout's positions written in one diff. */
import type { LayoutResult } from '../../../sim/diagram/autoLayout';
import type { PlanDiff } from '../diff';
import type { EdgeRecord, PlanRecords } from '../records';
import { produceDiff } from './draft';

/** Sets (or, with blank text, removes) a wire's own label. */
export function edgeLabelDiff(records: PlanRecords, edgeId: string, text: string): PlanDiff {
  return produceDiff(records, (draft) => {
    const edge = records.edges[edgeId];
    if (!edge) return;
    const label = text.trim();
    const next: EdgeRecord = { ...edge };
    if (label) next.label = label;
    else delete next.label;
    draft.edges[edgeId] = next;
  });
}

/** Moves every laid-out node and region to its place (and size) in one diff: one undo step. */
export function layoutDiff(records: PlanRecords, layout: LayoutResult): PlanDiff {
  return produceDiff(records, (draft) => {
    for (const [id, at] of Object.entries(layout.regions)) {
      const region = records.regions[id];
      if (region) draft.regions[id] = { ...region, position: { x: at.x, y: at.y }, size: at.size };
    }
    for (const [id, position] of Object.entries(layout.nodes)) {
      const node = records.nodes[id];
      if (node) draft.nodes[id] = { ...node, position };
    }
  });
}
