/**
 * Starting the system Chromium for end-to-end tests. Suites skip, with this reason, only when the
 * browser or the built renderer is missing; every other failure is a real failure.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './staticServer';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RENDERER_DIST = `${REPO_ROOT}dist/renderer`;
export const ARTIFACTS = `${REPO_ROOT}test-results/e2e`;

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (p): p is string => !!p,
);
export const CHROMIUM = CANDIDATES.find((p) => existsSync(p));

/** Why the e2e suites cannot run here, or null when they can. */
export function skipReason(): string | null {
  if (!CHROMIUM) return `chromium not found (looked at ${CANDIDATES.join(', ')}); install Debian's chromium or set CHROMIUM_PATH`;
  if (!existsSync(`${RENDERER_DIST}/index.html`)) return 'dist/renderer is not built; run `npm run build` first';
  return null;
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

/** The window sizes the layout must fit: a roomy desktop (the default) and common laptop screens. */
export const VIEWPORTS = {
  desktop: { width: 1600, height: 960 },
  laptop: { width: 1280, height: 800 },
  wide: { width: 1440, height: 900 },
  small: { width: 1024, height: 700 },
} as const;
export type ViewportSize = { width: number; height: number };

export async function newEditorPage(browser: Browser, baseUrl: string, viewport: ViewportSize = VIEWPORTS.desktop, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1, ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}) });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${baseUrl}?test`);
  await page.waitForFunction(() => !!window.__editor);
  return page;
}

/** The page's widths and scroll offsets: the document must never be wider than the window or scrolled. */
export async function documentFit(page: Page): Promise<{ documentWidth: number; windowWidth: number; documentHeight: number; windowHeight: number; scrollX: number; scrollY: number }> {
  return page.evaluate(() => ({
    documentWidth: document.documentElement.scrollWidth,
    windowWidth: window.innerWidth,
    documentHeight: document.documentElement.scrollHeight,
    windowHeight: window.innerHeight,
    scrollX: window.scrollX,
    scrollY: window.scrollY,
  }));
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}/${name}.png`;
  await page.screenshot({ path });
  return path;
}

/**
 * The built renderer served on loopback and one Chromium for the enclosing describe block: started
 * before its tests, closed after them. Read `app.browser` and `app.server` inside the tests.
 */
export function useBuiltApp(): { readonly browser: Browser; readonly server: StaticServer } {
  const app = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    app.server = await serveStatic(RENDERER_DIST);
    app.browser = await launchChromium();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/**
 * Clicks a toolbar command wherever the window's width put it: in the bar, or in the "⋯" menu that
 * takes the entries that do not fit (a narrow window keeps only the highest priorities in the bar).
 */
export async function clickToolbarCommand(page: Page, testId: string): Promise<void> {
  const button = page.getByTestId(testId);
  if (!(await button.isVisible())) await page.getByTestId('toolbar-more').click();
  await page.getByTestId(testId).click();
}
