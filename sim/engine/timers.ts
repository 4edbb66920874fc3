/**
 * The replication's timer kernel: each part (component processes, outages, health watch, DNS, data,
 * scaling, backups and monitors) registers once for a block of timers and schedules and cancels them
 * by its own local index; generations (lazy cancellation), the event budget's per-timer counts and
 * dispatch back to the owning part live here only. Environment-free; imports only sim/engine/simjs.
 */
import { EventCalendar, type TimerTarget } from './simjs';

/** A part of the replication that owns timers. */
export interface TimerPart {
  /** What produced the events of local timer `local`, in the plan's words (for the event budget's message). */
  describe(local: number): string;
}

/** A part's block of timers, addressed by local index [0, count). */
export interface TimerBlock {
  /** Schedules timer `local` after `delaySeconds`, leaving any pending one of it live (a process's next step). */
  schedule(local: number, delaySeconds: number): void;
  /** Schedules timer `local` after `delaySeconds`, cancelling what it had pending. */
  restart(local: number, delaySeconds: number): void;
  /** Cancels what timer `local` had pending. */
  cancel(local: number): void;
}

/** Receives each live timer: the part that owns it and its local index. */
export interface TimerDispatch {
  onPartTimer(part: number, local: number): void;
  /** Called instead when the run has delivered more events than its budget. */
  onBudgetExceeded(): never;
}

export class Timers implements TimerTarget {
  private readonly parts: TimerPart[] = [];
  private readonly bases: number[] = [];
  private slots = 0;
  /** Per slot: the part owning it (filled by start). */
  private owner = new Int32Array(0);
  /** Per slot: how many times it was cancelled (int32, so a timer's code stays a small integer). */
  private generation = new Int32Array(0);
  /** Events delivered per slot, so a runaway run can name what drove it. */
  private slotEvents = new Float64Array(0);
  private calendar: EventCalendar | undefined;
  private eventsLeft: number;

  constructor(
    private readonly horizonSeconds: number,
    eventBudget: number,
    private readonly dispatch: TimerDispatch,
  ) {
    this.eventsLeft = eventBudget;
  }

  /** Hands `part` a block of `count` timers; the part's index (for dispatch) is `partIndex(block)`. All registration precedes `start`. */
  register(part: TimerPart, count: number): TimerBlock & { readonly part: number } {
    if (this.calendar) throw new Error('Timers.register after start');
    const index = this.parts.length;
    this.parts.push(part);
    this.bases.push(this.slots);
    const block = new Block(this, this.slots, index);
    this.slots += count;
    return block;
  }

  /** @internal a block's schedule: keeps the slot's generation. */
  scheduleSlot(slot: number, delaySeconds: number): void {
    this.calendar!.schedule(delaySeconds, this.generation[slot]! * this.slots + slot);
  }

  /** @internal a block's cancel: a pending timer of an older generation is dropped when it fires. */
  cancelSlot(slot: number): void {
    this.generation[slot]!++;
  }

  /** Closes registration and makes the calendar (simjs must be installed). */
  start(): void {
    this.owner = new Int32Array(this.slots);
    for (let p = 0; p < this.parts.length; p++) this.owner.fill(p, this.bases[p]!, p + 1 < this.parts.length ? this.bases[p + 1]! : this.slots);
    this.generation = new Int32Array(this.slots);
    this.slotEvents = new Float64Array(this.slots);
    this.calendar = new EventCalendar(this.horizonSeconds, this);
  }

  now(): number {
    return this.calendar!.now();
  }

  get delivered(): number {
    return this.calendar!.delivered;
  }

  run(): void {
    this.calendar!.run();
  }

  onTimer(code: number): void {
    const slot = code % this.slots;
    this.slotEvents[slot]!++;
    if (--this.eventsLeft < 0) this.dispatch.onBudgetExceeded();
    if (code !== this.generation[slot]! * this.slots + slot) return; // cancelled
    const part = this.owner[slot]!;
    this.dispatch.onPartTimer(part, slot - this.bases[part]!);
  }

  /** The timer that delivered the most events: its description and its share of all events, in percent. */
  busiest(): { source: string; percent: number } {
    let busiest = 0;
    for (let s = 1; s < this.slots; s++) if (this.slotEvents[s]! > this.slotEvents[busiest]!) busiest = s;
    const part = this.owner[busiest]!;
    return { source: this.parts[part]!.describe(busiest - this.bases[part]!), percent: Math.round((100 * this.slotEvents[busiest]!) / this.delivered) };
  }
}

/** One part's block: local indices offset by its base (a class, so the hot path stays monomorphic). */
class Block implements TimerBlock {
  constructor(
    private readonly timers: Timers,
    private readonly base: number,
    readonly part: number,
  ) {}

  schedule(local: number, delaySeconds: number): void {
    this.timers.scheduleSlot(this.base + local, delaySeconds);
  }

  restart(local: number, delaySeconds: number): void {
    this.timers.cancelSlot(this.base + local);
    this.timers.scheduleSlot(this.base + local, delaySeconds);
  }

  cancel(local: number): void {
    this.timers.cancelSlot(this.base + local);
  }
}
