#!/usr/bin/env node
// Builds the main process and the preload script into dist/electron with esbuild (options in
// buildOptions.mjs); the renderer is built by renderer/vite.config.ts into dist/renderer.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shellBuilds } from './buildOptions.mjs';

const outdir = fileURLToPath(new URL('../dist/electron', import.meta.url));
rmSync(outdir, { recursive: true, force: true });
for (const options of shellBuilds(outdir)) await build(options);
console.log(`desktop shell built into ${outdir}`);
