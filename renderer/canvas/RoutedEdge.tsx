/**
 * A wire drawn along its routed corner points (sim/diagram/routing), so the canvas shows the path
 * the SVG export draws. Its label sits on the longest segment; double-clicking the wire (or its
 * label) edits the label in place, committed as one undo step on Enter or blur.
 */
import { memo, useState } from 'react';
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import type { Point } from '../../sim/diagram/geometry';
import { labelPoint, wirePath } from '../../sim/diagram/wires';
import { useLabelEditing } from '../diagram/labelEditing';
import '../diagram/diagram.css';
import { edgeLabelDiff } from '../store/commands/drawing';
import { useEditorStoreApi } from '../store/EditorStoreContext';

export type RoutedEdgeData = {
  points: Point[];
  label?: string;
  /** The plan edge's id; absent for derived wires (a backup's `of`), whose label is fixed. */
  planId?: string;
  kind: 'traffic' | 'replication' | 'backup';
};
export type RoutedFlowEdge = Edge<RoutedEdgeData, 'routed'>;

function RoutedEdgeView({ id, data, markerEnd, style, interactionWidth }: EdgeProps<RoutedFlowEdge>) {
  const editing = useLabelEditing((s) => s.edgeId !== null && s.edgeId === data?.planId);
  if (!data || data.points.length < 2) return null;
  const at = labelPoint(data.points);
  return (
    <>
      <BaseEdge id={id} path={wirePath(data.points)} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth ?? 14} />
      {(data.label || editing) && (
        <EdgeLabelRenderer>
          <div
            className={`wire-label wire-label-${data.kind}${editing ? ' is-editing' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)` }}
            data-testid={`wire-label-${data.planId ?? id}`}
            onDoubleClick={(e) => {
              if (!data.planId) return;
              e.stopPropagation();
              useLabelEditing.getState().start(data.planId);
            }}
          >
            {editing && data.planId ? <LabelInput edgeId={data.planId} initial={data.label ?? ''} /> : data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

function LabelInput({ edgeId, initial }: { edgeId: string; initial: string }) {
  const store = useEditorStoreApi();
  // The user's own label is what gets edited; the derived one (a DNS role) shows as the placeholder.
  const [text, setText] = useState(() => store.getState().records.edges[edgeId]?.label ?? '');
  const commit = () => {
    useLabelEditing.getState().stop();
    const state = store.getState();
    state.applyPlanDiff(edgeLabelDiff(state.records, edgeId, text), { history: 'record' });
  };
  return (
    <input
      className="wire-label-input nodrag nopan"
      data-testid="wire-label-input"
      aria-label="Wire label"
      autoFocus
      value={text}
      maxLength={80}
      placeholder={initial || 'Label'}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') e.currentTarget.blur();
        else if (e.key === 'Escape') useLabelEditing.getState().stop();
      }}
    />
  );
}

export const RoutedEdge = memo(RoutedEdgeView);
