/**
 * The "Export report" toolbar commands: the review panels' current data (plan, fresh run, cost,
 * strategy matrix, comparison, sensitivity, scenarios) as the one-file HTML review report, saved
 * through the host; or the same report as PDF (printed by the desktop's main process, or the
 * browser's print dialog).
 */
import { useUiStoreApi } from '../shell/uiStore';
import type { ToolbarCommand } from '../app/toolbarItems';
import { suggestedFileName } from '../files/fileCommands';
import { exportFile, exportReportPdf } from '../platform';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import { useReview } from './reviewStore';
import { reviewInputs } from './reviewInputs';
import { reportHtmlOf } from './reportExport';
import { useCostReport } from './useCostReport';
import { usePlanValidation } from '../app/usePlanValidation';
import { selectOutcome } from '../results/selectors';

/** Builds the report of what the panels hold now and hands it to `deliver`; failures become a toast. */
function useReportExport(deliver: (html: string, fileName: string) => Promise<unknown>): { disabled: boolean; run: () => void } {
  const store = useEditorStoreApi();
  const ui = useUiStoreApi();
  const cost = useCostReport();
  const validation = usePlanValidation();
  return {
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
        .then(({ html, fileName }) => deliver(html, fileName))
        .catch((error: unknown) => s.showToast(`Report export failed: ${error instanceof Error ? error.message : String(error)}`));
    },
  };
}

export function useExportReportCommand(): ToolbarCommand {
  const report = useReportExport((html, fileName) => exportFile(new Blob([html], { type: 'text/html' }), fileName));
  return {
    testId: 'export-report',
    label: 'Export report',
    title: 'Save a design-review report (one HTML file) of the plan and its current results',
    ...report,
  };
}

export function useExportReportPdfCommand(): ToolbarCommand {
  const report = useReportExport((html, fileName) => exportReportPdf(html, fileName));
  return {
    testId: 'export-report-pdf',
    label: 'Export report as PDF',
    title: 'Save the design-review report as a PDF (in a browser: the print dialog, choose “Save as PDF”)',
    ...report,
  };
}
