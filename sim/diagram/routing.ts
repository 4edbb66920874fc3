/**
 * Orthogonal wire routing around cards. Each wire leaves its source card from a side (the one the
 * user drew it from, else the side facing the target), runs in horizontal and vertical segments
 * that keep clear of every card, and enters the target from a side. Wires are routed one after the
 * other and a later wire pays heavily for running along an earlier one, so parallel wires take
 * their own lanes. Pure and deterministic; imports only sibling geometry.
 */
import { NODE_SIZE, type Box, type Point } from './geometry';

export type Side = 'top' | 'right' | 'bottom' | 'left';
export const SIDES: readonly Side[] = ['top', 'right', 'bottom', 'left'];

export interface RouteRequest {
  id: string;
  from: Box;
  to: Box;
  fromSide: Side;
  toSide: Side;
}

/** How far a wire runs straight out of a card before it may turn. */
export const STUB = 20;
/** The clearance kept around every card. */
export const CLEARANCE = 12;
const BEND_COST = 40;
const OVERLAP_COST = 12; // per unit of length shared with an earlier wire
const OVERLAP_FIXED = 400;
/** Extra cost per unit of running sideways inside a region (trunks belong between regions). */
const REGION_SIDEWAYS = 0.5;
/** The height of a region's title strip, which wires cross but never run along. */
export const REGION_HEADER = 40;

const DIR: Record<Side, Point> = { top: { x: 0, y: -1 }, right: { x: 1, y: 0 }, bottom: { x: 0, y: 1 }, left: { x: -1, y: 0 } };

/** The middle of a box's side: where that side's handle sits. */
export function anchorOf(box: Box, side: Side): Point {
  switch (side) {
    case 'top':
      return { x: box.x + box.width / 2, y: box.y };
    case 'bottom':
      return { x: box.x + box.width / 2, y: box.y + box.height };
    case 'left':
      return { x: box.x, y: box.y + box.height / 2 };
    case 'right':
      return { x: box.x + box.width, y: box.y + box.height / 2 };
  }
}

/**
 * The sides that face each other for a wire from box `a` to box `b`: top to bottom when the target
 * is clearly below (traffic flows down the page), left or right when it sits beside.
 */
export function facingSides(a: Box, b: Box): [Side, Side] {
  const dx = b.x + b.width / 2 - (a.x + a.width / 2);
  const dy = b.y + b.height / 2 - (a.y + a.height / 2);
  const gapY = dy > 0 ? b.y - (a.y + a.height) : a.y - (b.y + b.height);
  const gapX = dx > 0 ? b.x - (a.x + a.width) : a.x - (b.x + b.width);
  // Vertical when the boxes are stacked with room between them and not far more apart sideways.
  if (gapY >= 2 * STUB && (gapX < 2 * STUB || Math.abs(dy) >= Math.abs(dx) * 0.4)) return dy > 0 ? ['bottom', 'top'] : ['top', 'bottom'];
  return dx >= 0 ? ['right', 'left'] : ['left', 'right'];
}

interface Segment {
  a: Point;
  b: Point;
}

type Lane = [lo: number, hi: number, ends: readonly string[]];

/**
 * Horizontal and vertical segments already taken, by the coordinate they run along. Each remembers
 * the card sides its wire starts and ends at: wires fanning out of (or into) the same side may
 * share a trunk, as a bus does, but no other wire may run along them.
 */
class Lanes {
  private readonly horizontal = new Map<number, Lane[]>();
  private readonly vertical = new Map<number, Lane[]>();

  add(seg: Segment, ends: readonly string[]): void {
    if (seg.a.y === seg.b.y) push(this.horizontal, seg.a.y, seg.a.x, seg.b.x, ends);
    else if (seg.a.x === seg.b.x) push(this.vertical, seg.a.x, seg.a.y, seg.b.y, ends);
  }

  /** Length of `seg` that runs along a segment of a wire with none of the same `ends`. */
  shared(seg: Segment, ends: readonly string[]): number {
    const list = seg.a.y === seg.b.y ? this.horizontal.get(seg.a.y) : this.vertical.get(seg.a.x);
    if (!list) return 0;
    const [lo, hi] = seg.a.y === seg.b.y ? sorted(seg.a.x, seg.b.x) : sorted(seg.a.y, seg.b.y);
    let total = 0;
    for (const [l, h, other] of list) {
      if (other.some((e) => ends.includes(e))) continue;
      total += Math.max(0, Math.min(hi, h) - Math.max(lo, l));
    }
    return total;
  }
}

function push(map: Map<number, Lane[]>, key: number, a: number, b: number, ends: readonly string[]): void {
  const list = map.get(key) ?? [];
  list.push([...sorted(a, b), ends]);
  map.set(key, list);
}

/** Keys of a request's two anchors: wires with a key in common leave or enter the same card side. */
export function endsOf(req: RouteRequest): string[] {
  const a = anchorOf(req.from, req.fromSide);
  const b = anchorOf(req.to, req.toSide);
  return [`out:${a.x},${a.y}`, `in:${b.x},${b.y}`];
}
const sorted = (a: number, b: number): [number, number] => (a <= b ? [a, b] : [b, a]);

/**
 * Routes every request in order; the result maps each id to its corner points (start and end
 * included). Requests with a `kept` path keep it, and the others route around those first.
 */
export function routeAll(
  obstacles: readonly Box[],
  requests: readonly RouteRequest[],
  kept: ReadonlyMap<string, Point[]> = new Map(),
  headers: readonly Box[] = [],
): Map<string, Point[]> {
  const lanes = new Lanes();
  const out = new Map<string, Point[]>();
  for (const req of requests) {
    const points = kept.get(req.id);
    if (!points) continue;
    const ends = endsOf(req);
    for (let i = 1; i < points.length; i++) lanes.add({ a: points[i - 1]!, b: points[i]! }, ends);
    out.set(req.id, points);
  }
  for (const req of requests) {
    if (kept.has(req.id)) continue;
    const ends = endsOf(req);
    const points = routeOne(obstacles, headers, req, lanes, ends);
    for (let i = 1; i < points.length; i++) lanes.add({ a: points[i - 1]!, b: points[i]! }, ends);
    out.set(req.id, points);
  }
  return out;
}

function stubOf(box: Box, side: Side): { anchor: Point; stub: Point } {
  const anchor = anchorOf(box, side);
  const d = DIR[side];
  return { anchor, stub: { x: anchor.x + d.x * STUB, y: anchor.y + d.y * STUB } };
}

function routeOne(obstacles: readonly Box[], headers: readonly Box[], req: RouteRequest, lanes: Lanes, ends: readonly string[]): Point[] {
  const start = stubOf(req.from, req.fromSide);
  const end = stubOf(req.to, req.toSide);
  // Search near the two cards first (fast on big designs), then over the whole design.
  const pad = Math.max(NODE_SIZE.width, NODE_SIZE.height * 3);
  const local = {
    x: Math.min(start.stub.x, end.stub.x) - pad,
    y: Math.min(start.stub.y, end.stub.y) - pad,
    x2: Math.max(start.stub.x, end.stub.x) + pad,
    y2: Math.max(start.stub.y, end.stub.y) + pad,
  };
  const near = obstacles.filter((o) => o.x < local.x2 && o.x + o.width > local.x && o.y < local.y2 && o.y + o.height > local.y);
  const nearHeaders = headers.filter((o) => o.x < local.x2 && o.x + o.width > local.x && o.y < local.y2 && o.y + o.height > local.y);
  let middle = search(near, nearHeaders, local, start.stub, end.stub, req.fromSide, req.toSide, lanes, ends);
  if (!middle && near.length < obstacles.length) {
    const all = bounds(obstacles, start.stub, end.stub, pad);
    middle = search(obstacles, headers, all, start.stub, end.stub, req.fromSide, req.toSide, lanes, ends);
  }
  // Header strips may close the only way through; then route as if they were not there.
  if (!middle && headers.length) middle = search(near, [], local, start.stub, end.stub, req.fromSide, req.toSide, lanes, ends);
  // Without a clear path (a stub boxed in by overlapping cards) draw the plain elbow.
  const path = middle ?? [start.stub, { x: end.stub.x, y: start.stub.y }, end.stub];
  return simplify([start.anchor, ...path, end.anchor]);
}

function bounds(obstacles: readonly Box[], a: Point, b: Point, pad: number) {
  let x = Math.min(a.x, b.x);
  let y = Math.min(a.y, b.y);
  let x2 = Math.max(a.x, b.x);
  let y2 = Math.max(a.y, b.y);
  for (const o of obstacles) {
    x = Math.min(x, o.x);
    y = Math.min(y, o.y);
    x2 = Math.max(x2, o.x + o.width);
    y2 = Math.max(y2, o.y + o.height);
  }
  return { x: x - pad, y: y - pad, x2: x2 + pad, y2: y2 + pad };
}

/** Drops repeated points and the middle of straight runs. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const prev = out[out.length - 2];
    if (prev && last && ((prev.x === last.x && last.x === p.x) || (prev.y === last.y && last.y === p.y))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/**
 * Cheapest orthogonal path from `a` to `b` over a sparse grid: the lines along every inflated card
 * edge, the channels midway between them and the two stubs. Cost is length, plus a price per bend
 * and for running along earlier wires. Arrival must come in the direction that enters the target.
 */
function search(
  obstacles: readonly Box[],
  headers: readonly Box[],
  area: { x: number; y: number; x2: number; y2: number },
  a: Point,
  b: Point,
  fromSide: Side,
  toSide: Side,
  lanes: Lanes,
  ends: readonly string[],
): Point[] | null {
  const inflated = obstacles.map((o) => ({ x: o.x - CLEARANCE, y: o.y - CLEARANCE, x2: o.x + o.width + CLEARANCE, y2: o.y + o.height + CLEARANCE }));
  // Grid lines are exact coordinates (no rounding), so every card edge and stub lies on one.
  // `headers` are whole region boxes: their title strip is closed to running along, and the rest
  // costs extra to run across sideways, so trunks between regions run in the open above them.
  const strips = headers.map((o) => ({ x: o.x, y: o.y - 4, x2: o.x + o.width, y2: o.y + REGION_HEADER + 4 }));
  const xs = axis([a.x, b.x, area.x, area.x2, ...inflated.flatMap((o) => [o.x, o.x2]), ...strips.flatMap((o) => [o.x, o.x2])]);
  const ys = axis([a.y, b.y, area.y, area.y2, ...inflated.flatMap((o) => [o.y, o.y2]), ...strips.flatMap((o) => [o.y, o.y2]), ...headers.map((o) => o.y + o.height)]);
  const nx = xs.length;
  const ny = ys.length;
  // Every card edge is a grid line, so each grid point and each step between neighbours is wholly
  // inside or wholly outside a card: mark them per card over the index ranges it covers.
  const blocked = new Uint8Array(nx * ny); // grid point strictly inside a card
  const blockedH = new Uint8Array(nx * ny); // step from (i, j) to (i + 1, j) runs through a card
  const blockedV = new Uint8Array(nx * ny); // step from (i, j) to (i, j + 1) runs through a card
  for (const o of inflated) {
    const i0 = lowerBound(xs, o.x);
    const i1 = lowerBound(xs, o.x2);
    const j0 = lowerBound(ys, o.y);
    const j1 = lowerBound(ys, o.y2);
    // xs[i0] = o.x, xs[i1] = o.x2 (both are grid lines); strictly inside: i0 < i < i1.
    for (let j = j0; j <= j1 && j < ny; j++) {
      const yInside = ys[j]! > o.y && ys[j]! < o.y2;
      for (let i = i0; i <= i1 && i < nx; i++) {
        const xInside = xs[i]! > o.x && xs[i]! < o.x2;
        const cell = j * nx + i;
        if (xInside && yInside) blocked[cell] = 1;
        if (yInside && i < i1) blockedH[cell] = 1;
        if (xInside && j < j1) blockedV[cell] = 1;
      }
    }
  }
  // A region's header strip may be crossed, but not run along: no horizontal steps inside it.
  for (const o of strips) {
    const i0 = lowerBound(xs, o.x);
    const i1 = lowerBound(xs, o.x2);
    for (let j = lowerBound(ys, o.y); j < ny && ys[j]! < o.y2; j++) {
      if (ys[j]! <= o.y) continue;
      for (let i = i0; i < i1 && i < nx; i++) blockedH[j * nx + i] = 1;
    }
  }
  const insideRegionH = new Uint8Array(nx * ny);
  for (const o of headers) {
    const i0 = lowerBound(xs, o.x);
    const i1 = lowerBound(xs, o.x + o.width);
    for (let j = lowerBound(ys, o.y); j < ny && ys[j]! < o.y + o.height; j++) {
      for (let i = i0; i < i1 && i < nx; i++) insideRegionH[j * nx + i] = 1;
    }
  }
  const ia = xs.indexOf(a.x);
  const ja = ys.indexOf(a.y);
  const ib = xs.indexOf(b.x);
  const jb = ys.indexOf(b.y);
  if (blocked[ja * nx + ia] || blocked[jb * nx + ib]) return null;

  // State: grid point × direction of travel (0 up, 1 right, 2 down, 3 left).
  const dirs = [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ] as const;
  const sideDir: Record<Side, number> = { top: 0, right: 1, bottom: 2, left: 3 };
  const startDir = sideDir[fromSide];
  // Entering the target's top means travelling down, and so on.
  const arriveDir = (sideDir[toSide] + 2) % 4;
  const states = nx * ny * 4;
  const cost = new Float64Array(states).fill(Infinity);
  const prev = new Int32Array(states).fill(-1);
  const closed = new Uint8Array(states);
  const heap = new MinHeap();
  const s0 = (ja * nx + ia) * 4 + startDir;
  cost[s0] = 0;
  heap.push(0, s0);
  let goal = -1;
  while (heap.size) {
    const [, s] = heap.pop();
    const c = cost[s]!;
    if (closed[s]) continue;
    closed[s] = 1;
    const cell = s >> 2;
    const dir = s & 3;
    const i = cell % nx;
    const j = (cell - i) / nx;
    if (i === ib && j === jb) {
      const penalty = dir === arriveDir ? 0 : dir === (arriveDir + 2) % 4 ? 3 * BEND_COST : BEND_COST;
      if (penalty === 0) {
        goal = s;
        break;
      }
      // Arriving sideways costs a bend, made at the stub; record it as a state reached at extra cost.
      const turned = cell * 4 + arriveDir;
      if (c + penalty < cost[turned]! && !closed[turned]) {
        cost[turned] = c + penalty;
        prev[turned] = s;
        heap.push(c + penalty, turned);
      }
      continue;
    }
    for (let d = 0; d < 4; d++) {
      if (d === (dir + 2) % 4) continue; // no doubling back
      const ni = i + dirs[d]![0];
      const nj = j + dirs[d]![1];
      if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
      const ncell = nj * nx + ni;
      if (blocked[ncell]) continue;
      if (d === 1 ? blockedH[cell] : d === 3 ? blockedH[ncell] : d === 2 ? blockedV[cell] : blockedV[ncell]) continue;
      const p = { x: xs[i]!, y: ys[j]! };
      const q = { x: xs[ni]!, y: ys[nj]! };
      const length = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
      const shared = lanes.shared({ a: p, b: q }, ends);
      const sideways = (d === 1 && insideRegionH[cell]) || (d === 3 && insideRegionH[ncell]) ? length * REGION_SIDEWAYS : 0;
      const step = length + sideways + (d === dir ? 0 : BEND_COST) + (shared > 0 ? OVERLAP_FIXED + OVERLAP_COST * shared : 0);
      const ns = ncell * 4 + d;
      if (c + step < cost[ns]! && !closed[ns]) {
        cost[ns] = c + step;
        prev[ns] = s;
        // A*: the remaining Manhattan distance never overestimates what is left to pay.
        heap.push(c + step + Math.abs(b.x - q.x) + Math.abs(b.y - q.y), ns);
      }
    }
  }
  if (goal < 0) return null;
  const path: Point[] = [];
  for (let s = goal; s >= 0; s = prev[s]!) {
    const cell = s >> 2;
    const i = cell % nx;
    path.push({ x: xs[i]!, y: ys[(cell - i) / nx]! });
  }
  return simplify(path.reverse());
}

/** The first index whose value is at least `v` (values sorted ascending). */
function lowerBound(values: readonly number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorted distinct coordinates, plus the channel midway between each neighbouring pair. */
function axis(values: number[]): number[] {
  const base = [...new Set(values)].sort((p, q) => p - q);
  const out: number[] = [];
  for (let k = 0; k < base.length; k++) {
    out.push(base[k]!);
    const next = base[k + 1];
    if (next !== undefined && next - base[k]! > 2 * CLEARANCE) out.push((base[k]! + next) / 2);
  }
  return out;
}

/** A small binary heap of (priority, value) pairs. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, value: number): void {
    const k = this.keys;
    const v = this.values;
    let at = k.length;
    k.push(key);
    v.push(value);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (k[parent]! <= key) break;
      k[at] = k[parent]!;
      v[at] = v[parent]!;
      at = parent;
    }
    k[at] = key;
    v[at] = value;
  }
  pop(): [number, number] {
    const k = this.keys;
    const v = this.values;
    const top: [number, number] = [k[0]!, v[0]!];
    const lastKey = k.pop()!;
    const lastValue = v.pop()!;
    if (k.length) {
      let at = 0;
      for (;;) {
        const l = 2 * at + 1;
        const r = l + 1;
        let m = at;
        let mk = lastKey;
        if (l < k.length && k[l]! < mk) {
          m = l;
          mk = k[l]!;
        }
        if (r < k.length && k[r]! < mk) m = r;
        if (m === at) break;
        k[at] = k[m]!;
        v[at] = v[m]!;
        at = m;
      }
      k[at] = lastKey;
      v[at] = lastValue;
    }
    return top;
  }
}
