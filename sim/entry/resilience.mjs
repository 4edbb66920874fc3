#!/usr/bin/env node
// The `resilience` command. It runs the TypeScript sources without a build step: the first run
// bundles sim/entry/cli.ts with esbuild into node_modules/.cache/resilience (rebuilt whenever a
// source file under sim/ changes), which then starts in a fraction of the time and memory of
// compiling every module on the fly. If bundling is impossible it falls back to tsx.
import { fileURLToPath } from 'node:url';
import { importEntry } from './cachedBundle.mjs';

// A reader that stops early (`resilience templates | head -3`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const { main } = await importEntry('cli', fileURLToPath(new URL('./cli.ts', import.meta.url)));
process.exitCode = await main(process.argv.slice(2));
