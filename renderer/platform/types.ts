/**
 * What the renderer needs from its host, and nothing more: files and crash recovery (Platform), and
 * the window around them: its title, the host's commands (the native menu), print and export
 * (WindowHost). The browser backing (browserPlatform.ts) serves
 * tests and web use; the Electron backing (electronPlatform.ts) goes through the preload bridge.
 * No other renderer code knows which host it runs in.
 */
import type { HostCommand } from '../../electron/shared/ipc';

export type { HostCommand };

/** A place a plan was opened from or saved to; opaque outside the backing that issued it. */
export interface FileRef {
  /** What to show the user (a file name). */
  name: string;
  /** Backing-specific token (a path in Electron, a handle key in the browser). */
  token: string;
}

export interface OpenedFile {
  file: FileRef;
  /** The file's text, unparsed: validation and migration belong to sim/model, not to the host. */
  text: string;
}

export interface RecoveredDraft {
  text: string;
  savedAtIso: string;
  file: FileRef | null;
}

export type TextEditAction = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll';

export interface Platform {
  readonly kind: 'browser' | 'electron';
  /** Asks the user for a plan file; null when they cancel. */
  open(): Promise<OpenedFile | null>;
  /** Asks the user for a result file (simulate --json, merge) for the dashboard; null when they cancel. Optional: test backings may lack it. */
  openResult?(): Promise<OpenedFile | null>;
  /** Writes to a known file (atomically where the host can). */
  save(file: FileRef, text: string): Promise<FileRef>;
  /** Asks where to save; null when they cancel. */
  saveAs(text: string, suggestedName: string): Promise<FileRef | null>;
  /** Keeps a crash-recovery copy of the working plan; cheap enough to call after every edit (debounced by the caller). */
  autosave(text: string, file: FileRef | null): Promise<void>;
  /** The last autosaved draft, if one survives from an earlier session. */
  recover(): Promise<RecoveredDraft | null>;
  /** Drops the recovery copy (after a save, or when the user discards it). */
  clearRecovery(): Promise<void>;
  /**
   * Saves an exported picture (SVG, PNG) under a suggested name: a download in the browser, a save
   * dialog on the desktop. Null when the user cancels. Optional so a backing can add it later;
   * callers fall back to a browser download (see exportFile in platform/index.ts).
   */
  saveExport?(data: Blob, suggestedName: string): Promise<FileRef | null>;
}

/** The rest of the host: the window around the document (title, menu commands, print) and exports. */
export interface WindowHost {
  /** Writes several files (an export) into a place the user picks; null when they cancel. */
  exportFiles(files: ReadonlyArray<{ name: string; text: string }>): Promise<{ written: number } | null>;
  /** Recently opened or saved files, most recent first (none in a browser). */
  recentFiles(): Promise<FileRef[]>;
  /** Prints the window to a PDF file (the browser's print dialog on the web). */
  printToPdf(suggestedName: string): Promise<void>;
  /**
   * Prints a one-file HTML document (the review report) to a PDF the user places; null when they
   * cancel. Desktop only: without it, exportReportPdf in platform/index.ts opens the print dialog.
   */
  reportPdf?(html: string, suggestedName: string): Promise<FileRef | null>;
  /** The window's title: the document's name and whether it has unsaved changes. */
  setDocumentState(state: { name: string; dirty: boolean; file: FileRef | null }): void;
  /** Commands from the host (the native menu, files opened from the OS); returns an unsubscribe. */
  onCommand(listener: (command: HostCommand) => void): () => void;
  /** Applies a text-editing command to the focused field (the menu's Edit items while typing). */
  editText(action: TextEditAction): void;
  /** Closes the window without asking again (after "save, then close"). */
  closeWindow(): void;
}

/** What each backing provides. */
export type HostPlatform = Platform & WindowHost;
