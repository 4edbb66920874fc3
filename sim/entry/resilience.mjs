#!/usr/bin/env node
// The `resilience` command. It starts from one esbuild bundle of sim/entry/cli/cli.ts: the one
// `npm run build:cli` wrote into dist/cli, or on a fresh clone one bundled on first use into the
// user's cache folder (see cachedBundle.mjs). If no bundle can be had, it says why and exits 1.
//
// The command runs in a child process watched by this one: when V8 runs out of memory it aborts
// the process with a native trace that no JavaScript can catch, so the parent replaces that trace
// with one sentence (RESILIENCE_DEBUG=1 shows it).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { importEntry } from './build/cachedBundle.mjs';

const CHILD_FLAG = 'RESILIENCE_SUPERVISED';

// A reader that stops early (`resilience templates | head -3`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

if (process.env[CHILD_FLAG] === '1' || process.env.RESILIENCE_UNSUPERVISED === '1') {
  let main;
  try {
    ({ main } = await importEntry('cli', fileURLToPath(new URL('./cli/cli.ts', import.meta.url))));
  } catch (error) {
    // esbuild's own report names the file and line of a source that does not bundle.
    const detail = error.errors?.length ? `\n${error.errors.map((e) => `  ${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`).join('\n')}` : '';
    process.stderr.write(`resilience: cannot start: ${error.message.split('\n')[0]}${detail}\n`);
    process.exit(1);
  }
  process.exitCode = await main(process.argv.slice(2));
} else {
  process.exitCode = await supervise();
}

/** Runs this script again as a child; passes stdin/stdout through and filters a fatal trace out of stderr. */
function supervise() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: ['inherit', 'inherit', 'pipe'],
      // The child's stderr is a pipe; it still draws progress when ours is a terminal.
      env: { ...process.env, [CHILD_FLAG]: '1', RESILIENCE_STDERR_TTY: process.stderr.isTTY ? '1' : '' },
    });
    const debug = Boolean(process.env.RESILIENCE_DEBUG);
    let fatal = false;
    let pending = '';
    let blank = 0;
    const FATAL = /^(<--- Last few GCs --->|FATAL ERROR:|#\s*Fatal|# Fatal error|\s*\d+: 0x[0-9a-f]+|----- Native stack trace)/;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        // V8 opens its report with a blank line: hold blank lines until the next one decides.
        if (line === '' && !fatal) {
          blank++;
          continue;
        }
        if (!fatal && FATAL.test(line)) fatal = true;
        if (!fatal || debug) process.stderr.write(`${'\n'.repeat(blank)}${line}\n`);
        blank = 0;
      }
    });
    child.on('error', (error) => {
      process.stderr.write(`resilience: could not start (${error.message}).\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      if (!fatal) process.stderr.write('\n'.repeat(blank) + (FATAL.test(pending) ? '' : pending));
      if (fatal || signal === 'SIGABRT' || code === 134 || code === 133) {
        process.stderr.write('resilience: ran out of memory: the plan or the run is too large for this machine; nothing was written.\n');
        resolve(1);
        return;
      }
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}
