/** Narrow readers of the store; components subscribe through these, never to the whole state. */
import { canRedo, canUndo } from './history';
import type { EditorState } from './editorState';

export const selectPlan = (s: EditorState) => s.plan;
export const selectRecords = (s: EditorState) => s.records;
export const selectRevision = (s: EditorState) => s.revision;
export const selectCanUndo = (s: EditorState) => canUndo(s.history);
export const selectCanRedo = (s: EditorState) => canRedo(s.history);
export const selectSelection = (s: EditorState) => s.session.selection;
export const selectEdgeKind = (s: EditorState) => s.session.edgeKind;
export const selectToast = (s: EditorState) => s.session.toast;
export const selectZoom = (s: EditorState) => s.session.viewport.zoom;
export const selectCounts = (s: EditorState) =>
  `${Object.keys(s.records.regions).length}/${Object.keys(s.records.nodes).length}/${Object.keys(s.records.edges).length}`;
export const selectSimulationStatus = (s: EditorState) => s.simulation.status;
/** A result is stale once the plan changed after the run that produced it started. */
export const selectResultIsStale = (s: EditorState) =>
  s.simulation.result !== null && (s.simulation.resultRevision ?? s.simulation.planRevision) !== s.revision;
export const selectDropTarget = (s: EditorState) => s.session.dropTarget;
