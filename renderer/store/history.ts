/**
 * The undo/redo stacks as pure functions over immutable arrays. Entries are recorded diffs or marks;
 * a mark is placed when a gesture starts so the gesture's many diffs fold into one undo step.
 */
import { applyDiff, diffRecords, isEmptyDiff, reverseDiff, type PlanDiff } from './diff';
import type { PlanRecords } from './records';

export type HistoryEntry = { type: 'diff'; diff: PlanDiff } | { type: 'mark'; id: string };

export interface History {
  undos: readonly HistoryEntry[];
  redos: readonly HistoryEntry[];
}

export const EMPTY_HISTORY: History = { undos: [], redos: [] };

/** Records a new edit; a new edit makes the redo stack meaningless, so it is cleared. */
export function pushDiff(history: History, diff: PlanDiff): History {
  if (isEmptyDiff(diff)) return history;
  return { undos: [...history.undos, { type: 'diff', diff }], redos: [] };
}

export function pushMark(history: History, id: string): History {
  return { ...history, undos: [...history.undos, { type: 'mark', id }] };
}

/**
 * Folds everything recorded since mark `id` into one entry and drops the mark. Without the mark (an
 * undo during the gesture removed it) nothing changes.
 *
 * The folded diff is read off the records before and after the gesture rather than composed entry
 * by entry: that drops no-op gestures (press and release without moving) for free and gives removed
 * records correct positions for undo. `current` must be the records the history leads to.
 */
export function squashToMark(history: History, id: string, current: PlanRecords): History {
  const at = lastIndexWhere(history.undos, (e) => e.type === 'mark' && e.id === id);
  if (at < 0) return history;
  let before = current;
  for (const entry of history.undos.slice(at + 1).reverse()) {
    if (entry.type === 'diff') before = applyDiff(before, reverseDiff(entry.diff));
  }
  const squashed = diffRecords(before, current);
  const kept = history.undos.slice(0, at);
  return {
    ...history,
    undos: !isEmptyDiff(squashed) ? [...kept, { type: 'diff', diff: squashed }] : kept,
  };
}

/** The diff the next undo reverses, and the history after it; marks on top are dropped. */
export function takeUndo(history: History): { diff: PlanDiff; history: History } | null {
  const at = lastIndexWhere(history.undos, (e) => e.type === 'diff');
  if (at < 0) return null;
  const entry = history.undos[at] as Extract<HistoryEntry, { type: 'diff' }>;
  return {
    diff: entry.diff,
    history: { undos: history.undos.slice(0, at), redos: [...history.redos, entry] },
  };
}

export function takeRedo(history: History): { diff: PlanDiff; history: History } | null {
  const entry = history.redos.at(-1);
  if (!entry || entry.type !== 'diff') return null;
  return {
    diff: entry.diff,
    history: { undos: [...history.undos, entry], redos: history.redos.slice(0, -1) },
  };
}

export const canUndo = (history: History): boolean => history.undos.some((e) => e.type === 'diff');
export const canRedo = (history: History): boolean => history.redos.length > 0;

// Array.prototype.findLastIndex is ES2023; the projects compile against ES2022.
function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
