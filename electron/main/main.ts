// The desktop shell's main process: one secure document window showing the renderer (from the
// app:// protocol, or the Vite dev server in development), native menus and dialogs, plan files
// read and written here (atomically) for the page through the typed IPC of electron/shared/ipc.ts,
// crash-recovery drafts and the recent-files list in the app's data folder.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell } from 'electron';
import { basename, join } from 'node:path';
import { APP_ENTRY, APP_SCHEME, devServerOrigin, isAppUrl } from './appUrl';
import { appProtocolHandler } from './appProtocol';
import { APP_NAME, DocumentWindow } from './documentWindow';
import { FileService } from './fileService';
import { PathRefused } from './paths';
import { registerIpcHandlers } from './ipcHandlers';
import { planPathsFromArgv } from './launchArgs';
import { buildMenuTemplate, type Theme } from './menu';
import { RecentFiles } from './recentFiles';
import { RecoveryStore } from './recovery';
import { saveReportPdf } from './reportPdf';
import { denyAllPermissions, hardenWebContents } from './security';
import { CONTENT_SECURITY_POLICY, secureWindowOptions } from './windowOptions';

const devOrigin = devServerOrigin(process.env, app.isPackaged);
const isOurs = (url: string) => isAppUrl(url, devOrigin);
const rendererRoot = join(__dirname, '..', 'renderer');

// Before the app is ready: app:// behaves like https (a real origin for 'self', module workers, fetch).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

// One instance: a second launch (e.g. opening a plan from the file manager) hands its files to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

/** A file name fit for a save dialog's default, from a name the page sent. */
function safeName(name: string): string {
  return basename(name.replace(/\\/g, '/')).replace(/\0/g, '') || 'design.plan.json';
}

function start(): void {
  const recent = new RecentFiles(app.getPath('userData'));
  const recovery = new RecoveryStore(app.getPath('userData'));
  const files = new FileService(recent);
  const windows = new Map<number, DocumentWindow>();
  let theme: Theme = 'system';
  /** Files the OS asked to open before a window existed (macOS sends open-file before ready). */
  const earlyOpens: string[] = [];

  const focusedDocument = (): DocumentWindow | undefined => {
    const focused = BrowserWindow.getFocusedWindow();
    return (focused && windows.get(focused.id)) ?? windows.values().next().value;
  };

  const refreshMenu = () => {
    const template = buildMenuTemplate(
      { isMac: process.platform === 'darwin', appName: APP_NAME, recent: recent.refs(), theme },
      {
        send: (type) => focusedDocument()?.send({ type } as never),
        openRecent: (path) => void openInWindow(path, (f) => files.openRecent(f)),
        clearRecent: () => void Promise.all(recent.list().map((p) => recent.remove(p))).then(refreshMenu),
        printToPdf: () => {
          const doc = focusedDocument();
          if (doc) void files.printToPdf(doc.window, `${doc.name || 'design'}.pdf`).catch((error: unknown) => showError('Could not print to PDF', error));
        },
        closeWindow: () => focusedDocument()?.window.close(),
        setTheme: (next) => {
          theme = next;
          // The page follows prefers-color-scheme, which this sets for every window.
          nativeTheme.themeSource = next;
          refreshMenu();
        },
        about: () => app.showAboutPanel(),
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const showError = (title: string, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    void dialog.showMessageBox({ type: 'error', message: title, detail: message });
  };

  /** Reads a plan for the page and hands it over; errors (a missing file) are shown natively. */
  async function openInWindow(path: string, read: (path: string) => Promise<{ file: { name: string; token: string }; text: string }>): Promise<void> {
    const doc = focusedDocument() ?? createWindow();
    try {
      const opened = await read(path);
      doc.send({ type: 'opened', opened });
      if (process.platform !== 'linux') app.addRecentDocument(path);
    } catch (error) {
      showError(`Could not open ${basename(path)}`, error);
    } finally {
      refreshMenu();
    }
  }

  function createWindow(): DocumentWindow {
    const window = new BrowserWindow(secureWindowOptions(join(__dirname, 'preload.cjs')));
    const doc = new DocumentWindow(window, { onDiscard: () => recovery.clear() });
    windows.set(window.id, doc);
    window.on('closed', () => windows.delete(window.id));
    window.once('ready-to-show', () => window.show());
    void window.loadURL(devOrigin ? `${devOrigin}/` : APP_ENTRY);
    return doc;
  }

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { isAppUrl: isOurs, openExternal: (url) => void shell.openExternal(url) }));

  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady()) void openInWindow(path, (p) => files.openFromOutside(p));
    else earlyOpens.push(path);
  });

  app.on('second-instance', (_event, argv, cwd) => {
    const doc = focusedDocument() ?? createWindow();
    if (doc.window.isMinimized()) doc.window.restore();
    doc.window.focus();
    for (const path of planPathsFromArgv(argv, cwd, app.isPackaged)) void openInWindow(path, (p) => files.openFromOutside(p));
  });

  registerIpcHandlers(
    ipcMain,
    { isAppUrl: isOurs, windowOf: (event) => windows.get(BrowserWindow.fromWebContents(event.sender)?.id ?? -1) ?? null },
    {
      open: (doc) => files.open(doc.window).finally(refreshMenu),
      save: async (doc, { file, text }) => {
        try {
          return await files.save(file, text);
        } catch (error) {
          // A draft restored from a file no longer granted (say, after Clear Recent): ask where, as Save As does.
          if (error instanceof PathRefused) {
            const chosen = await files.saveAs(doc.window, text, safeName(file.name));
            // Cancelled: nothing was saved, and the page must not mark the plan as saved.
            if (!chosen) throw new Error('not saved: no place was chosen', { cause: error });
            return chosen;
          }
          showError(`Could not save ${file.name}`, error);
          throw error;
        } finally {
          refreshMenu();
        }
      },
      saveAs: (doc, { text, suggestedName }) =>
        files
          .saveAs(doc.window, text, suggestedName)
          .catch((error: unknown) => {
            showError(`Could not save ${suggestedName}`, error);
            throw error;
          })
          .finally(refreshMenu),
      exportFiles: (doc, { files: list }) => files.exportFiles(doc.window, list),
      recentFiles: () => recent.refs(),
      openRecent: (_doc, { token }) => files.openRecent(token).finally(refreshMenu),
      openResult: (doc) =>
        files.openResult(doc.window).catch((error: unknown) => {
          showError('Could not open the result', error);
          throw error;
        }),
      autosave: (_doc, { text, file }) => recovery.write(text, file),
      recover: () => recovery.read(),
      clearRecovery: () => recovery.clear(),
      printToPdf: (doc, { suggestedName }) => files.printToPdf(doc.window, suggestedName),
      reportPdf: (doc, { html, suggestedName }) =>
        saveReportPdf(doc.window, html, suggestedName).catch((error: unknown) => {
          showError(`Could not export ${suggestedName}`, error);
          throw error;
        }),
      setDocumentState: (doc, { name, dirty, file }) => {
        // The path is only shown (macOS proxy icon), but still only one the user granted.
        let path: string | null;
        try {
          path = file ? files.granted.check(file.token) : null;
        } catch {
          path = null;
        }
        doc.setDocumentState(name, dirty, path);
      },
      closeWindow: (doc) => doc.forceClose(),
      editText: (doc, action) => {
        doc.window.webContents[action]();
      },
      commandsReady: (doc) => doc.commandsReady(),
    },
  );

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(async () => {
    await recent.load();
    denyAllPermissions(session.defaultSession);
    protocol.handle(APP_SCHEME, appProtocolHandler(rendererRoot));
    // app:// responses carry the policy from appProtocol.ts and the page's <meta>; this adds it to any
    // other response a window might get. Not in development: Vite's client needs its own scripts.
    if (!devOrigin) {
      session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
        callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
      });
    }
    refreshMenu();
    createWindow();
    for (const path of [...earlyOpens.splice(0), ...planPathsFromArgv(process.argv, process.cwd(), app.isPackaged)]) {
      void openInWindow(path, (p) => files.openFromOutside(p));
    }
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
