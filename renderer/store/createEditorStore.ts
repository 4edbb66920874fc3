/**
 * One store per window (and per test): plan, history, session and simulation parts composed from
 * slices. Middleware, if ever needed, goes on this composed store, never inside a slice.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Plan } from '../../sim/model/schema';
import { emptyPlan } from './records';
import type { EditorState } from './editorState';
import { createEditingSlice } from './slices/editingSlice';
import { createHistorySlice } from './slices/historySlice';
import { createPlanSlice } from './slices/planSlice';
import { createSessionSlice } from './slices/sessionSlice';
import { createSimulationSlice } from './slices/simulationSlice';

export type EditorStore = StoreApi<EditorState>;

export function createEditorStore(plan: Plan = emptyPlan()): EditorStore {
  return createStore<EditorState>()((...a) => ({
    ...createPlanSlice(plan)(...a),
    ...createHistorySlice(...a),
    ...createSessionSlice(...a),
    ...createSimulationSlice(...a),
    ...createEditingSlice(...a),
  }));
}
