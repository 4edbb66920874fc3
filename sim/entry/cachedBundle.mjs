// One esbuild bundle of a TypeScript entry point of sim/, cached in node_modules/.cache/resilience
// under a stamp of every source of sim/ (names, sizes, modification times) and package.json. The
// stamp costs a few milliseconds, so a cached start skips loading esbuild and bundling (about
// 100 ms) — the CLI and the simulation workers both start this way. Plain JavaScript, because the
// `resilience` bin must run before anything TypeScript can load.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'resilience');

function stampSources(dir, hash) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) stampSources(path, hash);
    else if (/\.(ts|json|mjs)$/.test(entry.name)) {
      const { size, mtimeMs } = statSync(path);
      hash.update(`${path}\0${size}\0${mtimeMs}\n`);
    }
  }
}

let stamp;
/** Changes whenever any source under sim/ or package.json changes; computed once per process. */
function sourceStamp() {
  if (stamp === undefined) {
    const hash = createHash('sha256');
    stampSources(join(ROOT, 'sim'), hash);
    hash.update(readFileSync(join(ROOT, 'package.json')));
    stamp = hash.digest('hex').slice(0, 16);
  }
  return stamp;
}

/**
 * The URL of `<name>-<stamp>.mjs`, bundled from `entry` (an absolute .ts path) if not cached yet.
 * Dependencies stay external (they load from node_modules as usual). `importMetaUrl`, when given,
 * replaces import.meta.url in the bundle so that paths relative to the entry's folder stay true.
 * Throws when esbuild is missing or the sources do not bundle: callers fall back to tsx.
 */
export async function cachedBundle(name, entry, importMetaUrl) {
  const file = join(CACHE_DIR, `${name}-${sourceStamp()}.mjs`);
  if (!existsSync(file)) {
    const esbuild = await import('esbuild');
    const built = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      packages: 'external',
      ...(importMetaUrl ? { define: { 'import.meta.url': JSON.stringify(importMetaUrl) } } : {}),
    });
    mkdirSync(CACHE_DIR, { recursive: true });
    const stale = new RegExp(`^${name}-[0-9a-f]{16}\\.mjs$`);
    for (const old of readdirSync(CACHE_DIR)) if (stale.test(old)) unlinkSync(join(CACHE_DIR, old));
    // Write then rename, so a concurrent start never imports a half-written file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, built.outputFiles[0].text);
    renameSync(partial, file);
  }
  return pathToFileURL(file);
}

/**
 * Imports the TypeScript entry point `entry` (absolute path) from its cached bundle, or through tsx
 * when it cannot be bundled. Bin scripts start this way.
 */
export async function importEntry(name, entry) {
  try {
    return await import((await cachedBundle(name, entry, pathToFileURL(entry).href)).href);
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return import(pathToFileURL(entry).href);
  }
}
