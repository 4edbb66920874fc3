// `resilience templates`: one line per bundled template, name first; `templates show <name>`
// prints a plan file that loads and validates; an unknown name exits 2.
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../../sim/model/io';
import { TEMPLATES } from '../../../sim/templates';
import { lines, runCli, STACK_LINE } from './cliHarness';

describe('resilience templates', () => {
  it('lists every template, one per line, name first then its description', async () => {
    const run = await runCli('templates');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const out = lines(run.stdout);
    expect(out).toHaveLength(TEMPLATES.length);
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(9);
    out.forEach((line, i) => {
      const template = TEMPLATES[i]!;
      expect(line.split(/\s+/)[0]).toBe(template.name);
      expect(line.endsWith(template.description)).toBe(true);
    });
  });

  it.each(TEMPLATES.map((t) => [t.name] as const))('templates show %s prints a valid plan file', async (name) => {
    const run = await runCli('templates', 'show', name);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    const loaded = loadPlanText(run.stdout);
    expect(loaded.errors).toEqual([]);
    expect(loaded.ok).toBe(true);
    expect(loaded.plan).toEqual(TEMPLATES.find((t) => t.name === name)!.plan);
  });

  it('templates show <unknown> exits 2 naming the known templates', async () => {
    const run = await runCli('templates', 'show', 'warm-stanby');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('"warm-stanby"');
    expect(run.stderr).toContain(TEMPLATES[0]!.name);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('templates show without a name, or an unknown subcommand, is a usage error (exit 2)', async () => {
    for (const args of [['show'], ['list'], ['show', 'a', 'b']]) {
      const run = await runCli('templates', ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^resilience templates: .+ Run "resilience templates --help"\.\n$/);
    }
  });
});
