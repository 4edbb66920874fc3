/**
 * Page-object helpers for the inspector and the file commands: commit a field as a user does
 * (type, then Tab), read a node from the store, and catch the browser's save (a download) or feed
 * its open dialog (the file chooser).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { Plan, PlanNode } from '../../../sim/model/schema';

export async function commitField(page: Page, testId: string, text: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await input.press('Tab');
}

export async function nodeOf(page: Page, id: string): Promise<PlanNode | undefined> {
  return page.evaluate((nodeId) => window.__editor!.getState().plan.nodes.find((n) => n.id === nodeId), id);
}

export async function planOf(page: Page): Promise<Plan> {
  return page.evaluate(() => window.__editor!.getState().plan);
}

/** Runs `trigger` (a click or a shortcut) and returns the name and text of the file the browser downloads. */
export async function captureSave(page: Page, trigger: () => Promise<void>): Promise<{ name: string; text: string; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

/** Runs `trigger` and answers the browser's file chooser with a file from disk or from memory. */
export async function answerOpen(page: Page, trigger: () => Promise<void>, file: string | { name: string; text: string }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger()]);
  if (typeof file === 'string') await chooser.setFiles(file);
  else await chooser.setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
}
