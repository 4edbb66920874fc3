/**
 * What the review panels keep between tab switches: the last strategy matrix, comparison and sensitivity run (with the user's ranges), the
 * analysis in progress (step, replications, cancel) and the plan revision each was computed for.
 * One per window; the analyses themselves run in the worker pool (renderer/simClient/analysisRunner).
 */
import { create } from 'zustand';
import type { Comparison } from '../../sim/analysis/compare';
import type { StrategyMatrix } from '../../sim/analysis/strategyMatrix';
import type { SensitivityResult } from '../../sim/analysis/sensitivity';
import type { Plan } from '../../sim/model/schema';

export interface AnalysisProgress {
  step: number;
  steps: number;
  label: string;
  done: number;
  total: number;
}

export interface AnalysisSlot<T> {
  status: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  progress: AnalysisProgress | null;
  result: T | null;
  /** Plan revision the result is for. */
  revision: number | null;
  error: string | null;
  cancel: (() => void) | null;
}

export interface ComparisonResult {
  comparison: Comparison;
  /** The designs as run (label → plan), for the diff and for "edit this one". */
  plans: Array<{ label: string; plan: unknown }>;
  /** The other files compared (beside the plan's own variants), by name, for the report's rerun command. */
  files?: string[];
}

/** A variant being edited on the canvas: the base plan to diff against when it is saved. */
export interface VariantEditing {
  /** Index in the base's variants, or null for a new one. */
  index: number | null;
  name: string;
  base: Plan;
}

/** A design opened from another file to compare beside this one (a plan, or a JSON Patch of it). */
export interface ExtraDesign {
  label: string;
  /** A plan, or a JSON Patch (an array) applied to the base when compared. */
  value: unknown;
}

interface ReviewState {
  editing: VariantEditing | null;
  extra: ExtraDesign[];
  setExtra(extra: ExtraDesign[]): void;
  setEditing(editing: VariantEditing | null): void;
  strategies: AnalysisSlot<StrategyMatrix>;
  compare: AnalysisSlot<ComparisonResult>;
  sensitivity: AnalysisSlot<SensitivityResult>;
  /** The user's edits of the sensitivity ranges, by parameter id, as typed. */
  sensitivityRanges: Record<string, { low: string; high: string }>;
  setSensitivityRanges(ranges: Record<string, { low: string; high: string }>): void;
  /** `result` must match the slot: StrategyMatrix for strategies, ComparisonResult for compare, SensitivityResult for sensitivity. */
  set(key: 'strategies' | 'compare' | 'sensitivity', patch: Partial<Omit<AnalysisSlot<unknown>, 'result'>> & { result?: StrategyMatrix | ComparisonResult | SensitivityResult | null }): void;
}

const empty = <T,>(): AnalysisSlot<T> => ({ status: 'idle', progress: null, result: null, revision: null, error: null, cancel: null });

export const useReview = create<ReviewState>((set) => ({
  editing: null,
  extra: [],
  setExtra: (extra) => set({ extra }),
  setEditing: (editing) => set({ editing }),
  strategies: empty<StrategyMatrix>(),
  compare: empty<ComparisonResult>(),
  sensitivity: empty<SensitivityResult>(),
  sensitivityRanges: {},
  setSensitivityRanges: (sensitivityRanges) => set({ sensitivityRanges }),
  set: (key, patch) => set((s) => ({ [key]: { ...s[key], ...patch } }) as Partial<ReviewState>),
}));
