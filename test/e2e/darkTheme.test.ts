/**
 * End-to-end: the dark theme's controls are readable. The Export dialog (formats, file list,
 * highlighted code, warnings, the drill-numbers bar and its buttons) and the inspector's price
 * override select, at 1280×800 with the OS in dark mode: every text's contrast with the colour
 * behind it, computed in the page, is at least WCAG AA for its size. Screenshots of both.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../sim/templates';
import { newEditorPage, pageErrors, screenshot, skipReason, useBuiltApp } from './helpers/browser';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

/** Per element matched: its text colour against the first opaque background behind it (WCAG 2 contrast ratio). */
async function contrasts(page: Page, selector: string): Promise<Array<{ what: string; ratio: number; color: string; background: string }>> {
  return page.evaluate((sel) => {
    const probe = document.createElement('canvas').getContext('2d')!;
    /** Any CSS colour (rgb(), oklch(), color-mix() results…) as sRGB bytes and alpha, through a canvas. */
    const rgba = (css: string): [number, number, number, number] => {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const d = probe.getImageData(0, 0, 1, 1).data;
      return [d[0]!, d[1]!, d[2]!, d[3]! / 255];
    };
    const over = (top: [number, number, number, number], under: [number, number, number]): [number, number, number] =>
      [0, 1, 2].map((i) => top[i]! * top[3] + under[i]! * (1 - top[3])) as [number, number, number];
    /** The colour behind an element: its own and its ancestors' backgrounds composed over the page. */
    const backdrop = (el: Element): [number, number, number] => {
      const layers: Array<[number, number, number, number]> = [];
      for (let at: Element | null = el; at; at = at.parentElement) {
        const c = rgba(getComputedStyle(at).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let base: [number, number, number] = [255, 255, 255];
      if (layers.length === 0 || layers[layers.length - 1]![3] < 1) base = matchMedia('(prefers-color-scheme: dark)').matches ? [0, 0, 0] : [255, 255, 255];
      for (let i = layers.length - 1; i >= 0; i--) base = over(layers[i]!, base);
      return base;
    };
    const luminance = (c: [number, number, number]) => {
      const lin = c.map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
    };
    /** Controls, and elements that hold text themselves (not only through children). */
    const showsText = (el: Element) =>
      ['SELECT', 'INPUT', 'BUTTON'].includes(el.tagName) || [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    return [...document.querySelectorAll(sel)].filter((el) => showsText(el) && visible(el)).map((el) => {
      const style = getComputedStyle(el);
      const bg = backdrop(el);
      const fg = over(rgba(style.color), bg);
      const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      return { what: `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`, ratio: (a! + 0.05) / (b! + 0.05), color: style.color, background: `rgb(${bg.map(Math.round).join(', ')})` };
    });
  }, selector);
}

describe.skipIf(reason !== null)('dark theme in Chromium', () => {
  const app = useBuiltApp();

  async function open(): Promise<Page> {
    const page = await newEditorPage(app.browser, app.server.url, { width: 1280, height: 800 }, { colorScheme: 'dark' });
    const plan = structuredClone(getTemplate('two-region-active-passive')!.plan);
    await page.evaluate((p) => window.__editor!.getState().replacePlan(p, { history: 'reset' }), plan);
    return page;
  }

  /** WCAG AA: 4.5:1 for text, 3:1 for large text (24 px, or 18.66 px bold). */
  function expectReadable(found: Awaited<ReturnType<typeof contrasts>>, minimumCount: number): void {
    expect(found.length).toBeGreaterThanOrEqual(minimumCount);
    const unreadable = found.filter((f) => f.ratio < 4.5);
    expect(unreadable, JSON.stringify(unreadable, null, 1)).toEqual([]);
  }

  it('the Export dialog: formats, files, highlighted code, warnings, the drill bar and every button', async () => {
    const page = await open();
    const button = page.getByTestId('export-code');
    if (!(await button.isVisible())) await page.getByTestId('toolbar-more').click();
    await page.getByTestId('export-code').click();
    await page.getByTestId('export-dialog').waitFor();
    await page.getByTestId('export-format-fis').click();
    await page.getByTestId('export-run-scenarios').waitFor();
    await screenshot(page, 'dark-01-export-fis-1280');
    const dialog = await contrasts(page, '[data-testid="export-dialog"] *');
    // The buttons that were unreadable (a bare Cancel on the browser's grey) are among those checked.
    for (const name of ['Cancel', 'Save files…', 'Run scenarios']) expect(dialog.some((d) => d.what.includes(`"${name}`)), name).toBe(true);
    expectReadable(dialog, 30);
    // Highlighted tokens too (YAML of a template file).
    await page.getByTestId('export-file').nth(1).click();
    const tokens = await contrasts(page, '[data-testid="export-code"] [class^="hljs-"]');
    expectReadable(tokens, 10);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('the inspector\'s Cost section: the price override select, hints, units and fields', async () => {
    const page = await open();
    await page.getByTestId('dock-open').click();
    const select = page.getByTestId('override-choice');
    await select.scrollIntoViewIfNeeded();
    await screenshot(page, 'dark-02-inspector-cost-1280');
    const [choice] = await contrasts(page, '[data-testid="override-choice"]');
    expect(choice, 'the override select').toBeDefined();
    expectReadable([choice!], 1);
    // The select is drawn in the theme (the input colour), not the browser's grey.
    expect(await select.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 23, 42)');
    expectReadable(await contrasts(page, '[data-testid="cost-overrides"] *'), 5);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
