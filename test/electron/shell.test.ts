/** The native shell's pure parts: the menu, plan files on the command line, the title and closing with unsaved changes. */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({ dialog: { showMessageBox: vi.fn() }, BrowserWindow: class {} }));

const { buildMenuTemplate } = await import('../../electron/main/menu');
const { planPathsFromArgv } = await import('../../electron/main/launchArgs');
const { DocumentWindow, windowTitle } = await import('../../electron/main/documentWindow');

function actions() {
  return { send: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), printToPdf: vi.fn(), closeWindow: vi.fn(), setTheme: vi.fn(), about: vi.fn() };
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  for (const item of items) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      const found = (() => {
        try {
          return find(item.submenu as MenuItemConstructorOptions[], label);
        } catch {
          return null;
        }
      })();
      if (found) return found;
    }
  }
  throw new Error(`no menu item ${label}`);
}

describe('menu', () => {
  it('has the standard items with their accelerators, sending commands to the page', () => {
    const a = actions();
    const template = buildMenuTemplate({ isMac: false, appName: 'Resilience Studio', recent: [], theme: 'system' }, a);
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Simulation', '&Help']);
    const expected: Array<[string, string | undefined, string | null]> = [
      ['New', 'CmdOrCtrl+N', 'new'],
      ['New from Template…', 'CmdOrCtrl+Shift+N', 'new-from-template'],
      ['Open…', 'CmdOrCtrl+O', 'open'],
      ['Save', 'CmdOrCtrl+S', 'save'],
      ['Save As…', 'CmdOrCtrl+Shift+S', 'save-as'],
      ['Undo', 'CmdOrCtrl+Z', 'undo'],
      ['Redo', 'Ctrl+Y', 'redo'],
      ['Cut', 'CmdOrCtrl+X', 'cut'],
      ['Copy', 'CmdOrCtrl+C', 'copy'],
      ['Paste', 'CmdOrCtrl+V', 'paste'],
      ['Select All', 'CmdOrCtrl+A', 'select-all'],
      ['Zoom In', 'CmdOrCtrl+=', 'zoom-in'],
      ['Zoom Out', 'CmdOrCtrl+-', 'zoom-out'],
      ['Fit to Window', 'F', 'fit-view'],
      ['Run', 'CmdOrCtrl+Enter', 'run'],
      ['Cancel Run', undefined, 'cancel-run'],
      ['Keyboard Shortcuts', '?', 'shortcuts'],
    ];
    for (const [label, accelerator, command] of expected) {
      const item = find(template, label);
      expect(item.accelerator, label).toBe(accelerator);
      (item.click as () => void)();
      expect(a.send).toHaveBeenLastCalledWith(command);
    }
    (find(template, 'Print to PDF…').click as () => void)();
    expect(a.printToPdf).toHaveBeenCalled();
    (find(template, 'Close').click as () => void)();
    expect(a.closeWindow).toHaveBeenCalled();
    (find(template, 'Dark').click as () => void)();
    expect(a.setTheme).toHaveBeenCalledWith('dark');
    // Keys the page handles itself are not registered on Windows/Linux (one press, one action).
    expect(find(template, 'Undo').registerAccelerator).toBe(false);
    expect(find(template, 'New').registerAccelerator).toBeUndefined();
  });

  it('lists recent files and offers no items for features that do not exist', () => {
    const a = actions();
    const recent = [{ name: 'a.plan.json', token: '/p/a.plan.json' }];
    const template = buildMenuTemplate({ isMac: true, appName: 'Resilience Studio', recent, theme: 'dark' }, a);
    expect(template[0]!.label).toBe('Resilience Studio');
    (find(template, '/p/a.plan.json').click as () => void)();
    expect(a.openRecent).toHaveBeenCalledWith('/p/a.plan.json');
    expect(find(template, 'Dark').checked).toBe(true);
    expect(find(template, 'Undo').registerAccelerator).toBe(true);
    // A plain key would be taken from every text field.
    expect(find(template, 'Fit to Window').registerAccelerator).toBe(false);
    expect(find(template, 'Keyboard Shortcuts').registerAccelerator).toBe(false);
    expect(JSON.stringify(template)).not.toMatch(/Export|Report/);
    expect(find(buildMenuTemplate({ isMac: false, appName: 'R', recent: [], theme: 'system' }, a), 'No recent files').enabled).toBe(false);
  });
});

describe('plan files on the command line', () => {
  it('takes .json arguments (resolved against the launch folder), skipping flags and the app folder', () => {
    expect(planPathsFromArgv(['/opt/app/resilience-studio', 'my.plan.json', '--enable-logging', '/abs/b.json', 'readme.txt'], '/home/u', true)).toEqual([
      '/home/u/my.plan.json',
      '/abs/b.json',
    ]);
    expect(planPathsFromArgv(['/usr/bin/electron', '.', 'x.json'], '/w', false)).toEqual(['/w/x.json']);
    expect(planPathsFromArgv(['/usr/bin/electron', '.'], '/w', false)).toEqual([]);
  });
});

class FakeWindow extends EventEmitter {
  title = '';
  closed = 0;
  webContents = Object.assign(new EventEmitter(), { send: vi.fn() });
  setTitle(title: string) {
    this.title = title;
  }
  setDocumentEdited() {}
  setRepresentedFilename() {}
  isDestroyed() {
    return false;
  }
  close() {
    const event = { defaultPrevented: false, preventDefault() {
      this.defaultPrevented = true;
    } };
    this.emit('close', event);
    if (!event.defaultPrevented) this.closed++;
  }
}

describe('document window', () => {
  it('shows the file name and an unsaved marker in the title', () => {
    expect(windowTitle('a.plan.json', false)).toBe('a.plan.json — Resilience Studio');
    expect(windowTitle('a.plan.json', true)).toBe('● a.plan.json — Resilience Studio');
    const win = new FakeWindow();
    const doc = new DocumentWindow(win as unknown as BrowserWindow, { onDiscard: async () => undefined });
    doc.setDocumentState('b.plan.json', true, null);
    expect(win.title).toBe('● b.plan.json — Resilience Studio');
  });

  it('closing with unsaved changes asks: Cancel keeps the window, Save saves first, Don\'t Save clears the draft and closes', async () => {
    const win = new FakeWindow();
    const answers: Array<'save' | 'discard' | 'cancel'> = ['cancel', 'save', 'discard'];
    const onDiscard = vi.fn(async () => undefined);
    const doc = new DocumentWindow(win as unknown as BrowserWindow, { onDiscard, ask: async () => answers.shift()! });
    doc.commandsReady();
    doc.setDocumentState('c.plan.json', false, null);
    win.close();
    expect(win.closed).toBe(1); // nothing unsaved: no question
    doc.setDocumentState('c.plan.json', true, null);
    win.close();
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(win.closed).toBe(1);
    win.close();
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledWith('window:command', { type: 'save-then-close' }));
    expect(win.closed).toBe(1);
    win.close();
    await vi.waitFor(() => expect(win.closed).toBe(2));
    expect(onDiscard).toHaveBeenCalledTimes(1);
  });

  it('holds commands until the page listens (a file opened from the OS at launch)', () => {
    const win = new FakeWindow();
    const doc = new DocumentWindow(win as unknown as BrowserWindow, { onDiscard: async () => undefined });
    const opened = { type: 'opened' as const, opened: { file: { name: 'a.json', token: '/a.json' }, text: '{}' } };
    doc.send(opened);
    expect(win.webContents.send).not.toHaveBeenCalled();
    doc.commandsReady();
    expect(win.webContents.send).toHaveBeenCalledWith('window:command', opened);
  });
});
