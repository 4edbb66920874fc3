/**
 * One replication: a simjs event calendar driving every component's up/down process, the region,
 * zone and common-cause overlays, and balancer detection of each member's state changes; after each
 * change the fluid traffic model gives the new served rate and the account integrates it.
 * Environment-free: imports only sim/engine.
 */
import { DataRuntime, type DataCounters, type DataHost } from './data/dataRuntime';
import { sampleDetectionSeconds } from './detection';
import { sample } from './distributions';
import { TrafficAccount, type IncidentRecord } from './metrics';
import type { Cause, EngineModel } from './model';
import { LazyStreams } from './random';
import { Timers, type TimerBlock, type TimerDispatch } from './timers';
import { HealthWatch } from './healthWatch';
import { evaluatorFor, type TrafficEvaluator, type TrafficState } from './traffic';
import { DnsRuntime, type DnsHost } from './dns/dnsRuntime';
import { ScalingController, type ScalingHost } from './scaling/controller';
import { monitorOfPassive } from './passives';
import { DIURNAL_OMEGA } from './diurnal';
import { HOUR } from './timeUnits';

/**
 * How far in u = sin ωt an evaluation probes for slopes: small enough to stay between the loads at
 * which instances saturate (the controller looks again at each), large enough that the slope keeps
 * about ten significant digits.
 */
const PROBE_U = 1e-6;

/** What one replication reports: sums and samples that `summarize` pools over replications. */
export interface ReplicationSummary {
  replication: number;
  horizonSeconds: number;
  offeredRequests: number;
  lostRequests: number;
  /** Time with more than 0.1 % of offered requests failing. */
  downSeconds: number;
  incidents: number;
  /** Closed incidents' lengths; an incident open at the horizon yields none. */
  rtoSeconds: number[];
  /** One per completed promotion or restore (and multi-writer member loss), zeros included. */
  rpoSeconds: number[];
  /** Promotions, restores and writes lost (sim/engine/data). */
  data: DataCounters;
  months: number;
  monthsMeetingObjective: number;
  events: number;
  incidentRecords: IncidentRecord[];
  /** Per client origin (EngineModel.origins order): requests offered and lost. */
  originOfferedRequests: number[];
  originLostRequests: number[];
}

export interface ReplicationOptions {
  seed: number;
  replication: number;
  /** Request-weighted availability objective for monthly SLO attainment (NaN: none). */
  availabilityObjective: number;
  /** Events this replication may deliver before it stops with EventBudgetExceeded (default DEFAULT_EVENT_BUDGET). */
  eventBudget?: number | undefined;
}

/**
 * Events one replication may deliver. A validated plan makes at most a few hundred thousand events
 * per simulated year on its busiest templates; ten million is far above any sensible run and still
 * stops a runaway one (a component failing every microsecond) within seconds.
 */
export const DEFAULT_EVENT_BUDGET = 10_000_000;

/** A replication delivered more events than its budget allows; the message names the busiest source. */
export class EventBudgetExceeded extends Error {
  constructor(
    message: string,
    readonly replication: number,
    readonly source: string,
  ) {
    super(message);
    this.name = 'EventBudgetExceeded';
  }
}

/** What a replication reads of its model and never writes: made once per model. */
interface ReplicationLayout {
  /** Per passive: its index among model.monitors, −1 for a backup. */
  monitorOf: Int32Array;
  /** Balancer pairs whose check is deep (meaning 6). */
  deepPairs: Int32Array;
  /** Per node: 1 when some DNS health check targets it. */
  dnsCheckTarget: Uint8Array;
  /** Per client origin: requests per second offered. */
  originOffered: Float64Array;
  /** Per DNS slot (checks, then records): what an incident it opens is blamed on. */
  dnsSlotCauses: Cause[];
}

const replicationLayouts = new WeakMap<EngineModel, ReplicationLayout>();

function replicationLayoutOf(model: EngineModel): ReplicationLayout {
  const known = replicationLayouts.get(model);
  if (known) return known;
  const dnsCheckTarget = new Uint8Array(model.nodes.length);
  for (const check of model.dnsChecks) dnsCheckTarget[check.targetNode] = 1;
  const originOffered = new Float64Array(model.origins.length);
  for (const list of model.clientOrigins) for (const [o, rps] of list) originOffered[o] = originOffered[o]! + rps;
  const layout: ReplicationLayout = {
    monitorOf: Int32Array.from(model.passives, (_p, i) => monitorOfPassive(model.monitors, i)),
    deepPairs: Int32Array.from(model.pairs.flatMap((p, i) => (p.deep ? [i] : []))),
    dnsCheckTarget,
    originOffered,
    dnsSlotCauses: [
      ...model.dnsChecks.map((check): Cause => ({ kind: 'node', id: model.nodes[check.targetNode]!.id })),
      ...model.dns.map((record): Cause => ({ kind: 'node', id: record.id })),
    ],
  };
  replicationLayouts.set(model, layout);
  return layout;
}

/**
 * Each part registers a block of timers with the kernel (timers.ts) and answers its own: component
 * processes, outages, balancer health watch, DNS checks and records (dns/), one per dataset (its
 * pending promotion or restore step, data/), the scaling controller's (scaling/), backups and
 * monitors. A part's handler returns what to blame when served traffic may have changed, and the
 * loop then refreshes traffic.
 */
class Replication implements TimerDispatch, TrafficState, DnsHost, DataHost, ScalingHost {
  readonly downCount: Int32Array;
  readonly capacity: Float64Array;
  /** The controller's per-slot registrations (TrafficState.registered). */
  readonly registered: Uint8Array;
  /** The controller's per-node slot ends (TrafficState.slotEnd). */
  readonly slotEnd: Int32Array;
  /** The controller's per-node counts of registered slots (TrafficState.registeredCount). */
  readonly registeredCount: Int32Array;
  readonly belief: Uint8Array;
  readonly believedCount: Int32Array;
  readonly dataUp: Uint8Array;
  private readonly ownDown: Uint8Array;
  readonly overlayActive: Uint8Array;
  /** Backups and monitors (model.passives): reasons to be down, and their own failure state. */
  readonly passiveDown: Int32Array;
  private readonly passiveOwnDown: Uint8Array;
  private readonly passiveFailureStreams: LazyStreams;
  private readonly passiveRepairStreams: LazyStreams;
  /** Per passive: its index among model.monitors, −1 for a backup. */
  private readonly monitorOf: Readonly<Int32Array>;
  /** Balancer pairs: what each check sees and believes of its member (meaning 5). */
  private readonly pairWatch: HealthWatch;
  private readonly failureStreams: LazyStreams;
  private readonly repairStreams: LazyStreams;
  private readonly gapStreams: LazyStreams;
  private readonly durationStreams: LazyStreams;
  private readonly detectStreams: LazyStreams;
  private readonly dnsRuntime: DnsRuntime;
  private readonly hasDns: boolean;
  /** Per-origin accounting (only with two or more origins; one origin is the total). */
  private readonly originServed: Float64Array;
  private readonly originEnd: Float64Array;
  readonly originLost: Float64Array;
  readonly originOffered: Readonly<Float64Array>;
  private originTime = 0;
  private readonly controller: ScalingController;
  private readonly useController: boolean;
  /** Liveness detection draws of containers (a new purpose, so no other draw moves). */
  private readonly livenessStreams: LazyStreams;
  /** Per component: when its last liveness restart completed (NaN: never). */
  private readonly restartedAt: Float64Array;
  /**
   * Required components (model.critical) now down: while > 0 nothing is served, so the traffic pass
   * is skipped. Only without DNS and per-origin accounting, which read the pass's per-node results.
   */
  private criticalDown = 0;
  private readonly shortcut: boolean;
  /** Balancer pairs whose check is deep (meaning 6). */
  private readonly deepPairs: Readonly<Int32Array>;
  /**
   * The lost rate of the current state as A + B·sin ωt (see TrafficAccount), from the last
   * evaluation; reused while the state is unchanged and valid.
   */
  private lostA = 0;
  private lostB = 0;
  /** The last full evaluation's lost rate, reused while cacheValid (the shortcut does not touch it). */
  private cachedA = 0;
  private cachedB = 0;
  private cacheValid = false;
  /** Loads vary within a state (diurnal swing against capacity): never reuse a lost rate. */
  private readonly cacheable: boolean;
  /**
   * A swing and capacities both matter: the lost rate is then affine in u = sin ωt only between
   * the loads at which some instance saturates (the controller looks again at each), so each
   * evaluation also probes a nearby u to get its slope, and every load's.
   */
  private readonly probing: boolean;
  /** Per component and per node: the load's slope in u (0 without probing), from two probes. */
  private readonly loadSlope: Float64Array;
  private readonly fleetLoadSlope: Float64Array;
  /**
   * Whether the controller reads the slopes the evaluator's pass carried (the common case, no
   * instance saturated: they are exact) rather than the probes' above — read in place, not copied.
   */
  private slopesFromPass = false;
  /**
   * Whether the event being handled changed something traffic reaches. A change confined to nodes
   * no traffic reached at the last pass (a standby region, say), or none at all (a look at the load,
   * an autoscaler's decision to launch), leaves every success, lost rate and load as that pass
   * found them: the refresh then skips the pass, and loads move along their exact slopes in
   * u = sin ωt (skipPassesAllowed says when that holds).
   */
  private trafficTouched = true;
  private readonly skipPassesAllowed: boolean;
  /**
   * DNS health checks observe their target's own state (a fleet's instances, a balancer's beliefs);
   * they are read again only when such a state changed since (or always, for deep checks).
   */
  private dnsChecksStale = false;
  private readonly dnsCheckTarget: Readonly<Uint8Array>;
  private readonly deepDnsChecks: boolean;
  /** While the last pass was skipped: u of the pass the evaluator's figures describe. */
  private passU = 0;
  private extrapolating = false;
  /** u = sin ωt of the last evaluation and its t (the controller asks for the same u again). */
  private lastT = NaN;
  private lastU = 0;
  private readonly probeLoad: Float64Array;
  private readonly probeFleetLoad: Float64Array;
  readonly data: DataRuntime;
  private readonly timers: Timers;
  private readonly componentTimers: TimerBlock;
  private readonly overlayTimers: TimerBlock;
  private readonly pairTimers: TimerBlock;
  private readonly dnsTimers: TimerBlock;
  private readonly dataTimers: TimerBlock;
  private readonly passiveTimers: TimerBlock;
  /** Per registered part (its index in the kernel): its handler, returning a cause when traffic may have changed. */
  private readonly handlers: ((local: number, t: number) => Cause | null)[] = [];
  private readonly evaluator: TrafficEvaluator;
  readonly account: TrafficAccount;
  /** Per DNS slot (checks, then records): what an incident it opens is blamed on, made once. */
  private readonly dnsSlotCauses: readonly Cause[];
  private readonly replicationIndex: number;

  constructor(
    private readonly model: EngineModel,
    options: ReplicationOptions,
  ) {
    const { components, overlays, pairs, nodes } = model;
    const { seed, replication } = options;
    this.downCount = new Int32Array(components.length);
    this.ownDown = new Uint8Array(components.length);
    this.overlayActive = new Uint8Array(overlays.length);
    this.believedCount = new Int32Array(nodes.length);
    for (let n = 0; n < nodes.length; n++) this.believedCount[n] = nodes[n]!.pairEnd - nodes[n]!.pairStart;
    this.capacity = new Float64Array(components.length);
    this.controller = new ScalingController(model, this);
    this.useController = this.controller.needed;
    this.registered = this.controller.active;
    this.slotEnd = this.controller.slotEnd;
    this.registeredCount = this.controller.activeNow;
    this.passiveDown = new Int32Array(model.passives.length);
    this.passiveOwnDown = new Uint8Array(model.passives.length);
    this.passiveFailureStreams = new LazyStreams(seed, replication, model.passives, 'time-to-failure');
    this.passiveRepairStreams = new LazyStreams(seed, replication, model.passives, 'time-to-repair');
    const layout = replicationLayoutOf(model);
    this.monitorOf = layout.monitorOf;
    this.hasDns = model.dns.length > 0;
    this.deepPairs = layout.deepPairs;
    // Deep checks read the pass's per-node results, so the pass always runs.
    this.shortcut = !this.hasDns && model.origins.length < 2 && this.deepPairs.length === 0;
    this.cacheable = this.shortcut && !(model.swinging && model.capacityLimited);
    // Deep checks read every node's success, and the shortcut leaves the evaluator stale while a
    // required component is down: then every refresh runs its pass.
    this.skipPassesAllowed =
      !this.shortcut && this.deepPairs.length === 0 && !model.dnsChecks.some((c) => c.deep);
    this.probing = model.swinging && model.capacityLimited;
    this.dnsCheckTarget = layout.dnsCheckTarget;
    this.deepDnsChecks = model.dnsChecks.some((c) => c.deep);
    this.loadSlope = new Float64Array(components.length);
    this.fleetLoadSlope = new Float64Array(nodes.length);
    this.probeLoad = new Float64Array(this.probing ? components.length : 0);
    this.probeFleetLoad = new Float64Array(this.probing ? nodes.length : 0);
    const origins = model.origins.length;
    this.originServed = new Float64Array(origins);
    this.originEnd = new Float64Array(origins);
    this.originLost = new Float64Array(origins);
    this.originOffered = layout.originOffered;
    this.failureStreams = new LazyStreams(seed, replication, components, 'time-to-failure');
    this.repairStreams = new LazyStreams(seed, replication, components, 'time-to-repair');
    this.gapStreams = new LazyStreams(seed, replication, overlays, 'time-between-outages');
    this.durationStreams = new LazyStreams(seed, replication, overlays, 'outage-duration');
    this.detectStreams = new LazyStreams(seed, replication, pairs, 'detection');
    // Only containers with a liveness probe draw from these.
    this.livenessStreams = new LazyStreams(seed, replication, components, 'liveness-detection');
    this.restartedAt = new Float64Array(components.length).fill(NaN);
    this.data = new DataRuntime(model.data, this, nodes.length, seed, replication, model.monitors);
    this.dataUp = this.data.dataUp;
    this.evaluator = evaluatorFor(model);
    this.dnsRuntime = new DnsRuntime(model, seed, replication, this);
    this.dnsSlotCauses = layout.dnsSlotCauses;
    this.account = new TrafficAccount(model.offeredRps, options.availabilityObjective, model.diurnalSwing);
    this.replicationIndex = replication;

    // The parts and their timers (the order only numbers the slots).
    const m = model;
    const component = (c: number): string => {
      const def = m.components[c]!;
      return def.instance >= 0 ? `instance ${def.instance} of "${m.nodes[def.node]!.id}"` : `"${def.sourceId}"`;
    };
    this.timers = new Timers(model.horizonSeconds, options.eventBudget ?? DEFAULT_EVENT_BUDGET, this);
    const register = (count: number, describe: (local: number) => string, handler: (local: number, t: number) => Cause | null): TimerBlock => {
      const block = this.timers.register({ describe }, count);
      this.handlers[block.part] = handler;
      return block;
    };
    this.componentTimers = register(components.length, (c) => `${component(c)} (its failures and repairs)`, (c) =>
      this.toggleComponent(c) ? m.componentCauses[c]! : null,
    );
    this.overlayTimers = register(overlays.length, (o) => `outage process "${m.overlays[o]!.sourceId}"`, (o) => (this.toggleOverlay(o) ? m.overlays[o]!.cause : null));
    this.pairTimers = register(pairs.length, (p) => `health checks of "${m.pairs[p]!.sourceId}"`, (p) => (this.detect(p) ? m.componentCauses[m.pairs[p]!.member]! : null));
    this.dnsTimers = register(
      m.dnsChecks.length + m.dns.length,
      (local) => (local < m.dnsChecks.length ? `DNS health checks of "${m.nodes[m.dnsChecks[local]!.targetNode]!.id}"` : `DNS record "${m.dns[local - m.dnsChecks.length]!.id}"`),
      (local, t) => {
        const changed = this.dnsRuntime.onSlot(local, t);
        this.cacheValid = false;
        this.trafficTouched = true; // shares move for every origin
        return changed ? this.dnsSlotCauses[local]! : null;
      },
    );
    this.dataTimers = register(
      m.data.datasets.length,
      (d) => `dataset of "${m.data.datasets[d]!.ids[0]}" (promotions and restores)`,
      (d, t) => {
        // Blamed on the primary before the step (a promotion changes it).
        const primary = this.data.primaryComponent(d);
        const changed = this.data.onTimer(d, t);
        this.cacheValid = false;
        this.trafficTouched = true;
        if (!changed) return null;
        return primary >= 0 ? m.componentCauses[primary]! : m.initialCause;
      },
    );
    // The scaling controller's mechanisms register their own blocks. A surge's shortfall is blamed
    // on the first clients node's load, as at t = 0.
    this.controller.registerTimers((count, describe, onTimer) => register(count, describe, (local, t) => (onTimer(local, t) ? m.initialCause : null)), component);
    this.passiveTimers = register(m.passives.length, (i) => `"${m.passives[i]!.sourceId}" (its failures and repairs)`, (i) =>
      this.togglePassive(i) ? { kind: 'node', id: m.passives[i]!.sourceId } : null,
    );
    this.pairWatch = new HealthWatch(pairs.length, this.pairTimers);
    this.belief = this.pairWatch.belief;
    this.timers.start();
  }

  onBudgetExceeded(): never {
    const total = this.timers.delivered;
    const { source, percent } = this.timers.busiest();
    throw new EventBudgetExceeded(
      `replication ${this.replicationIndex} stopped at ${total.toLocaleString('en-US')} events (the budget of one replication) after ${(this.timers.now() / HOUR).toPrecision(3)} simulated hours; ` +
        `${percent} % of them came from ${source}: its times are far too short for the horizon — lengthen them or shorten the horizon`,
      this.replicationIndex,
      source,
    );
  }

  run(): void {
    const { components, overlays } = this.model;
    // Slots the autoscaler has not launched are down for that reason, unseen by their balancers.
    for (const c of this.controller.initialize()) {
      this.downCount[c] = 1;
      for (let i = this.model.observerStart[c]!; i < this.model.observerStart[c + 1]!; i++) {
        const p = this.model.observerList[i]!;
        this.pairWatch.forget(p);
        this.believedCount[this.model.pairs[p]!.balancer]!--;
      }
    }
    for (let c = 0; c < components.length; c++) {
      if (this.controller.active[c] === 1) this.componentTimers.schedule(c, sample(components[c]!.timeToFailure, this.failureStreams.get(c)));
    }
    for (let o = 0; o < overlays.length; o++) {
      this.overlayTimers.schedule(o, sample(overlays[o]!.gap, this.gapStreams.get(o)));
    }
    for (let i = 0; i < this.model.passives.length; i++) {
      this.passiveTimers.schedule(i, sample(this.model.passives[i]!.timeToFailure, this.passiveFailureStreams.get(i)));
    }
    this.evaluator.recount(this);
    // The design may fail some requests from the start (capacity below the offered load).
    this.refresh(0, this.model.initialCause, true);
    this.timers.run();
    this.advanceOrigins(this.model.horizonSeconds, false);
    this.account.finish(this.model.horizonSeconds);
  }

  get dnsShares(): Float64Array[] {
    return this.dnsRuntime.shares;
  }

  pathServes(node: number): boolean {
    return this.evaluator.pathServes(node);
  }

  // DnsHost, DataHost and ScalingHost reach their own timer blocks.
  scheduleSlot(slot: number, delaySeconds: number): void {
    this.dnsTimers.restart(slot, delaySeconds);
  }

  cancelSlot(slot: number): void {
    this.dnsTimers.cancel(slot);
  }

  /** Per-origin requests served from now on (a pass of the evaluator must have just run). */
  private startOriginSegment(): void {
    if (this.originServed.length > 1) this.evaluator.servedByOrigin(this.originServed);
  }

  /** Integrates per-origin losses to t; with `moving`, the evaluator has just run for time t. */
  private advanceOrigins(t: number, moving: boolean): void {
    const n = this.originServed.length;
    if (n < 2) return;
    const dt = t - this.originTime;
    if (dt <= 0) return;
    if (moving) this.evaluator.servedByOrigin(this.originEnd);
    // Loops, not set(): a handful of origins, at many events.
    else for (let o = 0; o < n; o++) this.originEnd[o] = this.originServed[o]!;
    for (let o = 0; o < n; o++) {
      this.originLost[o] = this.originLost[o]! + (this.originOffered[o]! - (this.originServed[o]! + this.originEnd[o]!) / 2) * dt;
      this.originServed[o] = this.originEnd[o]!;
    }
    this.originTime = t;
  }

  get events(): number {
    return this.timers.delivered;
  }

  /** The loop: bring the account up to now, let the part answer its timer, refresh traffic if it changed something. */
  onPartTimer(part: number, local: number): void {
    const t = this.timers.now();
    // While clients move between DNS answers, a serverless function warms up, or diurnal load ticks
    // run against a capacity, the served rate slides linearly until this event.
    const moving = (this.hasDns && this.dnsRuntime.inTransition) || (this.useController && this.controller.dynamic);
    // While clients move or capacities ramp, every refresh evaluates afresh.
    this.trafficTouched = moving;
    if (moving) {
      // Up to the left limit: a step at t (TTL violators moving) applies after the integral.
      if (this.hasDns) this.dnsRuntime.fillShares(t, true);
      if (this.useController) this.controller.advanceTo(t);
      this.cacheValid = false;
      this.evaluate(t);
      this.account.advanceLost(t, this.lostA, this.lostB);
    } else this.account.advance(t);
    // Each origin's served rate is constant between refreshes that change it, so its losses are
    // integrated when it changes (refresh) and at the end; while it slides, at every event.
    if (moving) this.advanceOrigins(t, true);
    const cause = this.handlers[part]!(local, t);
    if (cause) this.refresh(t, cause, false);
  }

  /** Re-evaluates served traffic after a change at t, then lets the scaling controller decide. */
  private refresh(t: number, cause: Cause, initial: boolean): void {
    if (this.hasDns && !initial) this.dnsRuntime.fillShares(t);
    // Untouched, the last pass still holds (its lost rate is A + B·sin ωt, exact while no load
    // crosses a capacity, and the controller looks again at each crossing); loads are read along
    // their slopes (exact only when the pass carried them: no instance saturated).
    let reused = !initial && !this.trafficTouched && this.skipPassesAllowed && (!this.probing || this.slopesFromPass);
    if (reused) this.extrapolating = this.probing;
    else this.evaluate(t);
    this.account.setLost(this.lostA, this.lostB, t, cause, this.model.swinging ? this.sineAt(t) : NaN);
    // While a required component is down the loads are not re-evaluated: the controller holds.
    if (this.useController && !(this.shortcut && this.criticalDown > 0) && this.controller.afterEvaluation(t, !reused)) {
      this.evaluate(t);
      this.account.setLost(this.lostA, this.lostB, t, cause, this.model.swinging ? this.sineAt(t) : NaN);
      reused = false;
    }
    // A reused pass leaves each origin's served rate as it was.
    if (!reused) {
      this.advanceOrigins(t, false);
      this.startOriginSegment();
    }
    if (this.hasDns && !initial && (this.dnsChecksStale || this.deepDnsChecks)) {
      this.dnsChecksStale = false;
      this.dnsRuntime.refreshChecks();
    }
    // Deep balancer checks see the downstream path, known only after this pass.
    for (let k = 0; k < this.deepPairs.length; k++) this.refreshPair(this.deepPairs[k]!);
  }

  /** Sets lostA and lostB, the lost rate of the state at t as A + B·sin ωt, for the account. */
  private evaluate(t: number): void {
    if (this.shortcut && this.criticalDown > 0) {
      this.lostA = this.model.offeredRps;
      this.lostB = this.model.offeredRps * this.model.diurnalSwing;
      return;
    }
    if (this.cacheValid) {
      this.lostA = this.cachedA;
      this.lostB = this.cachedB;
      return;
    }
    const u = this.sineAt(t);
    this.extrapolating = false;
    this.passU = u;
    if (!this.probing) {
      this.evaluator.servedRps(this, u);
      this.lostA = this.cachedA = this.evaluator.lostA;
      this.lostB = this.cachedB = this.evaluator.lostB;
      this.cacheValid = this.cacheable;
      return;
    }
    const side = this.useController ? this.controller.probeSide(t) : 0;
    if (side !== 0 && Math.abs(u + 2 * side * PROBE_U) <= 1) {
      this.evaluateOneSided(u, side * PROBE_U);
      return;
    }
    this.evaluator.servedRps(this, u);
    if (!this.evaluator.saturated) {
      // No instance saturated: every success stays as it is near u, so A and B are exact, and the
      // pass carried each load's slope.
      this.lostA = this.evaluator.lostA;
      this.lostB = this.evaluator.lostB;
      this.slopesFromPass = true;
      return;
    }
    // Probe a little further the way u is moving (the piece the next segment lies in), then
    // evaluate at u itself last, so every per-node result describes time t.
    const moving = Math.cos(DIURNAL_OMEGA * t) >= 0 ? PROBE_U : -PROBE_U;
    const probe = Math.abs(u + moving) <= 1 ? u + moving : u - moving;
    const du = u - probe;
    const [lostAtProbe, lost] = this.probeSlopes(probe, u, du);
    this.lostB = (lost - lostAtProbe) / du;
    this.lostA = lost - this.lostB * u;
  }

  /** u = sin ωt (0 without a swing), computed once per instant. */
  sineAt(t: number): number {
    if (t !== this.lastT) {
      this.lastT = t;
      this.lastU = this.model.swinging ? Math.sin(DIURNAL_OMEGA * t) : 0;
    }
    return this.lastU;
  }

  /**
   * Evaluates traffic at u = a, then at u = b, and sets every load's slope in u from the two (over
   * `span`, b − a as the caller computed it); returns the lost rate at a and at b. The evaluator is
   * left at b.
   */
  private probeSlopes(a: number, b: number, span: number): [number, number] {
    this.evaluator.servedRps(this, a);
    const lostAtA = this.evaluator.lostA + this.evaluator.lostB * a;
    const loads = this.probeLoad;
    for (let c = 0; c < loads.length; c++) loads[c] = this.evaluator.componentLoad(c, this);
    this.probeFleetLoad.set(this.evaluator.fleetLoad);
    this.evaluator.servedRps(this, b);
    const lostAtB = this.evaluator.lostA + this.evaluator.lostB * b;
    for (let c = 0; c < loads.length; c++) this.loadSlope[c] = (this.evaluator.componentLoad(c, this) - loads[c]!) / span;
    for (let n = 0; n < this.fleetLoadSlope.length; n++) this.fleetLoadSlope[n] = (this.evaluator.fleetLoad[n]! - this.probeFleetLoad[n]!) / span;
    this.slopesFromPass = false;
    return [lostAtA, lostAtB];
  }

  /**
   * At a serverless capacity crossing the lost rate has a kink in u at u itself, and the segment on
   * one side of this instant lies on one side of it: A and B are that side's line through the lost
   * rate at u, its slope taken from two probes on that side (`step` points there).
   */
  private evaluateOneSided(u: number, step: number): void {
    const [lost1, lost2] = this.probeSlopes(u + step, u + 2 * step, step);
    this.evaluator.servedRps(this, u);
    this.lostB = (lost2 - lost1) / step;
    this.lostA = this.evaluator.lostA + this.evaluator.lostB * u - this.lostB * u;
  }

  // ScalingHost
  invalidate(): void {
    this.cacheValid = false;
    this.trafficTouched = true;
  }

  // DataHost
  servingChanged(node: number): void {
    this.touch(node);
  }

  /** A change at `node`: it matters to traffic if the last pass found traffic reaching the node. */
  private touch(node: number): void {
    if (!this.trafficTouched && this.evaluator.reaches(node)) this.trafficTouched = true;
  }

  /** How far loads move from the evaluator's pass to now, per unit of their u-slope (0 unless extrapolating). */
  private get uMoved(): number {
    return this.extrapolating ? this.lastU - this.passU : 0;
  }

  fleetLoad(node: number): number {
    if (!this.extrapolating) return this.evaluator.fleetLoad[node]!;
    return this.evaluator.fleetLoad[node]! + this.fleetLoadSlopeOf(node) * this.uMoved;
  }

  upInstances(node: number): number {
    return this.evaluator.upInstances(node, this);
  }

  upInstanceLoads(node: number, loads: Float64Array, slopes: Float64Array): number {
    if (this.slopesFromPass) {
      const groups = this.evaluator.upInstanceLoads(node, loads, slopes);
      if (groups >= 0) {
        if (this.extrapolating) for (let g = 0; g < groups; g++) loads[g] = loads[g]! + slopes[g]! * this.uMoved;
        return groups;
      }
    }
    // Instance by instance: slots past slotEnd are idle (down, with no load).
    let count = 0;
    const first = this.model.nodes[node]!.component;
    for (let c = first; c < first + this.slotEnd[node]!; c++) {
      if (this.downCount[c] !== 0) continue;
      const slope = this.slopesFromPass ? this.evaluator.componentLoadSlope(c, this) : this.loadSlope[c]!;
      loads[count] = this.extrapolating ? this.evaluator.componentLoad(c, this) + slope * this.uMoved : this.evaluator.componentLoad(c, this);
      slopes[count++] = slope;
    }
    return count;
  }

  fleetLoadSlopeOf(node: number): number {
    return this.slopesFromPass ? this.evaluator.dFleetLoad[node]! : this.fleetLoadSlope[node]!;
  }

  nextLoadBreakpoint(t: number): number {
    return this.hasDns && this.dnsRuntime.inTransition ? this.dnsRuntime.nextBreakpointAfter(t) : Infinity;
  }

  fleetLoadsBefore(T: number, now: number, nodes: readonly number[], load: Float64Array, slope: Float64Array): void {
    // Traffic as routed just before T (its capacities as now: a node's own offered load does not
    // depend on them), then the evaluation at now again, so every per-node result describes now.
    this.dnsRuntime.fillShares(T, true);
    this.cacheValid = false;
    this.evaluate(T);
    for (let k = 0; k < nodes.length; k++) {
      load[k] = this.evaluator.fleetLoad[nodes[k]!]!;
      slope[k] = this.fleetLoadSlopeOf(nodes[k]!);
    }
    this.dnsRuntime.fillShares(now);
    this.cacheValid = false;
    this.evaluate(now);
  }

  activate(c: number): void {
    this.componentTimers.restart(c, sample(this.model.components[c]!.timeToFailure, this.failureStreams.get(c)));
    this.addDown(c, -1);
  }

  deactivate(c: number): void {
    const { observerStart, observerList } = this.model;
    // The balancer deregisters the instance before it stops (a drain), so no request fails.
    for (let i = observerStart[c]!; i < observerStart[c + 1]!; i++) {
      const p = observerList[i]!;
      this.pairTimers.cancel(p);
      this.pairWatch.truth[p] = 0;
      if (this.belief[p] === 1) this.setBelief(p, 0);
    }
    this.componentTimers.cancel(c); // its own failure process stops with it
    if (this.ownDown[c] === 1) {
      this.ownDown[c] = 0;
      return;
    }
    this.addDown(c, 1);
  }

  /** A component's own failure or repair; the next one is drawn now (components keep ageing). */
  private toggleComponent(c: number): boolean {
    const def = this.model.components[c]!;
    if (this.ownDown[c] === 0) {
      this.ownDown[c] = 1;
      this.data.ownFailed(c, this.timers.now());
      // A liveness probe restarts a failed container: detection + restart replace its repair time.
      const repair = def.liveness
        ? sampleDetectionSeconds(def.liveness.law, this.livenessStreams.get(c), true) + def.liveness.restartSeconds
        : sample(def.timeToRepair, this.repairStreams.get(c));
      this.componentTimers.schedule(c, repair);
      return this.addDown(c, 1);
    }
    this.ownDown[c] = 0;
    if (def.liveness) this.restartedAt[c] = this.timers.now();
    this.componentTimers.schedule(c, sample(def.timeToFailure, this.failureStreams.get(c)));
    return this.addDown(c, -1);
  }

  /** Region, zone and common-cause outages overlay their members' own processes, never resetting them. */
  private toggleOverlay(o: number): boolean {
    const def = this.model.overlays[o]!;
    const starting = this.overlayActive[o] === 0;
    this.overlayActive[o] = starting ? 1 : 0;
    // A scripted disruption (repeats false) ends for good.
    if (starting || def.repeats) {
      const next = starting ? sample(def.duration, this.durationStreams.get(o)) : sample(def.gap, this.gapStreams.get(o));
      this.overlayTimers.schedule(o, next);
    }
    let changed = false;
    const members = def.members;
    for (let i = 0; i < members.length; i++) if (this.addDown(members[i]!, starting ? 1 : -1)) changed = true;
    this.data.overlayChanged(o, starting, this.timers.now());
    const passives = def.passiveMembers;
    for (let i = 0; i < passives.length; i++) if (this.addPassiveDown(passives[i]!, starting ? 1 : -1)) changed = true;
    return changed;
  }

  /** A backup's or monitor's own failure or repair (meaning 16); the next one is drawn now. */
  private togglePassive(i: number): boolean {
    const def = this.model.passives[i]!;
    const failing = this.passiveOwnDown[i] === 0;
    this.passiveOwnDown[i] = failing ? 1 : 0;
    this.passiveTimers.schedule(i, sample(failing ? def.timeToRepair : def.timeToFailure, (failing ? this.passiveRepairStreams : this.passiveFailureStreams).get(i)));
    return this.addPassiveDown(i, failing ? 1 : -1);
  }

  /** Returns true when a datastore's serving state changed because a backup or monitor went down or came back. */
  private addPassiveDown(i: number, delta: number): boolean {
    const before = this.passiveDown[i]!;
    const after = before + delta;
    this.passiveDown[i] = after;
    if ((before === 0) === (after === 0)) return false;
    const up = after === 0;
    const monitor = this.monitorOf[i]!;
    const changed = this.data.passiveChanged(i, up, monitor, this.timers.now());
    if (up && monitor >= 0 && this.hasDns) this.dnsRuntime.monitorBack(monitor);
    if (changed) this.cacheValid = false;
    return changed;
  }

  /** Returns true when the component's effective state (up iff no reason to be down) flipped. */
  private addDown(c: number, delta: number): boolean {
    const before = this.downCount[c]!;
    const after = before + delta;
    this.downCount[c] = after;
    if ((before === 0) === (after === 0)) return false;
    const node = this.model.components[c]!.node;
    this.touch(node);
    if (this.dnsCheckTarget[node] === 1) this.dnsChecksStale = true;
    this.evaluator.componentFlipped(c, after === 0, this);
    if (this.model.critical[c] === 1) this.criticalDown += after === 0 ? -1 : 1;
    else this.cacheValid = false;
    const balancer = this.model.balancerOfComponent[c]!;
    if (balancer >= 0 && after === 0) this.restartBalancer(balancer);
    const record = this.model.dnsOfComponent[c]!;
    if (record >= 0 && after === 0) {
      this.dnsRuntime.restartChecks(record, this.timers.now());
      this.dnsChecksStale = true;
    }
    this.observe(c);
    this.data.componentChanged(c, after === 0, this.timers.now());
    return true;
  }

  /**
   * PLAN-FORMAT meaning 5: after its own outage a checker believes every target unhealthy and must
   * detect each recovery. While no member is believed the balancer fails open.
   */
  private restartBalancer(b: number): void {
    const node = this.model.nodes[b]!;
    for (let p = node.pairStart; p < node.pairEnd; p++) {
      this.pairWatch.forget(p);
    }
    this.believedCount[b] = 0;
    this.touch(b);
    if (this.dnsCheckTarget[b] === 1) this.dnsChecksStale = true;
    this.evaluator.recountBalancer(b, this);
    this.cacheValid = false;
    for (let p = node.pairStart; p < node.pairEnd; p++) this.refreshPair(p);
  }

  /** What a balancer's check sees of a member: a balancer member is healthy while it believes one target. */
  private observedHealthy(c: number): number {
    if (this.downCount[c] !== 0) return 0;
    const balancer = this.model.balancerOfComponent[c]!;
    return balancer >= 0 && this.believedCount[balancer] === 0 && this.model.nodes[balancer]!.pairEnd > this.model.nodes[balancer]!.pairStart ? 0 : 1;
  }

  private observe(c: number): void {
    const { observerStart, observerList } = this.model;
    for (let i = observerStart[c]!; i < observerStart[c + 1]!; i++) this.refreshPair(observerList[i]!);
  }

  /** What pair p's check sees: its member, and with a deep check the member's downstream path too. */
  private pairObserves(p: number): number {
    const pair = this.model.pairs[p]!;
    const healthy = this.observedHealthy(pair.member);
    if (healthy === 0 || !pair.deep) return healthy;
    return (pair.isInstance ? this.evaluator.downstreamServes(pair.memberNode) : this.evaluator.pathServes(pair.memberNode)) ? 1 : 0;
  }

  /** A member's observable state changed (or may have): restart its detection clock if needed. */
  private refreshPair(p: number): void {
    const healthy = this.pairObserves(p);
    if (!this.pairWatch.see(p, healthy) || !this.pairWatch.disagrees(p)) return;
    // A container back from its liveness restart is ready: restartSeconds includes readiness.
    if (healthy === 1 && this.model.pairs[p]!.readiness && this.restartedAt[this.model.pairs[p]!.member] === this.timers.now()) {
      this.setBelief(p, 1);
      return;
    }
    const delay = sampleDetectionSeconds(this.model.pairs[p]!.law, this.detectStreams.get(p), healthy === 0);
    this.pairWatch.detectAfter(p, delay);
  }

  scheduleData(dataset: number, delaySeconds: number): void {
    this.dataTimers.restart(dataset, delaySeconds);
  }

  cancelData(dataset: number): void {
    this.dataTimers.cancel(dataset);
  }

  noteDataLoss(rpoSeconds: number, writes: number): void {
    this.account.noteDataLoss(rpoSeconds, writes);
  }

  private detect(p: number): boolean {
    this.setBelief(p, this.pairWatch.truth[p]!);
    return true;
  }

  private setBelief(p: number, value: number): void {
    const b = this.model.pairs[p]!.balancer;
    const was = this.believedCount[b]!;
    this.touch(b);
    if (this.dnsCheckTarget[b] === 1) this.dnsChecksStale = true;
    this.belief[p] = value;
    this.evaluator.beliefChanged(p, value, this);
    this.believedCount[b] = was + (value === 1 ? 1 : -1);
    this.cacheValid = false;
    // A balancer's own observable health is "believes at least one target".
    if ((was === 0) !== (this.believedCount[b] === 0)) this.observe(this.model.nodes[b]!.component);
  }
}

export function runReplication(model: EngineModel, options: ReplicationOptions): ReplicationSummary {
  const r = new Replication(model, options);
  r.run();
  const a = r.account;
  return {
    replication: options.replication,
    horizonSeconds: model.horizonSeconds,
    offeredRequests: a.offeredRequests,
    lostRequests: a.lostRequests,
    downSeconds: a.downSeconds,
    incidents: a.incidents,
    rtoSeconds: a.rtoSeconds,
    rpoSeconds: r.data.rpoSeconds,
    data: r.data.counters,
    months: a.months,
    monthsMeetingObjective: a.monthsMeetingObjective,
    events: r.events,
    incidentRecords: a.records,
    originOfferedRequests: model.origins.length > 1 ? Array.from(r.originOffered, (rps) => rps * model.horizonSeconds) : [a.offeredRequests],
    originLostRequests: model.origins.length > 1 ? Array.from(r.originLost) : [a.lostRequests],
  };
}
