/**
 * Per-replication accounting of the fluid traffic (PLAN-FORMAT meanings 13 and 14): lost requests,
 * time with a noticeable failing share, incidents and their lengths (RTO samples), and 730-hour
 * months for SLO attainment. Between events the served share is constant or moves linearly, so every
 * integral (and every threshold crossing) is exact.
 * Imports only sim/engine/model.
 */
import { MONTH_SECONDS, type Cause } from './model';

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

const DIURNAL_OMEGA = (2 * Math.PI) / (24 * 3600);

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

  /** Served share of offered requests (σ) at `lastTime`; it may move linearly until the next event. */
  private success = 1;
  private lastTime = 0;
  private failing = false;
  /** The cause of the latest change, blamed when a linear slide crosses the threshold. */
  private lastCause: Cause | undefined;
  private incidentStart = 0;
  private incidentLostAtStart = 0;
  private openRecord: IncidentRecord | undefined;
  private monthEnd = MONTH_SECONDS;
  private monthLost = 0;
  private monthOffered = 0;
  private monthStart = 0;

  constructor(
    /** Nominal offered rate; the load at time t is offeredRps · (1 + swing · sin(2πt / 24 h)). */
    private readonly offeredRps: number,
    /** Availability objective judged per month on requests; NaN when the plan has none. */
    private readonly monthlyObjective: number,
    private readonly diurnalSwing = 0,
  ) {}

  /**
   * Integrates up to `t`. The served rate (at nominal load) moves linearly from its value at the
   * last event to `servedRpsAtT` (default: unchanged), which is exact for the fluid model: between
   * events, shares change at most linearly (clients following DNS answers over a TTL). A crossing
   * of the 0.1 % threshold inside the segment opens or closes an incident at the exact instant.
   */
  advance(t: number, servedRpsAtT?: number): void {
    if (t <= this.lastTime) return;
    if (servedRpsAtT === undefined) {
      this.advanceConstant(t);
      return;
    }
    const target = this.offeredRps <= 0 ? this.success : servedRpsAtT / this.offeredRps;
    const t0 = this.lastTime;
    const s0 = this.success;
    const slope = (target - s0) / (t - t0);
    // Split at month ends and at the threshold crossing so each piece has one failing state.
    // (No closure here: this runs at every event of a ramp or a diurnal tick.)
    while (this.lastTime < t) {
      let end = Math.min(t, this.monthEnd);
      let crossing = Infinity;
      if (slope !== 0 && this.isFailing(end >= t ? target : s0 + slope * (end - t0)) !== this.failing) {
        const x = t0 + (1 - (FAILING_SHARE_THRESHOLD + THRESHOLD_SLACK) - s0) / slope;
        crossing = Math.min(Math.max(x, this.lastTime), end);
        end = crossing;
      }
      const sAtEnd = end >= t ? target : s0 + slope * (end - t0);
      this.accrue(this.lastTime, end, this.success, sAtEnd);
      this.lastTime = end;
      this.success = sAtEnd;
      if (end === crossing) this.switchFailing(!this.failing, end, this.lastCause);
      if (end === this.monthEnd) this.closeMonth(this.monthEnd);
    }
    this.success = target;
  }

  /**
   * The hot path (every event of a plan whose shares are constant between events): no threshold
   * can be crossed, so only month ends split the piece, and nothing is allocated.
   */
  private advanceConstant(t: number): void {
    while (this.lastTime < t) {
      const end = t < this.monthEnd ? t : this.monthEnd;
      this.accrue(this.lastTime, end, this.success, this.success);
      this.lastTime = end;
      if (end === this.monthEnd) this.closeMonth(end);
    }
  }

  /** Sets the served rate from now on; `cause` is blamed if this change opens an incident. */
  setServed(servedRps: number, t: number, cause: Cause): void {
    this.success = this.offeredRps > 0 ? servedRps / this.offeredRps : 1;
    this.lastCause = cause;
    const failingNow = this.isFailing(this.success);
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

  private isFailing(success: number): boolean {
    return this.offeredRps > 0 && 1 - success > FAILING_SHARE_THRESHOLD + THRESHOLD_SLACK;
  }

  private switchFailing(failingNow: boolean, t: number, cause: Cause | undefined): void {
    this.failing = failingNow;
    if (failingNow) {
      this.incidents++;
      this.incidentStart = t;
      this.incidentLostAtStart = this.lostRequests;
      if (this.records.length < INCIDENT_RECORDS_KEPT) {
        this.openRecord = {
          startHours: t / 3600,
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
        this.openRecord.endHours = t / 3600;
        this.openRecord.lostRequests = this.lostRequests - this.incidentLostAtStart;
        this.openRecord = undefined;
      }
    }
  }

  /** Adds the piece [t0, t1] in which the served share moves linearly from s0 to s1. */
  private accrue(t0: number, t1: number, s0: number, s1: number): void {
    const dt = t1 - t0;
    if (dt <= 0) return;
    const offered = this.offeredRps * (this.diurnalSwing === 0 ? dt : this.loadSeconds(t0, t1));
    const lost = this.offeredRps * this.failingLoadSeconds(t0, t1, 1 - s0, 1 - s1);
    this.lostRequests += lost;
    this.monthLost += lost;
    this.offeredRequests += offered;
    this.monthOffered += offered;
    if (this.failing) this.downSeconds += dt;
  }

  /** ∫ (1 + s · sin ωt) dt over [t0, t1], exactly. */
  private loadSeconds(t0: number, t1: number): number {
    return t1 - t0 - (this.diurnalSwing * (Math.cos(DIURNAL_OMEGA * t1) - Math.cos(DIURNAL_OMEGA * t0))) / DIURNAL_OMEGA;
  }

  /** ∫ (1 + s · sin ωt) · f(t) dt over [t0, t1] with f linear from f0 to f1, exactly. */
  private failingLoadSeconds(t0: number, t1: number, f0: number, f1: number): number {
    const dt = t1 - t0;
    const flat = ((f0 + f1) / 2) * dt;
    if (this.diurnalSwing === 0 || (f0 === 0 && f1 === 0)) return flat;
    // ∫ (a + b·t) sin ωt dt = −(a + b·t) cos ωt / ω + b sin ωt / ω², with f = a + b·t.
    const w = DIURNAL_OMEGA;
    const b = (f1 - f0) / dt;
    const a = f0 - b * t0;
    return flat + this.diurnalSwing * (diurnalAntiderivative(a, b, w, t1) - diurnalAntiderivative(a, b, w, t0));
  }

  private closeMonth(end: number): void {
    const offered = this.monthOffered;
    this.monthOffered = 0;
    this.months++;
    if (offered > 0 && 1 - this.monthLost / offered >= this.monthlyObjective) this.monthsMeetingObjective++;
    this.monthLost = 0;
    this.monthStart = end;
    this.monthEnd = end + MONTH_SECONDS;
  }
}

/** An antiderivative of (a + b·x) · sin(wx): a module function, so the per-event path allocates no closure. */
function diurnalAntiderivative(a: number, b: number, w: number, x: number): number {
  return (-(a + b * x) * Math.cos(w * x)) / w + (b * Math.sin(w * x)) / (w * w);
}
