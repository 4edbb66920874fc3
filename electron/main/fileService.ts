// What main does with plan files for the window: native open/save dialogs, reading and atomic
// writing, the recent list and the paths the user granted (see paths.ts). Each method is one IPC
// request (or menu item); the IPC layer has already checked the sender and the payload's shape.
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { MAX_PLAN_CHARS, type FileRef, type OpenedFile } from '../shared/ipc';
import { writeFileAtomic } from './atomicWrite';
import { GrantedPaths, PathRefused, checkPathShape } from './paths';
import type { RecentFiles } from './recentFiles';

const PLAN_FILTERS = [
  { name: 'Resilience plan', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

const RESULT_FILTERS = [
  { name: 'Simulation result (simulate --json, merge)', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

export function fileRef(path: string): FileRef {
  return { name: basename(path), token: path };
}

export class FileService {
  readonly granted: GrantedPaths;

  constructor(private readonly recent: RecentFiles) {
    this.granted = new GrantedPaths(() => recent.list());
  }

  async open(window: BrowserWindow): Promise<OpenedFile | null> {
    const result = await dialog.showOpenDialog(window, { title: 'Open plan', properties: ['openFile'], filters: PLAN_FILTERS });
    const path = result.canceled ? undefined : result.filePaths[0];
    if (!path) return null;
    return this.readGranted(path);
  }

  /** A result file the user picks for the dashboard: read only (not granted, not a recent plan). */
  async openResult(window: BrowserWindow): Promise<OpenedFile | null> {
    const result = await dialog.showOpenDialog(window, { title: 'Open result', properties: ['openFile'], filters: RESULT_FILTERS });
    const path = result.canceled ? undefined : result.filePaths[0];
    if (!path) return null;
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw new Error(`${basename(path)} is not a file`);
    if (stat.size > MAX_PLAN_CHARS) throw new Error(`${basename(path)} is ${Math.round(stat.size / 1e6)} MB: far larger than any result`);
    return { file: fileRef(path), text: await fs.readFile(path, 'utf8') };
  }

  /** A plan the OS or the command line asked to open: granted because the user named it outside the page. */
  async openFromOutside(path: string): Promise<OpenedFile> {
    return this.readGranted(checkPathShape(path));
  }

  async openRecent(path: string): Promise<OpenedFile> {
    if (!this.recent.list().includes(path)) throw new PathRefused('it is not in the recent-files list');
    try {
      return await this.readGranted(path);
    } catch (error) {
      // A file that moved or vanished leaves the list, so the menu stops offering it.
      await this.recent.remove(path);
      throw error;
    }
  }

  async save(file: FileRef, text: string): Promise<FileRef> {
    const path = this.granted.check(file.token);
    await writeFileAtomic(path, text);
    await this.recent.add(path);
    return fileRef(path);
  }

  async saveAs(window: BrowserWindow, text: string, suggestedName: string, folder?: string): Promise<FileRef | null> {
    const defaultPath = folder ? join(folder, suggestedName) : suggestedName;
    const result = await dialog.showSaveDialog(window, { title: 'Save plan', defaultPath, filters: PLAN_FILTERS, properties: ['createDirectory', 'showOverwriteConfirmation'] });
    if (result.canceled || !result.filePath) return null;
    this.granted.grant(result.filePath);
    return this.save(fileRef(result.filePath), text);
  }

  /** Several files into one folder the user picks (for the export features); the names were checked to have no folders. */
  async exportFiles(window: BrowserWindow, files: ReadonlyArray<{ name: string; text: string }>): Promise<{ folder: string; written: number } | null> {
    const result = await dialog.showOpenDialog(window, { title: 'Export to folder', properties: ['openDirectory', 'createDirectory'] });
    const folder = result.canceled ? undefined : result.filePaths[0];
    if (!folder) return null;
    checkPathShape(folder);
    // Names are relative paths checked by the IPC schema (no "..", no absolute path): make their sub-folders.
    for (const file of files) {
      const target = join(folder, ...file.name.split('/'));
      await fs.mkdir(dirname(target), { recursive: true });
      await writeFileAtomic(target, file.text);
    }
    return { folder, written: files.length };
  }

  async printToPdf(window: BrowserWindow, suggestedName: string): Promise<FileRef | null> {
    const result = await dialog.showSaveDialog(window, {
      title: 'Print to PDF',
      defaultPath: suggestedName.replace(/(\.plan)?\.json$/i, '') + '.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (result.canceled || !result.filePath) return null;
    const path = checkPathShape(result.filePath);
    const pdf = await window.webContents.printToPDF({ printBackground: true, landscape: true });
    await writeFileAtomic(path, pdf);
    return fileRef(path);
  }

  private async readGranted(path: string): Promise<OpenedFile> {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw new Error(`${basename(path)} is not a file`);
    if (stat.size > MAX_PLAN_CHARS) throw new Error(`${basename(path)} is ${Math.round(stat.size / 1e6)} MB: far larger than any plan`);
    const text = await fs.readFile(path, 'utf8');
    this.granted.grant(path);
    await this.recent.add(path);
    return { file: fileRef(path), text };
  }
}
