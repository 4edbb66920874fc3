#!/usr/bin/env node
// The `resilience` command. It runs the TypeScript sources without a build step: the first run
// bundles sim/entry/cli.ts with esbuild into node_modules/.cache/resilience (rebuilt whenever a
// source file under sim/ changes), which then starts in a fraction of the time and memory of
// compiling every module on the fly. If bundling is impossible it falls back to tsx.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cachedBundle } from './cachedBundle.mjs';

// A reader that stops early (`resilience templates | head -3`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const cliSource = fileURLToPath(new URL('./cli.ts', import.meta.url));
let main;
try {
  // Every module that reads import.meta.url lives in sim/entry: keep their relative paths true.
  ({ main } = await import(await cachedBundle('cli', cliSource, pathToFileURL(cliSource).href)));
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
