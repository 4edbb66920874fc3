/**
 * Automatic layout: traffic flows top to bottom, each region is a group laid out on its own with
 * ELK's layered algorithm, regions stand side by side in one row (replication runs across them),
 * the cards outside regions that send traffic into them (clients, DNS, global balancers) form a
 * band above, and backups and stores outside regions a band below, each under what it serves.
 * Returns new positions and region sizes only; nothing else in the plan changes.
 * Pure apart from awaiting ELK; imports sim/model types, elkjs and siblings.
 */
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { Plan, PlanNode } from '../model/schema';
import { NODE_SIZE, type Point, type Size } from './geometry';

export interface LayoutResult {
  nodes: Record<string, Point>;
  regions: Record<string, Point & { size: Size }>;
}

/** Room above a region's cards for its title, and around them. */
const REGION_PADDING = { top: 64, side: 36, bottom: 36 };
/** Wide enough for a region's header: provider, code and three zone chips. */
const REGION_MIN_WIDTH = 420;
/** Where the laid-out drawing's top-left corner goes. */
const ORIGIN: Point = { x: 40, y: 40 };
/** Space between regions in the row, and between the bands and the row. */
const REGION_GAP = 96;
const BAND_GAP = 80;

const LAYERED: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '60',
  'elk.spacing.nodeNode': '56',
  'elk.spacing.componentComponent': '72',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.separateConnectedComponents': 'false',
};

interface Laid {
  nodes: Record<string, Point>;
  width: number;
  height: number;
}

/** Lays out `nodes` (top-left at 0,0) with the traffic and backup edges among them. */
async function layered(elk: InstanceType<typeof ELK>, nodes: readonly PlanNode[], plan: Plan): Promise<Laid> {
  if (nodes.length === 0) return { nodes: {}, width: 0, height: 0 };
  const ids = new Set(nodes.map((n) => n.id));
  const edges: ElkExtendedEdge[] = [];
  (plan.edges ?? []).forEach((e, i) => {
    if (e.kind === 'traffic' && ids.has(e.from) && ids.has(e.to) && e.from !== e.to) edges.push({ id: `e${i}`, sources: [e.from], targets: [e.to] });
  });
  for (const n of nodes) {
    // A backup hangs below the store it protects.
    if (n.kind === 'backup' && ids.has(n.of) && n.of !== n.id) edges.push({ id: `b:${n.id}`, sources: [n.of], targets: [n.id] });
  }
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: LAYERED,
    children: nodes.map((n) => {
      // Backups belong at the bottom, with the data.
      const last = n.kind === 'backup';
      return { id: n.id, width: NODE_SIZE.width, height: NODE_SIZE.height, ...(last ? { layoutOptions: { 'elk.layered.layering.layerConstraint': 'LAST' } } : {}) };
    }),
    edges,
  };
  const out = await elk.layout(graph);
  const laid: Laid = { nodes: {}, width: 0, height: 0 };
  const minX = Math.min(...(out.children ?? []).map((c) => c.x ?? 0));
  const minY = Math.min(...(out.children ?? []).map((c) => c.y ?? 0));
  for (const c of out.children ?? []) laid.nodes[c.id] = { x: Math.round((c.x ?? 0) - minX), y: Math.round((c.y ?? 0) - minY) };
  // A replica store that nothing here calls would sit in the top layer; it belongs in a row of its
  // own below everything else, level with the primary it copies in the next region.
  const replicas = nodes.filter((n) => n.kind === 'datastore' && !edges.some((e) => e.targets[0] === n.id && !e.id.startsWith('b:')));
  if (replicas.length && replicas.length < nodes.length) {
    const others = nodes.filter((n) => !replicas.includes(n) && n.kind !== 'backup');
    const bottom = Math.max(...others.map((n) => laid.nodes[n.id]!.y)) + NODE_SIZE.height + 60;
    const used = new Set<number>();
    for (const r of replicas) {
      let x = laid.nodes[r.id]!.x;
      // Prefer the first column; keep replicas in the same row apart.
      x = Math.min(x, 0);
      while (used.has(x)) x += NODE_SIZE.width + 56;
      used.add(x);
      laid.nodes[r.id] = { x, y: Math.max(laid.nodes[r.id]!.y, bottom) };
    }
  }
  for (const p of Object.values(laid.nodes)) {
    laid.width = Math.max(laid.width, p.x + NODE_SIZE.width);
    laid.height = Math.max(laid.height, p.y + NODE_SIZE.height);
  }
  return laid;
}

/** Cards outside regions that go below the row: backups, stores, and whatever only regions call. */
function belongsBelow(node: PlanNode, plan: Plan, inRegion: ReadonlySet<string>): boolean {
  if (node.kind === 'backup' || node.kind === 'datastore') return true;
  if (node.kind === 'clients' || node.kind === 'dns' || node.kind === 'monitor') return false;
  const callers = (plan.edges ?? []).filter((e) => e.kind === 'traffic' && e.to === node.id).map((e) => e.from);
  return callers.length > 0 && callers.every((c) => inRegion.has(c));
}

export async function autoLayout(plan: Plan): Promise<LayoutResult> {
  const elk = new ELK();
  const regions = plan.regions ?? [];
  const regionIds = new Set(regions.map((r) => r.id));
  const inRegion = new Set(plan.nodes.filter((n) => n.region && regionIds.has(n.region)).map((n) => n.id));
  const loose = plan.nodes.filter((n) => !inRegion.has(n.id));
  const below = loose.filter((n) => belongsBelow(n, plan, inRegion));
  // Monitors watch everything and call nothing: they stand aside, right of the top band.
  const monitors = loose.filter((n) => n.kind === 'monitor' && !below.includes(n));
  const above = loose.filter((n) => !below.includes(n) && !monitors.includes(n));

  const result: LayoutResult = { nodes: {}, regions: {} };
  const groups = await Promise.all(regions.map((r) => layered(elk, plan.nodes.filter((n) => n.region === r.id), plan)));
  const top = await layered(elk, above, plan);

  // The row of regions, each at least wide and tall enough for its title and one card.
  const sizes = regions.map((r, i) => ({
    width: Math.max(Math.max(groups[i]!.width, NODE_SIZE.width) + 2 * REGION_PADDING.side, REGION_MIN_WIDTH),
    height: Math.max(groups[i]!.height, NODE_SIZE.height) + REGION_PADDING.top + REGION_PADDING.bottom,
  }));
  const rowWidth = sizes.reduce((sum, s) => sum + s.width, 0) + REGION_GAP * Math.max(0, regions.length - 1);
  const rowHeight = Math.max(0, ...sizes.map((s) => s.height));
  const width = Math.max(rowWidth, top.width);
  const topX = ORIGIN.x + (width - top.width) / 2;
  for (const [id, p] of Object.entries(top.nodes)) result.nodes[id] = { x: Math.round(topX + p.x), y: ORIGIN.y + p.y };
  monitors.forEach((m, i) => {
    result.nodes[m.id] = { x: Math.round(topX + top.width + 72 + i * (NODE_SIZE.width + 40)), y: ORIGIN.y };
  });
  const topHeight = Math.max(top.height, monitors.length ? NODE_SIZE.height : 0);

  const rowY = ORIGIN.y + (topHeight ? topHeight + BAND_GAP : 0);
  let x = ORIGIN.x + (width - rowWidth) / 2;
  regions.forEach((r, i) => {
    const size = sizes[i]!;
    result.regions[r.id] = { x: Math.round(x), y: rowY, size };
    // Centre the group's cards in the region's width.
    const innerX = x + (size.width - groups[i]!.width) / 2;
    for (const [id, p] of Object.entries(groups[i]!.nodes)) {
      result.nodes[id] = { x: Math.round(innerX + p.x), y: rowY + REGION_PADDING.top + p.y };
    }
    x += size.width + REGION_GAP;
  });

  // Below the row: each card under what it serves, nudged right past the card before it.
  const belowY = rowY + (regions.length ? rowHeight + BAND_GAP : 0);
  let nextFree = -Infinity;
  const anchorX = (n: PlanNode): number => {
    const edge = (plan.edges ?? []).find((e) => e.to === n.id || e.from === n.id);
    const partner = n.kind === 'backup' ? n.of : edge ? (edge.to === n.id ? edge.from : edge.to) : undefined;
    return (partner ? result.nodes[partner]?.x : undefined) ?? ORIGIN.x;
  };
  for (const n of [...below].sort((a, b) => anchorX(a) - anchorX(b))) {
    const at = Math.max(anchorX(n), nextFree);
    result.nodes[n.id] = { x: Math.round(at), y: belowY };
    nextFree = at + NODE_SIZE.width + 48;
  }
  return result;
}

/** The plan with the layout's positions and region sizes written in; every other field is kept. */
export function withLayout(plan: Plan, layout: LayoutResult): Plan {
  return {
    ...plan,
    regions: (plan.regions ?? []).map((r) => {
      const at = layout.regions[r.id];
      return at ? { ...r, position: { x: at.x, y: at.y }, size: at.size } : r;
    }),
    nodes: plan.nodes.map((n) => (layout.nodes[n.id] ? { ...n, position: layout.nodes[n.id]! } : n)),
  };
}
