#!/usr/bin/env node
// `npm start` needs Electron's binary. The project's .npmrc keeps `npm ci` from running
// dependencies' install scripts (Electron's downloads the binary from a host that many machines
// cannot reach, and a failed download failed the whole install), so it is fetched here, once, on
// first start, with Electron's own installer. Where it cannot be had, one sentence says what to do.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const electronDir = require.resolve('electron/package.json').replace(/package\.json$/, '');
const pathFile = `${electronDir}path.txt`;
const installed = () => existsSync(pathFile) && existsSync(`${electronDir}dist/${readFileSync(pathFile, 'utf8').trim()}`);
if (installed()) process.exit(0);

const NO_BINARY = 'resilience: the Electron binary is not installed and could not be downloaded; `npm run dev` runs the app in a browser instead.';
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.error(NO_BINARY.replace('could not be downloaded', 'ELECTRON_SKIP_BINARY_DOWNLOAD is set'));
  process.exit(1);
}
console.error('resilience: downloading the Electron binary (first start only)…');
// Electron's installer prints a stack trace when the download fails; the sentence below says it all.
const result = spawnSync(process.execPath, [`${electronDir}install.js`], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
if (result.status === 0 && installed()) process.exit(0);
console.error(NO_BINARY);
process.exit(1);
