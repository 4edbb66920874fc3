/**
 * The Electron backing of Platform: every call is one message of the preload bridge (see
 * electron/shared/ipc.ts); main shows the native dialogs, checks every path and writes atomically.
 */
import type { DesktopBridge } from '../../electron/shared/ipc';
import type { HostPlatform } from './types';

export function createElectronPlatform(bridge: DesktopBridge): HostPlatform {
  return {
    kind: 'electron',
    open: () => bridge.open(),
    openResult: () => bridge.openResult(),
    save: (file, text) => bridge.save({ file, text }),
    saveAs: (text, suggestedName) => bridge.saveAs({ text, suggestedName }),
    exportFiles: async (files) => {
      const result = await bridge.exportFiles({ files: [...files] });
      return result && { written: result.written };
    },
    recentFiles: () => bridge.recentFiles(),
    autosave: (text, file) => bridge.autosave({ text, file }),
    recover: () => bridge.recover(),
    clearRecovery: () => bridge.clearRecovery(),
    printToPdf: async (suggestedName) => {
      await bridge.printToPdf({ suggestedName });
    },
    reportPdf: (html, suggestedName) => bridge.reportPdf({ html, suggestedName }),
    setDocumentState: (state) => void bridge.setDocumentState(state),
    onCommand: (listener) => bridge.onCommand(listener),
    editText: (action) => void bridge.editText(action),
    closeWindow: () => void bridge.closeWindow(),
  };
}
