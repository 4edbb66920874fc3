/**
 * Diff invariants, property-tested with fast-check over random record sets and random diffs:
 * applying a diff then its reverse restores the records and their order; sequences undo in
 * reverse; diffRecords recovers a diff's effect. Seeds are pinned so a failure reproduces exactly; the
 * regression list keeps seeds that once found bugs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyDiff, diffRecords, isEmptyDiff, reverseDiff, type PlanDiff } from '../../renderer/store/diff';
import { COLLECTIONS, orderedIds, type PlanRecords } from '../../renderer/store/records';
import type { PlanNode, Region } from '../../sim/model/schema';

// Digit-only ids among them: a plain object iterates those in numeric order, whatever the plan's order.
const ALL_IDS = ['a', 'b', '10', '2', 'c', '1', '20', 'h', '3', 'j'];
const ids = fc.constantFrom(...ALL_IDS.slice(0, 8));
const point = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) });

const nodeArb = (id: string) =>
  fc.record({ name: fc.string({ maxLength: 6 }), position: point }).map((r): PlanNode => ({ id, kind: 'gateway', ...r }));
const regionArb = (id: string) => fc.record({ code: fc.string({ maxLength: 6 }), position: point }).map((r): Region => ({ id, ...r }));

const recordsArb: fc.Arbitrary<PlanRecords> = fc
  .record({ nodes: fc.uniqueArray(ids, { maxLength: 6 }), regions: fc.uniqueArray(ids, { maxLength: 4 }), name: fc.string({ maxLength: 5 }) })
  .chain(({ nodes, regions, name }) =>
    fc.record({
      meta: fc.constant({ plan: { schemaVersion: 1 as const, name: name || 'x' } }),
      nodes: fc.tuple(...nodes.map(nodeArb)).map((list) => Object.fromEntries(list.map((n) => [n.id, n]))),
      regions: fc.tuple(...regions.map(regionArb)).map((list) => Object.fromEntries(list.map((r) => [r.id, r]))),
      edges: fc.constant({}),
      order: fc.constant({ nodes, regions }),
    }),
  );

/**
 * A diff against `records`, the way commands make them: a target state (some records removed, some
 * replaced, new ones appended) read off with diffRecords, which also records where removed ones stood.
 */
function diffArb(records: PlanRecords): fc.Arbitrary<PlanDiff> {
  const existing = orderedIds(records, 'nodes');
  const missing = ALL_IDS.filter((id) => !(id in records.nodes));
  return fc
    .record({ remove: fc.subarray(existing), update: fc.subarray(existing), add: fc.subarray(missing) })
    .chain(({ remove, update, add }) =>
      fc.record({ added: fc.tuple(...add.map(nodeArb)), updated: fc.tuple(...update.map(nodeArb)) }).map(({ added, updated }) => {
        const nodes: Record<string, PlanNode> = {};
        const order: string[] = [];
        for (const id of orderedIds(records, 'nodes')) {
          if (remove.includes(id)) continue;
          nodes[id] = updated.find((n) => n.id === id) ?? records.nodes[id]!;
          order.push(id);
        }
        for (const node of added) {
          nodes[node.id] = node;
          order.push(node.id);
        }
        return diffRecords(records, { ...records, nodes, order: { ...records.order, nodes: order } });
      }),
    );
}

/** Records as ordered entries: equality then also checks the order the saved lists will have. */
const ordered = (records: PlanRecords) => COLLECTIONS.map((c) => orderedIds(records, c).map((id) => [id, records[c][id]]));

const recordsAndDiff = recordsArb.chain((records) => diffArb(records).map((diff) => ({ records, diff })));
const recordsAndTwoDiffs = recordsAndDiff.chain(({ records, diff }) =>
  diffArb(applyDiff(records, diff)).map((second) => ({ records, diff, second })),
);

const SEEDS = [1, 42, 20240611];
const REGRESSION_SEEDS: number[] = [];

describe.each([...SEEDS, ...REGRESSION_SEEDS])('diff invariants (seed %i)', (seed) => {
  const opts = { seed, numRuns: 150 };

  it('apply then reverse restores the records', () => {
    fc.assert(
      fc.property(recordsAndDiff, ({ records, diff }) => {
        expect(ordered(applyDiff(applyDiff(records, diff), reverseDiff(diff)))).toEqual(ordered(records));
      }),
      opts,
    );
  });

  it('reversing twice is the identity', () => {
    fc.assert(
      fc.property(recordsAndDiff, ({ diff }) => {
        expect(reverseDiff(reverseDiff(diff))).toEqual(diff);
      }),
      opts,
    );
  });

  it('a sequence of diffs undone in reverse order restores the records and their order', () => {
    fc.assert(
      fc.property(recordsAndTwoDiffs, ({ records, diff, second }) => {
        const end = applyDiff(applyDiff(records, diff), second);
        const back = applyDiff(applyDiff(end, reverseDiff(second)), reverseDiff(diff));
        expect(ordered(back)).toEqual(ordered(records));
      }),
      opts,
    );
  });

  it('diffRecords finds a diff with the same effect, empty only when nothing changed', () => {
    fc.assert(
      fc.property(recordsAndDiff, ({ records, diff }) => {
        const after = applyDiff(records, diff);
        const found = diffRecords(records, after);
        expect(ordered(applyDiff(records, found))).toEqual(ordered(after));
        expect(isEmptyDiff(found)).toBe(JSON.stringify(after) === JSON.stringify(records));
      }),
      opts,
    );
  });
});

describe('diff details', () => {
  it('applies only to the touched collections and keeps untouched ones by reference', () => {
    const records: PlanRecords = { meta: { plan: { schemaVersion: 1, name: 'p' } }, regions: {}, nodes: {}, edges: {} };
    const next = applyDiff(records, { added: { nodes: { g: { id: 'g', kind: 'gateway' } } }, updated: {}, removed: {} });
    expect(next.regions).toBe(records.regions);
    expect(next.nodes).not.toBe(records.nodes);
  });
});
