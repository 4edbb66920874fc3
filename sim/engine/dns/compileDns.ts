/**
 * Compiles the plan's DNS nodes for the engine: each record's answers, the client origins it serves,
 * and one health check per target (PLAN-FORMAT meanings 5–7). Origins are one list for the whole
 * plan so per-origin results line up across records. Imports only plan types and sim/engine.
 */
import type { ResolvedPlan } from '../../model/resolve';
import { compileHealthCheck, type DetectionLaw } from '../detection';
import { compileDnsRecord, GLOBAL_ORIGIN, type CompiledDnsRecord } from './answers';

export interface DnsDef {
  /** Index of the DNS node in the model's traffic nodes. */
  node: number;
  id: string;
  record: CompiledDnsRecord;
  /** Traffic-node index of each target, in record order. */
  targetNodes: Int32Array;
  /** Share of this record's arrivals coming from each origin (sums to 1). */
  originWeight: Float64Array;
  ttlSeconds: number;
  violationFraction: number;
  violationSeconds: number;
  /** Its health checks: dnsChecks[checkStart .. checkEnd), one per target; none for `simple`. */
  checkStart: number;
  checkEnd: number;
}

export interface DnsCheckDef {
  dns: number;
  /** Index of the target within its record. */
  target: number;
  targetNode: number;
  /** Stream key for this check's detection draws. */
  sourceId: string;
  law: DetectionLaw;
  /** `deep: true` observes the whole downstream path, not just the target. */
  deep: boolean;
  /** People switch the record after the monitor's detection and response, not checkers (meaning 21). */
  manual: boolean;
}

export interface PlanOrigins {
  /** Region ids of client origins, plus GLOBAL_ORIGIN for clients that name none. */
  ids: string[];
  /** Per clients node id: [origin index, share] pairs. */
  byClients: Map<string, Array<[number, number]>>;
}

/** Every client origin of the plan, in first-seen order. */
export function collectOrigins(plan: ResolvedPlan): PlanOrigins {
  const ids: string[] = [];
  const byClients = new Map<string, Array<[number, number]>>();
  const indexOf = (id: string) => {
    let i = ids.indexOf(id);
    if (i < 0) i = ids.push(id) - 1;
    return i;
  };
  for (const n of plan.nodes) {
    if (n.kind !== 'clients') continue;
    const entries = Object.entries(n.origins).filter(([, share]) => share > 0);
    byClients.set(n.id, entries.length > 0 ? entries.map(([region, share]) => [indexOf(region), share]) : [[indexOf(GLOBAL_ORIGIN), 1]]);
  }
  // A record that no clients reach directly serves "global" traffic, so that origin must exist.
  const fedByClients = (dnsId: string) =>
    plan.edges.some((e) => e.kind === 'traffic' && e.to === dnsId && plan.nodes.find((x) => x.id === e.from)?.kind === 'clients');
  if (plan.nodes.some((n) => n.kind === 'dns' && !fedByClients(n.id))) indexOf(GLOBAL_ORIGIN);
  return { ids, byClients };
}

/**
 * Builds the DNS definitions. `nodeIndex` maps a plan node id to its traffic-node index; clients that
 * send straight to a record set its origin mix (anything else reaching it counts as global).
 */
export function compileDns(plan: ResolvedPlan, nodeIndex: Map<string, number>, origins: PlanOrigins): { dns: DnsDef[]; checks: DnsCheckDef[] } {
  const dns: DnsDef[] = [];
  const checks: DnsCheckDef[] = [];
  for (const n of plan.nodes) {
    if (n.kind !== 'dns') continue;
    const record = compileDnsRecord(plan, n, origins.ids);
    const originWeight = new Float64Array(origins.ids.length);
    for (const e of plan.edges) {
      if (e.kind !== 'traffic' || e.to !== n.id) continue;
      const feeder = plan.nodes.find((x) => x.id === e.from);
      if (feeder?.kind !== 'clients') continue;
      for (const [o, share] of origins.byClients.get(feeder.id) ?? []) originWeight[o] = originWeight[o]! + feeder.requestsPerSecond * share;
    }
    let total = originWeight.reduce((s, x) => s + x, 0);
    if (total === 0) {
      originWeight[origins.ids.indexOf(GLOBAL_ORIGIN)] = 1;
      total = 1;
    }
    for (let o = 0; o < originWeight.length; o++) originWeight[o] = originWeight[o]! / total;
    const d = dns.length;
    const checkStart = checks.length;
    if (n.policy !== 'simple') {
      const law = compileHealthCheck(n.healthCheck);
      n.targets.forEach((t, k) => {
        checks.push({ dns: d, target: k, targetNode: nodeIndex.get(t.node)!, sourceId: `${n.id}->${t.node}`, law, deep: n.healthCheck.deep, manual: n.healthCheck.manual });
      });
    }
    dns.push({
      node: nodeIndex.get(n.id)!,
      id: n.id,
      record,
      targetNodes: Int32Array.from(n.targets.map((t) => nodeIndex.get(t.node)!)),
      originWeight,
      ttlSeconds: n.ttlSeconds,
      violationFraction: n.ttlViolationFraction,
      violationSeconds: n.ttlViolationSeconds,
      checkStart,
      checkEnd: checks.length,
    });
  }
  return { dns, checks };
}
