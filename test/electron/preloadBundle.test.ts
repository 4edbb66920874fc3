/** The sandboxed preload must be one CommonJS file needing nothing but `electron`; main needs no node_modules either. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { shellBuilds } from '../../electron/buildOptions.mjs';
import { CHANNELS } from '../../electron/shared/channels';
import { useTempFolder } from './tempFolder';

describe('shell build', () => {
  const tempFolder = useTempFolder();

  it('bundles the preload into one small CommonJS file that requires only electron, and main into one file', async () => {
    const outdir = tempFolder();
    for (const options of shellBuilds(outdir)) await build({ ...options, logLevel: 'silent' });
    const preload = readFileSync(join(outdir, 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/\bimport\s*[({"']|\bexport\s/);
    // The schemas (zod) stay in main: the preload only forwards, one channel per request.
    expect(preload.length).toBeLessThan(10_000);
    for (const channel of Object.values(CHANNELS)) expect(preload).toContain(JSON.stringify(channel));
    const main = readFileSync(join(outdir, 'main.cjs'), 'utf8');
    const required = new Set([...main.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    for (const name of required) expect(name === 'electron' || name.startsWith('node:'), name).toBe(true);
  });
});
