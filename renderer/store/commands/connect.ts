/**
 * Wiring rules. `checkConnection` says whether a wire may be drawn and, if not, why in one short
 * sentence the canvas shows beside the pointer; `connectDiff` draws it. A wire from a backup to a
 * datastore is not an edge: it sets the backup's `of` (the format names a backup's datastore so).
 */
import type { DnsNode, EDGE_SIDES, PlanNode } from '../../../sim/model/schema';

type EdgeSide = (typeof EDGE_SIDES)[number];
import type { PlanDiff } from '../diff';
import { edgeIdFor, type EdgeRecord, type PlanRecords } from '../records';
import { produceDiff } from './draft';
import { KIND_LABEL } from './nodeDefaults';

export type EdgeKind = 'traffic' | 'replication';
export type WireKind = EdgeKind | 'backupOf';

export type ConnectionCheck = { ok: true; kind: WireKind } | { ok: false; reason: string };

const label = (node: PlanNode): string => `${node.name ?? node.id}`;
const article = (node: PlanNode): string => {
  const word = KIND_LABEL[node.kind].toLowerCase();
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
};

export function checkConnection(records: PlanRecords, fromId: string, toId: string, requested: EdgeKind): ConnectionCheck {
  const from = records.nodes[fromId];
  const to = records.nodes[toId];
  if (!from || !to) return { ok: false, reason: 'Connect two components (regions take no wires).' };
  if (fromId === toId) return { ok: false, reason: 'A component cannot connect to itself.' };
  const edges = Object.values(records.edges);

  if (from.kind === 'backup') {
    if (to.kind !== 'datastore') return { ok: false, reason: `A backup protects a data store; ${label(to)} is ${article(to)}.` };
    if (from.of === toId) return { ok: false, reason: `${label(from)} already backs up ${label(to)}.` };
    return { ok: true, kind: 'backupOf' };
  }
  if (to.kind === 'backup') return { ok: false, reason: 'Draw backups from the backup to its data store.' };
  if (from.kind === 'monitor' || to.kind === 'monitor') {
    return { ok: false, reason: 'A monitor watches the whole design; it needs no wires.' };
  }

  // Two data stores can only be linked by replication, whatever the toolbar says.
  const kind: EdgeKind = from.kind === 'datastore' && to.kind === 'datastore' ? 'replication' : requested;
  if (kind === 'replication') {
    if (from.kind !== 'datastore' || to.kind !== 'datastore') {
      const other = from.kind !== 'datastore' ? from : to;
      return { ok: false, reason: `Replication links data stores only; ${label(other)} is ${article(other)}.` };
    }
    const linked = edges.some(
      (e) => e.kind === 'replication' && ((e.from === fromId && e.to === toId) || (e.from === toId && e.to === fromId)),
    );
    if (linked) return { ok: false, reason: `${label(from)} and ${label(to)} already replicate.` };
    return { ok: true, kind };
  }

  if (to.kind === 'clients') return { ok: false, reason: 'Clients only send traffic; nothing calls them.' };
  if (edges.some((e) => e.kind === 'traffic' && e.from === fromId && e.to === toId)) {
    return { ok: false, reason: `${label(from)} already sends traffic to ${label(to)}.` };
  }
  if (from.kind === 'clients') {
    const existing = edges.find((e) => e.kind === 'traffic' && e.from === fromId);
    if (existing) {
      const target = records.nodes[existing.to];
      return { ok: false, reason: `Clients have one entry point, and ${label(from)} → ${target ? label(target) : existing.to} is it. Delete that wire first to change it.` };
    }
  }
  const loop = trafficPath(records, toId, fromId);
  if (loop) {
    const names = [...loop, toId].map((id) => (records.nodes[id] ? label(records.nodes[id]) : id));
    return { ok: false, reason: `That would make a traffic loop: ${names.join(' → ')}.` };
  }
  return { ok: true, kind };
}

/** A path of traffic edges from `start` to `goal` (node ids, both ends included), if there is one. */
export function trafficPath(records: PlanRecords, start: string, goal: string): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of Object.values(records.edges)) {
    if (e.kind !== 'traffic') continue;
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  }
  const cameFrom = new Map<string, string>([[start, start]]);
  const queue = [start];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === goal) {
      const path = [at];
      for (let p = at; p !== start; ) path.unshift((p = cameFrom.get(p)!));
      return path;
    }
    for (const n of next.get(at) ?? []) {
      if (!cameFrom.has(n)) {
        cameFrom.set(n, at);
        queue.push(n);
      }
    }
  }
  return null;
}

export type ConnectResult = { ok: true; diff: PlanDiff; edgeId: string | null } | { ok: false; reason: string };

/** The card sides a wire was drawn between (drawing only). */
export interface WireSides {
  fromSide?: EdgeSide;
  toSide?: EdgeSide;
}

export function connectDiff(records: PlanRecords, fromId: string, toId: string, requested: EdgeKind, sides: WireSides = {}): ConnectResult {
  const check = checkConnection(records, fromId, toId, requested);
  if (!check.ok) return check;
  if (check.kind === 'backupOf') {
    const diff = produceDiff(records, (draft) => {
      const backup = draft.nodes[fromId] as Extract<PlanNode, { kind: 'backup' }>;
      draft.nodes[fromId] = { ...backup, of: toId };
    });
    return { ok: true, diff, edgeId: null };
  }
  const id = edgeIdFor({ kind: check.kind, from: fromId, to: toId }, new Set(Object.keys(records.edges)));
  const drawn = { ...(sides.fromSide ? { fromSide: sides.fromSide } : {}), ...(sides.toSide ? { toSide: sides.toSide } : {}) };
  const edge: EdgeRecord =
    check.kind === 'replication'
      ? { id, kind: 'replication', from: fromId, to: toId, mode: 'async', ...drawn }
      : { id, kind: 'traffic', from: fromId, to: toId, ...drawn };
  const diff = produceDiff(records, (draft) => {
    draft.edges[id] = edge;
    const from = draft.nodes[fromId];
    if (from?.kind === 'dns' && check.kind === 'traffic') draft.nodes[fromId] = withDnsTarget(from, toId);
  });
  return { ok: true, diff, edgeId: id };
}

/**
 * A DNS node's traffic edges equal its targets (PLAN-FORMAT.md), so wiring one adds a target: the
 * first is the primary and the second the secondary under the failover policy.
 */
export function withDnsTarget(dns: DnsNode, target: string): DnsNode {
  if (dns.targets.some((t) => t.node === target)) return dns;
  const policy = dns.policy ?? 'simple';
  const entry: DnsNode['targets'][number] = { node: target };
  if (policy === 'failover') {
    const roles = new Set(dns.targets.map((t) => t.role));
    if (!roles.has('primary')) entry.role = 'primary';
    else if (!roles.has('secondary')) entry.role = 'secondary';
  } else if (policy === 'weighted') {
    entry.weight = 1;
  }
  return { ...dns, targets: [...dns.targets, entry] };
}

export function withoutDnsTarget(dns: DnsNode, target: string): DnsNode {
  if (!dns.targets.some((t) => t.node === target)) return dns;
  return { ...dns, targets: dns.targets.filter((t) => t.node !== target) };
}
