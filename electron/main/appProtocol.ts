// Serves the built renderer under app://studio/ (a standard, secure scheme, so the page has a real
// origin: module workers, fetch of its own assets and the CSP's 'self' work as on the web, which
// file:// does not give). Only files inside the renderer folder are served, each with the CSP
// header; anything else is 404. Nothing is fetched from the network.
import { promises as fs } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST } from './appUrl';
import { CONTENT_SECURITY_POLICY } from './windowOptions';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The file under `root` that `url` names, or null when it names anything outside it. */
export function fileForAppUrl(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = normalize(join(root, relative));
  const inside = root.endsWith(sep) ? root : root + sep;
  return file.startsWith(inside) ? file : null;
}

export function appProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = fileForAppUrl(root, request.url);
    if (!file || request.method !== 'GET') return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
