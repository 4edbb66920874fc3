/**
 * The one entry to plan validation: schema, then cross-references, then resolution and warnings.
 * Never throws on any input; errors block simulation, warnings never do.
 * Imports only sim/model and sim/catalog.
 */
import { crossCheckPlan } from './crossChecks';
import { makeIssue, type Issue } from './issues';
import { resolvePlan, type ResolvedPlan } from './resolve';
import { PlanSchema, type Plan } from './schema';
import { issueFromZod } from './schemaIssues';
import { warningsFor } from './warnings';

export interface ValidationResult {
  /** True when there are no errors (warnings allowed). */
  ok: boolean;
  /** The parsed plan when it is well-formed, even if cross-reference errors remain (so it can be saved). */
  plan?: Plan;
  /** The plan with catalog defaults filled in; present only when ok. */
  resolved?: ResolvedPlan;
  errors: Issue[];
  warnings: Issue[];
}

/**
 * Latency routing measures distance, so every region it involves needs a location: the regions of
 * its targets and the client origins that reach it.
 */
function checkLocations(plan: Plan, resolved: ResolvedPlan): Issue[] {
  const out: Issue[] = [];
  const involved = new Set<string>();
  const latency = plan.nodes.filter((n) => n.kind === 'dns' && n.policy === 'latency');
  if (latency.length === 0) return out;
  const byId = new Map<string, Plan['nodes'][number]>();
  for (const n of plan.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const latencyIds = new Set(latency.map((n) => n.id));
  for (const n of latency) {
    if (n.kind !== 'dns') continue;
    for (const t of n.targets) {
      const region = byId.get(t.node)?.region;
      if (region) involved.add(region);
    }
  }
  for (const e of plan.edges) {
    const feeder = e.kind === 'traffic' && latencyIds.has(e.to) ? byId.get(e.from) : undefined;
    if (feeder?.kind === 'clients') for (const origin of Object.keys(feeder.origins ?? {})) involved.add(origin);
  }
  resolved.regions.forEach((r, i) => {
    if (involved.has(r.id) && !r.location) {
      out.push(makeIssue('location-missing', ['regions', i, 'location'], `Region "${r.id}" has no location and no known provider code; latency routing needs its lat/lon.`));
    }
  });
  return out;
}

/** Keys JavaScript objects treat specially: as a plan key the schema would drop it silently. */
const PROTOTYPE_KEYS = new Set(['__proto__']);

/**
 * Every own key named "__proto__" anywhere in the input (JSON.parse creates them as plain keys).
 * Iterative, with parent links, so neither depth nor width costs more than one visit per value.
 */
function prototypeKeyIssues(input: object): Issue[] {
  interface Visit {
    value: unknown;
    key: string | number;
    parent: Visit | null;
  }
  const out: Issue[] = [];
  const stack: Visit[] = [{ value: input, key: '', parent: null }];
  const pathOf = (v: Visit): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let at: Visit | null = v; at && at.parent; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  while (stack.length > 0 && out.length < 20) {
    const visit = stack.pop()!;
    const value = visit.value;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], key: i, parent: visit });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) {
        out.push(makeIssue('reserved-key', [...pathOf(visit), key], `"${key}" cannot be used as a key here: JavaScript reserves it, so the entry would be lost; rename it.`));
      }
      stack.push({ value: (value as Record<string, unknown>)[key], key, parent: visit });
    }
  }
  return out;
}

export function validatePlan(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [makeIssue('not-an-object', [], 'A plan must be a JSON object with "schemaVersion", "name" and "nodes".')], warnings: [] };
  }
  const reserved = prototypeKeyIssues(input);
  if (reserved.length > 0) return { ok: false, errors: reserved, warnings: [] };
  const parsed = PlanSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map(issueFromZod), warnings: [] };
  }
  const plan = parsed.data;
  const errors = crossCheckPlan(plan);
  if (errors.length > 0) return { ok: false, plan, errors, warnings: [] };
  const resolved = resolvePlan(plan);
  const locationErrors = checkLocations(plan, resolved);
  const warnings = warningsFor(plan, resolved);
  if (locationErrors.length > 0) return { ok: false, plan, errors: locationErrors, warnings };
  return { ok: true, plan, resolved, errors: [], warnings };
}
