#!/usr/bin/env node
// Builds the main process and the preload script into dist/electron with esbuild. The preload
// runs sandboxed, where require() offers only a few built-in modules: it must be one CommonJS file
// with everything but `electron` inlined. Main is bundled the same way, so the packaged app needs
// no node_modules (the renderer is built by renderer/vite.config.ts into dist/renderer).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outdir = here('../dist/electron');
rmSync(outdir, { recursive: true, force: true });
const common = { bundle: true, format: 'cjs', external: ['electron'], outExtension: { '.js': '.cjs' }, outdir, logLevel: 'warning', legalComments: 'none' };
await build({ ...common, entryPoints: { main: here('main/main.ts') }, platform: 'node', target: 'node22' });
// The sandboxed preload has no Node built-ins: built for the browser platform, so none can slip in.
await build({ ...common, entryPoints: { preload: here('preload/preload.ts') }, platform: 'browser', target: 'chrome130' });
console.log(`desktop shell built into ${outdir}`);
