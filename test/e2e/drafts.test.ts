/**
 * End-to-end in Chromium: a malformed draft left in storage (a name that is an object) no longer
 * blanks the window: the editor starts, the draft is offered for discarding with its problems, and
 * discarding it sticks across a reload. A plan the editor cannot render is caught by the error
 * boundary, whose "discard" starts a working editor again. Screenshots at 1280×800, light and dark.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getTemplate } from '../../sim/templates';
import { pageErrors, screenshot, skipReason, useBuiltApp } from './helpers/browser';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

function malformedDraft(): string {
  const plan = structuredClone(getTemplate('single-region-lb')!.plan) as unknown as Record<string, unknown>;
  plan.name = { en: 'not text' };
  return JSON.stringify({ text: JSON.stringify(plan), savedAtIso: '2026-12-05T22:10:00.000Z', file: { name: 'shop.plan.json', token: 'shop.plan.json' } });
}

async function openWithDraft(browser: Browser, url: string, scheme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: scheme });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors?: string[] }).errors = errors;
  // A draft as an earlier version (one shared key) would have left it.
  await page.addInitScript((draft) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('resilience-studio:draft', draft);
      sessionStorage.setItem('seeded', '1');
    }
  }, malformedDraft());
  await page.goto(`${url}?test`);
  await page.waitForFunction(() => !!window.__editor);
  return page;
}

describe.skipIf(reason !== null)('a corrupt draft in Chromium', () => {
  const app = useBuiltApp();

  it.each(['light', 'dark'] as const)('starts the editor and offers to discard the draft (%s)', async (scheme) => {
    const page = await openWithDraft(app.browser, app.server.url, scheme);
    const banner = page.getByTestId('recovery-banner');
    await banner.waitFor();
    await expect(banner.getAttribute('data-state')).resolves.toBe('unusable');
    await expect(page.getByTestId('recovery-restore').count()).resolves.toBe(0);
    await screenshot(page, `draft-unusable-1280-${scheme}`);
    await page.getByTestId('recovery-show-problems').click();
    await page.getByTestId('file-errors').waitFor();
    await expect(page.getByTestId('file-error').first().textContent()).resolves.toContain('name');
    await screenshot(page, `draft-unusable-problems-1280-${scheme}`);
    await page.getByTestId('file-errors-close').click();
    await page.getByTestId('recovery-discard').click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await page.waitForFunction(() => !!window.__editor);
    await expect(page.getByTestId('recovery-banner').count()).resolves.toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('catches a plan the editor cannot render and starts again without the draft', async () => {
    const page = await openWithDraft(app.browser, app.server.url, 'light');
    // Force what the recovery offer now refuses: a plan whose name is not text.
    await page.evaluate(() => {
      const store = window.__editor!;
      const broken = { ...store.getState().plan, name: { en: 'x' } } as unknown as ReturnType<typeof store.getState>['plan'];
      localStorage.setItem('resilience-studio:draft', JSON.stringify({ text: JSON.stringify(broken), savedAtIso: '2026-12-05T22:10:00.000Z', file: null }));
      store.getState().replacePlan(broken, { history: 'record' });
    });
    await page.getByTestId('crash-screen').waitFor();
    await screenshot(page, 'crash-screen-1280-light');
    await page.getByTestId('crash-discard').click();
    await page.waitForFunction(() => !!window.__editor && !document.querySelector('[data-testid="crash-screen"]'));
    await expect(page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('resilience-studio:draft')))).resolves.toEqual([]);
    await page.close();
  });
});
