/**
 * Open result…: a result file written by `simulate --json` or `merge` (for instance a run sharded
 * over a cluster) shown in the results dashboard instead of running here. The file is validated
 * with the CLI's own schema (sim/report/resultFile.ts) and checked against the open plan's SHA-256,
 * the hash the CLI prints; a result of another plan is still shown, marked stale, and says so.
 * Once shown it is kept for the next start like any result (persistResults.ts).
 */
import { checkResultAgainstPlan, parseResultText, type ResultDocument } from '../../sim/report/resultFile';
import type { Plan } from '../../sim/model/schema';
import type { FileContext } from '../files/fileCommands';
import type { RunOutcome } from '../simClient/types';

/** A file far larger than this is not a result (a result holds fixed-size statistics and one timeline). */
const MAX_RESULT_CHARS = 64 * 1024 * 1024;

/**
 * The dashboard's outcome for a result document. A file holds statistics, not per-replication
 * samples or causes: the distributions and the cause chart say so rather than draw nothing.
 */
export function outcomeFromResult(document: ResultDocument, plan: Plan, source: { file: string; planMatches: boolean }): RunOutcome {
  const { plan: planName, planSha256: _hash, notes: _notes, precision, ...rest } = document;
  const result = { ...rest } as RunOutcome['result'] & { cost?: unknown };
  delete result.cost;
  return {
    planName,
    settings: { seed: document.seed, replications: document.replications, horizonYears: document.horizonYears },
    result,
    rtoSample: { count: document.rtoSeconds.count, values: [] },
    rpoSample: { count: document.rpoSeconds.count, values: [] },
    causes: [],
    causeCoverage: { recorded: 0, incidents: document.incidents.count },
    availabilityMetShare: null,
    heat: { nodes: {}, regions: {} },
    scenarios: null,
    scenariosDefined: plan.scenarios?.length ?? 0,
    workers: 0,
    mainThread: false,
    ...(precision ? { precision } : {}),
    source,
  };
}

export type OpenResultOutcome = 'shown' | 'mismatch' | 'refused' | 'cancelled';

/** Reads a result text into the store; what happened (the user is told through a toast). */
export function showResultText(ctx: Pick<FileContext, 'editor'>, name: string, text: string): OpenResultOutcome {
  const editor = ctx.editor.getState();
  const parsed = text.length > MAX_RESULT_CHARS ? { ok: false as const, message: 'it is larger than the 64 MB a result file may have' } : parseResultText(text);
  if (!parsed.ok) {
    editor.showToast(`Cannot open ${name} as a result: ${parsed.message}.`, { tone: 'error' });
    return 'refused';
  }
  const check = checkResultAgainstPlan(parsed.document, editor.plan);
  editor.showOpenedResult(outcomeFromResult(parsed.document, editor.plan, { file: name, planMatches: check.ok }), check.ok);
  if (check.ok) {
    editor.showToast(`Opened the result ${name}: ${parsed.document.replications} replications of this plan (its SHA-256 matches).`, { tone: 'info' });
    return 'shown';
  }
  editor.showToast(`${name} does not match the open plan: ${check.message}. It is shown as stale.`, { tone: 'error' });
  return 'mismatch';
}

/** Asks for a result file (native dialog on the desktop, file input in a browser) and shows it. */
export async function openResultFile(ctx: FileContext): Promise<OpenResultOutcome> {
  const open = ctx.platform.openResult;
  if (!open) {
    ctx.editor.getState().showToast('Opening a result file is not available here.', { tone: 'error' });
    return 'refused';
  }
  let opened;
  try {
    opened = await open.call(ctx.platform);
  } catch (error) {
    ctx.editor.getState().showToast(`Cannot open the result: ${error instanceof Error ? error.message : String(error)}.`, { tone: 'error' });
    return 'refused';
  }
  if (!opened) return 'cancelled';
  return showResultText(ctx, opened.file.name, opened.text);
}
