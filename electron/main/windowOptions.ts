// The secure settings every window gets (Electron's security checklist): isolated context, sandboxed
// renderer, no Node in the page, web security on. Kept apart from main.ts so tests check them
// without Electron.
import type { BrowserWindowConstructorOptions } from 'electron';

export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Resilience Studio',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click would ask for a new window (denied anyway); with Auxclick off it never asks.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/**
 * The page's Content-Security-Policy: its own files only, no eval (simjs is wrapped at build time),
 * no plugins, no <base>, no form posts. renderer/index.html carries the same policy in a <meta>
 * (a test keeps the two equal); the header adds frame-ancestors, which a <meta> cannot set.
 * Inline styles stay allowed: React and the canvas library set style attributes.
 */
export const PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export const CONTENT_SECURITY_POLICY = `${PAGE_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
