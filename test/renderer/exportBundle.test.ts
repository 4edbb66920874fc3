// The Export dialog's logic without a browser: a plan with errors is not exported (its errors come
// back), each file gets its highlighting language, and the zip holds exactly the files, the same
// bytes for the same export.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bundleName, languageOf, previewExport, zipFiles } from '../../renderer/export/exportBundle';
import { getTemplate } from '../../sim/templates';

describe('export bundle', () => {
  const plan = getTemplate('two-region-active-passive')!.plan;

  it('exports a valid plan with every registered format and refuses one with errors', () => {
    for (const id of ['terraform', 'cloudformation', 'kubernetes', 'compose', 'fis', 'chaostoolkit']) {
      const p = previewExport(plan, id);
      expect(p.ok, id).toBe(true);
      if (p.ok) expect(p.result.files.length).toBeGreaterThan(0);
    }
    const broken = { ...plan, edges: [...plan.edges, { kind: 'traffic' as const, from: 'gw-east', to: 'nowhere' }] };
    const refused = previewExport(broken, 'kubernetes');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.some((e) => e.message.includes('nowhere'))).toBe(true);
  });

  it('picks a highlighting language by file name', () => {
    expect(['a/b.yaml', 'c.json', 'README.md', '.env', 'main.tf', 'x.txt'].map(languageOf)).toEqual(['yaml', 'json', 'markdown', 'ini', 'ini', 'plaintext']);
  });

  it('zips the files under one folder, byte-identical for the same export', () => {
    const p = previewExport(plan, 'kubernetes');
    if (!p.ok) throw new Error('expected a valid plan');
    const name = bundleName(plan.name, 'kubernetes');
    expect(name).toBe('two-regions-active-passive-kubernetes');
    const zip = zipFiles(p.result.files, name);
    expect(zipFiles(p.result.files, name)).toEqual(zip);
    const back = unzipSync(zip);
    expect(Object.keys(back).sort()).toEqual(p.result.files.map((f) => `${name}/${f.path}`).sort());
    for (const f of p.result.files) expect(strFromU8(back[`${name}/${f.path}`]!)).toBe(f.content);
  });
});
