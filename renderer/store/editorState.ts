/** The composed store's type: the four parts of STYLE.md plus the editing actions built on them. */
import type { EditingSlice } from './slices/editingSlice';
import type { HistorySlice } from './slices/historySlice';
import type { PlanSlice } from './slices/planSlice';
import type { SessionSlice } from './slices/sessionSlice';
import type { SimulationSlice } from './slices/simulationSlice';

export type EditorState = PlanSlice & HistorySlice & SessionSlice & SimulationSlice & EditingSlice;
