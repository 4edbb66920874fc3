/**
 * The plan held as keyed records, the unit of every diff: one `meta` record (everything but the three
 * lists), and regions, nodes and edges keyed by id. Edges get ids here when a file has none, because
 * undo, selection and xyflow all need a stable key per edge.
 */
import type { Edge, Plan, PlanNode, Region } from '../../sim/model/schema';

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

export type PlanRecords = { [C in Collection]: Record<string, RecordTypes[C]> };

/** The empty document a new window starts from. */
export function emptyPlan(name = 'Untitled design'): Plan {
  return { schemaVersion: 1, name, regions: [], nodes: [], edges: [] };
}

/** Picks an id for an edge that has none: readable, and unique among `taken`. */
export function edgeIdFor(edge: Pick<Edge, 'kind' | 'from' | 'to'>, taken: ReadonlySet<string>): string {
  const base = `${edge.kind === 'replication' ? 'rep' : 'tr'}-${edge.from}-${edge.to}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function planToRecords(plan: Plan): PlanRecords {
  const { regions, nodes, edges, ...meta } = plan;
  const taken = new Set<string>(edges.flatMap((e) => (e.id ? [e.id] : [])));
  const edgeRecords: Record<string, EdgeRecord> = {};
  for (const edge of edges) {
    // A duplicate id in a file would make two edges share one key; give the second a fresh one.
    let id = edge.id && !edgeRecords[edge.id] ? edge.id : undefined;
    if (!id) {
      id = edgeIdFor(edge, taken);
      taken.add(id);
    }
    edgeRecords[id] = { ...edge, id };
  }
  return {
    meta: { [META_KEY]: meta },
    regions: Object.fromEntries((regions ?? []).map((r) => [r.id, r])),
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    edges: edgeRecords,
  };
}

export function recordsToPlan(records: PlanRecords): Plan {
  const meta = records.meta[META_KEY] ?? emptyPlan();
  return {
    ...meta,
    regions: Object.values(records.regions),
    nodes: Object.values(records.nodes),
    edges: Object.values(records.edges),
  };
}
