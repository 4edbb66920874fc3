/**
 * The plan's identity, the same in the CLI and the app: edges get their ids filled in one way (the
 * app's store needs an id per edge; a file may have none), the validated document is written as JSON
 * with keys sorted at every level, and that text's UTF-8 bytes are hashed with SHA-256. The hash is
 * @noble/hashes' (pure JavaScript, synchronous): sim/model has neither Node's crypto nor the browser's
 * (whose digest is asynchronous), so a result file can be checked against a plan anywhere.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Edge, Plan } from './schema';
import { validatePlan } from './validate';

/** Picks an id for an edge that has none: readable, and unique among `taken`. */
export function edgeIdFor(edge: Pick<Edge, 'kind' | 'from' | 'to'>, taken: ReadonlySet<string>): string {
  const base = `${edge.kind === 'replication' ? 'rep' : 'tr'}-${edge.from}-${edge.to}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The plan's edges, each with an id: kept when it has one not used by an earlier edge, otherwise one
 * from edgeIdFor. The input is not changed; the plan is returned as is when every edge has its own id.
 */
export function withEdgeIds<P extends Pick<Plan, 'edges'>>(plan: P): Omit<P, 'edges'> & { edges: Array<Edge & { id: string }> } {
  const edges = plan.edges ?? [];
  const taken = new Set<string>(edges.flatMap((e) => (e.id ? [e.id] : [])));
  const used = new Set<string>();
  let changed = false;
  const filled = edges.map((edge) => {
    let id = edge.id && !used.has(edge.id) ? edge.id : undefined;
    if (!id) {
      id = edgeIdFor(edge, taken);
      taken.add(id);
      changed = true;
    }
    used.add(id);
    return id === edge.id ? (edge as Edge & { id: string }) : { ...edge, id };
  });
  return changed ? { ...plan, edges: filled } : (plan as Omit<P, 'edges'> & { edges: Array<Edge & { id: string }> });
}

/** JSON with object keys sorted at every level and undefined members left out: one text per value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The text the plan hash is taken of: the plan as validation returns it (defaults filled in the
 * same way wherever it was loaded), edge ids filled, keys sorted. A plan that does not validate is
 * hashed as it stands.
 */
export function canonicalPlanText(plan: Plan): string {
  const validated = validatePlan(plan);
  return canonicalJson(withEdgeIds(validated.plan ?? plan));
}

/** SHA-256 (64 lowercase hex digits) of the canonical plan text. */
export function planSha256(plan: Plan): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalPlanText(plan))));
}
