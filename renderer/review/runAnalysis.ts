/**
 * Starts an analysis (strategy matrix, comparison or sensitivity) on the worker pool and records its progress,
 * result or error in the review store; one of each kind at a time, and cancel stops its workers.
 */
import { RunCancelled } from '../simClient/runSimulation';
import { analysisRunner, type AnalysisRunnerOptions } from '../simClient/analysisRunner';
import type { ReplicationRunner } from '../../sim/analysis/design';
import { useReview, type ComparisonResult } from './reviewStore';
import type { StrategyMatrix } from '../../sim/analysis/strategyMatrix';
import type { SensitivityResult } from '../../sim/analysis/sensitivity';

type Kind = 'strategies' | 'compare' | 'sensitivity';

type ResultOf<K extends Kind> = K extends 'strategies' ? StrategyMatrix : K extends 'sensitivity' ? SensitivityResult : ComparisonResult;

export function runAnalysis<K extends Kind>(
  kind: K,
  revision: number,
  work: (run: ReplicationRunner, onStep: (step: number, steps: number, label: string) => void) => Promise<ResultOf<K>>,
  options: AnalysisRunnerOptions = {},
): Promise<void> {
  const store = useReview.getState();
  store[kind].cancel?.();
  let step = { step: 0, steps: 1, label: '' };
  const runner = analysisRunner({
    ...options,
    onReplication: (done, total) => useReview.getState().set(kind, { progress: { ...step, done, total } }),
  });
  useReview.getState().set(kind, { status: 'running', error: null, progress: { ...step, done: 0, total: 1 }, cancel: () => runner.cancel() });
  return work(runner.run, (s, steps, label) => {
    step = { step: s, steps, label };
    useReview.getState().set(kind, { progress: { ...step, done: 0, total: 1 } });
  }).then(
    (result) => {
      if (runner.cancelled) return;
      useReview.getState().set(kind, { status: 'done', result, revision, progress: null, cancel: null });
    },
    (error: unknown) => {
      if (error instanceof RunCancelled || runner.cancelled) {
        useReview.getState().set(kind, { status: 'cancelled', progress: null, cancel: null });
        return;
      }
      useReview.getState().set(kind, { status: 'error', error: error instanceof Error ? error.message : String(error), progress: null, cancel: null });
    },
  );
}
