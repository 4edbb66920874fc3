/**
 * Reversible diffs over plan records, the only way the plan changes: `{added, updated: [from, to],
 * removed}` per collection. Pure functions, no store, no React: undo is `reverseDiff`; a drag's many
 * diffs become one history entry by diffing the records before and after it (history.ts).
 */
import { COLLECTIONS, type Collection, type PlanRecords, type RecordTypes } from './records';

type Added = { [C in Collection]?: Record<string, RecordTypes[C]> };
type Updated = { [C in Collection]?: Record<string, [from: RecordTypes[C], to: RecordTypes[C]]> };

export interface PlanDiff {
  added: Added;
  updated: Updated;
  removed: Added;
  /**
   * Where a removed record stood: the id of the first record after it that the diff keeps (null:
   * it was last). Undo re-inserts it there, so the saved lists keep their order through undo.
   * Records added without a hint go to the end.
   */
  insertBefore?: { [C in Collection]?: Record<string, string | null> };
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

/** Applies a diff to records, copying only the collections it touches. */
export function applyDiff(records: PlanRecords, diff: PlanDiff): PlanRecords {
  const next = { ...records } as Record<Collection, AnyMap>;
  for (const c of COLLECTIONS) {
    const added = diff.added[c] as AnyMap | undefined;
    const updated = diff.updated[c] as AnyPairs | undefined;
    const removed = diff.removed[c] as AnyMap | undefined;
    if (isEmptyMap(added) && isEmptyMap(updated) && isEmptyMap(removed)) continue;
    let map: AnyMap = { ...next[c] };
    for (const id in removed) delete map[id];
    // Updates replace in place so a record keeps its position in the saved lists.
    for (const id in updated) map[id] = updated[id]![1];
    const hints = diff.insertBefore?.[c];
    const placed = new Map<string, string[]>();
    for (const id in added) {
      const before = hints?.[id];
      if (before && before in map) placed.set(before, [...(placed.get(before) ?? []), id]);
      else map[id] = added[id];
    }
    if (placed.size) {
      // Rebuild the map in order, slotting re-inserted records in front of their successors.
      const ordered: AnyMap = {};
      for (const id in map) {
        for (const early of placed.get(id) ?? []) ordered[early] = added![early];
        ordered[id] = map[id];
      }
      map = ordered;
    }
    next[c] = map;
  }
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
  return { added: diff.removed, updated: updated as Updated, removed: diff.added, ...(diff.insertBefore ? { insertBefore: diff.insertBefore } : {}) };
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
    for (const id in b) {
      if (!(id in a)) added[id] = b[id];
      else if (a[id] !== b[id] && !sameRecord(a[id], b[id])) updated[id] = [a[id], b[id]];
    }
    const hints: Record<string, string | null> = {};
    let pending: string[] = [];
    for (const id in a) {
      if (!(id in b)) {
        removed[id] = a[id];
        pending.push(id);
      } else {
        for (const gone of pending) hints[gone] = id;
        pending = [];
      }
    }
    for (const gone of pending) hints[gone] = null;
    if (!isEmptyMap(hints)) (out.insertBefore ??= {})[c] = hints;
    if (!isEmptyMap(added)) (out.added as Record<string, AnyMap>)[c] = added;
    if (!isEmptyMap(updated)) (out.updated as Record<string, AnyPairs>)[c] = updated;
    if (!isEmptyMap(removed)) (out.removed as Record<string, AnyMap>)[c] = removed;
  }
  return out;
}
