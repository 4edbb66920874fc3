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
/** Whether the installed simjs takes a timer's callback written straight into its list (see probeCallbackList). */
let writeCallbackList = false;

/** A request's callback list, as simjs keeps it: one [callback, context, argument] per `done`. */
interface RequestCallbacks {
  callbacks: [callback: (this: never, argument?: unknown) => void, context: object, argument: unknown][];
}

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
  writeCallbackList = probeCallbackList(namespace, calendarEntityClass);
}

/**
 * Whether a new request's callback can be set by writing its callback list directly, with the same
 * delivery as `done`. In simjs 2.0.3 `done` only checks its arguments (an `arguments` object and an
 * `instanceof` per argument) and pushes [callback, context, argument] onto a list that starts empty;
 * for one timer per event that check and the list's first growth are about 6 % of a replication's
 * time, and two thirds of what it allocates. Probed once against `done` itself on a scratch Sim: a
 * simjs that keeps its callbacks any other way gets `done`, the public path.
 */
export function probeCallbackList(namespace: SimjsNamespace, entityClass: new (sim: SimjsSim, name?: string) => SimjsEntity): boolean {
  try {
    const sim = new namespace.Sim();
    const entity = sim.addEntity(entityClass);
    const calls: [string, unknown, unknown][] = [];
    function record(this: { label: string }, argument?: unknown): void {
      calls.push([this.label, this, argument]);
    }
    const viaDone = { label: 'done' };
    const written = { label: 'written' };
    const publicRequest = entity.setTimer(1).done(record as (this: never, argument?: unknown) => void, viaDone, 7) as unknown as Partial<RequestCallbacks>;
    const writtenRequest = entity.setTimer(2) as unknown as Partial<RequestCallbacks>;
    const sameShape =
      Array.isArray(publicRequest.callbacks) &&
      publicRequest.callbacks.length === 1 &&
      publicRequest.callbacks[0]!.length === 3 &&
      publicRequest.callbacks[0]![0] === record &&
      publicRequest.callbacks[0]![1] === viaDone &&
      publicRequest.callbacks[0]![2] === 7 &&
      Array.isArray(writtenRequest.callbacks) &&
      writtenRequest.callbacks.length === 0;
    if (!sameShape) return false;
    writtenRequest.callbacks = [[record as (this: never, argument?: unknown) => void, written, 8]];
    sim.simulate(3);
    return calls.length === 2 && calls[0]![1] === viaDone && calls[0]![2] === 7 && calls[1]![1] === written && calls[1]![2] === 8;
  } catch {
    return false;
  }
}

/** How the installed simjs is handed a timer's callback: written into its list, or through `done`. */
export function timerCallbackPath(): 'list' | 'done' {
  return writeCallbackList ? 'list' : 'done';
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
    const request = this.entity.setTimer(delaySeconds);
    if (writeCallbackList) (request as unknown as RequestCallbacks).callbacks = [[deliver as (this: never, argument?: unknown) => void, this, code + 1]];
    else request.done(deliver as (this: never, argument?: unknown) => void, this, code + 1);
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
