#!/usr/bin/env node
// `npm run dev:desktop`: the desktop shell around the Vite dev server (hot reload), instead of the
// built renderer on app://. Main trusts the dev server's origin only when started this way and
// never when packaged (see electron/main/appUrl.ts).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await createServer({ configFile: fileURLToPath(new URL('../renderer/vite.config.ts', import.meta.url)), server: { host: 'localhost' } });
await server.listen();
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('the Vite dev server did not report its address');
// The electron package's main export is the path of its binary.
const electronBinary = createRequire(import.meta.url)('electron');
const child = spawn(electronBinary, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, RESILIENCE_DEV_SERVER_URL: url } });
child.on('exit', async (code) => {
  await server.close();
  process.exit(code ?? 0);
});
