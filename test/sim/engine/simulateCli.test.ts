// The `resilience simulate` contract: one JSON object on stdout with the documented fields, the same
// result for --workers 1 and 2 (all but wallSeconds), exit 2 with one sentence for bad input, and a
// refusal naming what the engine cannot simulate yet.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../sim/entry/resilience.mjs', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/engine/single-region-core.plan.json', import.meta.url));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'simulate', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'resilience-simulate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resilience simulate', () => {
  it('--json prints one object with the contract fields, identical for 1 and 2 workers', () => {
    const one = cli(FIXTURE, '--json', '--workers', '1', '--replications', '6', '--years', '4', '--seed', '11');
    const two = cli(FIXTURE, '--json', '--workers', '2', '--replications', '6', '--years', '4', '--seed', '11');
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(one.stdout.trim().split('\n')).toHaveLength(1);
    const a = JSON.parse(one.stdout);
    const b = JSON.parse(two.stdout);
    expect(a.wallSeconds).toBeGreaterThan(0);
    delete a.wallSeconds;
    delete b.wallSeconds;
    expect(b).toEqual(a);
    expect(a.replications).toBe(6);
    expect(a.horizonYears).toBe(4);
    expect(a.seed).toBe(11);
    for (const key of ['requestWeighted', 'timeWeighted']) {
      expect(typeof a.availability[key].mean).toBe('number');
      expect(a.availability[key].ci95).toHaveLength(2);
    }
    expect(a.downtimeMinutesPerYear.ci95[0]).toBeLessThanOrEqual(a.downtimeMinutesPerYear.mean);
    expect(Object.keys(a.incidents)).toEqual(expect.arrayContaining(['count', 'perYear']));
    expect(Object.keys(a.rtoSeconds).sort()).toEqual(['count', 'max', 'mean', 'min', 'p50', 'p95', 'p99']);
    expect(a.rpoSeconds).toEqual({ count: 0, mean: null, min: null, p50: null, p95: null, p99: null, max: null });
    expect(a.objectives.availability).toEqual({ target: 0.999, value: a.availability.requestWeighted.mean, met: a.availability.requestWeighted.mean >= 0.999 });
    expect(a.objectives.rtoSeconds.target).toBe(300);
    expect(a.events).toBeGreaterThan(0);
  });

  it('prints a readable summary by default', () => {
    const r = cli(FIXTURE, '--replications', '3', '--years', '2', '--workers', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Availability, requests served\s+\d+\.\d+ %/);
    expect(r.stdout).toMatch(/Objective availability/);
  });

  it('bad input exits 2 with one sentence and no stack trace', () => {
    const bad = join(dir, 'bad.plan.json');
    writeFileSync(bad, '{ "schemaVersion": 1, "name": "x", "nodes": [ { "id": "a", "kind": "clients", "requestsPerSecond": -3 } ] }');
    for (const args of [[join(dir, 'missing.json')], [bad], [FIXTURE, '--replications', '0'], [FIXTURE, '--bogus']]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('simulates every part of a valid plan: a deep balancer check runs', () => {
    // Nothing a valid plan can contain is refused any more (deep balancer checks used to be).
    const file = join(dir, 'deep-check.plan.json');
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        name: 'deep balancer check',
        nodes: [
          { id: 'users', kind: 'clients' },
          { id: 'lb', kind: 'loadBalancer', healthCheck: { deep: true } },
          { id: 'gw', kind: 'gateway', instances: 2 },
        ],
        edges: [
          { kind: 'traffic', from: 'users', to: 'lb' },
          { kind: 'traffic', from: 'lb', to: 'gw' },
        ],
      }),
    );
    const r = cli(file, '--json', '--replications', '2', '--years', '1');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
  });
});
