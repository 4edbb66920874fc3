/**
 * The "Export report" toolbar command: the review panels' current data (plan, fresh run, cost,
 * strategy matrix, comparison, sensitivity, scenarios) as the one-file HTML review report, saved through the host.
 */
import { useUiStoreApi } from '../shell/uiStore';
import type { ToolbarCommand } from '../app/toolbarItems';
import { suggestedFileName } from '../files/fileCommands';
import { exportFile } from '../platform';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import { useReview } from './reviewStore';
import { reviewInputs } from './reviewInputs';
import { reportHtmlOf } from './reportExport';
import { useCostReport } from './useCostReport';
import { usePlanValidation } from '../app/usePlanValidation';
import { selectOutcome } from '../results/selectors';

export function useExportReportCommand(): ToolbarCommand {
  const store = useEditorStoreApi();
  const ui = useUiStoreApi();
  const cost = useCostReport();
  const validation = usePlanValidation();
  return {
    testId: 'export-report',
    label: 'Export report',
    title: 'Save a design-review report (one HTML file) of the plan and its current results',
    disabled: !validation.ok || !validation.resolved,
    run: () => {
      const s = store.getState();
      const review = useReview.getState();
      const outcome = selectOutcome(s);
      const settings = validation.resolved?.simulation;
      if (!settings) return;
      const inputs = reviewInputs({
        plan: s.plan,
        revision: s.revision,
        simulation: outcome ? { result: outcome.result, revision: s.simulation.resultRevision, scenarios: outcome.scenarioResults ?? null } : null,
        cost: cost.ok ? cost.report : null,
        strategies: review.strategies.result ? { result: review.strategies.result, revision: review.strategies.revision } : null,
        comparison: review.compare.result ? { result: review.compare.result.comparison, revision: review.compare.revision, files: review.compare.result.files ?? [] } : null,
        sensitivity: review.sensitivity.result ? { result: review.sensitivity.result, revision: review.sensitivity.revision } : null,
        settings,
      });
      const planFile = ui.getState().file?.name ?? suggestedFileName(s.plan.name);
      void reportHtmlOf(inputs, planFile)
        .then(({ html, fileName }) => exportFile(new Blob([html], { type: 'text/html' }), fileName))
        .catch((error: unknown) => s.showToast(`Report export failed: ${error instanceof Error ? error.message : String(error)}`));
    },
  };
}
