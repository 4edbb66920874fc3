/**
 * Per-replication accounting of the fluid traffic (PLAN-FORMAT meanings 13 and 14): lost requests,
 * time with a noticeable failing share, incidents and their lengths (RTO samples), and 730-hour
 * months for SLO attainment. Rates are constant between calls, so every integral is exact.
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

  private servedRps: number;
  private lastTime = 0;
  private failing = false;
  private incidentStart = 0;
  private incidentLostAtStart = 0;
  private openRecord: IncidentRecord | undefined;
  private monthEnd = MONTH_SECONDS;
  private monthLost = 0;
  private monthOffered = 0;
  private monthStart = 0;
  offeredRequests = 0;

  constructor(
    /** Nominal offered rate; the load at time t is offeredRps · (1 + swing · sin(2πt / 24 h)). */
    private readonly offeredRps: number,
    /** Availability objective judged per month on requests; NaN when the plan has none. */
    private readonly monthlyObjective: number,
    private readonly diurnalSwing = 0,
  ) {
    this.servedRps = offeredRps;
  }

  /** Integrates the current rates up to `t` (seconds). */
  advance(t: number): void {
    if (t <= this.lastTime) return;
    const lostRate = this.offeredRps - this.servedRps;
    while (t >= this.monthEnd) {
      this.accrue(this.monthEnd - this.lastTime, lostRate);
      this.lastTime = this.monthEnd;
      this.closeMonth(this.monthEnd);
    }
    this.accrue(t - this.lastTime, lostRate);
    this.lastTime = t;
  }

  /** Sets the served rate from now on; `cause` is blamed if this change opens an incident. */
  setServed(servedRps: number, t: number, cause: Cause): void {
    this.servedRps = servedRps;
    const failingNow = this.offeredRps > 0 && 1 - servedRps / this.offeredRps > FAILING_SHARE_THRESHOLD + THRESHOLD_SLACK;
    if (failingNow === this.failing) return;
    this.failing = failingNow;
    if (failingNow) {
      this.incidents++;
      this.incidentStart = t;
      this.incidentLostAtStart = this.lostRequests;
      if (this.records.length < INCIDENT_RECORDS_KEPT) {
        this.openRecord = { startHours: t / 3600, endHours: null, lostRequests: 0, firstCause: cause };
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

  /** Closes the books at the horizon: an open incident counts toward availability, not as an RTO sample. */
  finish(horizonSeconds: number): void {
    this.advance(horizonSeconds);
    if (this.openRecord) this.openRecord.lostRequests = this.lostRequests - this.incidentLostAtStart;
    // A last partial month still counts as a month if it has any length.
    if (horizonSeconds > this.monthStart) this.closeMonth(horizonSeconds);
  }

  private accrue(dt: number, lostRate: number): void {
    if (dt <= 0) return;
    // The failing share is constant between events, so load-weighting only scales both integrals.
    const loadSeconds = this.diurnalSwing === 0 ? dt : this.loadSeconds(this.lastTime, this.lastTime + dt);
    const lost = lostRate * loadSeconds;
    const offered = this.offeredRps * loadSeconds;
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
