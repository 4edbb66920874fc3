/**
 * Renaming a node or a region is a command kernel like the canvas's: records in, one diff out. Every
 * reference the plan format has to the old id follows the new one, so a rename never breaks the plan.
 */
import type { PlanNode, Region } from '../../sim/model/schema';
import type { PlanDiff } from '../store/diff';
import { META_KEY, type PlanRecords } from '../store/records';
import { produceDiff } from '../store/commands/draft';

export type RenameResult = { ok: true; diff: PlanDiff } | { ok: false; reason: string };

/** Rebuilds a keyed map with one key replaced in place, so the record keeps its position in the saved list. */
function rekey<T>(map: Record<string, T>, from: string, to: string, value: T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(map)) {
    if (k === from) out[to] = value;
    else out[k] = v;
  }
  return out;
}

export function renameNodeDiff(records: PlanRecords, from: string, to: string): RenameResult {
  const node = records.nodes[from];
  if (!node) return { ok: false, reason: `There is no node "${from}".` };
  if (to === from) return { ok: true, diff: { added: {}, updated: {}, removed: {} } };
  if (to.trim() === '') return { ok: false, reason: 'An id cannot be empty.' };
  if (to in records.nodes) return { ok: false, reason: `Another node is already called "${to}".` };
  const swap = (id: string) => (id === from ? to : id);
  const diff = produceDiff(records, (draft) => {
    const nodes: Record<string, PlanNode> = {};
    for (const [k, n] of Object.entries(draft.nodes)) {
      let next: PlanNode = k === from ? { ...n, id: to } : n;
      if (next.kind === 'dns' && next.targets.some((t) => t.node === from)) {
        next = { ...next, targets: next.targets.map((t) => (t.node === from ? { ...t, node: to } : t)) };
      }
      if (next.kind === 'backup' && next.of === from) next = { ...next, of: to };
      nodes[k === from ? to : k] = next;
    }
    draft.nodes = nodes;
    for (const [k, e] of Object.entries(draft.edges)) {
      if (e.from === from || e.to === from) draft.edges[k] = { ...e, from: swap(e.from), to: swap(e.to) };
    }
    const meta = draft.meta[META_KEY];
    if (meta) {
      const commonCauses = meta.commonCauses?.map((c) => (c.affects.includes(from) ? { ...c, affects: c.affects.map(swap) } : c));
      const scenarios = meta.scenarios?.map((s) => ('node' in s.fail && s.fail.node === from ? { ...s, fail: { node: to } } : s));
      draft.meta = { [META_KEY]: { ...meta, ...(commonCauses ? { commonCauses } : {}), ...(scenarios ? { scenarios } : {}) } };
    }
  });
  return { ok: true, diff };
}

export function renameRegionDiff(records: PlanRecords, from: string, to: string): RenameResult {
  const region = records.regions[from];
  if (!region) return { ok: false, reason: `There is no region "${from}".` };
  if (to === from) return { ok: true, diff: { added: {}, updated: {}, removed: {} } };
  if (to.trim() === '') return { ok: false, reason: 'An id cannot be empty.' };
  if (to in records.regions) return { ok: false, reason: `Another region is already called "${to}".` };
  const diff = produceDiff(records, (draft) => {
    draft.regions = rekey<Region>(draft.regions, from, to, { ...region, id: to });
    for (const [k, n] of Object.entries(draft.nodes)) {
      let next: PlanNode = n.region === from ? { ...n, region: to } : n;
      if (next.kind === 'clients' && next.origins && from in next.origins) {
        next = { ...next, origins: rekey(next.origins, from, to, next.origins[from]!) };
      }
      if (next.kind === 'dns' && next.targets.some((t) => t.origins?.includes(from))) {
        next = { ...next, targets: next.targets.map((t) => (t.origins ? { ...t, origins: t.origins.map((o) => (o === from ? to : o)) } : t)) };
      }
      if (next !== n) draft.nodes[k] = next;
    }
    const meta = draft.meta[META_KEY];
    if (meta?.scenarios) {
      const scenarios = meta.scenarios.map((s) => {
        if ('region' in s.fail && s.fail.region === from) return { ...s, fail: { region: to } };
        if ('zone' in s.fail && s.fail.zone.region === from) return { ...s, fail: { zone: { ...s.fail.zone, region: to } } };
        return s;
      });
      draft.meta = { [META_KEY]: { ...meta, scenarios } };
    }
  });
  return { ok: true, diff };
}
