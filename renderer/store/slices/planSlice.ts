/**
 * The plan part: records (the source of truth), the `Plan` rebuilt from them for readers that want
 * the document shape, and a revision counter. `applyPlanDiff` is the ONE function every plan write
 * goes through; it decides per call whether the diff is recorded for undo.
 */
import type { StateCreator } from 'zustand';
import type { Plan } from '../../../sim/model/schema';
import { applyDiff, diffRecords, isEmptyDiff, type PlanDiff } from '../diff';
import { EMPTY_HISTORY, pushDiff } from '../history';
import { planToRecords, recordsToPlan, type PlanRecords } from '../records';
import { parseKey } from '../selectionKeys';
import type { EditorState } from '../editorState';
import type { Session, Toast } from './sessionSlice';

export type HistoryMode = 'record' | 'ignore';

/** What an edit does besides changing the plan, applied in the same store update. */
export interface EditEffects {
  /** The selection after the edit; without it the selection keeps what still exists. */
  select?: readonly string[];
  /** A notice about a consequence the user may not expect (nodes leaving a region...). */
  notice?: string;
  /** Other session fields the same action changes (the paste count). */
  session?: Partial<Pick<Session, 'pasteCount'>>;
}

/** The selection without keys whose records are gone (after an undo, a delete, a replace). */
export function liveSelection(selection: readonly string[], records: PlanRecords): readonly string[] {
  const live = selection.filter((key) => {
    const ref = parseKey(key);
    if (!ref) return false;
    const map = ref.type === 'node' ? records.nodes : ref.type === 'region' ? records.regions : records.edges;
    return ref.id in map;
  });
  return live.length === selection.length ? selection : live;
}

/** The session after an edit: the selection it asks for (or what survives), and its notice. */
export function sessionAfterEdit(session: Session, records: PlanRecords, effects: EditEffects = {}): Session {
  const selection = effects.select ? [...effects.select] : liveSelection(session.selection, records);
  const toast: Toast | null = effects.notice
    ? { id: (session.toast?.id ?? 0) + 1, message: effects.notice, tone: 'info', at: null }
    : session.toast;
  if (selection === session.selection && toast === session.toast && !effects.session) return session;
  return { ...session, ...effects.session, selection, toast };
}

export interface PlanSlice {
  records: PlanRecords;
  /** Rebuilt from `records` on every write, so selectors reading it get a stable reference. */
  plan: Plan;
  /** Bumped on every change to the plan (undo and redo included); results are stamped with it. */
  revision: number;
  /**
   * Which document (file) the plan belongs to, opaque here (renderer/files gives it meaning). Undo
   * and redo across a replacePlan that changed it bring the matching document back with the plan.
   */
  document: unknown;
  /** One store update: the diff, its history entry, and the selection and notice of `effects`. */
  applyPlanDiff(diff: PlanDiff, options: { history: HistoryMode } & EditEffects): void;
  /**
   * Replaces the whole plan (open a file, start from a template) and clears the selection. `record`
   * makes it one undo step; `reset` starts a fresh history. `document`, when given, becomes the
   * plan's document, and undoing this step restores the previous one.
   */
  replacePlan(plan: Plan, options: { history: HistoryMode | 'reset'; document?: unknown }): void;
  /** Records which document the current plan belongs to (after Save As), without touching history. */
  setDocument(document: unknown): void;
}

export const createPlanSlice =
  (initial: Plan): StateCreator<EditorState, [], [], PlanSlice> =>
  (set, get) => {
    const records = planToRecords(initial);
    return {
      records,
      plan: recordsToPlan(records),
      revision: 0,
      document: null,
      applyPlanDiff(diff, { history, ...effects }) {
        if (isEmptyDiff(diff)) {
          // Nothing changed in the plan, but the gesture may still ask for a selection.
          if (effects.select || effects.notice || effects.session) set((s) => ({ session: sessionAfterEdit(s.session, s.records, effects) }));
          return;
        }
        set((s) => {
          const next = applyDiff(s.records, diff);
          return {
            records: next,
            plan: recordsToPlan(next),
            revision: s.revision + 1,
            history: history === 'record' ? pushDiff(s.history, diff) : s.history,
            session: sessionAfterEdit(s.session, next, effects),
          };
        });
      },
      replacePlan(plan, options) {
        const next = planToRecords(plan);
        const document = 'document' in options ? options.document : get().document;
        if (options.history === 'reset') {
          set((s) => ({
            records: next,
            plan: recordsToPlan(next),
            revision: s.revision + 1,
            history: EMPTY_HISTORY,
            document,
            session: { ...s.session, selection: [] },
          }));
          return;
        }
        set((s) => {
          const diff = diffRecords(s.records, next);
          const documentChanged = document !== s.document;
          if (isEmptyDiff(diff) && !documentChanged) return { session: sessionAfterEdit(s.session, s.records, { select: [] }) };
          const entry = documentChanged ? { before: s.document, after: document } : undefined;
          return {
            records: next,
            plan: recordsToPlan(next),
            revision: s.revision + 1,
            history: options.history === 'record' ? pushDiff(s.history, diff, entry) : s.history,
            document,
            session: sessionAfterEdit(s.session, next, { select: [] }),
          };
        });
      },
      setDocument(document) {
        set((s) => (s.document === document ? s : { document }));
      },
    };
  };
