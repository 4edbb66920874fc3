/**
 * The canvas: xyflow in controlled mode over the store. The plan is the only source of truth; every
 * gesture becomes a store edit, and xyflow re-renders from the plan. A drag is one undo step (mark at
 * drag start, squash at drag stop); selection goes to the session and never to the history.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
  type OnConnectEnd,
  type OnNodeDrag,
  type Viewport,
  useStore,
} from '@xyflow/react';
import { checkConnection } from '../store/commands/connect';
import { nodeCenter, regionAt } from '../store/commands/geometry';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { selectDropTarget, selectRecords, selectSelection } from '../store/selectors';
import { parseKey } from '../store/selectionKeys';
import { ComponentCard } from './ComponentCard';
import { applySelectChanges, movesIn, resizesIn } from './flowChanges';
import { KIND_VISUAL, PROVIDER_VISUAL } from './kinds';
import { RegionContainer } from './RegionContainer';
import { keepUnchanged } from './keepUnchanged';
import { RoutedEdge, type RoutedFlowEdge } from './RoutedEdge';
import { SIDE_OF_HANDLE, routedFlowEdges, toFlowNodes, type CanvasFlowNode } from './toFlow';
import type { WireCache } from '../../sim/diagram/wires';
import { useLabelEditing } from '../diagram/labelEditing';
import { CanvasSearch } from '../diagram/CanvasSearch';
import { DiagramShortcuts } from '../diagram/DiagramCommands';
import { EmptyCanvasHint } from './EmptyCanvasHint';

const NODE_TYPES = { region: RegionContainer, component: ComponentCard };
const EDGE_TYPES = { routed: RoutedEdge };
/** Below this pane height (the canvas squeezed by the results dock) the minimap would hide the design. */
const MINIMAP_MIN_PANE_HEIGHT = 460;

/** xyflow's minimap, shown only while the pane is tall enough for it to help rather than cover. */
function PaneMiniMap({ nodeColor }: { nodeColor: (node: CanvasFlowNode) => string }) {
  const paneHeight = useStore((state) => state.height);
  if (paneHeight < MINIMAP_MIN_PANE_HEIGHT) return null;
  return (
    <MiniMap<CanvasFlowNode>
      pannable
      zoomable
      nodeColor={nodeColor}
      nodeStrokeWidth={0}
      nodeBorderRadius={4}
      maskColor="rgba(241, 245, 249, 0.7)"
      ariaLabel="Minimap"
      style={{ width: 180, height: 120 }}
    />
  );
}
const DRAG_MARK = 'drag';
const planNodeId = (key: string | null | undefined): string | null => {
  const ref = key ? parseKey(key) : null;
  return ref?.type === 'node' ? ref.id : null;
};

export function Canvas() {
  const store = useEditorStoreApi();
  const records = useEditor(selectRecords);
  const selection = useEditor(selectSelection);
  const dropTarget = useEditor(selectDropTarget);
  const selected = useMemo(() => new Set(selection), [selection]);
  const shownNodes = useRef(new Map<string, CanvasFlowNode>());
  const shownEdges = useRef(new Map<string, RoutedFlowEdge>());
  const nodes = useMemo(() => keepUnchanged(shownNodes.current, toFlowNodes(records, selected, dropTarget)), [records, selected, dropTarget]);
  // While a card is dragged only the wires it touches are re-routed; when the drag ends, a full
  // pass gives the canonical routes (the ones the SVG export draws).
  const [dragging, setDragging] = useState(false);
  const routeCache = useRef<WireCache | undefined>(undefined);
  const edges = useMemo(() => {
    const routed = routedFlowEdges(records, selected, dragging ? routeCache.current : undefined);
    routeCache.current = routed.cache;
    return keepUnchanged(shownEdges.current, routed.edges);
  }, [records, selected, dragging]);
  const isEmpty = nodes.length === 0;
  // Fit only when the window opens on an existing design; later edits must never move the view
  // under the user's pointer (xyflow re-fits when this prop turns true).
  const [fitOnOpen] = useState(() => nodes.length > 0);
  // Read once: the initial viewport comes from the session; later moves only report back.
  const initialViewport = useMemo(() => store.getState().session.viewport, [store]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasFlowNode>[]) => {
      const state = store.getState();
      if (changes.some((c) => c.type === 'select')) state.setSelection(applySelectChanges(state.session.selection, changes));
      const resizes = resizesIn(state.records, changes);
      for (const r of resizes) store.getState().resizeRegion(r.id, r.box);
      const moves = movesIn(store.getState().records, changes, new Set(resizes.map((r) => r.id)));
      if (moves.length) store.getState().moveItems(moves);
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const state = store.getState();
      // Derived wires (a backup's `of`) are not selectable records.
      const own = changes.filter((c) => !('id' in c) || !c.id.startsWith('of:'));
      if (own.some((c) => c.type === 'select')) state.setSelection(applySelectChanges(state.session.selection, own));
    },
    [store],
  );

  const isValidConnection: IsValidConnection = useCallback(
    (c) => {
      const from = planNodeId(c.source);
      const to = planNodeId(c.target);
      const state = store.getState();
      return !!from && !!to && checkConnection(state.records, from, to, state.session.edgeKind).ok;
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const from = planNodeId(c.source);
      const to = planNodeId(c.target);
      // The wire keeps the handles it was drawn between; the router leaves and enters there.
      const fromSide = c.sourceHandle ? SIDE_OF_HANDLE[c.sourceHandle] : undefined;
      const toSide = c.targetHandle ? SIDE_OF_HANDLE[c.targetHandle] : undefined;
      if (from && to) store.getState().connectNodes(from, to, { fromSide, toSide });
    },
    [store],
  );

  // A wire released on a card (not only on its small handles) still connects; a refused one says why
  // right where the pointer let go.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, connection: FinalConnectionState) => {
      if (connection.isValid) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const under = document.elementFromPoint(point.clientX, point.clientY)?.closest('.react-flow__node');
      const from = planNodeId(connection.fromNode?.id);
      const to = planNodeId(connection.toNode?.id ?? under?.getAttribute('data-id'));
      if (!from || !to) return;
      const state = store.getState();
      const fromHandle = connection.fromHandle?.id;
      const result = state.connectNodes(from, to, { fromSide: fromHandle ? SIDE_OF_HANDLE[fromHandle] : undefined });
      if (!result.ok) state.showToast(result.reason, { at: { x: point.clientX, y: point.clientY } });
    },
    [store],
  );

  const onNodeDragStart: OnNodeDrag<CanvasFlowNode> = useCallback(() => {
    store.getState().mark(DRAG_MARK);
    setDragging(true);
  }, [store]);

  const onNodeDrag: OnNodeDrag<CanvasFlowNode> = useCallback(
    (_event, node) => {
      const state = store.getState();
      const id = planNodeId(node.id);
      const placed = id ? state.records.nodes[id]?.position : undefined;
      state.setDropTarget(placed ? (regionAt(state.records, nodeCenter(placed))?.id ?? null) : null);
    },
    [store],
  );

  const onNodeDragStop: OnNodeDrag<CanvasFlowNode> = useCallback(
    (_event, _node, dragged) => {
      const state = store.getState();
      const ids = dragged.map((n) => planNodeId(n.id)).filter((id): id is string => !!id);
      // Re-homing belongs to the same gesture, so it lands in the same undo step as the move.
      state.rehomeNodes(ids);
      state.setDropTarget(null);
      state.squashToMark(DRAG_MARK);
      setDragging(false);
    },
    [store],
  );

  // Double-clicking a wire types its label in place (derived backup wires have a fixed one).
  const onEdgeDoubleClick = useCallback((_: React.MouseEvent, edge: { id: string }) => {
    const ref = parseKey(edge.id);
    if (ref?.type === 'edge') useLabelEditing.getState().start(ref.id);
  }, []);

  const onMoveEnd = useCallback((_: unknown, viewport: Viewport) => store.getState().setViewport(viewport), [store]);

  const minimapColor = useCallback(
    (node: CanvasFlowNode) => {
      const state = store.getState();
      if (node.type === 'region') {
        const region = state.records.regions[node.data.regionId];
        return `${PROVIDER_VISUAL[region?.provider ?? 'generic'].tint}33`;
      }
      const planNode = state.records.nodes[node.data.nodeId];
      return planNode ? KIND_VISUAL[planNode.kind].accent : '#94a3b8';
    },
    [store],
  );

  return (
    <div className="canvas" data-canvas-drop>
      <ReactFlow<CanvasFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onEdgeDoubleClick={onEdgeDoubleClick}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStart={onNodeDragStart}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onMoveEnd={onMoveEnd}
        connectionMode={ConnectionMode.Loose}
        connectionLineType={ConnectionLineType.Step}
        connectionRadius={28}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        defaultViewport={initialViewport}
        fitView={fitOnOpen}
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        minZoom={0.2}
        maxZoom={2}
        snapToGrid
        snapGrid={[8, 8]}
        elevateNodesOnSelect={false}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="#c4cdd8" />
        <PaneMiniMap nodeColor={minimapColor} />
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
      {isEmpty && <EmptyCanvasHint />}
      <CanvasSearch />
      <DiagramShortcuts />
    </div>
  );
}
