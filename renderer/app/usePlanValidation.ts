/**
 * The current plan's validation, shared by every reader: cached per plan object (plans are immutable
 * and rebuilt on each write), so the status bar and the side panel validate once per edit.
 */
import { validatePlan, type ValidationResult } from '../../sim/model/validate';
import type { Plan } from '../../sim/model/schema';
import { useEditor } from '../store/EditorStoreContext';
import { selectPlan } from '../store/selectors';

const cache = new WeakMap<Plan, ValidationResult>();

export function validationOf(plan: Plan): ValidationResult {
  let result = cache.get(plan);
  if (!result) {
    result = validatePlan(plan);
    cache.set(plan, result);
  }
  return result;
}

export function usePlanValidation(): ValidationResult {
  return validationOf(useEditor(selectPlan));
}
