/** The history part: undo/redo stacks of recorded diffs, and marks that fold a gesture into one step. */
import type { StateCreator } from 'zustand';
import { applyDiff, reverseDiff } from '../diff';
import { EMPTY_HISTORY, pushMark, squashToMark, takeRedo, takeUndo, type History } from '../history';
import { recordsToPlan } from '../records';
import type { EditorState } from '../editorState';
import { sessionAfterEdit } from './planSlice';

export interface HistorySlice {
  history: History;
  undo(): void;
  redo(): void;
  /** Call when a gesture starts (pointer down on a drag or resize handle). */
  mark(id: string): void;
  /** Call when it ends: everything recorded since `mark(id)` becomes one undo step. */
  squashToMark(id: string): void;
}

export const createHistorySlice: StateCreator<EditorState, [], [], HistorySlice> = (set) => ({
  history: EMPTY_HISTORY,
  // Both keep only the selected records that still exist, so nothing stays selected that is gone.
  undo() {
    set((s) => {
      const step = takeUndo(s.history, s.document);
      if (!step) return s;
      const records = applyDiff(s.records, reverseDiff(step.diff));
      const document = step.document ? step.document.before : s.document;
      return { records, plan: recordsToPlan(records), revision: s.revision + 1, history: step.history, document, session: sessionAfterEdit(s.session, records) };
    });
  },
  redo() {
    set((s) => {
      const step = takeRedo(s.history, s.document);
      if (!step) return s;
      const records = applyDiff(s.records, step.diff);
      const document = step.document ? step.document.after : s.document;
      return { records, plan: recordsToPlan(records), revision: s.revision + 1, history: step.history, document, session: sessionAfterEdit(s.session, records) };
    });
  },
  mark(id) {
    set((s) => ({ history: pushMark(s.history, id) }));
  },
  squashToMark(id) {
    set((s) => ({ history: squashToMark(s.history, id, s.records) }));
  },
});
