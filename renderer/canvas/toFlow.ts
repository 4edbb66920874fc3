/**
 * Plan records → xyflow nodes and edges (pure). xyflow wants child positions relative to their
 * parent and parents listed before children; the plan keeps absolute positions, so this converts.
 * Edge handles are picked from geometry so wires leave from the side that faces their target.
 */
import { MarkerType, type Edge as FlowEdge, type Node as FlowNode } from '@xyflow/react';
import { NODE_SIZE, nodePosition, regionBox, type Point } from '../store/commands/geometry';
import type { PlanRecords } from '../store/records';
import { edgeKey, nodeKey, regionKey } from '../store/selectionKeys';

export type RegionFlowNode = FlowNode<{ regionId: string; dropTarget: boolean }, 'region'>;
export type ComponentFlowNode = FlowNode<{ nodeId: string }, 'component'>;
export type CanvasFlowNode = RegionFlowNode | ComponentFlowNode;

export type Side = 't' | 'r' | 'b' | 'l';

export const EDGE_COLORS = { traffic: '#475569', replication: '#b45309', backup: '#0e7490' } as const;

export function toFlowNodes(records: PlanRecords, selection: ReadonlySet<string>, dropTarget: string | null): CanvasFlowNode[] {
  const regionList = Object.values(records.regions);
  const origins = new Map<string, Point>();
  const out: CanvasFlowNode[] = regionList.map((region, index) => {
    const box = regionBox(region, index);
    origins.set(region.id, { x: box.x, y: box.y });
    const key = regionKey(region.id);
    return {
      id: key,
      type: 'region',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      // Fixed sizes are known up front, so xyflow need not wait for a DOM measurement to show them.
      measured: { width: box.width, height: box.height },
      data: { regionId: region.id, dropTarget: dropTarget === region.id },
      selected: selection.has(key),
      zIndex: 0,
    };
  });
  Object.values(records.nodes).forEach((node, index) => {
    const abs = nodePosition(node, index);
    const origin = node.region ? origins.get(node.region) : undefined;
    const key = nodeKey(node.id);
    out.push({
      id: key,
      type: 'component',
      position: origin ? { x: abs.x - origin.x, y: abs.y - origin.y } : abs,
      ...(origin ? { parentId: regionKey(node.region!) } : {}),
      width: NODE_SIZE.width,
      height: NODE_SIZE.height,
      measured: { ...NODE_SIZE },
      data: { nodeId: node.id },
      selected: selection.has(key),
    });
  });
  return out;
}

/** Absolute top-left of every plan node (by plan id), for handle choice. */
function absolutePositions(records: PlanRecords): Map<string, Point> {
  const map = new Map<string, Point>();
  Object.values(records.nodes).forEach((node, index) => map.set(node.id, nodePosition(node, index)));
  return map;
}

/** The pair of sides that face each other for a wire from `a` to `b` (top-left corners). */
export function facingSides(a: Point, b: Point): [Side, Side] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  // Cards are wider than tall, so prefer left/right unless the target is clearly above or below.
  if (Math.abs(dy) > NODE_SIZE.height + 20 && Math.abs(dx) < NODE_SIZE.width * 0.9) return dy > 0 ? ['b', 't'] : ['t', 'b'];
  return dx >= 0 ? ['r', 'l'] : ['l', 'r'];
}

export function toFlowEdges(records: PlanRecords, selection: ReadonlySet<string>): FlowEdge[] {
  const positions = absolutePositions(records);
  const out: FlowEdge[] = [];
  const sidesFor = (from: string, to: string): [Side, Side] => {
    const a = positions.get(from);
    const b = positions.get(to);
    return a && b ? facingSides(a, b) : ['r', 'l'];
  };
  for (const edge of Object.values(records.edges)) {
    const [s, t] = sidesFor(edge.from, edge.to);
    const key = edgeKey(edge.id);
    const from = records.nodes[edge.from];
    const role = from?.kind === 'dns' ? from.targets.find((x) => x.node === edge.to)?.role : undefined;
    const color = edge.kind === 'replication' ? EDGE_COLORS.replication : EDGE_COLORS.traffic;
    out.push({
      id: key,
      source: nodeKey(edge.from),
      target: nodeKey(edge.to),
      sourceHandle: s,
      targetHandle: t,
      type: 'smoothstep',
      className: `edge-${edge.kind}`,
      selected: selection.has(key),
      markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
      ...(edge.kind === 'replication'
        ? { label: `${edge.mode} replication` }
        : role
          ? { label: role }
          : {}),
      data: { planId: edge.id, kind: edge.kind },
    });
  }
  // A backup's `of` is drawn as a wire too, so the canvas shows what each backup protects.
  for (const node of Object.values(records.nodes)) {
    if (node.kind !== 'backup' || !node.of || !records.nodes[node.of]) continue;
    const [s, t] = sidesFor(node.id, node.of);
    out.push({
      id: `of:${node.id}`,
      source: nodeKey(node.id),
      target: nodeKey(node.of),
      sourceHandle: s,
      targetHandle: t,
      type: 'smoothstep',
      className: 'edge-backup',
      selectable: false,
      deletable: false,
      label: 'backs up',
      markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_COLORS.backup, width: 14, height: 14 },
    });
  }
  return out;
}
