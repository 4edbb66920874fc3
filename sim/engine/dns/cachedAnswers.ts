/**
 * Clients following DNS answers through their caches, as a fluid (PLAN-FORMAT meaning 8). Cache ages
 * are uniform over the TTL, so the share of compliant clients on each target is the answer averaged
 * over the last `ttlSeconds`; the `ttlViolationFraction` that overstay follow the answer
 * `ttlViolationSeconds` late. Shares are therefore linear in time between breakpoints (a change
 * time plus TTL, or plus the violation delay), which the engine schedules as events so every
 * integral stays exact. Imports nothing.
 */
export class CachedAnswers {
  private readonly times: number[] = [];
  private readonly answers: Float64Array[] = [];
  private readonly window: number;

  constructor(
    private readonly targetCount: number,
    private readonly ttlSeconds: number,
    private readonly violationFraction: number,
    private readonly violationSeconds: number,
    initial: Float64Array,
  ) {
    // The initial answer has always been the answer: clients start settled.
    this.times.push(-Infinity);
    this.answers.push(Float64Array.from(initial));
    this.window = Math.max(ttlSeconds, violationFraction > 0 ? violationSeconds : 0);
  }

  /** The record's current answer (what a fresh query gets). */
  current(): Float64Array {
    return this.answers[this.answers.length - 1]!;
  }

  /** Records that the answer changed at time t; a repeat of the current answer is no change. */
  setAnswer(t: number, answer: Float64Array): boolean {
    const last = this.current();
    let same = true;
    for (let k = 0; k < this.targetCount; k++) if (last[k] !== answer[k]) same = false;
    if (same) return false;
    this.prune(t);
    if (this.times[this.times.length - 1] === t) {
      // Two changes at one instant: only the later one is ever seen by a client.
      this.answers[this.answers.length - 1] = Float64Array.from(answer);
    } else {
      this.times.push(t);
      this.answers.push(Float64Array.from(answer));
    }
    return true;
  }

  /** The answer in force at time x (with `before`, just before x: a change at x is not yet in force). */
  private answerAt(x: number, before = false): Float64Array {
    for (let i = this.times.length - 1; i > 0; i--) if (before ? this.times[i]! < x : this.times[i]! <= x) return this.answers[i]!;
    return this.answers[0]!;
  }

  /**
   * Fills `out` with the share of this origin's clients sending to each target at time t. The
   * violators move as a step (meaning 8), so with `leftLimit` the shares are those just before t,
   * which the account integrates up to t before the step applies.
   */
  sharesAt(t: number, out: Float64Array, leftLimit = false): void {
    // A loop, not fill(): out holds a handful of targets and this runs at every event of a transition.
    for (let k = 0; k < out.length; k++) out[k] = 0;
    const compliant = 1 - this.violationFraction;
    if (this.ttlSeconds <= 0) {
      const a = this.answerAt(t, leftLimit);
      for (let k = 0; k < this.targetCount; k++) out[k] = compliant * a[k]!;
    } else {
      const from = t - this.ttlSeconds;
      for (let i = 0; i < this.times.length; i++) {
        const start = Math.max(this.times[i]!, from);
        const end = Math.min(i + 1 < this.times.length ? this.times[i + 1]! : Infinity, t);
        if (end <= start) continue;
        const weight = (compliant * (end - start)) / this.ttlSeconds;
        const a = this.answers[i]!;
        for (let k = 0; k < this.targetCount; k++) out[k] = out[k]! + weight * a[k]!;
      }
    }
    if (this.violationFraction > 0) {
      const late = this.answerAt(t - this.violationSeconds, leftLimit);
      for (let k = 0; k < this.targetCount; k++) out[k] = out[k]! + this.violationFraction * late[k]!;
    }
  }

  /** The first time after t at which the shares stop changing linearly (Infinity when settled). */
  nextBreakpointAfter(t: number): number {
    let next = Infinity;
    for (let i = 1; i < this.times.length; i++) {
      const tau = this.times[i]!;
      if (this.ttlSeconds > 0 && tau + this.ttlSeconds > t) next = Math.min(next, tau + this.ttlSeconds);
      if (this.violationFraction > 0 && tau + this.violationSeconds > t) next = Math.min(next, tau + this.violationSeconds);
    }
    return next;
  }

  /** Forgets changes no client can still be following at time t (keeps the one in force then). */
  private prune(t: number): void {
    const horizon = t - this.window;
    let drop = 0;
    while (drop + 1 < this.times.length && this.times[drop + 1]! <= horizon) drop++;
    if (drop > 0) {
      this.times.splice(0, drop);
      this.answers.splice(0, drop);
      this.times[0] = -Infinity;
    }
  }
}
