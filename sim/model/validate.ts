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
  for (const n of plan.nodes) {
    if (n.kind !== 'dns' || n.policy !== 'latency') continue;
    for (const t of n.targets) {
      const region = plan.nodes.find((x) => x.id === t.node)?.region;
      if (region) involved.add(region);
    }
    for (const e of plan.edges) {
      const feeder = e.kind === 'traffic' && e.to === n.id ? plan.nodes.find((x) => x.id === e.from) : undefined;
      if (feeder?.kind === 'clients') for (const origin of Object.keys(feeder.origins ?? {})) involved.add(origin);
    }
  }
  resolved.regions.forEach((r, i) => {
    if (involved.has(r.id) && !r.location) {
      out.push(makeIssue('location-missing', ['regions', i, 'location'], `Region "${r.id}" has no location and no known provider code; latency routing needs its lat/lon.`));
    }
  });
  return out;
}

export function validatePlan(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [makeIssue('not-an-object', [], 'A plan must be a JSON object with "schemaVersion", "name" and "nodes".')], warnings: [] };
  }
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
