/**
 * Plan records → xyflow nodes and edges (pure). xyflow wants child positions relative to their
 * parent and parents listed before children; the plan keeps absolute positions, so this converts.
 * Wires are routed around cards (sim/diagram/wires) and leave from the sides they were drawn from.
 */
import { MarkerType, type Node as FlowNode } from '@xyflow/react';
import type { Side as WireSide } from '../../sim/diagram/routing';
import { routeWires, type WireCache } from '../../sim/diagram/wires';
import { NODE_SIZE, nodePosition, regionBox, type Point } from '../store/commands/geometry';
import type { PlanRecords } from '../store/records';
import { edgeKey, nodeKey, regionKey } from '../store/selectionKeys';
import type { RoutedFlowEdge } from './RoutedEdge';

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

const HANDLE_OF: Record<WireSide, Side> = { top: 't', right: 'r', bottom: 'b', left: 'l' };
export const SIDE_OF_HANDLE: Record<string, WireSide> = { t: 'top', r: 'right', b: 'bottom', l: 'left' };

/**
 * The wires as xyflow edges, each carrying its routed corner points (sim/diagram/wires): the same
 * routes and labels the SVG export draws. Handles are the sides the routes use.
 */
export function toFlowEdges(records: PlanRecords, selection: ReadonlySet<string>): RoutedFlowEdge[] {
  return routedFlowEdges(records, selection).edges;
}

/**
 * As toFlowEdges, and also the routing pass itself: handing it back as `previous` (while a drag is
 * under way) re-routes only the wires the moving cards touch.
 */
export function routedFlowEdges(records: PlanRecords, selection: ReadonlySet<string>, previous?: WireCache): { edges: RoutedFlowEdge[]; cache: WireCache } {
  const { wires, cache } = routeWires({ nodes: Object.values(records.nodes), edges: Object.values(records.edges), regions: Object.values(records.regions) }, previous);
  const edges = wires.map((wire): RoutedFlowEdge => {
    const derived = wire.kind === 'backup';
    const key = derived ? wire.id : edgeKey(wire.id);
    const color = EDGE_COLORS[wire.kind];
    return {
      id: key,
      type: 'routed',
      source: nodeKey(wire.from),
      target: nodeKey(wire.to),
      sourceHandle: HANDLE_OF[wire.fromSide],
      targetHandle: HANDLE_OF[wire.toSide],
      className: `edge-${wire.kind}`,
      selected: !derived && selection.has(key),
      ...(derived ? { selectable: false, deletable: false } : {}),
      markerEnd: { type: MarkerType.ArrowClosed, color, width: derived ? 14 : 16, height: derived ? 14 : 16 },
      data: { points: wire.points, kind: wire.kind, ...(wire.label ? { label: wire.label } : {}), ...(derived ? {} : { planId: wire.id }) },
    };
  });
  return { edges, cache };
}
