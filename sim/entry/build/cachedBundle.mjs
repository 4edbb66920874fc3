// Where the CLI, the simulation worker and the bench start from: one esbuild bundle per TypeScript
// entry point of sim/, found in this order:
//   1. dist/cli/, written by `npm run build:cli` (packaging and images call it), used when its
//      manifest's stamp equals the sources' stamp, so edited sources never run a stale bundle;
//   2. the user's cache ($XDG_CACHE_HOME/resilience, ~/.cache/resilience, ~/Library/Caches/resilience,
//      %LOCALAPPDATA%\resilience\cache), bundled there on first use — so a read-only install (a
//      global install, an image, another user's checkout) starts as fast as a writable one.
// A bundling or cache-writing error is thrown with its cause: never a silent slow path.
// Plain JavaScript, because the `resilience` bin must run before anything TypeScript can load.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const PREBUILT_DIR = join(ROOT, 'dist', 'cli');
/** Bundles of other source stamps are removed once this old; never sooner, as a run started before an edit may still load its worker. */
const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;

/** The per-user cache folder for this program (the OS convention; XDG_CACHE_HOME wins everywhere). */
export function userCacheDir(env = process.env, platform = process.platform, home = homedir()) {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'resilience');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'resilience', 'cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'resilience');
  return join(home, '.cache', 'resilience');
}

function stampSources(dir, hash) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) stampSources(path, hash);
    else if (/\.(ts|json|mjs)$/.test(entry.name)) {
      // Contents, not modification times, and paths relative to the root: a copy of the tree (a
      // packed install, an image) has the stamp it was built with. About 5 ms for sim/.
      hash.update(`${relative(ROOT, path).split(sep).join('/')}\0`);
      hash.update(readFileSync(path));
      hash.update('\0');
    }
  }
}

let stamp;
/** Changes whenever any source under sim/ or package.json changes; computed once per process. */
export function sourceStamp() {
  if (stamp === undefined) {
    const hash = createHash('sha256');
    stampSources(join(ROOT, 'sim'), hash);
    hash.update(readFileSync(join(ROOT, 'package.json')));
    stamp = hash.digest('hex').slice(0, 16);
  }
  return stamp;
}

/**
 * esbuild options for `entry`. The bundle's import.meta.url is the entry's own URL (relative paths
 * in the sources — package.json, the worker, simjs — stay true), written relative to the bundle in
 * dist/cli (the tree moves as one) and absolute in the user cache. There, bare imports of packages
 * are resolved to this install's files too, since the cache folder has no node_modules beside it.
 * This file itself stays outside every bundle, so its own import.meta is always its own.
 */
function bundleOptions(entry, bundleDir, absolute) {
  const link = (file) => (absolute ? pathToFileURL(file).href : relative(bundleDir, file).split(sep).join('/'));
  const entryUrl = absolute ? JSON.stringify(link(entry)) : `new URL(${JSON.stringify(link(entry))}, import.meta.url).href`;
  const self = fileURLToPath(import.meta.url);
  const keepOutside = {
    name: 'keep-outside-bundle',
    setup(build) {
      build.onResolve({ filter: /cachedBundle\.mjs$/ }, (args) => {
        const file = join(args.resolveDir, args.path);
        if (file !== self) return undefined;
        const path = link(file);
        return { path: absolute || path.startsWith('.') ? path : `./${path}`, external: true };
      });
      if (!absolute) return;
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        return { path: import.meta.resolve(args.path), external: true };
      });
    },
  };
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    packages: 'external',
    banner: { js: `const __resilienceEntryUrl = ${entryUrl};` },
    define: { 'import.meta.url': '__resilienceEntryUrl' },
    plugins: [keepOutside],
  };
}

async function bundleText(entry, bundleDir, absolute) {
  const esbuild = await import('esbuild');
  const built = await esbuild.build(bundleOptions(entry, bundleDir, absolute));
  return built.outputFiles[0].text;
}

/** Writes `text` to `file` so that no reader ever sees part of it: a temporary file, fsync, rename. */
function writeAtomically(file, text) {
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(partial, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
}

/** Removes bundles of `name` for other stamps, but only long-unused ones: a concurrent run may be loading a recent one. */
export function pruneStale(dir, name, keep, now = Date.now()) {
  const pattern = new RegExp(`^${name}-[0-9a-f]{16}-[0-9a-f]{8}\\.mjs(\\.[^.]+\\.[^.]+\\.tmp)?$`);
  for (const file of readdirSync(dir)) {
    if (file === keep || !pattern.test(file)) continue;
    try {
      if (now - statSync(join(dir, file)).mtimeMs > STALE_AFTER_MS) unlinkSync(join(dir, file));
    } catch {
      // Another run pruned it first.
    }
  }
}

function prebuiltBundle(name, dir) {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const file = join(dir, `${name}.mjs`);
    if (manifest.stamp === sourceStamp() && existsSync(file)) return file;
  } catch {
    // No build: bundle into the user's cache instead.
  }
  return null;
}

/**
 * The URL of a bundle of `entry` (an absolute .ts path): the prebuilt one when it matches the
 * sources, else the user-cache one, bundled now if missing. Throws with the cause when esbuild
 * fails or the cache cannot be written.
 */
export async function cachedBundle(name, entry, { cacheDir = userCacheDir(), prebuiltDir = PREBUILT_DIR } = {}) {
  const prebuilt = prebuiltBundle(name, prebuiltDir);
  if (prebuilt) return pathToFileURL(prebuilt);
  // The install's location is part of the name: the bundle holds absolute paths into it.
  const installTag = createHash('sha256').update(ROOT).digest('hex').slice(0, 8);
  const fileName = `${name}-${sourceStamp()}-${installTag}.mjs`;
  const file = join(cacheDir, fileName);
  if (!existsSync(file)) {
    const text = await bundleText(entry, cacheDir, true);
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeAtomically(file, text);
    } catch (error) {
      throw new Error(
        `cannot write the program's bundle to ${cacheDir} (${error.code ?? error.message}); set XDG_CACHE_HOME to a writable folder, or run \`npm run build:cli\` in ${ROOT}`,
        { cause: error },
      );
    }
    pruneStale(cacheDir, name, fileName);
  }
  return pathToFileURL(file);
}

/** Writes the prebuilt bundles of `entries` ({name: absolute .ts path}) and their manifest into dist/cli. */
export async function buildPrebuilt(entries, outDir = PREBUILT_DIR) {
  mkdirSync(outDir, { recursive: true });
  for (const [name, entry] of Object.entries(entries)) writeAtomically(join(outDir, `${name}.mjs`), await bundleText(entry, outDir, false));
  // The manifest last: a half-finished build is never taken for a complete one.
  writeAtomically(join(outDir, 'manifest.json'), `${JSON.stringify({ stamp: sourceStamp(), bundles: Object.keys(entries) }, null, 2)}\n`);
}

/** Imports the TypeScript entry point `entry` (absolute path) from its bundle. Bin scripts start this way. */
export async function importEntry(name, entry) {
  return import((await cachedBundle(name, entry)).href);
}
