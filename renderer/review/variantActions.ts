/**
 * Keeping variants of a design in its own file: start a new variant or edit one on the canvas
 * (the base is put aside), save it back as a JSON Patch against the base, discard, remove. Every
 * step is one undoable plan write.
 */
import { applyVariant } from '../../sim/analysis/compare';
import type { Plan, Variant } from '../../sim/model/schema';
import type { EditorStore } from '../store/createEditorStore';
import { useReview } from './reviewStore';
import { patchBetween } from './variantShape';

export function variantsOf(plan: Plan): Variant[] {
  return plan.variants ?? [];
}

/** A name not taken yet: "Variant 2", "Variant 3"… */
export function freshVariantName(plan: Plan): string {
  const taken = new Set(variantsOf(plan).map((v) => v.name));
  for (let n = taken.size + 1; ; n++) if (!taken.has(`Variant ${n}`)) return `Variant ${n}`;
}

export function startNewVariant(store: EditorStore, name: string): void {
  useReview.getState().setEditing({ index: null, name, base: store.getState().plan });
}

export function startEditVariant(store: EditorStore, index: number): void {
  const base = store.getState().plan;
  const variant = variantsOf(base)[index];
  if (!variant) return;
  const applied = applyVariant({ ...base, variants: undefined }, variant.patch, variant.name) as Plan;
  store.getState().replacePlan({ ...applied, ...(base.variants ? { variants: base.variants } : {}) }, { history: 'record' });
  useReview.getState().setEditing({ index, name: variant.name, base });
}

/** Saves the canvas as the variant being edited and puts the base back; returns the number of operations. */
export function saveVariant(store: EditorStore): number {
  const editing = useReview.getState().editing;
  if (!editing) return 0;
  const patch = patchBetween(editing.base, store.getState().plan);
  const variants = [...variantsOf(editing.base)];
  const entry: Variant = { ...(editing.index !== null ? variants[editing.index] : {}), name: editing.name, patch };
  if (editing.index !== null && editing.index < variants.length) variants[editing.index] = entry;
  else variants.push(entry);
  store.getState().replacePlan({ ...editing.base, variants }, { history: 'record' });
  useReview.getState().setEditing(null);
  return patch.length;
}

export function discardVariantEdits(store: EditorStore): void {
  const editing = useReview.getState().editing;
  if (!editing) return;
  store.getState().replacePlan(editing.base, { history: 'record' });
  useReview.getState().setEditing(null);
}

export function removeVariant(store: EditorStore, index: number): void {
  const plan = store.getState().plan;
  const variants = variantsOf(plan).filter((_, i) => i !== index);
  const { variants: _old, ...rest } = plan;
  store.getState().replacePlan(variants.length > 0 ? { ...rest, variants } : (rest as Plan), { history: 'record' });
}

/**
 * Reads another file to compare beside this design, as `resilience compare` takes it: a JSON array
 * is a JSON Patch of the base, anything else a plan (validated when compared). Returns an error
 * sentence, or null.
 */
export function readExtraDesign(name: string, text: string, taken: readonly string[]): { label: string; value: unknown } | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `${name} is not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (typeof value !== 'object' || value === null) return `${name} holds neither a plan nor a JSON Patch`;
  let label = name;
  for (let n = 2; taken.includes(label); n++) label = `${name} (${n})`;
  return { label, value };
}
