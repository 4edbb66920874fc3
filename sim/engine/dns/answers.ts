/**
 * What a DNS record answers, given which of its targets it believes healthy (PLAN-FORMAT meaning 7):
 * for each client origin, the share of that origin's clients sent to each target. Compiled once per
 * plan; `answerFor` allocates nothing. Imports only plan types and sim/engine/dns.
 */
import type { ResolvedPlan } from '../../model/resolve';
import type { DnsPolicy } from '../../model/schema';
import { greatCircleKm, type LatLon } from './greatCircle';

/** The origin used when clients name no origin regions: everyone, from nowhere in particular. */
export const GLOBAL_ORIGIN = '';

export interface CompiledDnsRecord {
  policy: DnsPolicy;
  targetIds: string[];
  /** failover: the primary's and secondary's target index (secondary −1 when absent). */
  primary: number;
  secondary: number;
  /** weighted: each target's weight. */
  weights: Float64Array;
  originIds: string[];
  /** latency: per origin, target indices from nearest to farthest. */
  nearestFirst: Int32Array[];
  /** geo: per origin, the target that lists it (−1 none); and the default target (−1 none). */
  geoTarget: Int32Array;
  geoDefault: number;
}

type DnsNode = Extract<ResolvedPlan['nodes'][number], { kind: 'dns' }>;

function locationOf(plan: ResolvedPlan, regionId: string | undefined): LatLon | undefined {
  return regionId === undefined ? undefined : plan.regions.find((r) => r.id === regionId)?.location;
}

/**
 * Compiles a DNS node for the given client origins (region ids; GLOBAL_ORIGIN for clients without
 * origins). A target outside any region (a global service) counts as distance 0 from everyone.
 */
export function compileDnsRecord(plan: ResolvedPlan, dns: DnsNode, originIds: string[]): CompiledDnsRecord {
  const targetIds = dns.targets.map((t) => t.node);
  const primary = dns.targets.findIndex((t) => t.role === 'primary');
  const secondary = dns.targets.findIndex((t) => t.role === 'secondary');
  const weights = Float64Array.from(dns.targets.map((t) => t.weight ?? 0));
  const targetLocations = dns.targets.map((t) => {
    const node = plan.nodes.find((n) => n.id === t.node);
    return node?.region === undefined ? null : (locationOf(plan, node.region) ?? null);
  });
  const nearestFirst = originIds.map((origin) => {
    const from = locationOf(plan, origin === GLOBAL_ORIGIN ? undefined : origin);
    const distance = targetLocations.map((loc) => (loc === null || !from ? 0 : greatCircleKm(from, loc)));
    // Ties keep plan order, so equal distances (or unknown origins) prefer the first-listed target.
    return Int32Array.from(targetIds.map((_, i) => i).sort((a, b) => distance[a]! - distance[b]! || a - b));
  });
  const geoTarget = Int32Array.from(originIds.map((origin) => dns.targets.findIndex((t) => t.origins?.includes(origin) ?? false)));
  return {
    policy: dns.policy,
    targetIds,
    primary: primary >= 0 ? primary : 0,
    secondary,
    weights,
    originIds,
    nearestFirst,
    geoTarget,
    geoDefault: dns.targets.findIndex((t) => t.default === true),
  };
}

/**
 * Fills `out` (one share per target, summing to 1, or all 0 when the record gives this origin no
 * answer) with the answer for `origin`. `healthy[k]` is 1 when the record believes target k healthy.
 * Every policy fails open like Route 53: with no target believed healthy it answers as if all were.
 */
export function answerFor(record: CompiledDnsRecord, healthy: Uint8Array, origin: number, out: Float64Array): void {
  out.fill(0);
  let anyHealthy = false;
  for (let k = 0; k < record.targetIds.length; k++) if (healthy[k]) anyHealthy = true;
  switch (record.policy) {
    case 'simple':
      out[0] = 1;
      return;
    case 'failover':
      if (isBelieved(healthy, anyHealthy, record.primary)) out[record.primary] = 1;
      else if (record.secondary >= 0 && isBelieved(healthy, anyHealthy, record.secondary)) out[record.secondary] = 1;
      else out[record.primary] = 1;
      return;
    case 'weighted': {
      let total = 0;
      for (let k = 0; k < out.length; k++) if (isBelieved(healthy, anyHealthy, k)) total += record.weights[k]!;
      if (total > 0) {
        for (let k = 0; k < out.length; k++) if (isBelieved(healthy, anyHealthy, k)) out[k] = record.weights[k]! / total;
        return;
      }
      // Route 53 treats healthy records that all weigh 0 as equally weighted.
      let count = 0;
      for (let k = 0; k < out.length; k++) if (isBelieved(healthy, anyHealthy, k)) count++;
      for (let k = 0; k < out.length; k++) if (isBelieved(healthy, anyHealthy, k)) out[k] = 1 / count;
      return;
    }
    case 'latency': {
      const order = record.nearestFirst[origin]!;
      for (let i = 0; i < order.length; i++) {
        const k = order[i]!;
        if (isBelieved(healthy, anyHealthy, k)) {
          out[k] = 1;
          return;
        }
      }
      return;
    }
    case 'geo': {
      const listed = record.geoTarget[origin]!;
      if (listed >= 0 && isBelieved(healthy, anyHealthy, listed)) out[listed] = 1;
      else if (record.geoDefault >= 0 && isBelieved(healthy, anyHealthy, record.geoDefault)) out[record.geoDefault] = 1;
      // Otherwise the record has no answer for this origin (Route 53 returns no data): requests fail.
      return;
    }
  }
}

/** Every policy fails open like Route 53: with no target believed healthy, all count as believed. */
function isBelieved(healthy: Uint8Array, anyHealthy: boolean, k: number): boolean {
  return !anyHealthy || healthy[k] === 1;
}
