/** Matching components to what the user typed in the canvas search: name, id, kind, engine, region. */
import type { PlanNode } from '../../sim/model/schema';
import { KIND_LABEL } from '../store/commands/nodeDefaults';

export interface SearchHit {
  node: PlanNode;
  /** Lower is better: a name that starts with the query beats one that merely contains it. */
  rank: number;
}

export function searchNodes(nodes: readonly PlanNode[], query: string, limit = 12): SearchHit[] {
  const q = query.trim().toLowerCase();
  const hits: SearchHit[] = [];
  nodes.forEach((node, index) => {
    const name = (node.name ?? node.id).toLowerCase();
    const words = [node.id, KIND_LABEL[node.kind], node.region ?? '', node.kind === 'datastore' ? (node.engine ?? '') : '', node.kind === 'gateway' || node.kind === 'service' ? (node.platform ?? '') : '']
      .join(' ')
      .toLowerCase();
    let rank: number;
    if (!q) rank = 3;
    else if (name.startsWith(q)) rank = 0;
    else if (name.includes(q)) rank = 1;
    else if (words.includes(q)) rank = 2;
    else return;
    hits.push({ node, rank: rank * 10_000 + index });
  });
  return hits.sort((a, b) => a.rank - b.rank).slice(0, limit);
}
