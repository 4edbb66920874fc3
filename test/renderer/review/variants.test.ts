// Designs side by side: a variant saved from the canvas is a JSON Patch that gives back the edited
// plan (ids in paths where an entry exists), the readable diff names entries by id and skips
// drawing, editing/saving/removing variants in the store, and the scatter's front and objectives.
import { describe, expect, it } from 'vitest';
import { applyVariant, compareDesigns, designsWithVariants } from '../../../sim/analysis/compare';
import type { ReplicationRunner } from '../../../sim/analysis/design';
import { accumulateReplications, pairedRecordOf, type PairedRecord } from '../../../sim/engine/monteCarlo';
import type { Plan } from '../../../sim/model/schema';
import { validatePlan } from '../../../sim/model/validate';
import { getTemplate } from '../../../sim/templates';
import { createEditorStore } from '../../../renderer/store/createEditorStore';
import { useReview } from '../../../renderer/review/reviewStore';
import { discardVariantEdits, freshVariantName, removeVariant, saveVariant, startEditVariant, startNewVariant } from '../../../renderer/review/variantActions';
import { objectivesSummary, paretoPoints, patchBetween, readableDiff, showValue, NINES_CAP } from '../../../renderer/review/variantShape';

const template = (): Plan => structuredClone(getTemplate('two-region-active-passive')!.plan);
const strip = (p: Plan) => {
  const { variants: _v, ...rest } = p;
  return rest;
};

describe('variant patches and diffs', () => {
  it('patchBetween gives a patch that turns the base into the edited plan, naming entries by id', () => {
    const base = template();
    const edited = template();
    const gw = edited.nodes.find((n) => n.id === 'gw-east')! as { instances?: number };
    gw.instances = 5;
    edited.nodes = edited.nodes.filter((n) => n.id !== 'ops');
    edited.edges = edited.edges.filter((e) => e.from !== 'ops' && e.to !== 'ops');
    edited.practices = { drillsPerYear: 12 };
    const patch = patchBetween(base, edited);
    expect(patch.some((op) => op.path === '/nodes/gw-east/instances' && op.op === 'replace' && op.value === 5)).toBe(true);
    expect(applyVariant(base, patch, 'v')).toEqual(edited);
    // Reordering the base's nodes does not break an id path.
    const shuffled = { ...base, nodes: [...base.nodes].reverse() };
    const idOnly = patch.filter((op) => op.path === '/nodes/gw-east/instances');
    expect((applyVariant(shuffled, idOnly, 'v') as Plan).nodes.find((n) => n.id === 'gw-east')).toMatchObject({ instances: 5 });
    expect(patchBetween(base, { ...base, variants: [{ name: 'x', patch: [] }] })).toEqual([]);
  });

  it('readableDiff names entries by id, lists additions and removals, ignores positions', () => {
    const a = template();
    const b = template();
    (b.nodes.find((n) => n.id === 'gw-west')! as { instances?: number }).instances = 1;
    b.nodes = b.nodes.map((n) => (n.position ? { ...n, position: { x: n.position.x + 40, y: n.position.y } } : n));
    b.nodes = b.nodes.filter((n) => n.id !== 'nightly');
    b.objectives = { ...b.objectives, availability: 0.9999 };
    const diff = readableDiff(a, b);
    expect(diff).toContainEqual({ where: 'nodes › gw-west › instances', kind: 'changed', before: 3, after: 1 });
    expect(diff).toContainEqual(expect.objectContaining({ where: 'nodes › nightly', kind: 'removed' }));
    expect(diff).toContainEqual({ where: 'objectives › availability', kind: 'changed', before: a.objectives!.availability, after: 0.9999 });
    expect(diff.some((d) => d.where.includes('position'))).toBe(false);
    expect(readableDiff(a, { ...a, nodes: a.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })) })).toEqual([]);
    expect(showValue('x'.repeat(200)).length).toBe(80);
  });
});

describe('variants in the editor', () => {
  it('a new variant is the canvas edits saved as a patch; edit applies it, save and discard put the base back', () => {
    const store = createEditorStore(template());
    expect(freshVariantName(store.getState().plan)).toBe('Variant 1');
    startNewVariant(store, 'Bigger west');
    const plan = structuredClone(store.getState().plan);
    (plan.nodes.find((n) => n.id === 'gw-west')! as { instances?: number }).instances = 6;
    store.getState().replacePlan(plan, { history: 'record' });
    expect(saveVariant(store)).toBe(1);
    const saved = store.getState().plan;
    expect(saved.variants).toEqual([{ name: 'Bigger west', patch: [{ op: 'replace', path: '/nodes/gw-west/instances', value: 6 }] }]);
    expect(saved.nodes.find((n) => n.id === 'gw-west')).toMatchObject({ instances: 3 });
    expect(useReview.getState().editing).toBeNull();

    startEditVariant(store, 0);
    expect(store.getState().plan.nodes.find((n) => n.id === 'gw-west')).toMatchObject({ instances: 6 });
    discardVariantEdits(store);
    expect(strip(store.getState().plan)).toEqual(strip(saved));
    expect(store.getState().plan.variants).toEqual(saved.variants);

    // Undo goes back through the steps.
    removeVariant(store, 0);
    expect(store.getState().plan.variants).toBeUndefined();
    store.getState().undo();
    expect(store.getState().plan.variants).toHaveLength(1);
    // The plan with its variant still validates.
    expect(validatePlan(store.getState().plan).ok).toBe(true);
  });
});

const inThread: ReplicationRunner = async (plan, s) => {
  const records: PairedRecord[] = [];
  const statistics = accumulateReplications(plan, { fromReplication: 0, count: s.replications, seed: s.seed, horizonYears: s.horizonYears, onSummary: (r) => records.push(pairedRecordOf(r)) });
  return { statistics, records };
};

describe('the comparison view', () => {
  it('puts the front in cost order, caps nines for a design without downtime, and sums up objectives', async () => {
    const plan: Plan = { ...template(), simulation: { replications: 4, horizonYears: 1, seed: 5 }, variants: [{ name: 'no drills', patch: [{ op: 'replace', path: '/practices/drillsPerYear', value: 0 }] }] };
    const c = await compareDesigns(designsWithVariants(plan, 'Base design'), { replications: 4, horizonYears: 1, seed: 5 }, inThread);
    expect(c.designs.map((d) => d.label)).toEqual(['Base design', 'Base design + no drills']);
    const { points, front } = paretoPoints(c);
    expect(points.map((p) => p.pareto)).toEqual(c.designs.map((d) => d.pareto));
    for (let i = 1; i < front.length; i++) expect(front[i]!.cost).toBeGreaterThanOrEqual(front[i - 1]!.cost);
    for (const p of points) expect(p.nines).toBeLessThanOrEqual(NINES_CAP);
    const perfect = paretoPoints({ ...c, designs: [{ ...c.designs[0]!, availability: { mean: 1, ci95: null, standardError: 0 } }] });
    expect(perfect.points[0]!.nines).toBe(NINES_CAP);
    const d = c.designs[0]!;
    expect(objectivesSummary({ ...d, objectives: [] }).tone).toBe('none');
    expect(objectivesSummary({ ...d, objectives: [{ objective: 'availability', target: 0.9, value: 0.95, met: true }] })).toEqual({ text: 'all 1 met', tone: 'met' });
    expect(objectivesSummary({ ...d, objectives: [{ objective: 'rtoSeconds', target: 1, value: 0.5, met: false }, { objective: 'availability', target: 0.9, value: 0.95, met: true }] })).toEqual({ text: 'missed rtoSeconds', tone: 'missed' });
  });
});

describe('another design from a file', () => {
  it('reads a plan or a JSON Patch, names it uniquely, and says why it cannot', async () => {
    const { readExtraDesign } = await import('../../../renderer/review/variantActions');
    expect(readExtraDesign('p.json', '[{"op":"remove","path":"/nodes/ops"}]', [])).toEqual({ label: 'p.json', value: [{ op: 'remove', path: '/nodes/ops' }] });
    expect(readExtraDesign('p.json', '{"name":"x"}', ['p.json'])).toEqual({ label: 'p.json (2)', value: { name: 'x' } });
    expect(readExtraDesign('p.json', 'nope', [])).toMatch(/^p\.json is not JSON: /);
    expect(readExtraDesign('p.json', '42', [])).toBe('p.json holds neither a plan nor a JSON Patch');
  });
});
