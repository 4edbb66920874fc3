/**
 * The review report as PDF in main, with Electron's module replaced: the report is printed in a
 * hidden window that can run nothing (sandboxed, isolated, no Node, no preload, JavaScript off),
 * which is destroyed and whose temporary page is removed whatever happens; the PDF lands where the
 * save dialog chose, atomically; cancel writes nothing; the IPC payload is checked first.
 */
import { existsSync, readdirSync, readFileSync, type existsSync as ExistsSync, type readFileSync as ReadFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';

const fake = vi.hoisted(() => {
  // Hoisted above the imports, so Node's module is required here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readFileSync: read, existsSync: exists } = require('node:fs') as { readFileSync: typeof ReadFileSync; existsSync: typeof ExistsSync };
  const state = {
    saveDialog: [] as Array<{ canceled: boolean; filePath?: string }>,
    dialogOptions: [] as unknown[],
    windows: [] as FakeWindow[],
    printFails: false,
  };
  class FakeWindow {
    loaded: { path: string; html: string } | null = null;
    destroyed = false;
    webContents = {
      printToPDF: vi.fn(async (options: unknown) => {
        void options;
        if (state.printFails) throw new Error('printing failed');
        return Buffer.from(`%PDF-1.7 of ${this.loaded?.html.length ?? 0} chars`);
      }),
    };
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this);
    }
    async loadFile(path: string) {
      this.loaded = { path, html: read(path, 'utf8') };
    }
    pageExists() {
      return this.loaded !== null && exists(this.loaded.path);
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return { state, FakeWindow };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeWindow,
  dialog: {
    showSaveDialog: vi.fn(async (_parent: unknown, options: unknown) => {
      fake.state.dialogOptions.push(options);
      return fake.state.saveDialog.shift() ?? { canceled: true };
    }),
  },
}));

const { saveReportPdf, pdfFileName } = await import('../../electron/main/reportPdf');
const { parsePayload, IpcRefused } = await import('../../electron/main/ipcHandlers');
const { useTempFolder } = await import('./tempFolder');

const parent = {} as BrowserWindow;
const HTML = '<!doctype html><html><body><h1>Review</h1><section id="sensitivity">tornado</section></body></html>';

describe('report PDF in main', () => {
  const tempFolder = useTempFolder();
  beforeEach(() => {
    fake.state.saveDialog.length = 0;
    fake.state.dialogOptions.length = 0;
    fake.state.windows.length = 0;
    fake.state.printFails = false;
  });

  it('prints in a hidden window that can run nothing, and saves the PDF where the dialog chose', async () => {
    const dir = tempFolder();
    const target = join(dir, 'Payments-report.pdf');
    fake.state.saveDialog.push({ canceled: false, filePath: target });
    expect(await saveReportPdf(parent, HTML, 'Payments-report.html')).toEqual({ name: 'Payments-report.pdf', token: target });
    expect(fake.state.dialogOptions[0]).toMatchObject({ defaultPath: 'Payments-report.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });

    expect(fake.state.windows).toHaveLength(1);
    const win = fake.state.windows[0]!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, javascript: false, webSecurity: true, webviewTag: false, disableBlinkFeatures: 'Auxclick' });
    expect(win.options.webPreferences).not.toHaveProperty('preload');
    expect(win.loaded?.html).toBe(HTML);
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ printBackground: true, pageSize: 'A4' }));
    expect(win.destroyed).toBe(true);
    expect(win.pageExists()).toBe(false);

    expect(readFileSync(target, 'utf8')).toBe(`%PDF-1.7 of ${HTML.length} chars`);
    // Atomic: nothing but the PDF is left beside it.
    expect(readdirSync(dir)).toEqual(['Payments-report.pdf']);
  });

  it('writes nothing and opens no window when the dialog is cancelled', async () => {
    expect(await saveReportPdf(parent, HTML, 'x-report.html')).toBeNull();
    expect(fake.state.windows).toHaveLength(0);
  });

  it('when printing fails: the window is destroyed, its page removed, no file written, the error passed on', async () => {
    const dir = tempFolder();
    const target = join(dir, 'broken.pdf');
    fake.state.saveDialog.push({ canceled: false, filePath: target });
    fake.state.printFails = true;
    await expect(saveReportPdf(parent, HTML, 'broken.html')).rejects.toThrow('printing failed');
    const win = fake.state.windows[0]!;
    expect(win.destroyed).toBe(true);
    expect(win.pageExists()).toBe(false);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the PDF after the report', () => {
    expect(pdfFileName('a-report.html')).toBe('a-report.pdf');
    expect(pdfFileName('plan')).toBe('plan.pdf');
  });

  it('the IPC payload needs the HTML and a bare file name', () => {
    expect(parsePayload('reportPdf', { html: HTML, suggestedName: 'r.html' })).toEqual({ html: HTML, suggestedName: 'r.html' });
    expect(() => parsePayload('reportPdf', { suggestedName: 'r.html' })).toThrow(IpcRefused);
    expect(() => parsePayload('reportPdf', { html: '', suggestedName: 'r.html' })).toThrow(/invalid html/);
    expect(() => parsePayload('reportPdf', { html: HTML, suggestedName: '../../etc/r.html' })).toThrow(/invalid suggestedName: must be a file name without folders/);
    expect(() => parsePayload('reportPdf', { html: HTML, suggestedName: 'r.html', extra: 1 })).toThrow(IpcRefused);
  });
});
