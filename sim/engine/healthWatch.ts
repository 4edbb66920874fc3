/**
 * The health watch, written once for every checker (balancer pairs, DNS checks, container probes):
 * per watched target the true observable state, the believed state, and a detection timer that starts
 * when they part and is cancelled at every change (consecutive-probe counting restarts, so a flap
 * shorter than the detection delay is never noticed). How long detection takes is the caller's (laws,
 * manual notice). Environment-free; imports only sim/engine/timers types.
 */
import type { TimerBlock } from './timers';

export class HealthWatch {
  /** Per target: 1 while it looks healthy to its checker now. */
  readonly truth: Uint8Array;
  /** Per target: 1 while its checker believes it healthy. */
  readonly belief: Uint8Array;

  constructor(
    count: number,
    private readonly timers: Pick<TimerBlock, 'schedule' | 'cancel'>,
  ) {
    this.truth = new Uint8Array(count).fill(1);
    this.belief = new Uint8Array(count).fill(1);
  }

  /** Target w now looks `observed`; returns true when that is a change (its detection clock restarts). */
  see(w: number, observed: number): boolean {
    if (observed === this.truth[w]) return false;
    this.truth[w] = observed;
    this.timers.cancel(w);
    return true;
  }

  /** Whether the checker's belief about w differs from what it sees (a detection is due). */
  disagrees(w: number): boolean {
    return this.truth[w] !== this.belief[w];
  }

  /** Starts w's detection: it completes after `delaySeconds` unless w changes again first. */
  detectAfter(w: number, delaySeconds: number): void {
    this.timers.schedule(w, delaySeconds);
  }

  /** w's detection completed: the belief takes the state seen. Returns the new belief. */
  confirm(w: number): number {
    this.belief[w] = this.truth[w]!;
    return this.belief[w];
  }

  /** The checker restarts (or the target leaves): it sees and believes w unhealthy, nothing pending. */
  forget(w: number): void {
    this.truth[w] = 0;
    this.belief[w] = 0;
    this.timers.cancel(w);
  }
}
