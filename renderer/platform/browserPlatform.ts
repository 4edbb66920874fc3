/**
 * The browser backing of Platform: a file picker to open, a download to save, local storage for the
 * crash-recovery drafts, one per window (its id lives in session storage, which survives a reload),
 * document.title for the title. A download cannot overwrite a file, so `save` downloads again under
 * the same name (the desktop backing writes in place). A browser has no native menu, so no host
 * commands ever arrive.
 */
import { documentTitle } from './documentTitle';
import type { FileRef, HostPlatform, OpenedFile, RecoveredDraft } from './types';

const DRAFT_PREFIX = 'resilience-studio:draft:';
/** Where drafts lived before they were kept per window; still read, so no draft is lost. */
const SHARED_DRAFT_KEY = 'resilience-studio:draft';
const WINDOW_KEY = 'resilience-studio:window';

function windowDraftKey(session: Storage | null): string {
  let id = session?.getItem(WINDOW_KEY) ?? null;
  if (!id) {
    id = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}`;
    try {
      session?.setItem(WINDOW_KEY, id);
    } catch {
      // Without session storage the id lasts as long as the page: drafts still never collide.
    }
  }
  return DRAFT_PREFIX + id;
}

/** A stored draft, if it has the shape we write (local storage is outside our control). */
function parseDraft(raw: string | null): RecoveredDraft | null {
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as Partial<RecoveredDraft> | null;
    if (!draft || typeof draft.text !== 'string' || typeof draft.savedAtIso !== 'string') return null;
    const file = draft.file && typeof draft.file.name === 'string' && typeof draft.file.token === 'string' ? draft.file : null;
    return { text: draft.text, savedAtIso: draft.savedAtIso, file };
  } catch {
    return null;
  }
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function download(data: string | Blob, name: string): void {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type: name.endsWith('.json') ? 'application/json' : 'text/plain' }) : data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Revoke after the click has been handled; revoking at once can cancel the download in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function createBrowserPlatform(storage: Storage = window.localStorage, session: Storage | null = window.sessionStorage): HostPlatform {
  const ownKey = windowDraftKey(session);
  /** Another window's draft this window offered (a crashed or closed window's work). */
  let adopted: string | null = null;
  return {
    kind: 'browser',
    async open(): Promise<OpenedFile | null> {
      const file = await pickFile();
      if (!file) return null;
      return { file: { name: file.name, token: file.name }, text: await file.text() };
    },
    async openResult(): Promise<OpenedFile | null> {
      const file = await pickFile();
      if (!file) return null;
      return { file: { name: file.name, token: file.name }, text: await file.text() };
    },
    async save(file: FileRef, text: string): Promise<FileRef> {
      download(text, file.name);
      return file;
    },
    async saveAs(text: string, suggestedName: string): Promise<FileRef | null> {
      const name = suggestedName.endsWith('.json') ? suggestedName : `${suggestedName}.plan.json`;
      download(text, name);
      return { name, token: name };
    },
    async autosave(text: string, file: FileRef | null): Promise<void> {
      const draft: RecoveredDraft = { text, savedAtIso: new Date().toISOString(), file };
      try {
        storage.setItem(ownKey, JSON.stringify(draft));
      } catch (error) {
        // An older draft left in place would later be offered as if it were the latest work.
        storage.removeItem(ownKey);
        throw new Error(isQuotaError(error) ? 'the browser storage for drafts is full' : error instanceof Error ? error.message : String(error), { cause: error });
      }
    },
    async recover(): Promise<RecoveredDraft | null> {
      // This window's own draft (after a reload or a crash), else the newest one another window left.
      const own = parseDraft(storage.getItem(ownKey));
      if (own) return own;
      let best: { key: string; draft: RecoveredDraft } | null = null;
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (!key || (key !== SHARED_DRAFT_KEY && !key.startsWith(DRAFT_PREFIX)) || key === ownKey) continue;
        const draft = parseDraft(storage.getItem(key));
        if (draft && (!best || draft.savedAtIso > best.draft.savedAtIso)) best = { key, draft };
      }
      adopted = best?.key ?? null;
      return best?.draft ?? null;
    },
    async clearRecovery(): Promise<void> {
      storage.removeItem(ownKey);
      if (adopted) storage.removeItem(adopted);
      adopted = null;
    },
    async exportFiles(files) {
      for (const file of files) download(file.text, file.name);
      return { written: files.length };
    },
    async recentFiles() {
      return [];
    },
    async printToPdf() {
      // The browser's print dialog offers "Save as PDF".
      window.print();
    },
    setDocumentState({ name, dirty }) {
      document.title = documentTitle(name, dirty);
    },
    onCommand() {
      return () => undefined;
    },
    editText(action) {
      document.execCommand(action);
    },
    closeWindow() {
      window.close();
    },
    async saveExport(data: Blob, suggestedName: string): Promise<FileRef | null> {
      download(data, suggestedName);
      return { name: suggestedName, token: suggestedName };
    },
  };
}
