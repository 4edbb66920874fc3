/**
 * Plan files through main, with Electron's module replaced: dialogs grant paths, saves go only to
 * granted paths, the recent list is kept, and IPC refuses malformed payloads, wrong senders and
 * path tricks before anything touches the disk.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';

const dialogs = vi.hoisted(() => ({
  open: [] as Array<{ canceled: boolean; filePaths: string[] }>,
  save: [] as Array<{ canceled: boolean; filePath?: string }>,
}));

vi.mock('electron', () => ({
  dialog: {
    showOpenDialog: vi.fn(async () => dialogs.open.shift() ?? { canceled: true, filePaths: [] }),
    showSaveDialog: vi.fn(async () => dialogs.save.shift() ?? { canceled: true }),
  },
}));

const { FileService } = await import('../../electron/main/fileService');
const { RecentFiles } = await import('../../electron/main/recentFiles');
const { registerIpcHandlers, IpcRefused } = await import('../../electron/main/ipcHandlers');
const { REQUESTS } = await import('../../electron/shared/ipc');
const { PathRefused } = await import('../../electron/main/paths');
const { isAppUrl } = await import('../../electron/main/appUrl');
const { useTempFolder } = await import('./tempFolder');

const window = { webContents: { printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')) } } as unknown as BrowserWindow;

async function setup(dir: string) {
  const recent = new RecentFiles(join(dir, 'data'));
  await recent.load();
  return { recent, files: new FileService(recent) };
}

describe('FileService', () => {
  const tempFolder = useTempFolder();
  beforeEach(() => {
    dialogs.open.length = 0;
    dialogs.save.length = 0;
  });

  it('opens the file chosen in the dialog, grants it and lists it as recent; cancel is null', async () => {
    const dir = tempFolder();
    const { files, recent } = await setup(dir);
    const plan = join(dir, 'a.plan.json');
    writeFileSync(plan, '{"name":"A"}');
    dialogs.open.push({ canceled: false, filePaths: [plan] });
    expect(await files.open(window)).toEqual({ file: { name: 'a.plan.json', token: plan }, text: '{"name":"A"}' });
    expect(recent.list()).toEqual([plan]);
    expect(files.granted.check(plan)).toBe(plan);
    expect(await files.open(window)).toBeNull();
  });

  it('opens a result file read-only: not granted for saving, not a recent plan; cancel is null', async () => {
    const dir = tempFolder();
    const { files, recent } = await setup(dir);
    const result = join(dir, 'merged.json');
    writeFileSync(result, '{"planSha256":"ab"}');
    dialogs.open.push({ canceled: false, filePaths: [result] });
    expect(await files.openResult(window)).toEqual({ file: { name: 'merged.json', token: result }, text: '{"planSha256":"ab"}' });
    expect(recent.list()).toEqual([]);
    expect(() => files.granted.check(result)).toThrow(PathRefused);
    expect(await files.openResult(window)).toBeNull();
    dialogs.open.push({ canceled: false, filePaths: [dir] });
    await expect(files.openResult(window)).rejects.toThrow(/is not a file/);
  });

  it('saves in place only to a granted path, atomically, and Save As grants what the dialog chose', async () => {
    const dir = tempFolder();
    const { files, recent } = await setup(dir);
    const target = join(dir, 'b.plan.json');
    await expect(files.save({ name: 'b.plan.json', token: target }, 'x')).rejects.toBeInstanceOf(PathRefused);
    expect(existsSync(target)).toBe(false);

    dialogs.save.push({ canceled: false, filePath: target });
    expect(await files.saveAs(window, '{"v":1}', 'b.plan.json')).toEqual({ name: 'b.plan.json', token: target });
    expect(readFileSync(target, 'utf8')).toBe('{"v":1}');
    expect(await files.save({ name: 'b.plan.json', token: target }, '{"v":2}')).toEqual({ name: 'b.plan.json', token: target });
    expect(readFileSync(target, 'utf8')).toBe('{"v":2}');
    expect(recent.list()[0]).toBe(target);
    expect(await files.saveAs(window, 'x', 'c.plan.json')).toBeNull();
  });

  it('opens recent files only from the list, and drops an entry whose file is gone', async () => {
    const dir = tempFolder();
    const { files, recent } = await setup(dir);
    const plan = join(dir, 'r.plan.json');
    writeFileSync(plan, '{}');
    await expect(files.openRecent(plan)).rejects.toBeInstanceOf(PathRefused);
    await recent.add(plan);
    expect((await files.openRecent(plan)).text).toBe('{}');
    const gone = join(dir, 'gone.plan.json');
    await recent.add(gone);
    await expect(files.openRecent(gone)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(recent.list()).not.toContain(gone);
  });

  it('opens a file named by the OS or command line, and refuses folders and huge files', async () => {
    const dir = tempFolder();
    const { files } = await setup(dir);
    const plan = join(dir, 'os.plan.json');
    writeFileSync(plan, '{"name":"OS"}');
    expect((await files.openFromOutside(plan)).file.token).toBe(plan);
    mkdirSync(join(dir, 'folder.json'));
    await expect(files.openFromOutside(join(dir, 'folder.json'))).rejects.toThrow('is not a file');
    await expect(files.openFromOutside('relative.plan.json')).rejects.toBeInstanceOf(PathRefused);
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, Buffer.alloc(21_000_000, 32));
    await expect(files.openFromOutside(huge)).rejects.toThrow('far larger than any plan');
  });

  it('exports several files into the folder the user picks, and prints to the PDF path chosen', async () => {
    const dir = tempFolder();
    const { files } = await setup(dir);
    dialogs.open.push({ canceled: false, filePaths: [dir] });
    expect(await files.exportFiles(window, [{ name: 'a.tf', text: 'A' }, { name: 'b.yaml', text: 'B' }])).toEqual({ folder: dir, written: 2 });
    expect(readFileSync(join(dir, 'a.tf'), 'utf8')).toBe('A');
    // An export with one folder per region keeps its sub-folders.
    dialogs.open.push({ canceled: false, filePaths: [dir] });
    expect(await files.exportFiles(window, [{ name: 'us-east-1/gw.yaml', text: 'G' }])).toEqual({ folder: dir, written: 1 });
    expect(readFileSync(join(dir, 'us-east-1', 'gw.yaml'), 'utf8')).toBe('G');
    const pdf = join(dir, 'design.pdf');
    dialogs.save.push({ canceled: false, filePath: pdf });
    expect(await files.printToPdf(window, 'design.plan.json')).toEqual({ name: 'design.pdf', token: pdf });
    expect(readFileSync(pdf, 'utf8')).toBe('%PDF-1.7 fake');
  });
});

describe('IPC validation', () => {
  const tempFolder = useTempFolder();
  const APP_PAGE = 'app://studio/index.html';
  const docWindow = { id: 'doc' };

  function event(url: string | null, options: { subframe?: boolean; ours?: boolean } = {}): IpcMainInvokeEvent {
    const senderFrame = url === null ? null : { url, parent: options.subframe ? {} : null };
    return { senderFrame, sender: { ours: options.ours ?? true } } as unknown as IpcMainInvokeEvent;
  }

  function register(handlers: Record<string, (...args: never[]) => unknown>) {
    const registered = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
    registerIpcHandlers(
      { handle: (channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) => void registered.set(channel, listener) },
      { isAppUrl: (url) => isAppUrl(url, null), windowOf: (e) => ((e.sender as unknown as { ours: boolean }).ours ? docWindow : null) },
      handlers as never,
    );
    return (name: keyof typeof REQUESTS, e: IpcMainInvokeEvent, ...args: unknown[]) => registered.get(REQUESTS[name].channel)!(e, ...args);
  }

  const spyHandlers = () => Object.fromEntries(Object.keys(REQUESTS).map((name) => [name, vi.fn(async () => `${name} ran`)]));

  it('registers one handler per request, and a valid message from our page reaches its handler', async () => {
    const handlers = spyHandlers();
    const call = register(handlers);
    expect(await call('save', event(APP_PAGE), { file: { name: 'a.json', token: '/p/a.json' }, text: '{}' })).toBe('save ran');
    expect(handlers.save).toHaveBeenCalledWith(docWindow, { file: { name: 'a.json', token: '/p/a.json' }, text: '{}' });
    expect(await call('open', event(APP_PAGE))).toBe('open ran');
  });

  it.each([
    ['a remote page', event('https://evil.example/index.html')],
    ['a file:// page', event('file:///tmp/index.html')],
    ['another app:// host', event('app://other/index.html')],
    ['a subframe', event(APP_PAGE, { subframe: true })],
    ['a destroyed frame', event(null)],
    ['a window that is not a document window', event(APP_PAGE, { ours: false })],
  ])('refuses a message from %s', async (_what, e) => {
    const handlers = spyHandlers();
    const call = register(handlers);
    await expect(call('recover', e)).rejects.toBeInstanceOf(IpcRefused);
    expect(handlers.recover).not.toHaveBeenCalled();
  });

  it.each([
    ['save', { file: { name: 'a.json' }, text: '{}' }, 'file.token'],
    ['save', { file: { name: 'a.json', token: '/a.json' }, text: 42 }, 'text'],
    ['save', { file: { name: 'a.json', token: '/a.json' }, text: '{}', extra: true }, 'payload'],
    ['save', 'not an object', 'payload'],
    ['saveAs', { text: '{}', suggestedName: '../../etc/passwd' }, 'suggestedName'],
    ['saveAs', { text: '{}', suggestedName: 'a/b.json' }, 'suggestedName'],
    ['saveAs', { text: 'x'.repeat(20_000_001), suggestedName: 'a.json' }, 'text'],
    ['exportFiles', { files: [] }, 'files'],
    ['exportFiles', { files: [{ name: '..', text: '' }] }, 'files.0.name'],
    ['exportFiles', { files: [{ name: 'us-east-1/../../etc/passwd', text: '' }] }, 'files.0.name'],
    ['exportFiles', { files: [{ name: '/etc/passwd', text: '' }] }, 'files.0.name'],
    ['exportFiles', { files: [{ name: 'a\\b.yaml', text: '' }] }, 'files.0.name'],
    ['open', { path: '/etc/passwd' }, 'payload'],
    ['openResult', { path: '/etc/passwd' }, 'payload'],
    ['editText', 'executeJavaScript', 'payload'],
    ['setDocumentState', { name: 'x', dirty: 'yes', file: null }, 'dirty'],
  ] as const)('refuses a malformed %s payload (%j)', async (name, payload, field) => {
    const handlers = spyHandlers();
    const call = register(handlers);
    await expect(call(name, event(APP_PAGE), payload)).rejects.toThrow(new RegExp(`invalid ${field.replace(/\./g, '\\.')}`));
    expect(handlers[name]).not.toHaveBeenCalled();
  });

  it('refuses extra arguments', async () => {
    const handlers = spyHandlers();
    const call = register(handlers);
    await expect(call('recover', event(APP_PAGE), undefined, 'more')).rejects.toThrow('expected one payload argument');
  });

  it('refuses path tricks on save through the real file service, writing nothing', async () => {
    const dir = tempFolder();
    const { files } = await setup(dir);
    const granted = join(dir, 'ok.plan.json');
    files.granted.grant(granted);
    const call = register({ ...spyHandlers(), save: (_w: unknown, p: { file: { name: string; token: string }; text: string }) => files.save(p.file, p.text) });
    const tricks = [
      'relative.plan.json',
      `${dir}/../escape.plan.json`,
      `${dir}/./ok.plan.json`,
      `${dir}//ok.plan.json`,
      `${granted}\0.png`,
      join(dir, 'never-chosen.plan.json'),
    ];
    for (const token of tricks) {
      await expect(call('save', event(APP_PAGE), { file: { name: 'x', token }, text: 'PWNED' })).rejects.toBeInstanceOf(PathRefused);
    }
    expect(existsSync(join(dir, '..', 'escape.plan.json'))).toBe(false);
    expect(existsSync(join(dir, 'never-chosen.plan.json'))).toBe(false);
    await call('save', event(APP_PAGE), { file: { name: 'ok.plan.json', token: granted }, text: 'FINE' });
    expect(readFileSync(granted, 'utf8')).toBe('FINE');
  });
});
