import type { BuildOptions } from 'esbuild';
/** See buildOptions.mjs: the esbuild options of main and the sandboxed preload. */
export function shellBuilds(outdir: string): BuildOptions[];
