/**
 * sim/model: the plan document shared by every layer — schema, validation, defaults, load/save.
 * Imports only zod and sim/catalog.
 */
export * from './schema';
export * from './issues';
export { validatePlan, type ValidationResult } from './validate';
export { resolvePlan, PLAN_DEFAULTS, type ResolvedPlan, type ResolvedNode, type ResolvedRegion, type ResolvedEdge } from './resolve';
export { loadPlanText, serializePlan, type LoadResult } from './io';
export { migratePlan, MIGRATIONS, type Migration } from './migrations';
export { planJsonSchema } from './jsonSchema';
