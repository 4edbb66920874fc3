/**
 * The undo/redo stacks as pure functions over immutable arrays. Entries are recorded diffs or marks;
 * a mark is placed when a gesture starts so the gesture's many diffs fold into one undo step.
 */
import { applyDiff, diffRecords, isEmptyDiff, reverseDiff, type PlanDiff } from './diff';
import type { PlanRecords } from './records';

/** Which document the plan belonged to before and after a step that replaced it (open a file). */
export interface DocumentChange {
  before: unknown;
  after: unknown;
}

export type HistoryEntry = { type: 'diff'; diff: PlanDiff; document?: DocumentChange } | { type: 'mark'; id: string };

export interface History {
  undos: readonly HistoryEntry[];
  redos: readonly HistoryEntry[];
}

export const EMPTY_HISTORY: History = { undos: [], redos: [] };

/** Records a new edit; a new edit makes the redo stack meaningless, so it is cleared. */
export function pushDiff(history: History, diff: PlanDiff, document?: DocumentChange): History {
  if (isEmptyDiff(diff) && !document) return history;
  return { undos: [...history.undos, document ? { type: 'diff', diff, document } : { type: 'diff', diff }], redos: [] };
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
  const folded = history.undos.slice(at + 1);
  // A step that changed the document (opening a file) is never folded into a gesture.
  if (folded.some((e) => e.type === 'diff' && e.document)) return { ...history, undos: [...history.undos.slice(0, at), ...folded] };
  const squashed = diffRecords(before, current);
  const kept = history.undos.slice(0, at);
  return {
    ...history,
    undos: !isEmptyDiff(squashed) ? [...kept, { type: 'diff', diff: squashed }] : kept,
  };
}

type DiffEntry = Extract<HistoryEntry, { type: 'diff' }>;

/**
 * The diff the next undo reverses, the document to return to (when the step changed it), and the
 * history after it; marks on top are dropped. `currentDocument` is what redo will come back to: the
 * document may have been renamed by Save As since the step was recorded.
 */
export function takeUndo(history: History, currentDocument?: unknown): { diff: PlanDiff; document?: DocumentChange; history: History } | null {
  const at = lastIndexWhere(history.undos, (e) => e.type === 'diff');
  if (at < 0) return null;
  const entry = history.undos[at] as DiffEntry;
  const redo: DiffEntry = entry.document ? { ...entry, document: { before: entry.document.before, after: currentDocument } } : entry;
  return {
    diff: entry.diff,
    ...(entry.document ? { document: entry.document } : {}),
    history: { undos: history.undos.slice(0, at), redos: [...history.redos, redo] },
  };
}

export function takeRedo(history: History, currentDocument?: unknown): { diff: PlanDiff; document?: DocumentChange; history: History } | null {
  const entry = history.redos.at(-1);
  if (!entry || entry.type !== 'diff') return null;
  const undo: DiffEntry = entry.document ? { ...entry, document: { before: currentDocument, after: entry.document.after } } : entry;
  return {
    diff: entry.diff,
    ...(entry.document ? { document: entry.document } : {}),
    history: { undos: [...history.undos, undo], redos: history.redos.slice(0, -1) },
  };
}

export const canUndo = (history: History): boolean => history.undos.some((e) => e.type === 'diff');
export const canRedo = (history: History): boolean => history.redos.length > 0;

// Array.prototype.findLastIndex is ES2023; the projects compile against ES2022.
function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
