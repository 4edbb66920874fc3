// Rules for every web contents the app ever creates (windows, and anything a page might try to
// open): no navigation or redirect away from the app's pages, no new windows, no <webview>, and
// every permission request or check denied (the app needs no camera, notifications, clipboard
// reads, geolocation...). Links to the web open in the user's browser, for an allowlist of hosts.
import type { Session, WebContents } from 'electron';

/** Hosts whose https pages may open in the user's browser: the project's site and the cloud documentation the catalog cites. */
export const EXTERNAL_HOSTS = ['resilience.studio', 'docs.aws.amazon.com', 'aws.amazon.com', 'cloud.google.com', 'learn.microsoft.com'];

export function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && EXTERNAL_HOSTS.includes(parsed.hostname);
  } catch {
    return false;
  }
}

export interface HardenOptions {
  isAppUrl(url: string): boolean;
  openExternal(url: string): void;
}

export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  const leaveToBrowser = (url: string) => {
    if (isAllowedExternal(url)) options.openExternal(url);
  };
  contents.on('will-navigate', (event, url) => {
    if (options.isAppUrl(url)) return;
    event.preventDefault();
    leaveToBrowser(url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!options.isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!options.isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    leaveToBrowser(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
