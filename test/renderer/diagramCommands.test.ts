import { describe, expect, it } from 'vitest';
import { boxesOverlap, nodeBox, regionBox } from '../../sim/diagram/geometry';
import { TEMPLATES } from '../../sim/templates';
import { runAutoLayout } from '../../renderer/diagram/autoLayoutAction';
import { searchNodes } from '../../renderer/diagram/searchNodes';
import { differsOnlyInDrawing, validationOf } from '../../renderer/app/usePlanValidation';
import { edgeLabelDiff } from '../../renderer/store/commands/drawing';
import { regionInterior } from '../../renderer/store/commands/freeSpace';
import { createEditorStore } from '../../renderer/store/createEditorStore';
import { layoutProblems } from '../sim/diagram/layoutChecks';

const template = (name: string) => structuredClone(TEMPLATES.find((t) => t.name === name)!.plan);

describe('placement never stacks', () => {
  it('gives four palette clicks at the same point four positions that do not overlap', () => {
    const store = createEditorStore();
    const ids = [0, 1, 2, 3].map(() => store.getState().addNode('service', { x: 400, y: 300 }));
    const boxes = ids.map((id) => nodeBox(store.getState().records.nodes[id]!));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!, boxes[j]!)).toBe(false);
    // The first lands where it was aimed.
    expect(boxes[0]).toMatchObject({ x: 400 - 94, y: 300 - 30 });
  });

  it('keeps cards placed in a region inside it, growing the region when it is full', () => {
    const store = createEditorStore();
    const region = store.getState().addRegion({ x: 0, y: 0 });
    // Aimed at the region's bottom-right corner: the card still fits inside.
    const ids = [0, 1, 2, 3, 4, 5, 6, 7].map(() => store.getState().addNode('service', { x: 630, y: 210 }));
    const records = store.getState().records;
    const box = regionBox(records.regions[region]!);
    const cards = ids.map((id) => nodeBox(records.nodes[id]!));
    for (const [i, id] of ids.entries()) {
      expect(records.nodes[id]!.region).toBe(region);
      const inner = regionInterior(box);
      expect(cards[i]!.x).toBeGreaterThanOrEqual(inner.x);
      expect(cards[i]!.y).toBeGreaterThanOrEqual(inner.y);
      expect(cards[i]!.x + cards[i]!.width).toBeLessThanOrEqual(box.x + box.width);
      expect(cards[i]!.y + cards[i]!.height).toBeLessThanOrEqual(box.y + box.height);
    }
    for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) expect(boxesOverlap(cards[i]!, cards[j]!)).toBe(false);
  });

  it('never puts a new region over another', () => {
    const store = createEditorStore();
    const ids = [0, 1, 2].map(() => store.getState().addRegion({ x: 100, y: 100 }));
    const boxes = ids.map((id) => regionBox(store.getState().records.regions[id]!));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!, boxes[j]!)).toBe(false);
  });

  it('pastes into free space, never on top of what is there', () => {
    const store = createEditorStore(template('two-region-active-passive'));
    const s = store.getState();
    s.setSelection(['node:gw-east']);
    expect(s.copySelection()).toBe(true);
    for (let k = 0; k < 3; k++) store.getState().paste();
    const plan = store.getState().plan;
    const boxes = plan.nodes.map((n) => ({ id: n.id, box: nodeBox(n) }));
    const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => boxesOverlap(a.box, b.box)).map((b) => `${a.id}/${b.id}`));
    expect(overlaps).toEqual([]);
  });
});

describe('auto-layout in the editor', () => {
  it('lays out the Kubernetes template with no overlaps as one undo step', async () => {
    const plan = template('kubernetes-containers');
    // Put every card on the same spot first: the worst case.
    plan.nodes.forEach((n) => (n.position = { x: 100, y: 100 }));
    const store = createEditorStore(plan);
    const before = store.getState().plan;
    const undos = store.getState().history.undos.length;
    await runAutoLayout(store);
    expect(layoutProblems(store.getState().plan)).toEqual([]);
    expect(store.getState().history.undos.length).toBe(undos + 1);
    store.getState().undo();
    expect(store.getState().plan).toEqual(before);
  });
});

describe('wire labels', () => {
  it('sets and clears a label as one undo step each', () => {
    const store = createEditorStore(template('two-region-active-passive'));
    const id = Object.keys(store.getState().records.edges)[0]!;
    store.getState().applyPlanDiff(edgeLabelDiff(store.getState().records, id, '  HTTPS  '), { history: 'record' });
    expect(store.getState().records.edges[id]!.label).toBe('HTTPS');
    store.getState().applyPlanDiff(edgeLabelDiff(store.getState().records, id, ''), { history: 'record' });
    expect(store.getState().records.edges[id]).not.toHaveProperty('label');
    store.getState().undo();
    expect(store.getState().records.edges[id]!.label).toBe('HTTPS');
    expect(validationOf(store.getState().plan).ok).toBe(true);
  });
});

describe('canvas search', () => {
  it('finds components by name first, then by id, kind or engine', () => {
    const plan = template('two-region-active-passive');
    expect(searchNodes(plan.nodes, 'gateway').map((h) => h.node.id)).toEqual(['gw-east', 'gw-west']);
    expect(searchNodes(plan.nodes, 'aurora').map((h) => h.node.id)).toEqual(expect.arrayContaining(['db-east', 'db-west']));
    expect(searchNodes(plan.nodes, 'lb-west').map((h) => h.node.id)).toEqual(['lb-west']);
    expect(searchNodes(plan.nodes, 'no such thing')).toEqual([]);
  });
});

describe('validation off the drag path', () => {
  it('reuses the result when only positions changed, and validates again on any other change', () => {
    const store = createEditorStore(template('two-region-active-passive'));
    const before = store.getState().plan;
    const first = validationOf(before);
    store.getState().moveItems([{ type: 'node', id: 'gw-east', position: { x: 900, y: 900 } }]);
    const moved = store.getState().plan;
    expect(moved).not.toBe(before);
    expect(differsOnlyInDrawing(before, moved)).toBe(true);
    expect(validationOf(moved)).toBe(first);
    store.getState().applyPlanDiff(edgeLabelDiff(store.getState().records, Object.keys(store.getState().records.edges)[0]!, 'x'), { history: 'record' });
    expect(validationOf(store.getState().plan)).not.toBe(first);
    // A real change is caught even though it came right after a move.
    const gw = store.getState().records.nodes['gw-east']!;
    store.getState().applyPlanDiff({ added: {}, removed: {}, updated: { nodes: { 'gw-east': [gw, { ...gw, instances: -1 } as typeof gw] } } }, { history: 'record' });
    expect(validationOf(store.getState().plan).ok).toBe(false);
  });
});
