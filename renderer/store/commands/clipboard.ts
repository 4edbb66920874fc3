/** Copy and paste: a copy is a detached set of records; pasting gives everything fresh ids and free space. */
import type { PlanNode, Region } from '../../../sim/model/schema';
import type { PlanDiff } from '../diff';
import { edgeIdFor, type EdgeRecord, type PlanRecords } from '../records';
import { edgeKey, idsOfType, nodeKey, regionKey } from '../selectionKeys';
import { nextId, produceDiff } from './draft';
import { CARD_GAP, REGION_GAP, nodeBoxes, regionBoxes, searchNear } from './freeSpace';
import { NODE_SIZE, boxesOverlap, nodeCenter, nodePosition, regionAt, regionBox, type Point } from './geometry';
import { ID_PREFIX } from './nodeDefaults';

export interface Clipboard {
  regions: Region[];
  nodes: PlanNode[];
  edges: EdgeRecord[];
}

/** The selected regions (with their contents) and nodes, and the edges among them. */
export function copyRecords(records: PlanRecords, keys: readonly string[]): Clipboard | null {
  const regionIds = new Set(idsOfType(keys, 'region').filter((id) => id in records.regions));
  const nodeIds = new Set(idsOfType(keys, 'node').filter((id) => id in records.nodes));
  for (const node of Object.values(records.nodes)) if (node.region && regionIds.has(node.region)) nodeIds.add(node.id);
  if (regionIds.size === 0 && nodeIds.size === 0) return null;
  const regionList = Object.values(records.regions);
  const nodeList = Object.values(records.nodes);
  return {
    // Positions are made explicit so a paste lands relative to what was copied, even for plans
    // that were written without canvas positions.
    regions: regionList.flatMap((r, i) => {
      if (!regionIds.has(r.id)) return [];
      const box = regionBox(r, i);
      return [{ ...r, position: { x: box.x, y: box.y }, size: { width: box.width, height: box.height } }];
    }),
    nodes: nodeList.flatMap((n, i) => (nodeIds.has(n.id) ? [{ ...n, position: nodePosition(n, i) }] : [])),
    edges: Object.values(records.edges).filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to)),
  };
}

export function pasteDiff(records: PlanRecords, clip: Clipboard, offset: Point): { diff: PlanDiff; keys: string[] } {
  const keys: string[] = [];
  const diff = produceDiff(records, (draft) => {
    const regionIds = new Map<string, string>();
    for (const region of clip.regions) {
      const id = nextId(region.id.replace(/-\d+$/, ''), (c) => c in draft.regions);
      regionIds.set(region.id, id);
      const p = region.position!;
      draft.regions[id] = { ...region, id, name: `${region.name ?? region.id} copy`, position: { x: p.x + offset.x, y: p.y + offset.y } };
      keys.push(regionKey(id));
    }
    const nodeIds = new Map<string, string>();
    for (const node of clip.nodes) nodeIds.set(node.id, nextId(ID_PREFIX[node.kind], (c) => c in draft.nodes || [...nodeIds.values()].includes(c)));
    for (const node of clip.nodes) {
      const id = nodeIds.get(node.id)!;
      const p = node.position!;
      const position = { x: p.x + offset.x, y: p.y + offset.y };
      const copy: Record<string, unknown> = { ...node, id, position };
      // A copied region takes its copied contents; a lone copied node joins whatever box it lands in.
      const region = node.region && regionIds.has(node.region) ? regionIds.get(node.region) : regionAt(draft, nodeCenter(position))?.id;
      if (region) copy.region = region;
      else delete copy.region;
      if (node.kind === 'dns') {
        copy.targets = node.targets.flatMap((t) => (nodeIds.has(t.node) ? [{ ...t, node: nodeIds.get(t.node)! }] : []));
      }
      if (node.kind === 'backup' && nodeIds.has(node.of)) copy.of = nodeIds.get(node.of);
      draft.nodes[id] = copy as PlanNode;
      keys.push(nodeKey(id));
    }
    for (const edge of clip.edges) {
      const from = nodeIds.get(edge.from)!;
      const to = nodeIds.get(edge.to)!;
      const id = edgeIdFor({ kind: edge.kind, from, to }, new Set(Object.keys(draft.edges)));
      draft.edges[id] = { ...edge, id, from, to };
      keys.push(edgeKey(id));
    }
  });
  return { diff, keys };
}

/**
 * The offset nearest `base` at which every pasted card is clear of the cards already on the canvas
 * and every pasted region clear of the regions, so a paste never lands on top of anything.
 */
export function freePasteOffset(records: PlanRecords, clip: Clipboard, base: Point): Point {
  const cards = nodeBoxes(records);
  const regions = regionBoxes(records);
  const ok = (o: Point) =>
    clip.nodes.every((n) => {
      const box = { x: n.position!.x + o.x, y: n.position!.y + o.y, ...NODE_SIZE };
      return cards.every((c) => !boxesOverlap(box, c, CARD_GAP));
    }) &&
    clip.regions.every((r) => {
      const box = { x: r.position!.x + o.x, y: r.position!.y + o.y, ...r.size! };
      return regions.every((b) => !boxesOverlap(box, b, REGION_GAP));
    });
  return searchNear(base, ok) ?? base;
}
