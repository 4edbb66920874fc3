#!/usr/bin/env node
// `npm run build:cli`: bundles the CLI, the simulation worker and the bench into dist/cli, stamped
// with the sources they came from (see cachedBundle.mjs). Packaging and container images run it, so
// an install that cannot write anywhere still starts from a bundle. Errors fail the build.
import { fileURLToPath } from 'node:url';
import { buildPrebuilt, PREBUILT_DIR } from './cachedBundle.mjs';

const source = (file) => fileURLToPath(new URL(file, import.meta.url));
const started = performance.now();
await buildPrebuilt({ cli: source('../cli/cli.ts'), 'simulation-worker': source('../pools/simulationWorker.ts'), bench: source('../bench/bench.ts') });
console.log(`resilience: bundles written to ${PREBUILT_DIR} in ${Math.round(performance.now() - started)} ms`);
