/**
 * The wires a diagram draws, routed: every plan edge plus one wire per backup to the data store it
 * protects, each with its label and its corner points. Shared by the editor's canvas and the SVG
 * export so both show the same picture. Pure; imports only sim/model types and sibling modules.
 */
import type { Edge, PlanNode, Region } from '../model/schema';
import { nodeBox, regionBox, type Box, type Point } from './geometry';
import { CLEARANCE, facingSides, routeAll, type RouteRequest, type Side } from './routing';

export type WireKind = 'traffic' | 'replication' | 'backup';

export interface Wire {
  /** The edge's id, or `of:<backup id>` for a backup's wire. */
  id: string;
  kind: WireKind;
  from: string;
  to: string;
  fromSide: Side;
  toSide: Side;
  /** What the wire says: the user's label, else its meaning (DNS role, replication mode). */
  label: string | undefined;
  /** Corner points, from the source card's side to the target card's side. */
  points: Point[];
}

/** What the wire says when the user gave it no label. */
export function defaultWireLabel(edge: Edge, from: PlanNode | undefined): string | undefined {
  if (edge.kind === 'replication') return `${edge.mode} replication`;
  if (from?.kind === 'dns') return from.targets.find((t) => t.node === edge.to)?.role;
  return undefined;
}

export interface WireInput {
  nodes: readonly PlanNode[];
  /** Regions, whose title strips wires keep off. */
  regions?: readonly Region[];
  /** Edges with their stable ids (the editor's records give every edge one). */
  edges: readonly (Edge & { id: string })[];
}

/** What one routing pass saw and drew, so the next pass (during a drag) can keep untouched wires. */
export interface WireCache {
  boxes: ReadonlyMap<string, Box>;
  wires: ReadonlyMap<string, Wire>;
}

export function diagramWires(input: WireInput): Wire[] {
  return routeWires(input).wires;
}

/**
 * Routes the wires. Given the previous pass, a wire whose two cards did not move and whose path
 * touches no card that moved is kept as it was and only the others are routed again (around the
 * kept ones): a drag then re-routes the moving card's wires, not the whole design. Without it,
 * every wire is routed, in plan order; that full pass is what exports draw.
 */
export function routeWires({ nodes, edges, regions = [] }: WireInput, previous?: WireCache): { wires: Wire[]; cache: WireCache } {
  const boxes = new Map<string, Box>();
  nodes.forEach((node, index) => boxes.set(node.id, nodeBox(node, index)));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const wires: Omit<Wire, 'points'>[] = [];
  const sides = (from: string, to: string, chosen: [Side | undefined, Side | undefined]): [Side, Side] => {
    const auto = facingSides(boxes.get(from)!, boxes.get(to)!);
    return [chosen[0] ?? auto[0], chosen[1] ?? auto[1]];
  };
  for (const edge of edges) {
    if (!boxes.has(edge.from) || !boxes.has(edge.to) || edge.from === edge.to) continue;
    const [fromSide, toSide] = sides(edge.from, edge.to, [edge.fromSide, edge.toSide]);
    wires.push({
      id: edge.id,
      kind: edge.kind,
      from: edge.from,
      to: edge.to,
      fromSide,
      toSide,
      label: edge.label?.trim() || defaultWireLabel(edge, byId.get(edge.from)),
    });
  }
  for (const node of nodes) {
    if (node.kind !== 'backup' || !node.of || !boxes.has(node.of) || node.of === node.id) continue;
    const [fromSide, toSide] = sides(node.id, node.of, [undefined, undefined]);
    wires.push({ id: `of:${node.id}`, kind: 'backup', from: node.id, to: node.of, fromSide, toSide, label: 'backs up' });
  }
  const kept = new Map<string, Point[]>();
  if (previous) {
    const moved: Box[] = [];
    for (const [id, box] of boxes) {
      const before = previous.boxes.get(id);
      if (!before || before.x !== box.x || before.y !== box.y) moved.push(box, ...(before ? [before] : []));
    }
    for (const w of wires) {
      const old = previous.wires.get(w.id);
      if (!old || old.from !== w.from || old.to !== w.to || old.fromSide !== w.fromSide || old.toSide !== w.toSide) continue;
      if (sameBox(previous.boxes.get(w.from), boxes.get(w.from)) && sameBox(previous.boxes.get(w.to), boxes.get(w.to)) && !touchesAny(old.points, moved)) {
        kept.set(w.id, old.points);
      }
    }
  }
  const requests: RouteRequest[] = wires.map((w) => ({ id: w.id, from: boxes.get(w.from)!, to: boxes.get(w.to)!, fromSide: w.fromSide, toSide: w.toSide }));
  const headers = regions.map((r, i) => regionBox(r, i));
  const routes = routeAll([...boxes.values()], requests, kept, headers);
  const out = wires.map((w) => ({ ...w, points: routes.get(w.id)! }));
  return { wires: out, cache: { boxes, wires: new Map(out.map((w) => [w.id, w])) } };
}

const sameBox = (a: Box | undefined, b: Box | undefined): boolean => !!a && !!b && a.x === b.x && a.y === b.y;

/** Whether a path comes within the routing clearance of any of `boxes`. */
function touchesAny(points: readonly Point[], boxes: readonly Box[]): boolean {
  const pad = CLEARANCE + 1;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const x1 = Math.min(a.x, b.x) - pad;
    const x2 = Math.max(a.x, b.x) + pad;
    const y1 = Math.min(a.y, b.y) - pad;
    const y2 = Math.max(a.y, b.y) + pad;
    for (const box of boxes) if (x2 > box.x && x1 < box.x + box.width && y2 > box.y && y1 < box.y + box.height) return true;
  }
  return false;
}

/** The point a wire's label sits on: the middle of its longest segment. */
export function labelPoint(points: readonly Point[]): Point {
  let best = { x: points[0]?.x ?? 0, y: points[0]?.y ?? 0 };
  let bestLength = -1;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const length = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    if (length > bestLength) {
      bestLength = length;
      best = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
  }
  return best;
}

/** SVG path data through the corner points, with small rounded corners. */
export function wirePath(points: readonly Point[], radius = 6): string {
  if (points.length === 0) return '';
  let d = `M${points[0]!.x} ${points[0]!.y}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    const prev = points[i - 1]!;
    const next = points[i + 1];
    if (!next) {
      d += `L${p.x} ${p.y}`;
      break;
    }
    const r = Math.min(radius, dist(prev, p) / 2, dist(p, next) / 2);
    const inX = p.x - Math.sign(p.x - prev.x) * r;
    const inY = p.y - Math.sign(p.y - prev.y) * r;
    const outX = p.x + Math.sign(next.x - p.x) * r;
    const outY = p.y + Math.sign(next.y - p.y) * r;
    d += `L${inX} ${inY}Q${p.x} ${p.y} ${outX} ${outY}`;
  }
  return d;
}

const dist = (a: Point, b: Point): number => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
