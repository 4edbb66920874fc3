/**
 * Prints (never asserts) frame times while dragging a card on a 100-component design in headless
 * Chromium: p50 / p95 / max of the intervals between animation frames during the drag.
 *
 *   npm run build && npx tsx test/e2e/dragBench.ts [dist/renderer] [label]
 *
 * Pass another build's folder to compare (for example one built from an older commit). Timings on a
 * shared machine are noisy: compare runs made back to back.
 */
import { chromium } from 'playwright-core';
import { bigPlan } from '../fixtures/bigPlan';
import { CHROMIUM, CHROMIUM_FLAGS, RENDERER_DIST } from './helpers/browser';
import { serveStatic } from './helpers/staticServer';

const dist = process.argv[2] ?? RENDERER_DIST;
const label = process.argv[3] ?? dist;
const MOVES = 90;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  if (!CHROMIUM) throw new Error('chromium not found');
  const server = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}?test`);
    await page.waitForFunction(() => !!window.__editor);
    const plan = bigPlan();
    await page.evaluate((p) => window.__editor!.getState().replacePlan(p, { history: 'reset' }), plan);
    await page.getByTestId('fit-view').click();
    await page.waitForTimeout(600);
    const card = page.getByTestId('node-svc-2-5');
    const results: number[][] = [];
    const moveTimes: number[] = [];
    for (let round = 0; round < 4; round++) {
      // Grab the card where it is now; drags go right and left in turn.
      const box = (await card.boundingBox())!;
      // Record every frame interval while the drag runs. (A string, so tsx's helpers stay out of the page.)
      await page.evaluate(`(() => {
        window.__frames = [];
        window.__recording = true;
        let last = 0;
        const tick = (t) => {
          window.__frames.push(t - last);
          last = t;
          if (window.__recording) requestAnimationFrame(tick);
        };
        requestAnimationFrame((t) => {
          last = t;
          requestAnimationFrame(tick);
        });
      })()`);
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 1; i <= MOVES; i++) {
        const dx = (round % 2 === 0 ? 1 : -1) * i * 3;
        const started = performance.now();
        // Resolves once the page has handled the move: the time the drag path takes per event.
        await page.mouse.move(x + dx, y + Math.sin(i / 8) * 40);
        moveTimes.push(performance.now() - started);
      }
      await page.mouse.up();
      await page.waitForTimeout(200);
      const frames = (await page.evaluate('(() => { window.__recording = false; return window.__frames; })()')) as number[];
      results.push(frames);
    }
    const all = results.flat().sort((a, b) => a - b);
    const moves = moveTimes.sort((a, b) => a - b);
    const moved = await page.evaluate(() => window.__editor!.getState().history.undos.length);
    console.log(
      `${label}: drag on ${plan.nodes.length} components / ${plan.edges.length} wires, ${all.length} frames over 4 drags of ${MOVES} moves: ` +
        `frame interval p50 ${quantile(all, 0.5).toFixed(1)} ms, p95 ${quantile(all, 0.95).toFixed(1)} ms, max ${all[all.length - 1]!.toFixed(1)} ms; ` +
        `pointer move handled in p50 ${quantile(moves, 0.5).toFixed(1)} ms, p95 ${quantile(moves, 0.95).toFixed(1)} ms (${moved} drags recorded as undo steps)`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
