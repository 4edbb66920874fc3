/** Progress of a running analysis: which design of how many, replications done, and Cancel. */
import type { AnalysisSlot } from './reviewStore';

export function AnalysisProgressBar({ slot, testId }: { slot: AnalysisSlot<unknown>; testId: string }) {
  if (slot.status !== 'running' || !slot.progress) return null;
  const p = slot.progress;
  const share = p.steps > 0 ? (p.step - 1 + (p.total > 0 ? p.done / p.total : 0)) / p.steps : 0;
  return (
    <>
      <span className="review-note" data-testid={`${testId}-progress`} data-step={p.step} data-steps={p.steps}>
        {p.step}/{p.steps}: {p.label} · {p.done}/{p.total} replications
      </span>
      <span className="review-progress" aria-hidden="true">
        <span style={{ width: `${Math.max(0, Math.min(1, share)) * 100}%` }} />
      </span>
      <button type="button" className="text-button" data-testid={`${testId}-cancel`} onClick={() => slot.cancel?.()}>
        Cancel
      </button>
    </>
  );
}
