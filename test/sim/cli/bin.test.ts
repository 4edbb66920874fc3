// The installed command itself: `node sim/entry/resilience.mjs` starts from its bundle,
// exits with the documented codes and never prints a stack trace. Few spawns (each costs a start);
// every other CLI behaviour is tested in-process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceStamp } from '../../../sim/entry/build/cachedBundle.mjs';
import { EXAMPLE_PATH } from '../model/planFixtures';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function resilience(...args: string[]) {
  const run = spawnSync(process.execPath, ['sim/entry/resilience.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, RESILIENCE_DEBUG: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the resilience bin', () => {
  it('validates a valid plan: exit 0 and the summary line', () => {
    const run = resilience('validate', EXAMPLE_PATH);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^✓ plan-format-example\.plan\.json: "Two regions, active-passive" is valid — 2 regions, 10 nodes, 8 edges/);
  });

  it('refuses a missing file: exit 2, one sentence, no stack trace', () => {
    const run = resilience('validate', 'no/such/plan.json');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('resilience: cannot read "no/such/plan.json": no such file.\n');
    expect(run.stderr).not.toContain('    at ');
  });

  it('treats a reader that stops early as success, not an EPIPE crash', () => {
    // `true` has closed the pipe long before node has started and writes: the write meets EPIPE.
    const run = spawnSync('bash', ['-c', `"${process.execPath}" sim/entry/resilience.mjs templates | true; echo "exit=\${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('exit=0');
  });

  it('runs from a bundle of the sources: the prebuilt one when it matches, else one in the user cache, never in the install', () => {
    const cache = mkdtempSync(join(tmpdir(), 'resilience-bin-cache-'));
    try {
      const run = spawnSync(process.execPath, ['sim/entry/resilience.mjs', '--version'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, XDG_CACHE_HOME: cache } });
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      const inCache = existsSync(join(cache, 'resilience')) ? readdirSync(join(cache, 'resilience')).filter((name) => /^cli-[0-9a-f]{16}-[0-9a-f]{8}\.mjs$/.test(name)) : [];
      const manifest = join(ROOT, 'dist', 'cli', 'manifest.json');
      const prebuiltMatches = existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { stamp: string }).stamp === sourceStamp();
      expect(inCache).toHaveLength(prebuiltMatches ? 0 : 1);
      expect(existsSync(join(ROOT, 'node_modules', '.cache', 'resilience', `cli-${sourceStamp()}.mjs`))).toBe(false);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('replaces a V8 out-of-memory abort with one sentence (exit 1), never the native trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resilience-oom-'));
    try {
      const nodes = [{ id: 'users', kind: 'clients' }, ...Array.from({ length: 100_000 }, (_, i) => ({ id: `g${i}`, kind: 'gateway' }))];
      const file = join(dir, 'big.plan.json');
      writeFileSync(file, JSON.stringify({ schemaVersion: 1, name: 'big', nodes, edges: [] }));
      resilience('--version'); // the bundle is cached before the heap is squeezed
      // A heap far too small for a 100,000-node plan: V8 aborts the child; the bin reports it.
      const run = spawnSync(process.execPath, ['sim/entry/resilience.mjs', 'validate', file], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, RESILIENCE_DEBUG: '', NODE_OPTIONS: '--max-old-space-size=24' },
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('resilience: ran out of memory: the plan or the run is too large for this machine; nothing was written.\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
