#!/usr/bin/env node
// `npm start` needs Electron's binary. npm 11 skips dependencies' install scripts unless allowed, so
// on a fresh machine the binary may be missing: fetch it once with Electron's own installer.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const electronDir = require.resolve('electron/package.json').replace(/package\.json$/, '');
const pathFile = `${electronDir}path.txt`;
if (existsSync(pathFile) && existsSync(`${electronDir}dist/${readFileSync(pathFile, 'utf8').trim()}`)) process.exit(0);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.error('resilience: the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set; use `npm run dev` to run the app in a browser.');
  process.exit(1);
}
const result = spawnSync(process.execPath, [`${electronDir}install.js`], { stdio: 'inherit' });
process.exit(result.status ?? 1);
