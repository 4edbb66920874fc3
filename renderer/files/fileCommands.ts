/**
 * Open, save and save-as through renderer/platform, with the plan model's rules: a file that does
 * not parse or does not follow the schema is never opened (its errors are listed and the current
 * plan stays as it is); one whose only errors are cross-references opens on request, since such a
 * plan can be saved; a plan with schema errors is not saved (it could not be opened again), and
 * the autosave draft keeps it meanwhile. Opening replaces the plan as one undoable step, so the
 * previous design is one Ctrl+Z away.
 */
import { loadPlanText, serializePlan } from '../../sim/model/io';
import type { Issue } from '../../sim/model/issues';
import type { Plan } from '../../sim/model/schema';
import { validationOf } from '../app/usePlanValidation';
import type { Platform } from '../platform';
import type { EditorStore } from '../store/createEditorStore';
import type { UiStore } from '../shell/uiStore';

export interface FileContext {
  editor: EditorStore;
  ui: UiStore;
  platform: Platform;
  /** Called after a plan replaced the current one (the canvas fits it into view). */
  onReplaced?: () => void;
}

/** A file name from a plan name: "Two regions, active-passive" → "two-regions-active-passive.plan.json". */
export function suggestedFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'design'}.plan.json`;
}

/** Replaces the plan as one undoable step and makes it the window's document. */
export function adoptPlan(ctx: FileContext, plan: Plan, file: { ref: ReturnType<UiStore['getState']>['file']; saved: boolean }): void {
  // The file goes into the history step, so undoing the open brings back the previous file too.
  ctx.editor.getState().replacePlan(plan, { history: 'record', document: file.ref });
  const revision = ctx.editor.getState().revision;
  // A recovered draft is not on disk yet: it stays "unsaved" (-1 never equals a revision).
  ctx.ui.getState().setFile(file.ref, file.saved ? revision : -1);
  ctx.onReplaced?.();
}

export async function openFile(ctx: FileContext): Promise<'opened' | 'refused' | 'cancelled' | 'pending'> {
  const opened = await ctx.platform.open();
  if (!opened) return 'cancelled';
  const result = loadPlanText(opened.text);
  const ui = ctx.ui.getState();
  const name = opened.file.name;
  if (!result.plan) {
    ui.openDialog({
      type: 'file-errors',
      title: `Cannot open ${name}`,
      fileName: name,
      errors: result.errors,
      note: 'Nothing was changed: your current design is as it was.',
    });
    return 'refused';
  }
  const plan = result.plan;
  const finish = () => {
    adoptPlan(ctx, plan, { ref: opened.file, saved: true });
    const undo = 'Ctrl+Z brings back the previous design.';
    ctx.editor.getState().showToast(`Opened ${name}. ${undo}`, { tone: 'info' });
  };
  if (!result.ok) {
    ui.openDialog({
      type: 'file-errors',
      title: `${name} has ${countText(result.errors.length, 'error')}`,
      fileName: name,
      errors: result.errors,
      note: 'Its structure is sound, so you can open it and fix these in the inspector. Until you choose, your current design is unchanged.',
      proceed: { label: 'Open anyway', run: finish },
    });
    return 'pending';
  }
  finish();
  return 'opened';
}

export async function savePlan(ctx: FileContext, mode: 'save' | 'saveAs'): Promise<'saved' | 'refused' | 'cancelled'> {
  const state = ctx.editor.getState();
  const revision = state.revision;
  const validation = validationOf(state.plan);
  const ui = ctx.ui.getState();
  if (!validation.plan) {
    ui.openDialog({
      type: 'file-errors',
      title: `Cannot save yet: ${countText(validation.errors.length, 'field error')}`,
      fileName: ui.file?.name ?? suggestedFileName(state.plan.name),
      errors: validation.errors,
      note: 'A file with these errors could not be opened again. Your work is kept in the autosave draft; fix the fields shown and save again.',
    });
    return 'refused';
  }
  const text = serializePlan(validation.plan);
  const file = ui.file;
  const ref = mode === 'save' && file ? await ctx.platform.save(file, text) : await ctx.platform.saveAs(text, file?.name ?? suggestedFileName(state.plan.name));
  if (!ref) return 'cancelled';
  ctx.ui.getState().setFile(ref, revision);
  ctx.editor.getState().setDocument(ref);
  if (!validation.ok) {
    const first = validation.errors[0]!;
    state.showToast(`Saved ${ref.name} with ${countText(validation.errors.length, 'error')} to fix before it can run — ${first.path}: ${first.message}`, { tone: 'error' });
  } else {
    state.showToast(`Saved ${ref.name}.`, { tone: 'info' });
  }
  return 'saved';
}

/** The plan a recovery draft holds: validated when it can be, otherwise as written (its errors then show in the inspector). */
export function planFromDraft(text: string): Plan | null {
  const loaded = loadPlanText(text);
  if (loaded.plan) return loaded.plan;
  try {
    const raw = JSON.parse(text) as Partial<Plan> | null;
    if (!raw || typeof raw !== 'object' || !Array.isArray(raw.nodes)) return null;
    return { ...raw, regions: Array.isArray(raw.regions) ? raw.regions : [], edges: Array.isArray(raw.edges) ? raw.edges : [] } as Plan;
  } catch {
    return null;
  }
}

export function isWorthRecovering(plan: Plan | null): plan is Plan {
  return !!plan && (plan.nodes.length > 0 || plan.regions.length > 0 || (plan.commonCauses?.length ?? 0) > 0);
}

export function describeIssues(errors: readonly Issue[]): string {
  return errors.map((e) => `${e.code} ${e.path}: ${e.message}`).join('\n');
}

function countText(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
