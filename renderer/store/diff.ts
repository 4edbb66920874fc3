/**
 * Reversible diffs over plan records, the only way the plan changes: `{added, updated: [from, to],
 * removed}` per collection. Pure functions, no store, no React: undo is `reverseDiff`, a drag is many
 * diffs folded by `squashDiffs` into one history entry.
 */
import { COLLECTIONS, type Collection, type PlanRecords, type RecordTypes } from './records';

type Added = { [C in Collection]?: Record<string, RecordTypes[C]> };
type Updated = { [C in Collection]?: Record<string, [from: RecordTypes[C], to: RecordTypes[C]]> };

export interface PlanDiff {
  added: Added;
  updated: Updated;
  removed: Added;
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
    const map: AnyMap = { ...next[c] };
    for (const id in removed) delete map[id];
    // Updates replace in place so a record keeps its position in the saved lists.
    for (const id in updated) map[id] = updated[id]![1];
    for (const id in added) map[id] = added[id];
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
  return { added: diff.removed, updated: updated as Updated, removed: diff.added };
}

/**
 * One diff with the effect of `first` then `second`. A record added then removed vanishes; removed
 * then added becomes an update; updates chain to [first from, last to].
 */
export function squashDiffs(first: PlanDiff, second: PlanDiff): PlanDiff {
  const out = emptyDiff();
  for (const c of COLLECTIONS) {
    const added: AnyMap = { ...(first.added[c] as AnyMap | undefined) };
    const updated: AnyPairs = { ...(first.updated[c] as AnyPairs | undefined) };
    const removed: AnyMap = { ...(first.removed[c] as AnyMap | undefined) };

    const added2 = second.added[c] as AnyMap | undefined;
    for (const id in added2) {
      if (id in removed) {
        updated[id] = [removed[id], added2[id]];
        delete removed[id];
      } else {
        added[id] = added2[id];
      }
    }
    const updated2 = second.updated[c] as AnyPairs | undefined;
    for (const id in updated2) {
      const to = updated2[id]![1];
      if (id in added) added[id] = to;
      else if (id in updated) updated[id] = [updated[id]![0], to];
      else updated[id] = updated2[id]!;
    }
    const removed2 = second.removed[c] as AnyMap | undefined;
    for (const id in removed2) {
      if (id in added) delete added[id];
      else if (id in updated) {
        removed[id] = updated[id]![0];
        delete updated[id];
      } else removed[id] = removed2[id];
    }
    // An update that ends where it started is no change at all; dropping it keeps no-op drags
    // (press and release without moving) out of the history.
    for (const id in updated) if (sameRecord(updated[id]![0], updated[id]![1])) delete updated[id];

    if (!isEmptyMap(added)) (out.added as Record<string, AnyMap>)[c] = added;
    if (!isEmptyMap(updated)) (out.updated as Record<string, AnyPairs>)[c] = updated;
    if (!isEmptyMap(removed)) (out.removed as Record<string, AnyMap>)[c] = removed;
  }
  return out;
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
    for (const id in a) if (!(id in b)) removed[id] = a[id];
    if (!isEmptyMap(added)) (out.added as Record<string, AnyMap>)[c] = added;
    if (!isEmptyMap(updated)) (out.updated as Record<string, AnyPairs>)[c] = updated;
    if (!isEmptyMap(removed)) (out.removed as Record<string, AnyMap>)[c] = removed;
  }
  return out;
}
