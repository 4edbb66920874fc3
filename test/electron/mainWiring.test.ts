/**
 * main.ts as a whole, with Electron's module replaced by fakes: what it sets up before and after
 * `ready` (privileged app:// scheme, the protocol handler, permissions denied, hardening of every
 * web contents, the menu, one secure window on app://), and one request end to end through the
 * registered IPC handlers: Save As from our page writes the file; the same message from a foreign
 * page is refused.
 */
import { EventEmitter } from 'node:events';
import { readFileSync, rmSync, type mkdtempSync as MkdtempSync } from 'node:fs';
import type { tmpdir as Tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { REQUESTS } from '../../electron/shared/ipc';

const fake = vi.hoisted(() => {
  // Hoisted above the imports, so Node's modules are required here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: Emitter } = require('node:events') as { EventEmitter: typeof EventEmitter };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { mkdtempSync } = require('node:fs') as { mkdtempSync: typeof MkdtempSync };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { tmpdir } = require('node:os') as { tmpdir: typeof Tmpdir };
  const dataDir = mkdtempSync(`${tmpdir()}/resilience-main-test-`);
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const windows: Array<InstanceType<typeof FakeWindow>> = [];
  class FakeWindow extends Emitter {
    static nextId = 1;
    id = FakeWindow.nextId++;
    url = '';
    webContents = Object.assign(new Emitter(), { send: () => undefined, mainFrame: null, printToPDF: async () => Buffer.from('') });
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    setTitle() {}
    isDestroyed() {
      return false;
    }
    static fromWebContents(contents: unknown) {
      return windows.find((w) => w.webContents === contents) ?? null;
    }
    static getFocusedWindow() {
      return windows[0] ?? null;
    }
    static getAllWindows() {
      return windows;
    }
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    whenReady: () => ready,
    isReady: () => false,
    getPath: () => dataDir,
    quit: () => undefined,
    addRecentDocument: () => undefined,
    showAboutPanel: () => undefined,
  });
  return {
    app,
    readyResolve: () => readyResolve(),
    windows,
    FakeWindow,
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipc: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    permissions: {} as Record<string, (...args: unknown[]) => unknown>,
    menus: [] as unknown[],
    saveDialog: [] as Array<{ canceled: boolean; filePath?: string }>,
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  dialog: {
    showSaveDialog: async () => fake.saveDialog.shift() ?? { canceled: true },
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showMessageBox: async () => ({ response: 2 }),
  },
  ipcMain: { handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => fake.ipc.set(channel, listener) },
  Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => fake.menus.push(menu) },
  nativeTheme: { themeSource: 'system' },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.schemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, handler),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) => (fake.permissions.request = h),
      setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => (fake.permissions.check = h),
      setDevicePermissionHandler: (h: (...args: unknown[]) => unknown) => (fake.permissions.device = h),
      webRequest: { onHeadersReceived: () => undefined },
    },
  },
  shell: { openExternal: vi.fn() },
}));

describe('main process wiring', () => {
  afterAll(() => rmSync(fake.app.getPath(), { recursive: true, force: true }));

  it('sets up the secure shell and serves one request end to end', async () => {
    await import('../../electron/main/main');
    // Before ready: app:// is a standard, secure scheme.
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(fake.windows).toHaveLength(0);

    fake.readyResolve();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const [window] = fake.windows;
    expect(window!.url).toBe('app://studio/index.html');
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String((window!.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(fake.protocolHandlers.has('app')).toBe(true);
    const callback = vi.fn();
    fake.permissions.request!({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.permissions.check!({}, 'media', 'app://studio', {})).toBe(false);
    expect(fake.menus.length).toBeGreaterThan(0);
    // One handler for every request the shared IPC table declares, and none besides.
    expect([...fake.ipc.keys()].sort()).toEqual(Object.values(REQUESTS).map((r) => r.channel).sort());

    // Every web contents created later is hardened.
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    const navigation = { preventDefault: vi.fn() };
    contents.emit('will-navigate', navigation, 'https://evil.example/');
    expect(navigation.preventDefault).toHaveBeenCalled();

    // Save As from our page: the dialog's choice is written.
    const target = join(fake.app.getPath(), 'chosen.plan.json');
    fake.saveDialog.push({ canceled: false, filePath: target });
    const fromOurPage = { sender: window!.webContents, senderFrame: { url: 'app://studio/index.html', parent: null } };
    const saveAs = fake.ipc.get('file:save-as')!;
    await expect(saveAs(fromOurPage, { text: '{"plan":1}', suggestedName: 'chosen.plan.json' })).resolves.toEqual({ name: 'chosen.plan.json', token: target });
    expect(readFileSync(target, 'utf8')).toBe('{"plan":1}');
    // The same message from a page that is not ours never reaches the dialog.
    const fromElsewhere = { sender: window!.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(saveAs(fromElsewhere, { text: 'x', suggestedName: 'x.json' })).rejects.toThrow(/not the app's/);
    // And the recent list now offers the saved file.
    await expect(fake.ipc.get('file:recent')!(fromOurPage, undefined)).resolves.toEqual([{ name: 'chosen.plan.json', token: target }]);
  });
});
