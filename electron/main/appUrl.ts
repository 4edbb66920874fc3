// The app's own pages: served by the `app://studio/` protocol from the built renderer, or in
// development from the Vite dev server. Nothing else is ever shown in a window or trusted on IPC.
export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The dev server's origin when main was started for development (never in a packaged app), else null. */
export function devServerOrigin(env: NodeJS.ProcessEnv, packaged: boolean): string | null {
  const url = env.RESILIENCE_DEV_SERVER_URL;
  if (packaged || !url) return null;
  try {
    const parsed = new URL(url);
    // Only a server on this machine: the dev server is Vite on localhost.
    if (parsed.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)) return null;
    return parsed.origin;
  } catch {
    return null;
  }
}

export function isAppUrl(url: string, devOrigin: string | null = null): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
    return devOrigin !== null && parsed.origin === devOrigin;
  } catch {
    return false;
  }
}
