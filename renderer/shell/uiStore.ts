/**
 * The window's chrome state beside the editor store: which dialog is open, which file the plan
 * belongs to and at which revision it was last saved, and a pending recovery offer. Like the
 * session it is never undone and never saved; it lives apart so the editor store stays the plan's.
 */
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Issue } from '../../sim/model/issues';
import type { FileRef, RecoveredDraft } from '../platform';

export type Dialog =
  | { type: 'gallery' }
  | { type: 'shortcuts' }
  /** The Export dialog: the plan as Terraform, CloudFormation, Kubernetes, compose or chaos drills. */
  | { type: 'export' }
  /** Ctrl+O in a browser: a keyboard shortcut is not a user activation there, so a click must open the picker. */
  | { type: 'open-prompt'; what?: 'plan' | 'result' }
  /** A file that could not be opened (or saved): what was wrong, and an optional way forward. */
  | { type: 'file-errors'; title: string; fileName: string; errors: Issue[]; note: string; proceed?: { label: string; run: () => void } }
  | null;

export interface UiState {
  dialog: Dialog;
  file: FileRef | null;
  /** Editor revision of the last open or save; the plan is unsaved when the revision differs. */
  savedRevision: number;
  /** A draft from an earlier session, offered until the user restores or discards it. */
  recovery: RecoveredDraft | null;
  /** Autosave is held back while a recovery offer is open, so the old draft is not overwritten. */
  autosaveHeld: boolean;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  setFile(file: FileRef | null, savedRevision: number): void;
  offerRecovery(draft: RecoveredDraft | null): void;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(): UiStore {
  return createStore<UiState>()((set) => ({
    dialog: null,
    file: null,
    savedRevision: 0,
    recovery: null,
    autosaveHeld: true,
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    setFile: (file, savedRevision) => set({ file, savedRevision }),
    offerRecovery: (recovery) => set({ recovery, autosaveHeld: recovery !== null }),
  }));
}

export const UiStoreContext = createContext<UiStore | null>(null);

export function useUiStoreApi(): UiStore {
  const store = useContext(UiStoreContext);
  if (!store) throw new Error('useUi* must be used inside <UiStoreContext.Provider>');
  return store;
}

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useUiStoreApi(), selector);
}
