/**
 * Keeps the previous object for every flow node or edge whose content did not change, so xyflow and
 * React skip them: dragging one card then re-renders that card and its wires, not the whole design.
 */
import { sameRecord } from '../store/diff';

export function keepUnchanged<T extends { id: string }>(previous: Map<string, T>, next: readonly T[]): T[] {
  const out = next.map((item) => {
    const before = previous.get(item.id);
    return before && sameRecord(before, item) ? before : item;
  });
  previous.clear();
  for (const item of out) previous.set(item.id, item);
  return out;
}
