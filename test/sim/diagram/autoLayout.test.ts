import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { autoLayout, withLayout } from '../../../sim/diagram/autoLayout';
import type { Plan } from '../../../sim/model/schema';
import { TEMPLATES } from '../../../sim/templates';
import { layoutProblems } from './layoutChecks';

/** The templates as they were before layout, with positions and region sizes taken out. */
const ORIGINAL = JSON.parse(readFileSync(new URL('../../fixtures/templates-without-positions.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function withoutPositions(plan: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(plan)) as { regions?: Record<string, unknown>[]; nodes: Record<string, unknown>[] };
  for (const r of copy.regions ?? []) {
    delete r.position;
    delete r.size;
  }
  for (const n of copy.nodes) delete n.position;
  return copy;
}

describe('auto-layout', () => {
  for (const template of TEMPLATES) {
    it(`lays out ${template.name} with no overlaps and changes nothing but positions`, async () => {
      const laid = withLayout(template.plan, await autoLayout(template.plan));
      expect(layoutProblems(laid)).toEqual([]);
      expect(withoutPositions(laid)).toEqual(withoutPositions(template.plan));
    });
  }

  it('puts traffic top to bottom and regions side by side', async () => {
    const plan = TEMPLATES.find((t) => t.name === 'two-region-active-passive')!.plan;
    const laid = withLayout(plan, await autoLayout(plan));
    const at = (id: string) => laid.nodes.find((n) => n.id === id)!.position!;
    expect(at('users').y).toBeLessThan(at('dns').y);
    expect(at('dns').y).toBeLessThan(at('lb-east').y);
    expect(at('lb-east').y).toBeLessThan(at('gw-east').y);
    expect(at('gw-east').y).toBeLessThan(at('db-east').y);
    const [east, west] = laid.regions.map((r) => r.position!);
    expect(east!.y).toBe(west!.y);
    expect(east!.x).toBeLessThan(west!.x);
    // The replica sits level with its primary, so replication runs across.
    expect(at('db-west').y).toBe(at('db-east').y);
  });

  it('handles an empty plan and a plan without regions', async () => {
    const empty: Plan = { schemaVersion: 1, name: 'e', regions: [], nodes: [], edges: [] };
    expect(await autoLayout(empty)).toEqual({ nodes: {}, regions: {} });
    const flat: Plan = {
      schemaVersion: 1,
      name: 'f',
      regions: [],
      nodes: [
        { id: 'c', kind: 'clients' },
        { id: 's', kind: 'service' },
        { id: 's2', kind: 'service' },
      ],
      edges: [{ kind: 'traffic', from: 'c', to: 's' }],
    };
    const laid = withLayout(flat, await autoLayout(flat));
    expect(layoutProblems(laid)).toEqual([]);
  });
});

describe('bundled templates', () => {
  for (const template of TEMPLATES) {
    it(`${template.name} has no overlapping cards and the same content as before it was re-laid`, () => {
      expect(layoutProblems(template.plan)).toEqual([]);
      const file = `${template.name}.plan.json`;
      const raw = JSON.parse(readFileSync(new URL(`../../../sim/templates/${file}`, import.meta.url), 'utf8')) as unknown;
      expect(withoutPositions(raw)).toEqual(ORIGINAL[file]);
    });
  }
});
