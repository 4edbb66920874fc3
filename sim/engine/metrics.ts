/**
 * Per-replication accounting of the fluid traffic (PLAN-FORMAT meanings 13, 14, 19, 20): lost
 * requests, time with a noticeable failing share, incidents and their lengths (RTO samples), and
 * 730-hour months for SLO attainment. Every clients node's load follows 1 + swing·sin(ωt) with the
 * same phase, so the offered rate is R + S·sin(ωt) and, between events, the lost rate is
 * A(t) + B(t)·sin(ωt) with A and B constant or linear in t. Every integral is exact, and every
 * 0.1 % crossing is found exactly (to floating-point precision) inside each quarter day, where the
 * failing condition is monotone.
 * Imports only sim/engine/model.
 */
import type { Cause } from './model';
import { HOUR, MONTH_SECONDS } from './timeUnits';
import { DIURNAL_OMEGA, linearTimesSineIntegral } from './diurnal';

/** A failing share above this (0.1 %) makes the time "down" and opens an incident. */
export const FAILING_SHARE_THRESHOLD = 0.001;
// Equal shares over n members produce shares like 1/1000 that float arithmetic lands a hair above
// or below the threshold; this slack keeps "exactly 0.1 %" on the not-failing side.
const THRESHOLD_SLACK = 1e-12;

export interface IncidentRecord {
  startHours: number;
  /** null while still open at the horizon. */
  endHours: number | null;
  lostRequests: number;
  firstCause: Cause;
  /** Writes lost by promotions and restores during the incident (sim/engine/data). */
  lostWrites: number;
  /** The largest RPO sample taken during the incident; null when none was. */
  rpoSeconds: number | null;
}


/** How many incident records one replication keeps (the app's timeline); counts stay exact. */
export const INCIDENT_RECORDS_KEPT = 200;

export class TrafficAccount {
  lostRequests = 0;
  downSeconds = 0;
  incidents = 0;
  readonly rtoSeconds: number[] = [];
  readonly records: IncidentRecord[] = [];
  months = 0;
  monthsMeetingObjective = 0;
  offeredRequests = 0;

  /**
   * Lost rate at `lastTime` as A + B·sin(ωt): A requests per second at nominal load and B their
   * swing-weighted part (Σ rps·swing over the failing requests). Each may move linearly until the next event.
   */
  private lostA = 0;
  private lostB = 0;
  private lastTime = 0;
  private cosTime = NaN;
  private cosValue = NaN;
  /** Σ over clients of rps × swing: the offered rate is offeredRps + swingRps·sin(ωt). */
  private readonly swingRps: number;
  /** The failing share's threshold with its slack. */
  private readonly limit = FAILING_SHARE_THRESHOLD + THRESHOLD_SLACK;
  private failing = false;
  /** The cause of the latest change, blamed when a linear slide crosses the threshold. */
  private lastCause: Cause | undefined;
  private incidentStart = 0;
  private incidentLostAtStart = 0;
  private openRecord: IncidentRecord | undefined;
  private monthEnd = MONTH_SECONDS;
  private monthLost = 0;
  private monthStart = 0;

  constructor(
    /** Nominal offered rate; the load at time t is offeredRps · (1 + swing · sin(2πt / 24 h)). */
    private readonly offeredRps: number,
    /** Availability objective judged per month on requests; NaN when the plan has none. */
    private readonly monthlyObjective: number,
    /** The offered-rate-weighted mean of the clients' swings (meaning 19: their loads add up). */
    private readonly diurnalSwing = 0,
  ) {
    this.swingRps = offeredRps * diurnalSwing;
  }

  /**
   * Integrates up to `t` with one swing for every request: the served rate (at nominal load) moves
   * linearly from its value at the last event to `servedRpsAtT` (default: unchanged).
   */
  advance(t: number, servedRpsAtT?: number): void {
    if (servedRpsAtT === undefined) {
      this.advanceConstant(t);
      return;
    }
    const a = this.offeredRps <= 0 ? this.lostA : this.offeredRps - servedRpsAtT;
    this.advanceLost(t, a, a * this.diurnalSwing);
  }

  /**
   * Integrates up to `t`, the lost rate's A and B moving linearly from their values at the last
   * event to `aAtT` and `bAtT`. A 0.1 % crossing inside the segment opens or closes an incident at
   * the exact instant.
   */
  advanceLost(t: number, aAtT: number, bAtT: number): void {
    if (t <= this.lastTime) return;
    const t0 = this.lastTime;
    const a0 = this.lostA;
    const b0 = this.lostB;
    const slopeA = (aAtT - a0) / (t - t0);
    const slopeB = (bAtT - b0) / (t - t0);
    // Split at month ends and at threshold crossings so each piece has one failing state.
    while (this.lastTime < t) {
      let end = Math.min(t, this.monthEnd);
      const crossing = this.findCrossing(this.lastTime, end, t0, a0, b0, slopeA, slopeB);
      if (crossing < end) end = crossing;
      const aEnd = end >= t ? aAtT : a0 + slopeA * (end - t0);
      const bEnd = end >= t ? bAtT : b0 + slopeB * (end - t0);
      this.accrue(this.lastTime, end, this.lostA, this.lostB, aEnd, bEnd);
      this.lastTime = end;
      this.lostA = aEnd;
      this.lostB = bEnd;
      if (end === crossing) this.switchFailing(!this.failing, end, this.lastCause);
      if (end === this.monthEnd) this.closeMonth(this.monthEnd);
    }
    this.lostA = aAtT;
    this.lostB = bAtT;
  }

  /**
   * The first instant in (from, to] at which the failing state differs from the current one, or
   * Infinity. g(x) = A(x) − ε·R + (B(x) − ε·S)·sin ωx is positive exactly when more than 0.1 % fail;
   * when |B − εS| never reaches |A − εR| its sign cannot change. Otherwise each quarter day (where
   * sin ωx is monotone) is checked at its end and the flip is bisected to floating-point precision.
   */
  private findCrossing(from: number, to: number, t0: number, a0: number, b0: number, slopeA: number, slopeB: number): number {
    if (!(this.offeredRps > 0)) return Infinity;
    const eR = this.limit * this.offeredRps;
    const eS = this.limit * this.swingRps;
    const gaFrom = a0 + slopeA * (from - t0) - eR;
    const gaTo = a0 + slopeA * (to - t0) - eR;
    const gbMax = Math.max(Math.abs(b0 + slopeB * (from - t0) - eS), Math.abs(b0 + slopeB * (to - t0) - eS));
    if (gaFrom > 0 === gaTo > 0 && Math.min(Math.abs(gaFrom), Math.abs(gaTo)) >= gbMax && gaFrom !== 0) {
      return gaFrom > 0 === this.failing ? Infinity : from;
    }
    const g = (x: number): boolean => a0 + slopeA * (x - t0) - eR + (b0 + slopeB * (x - t0) - eS) * Math.sin(DIURNAL_OMEGA * x) > 0;
    const quarter = Math.PI / 2 / DIURNAL_OMEGA;
    // Extremes of sin ωx are at (k + ½)·π/ω: pieces between consecutive ones.
    let pieceStart = from;
    let k = Math.floor(from / quarter);
    while (pieceStart < to) {
      k++;
      // Odd multiples of a quarter period are the extremes; even ones (zeros of sin) split too, harmlessly.
      const pieceEnd = Math.min(to, k * quarter);
      if (pieceEnd <= pieceStart) continue;
      if (g(pieceEnd) !== this.failing) {
        let lo = pieceStart;
        let hi = pieceEnd;
        for (let i = 0; i < 200 && hi - lo > 0; i++) {
          const mid = lo + (hi - lo) / 2;
          if (mid <= lo || mid >= hi) break;
          if (g(mid) !== this.failing) hi = mid;
          else lo = mid;
        }
        return hi;
      }
      pieceStart = pieceEnd;
    }
    return Infinity;
  }

  /**
   * The hot path (every event of a plan whose lost rate is constant between events): with one swing
   * for every request the failing share is constant, so only month ends split the piece.
   */
  private advanceConstant(t: number): void {
    if (this.swingRps !== 0 && this.lostB !== this.diurnalSwing * this.lostA) {
      this.advanceLost(t, this.lostA, this.lostB);
      return;
    }
    while (this.lastTime < t) {
      const end = t < this.monthEnd ? t : this.monthEnd;
      this.accrue(this.lastTime, end, this.lostA, this.lostB, this.lostA, this.lostB);
      this.lastTime = end;
      if (end === this.monthEnd) this.closeMonth(end);
    }
  }

  /** Sets the served rate (at nominal load, one swing for every request) from now on; `cause` is blamed if this change opens an incident. */
  setServed(servedRps: number, t: number, cause: Cause): void {
    const a = this.offeredRps > 0 ? this.offeredRps - servedRps : 0;
    this.setLost(a, a * this.diurnalSwing, t, cause);
  }

  /** Sets the lost rate A + B·sin(ωt) from now on; `cause` is blamed if this change opens an incident. `sine` is sin ωt if the caller has it. */
  setLost(a: number, b: number, t: number, cause: Cause, sine = NaN): void {
    this.lostA = a;
    this.lostB = b;
    this.lastCause = cause;
    const failingNow = this.isFailingAt(a, b, t, sine);
    if (failingNow !== this.failing) this.switchFailing(failingNow, t, cause);
  }

  /** A data loss (an RPO sample) belongs to the incident open now, if one is (and its record is kept). */
  noteDataLoss(rpoSeconds: number, writes: number): void {
    const r = this.openRecord;
    if (!this.failing || !r) return;
    r.lostWrites += writes;
    r.rpoSeconds = r.rpoSeconds === null ? rpoSeconds : Math.max(r.rpoSeconds, rpoSeconds);
  }

  /** Closes the books at the horizon: an open incident counts toward availability, not as an RTO sample. */
  finish(horizonSeconds: number): void {
    this.advance(horizonSeconds);
    if (this.openRecord) this.openRecord.lostRequests = this.lostRequests - this.incidentLostAtStart;
    // A last partial month still counts as a month if it has any length.
    if (horizonSeconds > this.monthStart) this.closeMonth(horizonSeconds);
  }

  /** More than 0.1 % of the requests offered at t fail: A + B·u > ε·(R + S·u), u = sin ωt. */
  private isFailingAt(a: number, b: number, t: number, sine = NaN): boolean {
    if (!(this.offeredRps > 0)) return false;
    const u = this.swingRps === 0 && b === 0 ? 0 : Number.isNaN(sine) ? Math.sin(DIURNAL_OMEGA * t) : sine;
    return a - this.limit * this.offeredRps + (b - this.limit * this.swingRps) * u > 0;
  }

  private switchFailing(failingNow: boolean, t: number, cause: Cause | undefined): void {
    this.failing = failingNow;
    if (failingNow) {
      this.incidents++;
      this.incidentStart = t;
      this.incidentLostAtStart = this.lostRequests;
      if (this.records.length < INCIDENT_RECORDS_KEPT) {
        this.openRecord = {
          startHours: t / HOUR,
          endHours: null,
          lostRequests: 0,
          firstCause: cause ?? { kind: 'node', id: 'unknown' },
          lostWrites: 0,
          rpoSeconds: null,
        };
        this.records.push(this.openRecord);
      }
    } else {
      this.rtoSeconds.push(t - this.incidentStart);
      if (this.openRecord) {
        this.openRecord.endHours = t / HOUR;
        this.openRecord.lostRequests = this.lostRequests - this.incidentLostAtStart;
        this.openRecord = undefined;
      }
    }
  }

  /** Adds the piece [t0, t1] in which A and B move linearly from (a0, b0) to (a1, b1). */
  private accrue(t0: number, t1: number, a0: number, b0: number, a1: number, b1: number): void {
    const dt = t1 - t0;
    if (dt <= 0) return;
    // The offered requests depend on time alone: closeMonth integrates them a month at once.
    // ∫ sin ωt over the piece (pieces follow one another, so cos ω·t0 is the last piece's cos ω·t1).
    const lost =
      ((a0 + a1) / 2) * dt +
      (b0 === 0 && b1 === 0 ? 0 : b0 === b1 ? b0 * ((this.cosAt(t0) - this.cosAt(t1)) / DIURNAL_OMEGA) : this.swingLost(t0, t1, b0, b1));
    this.lostRequests += lost;
    this.monthLost += lost;
    if (this.failing) this.downSeconds += dt;
  }

  /** cos ωt, remembered for the latest instant asked (each piece's end is the next one's start). */
  private cosAt(t: number): number {
    if (t !== this.cosTime) {
      this.cosTime = t;
      this.cosValue = Math.cos(DIURNAL_OMEGA * t);
    }
    return this.cosValue;
  }

  /** ∫ B(t) · sin ωt dt over [t0, t1] with B linear from b0 to b1 (b0 ≠ b1), exactly. */
  private swingLost(t0: number, t1: number, b0: number, b1: number): number {
    // B = p + q·t.
    const q = (b1 - b0) / (t1 - t0);
    const p = b0 - q * t0;
    return linearTimesSineIntegral(p, q, t0, t1);
  }

  private closeMonth(end: number): void {
    // ∫ over the month of offeredRps + swingRps·sin ωt.
    const offered =
      this.offeredRps * (end - this.monthStart) +
      (this.swingRps === 0 ? 0 : (this.swingRps * (Math.cos(DIURNAL_OMEGA * this.monthStart) - Math.cos(DIURNAL_OMEGA * end))) / DIURNAL_OMEGA);
    this.offeredRequests += offered;
    this.months++;
    if (offered > 0 && 1 - this.monthLost / offered >= this.monthlyObjective) this.monthsMeetingObjective++;
    this.monthLost = 0;
    this.monthStart = end;
    this.monthEnd = end + MONTH_SECONDS;
  }
}
