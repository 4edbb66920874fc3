// The installed command itself: `node sim/entry/resilience.mjs` starts through tsx, exits with
// the documented codes and never prints a stack trace. Two spawns only (each costs tsx's start-up);
// every other CLI behaviour is tested in-process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
});
