#!/usr/bin/env node
// The `resilience` command. It starts from one esbuild bundle of sim/entry/cli.ts: the one
// `npm run build:cli` wrote into dist/cli, or on a fresh clone one bundled on first use into the
// user's cache folder (see cachedBundle.mjs). If no bundle can be had, it says why and exits 1.
import { fileURLToPath } from 'node:url';
import { importEntry } from './cachedBundle.mjs';

// A reader that stops early (`resilience templates | head -3`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

let main;
try {
  ({ main } = await importEntry('cli', fileURLToPath(new URL('./cli.ts', import.meta.url))));
} catch (error) {
  // esbuild's own report names the file and line of a source that does not bundle.
  const detail = error.errors?.length ? `\n${error.errors.map((e) => `  ${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`).join('\n')}` : '';
  process.stderr.write(`resilience: cannot start: ${error.message.split('\n')[0]}${detail}\n`);
  process.exit(1);
}
process.exitCode = await main(process.argv.slice(2));
