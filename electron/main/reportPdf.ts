// The review report as PDF: the page hands over the report's one-file HTML, the user picks where to
// save it, and main prints the HTML in a hidden window of its own — sandboxed, isolated, no Node,
// no preload, JavaScript off (the report is static HTML, inline CSS and SVG) — then writes the PDF
// atomically. The window is destroyed and its temporary page removed whatever happens.
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import type { FileRef } from '../shared/ipc';
import { writeFileAtomic } from './atomicWrite';
import { fileRef } from './fileService';
import { checkPathShape } from './paths';

/** "x-report.html" → "x-report.pdf"; any other name gets ".pdf". */
export function pdfFileName(suggestedName: string): string {
  return `${suggestedName.replace(/\.html?$/i, '')}.pdf`;
}

/** Prints the report's HTML to PDF bytes in a hidden window that is always destroyed afterwards. */
export async function renderReportPdf(html: string): Promise<Uint8Array> {
  // A file rather than a data: URL: a report with a large diagram can pass Chromium's URL length limit.
  const dir = await fs.mkdtemp(join(tmpdir(), 'resilience-report-'));
  // Written out here, not shared, so the security scan reads every option where the window is made.
  const window = new BrowserWindow({
    show: false,
    width: 1100,
    height: 1400,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    const page = join(dir, 'report.html');
    await fs.writeFile(page, html, 'utf8');
    await window.loadFile(page);
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', margins: { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 }, generateDocumentOutline: true });
  } finally {
    window.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Asks where to save, prints the report there (atomically); null when the dialog is cancelled. */
export async function saveReportPdf(parent: BrowserWindow, html: string, suggestedName: string): Promise<FileRef | null> {
  const result = await dialog.showSaveDialog(parent, {
    title: 'Export report as PDF',
    defaultPath: pdfFileName(suggestedName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return null;
  const path = checkPathShape(result.filePath);
  const pdf = await renderReportPdf(html);
  await writeFileAtomic(path, pdf);
  return fileRef(path);
}
