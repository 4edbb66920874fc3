/**
 * The current plan's cost, recomputed on every edit (the cost model needs no simulation), with the
 * last run's availability for the expected downtime cost and a sentence saying which run that is.
 */
import { useMemo } from 'react';
import { costOfPlan, rateCardIssues, type CostReport } from '../../sim/cost';
import { usePlanValidation } from '../app/usePlanValidation';
import { useEditor } from '../store/EditorStoreContext';
import { selectResultIsStale } from '../store/selectors';
import { selectOutcome } from '../results/selectors';
import { downtimeSource, type DowntimeSource } from './costShape';

export type CostState = { ok: true; report: CostReport; downtime: DowntimeSource | null } | { ok: false; message: string; details: string[] };

export function useCostReport(): CostState {
  const validation = usePlanValidation();
  const outcome = useEditor(selectOutcome);
  const stale = useEditor(selectResultIsStale);
  const revision = useEditor((s) => s.simulation.resultRevision);
  return useMemo<CostState>(() => {
    if (!validation.ok || !validation.plan || !validation.resolved) {
      return { ok: false, message: 'The plan does not validate, so it cannot be priced; fix the problems listed in the inspector.', details: validation.errors.slice(0, 6).map((e) => `${e.path || '(plan)'}: ${e.message}`) };
    }
    const issues = rateCardIssues(validation.plan.cost, validation.plan.nodes.map((n) => n.id));
    if (issues.length > 0) return { ok: false, message: 'The plan’s cost settings name prices the rate card does not have.', details: issues.map((i) => `${i.path}: ${i.message}`) };
    const r = outcome?.result;
    const downtime = downtimeSource(r ? { availability: r.availability.requestWeighted.mean, replications: r.replications, horizonYears: r.horizonYears, seed: r.seed, revision, stale } : null);
    const report = costOfPlan(validation.plan, validation.resolved, downtime ? { requestWeightedAvailability: downtime.availability } : {});
    return { ok: true, report, downtime };
  }, [validation, outcome, stale, revision]);
}
