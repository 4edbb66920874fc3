/**
 * The current plan's validation, shared by every reader: cached per plan object (plans are immutable
 * and rebuilt on each write), so the status bar and the side panel validate once per edit.
 *
 * Validation never reads where things are drawn (positions, region sizes), so a plan that differs
 * from the last validated one only there reuses its result: dragging a card or resizing a region
 * costs a shallow comparison per frame instead of a whole validation.
 */
import { validatePlan, type ValidationResult } from '../../sim/model/validate';
import type { Plan } from '../../sim/model/schema';
import { useEditor } from '../store/EditorStoreContext';
import { selectPlan } from '../store/selectors';

const cache = new WeakMap<Plan, ValidationResult>();
let last: { plan: Plan; result: ValidationResult } | null = null;

const DRAWING_ONLY = new Set(['position', 'size']);
const LISTS = new Set(['regions', 'nodes', 'edges']);

/** Same keys with the same values (by identity), drawing-only keys aside. */
function sameExceptDrawing(a: object, b: object): boolean {
  if (a === b) return true;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => !DRAWING_ONLY.has(k));
  const kb = Object.keys(rb).filter((k) => !DRAWING_ONLY.has(k));
  return ka.length === kb.length && ka.every((k) => k in rb && ra[k] === rb[k]);
}

/** Whether two plans differ at most in positions and region sizes (records compared by identity otherwise). */
export function differsOnlyInDrawing(a: Plan, b: Plan): boolean {
  const ka = Object.keys(a).filter((k) => !LISTS.has(k));
  const kb = Object.keys(b).filter((k) => !LISTS.has(k));
  if (ka.length !== kb.length || !ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k])) return false;
  const lists: ('regions' | 'nodes' | 'edges')[] = ['regions', 'nodes', 'edges'];
  return lists.every((name) => {
    const la = (a[name] ?? []) as object[];
    const lb = (b[name] ?? []) as object[];
    return la.length === lb.length && la.every((item, i) => sameExceptDrawing(item, lb[i]!));
  });
}

function mentionsDrawing(result: ValidationResult): boolean {
  return [...result.errors, ...result.warnings].some((i) => i.pathSegments.some((seg) => typeof seg === 'string' && DRAWING_ONLY.has(seg)));
}

export function validationOf(plan: Plan): ValidationResult {
  let result = cache.get(plan);
  if (!result) {
    // A message about a position or size itself (a malformed file) must be re-checked after a move.
    const reusable = last && !mentionsDrawing(last.result) && differsOnlyInDrawing(last.plan, plan);
    result = reusable && last ? last.result : validatePlan(plan);
    cache.set(plan, result);
  }
  last = { plan, result };
  return result;
}

export function usePlanValidation(): ValidationResult {
  return validationOf(useEditor(selectPlan));
}

let lastContent: Plan | null = null;

/**
 * The plan as far as its content goes: the same object as long as only positions and sizes change,
 * for readers that never draw (strategy badges), so a drag does not make them recompute.
 */
export function contentOf(plan: Plan): Plan {
  if (!lastContent || !differsOnlyInDrawing(lastContent, plan)) lastContent = plan;
  return lastContent;
}

export function useContentPlan(): Plan {
  return contentOf(useEditor(selectPlan));
}
