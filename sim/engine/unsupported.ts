/**
 * What the engine core does not simulate yet, named so `simulate` can refuse instead of silently
 * ignoring it. The DNS, data and scaling parts (issues 4–6) each delete their lines here when they
 * land. Imports only plan types.
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

  add(
    plan.edges.filter((e) => e.kind === 'replication').map((e) => `${e.from}→${e.to}`),
    'datastore replication and promotion',
  );
  add(ids((n) => n.kind === 'backup'), 'backups and restores');
  add(
    ids((n) => n.kind === 'datastore' && n.failureLosesData),
    'a datastore that loses its data on failure (restore semantics)',
  );
  add(ids((n) => (n.kind === 'gateway' || n.kind === 'service') && n.autoscaling !== undefined), 'autoscaling');
  add(ids((n) => (n.kind === 'gateway' || n.kind === 'service') && n.probes !== undefined), 'container liveness and readiness probes');
  add(
    ids(
      (n) =>
        (n.kind === 'gateway' || n.kind === 'service') &&
        (n.concurrencyLimit !== undefined || n.requestSeconds !== undefined || n.scaleUpPerMinute !== undefined),
    ),
    'serverless concurrency and scale-up',
  );
  // A swing only reweights requests while the failing share stays constant between events, which
  // holds when no capacity limit can be crossed and every clients node swings alike.
  const swings = new Set(plan.nodes.flatMap((n) => (n.kind === 'clients' ? [n.diurnalSwing] : [])));
  const capacityLimited = plan.nodes.some((n) => (n.kind === 'gateway' || n.kind === 'service') && n.capacityRpsPerInstance !== undefined);
  if ([...swings].some((s) => s > 0) && (capacityLimited || swings.size > 1)) {
    add(ids((n) => n.kind === 'clients' && n.diurnalSwing > 0), capacityLimited ? 'diurnal load swing against capacity limits' : 'clients with different diurnal swings');
  }
  add(ids((n) => n.kind === 'loadBalancer' && n.healthCheck.deep), 'deep health checks');
  return out;
}
