/** Deleting a selection, and what must go with it so the plan stays coherent. */
import type { PlanDiff } from '../diff';
import type { PlanRecords } from '../records';
import { idsOfType } from '../selectionKeys';
import { withoutDnsTarget } from './connect';
import { produceDiff } from './draft';

/**
 * Removes the selected regions (with the components inside them, as deleting a container does in
 * every drawing tool), nodes and edges, plus every edge left dangling. DNS targets follow their
 * edges. Other references (a backup's `of`, common causes) are left for validation to point out.
 */
export function deleteDiff(records: PlanRecords, keys: readonly string[]): PlanDiff {
  const regions = new Set(idsOfType(keys, 'region').filter((id) => id in records.regions));
  const nodes = new Set(idsOfType(keys, 'node').filter((id) => id in records.nodes));
  for (const node of Object.values(records.nodes)) if (node.region && regions.has(node.region)) nodes.add(node.id);
  const edges = new Set(idsOfType(keys, 'edge').filter((id) => id in records.edges));
  for (const edge of Object.values(records.edges)) if (nodes.has(edge.from) || nodes.has(edge.to)) edges.add(edge.id);

  return produceDiff(records, (draft) => {
    for (const id of regions) delete draft.regions[id];
    for (const id of nodes) delete draft.nodes[id];
    for (const id of edges) {
      const edge = records.edges[id]!;
      delete draft.edges[id];
      const from = draft.nodes[edge.from];
      if (edge.kind === 'traffic' && from?.kind === 'dns') draft.nodes[edge.from] = withoutDnsTarget(from, edge.to);
    }
  });
}
