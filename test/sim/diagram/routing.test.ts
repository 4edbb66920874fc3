import { describe, expect, it } from 'vitest';
import { nodeBox, type Box } from '../../../sim/diagram/geometry';
import { anchorOf } from '../../../sim/diagram/routing';
import { diagramWires, type Wire } from '../../../sim/diagram/wires';
import type { Plan } from '../../../sim/model/schema';
import { TEMPLATES } from '../../../sim/templates';
import { segmentsUnderCards, sharedRuns } from './wireChecks';

function wiresOf(plan: Plan): { wires: Wire[]; cards: Map<string, Box> } {
  const edges = plan.edges.map((e, i) => ({ ...e, id: e.id ?? `e${i}` }));
  return { wires: diagramWires({ nodes: plan.nodes, edges }), cards: new Map(plan.nodes.map((n, i) => [n.id, nodeBox(n, i)])) };
}

const isOrthogonal = (w: Wire) => w.points.every((p, i) => i === 0 || p.x === w.points[i - 1]!.x || p.y === w.points[i - 1]!.y);

describe('wire routing', () => {
  for (const template of TEMPLATES) {
    it(`${template.name}: wires are orthogonal, pass under no card and run along no unrelated wire`, () => {
      const { wires, cards } = wiresOf(template.plan);
      expect(wires.every(isOrthogonal)).toBe(true);
      expect(segmentsUnderCards(wires, cards)).toEqual([]);
      // Wires that share a card side form a bus by design; all others keep their own lanes.
      const unrelated = (a: Wire, b: Wire) => a.from !== b.from && a.to !== b.to && a.to !== b.from && a.from !== b.to;
      const clashes = wires.flatMap((a, i) => wires.slice(i + 1).filter((b) => unrelated(a, b)).flatMap((b) => sharedRuns([a, b], 0)));
      expect(clashes).toEqual([]);
    });
  }

  it('keeps the DNS primary wire of the two-region template off the Users wire and the gateway cards', () => {
    const plan = TEMPLATES.find((t) => t.name === 'two-region-active-passive')!.plan;
    const { wires, cards } = wiresOf(plan);
    const primary = wires.find((w) => w.from === 'dns' && w.to === 'lb-east')!;
    const users = wires.find((w) => w.from === 'users' && w.to === 'dns')!;
    expect(sharedRuns([primary, users], 0)).toEqual([]);
    expect(segmentsUnderCards([primary], cards)).toEqual([]);
    expect(primary.label).toBe('primary');
  });

  it('leaves and enters at the sides the user chose', () => {
    const plan: Plan = {
      schemaVersion: 1,
      name: 'sides',
      regions: [],
      nodes: [
        { id: 'a', kind: 'service', position: { x: 0, y: 0 } },
        { id: 'b', kind: 'service', position: { x: 0, y: 300 } },
        { id: 'c', kind: 'service', position: { x: 0, y: 150 } },
      ],
      edges: [{ kind: 'traffic', from: 'a', to: 'b', fromSide: 'left', toSide: 'right' }],
    };
    const { wires, cards } = wiresOf(plan);
    const w = wires[0]!;
    expect(w.fromSide).toBe('left');
    expect(w.toSide).toBe('right');
    expect(w.points[0]).toEqual(anchorOf(cards.get('a')!, 'left'));
    expect(w.points.at(-1)).toEqual(anchorOf(cards.get('b')!, 'right'));
    // The card in between (c) is walked around, not crossed.
    expect(segmentsUnderCards(wires, cards)).toEqual([]);
    // Left out of a, then into b from its right: the wire must come back from the right.
    expect(w.points.at(-2)!.x).toBeGreaterThan(cards.get('b')!.x + cards.get('b')!.width);
  });

  it('goes around a card standing between two others', () => {
    const plan: Plan = {
      schemaVersion: 1,
      name: 'detour',
      regions: [],
      nodes: [
        { id: 'a', kind: 'service', position: { x: 0, y: 0 } },
        { id: 'mid', kind: 'service', position: { x: 0, y: 140 } },
        { id: 'b', kind: 'service', position: { x: 0, y: 280 } },
      ],
      edges: [{ kind: 'traffic', from: 'a', to: 'b' }],
    };
    const { wires, cards } = wiresOf(plan);
    expect(wires[0]!.points.length).toBeGreaterThan(2);
    expect(segmentsUnderCards(wires, cards)).toEqual([]);
  });
});
