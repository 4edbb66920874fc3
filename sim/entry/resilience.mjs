#!/usr/bin/env node
// The `resilience` command. It runs the TypeScript sources without a build step: the first run
// bundles sim/entry/cli.ts with esbuild into node_modules/.cache/resilience (rebuilt whenever a
// source file under sim/ changes), which then starts in a fraction of the time and memory of
// compiling every module on the fly. If bundling is impossible it falls back to tsx.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const cacheDir = join(root, 'node_modules', '.cache', 'resilience');

/** Names, sizes and times of every source under sim/: any edit gives a new bundle. */
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

async function bundledCli() {
  const hash = createHash('sha256');
  stampSources(join(root, 'sim'), hash);
  hash.update(readFileSync(join(root, 'package.json')));
  const file = join(cacheDir, `cli-${hash.digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    const esbuild = await import('esbuild');
    const built = await esbuild.build({
      entryPoints: [join(here, 'cli.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      // Dependencies load from node_modules as usual; only the project's own sources are bundled.
      packages: 'external',
      // Every module that reads import.meta.url lives in sim/entry: keep their relative paths true.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(here, 'cli.ts')).href) },
    });
    mkdirSync(cacheDir, { recursive: true });
    for (const old of readdirSync(cacheDir)) if (/^cli-.*\.mjs$/.test(old)) unlinkSync(join(cacheDir, old));
    // Write then rename, so a concurrent run never imports a half-written file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, built.outputFiles[0].text);
    renameSync(partial, file);
  }
  return pathToFileURL(file).href;
}

// A reader that stops early (`resilience templates | head -3`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

let main;
try {
  ({ main } = await import(await bundledCli()));
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
