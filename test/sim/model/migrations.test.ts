// The migration hook keyed on schemaVersion: an injected table carries old documents forward step
// by step, a newer version is refused with a sentence, and the loader reports what it migrated.
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../../sim/model/io';
import { MIGRATIONS, migratePlan, type Migration } from '../../../sim/model/migrations';
import { SCHEMA_VERSION } from '../../../sim/model/schema';
import { validatePlan } from '../../../sim/model/validate';
import { example } from './planFixtures';

/** A made-up version 0 in which edges were called "links" and used "source"/"target". */
const V0_TO_V1: Migration = (doc) => {
  const { links, ...rest } = doc as { links?: { source: string; target: string }[] } & Record<string, unknown>;
  return { ...rest, edges: (links ?? []).map((l) => ({ kind: 'traffic', from: l.source, to: l.target })) };
};

function v0Document(): Record<string, unknown> {
  const plan = example();
  const { edges, ...rest } = plan;
  const traffic = (edges as { kind: string; from: string; to: string }[]).filter((e) => e.kind === 'traffic');
  return { ...rest, schemaVersion: 0, links: traffic.map((e) => ({ source: e.from, target: e.to })) };
}

describe('migratePlan', () => {
  it('ships an empty table while version 1 is the only format', () => {
    expect(SCHEMA_VERSION).toBe(1);
    expect(Object.keys(MIGRATIONS)).toEqual([]);
  });

  it('migrates v0 to v1 through an injected table and reports where it started', () => {
    const outcome = migratePlan(v0Document(), { 0: V0_TO_V1 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.migratedFrom).toBe(0);
    expect(outcome.doc.schemaVersion).toBe(1);
    expect(outcome.doc).not.toHaveProperty('links');
    const result = validatePlan(outcome.doc);
    expect(result.errors.map((e) => e.code)).toEqual([]);
    expect(result.plan?.edges).toHaveLength(7);
    expect(result.plan?.edges[0]).toEqual({ kind: 'traffic', from: 'users', to: 'dns' });
  });

  it('runs every step in order from an older version (v0 → v1 → v2 with current version 2)', () => {
    const calls: number[] = [];
    const table: Record<number, Migration> = {
      0: (d) => (calls.push(0), { ...d, trail: ['0→1'] }),
      1: (d) => (calls.push(1), { ...d, trail: [...(d.trail as string[]), '1→2'] }),
    };
    const outcome = migratePlan({ schemaVersion: 0 }, table, 2);
    expect(calls).toEqual([0, 1]);
    expect(outcome).toEqual({ ok: true, doc: { schemaVersion: 2, trail: ['0→1', '1→2'] }, migratedFrom: 0 });
  });

  it('leaves a current document alone', () => {
    const doc = example();
    const outcome = migratePlan(doc, { 0: V0_TO_V1 });
    expect(outcome).toEqual({ ok: true, doc, migratedFrom: undefined });
  });

  it('refuses a newer version with a sentence naming both versions', () => {
    const outcome = migratePlan({ ...example(), schemaVersion: 7 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toMatch(/newer/);
    expect(outcome.message).toContain('schemaVersion 7');
    expect(outcome.message).toContain(`up to ${SCHEMA_VERSION}`);
  });

  it('refuses an older version when a step is missing', () => {
    const outcome = migratePlan({ schemaVersion: 0 }, {});
    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('schemaVersion 0 to 1') });
  });

  it('leaves a missing or non-integer version to the schema, which names the field', () => {
    for (const schemaVersion of [undefined, '1', 1.5, null]) {
      const doc = { ...example(), schemaVersion };
      expect(migratePlan(doc, { 0: V0_TO_V1 })).toEqual({ ok: true, doc, migratedFrom: undefined });
    }
  });
});

describe('loadPlanText and migration', () => {
  it('reports migratedFrom when its migration table migrates a document', () => {
    const loaded = loadPlanText(JSON.stringify(v0Document()), { 0: V0_TO_V1 });
    expect(loaded.errors).toEqual([]);
    expect(loaded.ok).toBe(true);
    expect(loaded.migratedFrom).toBe(0);
    expect(loaded.plan?.schemaVersion).toBe(1);
  });

  it('validates what the migration produced (a broken step yields ordinary errors, not a throw)', () => {
    const loaded = loadPlanText(JSON.stringify(v0Document()), { 0: ({ links: _links, ...d }) => ({ ...d, edges: 'none' }) });
    expect(loaded.ok).toBe(false);
    expect(loaded.migratedFrom).toBe(0);
    expect(loaded.errors.map((e) => [e.code, e.path])).toEqual([['wrong-type', 'edges']]);
  });

  it('does not report migratedFrom for a current document', () => {
    const loaded = loadPlanText(JSON.stringify(example()));
    expect(loaded.ok).toBe(true);
    expect(loaded).not.toHaveProperty('migratedFrom');
  });

  it('turns a refused migration into one unsupported-version error at schemaVersion', () => {
    for (const [version, words] of [[2, 'newer'], [0, 'schemaVersion 0']] as const) {
      const loaded = loadPlanText(JSON.stringify({ ...example(), schemaVersion: version }));
      expect(loaded.ok).toBe(false);
      expect(loaded.errors.map((e) => [e.code, e.path])).toEqual([['unsupported-version', 'schemaVersion']]);
      expect(loaded.errors[0]!.message).toContain(words);
    }
  });
});
