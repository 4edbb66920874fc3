/**
 * What a freshly placed component looks like: id prefix, a readable name, and the few fields the
 * schema requires or that make the card meaningful. Everything else is left out on purpose: the
 * simulator fills omitted fields from the catalog without adding mechanisms (PLAN-FORMAT.md §1).
 */
import type { NodeKind, PlanNode, Provider, Region } from '../../../sim/model/schema';

export const ID_PREFIX: Record<NodeKind, string> = {
  clients: 'clients',
  dns: 'dns',
  loadBalancer: 'lb',
  gateway: 'gw',
  service: 'svc',
  datastore: 'db',
  backup: 'backup',
  monitor: 'mon',
};

export const KIND_LABEL: Record<NodeKind, string> = {
  clients: 'Clients',
  dns: 'DNS',
  loadBalancer: 'Load balancer',
  gateway: 'API gateway',
  service: 'Service',
  datastore: 'Data store',
  backup: 'Backup',
  monitor: 'Monitor',
};

/** Short words for generated names, so a name and its region fit on a card ("Gateway use1"). */
export const KIND_SHORT_NAME: Record<NodeKind, string> = {
  clients: 'Clients',
  dns: 'DNS',
  loadBalancer: 'LB',
  gateway: 'Gateway',
  service: 'Service',
  datastore: 'Database',
  backup: 'Backup',
  monitor: 'Monitor',
};

/** Kind-specific fields of a new node (`id`, `kind`, `name`, `region`, `position` are added by the caller). */
export function defaultFields(kind: NodeKind): Record<string, unknown> {
  switch (kind) {
    case 'clients':
      return { requestsPerSecond: 500 };
    case 'dns':
      // The schema wants ≥ 1 target; connecting the DNS node to load balancers fills them in.
      return { policy: 'failover', ttlSeconds: 60, targets: [] };
    case 'loadBalancer':
      return { algorithm: 'round-robin' };
    case 'gateway':
    case 'service':
      return { platform: 'container', instances: 2 };
    case 'datastore':
      return { engine: 'postgres' };
    case 'backup':
      return { of: '', intervalHours: 24 };
    case 'monitor':
      return {};
  }
}

export function newNode(
  kind: NodeKind,
  id: string,
  name: string,
  extra: { region?: string; position?: { x: number; y: number } },
): PlanNode {
  const node: Record<string, unknown> = { id, kind, name };
  if (extra.region) node.region = extra.region;
  if (extra.position) node.position = extra.position;
  return { ...node, ...defaultFields(kind) } as PlanNode;
}

// ── regions ──────────────────────────────────────────────────────────────────────────────────
interface RegionSuggestion {
  code: string;
  id: string;
  name: string;
  lat: number;
  lon: number;
}
/** The regions architects reach for first, in the order a new canvas offers them. */
export const AWS_REGION_SUGGESTIONS: readonly RegionSuggestion[] = [
  { code: 'us-east-1', id: 'use1', name: 'US East (N. Virginia)', lat: 38.9, lon: -77.4 },
  { code: 'us-west-2', id: 'usw2', name: 'US West (Oregon)', lat: 45.8, lon: -119.7 },
  { code: 'eu-west-1', id: 'euw1', name: 'Europe (Ireland)', lat: 53.3, lon: -6.3 },
  { code: 'eu-central-1', id: 'euc1', name: 'Europe (Frankfurt)', lat: 50.1, lon: 8.7 },
  { code: 'ap-southeast-1', id: 'apse1', name: 'Asia Pacific (Singapore)', lat: 1.3, lon: 103.8 },
  { code: 'ap-northeast-1', id: 'apne1', name: 'Asia Pacific (Tokyo)', lat: 35.7, lon: 139.7 },
];

export function newRegion(existing: readonly Region[], provider: Provider = 'aws'): Region {
  const usedCodes = new Set(existing.map((r) => r.code));
  const usedIds = new Set(existing.map((r) => r.id));
  const pick = AWS_REGION_SUGGESTIONS.find((s) => !usedCodes.has(s.code) && !usedIds.has(s.id));
  if (pick) {
    return {
      id: pick.id,
      name: pick.name,
      provider,
      code: pick.code,
      zones: 3,
      location: { lat: pick.lat, lon: pick.lon },
    };
  }
  let n = 1;
  while (usedIds.has(`region-${n}`)) n++;
  return { id: `region-${n}`, name: `Region ${n}`, provider: 'generic', code: `region-${n}`, zones: 3 };
}
