/**
 * The plan held as keyed records, the unit of every diff: one `meta` record (everything but the three
 * lists), and regions, nodes and edges keyed by id. Edges get ids here when a file has none (the
 * shared sim/model/planHash.ts rule), because undo, selection and xyflow all need a stable key per edge.
 *
 * A plain object does not keep insertion order for integer-like keys ("10" comes before "2" no
 * matter what), so the order of each list lives in `order`; read it with `orderedIds`, never with
 * Object.keys. Keys added to a collection without updating `order` (commands editing a draft) count
 * as appended after the ordered ones.
 */
import type { Edge, Plan, PlanNode, Region } from '../../sim/model/schema';
import { withEdgeIds } from '../../sim/model/planHash';

export { edgeIdFor } from '../../sim/model/planHash';

export type EdgeRecord = Edge & { id: string };
export type PlanMeta = Omit<Plan, 'regions' | 'nodes' | 'edges'>;

/** The record type held by each collection. */
export interface RecordTypes {
  meta: PlanMeta;
  regions: Region;
  nodes: PlanNode;
  edges: EdgeRecord;
}
export type Collection = keyof RecordTypes;
export const COLLECTIONS: readonly Collection[] = ['meta', 'regions', 'nodes', 'edges'];
/** The single key of the `meta` collection. */
export const META_KEY = 'plan';

export type RecordOrder = { [C in Collection]?: readonly string[] };
export type PlanRecords = { [C in Collection]: Record<string, RecordTypes[C]> } & { order?: RecordOrder };

/** The ids of a collection in the plan's order (see the note at the top). */
export function orderedIds(records: PlanRecords, c: Collection): string[] {
  const map = records[c];
  const listed = records.order?.[c];
  if (!listed) return Object.keys(map);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of listed) {
    if (id in map && !seen.has(id)) {
      out.push(id);
      seen.add(id);
    }
  }
  for (const id in map) if (!seen.has(id)) out.push(id);
  return out;
}

/** The records of a collection in the plan's order. */
export function orderedValues<C extends Collection>(records: PlanRecords, c: C): RecordTypes[C][] {
  const map = records[c] as Record<string, RecordTypes[C]>;
  return orderedIds(records, c).map((id) => map[id]!);
}

/** The empty document a new window starts from. */
export function emptyPlan(name = 'Untitled design'): Plan {
  return { schemaVersion: 1, name, regions: [], nodes: [], edges: [] };
}

export function planToRecords(plan: Plan): PlanRecords {
  const { regions, nodes, edges, ...meta } = plan;
  // The ids a file lacks (or repeats) are filled as the CLI fills them, so both hash the plan alike.
  const filled = withEdgeIds({ edges }).edges;
  const edgeRecords: Record<string, EdgeRecord> = Object.fromEntries(filled.map((e) => [e.id, { ...e }]));
  const edgeOrder = filled.map((e) => e.id);
  const regionList = regions ?? [];
  return {
    meta: { [META_KEY]: meta },
    regions: Object.fromEntries(regionList.map((r) => [r.id, r])),
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    edges: edgeRecords,
    order: { regions: regionList.map((r) => r.id), nodes: nodes.map((n) => n.id), edges: edgeOrder },
  };
}

export function recordsToPlan(records: PlanRecords): Plan {
  const meta = records.meta[META_KEY] ?? emptyPlan();
  return {
    ...meta,
    regions: orderedValues(records, 'regions'),
    nodes: orderedValues(records, 'nodes'),
    edges: orderedValues(records, 'edges'),
  };
}
