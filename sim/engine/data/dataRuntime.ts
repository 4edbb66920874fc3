/**
 * One replication's datasets (PLAN-FORMAT meanings 4, 11, 12): which member is primary, promotions
 * and their retries, restores from backups, sync links degraded by failed replicas, multi-writer
 * loss of unreplicated writes, and the RPO samples and lost writes these yield. Driven by the
 * replication's component, overlay and data-timer events; it tells the traffic model, per datastore
 * node, whether requests to it succeed (`dataUp`). Imports only sim/engine; no DOM, Node or clock.
 */
import { sample } from '../distributions';
import { sineIntegral } from '../diurnal';
import { notice, noticeAfterReturn, type MonitorDef } from '../passives';
import { streamFor, type RandomStream } from '../random';
import { pathBetween, type DataModel, type DatasetDef } from './dataModel';

/** What the runtime needs from the replication that owns it. */
export interface DataHost {
  /** Per component: reasons to be down (own failure, region, zone, common causes). */
  readonly downCount: Int32Array;
  /** Per overlay: 1 while its outage lasts. */
  readonly overlayActive: Uint8Array;
  /** Per backup or monitor node (EngineModel.passives): reasons to be down. */
  readonly passiveDown: Int32Array;
  /** Replaces any pending data timer of the dataset with one firing after `delaySeconds`. */
  scheduleData(dataset: number, delaySeconds: number): void;
  cancelData(dataset: number): void;
  /** Attaches a loss to the incident open now, if any. */
  noteDataLoss(rpoSeconds: number, writes: number): void;
  /** Whether requests to datastore node `node` succeed has just changed (dataUp). */
  servingChanged(node: number): void;
}

const Phase = {
  /** The primary serves (multi-writer: at least one member serves). */
  Serving: 0,
  /** A member is being promoted (its timer fires when the attempt completes). */
  Promoting: 1,
  /** No member can serve and no data is lost: waiting for the primary (or any member) to come back. */
  Waiting: 2,
  /** The primary's data is lost: humans are detecting and responding before they restore. */
  RestoreDelay: 3,
  /** Restore ready, but every backup copy is on site in a region that is out. */
  RestoreWaitRegion: 4,
  Restoring: 5,
  /** The primary's data is lost and no backup exists: it comes back empty with its repair. */
  NoBackup: 6,
} as const;
type Phase = (typeof Phase)[keyof typeof Phase];


/** Mutable state of one dataset, allocated once per replication. */
class DatasetState {
  phase: Phase = Phase.Serving;
  primary = 0;
  candidate = -1;
  /** When the dataset stopped taking writes (the primary's failure instant). */
  failAt = 0;
  /** True while the pending promotion attempt is the automatic one. */
  automaticAttempt = false;
  lastRestoreEnd = 0;
  restoreBackup = -1;
  /** The data time of the backup being restored (never after failAt). */
  restoreDataTime = 0;
  /** Members usable at failAt: a sync link to a member that was not is degraded to async. */
  readonly upAtFail: Uint8Array;
  /**
   * Per member, as of failAt (meaning 18): 1 when it or a member between it and the primary was
   * not usable then, so it missed writes since staleDataTime and is never promoted as a replica
   * for this failure (with failureLosesData it is a copy taken at staleDataTime).
   */
  readonly staleAtFail: Uint8Array;
  readonly staleDataTime: Float64Array;
  /** Per member, as of failAt: when replication to it last resumed (r) and the start of the failure it resumed from (d). */
  readonly resumedAt: Float64Array;
  readonly resumedFrom: Float64Array;
  /** Per member: start of its last failure (any reason to be down) and when it was last back up. */
  readonly downSince: Float64Array;
  readonly upSince: Float64Array;
  /** True while the pending promotion is of a stale copy (its RPO is failAt − staleDataTime). */
  staleCopy = false;
  /** Members whose own failure destroyed their copy (restored, or re-synced from a serving primary). */
  readonly lost: Uint8Array;
  /** Per member: 1 while it is up with its data (its backups may run). */
  readonly backupUp: Uint8Array;
  /** Per backup: 1 while it runs (its member up with data and the backup node up); since when, and when that last stopped. */
  readonly taking: Uint8Array;
  readonly takingSince: Float64Array;
  readonly takingStoppedAt: Float64Array;
  /** Per backup: its newest copy's time as of its last stop (see lastBackupAt). */
  readonly lastBackup: Float64Array;
  /**
   * Meaning 16: people must notice a need while no monitor is up. Then this holds the seconds that
   * follow their detection and response (a promotion's, or 0 before a restore); −1 when not waiting.
   */
  awaitingMonitor = -1;
  /** The monitor whose people are on this dataset's recovery (a manual retry takes their response time). */
  engaged = 0;
  readonly lagStreams: RandomStream[];
  readonly successStreams: RandomStream[];
  readonly humanStreams: RandomStream[];
  readonly restoreHumanStreams: RandomStream[];
  readonly restoreStreams: RandomStream[];
  readonly restoreSuccessStreams: RandomStream[];

  constructor(def: DatasetDef, seed: number, replication: number) {
    const m = def.ids.length;
    this.upAtFail = new Uint8Array(m);
    this.staleAtFail = new Uint8Array(m);
    this.staleDataTime = new Float64Array(m);
    this.resumedAt = new Float64Array(m);
    this.resumedFrom = new Float64Array(m);
    this.downSince = new Float64Array(m);
    this.upSince = new Float64Array(m);
    this.lost = new Uint8Array(m);
    this.backupUp = new Uint8Array(m).fill(1);
    this.taking = new Uint8Array(def.backups.length).fill(1);
    this.takingSince = new Float64Array(def.backups.length);
    this.takingStoppedAt = new Float64Array(def.backups.length);
    this.lastBackup = new Float64Array(def.backups.length);
    // New source ids and purposes only: every draw the engine core makes stays as it was (meaning 15).
    this.lagStreams = def.edges.map((e) => streamFor(seed, replication, e.sourceId, 'lag'));
    this.successStreams = def.ids.map((id) => streamFor(seed, replication, id, 'promotion-success'));
    this.humanStreams = def.ids.map((id) => streamFor(seed, replication, id, 'promotion-manual'));
    this.restoreHumanStreams = def.ids.map((id) => streamFor(seed, replication, id, 'restore-manual'));
    this.restoreStreams = def.backups.map((b) => streamFor(seed, replication, b.sourceId, 'restore-duration'));
    this.restoreSuccessStreams = def.backups.map((b) => streamFor(seed, replication, b.sourceId, 'restore-success'));
  }
}

export interface DataCounters {
  promotions: number;
  promotionAttempts: number;
  restores: number;
  restoreAttempts: number;
  /** Data lost with no backup to restore: the store came back empty. */
  unrecoverableLosses: number;
  /** Multi-writer members that failed with unreplicated writes. */
  multiwriterLosses: number;
  writesLost: number;
}

export class DataRuntime {
  /** Per traffic node: 1 while requests to that datastore succeed (only datastore entries are used). */
  readonly dataUp: Uint8Array;
  readonly rpoSeconds: number[] = [];
  readonly counters: DataCounters = {
    promotions: 0,
    promotionAttempts: 0,
    restores: 0,
    restoreAttempts: 0,
    unrecoverableLosses: 0,
    multiwriterLosses: 0,
    writesLost: 0,
  };
  private readonly states: DatasetState[];
  private now = 0;

  constructor(
    private readonly model: DataModel,
    private readonly host: DataHost,
    nodeCount: number,
    seed: number,
    replication: number,
    private readonly monitors: readonly MonitorDef[],
  ) {
    this.dataUp = new Uint8Array(nodeCount).fill(1);
    this.states = model.datasets.map((d) => new DatasetState(d, seed, replication));
  }

  /** The component whose cause an incident opened by a data event names. */
  primaryComponent(d: number): number {
    return this.model.datasets[d]!.components[this.states[d]!.primary]!;
  }

  /** Cancels the dataset's pending step, including a wait for people to notice. */
  private cancel(d: number): void {
    this.host.cancelData(d);
    this.states[d]!.awaitingMonitor = -1;
  }

  /**
   * A need arises now (meaning 16): the monitors up now notice it after detection + response, and
   * `thenSeconds` later the dataset's timer fires; with none up it waits for the first one back.
   */
  private afterPeopleNotice(d: number, stream: RandomStream, thenSeconds: number): void {
    const st = this.states[d]!;
    const noticed = notice(this.monitors, this.host, stream);
    if (noticed === null) {
      this.host.cancelData(d);
      st.awaitingMonitor = thenSeconds;
      return;
    }
    st.awaitingMonitor = -1;
    st.engaged = noticed.monitor;
    this.host.scheduleData(d, noticed.delaySeconds + thenSeconds);
  }

  /**
   * A backup or monitor node went down or came back (meanings 16, 17). A backup stops or resumes
   * taking copies; a restore from it starts over, one waiting for a usable copy may go on. The
   * first monitor back (`monitor` ≥ 0) notices every need that arose while none was up.
   * Returns true when a datastore's serving state changed.
   */
  passiveChanged(passive: number, up: boolean, monitor: number, t: number): boolean {
    this.now = t;
    let changed = false;
    for (let d = 0; d < this.states.length; d++) {
      const def = this.model.datasets[d]!;
      const st = this.states[d]!;
      for (let b = 0; b < def.backups.length; b++) {
        if (def.backups[b]!.passive !== passive) continue;
        this.updateBackup(def, st, b);
        if (!up && st.phase === Phase.Restoring && st.restoreBackup === b) {
          // Its copies are unusable now: the restore starts over from the newest usable one (or waits).
          this.cancel(d);
          this.startRestore(d);
        } else if (up && st.phase === Phase.RestoreWaitRegion) this.startRestore(d);
      }
      if (up && monitor >= 0 && st.awaitingMonitor >= 0) {
        const noticed = noticeAfterReturn(this.monitors, monitor, st.restoreHumanStreams[st.primary]!);
        st.engaged = monitor;
        this.host.scheduleData(d, noticed.delaySeconds + st.awaitingMonitor);
        st.awaitingMonitor = -1;
      }
      if (this.refresh(d)) changed = true;
    }
    return changed;
  }

  /**
   * A component's own process failed (called before its effective state is updated). With
   * `failureLosesData` its copy is destroyed; region and zone outages never get here.
   */
  ownFailed(c: number, t: number): void {
    const d = this.model.datasetOfComponent[c]!;
    if (d < 0) return;
    const def = this.model.datasets[d]!;
    const st = this.states[d]!;
    const x = this.model.memberOfComponent[c]!;
    if (def.failureLosesData[x] === 0 || st.lost[x] === 1) return;
    st.lost[x] = 1;
    this.now = t;
    // Already down by an overlay while the dataset waits for it: its data is gone now, so waiting
    // for it is no longer enough. (When it was up, componentChanged follows and handles it.)
    if (this.host.downCount[c] !== 0 && st.phase === Phase.Waiting && x === st.primary) this.recover(d);
  }

  /** A component's effective state flipped. Returns true when a datastore's serving state changed. */
  componentChanged(c: number, up: boolean, t: number): boolean {
    const d = this.model.datasetOfComponent[c]!;
    if (d < 0) return false;
    this.now = t;
    const def = this.model.datasets[d]!;
    const st = this.states[d]!;
    const x = this.model.memberOfComponent[c]!;
    if (up) st.upSince[x] = t;
    else st.downSince[x] = t;
    if (!up) {
      if (st.backupUp[x] === 1) this.backupStops(def, st, x);
    } else if (st.lost[x] === 0) {
      this.backupStarts(def, st, x);
    }
    if (def.multiwriter) this.multiwriterChange(d, x, up);
    else this.primaryChange(d, x, up);
    return this.refresh(d);
  }

  /** A region, zone or common-cause outage started or ended: restores may stall or resume. */
  overlayChanged(o: number, active: boolean, t: number): void {
    this.now = t;
    for (let d = 0; d < this.states.length; d++) {
      const st = this.states[d]!;
      if (st.phase === Phase.RestoreWaitRegion && !active) this.startRestore(d);
      else if (st.phase === Phase.Restoring && active) {
        const b = this.model.datasets[d]!.backups[st.restoreBackup]!;
        // Only on-site copies depend on their region; the attempt restarts when a copy is usable.
        if (!b.offsite && b.regionOverlay === o) {
          this.cancel(d);
          this.startRestore(d);
        }
      }
    }
  }

  /** The dataset's data timer fired. Returns true when a datastore's serving state changed. */
  onTimer(d: number, t: number): boolean {
    this.now = t;
    const def = this.model.datasets[d]!;
    const st = this.states[d]!;
    if (st.phase === Phase.Promoting) this.promotionCompletes(d, def, st);
    else if (st.phase === Phase.RestoreDelay) this.startRestore(d);
    else if (st.phase === Phase.Restoring) this.restoreCompletes(d, def, st);
    return this.refresh(d);
  }

  private usable(def: DatasetDef, st: DatasetState, x: number): boolean {
    return this.host.downCount[def.components[x]!] === 0 && st.lost[x] === 0;
  }

  /** Primary/replica datasets (sync and async edges). */
  private primaryChange(d: number, x: number, up: boolean): void {
    const def = this.model.datasets[d]!;
    const st = this.states[d]!;
    if (!up) {
      if (x === st.primary && st.phase === Phase.Serving) {
        st.failAt = this.now;
        for (let j = 0; j < st.upAtFail.length; j++) st.upAtFail[j] = this.usable(def, st, j) ? 1 : 0;
        this.noteReplicaStates(def, st);
        this.recover(d);
      } else if (st.phase === Phase.Promoting && x === st.candidate) {
        // The member being promoted failed too: start over with the next one (or wait / restore).
        this.cancel(d);
        this.recover(d);
      }
      return;
    }
    if (st.phase === Phase.Serving) {
      if (st.lost[x] === 1) this.resync(def, st, x);
      return;
    }
    if (x === st.primary) {
      if (st.lost[x] === 0) {
        // The old primary is back before any promotion or restore completed: keep it (no sample).
        this.cancel(d);
        st.phase = Phase.Serving;
        this.resyncAll(def, st);
      } else if (st.phase === Phase.NoBackup) {
        this.rebuildEmpty(def, st);
      }
      return;
    }
    // A replica with every write up to the failure came back while the dataset cannot serve:
    // promote it (better than waiting or restoring an older backup). A promotion already under way
    // goes on. A stale replica is never promoted as a replica for this failure (meaning 18); with
    // the primary's data lost it is a copy that a restore waiting for one can now use.
    if (st.phase === Phase.Promoting || !this.usable(def, st, x)) return;
    if (st.staleAtFail[x] === 0) {
      this.cancel(d);
      this.startPromotion(d, x);
    } else if (st.phase === Phase.RestoreWaitRegion) {
      this.startRestore(d);
    }
  }

  /**
   * Meaning 18, at the primary's failure: walks the path from the primary to each member. A member
   * not usable on it cuts replication: everything past it holds writes only up to the earliest such
   * cut (its failure start). Otherwise replication to the member resumed at the latest return on
   * the path (r), from the failure that return ended (d).
   */
  private noteReplicaStates(def: DatasetDef, st: DatasetState): void {
    const m = def.ids.length;
    const p = st.primary;
    for (let j = 0; j < m; j++) {
      let at = p;
      let stale = 0;
      let cut = Infinity;
      let resumed = 0;
      let from = 0;
      for (const e of pathBetween(def, p, j)) {
        const edge = def.edges[e]!;
        const next = edge.from === at ? edge.to : edge.from;
        if (st.upAtFail[next] === 0) {
          stale = 1;
          cut = Math.min(cut, st.downSince[next]!);
        } else if (st.upSince[next]! > resumed) {
          resumed = st.upSince[next]!;
          from = st.downSince[next]!;
        }
        at = next;
      }
      st.staleAtFail[j] = j === p ? 0 : stale;
      st.staleDataTime[j] = stale === 1 ? cut : st.failAt;
      st.resumedAt[j] = resumed;
      st.resumedFrom[j] = from;
    }
  }

  /**
   * Multi-writer datasets: every up member takes writes and a failed member's traffic moves to the
   * others, so the dataset serves while one member does. A member failing while others serve loses
   * its unreplicated writes: one RPO sample = a lag draw of its first replication edge (plan order)
   * to a member that serves (else its first edge), and its writes (its own and those moved to it) times that lag.
   */
  private multiwriterChange(d: number, x: number, up: boolean): void {
    const def = this.model.datasets[d]!;
    const st = this.states[d]!;
    if (!up) {
      if (st.phase !== Phase.Serving) return;
      let edge = -1;
      let others = 0;
      let strandedRate = 0;
      let strandedSwingRate = 0;
      for (let j = 0; j < def.ids.length; j++) {
        if (j === x) continue;
        if (this.usable(def, st, j)) others++;
        else {
          strandedRate += def.writeRate[j]!;
          strandedSwingRate += def.writeSwingRate[j]!;
        }
      }
      let anyEdge = -1;
      for (let e = 0; e < def.edges.length && edge < 0; e++) {
        const ed = def.edges[e]!;
        const other = ed.from === x ? ed.to : ed.to === x ? ed.from : -1;
        if (other < 0) continue;
        if (anyEdge < 0) anyEdge = e;
        if (this.usable(def, st, other)) edge = e;
      }
      // A member whose neighbours are all out replicates through them: its own first edge stands in.
      if (edge < 0) edge = anyEdge;
      if (others > 0) {
        if (edge >= 0) {
          const lag = sample(def.edges[edge]!.lag, st.lagStreams[edge]!);
          const rate = def.writeRate[x]! + strandedRate / (others + 1);
          const swingRate = def.writeSwingRate[x]! + strandedSwingRate / (others + 1);
          this.counters.multiwriterLosses++;
          this.recordLoss(lag, rate, swingRate, this.now - lag, this.now);
        }
        return;
      }
      st.primary = x;
      st.failAt = this.now;
      this.recover(d);
      return;
    }
    if (st.phase === Phase.Serving) {
      if (st.lost[x] === 1) this.resync(def, st, x);
      return;
    }
    if (this.usable(def, st, x)) {
      this.cancel(d);
      st.phase = Phase.Serving;
      this.resyncAll(def, st);
    } else if (x === st.primary && st.phase === Phase.NoBackup) {
      this.rebuildEmpty(def, st);
    }
  }

  /**
   * The dataset cannot serve: promote the first usable member in replication order, else restore
   * when the primary's data is lost, else wait for a member to come back.
   */
  private recover(d: number): void {
    const def = this.model.datasets[d]!;
    const st = this.states[d]!;
    let staleReplicas = false;
    if (!def.multiwriter) {
      for (let j = 0; j < def.ids.length; j++) {
        if (j === st.primary) continue;
        if (st.staleAtFail[j] === 1) staleReplicas = true;
        else if (this.usable(def, st, j)) {
          this.startPromotion(d, j);
          return;
        }
      }
    }
    if (st.lost[st.primary] === 0) {
      st.phase = Phase.Waiting;
    } else if (def.backups.length === 0 && !staleReplicas) {
      st.phase = Phase.NoBackup;
    } else {
      // Restores are manual: humans detect and respond first.
      st.phase = Phase.RestoreDelay;
      this.afterPeopleNotice(d, st.restoreHumanStreams[st.primary]!, 0);
    }
  }

  /**
   * The promoted member's own settings decide (templates mark the replica manual, as AWS makes
   * cross-region promotion user-initiated): automatic = its detectionSeconds + seconds; manual =
   * human detection + response + seconds.
   */
  private startPromotion(d: number, j: number): void {
    const def = this.model.datasets[d]!;
    const st = this.states[d]!;
    const p = def.promotion[j]!;
    st.phase = Phase.Promoting;
    st.candidate = j;
    st.staleCopy = false;
    st.automaticAttempt = p.automatic;
    if (p.automatic) this.host.scheduleData(d, p.detectionSeconds + p.seconds);
    else this.afterPeopleNotice(d, st.humanStreams[j]!, p.seconds);
  }

  private promotionCompletes(d: number, def: DatasetDef, st: DatasetState): void {
    const j = st.candidate;
    const p = def.promotion[j]!;
    this.counters.promotionAttempts++;
    if (st.successStreams[j]!.next() < p.successProbability) {
      this.counters.promotions++;
      const rpo = this.promotionRpo(def, st, j);
      this.recordLoss(rpo, def.totalWriteRate, def.totalWriteSwingRate, st.failAt - rpo, st.failAt);
      // The old primary rejoins as a replica when it is back; data never fails back by itself.
      st.primary = j;
      st.candidate = -1;
      st.phase = Phase.Serving;
      this.resyncAll(def, st);
      return;
    }
    // A failed automatic attempt falls to humans, who must notice (detection + response); a failed
    // manual attempt is retried by the humans already on it after another response time.
    const stream = st.humanStreams[j]!;
    if (st.automaticAttempt) {
      // A need arises: people must notice (meaning 16), then they promote by hand.
      st.automaticAttempt = false;
      this.afterPeopleNotice(d, stream, p.seconds);
      return;
    }
    // People already engaged retry without a monitor: their response time again.
    this.host.scheduleData(d, sample(this.monitors[st.engaged]!.response, stream) + p.seconds);
  }

  /**
   * RPO of promoting member j (meanings 12 and 18): a stale copy holds writes up to its data time;
   * a member that was up at the failure is L behind (the lag drawn now along its path, 0 over intact
   * sync links), unless replication to it had resumed less than L before the failure: then it had
   * not caught up since the failure it came back from, at d, and loses everything since d.
   */
  private promotionRpo(def: DatasetDef, st: DatasetState, j: number): number {
    if (st.staleCopy) return st.failAt - st.staleDataTime[j]!;
    const lag = this.lagAlongPath(def, st, st.primary, j);
    return st.failAt - st.resumedAt[j]! < lag ? st.failAt - st.resumedFrom[j]! : lag;
  }

  /**
   * The promoted member's lag at the failure instant, drawn afresh.
   * Along a chain the lags add up (each hop is behind the one before it). A sync hop adds 0 unless
   * its far member was not usable at the failure instant: then the link had degraded to async
   * (meaning 11) and it adds a draw from the edge's own lag law.
   */
  private lagAlongPath(def: DatasetDef, st: DatasetState, from: number, to: number): number {
    let at = from;
    let lag = 0;
    for (const e of pathBetween(def, from, to)) {
      const edge = def.edges[e]!;
      const next = edge.from === at ? edge.to : edge.from;
      if (!(edge.sync && st.upAtFail[next] === 1)) lag += sample(edge.lag, st.lagStreams[e]!);
      at = next;
    }
    return lag;
  }

  /**
   * Restores from the newest usable backup of any member: off-site copies always, on-site copies
   * only while their region is not out (meaning 11); with none usable it waits for the region.
   */
  private startRestore(d: number): void {
    const def = this.model.datasets[d]!;
    const st = this.states[d]!;
    let best = -1;
    let bestTime = -Infinity;
    for (let b = 0; b < def.backups.length; b++) {
      const bk = def.backups[b]!;
      if (!bk.offsite && bk.regionOverlay >= 0 && this.host.overlayActive[bk.regionOverlay] === 1) continue;
      // Copies held by a backup node that is down are unusable (meaning 16).
      if (this.host.passiveDown[bk.passive] !== 0) continue;
      const time = this.lastBackupAt(def, st, b, this.now);
      if (time > bestTime) {
        best = b;
        bestTime = time;
      }
    }
    // A stale replica that is up is a copy taken when it fell behind (meaning 18); the newest copy wins.
    let replica = -1;
    for (let j = 0; j < def.ids.length; j++) {
      if (j === st.primary || st.staleAtFail[j] === 0 || !this.usable(def, st, j)) continue;
      if (st.staleDataTime[j]! > bestTime) {
        replica = j;
        bestTime = st.staleDataTime[j]!;
      }
    }
    if (replica >= 0) {
      // The people restoring promote it instead: only the promotion itself remains to be done.
      st.phase = Phase.Promoting;
      st.candidate = replica;
      st.staleCopy = true;
      st.automaticAttempt = false;
      this.host.scheduleData(d, def.promotion[replica]!.seconds);
      return;
    }
    if (best < 0) {
      st.phase = Phase.RestoreWaitRegion;
      return;
    }
    st.phase = Phase.Restoring;
    st.restoreBackup = best;
    // A copy taken after the failure (of a member that outlived the primary) holds no newer writes.
    st.restoreDataTime = Math.min(bestTime, st.failAt);
    this.host.scheduleData(d, sample(def.backups[best]!.restore, st.restoreStreams[best]!));
  }

  private restoreCompletes(d: number, def: DatasetDef, st: DatasetState): void {
    const b = st.restoreBackup;
    this.counters.restoreAttempts++;
    if (st.restoreSuccessStreams[b]!.next() < def.backups[b]!.restoreFailureProbability) {
      // A failed restore is retried at once (the operators are on it) with a fresh duration.
      this.startRestore(d);
      return;
    }
    this.counters.restores++;
    const from = Math.max(st.restoreDataTime, st.lastRestoreEnd);
    this.recordLoss(st.failAt - from, def.totalWriteRate, def.totalWriteSwingRate, from, st.failAt);
    st.lastRestoreEnd = this.now;
    this.dataBack(def, st, st.primary);
  }

  /** The lost primary comes back empty (no backup): everything written since the last restore is gone. */
  private rebuildEmpty(def: DatasetDef, st: DatasetState): void {
    this.counters.unrecoverableLosses++;
    this.recordLoss(st.failAt - st.lastRestoreEnd, def.totalWriteRate, def.totalWriteSwingRate, st.lastRestoreEnd, st.failAt);
    st.lastRestoreEnd = this.now;
    this.dataBack(def, st, st.primary);
  }

  /**
   * The member's data is back (restored or rebuilt). It serves once its own repair and any outage
   * are over too: a restore needs the replacement instance, so the store is back at the later of
   * the two.
   */
  private dataBack(def: DatasetDef, st: DatasetState, x: number): void {
    st.lost[x] = 0;
    if (this.usable(def, st, x)) {
      this.backupStarts(def, st, x);
      st.phase = Phase.Serving;
      this.resyncAll(def, st);
    } else {
      st.phase = Phase.Waiting;
      st.failAt = this.now;
    }
  }

  private resync(def: DatasetDef, st: DatasetState, x: number): void {
    st.lost[x] = 0;
    this.backupStarts(def, st, x);
  }

  /** Members that lost their copy but are up again copy it back from the serving dataset. */
  private resyncAll(def: DatasetDef, st: DatasetState): void {
    for (let j = 0; j < def.ids.length; j++) {
      if (st.lost[j] === 1 && this.host.downCount[def.components[j]!] === 0) this.resync(def, st, j);
    }
  }

  /**
   * Backups run every intervalHours from t = 0 while their member is up with its data and the backup
   * node is up. Between stops this is arithmetic (no event per backup): the newest is the last
   * multiple of the interval since it last started, else the one remembered at its last stop.
   */
  private lastBackupAt(def: DatasetDef, st: DatasetState, b: number, t: number): number {
    const bk = def.backups[b]!;
    if (st.taking[b] === 1) {
      const grid = Math.floor(t / bk.intervalSeconds) * bk.intervalSeconds;
      if (grid >= st.takingSince[b]!) return grid;
    }
    return st.lastBackup[b]!;
  }

  private backupStops(def: DatasetDef, st: DatasetState, x: number): void {
    st.backupUp[x] = 0;
    for (let b = 0; b < def.backups.length; b++) if (def.backups[b]!.member === x) this.updateBackup(def, st, b);
  }

  private backupStarts(def: DatasetDef, st: DatasetState, x: number): void {
    if (st.backupUp[x] === 1) return;
    st.backupUp[x] = 1;
    for (let b = 0; b < def.backups.length; b++) if (def.backups[b]!.member === x) this.updateBackup(def, st, b);
  }

  /**
   * Starts or stops backup b as its member and its node allow. A run that fell due while it was
   * stopped happens as soon as both are back (meaning 16), which keeps meaning 12's promise that a
   * restore never loses more than intervalHours unless the backup node itself was down.
   */
  private updateBackup(def: DatasetDef, st: DatasetState, b: number): void {
    const bk = def.backups[b]!;
    const runs = st.backupUp[bk.member] === 1 && this.host.passiveDown[bk.passive] === 0;
    if (runs === (st.taking[b] === 1)) return;
    if (!runs) {
      st.lastBackup[b] = this.lastBackupAt(def, st, b, this.now);
      st.taking[b] = 0;
      st.takingStoppedAt[b] = this.now;
      return;
    }
    st.taking[b] = 1;
    st.takingSince[b] = this.now;
    if (Math.floor(this.now / bk.intervalSeconds) > Math.floor(st.takingStoppedAt[b]! / bk.intervalSeconds)) st.lastBackup[b] = this.now;
  }

  /** One RPO sample and the writes offered in [from, to] at rate + swingRate · sin ωt (each client's own swing). */
  private recordLoss(rpoSeconds: number, rate: number, swingRate: number, from: number, to: number): void {
    const seconds = Math.max(0, to - from);
    const swingSeconds = swingRate === 0 || to <= from ? 0 : sineIntegral(from, to);
    const writes = rate * seconds + swingRate * swingSeconds;
    this.rpoSeconds.push(rpoSeconds);
    this.counters.writesLost += writes;
    this.host.noteDataLoss(rpoSeconds, writes);
  }

  /** Sets dataUp for the dataset's nodes; true when it changed. */
  private refresh(d: number): boolean {
    const def = this.model.datasets[d]!;
    const st = this.states[d]!;
    let serving = false;
    if (st.phase === Phase.Serving) {
      if (!def.multiwriter) serving = this.usable(def, st, st.primary);
      else for (let j = 0; j < def.ids.length && !serving; j++) serving = this.usable(def, st, j);
    }
    const value = serving ? 1 : 0;
    let changed = false;
    for (let j = 0; j < def.nodes.length; j++) {
      const n = def.nodes[j]!;
      if (this.dataUp[n] !== value) {
        this.dataUp[n] = value;
        this.host.servingChanged(n);
        changed = true;
      }
    }
    return changed;
  }
}
