/**
 * The shell's security settings: window options, the page's CSP (in index.html and as header), the
 * app:// protocol's confinement to the renderer folder, navigation/redirect/window.open blocking for
 * any web contents, and permissions denied.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { appProtocolHandler, fileForAppUrl } from '../../electron/main/appProtocol';
import { devServerOrigin, isAppUrl } from '../../electron/main/appUrl';
import { denyAllPermissions, hardenWebContents, isAllowedExternal } from '../../electron/main/security';
import { CONTENT_SECURITY_POLICY, PAGE_CONTENT_SECURITY_POLICY, secureWindowOptions } from '../../electron/main/windowOptions';
import { useTempFolder } from './tempFolder';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('window options', () => {
  it('isolate the page: context isolation, sandbox, no Node anywhere, web security, no webview', () => {
    const prefs = secureWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
});

describe('Content-Security-Policy', () => {
  it('allows no remote code, no eval, no plugins, no <base>, no form posts', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    for (const name of ['default-src', 'script-src']) expect(csp.get(name)).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|\*/);
    // Only styles may be inline (style attributes set by React and the canvas), never scripts.
    for (const [name, values] of csp) if (name !== 'style-src') expect(values).not.toContain("'unsafe-inline'");
  });

  it('is in the page itself: renderer/index.html carries the same policy in a <meta>', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(PAGE_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY.startsWith(PAGE_CONTENT_SECURITY_POLICY)).toBe(true);
  });
});

describe('app:// protocol', () => {
  const tempFolder = useTempFolder();

  it('maps URLs only to files inside the renderer folder', () => {
    const root = '/app/renderer';
    expect(fileForAppUrl(root, 'app://studio/')).toBe('/app/renderer/index.html');
    expect(fileForAppUrl(root, 'app://studio/assets/index-1.js?x=1#h')).toBe('/app/renderer/assets/index-1.js');
    // The URL parser resolves plain dot segments at the root, so this stays inside.
    expect(fileForAppUrl(root, 'app://studio/../index.html')).toBe('/app/renderer/index.html');
    expect(fileForAppUrl(root, 'app://studio/%2e%2e/index.html')).toBe('/app/renderer/index.html');
    // Encoded separators are decoded after parsing: these would climb out, and are refused.
    for (const url of [
      'app://studio/assets/%2e%2e%2f%2e%2e%2fmain.cjs',
      'app://studio/..%5cmain.cjs',
      'app://studio/a%00.js',
      'app://studio/%E0%A4%A',
      'app://other/index.html',
      'not a url',
    ]) {
      expect(fileForAppUrl(root, url), url).toBeNull();
    }
  });

  it('serves files with their type and the CSP header, and 404s anything else', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'a.js'), 'export {}');
    writeFileSync(join(root, '..', 'secret.txt'), 'secret');
    const handle = appProtocolHandler(root);
    const page = await handle(new Request('app://studio/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handle(new Request('app://studio/assets/a.js'))).headers.get('content-type')).toContain('text/javascript');
    expect((await handle(new Request('app://studio/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://studio/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handle(new Request('app://studio/index.html', { method: 'POST', body: 'x' }))).status).toBe(404);
  });

  it('trusts only its own origin, and a dev server only on this machine and never when packaged', () => {
    expect(isAppUrl('app://studio/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(devServerOrigin({ RESILIENCE_DEV_SERVER_URL: 'http://localhost:5173/' }, false)).toBe('http://localhost:5173');
    expect(devServerOrigin({ RESILIENCE_DEV_SERVER_URL: 'http://localhost:5173/' }, true)).toBeNull();
    expect(devServerOrigin({ RESILIENCE_DEV_SERVER_URL: 'http://evil.example/' }, false)).toBeNull();
    expect(devServerOrigin({}, false)).toBeNull();
  });
});

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('every web contents', () => {
  function harden() {
    const contents = new FakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents as unknown as WebContents, { isAppUrl: (url) => isAppUrl(url), openExternal });
    return { contents, openExternal };
  }

  it('may navigate within the app only; links to allowed sites go to the browser', () => {
    const { contents, openExternal } = harden();
    const inside = navigationEvent('app://studio/index.html');
    contents.emit('will-navigate', inside, inside.url);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const away = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', away, away.url);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
    const docs = navigationEvent('https://docs.aws.amazon.com/elasticloadbalancing/');
    contents.emit('will-navigate', docs, docs.url);
    expect(docs.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://docs.aws.amazon.com/elasticloadbalancing/');
    const frame = navigationEvent('https://evil.example/frame');
    contents.emit('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalled();
  });

  it('blocks redirects away from the app, <webview> and every new window', () => {
    const { contents, openExternal } = harden();
    const redirect = navigationEvent('https://evil.example/');
    contents.emit('will-redirect', redirect, redirect.url);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler!({ url: 'app://studio/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.openHandler!({ url: 'https://resilience.studio/docs' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://resilience.studio/docs');
  });

  it('opens externally only https pages of allowlisted hosts', () => {
    expect(isAllowedExternal('https://resilience.studio/')).toBe(true);
    for (const url of ['http://resilience.studio/', 'https://resilience.studio.evil.example/', 'https://user@resilience.studio/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'nonsense']) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });
});

describe('permissions', () => {
  it('denies every request and every check', () => {
    let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    let device: ((...args: unknown[]) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => void (request = h),
      setPermissionCheckHandler: (h: typeof check) => void (check = h),
      setDevicePermissionHandler: (h: typeof device) => void (device = h),
    };
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission, 'app://studio', {})).toBe(false);
    }
    expect(device!({ deviceType: 'usb' })).toBe(false);
  });
});
