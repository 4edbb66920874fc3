// The secure settings every window gets (Electron's security checklist): isolated context, sandboxed
// renderer, no Node in the page. Kept apart from main.ts so tests check them without Electron.
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
      webSecurity: true,
      allowRunningInsecureContent: false,
    },
  };
}

/** Content-Security-Policy for the app's pages: no remote code and no eval (simjs is wrapped at build time). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Only the app's own files may be shown; every other navigation is refused. */
export function isAllowedNavigation(url: string, appEntryUrl: string): boolean {
  try {
    const target = new URL(url);
    const entry = new URL(appEntryUrl);
    return target.protocol === entry.protocol && target.pathname.startsWith(entry.pathname.replace(/index\.html$/, ''));
  } catch {
    return false;
  }
}
