// One document window: its title (file name and an unsaved marker), the question before closing
// with unsaved changes, and the queue of commands for its page (a file opened from the OS before
// the page is listening waits here).
import type { BrowserWindow} from 'electron';
import { dialog } from 'electron';
import { COMMAND_CHANNEL, type HostCommand } from '../shared/ipc';

export const APP_NAME = 'Resilience Studio';

export function windowTitle(name: string, dirty: boolean): string {
  return `${dirty ? '● ' : ''}${name || 'Untitled design'} — ${APP_NAME}`;
}

export type CloseChoice = 'save' | 'discard' | 'cancel';

/** Asks what to do with unsaved changes; the order of buttons follows each OS's convention through Electron. */
export async function askBeforeClosing(window: BrowserWindow, name: string): Promise<CloseChoice> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: `Do you want to save the changes you made to ${name || 'this design'}?`,
    detail: "Your changes will be lost if you don't save them.",
  });
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
}

export class DocumentWindow {
  name = '';
  dirty = false;
  path: string | null = null;
  private ready = false;
  private readonly pending: HostCommand[] = [];
  private closeConfirmed = false;

  constructor(
    readonly window: BrowserWindow,
    private readonly hooks: { onDiscard(): Promise<void>; ask?: typeof askBeforeClosing },
  ) {
    // The title is ours, not the page's <title>.
    window.on('page-title-updated', (event) => event.preventDefault());
    window.on('close', (event) => {
      if (!this.dirty || this.closeConfirmed) return;
      event.preventDefault();
      void this.confirmClose();
    });
    // A reload (or a crashed page coming back) must say again that it listens.
    window.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) this.ready = false;
    });
  }

  send(command: HostCommand): void {
    if (this.ready && !this.window.isDestroyed()) this.window.webContents.send(COMMAND_CHANNEL, command);
    else this.pending.push(command);
  }

  commandsReady(): void {
    this.ready = true;
    for (const command of this.pending.splice(0)) this.send(command);
  }

  setDocumentState(name: string, dirty: boolean, path: string | null): void {
    this.name = name;
    this.dirty = dirty;
    this.path = path;
    this.window.setTitle(windowTitle(name, dirty));
    if (process.platform === 'darwin') {
      this.window.setDocumentEdited(dirty);
      this.window.setRepresentedFilename(path ?? '');
    }
  }

  /** Closes without asking again (after a save, or when the user chose Don't Save). */
  forceClose(): void {
    this.closeConfirmed = true;
    this.window.close();
  }

  private async confirmClose(): Promise<void> {
    const choice = await (this.hooks.ask ?? askBeforeClosing)(this.window, this.name);
    if (choice === 'save') this.send({ type: 'save-then-close' });
    else if (choice === 'discard') {
      // The user chose to lose these changes: the recovery draft goes with them.
      await this.hooks.onDiscard();
      this.forceClose();
    }
  }
}
