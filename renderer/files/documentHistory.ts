/**
 * Keeps the window's file (ui store) and the plan's document (editor store) in step. Opening a file
 * replaces the plan as one undoable step that also records the file; when undo or redo brings
 * another document back, this makes it the window's file again, marked unsaved because nothing
 * says the plan matches that file on disk. Without it, Save after undoing an Open would write the
 * old design over the opened file.
 */
import type { FileRef } from '../platform';
import type { UiStore } from '../shell/uiStore';
import type { EditorStore } from '../store/createEditorStore';

/** Starts following; returns the function that stops. */
export function followDocumentHistory(editor: EditorStore, ui: UiStore): () => void {
  return editor.subscribe((state, previous) => {
    if (state.document === previous.document) return;
    const file = (state.document ?? null) as FileRef | null;
    if (file !== ui.getState().file) ui.getState().setFile(file, -1);
  });
}
