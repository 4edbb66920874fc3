// IPC channel names, one per request (and the one main pushes commands on). Plain constants with no
// imports, so the sandboxed preload stays small; electron/shared/ipc.ts pairs each with its schema.
export const CHANNELS = {
  open: 'file:open',
  save: 'file:save',
  saveAs: 'file:save-as',
  exportFiles: 'file:export',
  recentFiles: 'file:recent',
  openRecent: 'file:open-recent',
  openResult: 'file:open-result',
  autosave: 'recovery:autosave',
  recover: 'recovery:read',
  clearRecovery: 'recovery:clear',
  printToPdf: 'window:print-to-pdf',
  reportPdf: 'file:report-pdf',
  setDocumentState: 'window:document-state',
  closeWindow: 'window:close',
  editText: 'window:edit-text',
  commandsReady: 'window:commands-ready',
} as const;

/** The one channel main pushes on: menu commands and files opened from outside the window. */
export const COMMAND_CHANNEL = 'window:command';

/** The name of the bridge object on the page's window. */
export const BRIDGE_GLOBAL = 'resilienceDesktop';
