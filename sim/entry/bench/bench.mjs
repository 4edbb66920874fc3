// `npm run bench` starts here: the benchmark runs from the same cached bundle as the `resilience`
// command (see cachedBundle.mjs), so it measures what users run, not tsx's on-the-fly compiler.
import { fileURLToPath } from 'node:url';
import { importEntry } from '../build/cachedBundle.mjs';

await importEntry('bench', fileURLToPath(new URL('./bench.ts', import.meta.url)));
