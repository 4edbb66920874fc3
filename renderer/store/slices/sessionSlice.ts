/**
 * The session part: what this window is looking at and holding. Never undone, never saved, and
 * changing it never touches the history (a selection click must not clear redo).
 */
import type { StateCreator } from 'zustand';
import type { Clipboard } from '../commands/clipboard';
import type { EdgeKind } from '../commands/connect';
import type { EditorState } from '../editorState';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Toast {
  id: number;
  message: string;
  tone: 'error' | 'info';
  /** Screen coordinates the toast appears beside: where the user was looking. */
  at: { x: number; y: number } | null;
}

export interface Session {
  /** Selection keys (`node:id`, `region:id`, `edge:id`), see selectionKeys.ts. */
  selection: readonly string[];
  viewport: Viewport;
  /** The kind a new wire gets (datastore → datastore is always replication). */
  edgeKind: EdgeKind;
  clipboard: Clipboard | null;
  /** How many times the clipboard was pasted, so repeated pastes cascade instead of stacking. */
  pasteCount: number;
  toast: Toast | null;
  /** The region a drag would drop into, highlighted while dragging. */
  dropTarget: string | null;
}

export interface SessionSlice {
  session: Session;
  setSelection(keys: readonly string[]): void;
  setViewport(viewport: Viewport): void;
  setEdgeKind(kind: EdgeKind): void;
  showToast(message: string, options?: { tone?: Toast['tone']; at?: Toast['at'] }): void;
  dismissToast(id: number): void;
  setDropTarget(regionId: string | null): void;
}

export const INITIAL_SESSION: Session = {
  selection: [],
  viewport: { x: 0, y: 0, zoom: 1 },
  edgeKind: 'traffic',
  clipboard: null,
  pasteCount: 0,
  toast: null,
  dropTarget: null,
};

export const createSessionSlice: StateCreator<EditorState, [], [], SessionSlice> = (set) => ({
  session: INITIAL_SESSION,
  setSelection(keys) {
    set((s) => (sameKeys(s.session.selection, keys) ? s : { session: { ...s.session, selection: [...keys] } }));
  },
  setViewport(viewport) {
    set((s) => ({ session: { ...s.session, viewport } }));
  },
  setEdgeKind(edgeKind) {
    set((s) => ({ session: { ...s.session, edgeKind } }));
  },
  showToast(message, options = {}) {
    set((s) => ({
      session: {
        ...s.session,
        toast: { id: (s.session.toast?.id ?? 0) + 1, message, tone: options.tone ?? 'error', at: options.at ?? null },
      },
    }));
  },
  setDropTarget(dropTarget) {
    set((s) => (s.session.dropTarget === dropTarget ? s : { session: { ...s.session, dropTarget } }));
  },
  dismissToast(id) {
    set((s) => (s.session.toast?.id === id ? { session: { ...s.session, toast: null } } : s));
  },
});

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((k) => set.has(k));
}
