/**
 * The typed face of the simjs package (npm `simjs@2.0.3`) and the one event calendar the engine uses.
 * Environment-free: an entry point loads the bundle (Node: vm; browser: build-time wrap) and installs
 * it here. Must not import Node, the DOM or anything outside sim/engine.
 */

/** What simjs's `Request` (returned by `setTimer`) offers us. */
export interface SimjsRequest {
  deliverAt: number;
  done(callback: (this: never, argument?: unknown) => void, context?: object, argument?: unknown): SimjsRequest;
  cancel(): void;
}

export interface SimjsEntity {
  sim: SimjsSim;
  time(): number;
  setTimer(durationSeconds: number): SimjsRequest;
}

export interface SimjsSim {
  time(): number;
  addEntity<E extends SimjsEntity>(klass: new (sim: SimjsSim, name?: string) => E, name?: string): E;
  simulate(endTime: number, maxEvents?: number): boolean;
}

export interface SimjsRandom {
  random(): number;
  exponential(rate: number): number;
}

/** The part of `window.Sim` the project uses. */
export interface SimjsNamespace {
  Sim: new () => SimjsSim;
  Entity: new (sim: SimjsSim, name?: string) => SimjsEntity;
  Random: new (seed?: number) => SimjsRandom;
}

let installed: SimjsNamespace | undefined;
let calendarEntityClass: (new (sim: SimjsSim, name?: string) => SimjsEntity) | undefined;

/** Called once by each entry point (CLI, worker thread, browser worker, test setup). */
export function installSimjs(namespace: SimjsNamespace): void {
  if (typeof namespace?.Sim !== 'function' || typeof namespace.Entity !== 'function') {
    throw new Error('installSimjs: this is not the simjs namespace (expected Sim and Entity constructors)');
  }
  if (installed === namespace) return;
  installed = namespace;
  // simjs requires entity classes to define start(); ours schedules nothing by itself.
  calendarEntityClass = class CalendarEntity extends namespace.Entity {
    start(): void {}
  };
}

export function getSimjs(): SimjsNamespace {
  if (!installed) throw new Error('simjs is not loaded: an entry point must call installSimjs() first');
  return installed;
}

/** Receives every live timer; `code` is the non-negative integer given to `schedule`. */
export interface TimerTarget {
  onTimer(code: number): void;
}

/**
 * One simjs `Sim` per replication (entity ids are static counters shared across sims, so a `Sim` is
 * never reused) and one entity whose timers carry an integer code. It defuses simjs's traps:
 * - horizon: nothing is scheduled past it, so `simulate` never pops-and-drops an event after the
 *   horizon; the caller closes its statistics at the horizon itself (the simjs clock stops at the
 *   last event);
 * - callback arguments: simjs drops a falsy argument and spreads arrays, so the code travels as
 *   code + 1, always a positive number;
 * - the callback runs with this object as `this`, so no closure is allocated per timer.
 */
export class EventCalendar {
  // simjs writes these three on the callback context around every call; declaring them keeps one shape.
  callbackSource: unknown = null;
  callbackMessage: unknown = null;
  callbackData: unknown = null;
  /** Timers delivered so far (each one simjs event). */
  delivered = 0;
  private readonly entity: SimjsEntity;
  private readonly sim: SimjsSim;
  private ran = false;

  constructor(
    private readonly horizonSeconds: number,
    private readonly target: TimerTarget,
  ) {
    const ns = getSimjs();
    this.sim = new ns.Sim();
    this.entity = this.sim.addEntity(calendarEntityClass!);
  }

  now(): number {
    return this.sim.time();
  }

  /** Schedules `code` after `delaySeconds`; timers beyond the horizon (or never) are not stored at all. */
  schedule(delaySeconds: number, code: number): void {
    if (!(this.sim.time() + delaySeconds <= this.horizonSeconds)) return;
    this.entity.setTimer(delaySeconds).done(deliver as (this: never, argument?: unknown) => void, this, code + 1);
  }

  /** Runs every stored timer up to the horizon. Once only: simjs cannot resume a finished run. */
  run(): void {
    if (this.ran) throw new Error('EventCalendar.run: a calendar runs once (one Sim per replication)');
    this.ran = true;
    this.sim.simulate(this.horizonSeconds);
  }

  /** @internal called by `deliver` */
  fire(codePlusOne: number): void {
    this.delivered++;
    this.target.onTimer(codePlusOne - 1);
  }
}

function deliver(this: EventCalendar, codePlusOne: number): void {
  this.fire(codePlusOne);
}
