/**
 * What the renderer needs from its host, and nothing more: files and crash recovery. The browser
 * backing (browserPlatform.ts) serves tests and web use; the desktop issue adds an Electron backing
 * behind the same interface (through the preload bridge). No other renderer code knows which host it
 * runs in.
 */

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

export interface Platform {
  readonly kind: 'browser' | 'electron';
  /** Asks the user for a plan file; null when they cancel. */
  open(): Promise<OpenedFile | null>;
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
