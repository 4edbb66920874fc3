/** Picks the host backing once per window. Only this folder knows which host the renderer runs in. */
import { createBrowserPlatform } from './browserPlatform';
import type { FileRef, Platform } from './types';

export type { FileRef, OpenedFile, Platform, RecoveredDraft } from './types';

let current: Platform | null = null;

export function getPlatform(): Platform {
  // TODO(desktop issue): return the Electron backing when the preload bridge is present.
  current ??= createBrowserPlatform();
  return current;
}

/** Saves an exported picture through the host (a download in the browser, a dialog on the desktop). */
export async function exportFile(data: Blob, suggestedName: string): Promise<FileRef | null> {
  const platform = getPlatform();
  if (platform.saveExport) return platform.saveExport(data, suggestedName);
  // A backing without picture export still gets a usable file: the browser's download.
  return createBrowserPlatform().saveExport!(data, suggestedName);
}
