/**
 * The browser backing of Platform: a file picker to open, a download to save, local storage for the
 * crash-recovery draft. A download cannot overwrite a file, so `save` downloads again under the same
 * name (the desktop backing writes in place).
 */
import type { FileRef, OpenedFile, Platform, RecoveredDraft } from './types';

const DRAFT_KEY = 'resilience-studio:draft';

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
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type: 'application/json' }) : data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Revoke after the click has been handled; revoking at once can cancel the download in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function createBrowserPlatform(storage: Storage = window.localStorage): Platform {
  return {
    kind: 'browser',
    async open(): Promise<OpenedFile | null> {
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
      storage.setItem(DRAFT_KEY, JSON.stringify(draft));
    },
    async recover(): Promise<RecoveredDraft | null> {
      const raw = storage.getItem(DRAFT_KEY);
      if (!raw) return null;
      try {
        const draft = JSON.parse(raw) as Partial<RecoveredDraft>;
        // Local storage is outside our control: accept only the shape we wrote.
        if (typeof draft.text !== 'string' || typeof draft.savedAtIso !== 'string') return null;
        return { text: draft.text, savedAtIso: draft.savedAtIso, file: draft.file ?? null };
      } catch {
        return null;
      }
    },
    async clearRecovery(): Promise<void> {
      storage.removeItem(DRAFT_KEY);
    },
    async saveExport(data: Blob, suggestedName: string): Promise<FileRef | null> {
      download(data, suggestedName);
      return { name: suggestedName, token: suggestedName };
    },
  };
}
