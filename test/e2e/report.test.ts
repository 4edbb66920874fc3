// The CLI's review report in a real browser: the HTML opened in Chromium at 1280×800 shows every
// section, with the numbers `simulate --json` prints for the same plan and seed; and a PDF printed
// by the CLI through Chromium, its pages rendered to PNG with pdftoppm (kept in test-results for a
// person to look at). Skips, saying why, without Chromium or pdftoppm.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, CHROMIUM, launchChromium } from './helpers/browser';
import { runCli, scratchDir } from '../sim/cli/cliHarness';
import { fmtMinutes, fmtPercent, fmtSeconds, fmtUsd } from '../../sim/report/buildReport';
import { getTemplate } from '../../sim/templates';

const pdftoppm = spawnSync('sh', ['-c', 'command -v pdftoppm'], { encoding: 'utf8' }).stdout.trim();
const skip = !CHROMIUM ? 'chromium not found' : null;
const scratch = scratchDir();
const plan = scratch.write('two-region.plan.json', JSON.stringify(getTemplate('two-region-active-passive')!.plan));
const variant = scratch.write('three-gw.json', JSON.stringify([{ op: 'replace', path: '/nodes/gw-east/instances', value: 4 }]));
const RUN = ['--seed', '11', '--replications', '6', '--years', '3'];

describe.skipIf(skip !== null)('CLI review report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    scratch.cleanup();
  });

  it('shows every section with the numbers of simulate --json for the same seed', async () => {
    const sim = await runCli('simulate', plan, '--json', ...RUN);
    expect(sim.code).toBe(0);
    const r = JSON.parse(sim.stdout);
    const html = scratch.write('report.html', '');
    const made = await runCli('report', plan, '--variants', variant, '--sensitivity', '--format', 'html', '--out', html, ...RUN);
    expect(made.stderr).toBe(`resilience report: wrote ${html} (html)\n`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const external: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith('file:') && !req.url().startsWith('data:')) external.push(req.url());
    });
    await page.goto(pathToFileURL(html).href);
    const section = async (id: string) => {
      const s = page.locator(`section#${id}`);
      await s.scrollIntoViewIfNeeded();
      expect(await s.isVisible(), id).toBe(true);
      return s.innerText();
    };
    const diagram = page.locator('section#diagram svg').first();
    expect((await diagram.boundingBox())!.width).toBeGreaterThan(300);
    expect(await section('assumptions')).toContain('catalog-research.md');
    const results = await section('results');
    const a = r.availability.requestWeighted;
    for (const text of [fmtPercent(a.mean), `${fmtPercent(a.ci95[0])} … ${fmtPercent(a.ci95[1])}`, fmtPercent(r.availability.timeWeighted.mean), fmtMinutes(r.downtimeMinutesPerYear.mean), fmtSeconds(r.rtoSeconds.p95), fmtSeconds(r.rpoSeconds.p95), `${r.replications} replications × ${r.horizonYears} years, seed 11`]) {
      expect(results, text).toContain(text);
    }
    expect(await page.locator('section#results svg').count()).toBe(3);
    const objectives = await section('objectives');
    for (const [name, o] of Object.entries(r.objectives as Record<string, { met: boolean | null }>)) expect(objectives).toMatch(new RegExp(`${name}\\s.*\\s${o.met === null ? 'not judged' : o.met ? 'met' : 'MISSED'}`));
    expect(await section('scenarios')).toContain('replayed 6 times');
    const cost = await section('cost');
    expect(cost).toContain(fmtUsd(r.cost.monthlyUsd));
    expect(cost).toContain(fmtUsd(r.cost.tcoUsdPerMonth));
    expect(await section('strategies')).toMatch(/Load balancing\s+yes/);
    const comparison = await section('comparison');
    expect(comparison).toContain('two-region.plan.json + three-gw.json');
    expect(comparison).toContain(fmtPercent(a.mean));
    expect(await page.locator('section#comparison svg').count()).toBe(1);
    expect(await section('sensitivity')).toContain('gw-east failure rate');
    expect(await page.locator('section#sensitivity svg').count()).toBe(1);
    const repro = await section('reproducibility');
    expect(repro).toMatch(/Plan hash \(SHA-256\)\s+[0-9a-f]{64}/);
    expect(repro).toContain(`--seed 11 --replications 6 --years 3 --format html --out ${html}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/report-1280.png` });
    expect(external).toEqual([]);
    await page.close();
  }, 600_000);

  it.skipIf(!pdftoppm)('prints a PDF through Chromium whose pages render to PNG', async () => {
    const pdf = scratch.write('report.pdf', '');
    const made = await runCli('report', plan, '--format', 'pdf', '--out', pdf, ...RUN);
    expect(made.stderr).toBe(`resilience report: wrote ${pdf} (pdf)\n`);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const old of readdirSync(ARTIFACTS).filter((f) => f.startsWith('report-page-'))) rmSync(`${ARTIFACTS}/${old}`);
    const render = spawnSync(pdftoppm, ['-png', '-r', '50', pdf, `${ARTIFACTS}/report-page`]);
    expect(render.status).toBe(0);
    const pages = readdirSync(ARTIFACTS).filter((f) => /^report-page-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect(statSync(`${ARTIFACTS}/${p}`).size).toBeGreaterThan(5_000);
    expect(existsSync(`${ARTIFACTS}/report-page-1.png`) || existsSync(`${ARTIFACTS}/report-page-01.png`)).toBe(true);
  }, 600_000);
});
