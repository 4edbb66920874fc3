// Where the CLI and its workers start from (sim/entry/build/cachedBundle.mjs): a prebuilt bundle in
// dist/cli when it matches the sources, else one bundled once into the user's cache; bundles of
// other sources are removed only once long unused; a bundling or cache error is thrown, never
// hidden behind a slower start.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPrebuilt, cachedBundle, pruneStale, sourceStamp, userCacheDir } from '../../../sim/entry/build/cachedBundle.mjs';

const entry = (file: string) => fileURLToPath(new URL(`../../../sim/entry/${file}`, import.meta.url));
const made: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'resilience-bundle-test-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cachedBundle', () => {
  it('bundles once into the user cache (not into the install) and reuses it', async () => {
    const cacheDir = join(temp(), 'resilience');
    const noBuild = join(temp(), 'dist-cli');
    const url = await cachedBundle('simulation-worker', entry('pools/simulationWorker.ts'), { cacheDir, prebuiltDir: noBuild });
    const file = fileURLToPath(url);
    expect(file.startsWith(cacheDir)).toBe(true);
    expect(readdirSync(cacheDir)).toEqual([`simulation-worker-${sourceStamp()}-${/-([0-9a-f]{8})\.mjs$/.exec(file)![1]}.mjs`]);
    const first = statSync(file).mtimeMs;
    const again = await cachedBundle('simulation-worker', entry('pools/simulationWorker.ts'), { cacheDir, prebuiltDir: noBuild });
    expect(again.href).toBe(url.href);
    expect(statSync(file).mtimeMs).toBe(first);
  });

  it('uses the prebuilt bundle when its stamp matches the sources, and not when it does not', async () => {
    const prebuiltDir = temp();
    const cacheDir = join(temp(), 'resilience');
    await buildPrebuilt({ cli: entry('cli/cli.ts') }, prebuiltDir);
    expect(fileURLToPath(await cachedBundle('cli', entry('cli/cli.ts'), { cacheDir, prebuiltDir }))).toBe(join(prebuiltDir, 'cli.mjs'));
    expect(existsSync(cacheDir)).toBe(false);
    // The prebuilt bundle runs: its relative links to the sources and packages hold.
    const cli = (await import(join(prebuiltDir, 'cli.mjs'))) as { main(args: string[]): Promise<number> };
    expect(typeof cli.main).toBe('function');
    writeFileSync(join(prebuiltDir, 'manifest.json'), JSON.stringify({ stamp: '0000000000000000', bundles: ['cli'] }));
    expect(fileURLToPath(await cachedBundle('cli', entry('cli/cli.ts'), { cacheDir, prebuiltDir })).startsWith(cacheDir)).toBe(true);
  });

  it('lets a bundling error be seen', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'broken.ts'), 'export const x = ;\n');
    await expect(cachedBundle('broken', join(dir, 'broken.ts'), { cacheDir: join(dir, 'cache'), prebuiltDir: join(dir, 'none') })).rejects.toThrow(/Unexpected ";"/);
  });

  it('names the cache folder and the way out when it cannot write there', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'a-file'), '');
    const cacheDir = join(dir, 'a-file', 'resilience');
    await expect(cachedBundle('simulation-worker', entry('pools/simulationWorker.ts'), { cacheDir, prebuiltDir: join(dir, 'none') })).rejects.toThrow(
      /cannot write the program's bundle to .*a-file.resilience \((ENOTDIR|EEXIST)\); set XDG_CACHE_HOME to a writable folder, or run `npm run build:cli`/,
    );
  });
});

describe('pruneStale', () => {
  it('removes bundles of other sources only after a week unused, never the current one or other programs', () => {
    const dir = temp();
    mkdirSync(dir, { recursive: true });
    const now = Date.now();
    const names = {
      current: 'cli-aaaaaaaaaaaaaaaa-11111111.mjs',
      oldStamp: 'cli-bbbbbbbbbbbbbbbb-11111111.mjs',
      recentStamp: 'cli-cccccccccccccccc-11111111.mjs',
      oldPartial: 'cli-dddddddddddddddd-11111111.mjs.123.abcd1234.tmp',
      otherProgram: 'simulation-worker-bbbbbbbbbbbbbbbb-11111111.mjs',
      unrelated: 'notes.txt',
    };
    for (const name of Object.values(names)) writeFileSync(join(dir, name), 'x');
    const eightDaysAgo = (now - 8 * 24 * 3600 * 1000) / 1000;
    for (const name of [names.current, names.oldStamp, names.oldPartial, names.otherProgram, names.unrelated]) utimesSync(join(dir, name), eightDaysAgo, eightDaysAgo);
    pruneStale(dir, 'cli', names.current, now);
    expect(readdirSync(dir).sort()).toEqual([names.current, names.recentStamp, names.otherProgram, names.unrelated].sort());
  });
});

describe('userCacheDir', () => {
  it('follows XDG_CACHE_HOME everywhere, else each OS convention', () => {
    expect(userCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u')).toBe('/x/cache/resilience');
    expect(userCacheDir({}, 'linux', '/home/u')).toBe('/home/u/.cache/resilience');
    expect(userCacheDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/resilience');
    expect(userCacheDir({ LOCALAPPDATA: 'C:/Users/u/AppData/Local' }, 'win32', 'C:/Users/u')).toBe(join('C:/Users/u/AppData/Local', 'resilience', 'cache'));
  });
});
