/** Picks the host backing once per window. Only this folder knows which host the renderer runs in. */
import { BRIDGE_GLOBAL } from '../../electron/shared/channels';
import type { DesktopBridge } from '../../electron/shared/ipc';
import { createBrowserPlatform } from './browserPlatform';
import { draftFollowsSaves } from './draftFollowsSaves';
import { createElectronPlatform } from './electronPlatform';
import { printHtmlInFrame } from './printFrame';
import type { FileRef, HostPlatform } from './types';

export type { FileRef, HostCommand, HostPlatform, OpenedFile, Platform, RecoveredDraft, TextEditAction, WindowHost } from './types';
export { documentTitle } from './documentTitle';

let current: HostPlatform | null = null;

/** The preload bridge, when this page runs in the desktop app (the preload put it on window). */
function desktopBridge(): DesktopBridge | null {
  const bridge = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] as DesktopBridge | undefined;
  return bridge?.kind === 'electron' ? bridge : null;
}

export function getPlatform(): HostPlatform {
  if (!current) {
    const bridge = desktopBridge();
    current = draftFollowsSaves(bridge ? createElectronPlatform(bridge) : createBrowserPlatform());
  }
  return current;
}

/** Saves an exported picture through the host (a download in the browser, a dialog on the desktop). */
export async function exportFile(data: Blob, suggestedName: string): Promise<FileRef | null> {
  const platform = getPlatform();
  if (platform.saveExport) return platform.saveExport(data, suggestedName);
  // A backing without picture export still gets a usable file: the browser's download.
  return createBrowserPlatform().saveExport!(data, suggestedName);
}

/**
 * Saves a set of exported files: on the desktop into a folder the user picks (sub-folders kept),
 * in a browser as one zip download built by `zip`. Null when the user cancels.
 */
export async function exportFolder(
  files: ReadonlyArray<{ path: string; content: string }>,
  zipName: string,
  zip: () => Uint8Array,
): Promise<{ where: 'folder' | 'zip'; written: number } | null> {
  if (desktopBridge()) {
    const done = await getPlatform().exportFiles(files.map((f) => ({ name: f.path, text: f.content })));
    return done ? { where: 'folder', written: done.written } : null;
  }
  const bytes = zip();
  const ref = await createBrowserPlatform().saveExport!(new Blob([bytes.slice().buffer], { type: 'application/zip' }), zipName);
  return ref ? { where: 'zip', written: files.length } : null;
}

/**
 * A one-file HTML document (the review report) as PDF: on the desktop main prints it in a hidden
 * window and saves where the user picks ('saved', or null when they cancel); in a browser the
 * print dialog opens on it ("Save as PDF" is the browser's), 'print-dialog'.
 */
export async function exportReportPdf(html: string, suggestedName: string): Promise<'saved' | 'print-dialog' | null> {
  const platform = getPlatform();
  if (platform.reportPdf) return (await platform.reportPdf(html, suggestedName)) ? 'saved' : null;
  await printHtmlInFrame(html);
  return 'print-dialog';
}
