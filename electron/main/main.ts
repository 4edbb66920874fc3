// The desktop shell's main process: one secure window showing the built renderer. File dialogs,
// menus and autosave to disk join here through typed IPC (see electron/shared/ipc.ts).
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_CHANNELS, type AppInfo } from '../shared/ipc';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, secureWindowOptions } from './windowOptions';

const rendererEntry = join(__dirname, '..', 'renderer', 'index.html');

function createWindow(): void {
  const window = new BrowserWindow(secureWindowOptions(join(__dirname, 'preload.cjs')));
  const entryUrl = pathToFileURL(rendererEntry).href;
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, entryUrl)) event.preventDefault();
  });
  // Links to the web open in the user's browser, never inside the app.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererEntry);
}

app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ipcMain.handle(IPC_CHANNELS.appInfo, (): AppInfo => ({
    app: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
  }));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
