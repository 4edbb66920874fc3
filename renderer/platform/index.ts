/** Picks the host backing once per window. Only this folder knows which host the renderer runs in. */
import { createBrowserPlatform } from './browserPlatform';
import type { Platform } from './types';

export type { FileRef, OpenedFile, Platform, RecoveredDraft } from './types';

let current: Platform | null = null;

export function getPlatform(): Platform {
  // TODO(desktop issue): return the Electron backing when the preload bridge is present.
  current ??= createBrowserPlatform();
  return current;
}
