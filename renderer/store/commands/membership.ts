/**
 * Sentences for region membership changes a diff makes. Which region a node sits in decides what
 * fails together with it, so a gesture that changes it (shrinking a region, dragging a node out,
 * deleting a region with contents) says so instead of doing it silently.
 */
import type { PlanDiff } from '../diff';
import type { PlanRecords } from '../records';

const UNDO_HINT = 'Undo (Ctrl+Z) puts it back.';

function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, 3).join(', ');
  return ids.length > 3 ? `${shown} and ${ids.length - 3} more` : shown;
}

/** Nodes the diff moves out of, into or between regions, as one notice (null when none). */
export function membershipNotice(diff: PlanDiff): string | null {
  const left = new Map<string, string[]>();
  const joined = new Map<string, string[]>();
  for (const [id, [from, to]] of Object.entries(diff.updated.nodes ?? {})) {
    if (from.region === to.region) continue;
    if (from.region) left.set(from.region, [...(left.get(from.region) ?? []), id]);
    if (to.region) joined.set(to.region, [...(joined.get(to.region) ?? []), id]);
  }
  if (left.size === 0 && joined.size === 0) return null;
  const parts: string[] = [];
  for (const [region, ids] of left) parts.push(`${listed(ids)} left region ${region}`);
  for (const [region, ids] of joined) parts.push(`${listed(ids)} joined region ${region}`);
  return `${parts.join('; ')}: it now fails with ${joined.size ? 'its new region' : 'no region'}. ${UNDO_HINT}`;
}

/** What went with the regions a delete removes, as one notice (null when they were empty). */
export function regionDeleteNotice(records: PlanRecords, diff: PlanDiff): string | null {
  const regions = Object.keys(diff.removed.regions ?? {});
  if (regions.length === 0) return null;
  const contents = Object.values(diff.removed.nodes ?? {}).filter((n) => n.region && regions.includes(n.region));
  if (contents.length === 0) return null;
  const what = contents.length === 1 ? '1 component inside it' : `${contents.length} components inside ${regions.length === 1 ? 'it' : 'them'}`;
  const name = regions.length === 1 ? `region ${records.regions[regions[0]!]?.name ?? regions[0]}` : `${regions.length} regions`;
  return `Deleted ${name} and the ${what} (${listed(contents.map((n) => n.id))}). ${UNDO_HINT}`;
}
