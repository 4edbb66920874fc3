// The simjs adapter in its three settings: this Node process, a worker thread, and a browser Web
// Worker built with Vite and simjsBundlePlugin, served under a CSP that forbids eval. All three must
// produce the same replication summaries for the same plan and seed.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { EventCalendar, getSimjs, probeCallbackList, timerCallbackPath, type SimjsNamespace, type SimjsSim } from '../../../sim/engine/simjs';
import { runReplications } from '../../../sim/engine/monteCarlo';
import { exp, plan, rel, resolve } from './helpers';

const testPlan = resolve(
  plan(
    [
      { id: 'users', kind: 'clients', requestsPerSecond: 50 },
      { id: 'lb', kind: 'loadBalancer', healthCheck: { intervalSeconds: 10, failureThreshold: 2, recoveryThreshold: 2 } },
      { id: 'gw', kind: 'gateway', instances: 3, reliability: rel(exp(300), exp(2)) },
    ],
    [['users', 'lb'], ['lb', 'gw']],
  ),
);
const expected = () => runReplications(testPlan, { fromReplication: 0, count: 2, seed: 5, horizonYears: 3 });
const CHROMIUM = '/usr/bin/chromium';

describe('simjs adapter', () => {
  it('in Node: loaded without a global window, ordered timers, codes 0 kept, nothing past the horizon', () => {
    expect(typeof getSimjs().Sim).toBe('function');
    expect((globalThis as { window?: unknown }).window).toBeUndefined();
    const seen: [number, number][] = [];
    const calendar: EventCalendar = new EventCalendar(100, {
      onTimer: (code) => {
        seen.push([calendar.now(), code]);
        if (code === 0) calendar.schedule(0, 3); // same instant: delivered after, FIFO
      },
    });
    calendar.schedule(50, 2);
    calendar.schedule(5, 0);
    calendar.schedule(100, 4); // exactly at the horizon: delivered
    calendar.schedule(100.000001, 1); // past it: never stored
    calendar.schedule(Infinity, 5);
    calendar.run();
    expect(seen).toEqual([[5, 0], [5, 3], [50, 2], [100, 4]]);
    expect(calendar.delivered).toBe(4);
    expect(() => calendar.run()).toThrow(/once/);
  });

  it('hands timers their callback through the list simjs keeps, having checked it delivers as `done` does', () => {
    // The pinned simjs keeps callbacks in a list: a new version that does not falls back to `done`
    // (slower, same results) and this test says so.
    expect(timerCallbackPath()).toBe('list');
    // A library that keeps its callbacks elsewhere is given them through `done`.
    class ElsewhereRequest {
      readonly handlers: unknown[] = [];
      deliverAt = 0;
      done(callback: unknown, context: unknown, argument: unknown): this {
        this.handlers.push({ callback, context, argument });
        return this;
      }
      cancel(): void {}
    }
    class ElsewhereSim {
      time(): number {
        return 0;
      }
      addEntity<E>(klass: new (sim: ElsewhereSim) => E): E {
        return new klass(this);
      }
      simulate(): boolean {
        return true;
      }
    }
    class ElsewhereEntity {
      constructor(readonly sim: ElsewhereSim) {}
      time(): number {
        return 0;
      }
      setTimer(): ElsewhereRequest {
        return new ElsewhereRequest();
      }
    }
    const elsewhere = { Sim: ElsewhereSim, Entity: ElsewhereEntity, Random: getSimjs().Random } as unknown as SimjsNamespace;
    expect(probeCallbackList(elsewhere, ElsewhereEntity as unknown as new (sim: SimjsSim) => never)).toBe(false);
  });

  it('in a worker thread', async () => {
    const worker = new Worker(new URL('../../fixtures/engine/simjsThreadProbe.mjs', import.meta.url), { workerData: { plan: testPlan } });
    const message = await new Promise<{ seen: number[][]; summaries: unknown; hasWindow: boolean }>((resolveMessage, reject) => {
      worker.once('message', resolveMessage);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(message.seen).toEqual([[5, 0], [50, 2]]);
    expect(message.hasWindow).toBe(false);
    expect(message.summaries).toEqual(expected());
  });

  describe('in a browser Web Worker (Vite build with simjsBundlePlugin, CSP without eval)', () => {
    const dirs: string[] = [];
    let server: Server | undefined;
    afterAll(() => {
      server?.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });

    it.skipIf(!existsSync(CHROMIUM))(`runs replications identical to Node's${existsSync(CHROMIUM) ? '' : ` (skipped: no ${CHROMIUM})`}`, async () => {
      const { build } = await import('vite');
      const { simjsBundlePlugin } = await import('../../../sim/entry/build/simjsBundlePlugin');
      const { chromium } = await import('playwright-core');
      const root = mkdtempSync(join(tmpdir(), 'resilience-simjs-browser-'));
      dirs.push(root);
      const workerPath = relative(root, fileURLToPath(new URL('../../../sim/entry/pools/browserWorker.ts', import.meta.url))).split('\\').join('/');
      writeFileSync(join(root, 'plan.json'), JSON.stringify(testPlan));
      writeFileSync(
        join(root, 'main.js'),
        `import plan from './plan.json';
const worker = new Worker(new URL('${workerPath}', import.meta.url), { type: 'module' });
worker.onmessage = (e) => { if (e.data.type !== 'progress') window.__result = e.data; };
worker.onerror = (e) => { window.__result = { type: 'error', message: String(e.message) }; };
worker.postMessage({ type: 'run', plan, fromReplication: 0, count: 2, seed: 5, horizonYears: 3 });
`,
      );
      writeFileSync(join(root, 'index.html'), '<!doctype html><html><body><script type="module" src="./main.js"></script></body></html>');
      await build({
        root,
        configFile: false,
        logLevel: 'silent',
        plugins: [simjsBundlePlugin()],
        worker: { format: 'es', plugins: () => [simjsBundlePlugin()] },
        build: { outDir: join(root, 'dist'), emptyOutDir: true, minify: false },
      });
      const dist = join(root, 'dist');
      const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
      server = createServer((req, res) => {
        if (req.url === '/favicon.ico') {
          res.writeHead(204).end();
          return;
        }
        const path = join(dist, decodeURIComponent((req.url ?? '/').split('?')[0]!) === '/' ? 'index.html' : decodeURIComponent(req.url!.split('?')[0]!));
        if (!path.startsWith(dist) || !existsSync(path)) {
          res.writeHead(404).end();
          return;
        }
        // No 'unsafe-eval': the bundle must not be evaluated from text at run time.
        res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'content-security-policy': "default-src 'self'; script-src 'self'; worker-src 'self'" });
        res.end(readFileSync(path));
      });
      await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
      const port = (server.address() as { port: number }).port;
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        await page.goto(`http://127.0.0.1:${port}/`);
        await page.waitForFunction(() => (window as { __result?: unknown }).__result !== undefined, undefined, { timeout: 30_000 });
        const result = (await page.evaluate(() => (window as { __result?: unknown }).__result)) as { type: string; summaries?: unknown; message?: string };
        expect(result.type, result.message).toBe('done');
        expect(result.summaries).toEqual(expected());
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });
});
