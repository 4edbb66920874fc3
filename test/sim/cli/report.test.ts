// `resilience report`: Markdown with a variant's comparison, byte-identical for the same seed, the
// exact rerun command, and one clear sentence for a missing Chromium, a bad format or a bad patch.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from './cliHarness';
import { getTemplate } from '../../../sim/templates';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());
const plan = scratch.write('lb.plan.json', JSON.stringify(getTemplate('single-region-lb')!.plan));
const variant = scratch.write('more-gw.json', JSON.stringify([{ op: 'replace', path: '/nodes/gw/instances', value: 3 }]));
const run = ['--seed', '4', '--replications', '3', '--years', '2', '--workers', '1'];

describe('resilience report', () => {
  it('writes Markdown with the comparison, the same bytes for the same seed, and the command that regenerates it', async () => {
    const a = scratch.write('a.md', '');
    const first = await runCli('report', plan, '--variants', variant, '--format', 'md', '--out', a, ...run);
    expect(first.stderr).toBe(`resilience report: wrote ${a} (md)\n`);
    expect(first.code).toBe(0);
    const md = readFileSync(a, 'utf8');
    for (const title of ['Diagram', 'Assumptions and their sources', 'Results', 'Objectives', 'Scenarios', 'Cost and TCO', 'Strategy matrix', 'Designs compared', 'Reproducibility']) expect(md).toContain(`## ${title}\n`);
    expect(md).not.toContain('## Sensitivity');
    expect(md).toContain('lb.plan.json + more-gw.json');
    expect(md).toContain(`resilience report ${plan} --variants ${variant} --seed 4 --replications 3 --years 2 --format md --out ${a}`);
    expect(md).toMatch(/\| Plan hash \(SHA-256\) \| [0-9a-f]{64} \|/);
    const b = scratch.write('b.md', '');
    await runCli('report', plan, '--variants', variant, '--format', 'md', '--out', b, ...run.slice(0, -1), '2');
    expect(readFileSync(b, 'utf8').replaceAll(b, a)).toBe(md);
  });

  it('--variants alone compares the plan with the variants it keeps, and says when it keeps none', async () => {
    const own = scratch.write('own.plan.json', JSON.stringify({ ...getTemplate('single-region-lb')!.plan, variants: [{ name: 'Three gateways', patch: [{ op: 'replace', path: '/nodes/gw/instances', value: 3 }] }] }));
    const out = scratch.write('own.md', '');
    const r = await runCli('report', own, '--variants', '--format', 'md', '--out', out, ...run);
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('## Designs compared\n');
    expect(md).toContain('own.plan.json + Three gateways');
    expect(md).toContain(`resilience report ${own} --variants --seed 4`);
    const none = await runCli('report', plan, '--variants', '--format', 'md', '--out', out, ...run);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('resilience report: --variants: the plan keeps no variants of its own and no variant file was given; there is nothing to compare\n');
  });

  it('explains what is wrong in one sentence', async () => {
    const out = scratch.write('x.pdf', '');
    const prior = process.env.RESILIENCE_CHROMIUM;
    process.env.RESILIENCE_CHROMIUM = '';
    try {
      const pdf = await runCli('report', plan, '--format', 'pdf', '--out', out);
      expect(pdf.code).toBe(2);
      expect(pdf.stderr).toMatch(/^resilience report: --format pdf needs a local Chromium and none is installed/);
    } finally {
      if (prior === undefined) delete process.env.RESILIENCE_CHROMIUM;
      else process.env.RESILIENCE_CHROMIUM = prior;
    }
    expect((await runCli('report', plan, '--format', 'docx', '--out', out)).stderr).toMatch(/^resilience report: --format must be md, html or pdf/);
    expect((await runCli('report', plan, '--format', 'md')).stderr).toContain('--out FILE is required');
    const bad = scratch.write('bad.json', JSON.stringify([{ op: 'replace', path: '/nodes/nope/instances', value: 3 }]));
    const patched = await runCli('report', plan, '--variants', bad, '--format', 'md', '--out', out);
    expect(patched.code).toBe(2);
    expect(patched.stderr).toBe('resilience report: bad.json: operation 1 (replace /nodes/nope/instances): no entry of nodes[] has the id "nope"\n');
  });
});
