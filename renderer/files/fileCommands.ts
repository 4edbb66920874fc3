/**
 * Open, save and save-as through renderer/platform, with the plan model's rules: a file that does
 * not parse or does not follow the schema is never opened (its errors are listed and the current
 * plan stays as it is); one whose only errors are cross-references opens on request, since such a
 * plan can be saved; a plan with schema errors is not saved (it could not be opened again), and
 * the autosave draft keeps it meanwhile. Opening replaces the plan as one undoable step, so the
 * previous design is one Ctrl+Z away.
 */
import { loadPlanText, MAX_PLAN_BYTES, serializePlan } from '../../sim/model/io';
import { makeIssue, type Issue } from '../../sim/model/issues';
import { migratePlan } from '../../sim/model/migrations';
import { NODE_KINDS, SCHEMA_VERSION, type Plan } from '../../sim/model/schema';
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
  // A huge file would freeze the window while it parses; the CLI refuses the same size.
  const tooLarge = opened.text.length > MAX_PLAN_BYTES;
  const result = tooLarge
    ? { ok: false, errors: [makeIssue('invalid-json', [], `This is not a plan file: it is larger than the ${MAX_PLAN_BYTES / (1024 * 1024)} MB a plan file may have.`)], warnings: [] }
    : loadPlanText(opened.text);
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

/** What a recovery draft holds: a plan the editor can show (field errors allowed), or why not. */
export type DraftReading = { ok: true; plan: Plan; errors: Issue[] } | { ok: false; errors: Issue[] };

const EDGE_KINDS = new Set(['traffic', 'replication']);
const KINDS = new Set<string>(NODE_KINDS);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isPoint(x: unknown): boolean {
  return isRecord(x) && Number.isFinite(x.x) && Number.isFinite(x.y);
}

/**
 * The structure every view of the editor relies on (a string name; lists of objects with string
 * ids, known kinds and numeric positions; the current schema version). A draft lacking it would
 * break the window, so it is listed instead of adopted; errors inside that structure (a negative
 * rate, a missing reference) are what the inspector shows, so they do not block a restore.
 */
function editorShapeIssues(doc: Record<string, unknown>): Issue[] {
  const out: Issue[] = [];
  const list = (key: string, check: (item: Record<string, unknown>, i: number) => void, required = false) => {
    const value = doc[key];
    if (value === undefined && !required) return;
    if (!Array.isArray(value)) {
      out.push(makeIssue('wrong-type', [key], `"${key}" must be a list.`));
      return;
    }
    value.forEach((item, i) => {
      if (!isRecord(item)) out.push(makeIssue('wrong-type', [key, i], `Item ${i} of "${key}" must be an object.`));
      else check(item, i);
    });
  };
  const stringField = (item: Record<string, unknown>, at: (string | number)[], field: string) => {
    if (typeof item[field] !== 'string') out.push(makeIssue(item[field] === undefined ? 'missing-field' : 'wrong-type', [...at, field], `"${field}" must be text.`));
  };
  const position = (item: Record<string, unknown>, at: (string | number)[]) => {
    if (item.position !== undefined && !isPoint(item.position)) out.push(makeIssue('wrong-type', [...at, 'position'], '"position" must be {x, y} numbers.'));
  };
  if (doc.schemaVersion !== SCHEMA_VERSION) out.push(makeIssue('unsupported-version', ['schemaVersion'], `"schemaVersion" must be ${SCHEMA_VERSION}.`));
  if (typeof doc.name !== 'string') out.push(makeIssue(doc.name === undefined ? 'missing-field' : 'wrong-type', ['name'], '"name" must be text.'));
  list(
    'nodes',
    (node, i) => {
      stringField(node, ['nodes', i], 'id');
      if (typeof node.kind !== 'string' || !KINDS.has(node.kind)) {
        out.push(makeIssue(node.kind === undefined ? 'missing-field' : 'unknown-kind', ['nodes', i, 'kind'], `Node ${i} needs a "kind" this version knows.`));
      }
      position(node, ['nodes', i]);
    },
    true,
  );
  list('edges', (edge, i) => {
    if (typeof edge.kind !== 'string' || !EDGE_KINDS.has(edge.kind)) out.push(makeIssue('unknown-kind', ['edges', i, 'kind'], `Edge ${i} needs kind "traffic" or "replication".`));
    stringField(edge, ['edges', i], 'from');
    stringField(edge, ['edges', i], 'to');
  });
  list('regions', (region, i) => {
    stringField(region, ['regions', i], 'id');
    position(region, ['regions', i]);
  });
  list('commonCauses', (cause, i) => stringField(cause, ['commonCauses', i], 'id'));
  list('scenarios', (scenario, i) => stringField(scenario, ['scenarios', i], 'id'));
  return out;
}

/** Reads a recovery draft: validated when it can be, otherwise as written if the editor can show it. */
export function readDraft(text: string): DraftReading {
  const loaded = loadPlanText(text);
  if (loaded.plan) return { ok: true, plan: loaded.plan, errors: loaded.errors };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, errors: loaded.errors };
  }
  if (!isRecord(raw)) return { ok: false, errors: loaded.errors };
  const migrated = migratePlan(raw);
  if (!migrated.ok) return { ok: false, errors: loaded.errors };
  const shape = editorShapeIssues(migrated.doc);
  if (shape.length > 0) return { ok: false, errors: shape };
  const doc = migrated.doc as Partial<Plan>;
  return { ok: true, plan: { ...doc, regions: doc.regions ?? [], edges: doc.edges ?? [] } as Plan, errors: loaded.errors };
}

/** The plan a recovery draft holds, or null when the editor could not show it (see readDraft). */
export function planFromDraft(text: string): Plan | null {
  const reading = readDraft(text);
  return reading.ok ? reading.plan : null;
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
