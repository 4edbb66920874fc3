/**
 * Reversible diffs over plan records, the only way the plan changes: `{added, updated: [from, to],
 * removed}` per collection. Pure functions, no store, no React: undo is `reverseDiff`; a drag's many
 * diffs become one history entry by diffing the records before and after it (history.ts).
 */
import { COLLECTIONS, orderedIds, type Collection, type PlanRecords, type RecordOrder, type RecordTypes } from './records';

type Added = { [C in Collection]?: Record<string, RecordTypes[C]> };
type Updated = { [C in Collection]?: Record<string, [from: RecordTypes[C], to: RecordTypes[C]]> };

export interface PlanDiff {
  added: Added;
  updated: Updated;
  removed: Added;
  /**
   * Where a removed record stood, or where an added one goes: the id of the first record after it
   * that the diff keeps (null: last). Undo re-inserts removed records there, so the saved lists keep
   * their order through undo. Records added without a hint go to the end.
   */
  insertBefore?: { [C in Collection]?: Record<string, string | null> };
  /**
   * The ids in `added` and `removed` in the plan's order. Object keys cannot carry it: digit-only
   * ids ("10", "2") always iterate in numeric order.
   */
  addedOrder?: { [C in Collection]?: string[] };
  removedOrder?: { [C in Collection]?: string[] };
}

// Inside this file records are handled generically; the public signatures stay typed.
type AnyMap = Record<string, unknown>;
type AnyPairs = Record<string, [unknown, unknown]>;

export function emptyDiff(): PlanDiff {
  return { added: {}, updated: {}, removed: {} };
}

export function isEmptyDiff(diff: PlanDiff): boolean {
  return COLLECTIONS.every(
    (c) =>
      isEmptyMap(diff.added[c]) && isEmptyMap(diff.updated[c]) && isEmptyMap(diff.removed[c]),
  );
}

function isEmptyMap(map: object | undefined): boolean {
  if (!map) return true;
  for (const _ in map) return false;
  return true;
}

/** The keys of `map` in the order `listed` gives, then any others. */
function keysInOrder(map: AnyMap | undefined, listed: readonly string[] | undefined): string[] {
  if (!map) return [];
  if (!listed) return Object.keys(map);
  const out = listed.filter((id) => id in map);
  const seen = new Set(out);
  for (const id in map) if (!seen.has(id)) out.push(id);
  return out;
}

/** Applies a diff to records, copying only the collections it touches. */
export function applyDiff(records: PlanRecords, diff: PlanDiff): PlanRecords {
  const next = { ...records } as Record<Collection, AnyMap> & { order?: RecordOrder };
  let order: RecordOrder | undefined = records.order;
  for (const c of COLLECTIONS) {
    const added = diff.added[c] as AnyMap | undefined;
    const updated = diff.updated[c] as AnyPairs | undefined;
    const removed = diff.removed[c] as AnyMap | undefined;
    if (isEmptyMap(added) && isEmptyMap(updated) && isEmptyMap(removed)) continue;
    const map: AnyMap = { ...next[c] };
    for (const id in removed) delete map[id];
    // Updates replace in place so a record keeps its position in the saved lists.
    for (const id in updated) map[id] = updated[id]![1];
    const kept = orderedIds(records, c).filter((id) => id in map);
    const keptSet = new Set(kept);
    const hints = diff.insertBefore?.[c];
    const placed = new Map<string, string[]>();
    const appended: string[] = [];
    for (const id of keysInOrder(added, diff.addedOrder?.[c])) {
      map[id] = added![id];
      if (keptSet.has(id)) continue;
      const before = hints?.[id];
      if (before && keptSet.has(before)) placed.set(before, [...(placed.get(before) ?? []), id]);
      else appended.push(id);
    }
    const ids: string[] = [];
    for (const id of kept) ids.push(...(placed.get(id) ?? []), id);
    ids.push(...appended);
    next[c] = map;
    order = { ...order, [c]: ids };
  }
  if (order) next.order = order;
  return next as PlanRecords;
}

export function reverseDiff(diff: PlanDiff): PlanDiff {
  const updated: Record<string, AnyPairs> = {};
  for (const c of COLLECTIONS) {
    const pairs = diff.updated[c] as AnyPairs | undefined;
    if (!pairs) continue;
    const rev: AnyPairs = {};
    for (const id in pairs) rev[id] = [pairs[id]![1], pairs[id]![0]];
    updated[c] = rev;
  }
  // The hints describe records in `removed`; they stay attached to the same ids, which the reverse
  // diff adds back.
  return {
    added: diff.removed,
    updated: updated as Updated,
    removed: diff.added,
    ...(diff.insertBefore ? { insertBefore: diff.insertBefore } : {}),
    ...(diff.removedOrder ? { addedOrder: diff.removedOrder } : {}),
    ...(diff.addedOrder ? { removedOrder: diff.addedOrder } : {}),
  };
}

/** Structural equality of two JSON records (plan records are plain JSON). */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameRecord((a as AnyMap)[k], (b as AnyMap)[k]));
}

/** The diff that turns `before` into `after` (used by commands that compute a whole new state). */
export function diffRecords(before: PlanRecords, after: PlanRecords): PlanDiff {
  const out = emptyDiff();
  for (const c of COLLECTIONS) {
    const a = before[c] as AnyMap;
    const b = after[c] as AnyMap;
    const added: AnyMap = {};
    const updated: AnyPairs = {};
    const removed: AnyMap = {};
    const addedIds: string[] = [];
    const removedIds: string[] = [];
    const hints: Record<string, string | null> = {};
    let pending: string[] = [];
    for (const id of orderedIds(after, c)) {
      if (!(id in a)) {
        added[id] = b[id];
        addedIds.push(id);
        pending.push(id);
        continue;
      }
      if (a[id] !== b[id] && !sameRecord(a[id], b[id])) updated[id] = [a[id], b[id]];
      for (const fresh of pending) hints[fresh] = id;
      pending = [];
    }
    // Added records after the last kept one go to the end, where records without a hint go anyway.
    pending = [];
    for (const id of orderedIds(before, c)) {
      if (!(id in b)) {
        removed[id] = a[id];
        removedIds.push(id);
        pending.push(id);
      } else {
        for (const gone of pending) hints[gone] = id;
        pending = [];
      }
    }
    for (const gone of pending) hints[gone] = null;
    if (!isEmptyMap(hints)) (out.insertBefore ??= {})[c] = hints;
    if (addedIds.length) {
      (out.added as Record<string, AnyMap>)[c] = added;
      (out.addedOrder ??= {})[c] = addedIds;
    }
    if (!isEmptyMap(updated)) (out.updated as Record<string, AnyPairs>)[c] = updated;
    if (removedIds.length) {
      (out.removed as Record<string, AnyMap>)[c] = removed;
      (out.removedOrder ??= {})[c] = removedIds;
    }
  }
  return out;
}
