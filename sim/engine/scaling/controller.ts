/**
 * Per-replication scaling: the autoscaler of each autoscaled fleet (PLAN-FORMAT meaning 10), the
 * warm concurrency of each serverless fleet, and the looks at the load that let a diurnal swing
 * meet capacity limits, each at the exact instant a load crosses a level that matters (meaning 20).
 * Event-driven: decisions are taken only after the replication re-evaluates traffic. Imports only
 * sim/engine (no clock, no environment).
 */
import type { EngineModel } from '../model';
import { DIURNAL_OMEGA } from '../diurnal';
import type { TimerBlock } from '../timers';

/**
 * Scale-in waits this long after the load first allows it, and then removes only what the load at
 * that moment allows. 300 s is Kubernetes' default HPA scale-down stabilization window (AWS target
 * tracking waits longer still); a sane cool-down keeps a flapping load from thrashing instances.
 */
export const SCALE_IN_COOLDOWN_SECONDS = 300;
const EPSILON = 1e-9;
const CROSSING_MARGIN_SECONDS = 1e-3;
/** Two tick times this close are the same crossing computed twice (its last bits differ). */
const TICK_SAME_SECONDS = 1e-6;
/**
 * A crossing is landed on to this precision: its evaluations then fall within a hair of the kink,
 * well inside the u-probe's reach, so each side's slope is taken on that side.
 */
const CROSSING_PRECISION_SECONDS = 1e-9;
/** An event this close to a pending crossing is that crossing (the kernel adds its delay to the time it was set). */
const CROSSING_SAME_SECONDS = 1e-7;

/**
 * The first time after t at which the load factor 1 + swing·sin(ωτ) equals one of `levels`
 * (Infinity when the swing never reaches any of them).
 */
export function nextCrossing(t: number, levels: ArrayLike<number>, swing: number, count = levels.length): number {
  return nextSineCrossing(t, Array.from({ length: count }, (_, k) => (levels[k]! - 1) / swing), count);
}

/**
 * Values this close to the sine's value now are left to the search over both roots of every value
 * (which root is "now" is a rounding matter there, and `now` may be sin ωt rounded another way).
 */
const NEAR_NOW = 1e-9;

/**
 * The first time after t at which sin(ωτ) equals one of `values` (Infinity when none is inside
 * (−1, 1)). Exact: sin(ωτ) = v has the roots asin(v) and π − asin(v) in each period. The sine
 * meets values in a known order from its phase, so only the one met first needs its roots: rising,
 * the lowest value above it (else, after the peak, the highest); falling, the highest value below
 * it (else, after the trough, the lowest). This runs after every evaluation.
 */
export function nextSineCrossing(t: number, values: ArrayLike<number>, count = values.length, now = Math.sin(DIURNAL_OMEGA * t)): number {
  const twoPi = 2 * Math.PI;
  const phase = (((DIURNAL_OMEGA * t) % twoPi) + twoPi) % twoPi;
  const rising = phase < Math.PI / 2 || phase >= (3 * Math.PI) / 2;
  let above = Infinity; // the lowest value above now
  let below = -Infinity; // the highest value below now
  for (let k = 0; k < count; k++) {
    const v = values[k]!;
    if (!(v > -1 && v < 1)) continue;
    if (Math.abs(v - now) < NEAR_NOW) return bothRootsCrossing(t, phase, values, count);
    if (v > now) above = Math.min(above, v);
    else below = Math.max(below, v);
  }
  const first = rising ? (above !== Infinity ? above : below) : below !== -Infinity ? below : above;
  if (!(first > -1 && first < 1)) return Infinity;
  const a = Math.asin(first);
  return t + Math.min(phaseAhead(a, phase), phaseAhead(Math.PI - a, phase)) / DIURNAL_OMEGA;
}

/** nextSineCrossing from both roots of every value. */
function bothRootsCrossing(t: number, phase: number, values: ArrayLike<number>, count: number): number {
  let best = Infinity;
  for (let k = 0; k < count; k++) {
    const v = values[k]!;
    if (!(v > -1 && v < 1)) continue;
    const a = Math.asin(v);
    // The two instants of the day at which sin equals v: a and π − a.
    best = Math.min(best, phaseAhead(a, phase), phaseAhead(Math.PI - a, phase));
  }
  return best === Infinity ? Infinity : t + best / DIURNAL_OMEGA;
}

/**
 * How far ahead of `phase` the angle `root` comes round, in [0, 2π). Exactly on a level (t = 0
 * with a level of 1, say) counts as crossing now: the margin the caller adds then shows which
 * side the load is moving to.
 */
function phaseAhead(root: number, phase: number): number {
  const twoPi = 2 * Math.PI;
  const ahead = (((root - phase) % twoPi) + twoPi) % twoPi;
  return ahead < 1e-12 ? 0 : ahead;
}

/**
 * The first instant in (lo, hi] at which g changes sign, landing just past it (within
 * CROSSING_PRECISION_SECONDS, or the spacing of doubles near it), or Infinity. `curve` bounds
 * |g''| on the interval: g differs from its chord by at most curve·h²/8 over a piece of length h,
 * so a piece whose ends share a sign farther than that from 0 has no root, and every other piece
 * is halved, left half first — the first crossing is found exactly (to the tolerance), never
 * sampled on a grid. A touch without a sign change is no crossing.
 */
export function firstSignChange(g: (s: number) => number, lo: number, hi: number, glo: number, ghi: number, curve: number): number {
  const h = hi - lo;
  const sameSign = glo > 0 === ghi > 0;
  if (sameSign && Math.min(Math.abs(glo), Math.abs(ghi)) > (curve * h * h) / 8) return Infinity;
  if (h <= CROSSING_PRECISION_SECONDS) return sameSign ? Infinity : hi;
  const mid = lo + h / 2;
  if (!(mid > lo && mid < hi)) return sameSign ? Infinity : hi;
  const gm = g(mid);
  const left = firstSignChange(g, lo, mid, glo, gm, curve);
  return left !== Infinity ? left : firstSignChange(g, mid, hi, gm, ghi, curve);
}

/**
 * How the controller's mechanisms obtain their timers from the replication's kernel: a block of
 * `count` timers, described for the event budget's message, each answered by `onTimer`, which
 * returns true when served traffic or the counts behind the decisions may have changed (the host
 * then evaluates and lets the controller decide again).
 */
export type RegisterControlTimers = (count: number, describe: (local: number) => string, onTimer: (local: number, t: number) => boolean) => TimerBlock;

/** What the controller needs from the replication that owns it. */
export interface ScalingHost {
  readonly downCount: Int32Array;
  readonly capacity: Float64Array;
  /** A launched instance starts serving (after its balancer detects it). */
  activate(c: number): void;
  /** Scale-in: deregister then terminate an instance. */
  deactivate(c: number): void;
  /** Served traffic must be recomputed (a capacity changed, or a capacity crossing is due). */
  invalidate(): void;
  fleetLoad(node: number): number;
  /** How many instances of fleet `node` are up now. */
  upInstances(node: number): number;
  /**
   * The distinct loads the up instances of fleet `node` carry, each with how fast it grows with
   * u = sin ωt (loads are affine in u between saturations; 0 without a swing), written into
   * `loads` and `slopes`; returns how many. Instances with equal loads may be given once.
   */
  upInstanceLoads(node: number, loads: Float64Array, slopes: Float64Array): number;
  fleetLoadSlopeOf(node: number): number;
  /** u = sin ωt at t (0 without a swing), as the evaluation at t used it. */
  sineAt(t: number): number;
  /**
   * The first instant after t at which the routed loads stop moving linearly in time (a DNS
   * breakpoint: clients moving between answers, meaning 8); Infinity while routing stays put.
   */
  nextLoadBreakpoint(t: number): number;
  /**
   * For each of `nodes`: its fleet load (at u = sin ωT) and that load's u-slope just before T, as
   * traffic is routed then (DNS shares at T's left limit). The evaluation at `now` is restored.
   */
  fleetLoadsBefore(T: number, now: number, nodes: readonly number[], load: Float64Array, slope: Float64Array): void;
}

/**
 * What the controller reads of a model, and its scratch arrays: made once per model (a thread runs
 * its replications one at a time, so they share the scratch).
 */
interface ScalingLayout {
  autoscaled: number[];
  serverless: number[];
  /** Nodes with a finite capacity per component (the only ones a swing can saturate). */
  limitedNodes: Int32Array;
  maxInstances: Int32Array;
  minInstances: Int32Array;
  slots: Int32Array;
  firstComponent: Int32Array;
  unitLoad: Float64Array;
  levels: Float64Array;
  instanceLoads: Float64Array;
  instanceSlopes: Float64Array;
}

const layouts = new WeakMap<EngineModel, ScalingLayout>();

function scalingLayoutOf(model: EngineModel): ScalingLayout {
  const known = layouts.get(model);
  if (known) return known;
  const { nodes, components } = model;
  const autoscaled: number[] = [];
  const serverless: number[] = [];
  nodes.forEach((n, i) => {
    if (n.autoscaling && n.capacityRps !== Infinity) autoscaled.push(i);
    if (n.serverless && n.capacityRps !== Infinity) serverless.push(i);
  });
  const limitedComponents = components.filter((c) => nodes[c.node]!.capacityRps !== Infinity).length;
  const widest = Math.max(1, ...nodes.map((n) => n.instances));
  const layout: ScalingLayout = {
    autoscaled,
    serverless,
    limitedNodes: Int32Array.from(nodes.flatMap((n, i) => (n.capacityRps !== Infinity && n.component >= 0 ? [i] : []))),
    maxInstances: Int32Array.from(nodes, (n) => n.autoscaling?.max ?? 0),
    minInstances: Int32Array.from(nodes, (n) => n.autoscaling?.min ?? 0),
    slots: Int32Array.from(nodes, (n) => n.instances),
    firstComponent: Int32Array.from(nodes, (n) => n.component),
    unitLoad: Float64Array.from(nodes, (n) => (n.autoscaling ? n.capacityRps * n.autoscaling.targetUtilization : Infinity)),
    // One level per capacity-limited component, two per autoscaled node.
    levels: new Float64Array(limitedComponents + 2 * autoscaled.length),
    instanceLoads: new Float64Array(widest),
    instanceSlopes: new Float64Array(widest),
  };
  layouts.set(model, layout);
  return layout;
}

/**
 * The controller's mechanisms, each a block of timers registered once (registerTimers): an instance
 * launch finishing (per component), an autoscaler's reaction and its scale-in cool-down (per node), a
 * serverless warm-up ramp reaching its target (per node), and the next look at the diurnal load (one).
 * A new mechanism is its handler and one more `register` line there.
 */
export class ScalingController {
  /** 1 while a component slot serves or is failed-but-running; 0 before launch and after scale-in. */
  readonly active: Uint8Array;
  /**
   * Per node: one past its highest active instance slot. Slots from there on are idle (down, not
   * registered, no share of any balancer), so the per-event traffic pass need not visit them.
   */
  readonly slotEnd: Int32Array;
  private readonly launching: Uint8Array;
  private readonly launchingCount: Int32Array;
  /** Per node: active instances (kept as slots activate and deactivate), and up-and-active ones at the last countSlots. */
  readonly activeNow: Int32Array;
  private readonly upNow: Int32Array;
  /** Scratch of nextTickDelay: one level per capacity-limited component, two per autoscaled node. */
  private readonly levels: Float64Array;
  /** Scratch of nextTickDelay: one fleet's up-instance loads and their slopes. */
  private readonly instanceLoads: Float64Array;
  private readonly instanceSlopes: Float64Array;
  private readonly reactionPending: Uint8Array;
  private readonly scaleInPending: Uint8Array;
  /** Serverless: warm concurrency at rampStart, growing to rampTarget. */
  private readonly warm: Float64Array;
  private readonly rampStart: Float64Array;
  private readonly rampTarget: Float64Array;
  private readonly ramping: Uint8Array;
  private rampsActive = 0;
  /** Per serverless node (by position in `serverless`): its load and u-slope just before the next load breakpoint. */
  private readonly aheadLoad: Float64Array;
  private readonly aheadSlope: Float64Array;
  /** Per node: when its pending capacity-crossing timer fires (Infinity when none is pending). */
  private readonly crossingAt: Float64Array;
  /**
   * Per node: the direction of u (±1) toward the side of its pending crossing that comes after it
   * (0 without a swing). At the crossing the lost rate is continuous but its split into A + B·sin ωt
   * is not, and the account interpolates A and B between events: the evaluation just before the
   * crossing's handler takes the side before it, the one after takes the side after (probeSide).
   */
  private readonly sideAfter: Int8Array;
  /**
   * The crossing being handled: its node, its time, and 1 before its handler (the segment ending
   * there is closed), 2 after it (the next one is opened); 0 when none is.
   */
  private sideNode = -1;
  private sideTime = NaN;
  private sidePhase = 0;
  private tickPending = false;
  /** When the pending tick fires (simulation seconds). */
  private tickAt = Infinity;
  /** u = sin ωt at the last evaluation (the loads the host reports are at this u). */
  private evaluatedU = 0;
  private readonly autoscaled: readonly number[];
  /** Per autoscaled node (in `autoscaled` order): up, active, launching, reaction and scale-in pending at the last decision. */
  private readonly decided: Int32Array;
  /** Per node: the load one instance is meant to carry (capacity × target utilization) when autoscaled. */
  private readonly unitLoad: Float64Array;
  /** Per node: the autoscaler's bounds and the node's slots (read at every decision). */
  private readonly maxInstances: Int32Array;
  private readonly minInstances: Int32Array;
  private readonly slots: Int32Array;
  /** Per node: its first component (its first instance slot). */
  private readonly firstComponent: Int32Array;
  private readonly serverless: readonly number[];
  private readonly components: number;
  private readonly nodeCount: number;
  private readonly tickable: boolean;
  /** Nodes with a finite capacity per component (the only ones a swing can saturate). */
  private readonly limitedNodes: Int32Array;
  private initialized = false;
  // Set by registerTimers, before the replication's first event.
  private launchTimers!: TimerBlock;
  private reactionTimers!: TimerBlock;
  private scaleInTimers!: TimerBlock;
  private rampTimers!: TimerBlock;
  private tickTimer!: TimerBlock;
  private crossingTimers!: TimerBlock;

  constructor(
    private readonly model: EngineModel,
    private readonly host: ScalingHost,
  ) {
    const { nodes, components } = model;
    this.components = components.length;
    this.nodeCount = nodes.length;
    this.active = new Uint8Array(this.components);
    this.slotEnd = new Int32Array(this.nodeCount);
    this.launching = new Uint8Array(this.components);
    this.launchingCount = new Int32Array(this.nodeCount);
    this.activeNow = new Int32Array(this.nodeCount);
    this.upNow = new Int32Array(this.nodeCount);
    this.reactionPending = new Uint8Array(this.nodeCount);
    this.scaleInPending = new Uint8Array(this.nodeCount);
    this.warm = new Float64Array(this.nodeCount);
    this.rampStart = new Float64Array(this.nodeCount);
    this.rampTarget = new Float64Array(this.nodeCount);
    this.ramping = new Uint8Array(this.nodeCount);
    const layout = scalingLayoutOf(model);
    this.autoscaled = layout.autoscaled;
    this.serverless = layout.serverless;
    this.tickable = model.swinging && model.capacityLimited;
    this.aheadLoad = new Float64Array(this.serverless.length);
    this.aheadSlope = new Float64Array(this.serverless.length);
    this.crossingAt = new Float64Array(this.nodeCount).fill(Infinity);
    this.sideAfter = new Int8Array(this.nodeCount);
    this.limitedNodes = layout.limitedNodes;
    this.levels = layout.levels;
    this.decided = new Int32Array(5 * this.autoscaled.length).fill(-1);
    this.maxInstances = layout.maxInstances;
    this.minInstances = layout.minInstances;
    this.slots = layout.slots;
    this.firstComponent = layout.firstComponent;
    this.unitLoad = layout.unitLoad;
    this.instanceLoads = layout.instanceLoads;
    this.instanceSlopes = layout.instanceSlopes;
  }

  /** Registers each mechanism's timers with the kernel (once, before the run); `instance` names a component slot. */
  registerTimers(register: RegisterControlTimers, instance: (c: number) => string): void {
    const node = (i: number): string => `"${this.model.nodes[i]!.id}"`;
    this.launchTimers = register(this.components, (c) => `autoscaling launches of ${instance(c)}`, (c) => this.finishLaunch(c));
    this.reactionTimers = register(this.nodeCount, (i) => `autoscaling reactions of ${node(i)}`, (i, t) => this.react(i, t));
    this.scaleInTimers = register(this.nodeCount, (i) => `autoscaling scale-ins of ${node(i)}`, (i, t) => this.scaleIn(i, t));
    this.rampTimers = register(this.nodeCount, (i) => `serverless warm-up of ${node(i)}`, (i) => this.finishRamp(i));
    this.tickTimer = register(1, () => 'the autoscaling controller (its looks at the diurnal load)', () => this.look());
    this.crossingTimers = register(this.nodeCount, (i) => `serverless load crossing the warm capacity of ${node(i)}`, (i, t) => this.crossed(i, t));
  }

  /**
   * True when served traffic moves linearly between events: a serverless ramp. (A diurnal swing
   * against capacities needs no such slide: between looks at the load the lost rate is affine in
   * sin ωt, which the account integrates exactly.)
   */
  get dynamic(): boolean {
    return this.rampsActive > 0;
  }

  /** Whether anything here can ever act (so the replication can skip the hooks entirely). */
  get needed(): boolean {
    return this.autoscaled.length > 0 || this.serverless.length > 0 || this.tickable;
  }

  /** Initial capacities and which slots start active; returns the inactive slots (down until launched). */
  initialize(): number[] {
    const { nodes, components } = this.model;
    const inactive: number[] = [];
    for (let c = 0; c < components.length; c++) {
      const node = nodes[components[c]!.node]!;
      this.host.capacity[c] = node.capacityRps;
      if (components[c]!.instance < 0 || components[c]!.instance < node.initialActive) {
        this.active[c] = 1;
        this.activeNow[components[c]!.node]!++;
        // A serverless unit is its node's one slot (instance −1).
        const end = components[c]!.instance < 0 ? node.instances : components[c]!.instance + 1;
        this.slotEnd[components[c]!.node] = Math.max(this.slotEnd[components[c]!.node]!, end);
      } else inactive.push(c);
    }
    // Serverless starts warm for the peak of its own load (fixed after the first evaluation).
    for (const i of this.serverless) this.warm[i] = nodes[i]!.serverless!.concurrencyLimit;
    return inactive;
  }

  /**
   * Which way in u the host takes the lost rate's slope when it evaluates at t: 0 as usual (the way
   * u moves), else, at a serverless capacity crossing, toward the side of the segment being closed
   * (before the crossing's handler) or opened (after it).
   */
  probeSide(t: number): number {
    if (this.sidePhase === 0 || !(Math.abs(t - this.sideTime) <= CROSSING_SAME_SECONDS)) return 0;
    const after = this.sideAfter[this.sideNode]!;
    return this.sidePhase === 1 ? -after : after;
  }

  /** Brings time-varying capacities (serverless ramps) to time t. */
  advanceTo(t: number): void {
    // The evaluation that follows closes the segment ending at t: at a crossing, its side before.
    this.sidePhase = 0;
    for (const i of this.serverless) {
      if (Math.abs(this.crossingAt[i]! - t) <= CROSSING_SAME_SECONDS) {
        this.sideNode = i;
        this.sideTime = t;
        this.sidePhase = 1;
      }
    }
    if (this.rampsActive === 0) return;
    for (const i of this.serverless) if (this.ramping[i] === 1) this.setWarmCapacity(i, this.warmAt(i, t));
  }

  /**
   * Decisions after traffic was evaluated at t. Returns true when it changed a capacity at once
   * (instant serverless scale-up), so the caller must evaluate again.
   */
  afterEvaluation(t: number, loadsMoved = true): boolean {
    const u = this.host.sineAt(t);
    this.evaluatedU = u;
    if (!loadsMoved && this.serverless.length === 0) {
      // Loads are as they were (as functions of u): only an autoscaler whose counts (up, active,
      // launching) or pending steps changed may decide otherwise, and the levels a look aims at
      // move only for one whose load swings (looks come at each level the swing crosses).
      let relevel = false;
      for (let k = 0; k < this.autoscaled.length; k++) {
        const i = this.autoscaled[k]!;
        this.countSlots(i);
        if (!this.autoscalerChanged(k, i)) continue;
        this.decide(i);
        this.noteAutoscaler(k, i);
        if (this.host.fleetLoadSlopeOf(i) !== 0) relevel = true;
      }
      if (relevel && this.tickable) this.retick(t);
      return false;
    }
    const { nodes } = this.model;
    let changedNow = false;
    for (let k = 0; k < this.autoscaled.length; k++) {
      const i = this.autoscaled[k]!;
      this.countSlots(i); // also read by nextTickDelay() below: nothing changes a slot in between
      this.decide(i);
    }
    // While clients move between DNS answers a function's load moves linearly until the next
    // breakpoint: warm concurrency is aimed at the peak over that whole stretch, not only at the
    // load of this instant (else a rising load outgrows it with nothing to re-evaluate it).
    const ahead = this.serverless.length > 0 ? this.host.nextLoadBreakpoint(t) : Infinity;
    if (ahead !== Infinity) this.host.fleetLoadsBefore(ahead, t, this.serverless, this.aheadLoad, this.aheadSlope);
    const uAhead = ahead !== Infinity && this.model.swinging ? Math.sin(DIURNAL_OMEGA * ahead) : 0;
    for (let k = 0; k < this.serverless.length; k++) {
      const i = this.serverless[k]!;
      const def = nodes[i]!.serverless!;
      // Warm concurrency follows the daily peak of the load the function receives from now to the
      // next breakpoint (loads are bilinear in the DNS shares and u, so the peak is at an end and
      // u = ±1); a jump beyond it (a failover surge) grows at scaleUpPerMinute. Scaling down is
      // immediate and free.
      let peak = this.peakLoad(i);
      if (ahead !== Infinity) {
        const slope = this.aheadSlope[k]!;
        peak = Math.max(peak, this.aheadLoad[k]! + slope * (Math.sign(slope) - uAhead));
      }
      const desired = Math.min(def.concurrencyLimit, peak * def.requestSeconds);
      const now = this.warmAt(i, t);
      if (!this.initialized || def.scaleUpPerSecond === Infinity || desired < now - EPSILON) {
        if (this.ramping[i] === 1) this.stopRamp(i);
        if (Math.abs(desired - now) > EPSILON) {
          // A drop below the current load cannot happen (desired covers the peak), so only a rise changes service.
          if (desired > now) changedNow = true;
          this.warm[i] = desired;
          this.setWarmCapacity(i, desired);
        }
      } else if (desired > now + EPSILON && (this.ramping[i] === 0 || desired > this.rampTarget[i]! + EPSILON)) {
        if (this.ramping[i] === 0) this.rampsActive++;
        this.ramping[i] = 1;
        this.warm[i] = now;
        this.rampStart[i] = t;
        this.rampTarget[i] = desired;
        this.rampTimers.restart(i, (desired - now) / def.scaleUpPerSecond);
      }
      this.aimCrossing(k, i, t, ahead, uAhead);
    }
    this.initialized = true;
    // Every evaluation may move the next level that matters (a failure lowers the launch level),
    // so the pending look at the load is re-aimed each time.
    if (this.tickable) this.retick(t);
    for (let k = 0; k < this.autoscaled.length; k++) this.noteAutoscaler(k, this.autoscaled[k]!);
    return changedNow;
  }

  /** Autoscaler i (the k-th): a launch once the load needs more than its up and launching instances, else a scale-in once it needs fewer. */
  private decide(i: number): void {
    const load = this.host.fleetLoad(i);
    if (this.launchesWanted(i, load) > 0) {
      if (this.reactionPending[i] === 0) {
        this.reactionPending[i] = 1;
        this.reactionTimers.restart(i, this.model.nodes[i]!.autoscaling!.reactionSeconds);
      }
    } else if (this.launchingCount[i] === 0 && this.excess(i, load) > 0 && this.scaleInPending[i] === 0) {
      this.scaleInPending[i] = 1;
      this.scaleInTimers.restart(i, SCALE_IN_COOLDOWN_SECONDS);
    }
  }

  /** Whether autoscaler i's counts (countSlots must have run) or pending steps differ from those of its last decision. */
  private autoscalerChanged(k: number, i: number): boolean {
    const d = this.decided;
    return (
      d[5 * k] !== this.upNow[i] ||
      d[5 * k + 1] !== this.activeNow[i] ||
      d[5 * k + 2] !== this.launchingCount[i] ||
      d[5 * k + 3] !== this.reactionPending[i] ||
      d[5 * k + 4] !== this.scaleInPending[i]
    );
  }

  private noteAutoscaler(k: number, i: number): void {
    this.decided[5 * k] = this.upNow[i]!;
    this.decided[5 * k + 1] = this.activeNow[i]!;
    this.decided[5 * k + 2] = this.launchingCount[i]!;
    this.decided[5 * k + 3] = this.reactionPending[i]!;
    this.decided[5 * k + 4] = this.scaleInPending[i]!;
  }

  /** The daily peak of node i's load as it is now routed: its load is affine in u, so at u = ±1. */
  private peakLoad(i: number): number {
    const slope = this.host.fleetLoadSlopeOf(i);
    return this.host.fleetLoad(i) + slope * (Math.sign(slope) - this.evaluatedU);
  }

  /**
   * Aims the next look at the load. A pending look that comes no later is kept: looking early
   * costs one evaluation (which aims again), while moving a timer leaves a stale event behind.
   */
  private retick(t: number): void {
    const delay = this.nextTickDelay(t);
    if (delay === Infinity) return;
    if (this.tickPending && this.tickAt <= t + delay + TICK_SAME_SECONDS) return;
    this.tickPending = true;
    this.tickAt = t + delay;
    this.tickTimer.restart(0, delay);
  }

  /**
   * When to look at the load again. Every load is affine in u = sin ωt as long as no instance
   * crosses its capacity, so the served share and every decision stay as they are until the swing
   * carries some load across a level that matters — a capacity, or the load at which an autoscaler
   * would launch or scale in (countSlots must have run) — and the next look is exactly at the first
   * such crossing. Levels at which nothing would change (the wanted count moving below `min`) are not looked at.
   */
  private nextTickDelay(t: number): number {
    const levels = this.levels;
    let count = 0;
    const u = this.evaluatedU;
    const limited = this.limitedNodes;
    const loads = this.instanceLoads;
    const slopes = this.instanceSlopes;
    const firstComponent = this.firstComponent;
    for (let k = 0; k < limited.length; k++) {
      // A fleet's instances share one capacity (a serverless fleet is one unit).
      const capacity = this.host.capacity[firstComponent[limited[k]!]!]!;
      const groups = this.host.upInstanceLoads(limited[k]!, loads, slopes);
      for (let g = 0; g < groups; g++) {
        const slope = slopes[g]!;
        if (slope === 0) continue;
        // Where load + slope·(v − u) = capacity (serverless warms up to exactly the peak: not a crossing).
        const v = u + (capacity - loads[g]!) / slope;
        if (Math.abs(v) < 1 - EPSILON) levels[count++] = v;
      }
    }
    for (let k = 0; k < this.autoscaled.length; k++) {
      const i = this.autoscaled[k]!;
      const slope = this.host.fleetLoadSlopeOf(i);
      if (slope === 0) continue;
      const load = this.host.fleetLoad(i);
      const unit = this.unitLoad[i]!;
      const up = this.upNow[i]!;
      const active = this.activeNow[i]!;
      const launching = this.launchingCount[i]!;
      // launchesWanted > 0 once need > up + launching, i.e. the load passes (up + launching)·unit.
      if (up + launching < this.maxInstances[i]! && active + launching < this.slots[i]!) {
        const v = u + ((up + launching) * unit - load) / slope;
        if (Math.abs(v) < 1 - EPSILON) levels[count++] = v;
      }
      // excess > 0 once max(1, need) < up, i.e. the load falls to (up − 1)·unit (no launch under way).
      if (launching === 0 && active > this.minInstances[i]! && up >= 2) {
        const v = u + ((up - 1) * unit - load) / slope;
        if (Math.abs(v) < 1 - EPSILON) levels[count++] = v;
      }
    }
    const crossing = nextSineCrossing(t, levels, count, u);
    // Land just past the level so the decision sees the new side of it.
    return crossing === Infinity ? Infinity : crossing - t + CROSSING_MARGIN_SECONDS;
  }

  /**
   * Times node i's next capacity crossing: between events its load is A(s) + B(s)·sin ωs with A
   * and B linear in s (they move with the DNS shares until `ahead`), and its warm capacity is
   * linear too (a ramp, else constant), so the lost rate (load − capacity)⁺ has a kink exactly
   * where they meet — an event there keeps the account's linear integral exact (meaning 20).
   * The crossing is searched up to the next breakpoint or the ramp's end, whichever comes first:
   * after it the capacity covers the peak (or an event re-aims). A crossing within the diurnal
   * swing alone (no ramp, no DNS motion) is the look's (nextTickDelay).
   */
  private aimCrossing(k: number, i: number, t: number, ahead: number, uAhead: number): void {
    const def = this.model.nodes[i]!.serverless!;
    const rate = def.scaleUpPerSecond;
    const ramping = this.ramping[i] === 1;
    let end = ahead;
    if (ramping) end = Math.min(end, this.rampStart[i]! + (this.rampTarget[i]! - this.warm[i]!) / rate);
    let at = Infinity;
    if (end !== Infinity && end > t + TICK_SAME_SECONDS) {
      const u0 = this.evaluatedU;
      const b0 = this.host.fleetLoadSlopeOf(i);
      const a0 = this.host.fleetLoad(i) - b0 * u0;
      const b1 = ahead !== Infinity ? this.aheadSlope[k]! : b0;
      const a1 = ahead !== Infinity ? this.aheadLoad[k]! - b1 * uAhead : a0;
      const span = ahead !== Infinity ? ahead - t : 1;
      const da = (a1 - a0) / span;
      const db = (b1 - b0) / span;
      // Capacity in requests per second: (warm + rate·(s − rampStart)) ÷ requestSeconds while ramping.
      const warm0 = this.warmAt(i, t);
      const capRate = ramping ? rate / def.requestSeconds : 0;
      const cap0 = warm0 / def.requestSeconds;
      const swinging = this.model.swinging;
      const g = (s: number): number => {
        const x = s - t;
        const u = swinging ? Math.sin(DIURNAL_OMEGA * s) : 0;
        return a0 + da * x + (b0 + db * x) * u - (cap0 + capRate * x);
      };
      // Nothing to find when the highest load the stretch can reach stays under the capacity now.
      const highest = Math.max(a0 + Math.abs(b0), a1 + Math.abs(b1));
      if (highest > cap0) {
        // |g''| ≤ M: only the swing term curves, d²/ds²[(b0 + db·x)·sin ωs] = 2·db·ω·cos ωs − (b0 + db·x)·ω²·sin ωs.
        const w = DIURNAL_OMEGA;
        const curve = swinging ? 2 * Math.abs(db) * w + Math.max(Math.abs(b0), Math.abs(b1)) * w * w : 0;
        const from = t + TICK_SAME_SECONDS;
        at = firstSignChange(g, from, end, g(from), g(end), curve);
        // At the stretch's end an event comes anyway (the ramp's end or the breakpoint).
        if (at >= end - TICK_SAME_SECONDS) at = Infinity;
        if (at !== Infinity) {
          // u pushes the load up where the load's u-slope B is positive: the saturated side.
          const towardLoad = Math.sign(b0 + db * (at - t));
          this.sideAfter[i] = g(at) > 0 ? towardLoad : -towardLoad;
        }
      }
    }
    if (at === Infinity) {
      if (this.crossingAt[i] !== Infinity) {
        this.crossingAt[i] = Infinity;
        this.crossingTimers.cancel(i);
      }
    } else if (Math.abs(at - this.crossingAt[i]!) > TICK_SAME_SECONDS) {
      this.crossingAt[i] = at;
      this.crossingTimers.restart(i, at - t);
    }
  }

  /** A load met its serverless capacity: the caller evaluates (the lost rate's kink), and afterEvaluation aims the next one. */
  private crossed(i: number, t: number): boolean {
    this.crossingAt[i] = Infinity;
    this.sideNode = i;
    this.sideTime = t;
    this.sidePhase = 2;
    // The lost rate's kink: traffic must be evaluated afresh here.
    this.host.invalidate();
    return true;
  }

  /** A serverless ramp reached its target. */
  private finishRamp(i: number): boolean {
    this.stopRamp(i);
    this.warm[i] = this.rampTarget[i]!;
    this.setWarmCapacity(i, this.warm[i]!);
    return true;
  }

  /** The look at the load aimed by retick: the caller evaluates, and afterEvaluation aims the next one. */
  private look(): boolean {
    this.tickPending = false;
    this.tickAt = Infinity;
    // A load may cross a capacity here (the lost rate's kink): traffic must be evaluated afresh.
    this.host.invalidate();
    return true;
  }

  /**
   * Node i's offered load at time t. Loads scale with the diurnal factor, so the load evaluated at
   * the last event is carried to t: a reaction or scale-in timer acts on the load of its own
   * moment, not on the one seen when it was set (up to a day's swing away).
   */
  private loadNow(i: number, t: number): number {
    if (!this.model.swinging) return this.host.fleetLoad(i);
    return this.host.fleetLoad(i) + this.host.fleetLoadSlopeOf(i) * (Math.sin(DIURNAL_OMEGA * t) - this.evaluatedU);
  }

  /** Instances that bring utilisation (load ÷ up capacity) to target for `load`, at most max. */
  private need(i: number, load: number): number {
    return Math.min(this.maxInstances[i]!, Math.ceil(load / this.unitLoad[i]! - EPSILON));
  }

  /**
   * Launches wanted now: enough up instances for the load, and at least `min` instances running.
   * A failed instance still counts toward `min` (its own repair or restart brings it back, by the
   * plan's law), so a single failure does not launch a replacement unless the load needs one.
   */
  private launchesWanted(i: number, load: number): number {
    const launching = this.launchingCount[i]!;
    const active = this.activeNow[i]!;
    const wanted = Math.max(this.need(i, load) - (this.upNow[i]! + launching), this.minInstances[i]! - (active + launching));
    return Math.min(wanted, this.slots[i]! - active - launching);
  }

  /** Up instances the load does not need, never going below `min` running instances. */
  private excess(i: number, load: number): number {
    return Math.min(this.upNow[i]! - Math.max(1, this.need(i, load)), this.activeNow[i]! - this.minInstances[i]!);
  }

  /**
   * Counts node i's active instances that are up (they carry the fleet's believed-healthy capacity)
   * into upNow; launchesWanted and excess read it (and activeNow), so the caller counts first after
   * any change. Only an active slot can be up (an idle one is down for that reason), so the up count is the host's.
   */
  private countSlots(i: number): void {
    this.upNow[i] = this.host.upInstances(i);
  }

  private react(i: number, t: number): boolean {
    this.reactionPending[i] = 0;
    const node = this.model.nodes[i]!;
    const a = node.autoscaling!;
    this.countSlots(i);
    let wanted = this.launchesWanted(i, this.loadNow(i, t));
    let launched = false;
    for (let c = node.component; c < node.component + node.instances && wanted > 0; c++) {
      if (this.active[c] === 1 || this.launching[c] === 1) continue;
      this.launching[c] = 1;
      this.launchingCount[i]!++;
      wanted--;
      this.launchTimers.restart(c, a.launchSeconds);
      launched = true;
    }
    // Launches under way move the level at which the next launch is wanted: look again.
    return launched;
  }

  private finishLaunch(c: number): boolean {
    const { node, instance } = this.model.components[c]!;
    this.launching[c] = 0;
    this.launchingCount[node]!--;
    this.active[c] = 1;
    this.activeNow[node]!++;
    this.slotEnd[node] = Math.max(this.slotEnd[node]!, instance + 1);
    this.host.activate(c);
    // Even when it starts down (launched into a zone that is out), the counts the decisions rest
    // on have changed: decide again now rather than at the next crossing of the day.
    return true;
  }

  private scaleIn(i: number, t: number): boolean {
    this.scaleInPending[i] = 0;
    if (this.launchingCount[i]! > 0) return false;
    const node = this.model.nodes[i]!;
    this.countSlots(i);
    let excess = this.excess(i, this.loadNow(i, t));
    let changed = false;
    // Newest (highest) slots go first, so the plan's own instances keep their failure streams.
    for (let c = node.component + node.instances - 1; c >= node.component && excess > 0; c--) {
      if (this.active[c] === 0 || this.host.downCount[c] !== 0) continue;
      this.active[c] = 0;
      this.activeNow[i]!--;
      excess--;
      this.host.deactivate(c);
      changed = true;
    }
    let end = this.slotEnd[i]!;
    while (end > 0 && this.active[node.component + end - 1] === 0) end--;
    this.slotEnd[i] = end;
    return changed;
  }

  private warmAt(i: number, t: number): number {
    if (this.ramping[i] === 0) return this.warm[i]!;
    const rate = this.model.nodes[i]!.serverless!.scaleUpPerSecond;
    return Math.min(this.rampTarget[i]!, this.warm[i]! + rate * (t - this.rampStart[i]!));
  }

  private setWarmCapacity(i: number, warm: number): void {
    const node = this.model.nodes[i]!;
    this.host.capacity[node.component] = warm / node.serverless!.requestSeconds;
    this.host.invalidate();
  }

  private stopRamp(i: number): void {
    if (this.ramping[i] === 0) return;
    if (this.crossingAt[i] !== Infinity) {
      this.crossingAt[i] = Infinity;
      this.crossingTimers.cancel(i);
    }
    this.ramping[i] = 0;
    this.rampsActive--;
    this.rampTimers.cancel(i);
  }

}
