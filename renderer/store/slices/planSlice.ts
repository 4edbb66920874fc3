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
import type { EditorState } from '../editorState';

export type HistoryMode = 'record' | 'ignore';

export interface PlanSlice {
  records: PlanRecords;
  /** Rebuilt from `records` on every write, so selectors reading it get a stable reference. */
  plan: Plan;
  /** Bumped on every change to the plan (undo and redo included); results are stamped with it. */
  revision: number;
  applyPlanDiff(diff: PlanDiff, options: { history: HistoryMode }): void;
  /**
   * Replaces the whole plan (open a file, start from a template). `record` makes it one undo step;
   * `reset` starts a fresh history, as opening another document should.
   */
  replacePlan(plan: Plan, options: { history: HistoryMode | 'reset' }): void;
}

export const createPlanSlice =
  (initial: Plan): StateCreator<EditorState, [], [], PlanSlice> =>
  (set, get) => {
    const records = planToRecords(initial);
    return {
      records,
      plan: recordsToPlan(records),
      revision: 0,
      applyPlanDiff(diff, { history }) {
        if (isEmptyDiff(diff)) return;
        set((s) => {
          const next = applyDiff(s.records, diff);
          return {
            records: next,
            plan: recordsToPlan(next),
            revision: s.revision + 1,
            history: history === 'record' ? pushDiff(s.history, diff) : s.history,
          };
        });
      },
      replacePlan(plan, { history }) {
        const next = planToRecords(plan);
        if (history === 'reset') {
          set((s) => ({
            records: next,
            plan: recordsToPlan(next),
            revision: s.revision + 1,
            history: EMPTY_HISTORY,
            session: { ...s.session, selection: [] },
          }));
          return;
        }
        get().applyPlanDiff(diffRecords(get().records, next), { history });
      },
    };
  };
