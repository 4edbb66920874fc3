/**
 * The DNS part of one replication: each record's health checks (truth, belief, detection timers),
 * its answers, and its clients' cached shares with their breakpoints (PLAN-FORMAT meanings 5–8).
 * The replication owns the calendar and calls in at every change. Imports only sim/engine.
 */
import { sampleDetectionSeconds } from '../detection';
import type { EngineModel } from '../model';
import { NodeRole } from '../model';
import { notice, noticeAfterReturn } from '../passives';
import { streamFor, type RandomStream } from '../random';
import { answerFor } from './answers';
import { CachedAnswers } from './cachedAnswers';
import { HealthWatch } from '../healthWatch';

/** How the runtime reaches the replication: timers by local slot, and what checks can observe. */
export interface DnsHost {
  /** Schedules local slot `slot` after `delaySeconds`, cancelling what that slot had pending. */
  scheduleSlot(slot: number, delaySeconds: number): void;
  cancelSlot(slot: number): void;
  downCount: Int32Array;
  believedCount: Int32Array;
  /** True when the node's whole downstream path serves something (deep checks). */
  pathServes(node: number): boolean;
  /** Per backup or monitor node: reasons to be down (manual checks need a monitor up). */
  passiveDown: Int32Array;
}

export class DnsRuntime {
  /** Per record: [origin · targets + target] shares, filled by `fillShares`. */
  readonly shares: Float64Array[];
  private readonly views: Float64Array[][];
  private readonly caches: CachedAnswers[][];
  /** Per check: what it sees and believes of its target (the same watch as balancer pairs'). */
  private readonly watch: HealthWatch;
  private readonly healthy: Uint8Array[];
  private readonly answer: Float64Array[];
  private readonly streams: RandomStream[];
  /** Manual checks: people's detection and response draws, and 1 while a change waits for a monitor to be back. */
  private readonly manualStreams: (RandomStream | null)[];
  private readonly awaitingMonitor: Uint8Array;
  /** Per record: 1 while its clients are still moving between answers. */
  private readonly moving: Uint8Array;
  private movingCount = 0;
  /** True once `shares` hold values that stay put: no record moving, no answer changed since. */
  private settled = false;
  /** Local slots: [0, checks) detection timers, [checks, checks + records) breakpoint timers. */
  readonly slotCount: number;

  constructor(
    private readonly model: EngineModel,
    seed: number,
    replication: number,
    private readonly host: DnsHost,
  ) {
    const { dns, dnsChecks } = model;
    // Check c's detection timer is the runtime's local slot c.
    this.watch = new HealthWatch(dnsChecks.length, { schedule: (c, delay) => host.scheduleSlot(c, delay), cancel: (c) => host.cancelSlot(c) });
    this.streams = dnsChecks.map((c) => streamFor(seed, replication, c.sourceId, 'dns-detection'));
    this.manualStreams = dnsChecks.map((c) => (c.manual ? streamFor(seed, replication, c.sourceId, 'dns-manual') : null));
    this.awaitingMonitor = new Uint8Array(dnsChecks.length);
    this.moving = new Uint8Array(dns.length);
    this.slotCount = dnsChecks.length + dns.length;
    this.healthy = dns.map((d) => new Uint8Array(d.targetNodes.length).fill(1));
    this.answer = dns.map((d) => new Float64Array(d.targetNodes.length));
    this.shares = dns.map((d) => new Float64Array(d.originWeight.length * d.targetNodes.length));
    this.views = dns.map((d, i) => Array.from(d.originWeight, (_, o) => this.shares[i]!.subarray(o * d.targetNodes.length, (o + 1) * d.targetNodes.length)));
    this.caches = dns.map((d, i) =>
      Array.from(d.originWeight, (_, o) => {
        answerFor(d.record, this.healthy[i]!, o, this.answer[i]!);
        return new CachedAnswers(d.targetNodes.length, d.ttlSeconds, d.violationFraction, d.violationSeconds, this.answer[i]!);
      }),
    );
    this.fillShares(0);
  }

  /** True while some clients are between answers: shares then move linearly until the next breakpoint. */
  get inTransition(): boolean {
    return this.movingCount > 0;
  }

  /** The first instant after t at which some record's shares stop moving linearly (Infinity when none moves). */
  nextBreakpointAfter(t: number): number {
    let next = Infinity;
    for (let d = 0; d < this.caches.length; d++) {
      if (this.moving[d] === 0) continue;
      for (const cache of this.caches[d]!) next = Math.min(next, cache.nextBreakpointAfter(t));
    }
    return next;
  }

  /**
   * Sets every record's shares to their values at time t (nothing to do while they stay put); with
   * `leftLimit`, to their values just before t (a step at t not applied yet).
   */
  fillShares(t: number, leftLimit = false): void {
    if (this.settled) return;
    for (let d = 0; d < this.caches.length; d++) {
      const caches = this.caches[d]!;
      for (let o = 0; o < caches.length; o++) caches[o]!.sharesAt(t, this.views[d]![o]!, leftLimit);
    }
    this.settled = !leftLimit && this.movingCount === 0;
  }

  /** A local timer fired at t; returns true when the served rate may have changed. */
  onSlot(slot: number, t: number): boolean {
    const checks = this.model.dnsChecks.length;
    if (slot < checks) {
      const d = this.model.dnsChecks[slot]!.dns;
      this.healthy[d]![this.model.dnsChecks[slot]!.target] = this.watch.confirm(slot);
      this.answerChanged(d, t);
      return true;
    }
    this.scheduleBreakpoint(slot - checks, t);
    return true;
  }

  /**
   * PLAN-FORMAT meaning 5: after a record's own outage its checkers believe every target unhealthy
   * and must see each recover (meanwhile it fails open).
   */
  restartChecks(d: number, t: number): void {
    const def = this.model.dns[d]!;
    for (let c = def.checkStart; c < def.checkEnd; c++) {
      this.watch.forget(c);
      this.healthy[d]![this.model.dnsChecks[c]!.target] = 0;
      this.awaitingMonitor[c] = 0;
    }
    this.answerChanged(d, t);
  }

  /** Re-reads what every check observes; a change starts (or cancels) that check's detection clock. */
  refreshChecks(): void {
    const { dnsChecks } = this.model;
    for (let c = 0; c < dnsChecks.length; c++) {
      const observed = this.observe(c);
      if (!this.watch.see(c, observed)) continue;
      this.awaitingMonitor[c] = 0;
      if (!this.watch.disagrees(c)) continue;
      if (dnsChecks[c]!.manual) {
        // Meaning 21: people notice (meaning 16: the monitors up now, else the first one back).
        const noticed = notice(this.model.monitors, this.host, this.manualStreams[c]!);
        if (noticed === null) this.awaitingMonitor[c] = 1;
        else this.watch.detectAfter(c, noticed.delaySeconds + dnsChecks[c]!.law.propagationSeconds);
        continue;
      }
      this.watch.detectAfter(c, sampleDetectionSeconds(dnsChecks[c]!.law, this.streams[c]!, observed === 0));
    }
  }

  /** The first monitor back after none was up notices every manual switch that waited for one. */
  monitorBack(monitor: number): void {
    const { dnsChecks } = this.model;
    for (let c = 0; c < dnsChecks.length; c++) {
      if (this.awaitingMonitor[c] === 0) continue;
      this.awaitingMonitor[c] = 0;
      const noticed = noticeAfterReturn(this.model.monitors, monitor, this.manualStreams[c]!);
      this.host.scheduleSlot(c, noticed.delaySeconds + dnsChecks[c]!.law.propagationSeconds);
    }
  }

  /** Meaning 6: a fleet is healthy while one instance is up; a balancer while it believes one target. */
  private observe(c: number): number {
    const check = this.model.dnsChecks[c]!;
    const node = this.model.nodes[check.targetNode]!;
    const { downCount, believedCount } = this.host;
    if (check.deep) return node.component >= 0 && downCount[node.component] !== 0 ? 0 : this.host.pathServes(check.targetNode) ? 1 : 0;
    switch (node.role) {
      case NodeRole.Fleet:
        for (let i = 0; i < node.instances; i++) if (downCount[node.component + i] === 0) return 1;
        return 0;
      case NodeRole.Balancer:
        if (downCount[node.component] !== 0) return 0;
        return node.pairEnd === node.pairStart || believedCount[check.targetNode]! > 0 ? 1 : 0;
      case NodeRole.Clients:
        return 1;
      default:
        return downCount[node.component] === 0 ? 1 : 0;
    }
  }

  private answerChanged(d: number, t: number): void {
    const def = this.model.dns[d]!;
    const caches = this.caches[d]!;
    let changed = false;
    for (let o = 0; o < caches.length; o++) {
      answerFor(def.record, this.healthy[d]!, o, this.answer[d]!);
      if (caches[o]!.setAnswer(t, this.answer[d]!)) changed = true;
    }
    if (changed) {
      this.settled = false;
      this.scheduleBreakpoint(d, t);
    }
  }

  private scheduleBreakpoint(d: number, t: number): void {
    let next = Infinity;
    for (const cache of this.caches[d]!) next = Math.min(next, cache.nextBreakpointAfter(t));
    const slot = this.model.dnsChecks.length + d;
    const wasMoving = this.moving[d] === 1;
    const isMoving = next !== Infinity;
    this.moving[d] = isMoving ? 1 : 0;
    this.movingCount += (isMoving ? 1 : 0) - (wasMoving ? 1 : 0);
    if (isMoving) this.host.scheduleSlot(slot, next - t);
    else this.host.cancelSlot(slot);
  }
}
