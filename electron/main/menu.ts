// The native menu bar. Items that act on the plan send a command to the page (see HostCommand);
// items that are the shell's own (Open Recent, Print to PDF, Close, Theme, About) act here. Shortcut
// keys the page already handles itself (undo, copy, fit...) are shown but not registered on Windows
// and Linux, so one key press is never handled twice. Only features that exist have an item.
import type { MenuItemConstructorOptions } from 'electron';
import type { FileRef, HostCommand } from '../shared/ipc';

export type Theme = 'system' | 'light' | 'dark';

export interface MenuActions {
  send(command: HostCommand['type']): void;
  openRecent(path: string): void;
  clearRecent(): void;
  printToPdf(): void;
  closeWindow(): void;
  setTheme(theme: Theme): void;
  about(): void;
}

export interface MenuState {
  isMac: boolean;
  appName: string;
  recent: readonly FileRef[];
  theme: Theme;
}

export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const send = (command: HostCommand['type']) => () => actions.send(command);
  // A key the page handles on its own keydown: shown in the menu, registered only on macOS, where
  // text fields need the menu for their own Cmd+Z/C/V. A key without a modifier (F, ?) is never
  // registered: it would be taken from every text field.
  const pageKey = (accelerator: string) => ({ accelerator, registerAccelerator: state.isMac && accelerator.includes('+') });
  const recentItems: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : [
          ...state.recent.map((file): MenuItemConstructorOptions => ({ label: file.token, click: () => actions.openRecent(file.token) })),
          { type: 'separator' },
          { label: 'Clear Recent', click: actions.clearRecent },
        ];
  const themeItem = (theme: Theme, label: string): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: state.theme === theme,
    click: () => actions.setTheme(theme),
  });
  const template: MenuItemConstructorOptions[] = [];
  if (state.isMac) {
    template.push({
      label: state.appName,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'New', accelerator: 'CmdOrCtrl+N', click: send('new') },
        { label: 'New from Template…', accelerator: 'CmdOrCtrl+Shift+N', click: send('new-from-template') },
        { type: 'separator' },
        { label: 'Open…', ...pageKey('CmdOrCtrl+O'), click: send('open') },
        { label: 'Open Recent', submenu: recentItems },
        { label: 'Open Result…', ...pageKey('CmdOrCtrl+Shift+O'), click: send('open-result') },
        { type: 'separator' },
        { label: 'Save', ...pageKey('CmdOrCtrl+S'), click: send('save') },
        { label: 'Save As…', ...pageKey('CmdOrCtrl+Shift+S'), click: send('save-as') },
        { type: 'separator' },
        { label: 'Print to PDF…', accelerator: 'CmdOrCtrl+P', click: actions.printToPdf },
        { type: 'separator' },
        { label: 'Close', accelerator: 'CmdOrCtrl+W', click: actions.closeWindow },
        ...(state.isMac ? [] : [{ role: 'quit' } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', ...pageKey('CmdOrCtrl+Z'), click: send('undo') },
        { label: 'Redo', ...pageKey(state.isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'), click: send('redo') },
        { type: 'separator' },
        { label: 'Cut', ...pageKey('CmdOrCtrl+X'), click: send('cut') },
        { label: 'Copy', ...pageKey('CmdOrCtrl+C'), click: send('copy') },
        { label: 'Paste', ...pageKey('CmdOrCtrl+V'), click: send('paste') },
        { label: 'Select All', ...pageKey('CmdOrCtrl+A'), click: send('select-all') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', click: send('zoom-in') },
        { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', click: send('zoom-out') },
        { label: 'Fit to Window', ...pageKey('F'), click: send('fit-view') },
        { type: 'separator' },
        { label: 'Theme', submenu: [themeItem('system', 'Match System'), themeItem('light', 'Light'), themeItem('dark', 'Dark')] },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Simulation',
      submenu: [
        { label: 'Run', ...pageKey('CmdOrCtrl+Enter'), click: send('run') },
        { label: 'Cancel Run', click: send('cancel-run') },
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [{ label: 'Keyboard Shortcuts', ...pageKey('?'), click: send('shortcuts') }, ...(state.isMac ? [] : [{ label: `About ${state.appName}`, click: actions.about }])],
    },
  );
  return template;
}
