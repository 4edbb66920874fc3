/**
 * What the engine core does not simulate yet, named so `simulate` can refuse instead of silently
 * ignoring it. The DNS, data and scaling parts (issues 4–6) each delete their lines here when they
 * land (DNS, data and scaling have: what is left is below).
 * Imports only plan types.
 */
import type { ResolvedPlan } from '../model/resolve';

/** One phrase per missing capability, naming the plan parts that need it; empty when all is supported. */
export function unsupportedFeatures(plan: ResolvedPlan): string[] {
  const out: string[] = [];
  const ids = (pred: (n: ResolvedPlan['nodes'][number]) => boolean): string[] => plan.nodes.filter(pred).map((n) => n.id);
  const list = (xs: string[]): string => xs.map((x) => `"${x}"`).join(', ');
  const add = (xs: string[], what: string): void => {
    if (xs.length > 0) out.push(`${what} (${list(xs)})`);
  };

  // Autoscaling, probes, serverless and a diurnal swing against capacity are simulated (issue 6);
  // one swing shared by every clients node is all the load model has.
  const swings = new Set(plan.nodes.flatMap((n) => (n.kind === 'clients' ? [n.diurnalSwing] : [])));
  if ([...swings].some((s) => s > 0) && swings.size > 1) add(ids((n) => n.kind === 'clients' && n.diurnalSwing > 0), 'clients with different diurnal swings');
  return out;
}
