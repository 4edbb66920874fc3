/**
 * Commands are kernels: records in, a diff out, no store. They edit a draft whose collections are
 * fresh copies (records themselves are replaced, never mutated) and the diff is read off at the end.
 */
import { diffRecords, type PlanDiff } from '../diff';
import type { PlanRecords } from '../records';

export function draftOf(records: PlanRecords): PlanRecords {
  return {
    meta: { ...records.meta },
    regions: { ...records.regions },
    nodes: { ...records.nodes },
    edges: { ...records.edges },
    // Ids a recipe adds are not in `order`, so they count as appended (see records.ts).
    ...(records.order ? { order: records.order } : {}),
  };
}

export function produceDiff(records: PlanRecords, recipe: (draft: PlanRecords) => void): PlanDiff {
  const draft = draftOf(records);
  recipe(draft);
  return diffRecords(records, draft);
}

/** The first `prefix-N` (N ≥ 1) not in `taken`. */
export function nextId(prefix: string, taken: (id: string) => boolean): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken(id)) return id;
  }
}
