/**
 * One request-level run of a balancer and its instances on simjs: Poisson arrivals (with the daily
 * swing and a burst by thinning), one simjs FCFS `Facility` per instance (its servers are the
 * instance's concurrency, its queue the requests waiting), reneging at the timeout with simjs's
 * `waitUntil`, one of the three algorithms, and one instance failing and being detected mid-run.
 * Must not import Node, the DOM or React; randomness only from sim/engine/random.
 */
import { streamFor, type RandomStream } from '../engine/random';
import { ipHashChoice, makeClientPopulation, pickClient, type ClientPopulation } from './clientAddresses';
import { getSimjsQueueing, type SimjsFacility, type SimjsQueueEntity } from './simjsQueueing';
import type { LabAlgorithm, LabAlgorithmResult, LabSpec } from './spec';
import { quantileCurve, sortedCopy, summarize } from './summaries';

const DAY = 86_400;

const enum Status {
  InSystem = 0,
  Served = 1,
  Failed = 2,
  TimedOut = 3,
}

const enum Timer {
  Arrival = 1,
  Failure = 2,
  Detected = 3,
  Back = 4,
  ReturnDetected = 5,
}

/** Unit-mean service work of one request, so every algorithm sees the same requests (common random numbers). */
function unitWork(spec: LabSpec, stream: RandomStream): number {
  if (spec.service.dist === 'exponential') return -Math.log(1 - stream.next());
  const sigma = spec.service.sigma;
  const u = stream.next();
  const v = stream.next();
  const z = Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  return Math.exp(sigma * z - (sigma * sigma) / 2);
}

/** A detection delay by one periodic checker: U(0, interval) + (threshold − 1) · interval (meaning 5). */
function detectionDelay(interval: number, threshold: number, stream: RandomStream): number {
  return stream.next() * interval + (threshold - 1) * interval;
}

export function validateSpec(spec: LabSpec): void {
  const fail = (field: string, rule: string) => {
    throw new Error(`traffic lab: ${field} ${rule}`);
  };
  if (!(spec.ratePerSecond > 0) || !Number.isFinite(spec.ratePerSecond)) fail('ratePerSecond', 'must be a positive number');
  if (spec.instances.length === 0) fail('instances', 'must list at least one instance');
  spec.instances.forEach((inst, i) => {
    if (!Number.isInteger(inst.concurrency) || inst.concurrency < 1) fail(`instances[${i}].concurrency`, 'must be a whole number ≥ 1');
    if (!(inst.meanServiceSeconds > 0)) fail(`instances[${i}].meanServiceSeconds`, 'must be positive');
  });
  if (!(spec.durationSeconds > 0)) fail('durationSeconds', 'must be positive');
  if (!(spec.warmupSeconds >= 0 && spec.warmupSeconds < spec.durationSeconds)) fail('warmupSeconds', 'must be ≥ 0 and shorter than the run');
  if (!(spec.timeoutSeconds > 0)) fail('timeoutSeconds', 'must be positive');
  if (!(spec.diurnalSwing >= 0 && spec.diurnalSwing <= 1)) fail('diurnalSwing', 'must be between 0 and 1');
  if (!Number.isInteger(spec.clientCount) || spec.clientCount < 1) fail('clientCount', 'must be a whole number ≥ 1');
  if (spec.burst && !(spec.burst.multiplier > 0 && spec.burst.seconds >= 0)) fail('burst', 'needs a positive multiplier and a duration ≥ 0');
  if (spec.failure) {
    const f = spec.failure;
    if (!Number.isInteger(f.instance) || f.instance < 0 || f.instance >= spec.instances.length) fail('failure.instance', 'must name an instance');
    if (!(f.atSeconds >= 0) || !(f.downSeconds > 0)) fail('failure', 'needs atSeconds ≥ 0 and downSeconds > 0');
    if (!(f.intervalSeconds > 0) || f.failureThreshold < 1 || f.recoveryThreshold < 1) fail('failure', 'needs a health check with interval > 0 and thresholds ≥ 1');
  }
}

/** The lab's state during one run; simjs calls back into it with integer codes (request index + 1). */
class LabRun {
  // simjs writes these three on the callback context around every call; declaring them keeps one shape.
  callbackSource: unknown = null;
  callbackMessage: unknown = null;
  callbackData: unknown = null;

  private readonly entity: SimjsQueueEntity;
  private readonly facilities: SimjsFacility[];
  private readonly n: number;
  private readonly arrivals: RandomStream;
  private readonly clientsStream: RandomStream;
  private readonly work: RandomStream;
  private readonly population: ClientPopulation | null;
  private readonly maxRate: number;

  // Per request.
  private readonly arrivedAt: number[] = [];
  private readonly duration: number[] = [];
  private readonly instanceOf: number[] = [];
  private readonly status: number[] = [];
  /** 1 when a server was free at arrival (no wait), read from the facility rather than from float differences. */
  private readonly immediate: number[] = [];

  // Per instance.
  private readonly inFlight: Array<Set<number>>;
  private readonly down: Uint8Array;
  private readonly believed: Uint8Array;
  private readonly allOn: Uint8Array;
  private readonly sent: Float64Array;
  private readonly busySeconds: Float64Array;
  private readonly latencySum: Float64Array;
  private readonly servedCount: Float64Array;
  private rrNext = 0;

  // Counted results (requests arriving after the warm-up).
  offered = 0;
  served = 0;
  failed = 0;
  timedOut = 0;
  readonly latencies: number[] = [];
  /** Latencies of requests that arrived before the failure (the whole run without one). */
  readonly steadyLatencies: number[] = [];
  private readonly sentSteady: Float64Array;
  readonly waits: number[] = [];
  waited = 0;
  events = 0;
  failureTimes = { atSeconds: NaN, detectedAtSeconds: NaN, backAtSeconds: NaN, returnDetectedAtSeconds: NaN };
  private failureDetected = false;

  constructor(
    private readonly spec: LabSpec,
    private readonly algorithm: LabAlgorithm,
  ) {
    const simjs = getSimjsQueueing();
    const sim = new simjs.Sim();
    // simjs requires entity classes to define start(); this one schedules from outside.
    this.entity = sim.addEntity(class LabEntity extends simjs.Entity {
      start(): void {}
    } as never) as unknown as SimjsQueueEntity;
    this.n = spec.instances.length;
    this.facilities = spec.instances.map((inst) => new simjs.Facility(inst.id, simjs.Facility.FCFS, inst.concurrency));
    const stream = (purpose: string) => streamFor(spec.seed, spec.replication, spec.streamSource, purpose);
    this.arrivals = stream('arrivals');
    this.clientsStream = stream('client-of-request');
    this.work = stream('service-work');
    this.population = algorithm === 'ip-hash' ? makeClientPopulation(spec.clientCount, spec.clientActivitySigma, stream('client-addresses')) : null;
    this.maxRate = spec.ratePerSecond * (1 + spec.diurnalSwing) * Math.max(1, spec.burst?.multiplier ?? 1);
    this.inFlight = spec.instances.map(() => new Set<number>());
    this.down = new Uint8Array(this.n);
    this.believed = new Uint8Array(this.n).fill(1);
    this.allOn = new Uint8Array(this.n).fill(1);
    this.sent = new Float64Array(this.n);
    this.sentSteady = new Float64Array(this.n);
    this.busySeconds = new Float64Array(this.n);
    this.latencySum = new Float64Array(this.n);
    this.servedCount = new Float64Array(this.n);
  }

  private schedule(delay: number, code: number): void {
    if (this.entity.time() + delay > this.spec.durationSeconds) return;
    this.entity.setTimer(delay).done(onTimer as never, this, code);
  }

  private rateAt(t: number): number {
    const s = this.spec;
    let rate = s.ratePerSecond * (1 + s.diurnalSwing * Math.sin((2 * Math.PI * (s.startHour * 3600 + t)) / DAY));
    if (s.burst && t >= s.burst.atSeconds && t < s.burst.atSeconds + s.burst.seconds) rate *= s.burst.multiplier;
    return rate;
  }

  /** Next arrival by thinning a Poisson stream at the peak rate (exact for any bounded rate). */
  private scheduleNextArrival(): void {
    let t = this.entity.time();
    for (;;) {
      t += -Math.log(1 - this.arrivals.next()) / this.maxRate;
      if (t > this.spec.durationSeconds) return;
      if (this.arrivals.next() * this.maxRate < this.rateAt(t)) break;
    }
    this.schedule(t - this.entity.time(), Timer.Arrival);
  }

  start(): void {
    this.scheduleNextArrival();
    const f = this.spec.failure;
    if (f) this.schedule(f.atSeconds, Timer.Failure);
  }

  private isSteady(arrivedAt: number): boolean {
    return !this.spec.failure || arrivedAt < this.spec.failure.atSeconds;
  }

  private choose(client: number): number {
    let believed = this.believed;
    let any = false;
    for (let k = 0; k < this.n; k++) if (believed[k]) any = true;
    // With none believed healthy the balancer fails open (PLAN-FORMAT meaning 9).
    if (!any) believed = this.allOn;
    switch (this.algorithm) {
      case 'round-robin':
        for (let step = 0; step < this.n; step++) {
          const k = (this.rrNext + step) % this.n;
          if (believed[k]) {
            this.rrNext = (k + 1) % this.n;
            return k;
          }
        }
        return 0;
      case 'least-connections': {
        // Fewest open connections; ties go round in turn so equal instances share evenly.
        let best = -1;
        let bestCount = Infinity;
        for (let step = 0; step < this.n; step++) {
          const k = (this.rrNext + step) % this.n;
          if (believed[k] && this.inFlight[k]!.size < bestCount) {
            best = k;
            bestCount = this.inFlight[k]!.size;
          }
        }
        this.rrNext = (best + 1) % this.n;
        return best;
      }
      case 'ip-hash':
        return ipHashChoice(this.population!.hashes[client]!, believed);
    }
  }

  private onArrival(): void {
    const now = this.entity.time();
    this.scheduleNextArrival();
    const r = this.arrivedAt.length;
    const client = this.population ? pickClient(this.population, this.clientsStream.next()) : 0;
    const k = this.choose(client);
    const duration = unitWork(this.spec, this.work) * this.spec.instances[k]!.meanServiceSeconds;
    const counted = now >= this.spec.warmupSeconds;
    this.arrivedAt.push(now);
    this.duration.push(duration);
    this.instanceOf.push(k);
    if (counted) {
      this.offered++;
      this.sent[k]!++;
      if (this.isSteady(now)) this.sentSteady[k]!++;
    }
    if (this.down[k]) {
      // Sent to an instance that is down but still believed healthy: the connection is refused.
      this.status.push(Status.Failed);
      this.immediate.push(0);
      if (counted) this.failed++;
      return;
    }
    this.status.push(Status.InSystem);
    this.immediate[r] = this.facilities[k]!.free > 0 ? 1 : 0;
    this.inFlight[k]!.add(r);
    const request = this.entity.useFacility(this.facilities[k]!, duration).done(onServed as never, this, r + 1);
    // A timeout longer than the run cannot fire: leave it out rather than fill simjs's heap.
    if (this.spec.timeoutSeconds < this.spec.durationSeconds) request.waitUntil(this.spec.timeoutSeconds, onGaveUp as never, this, r + 1);
  }

  served_(r: number): void {
    this.events++;
    if (this.status[r] !== Status.InSystem) return; // it was lost with its instance
    const now = this.entity.time();
    const k = this.instanceOf[r]!;
    const arrived = this.arrivedAt[r]!;
    const duration = this.duration[r]!;
    this.inFlight[k]!.delete(r);
    this.busySeconds[k]! += Math.max(0, now - Math.max(now - duration, this.spec.warmupSeconds));
    const latency = now - arrived;
    if (latency > this.spec.timeoutSeconds) {
      this.status[r] = Status.TimedOut;
      if (arrived >= this.spec.warmupSeconds) this.timedOut++;
      return;
    }
    this.status[r] = Status.Served;
    if (arrived < this.spec.warmupSeconds) return;
    this.served++;
    this.latencies.push(latency);
    if (this.isSteady(arrived)) this.steadyLatencies.push(latency);
    const wait = this.immediate[r] ? 0 : Math.max(0, latency - duration);
    this.waits.push(wait);
    if (!this.immediate[r]) this.waited++;
    this.latencySum[k]! += latency;
    this.servedCount[k]!++;
  }

  gaveUp(r: number): void {
    this.events++;
    if (this.status[r] !== Status.InSystem) return;
    this.status[r] = Status.TimedOut;
    this.inFlight[this.instanceOf[r]!]!.delete(r);
    if (this.arrivedAt[r]! >= this.spec.warmupSeconds) this.timedOut++;
  }

  timer(code: number): void {
    this.events++;
    const f = this.spec.failure!;
    const now = this.entity.time();
    switch (code) {
      case Timer.Arrival:
        this.onArrival();
        return;
      case Timer.Failure: {
        this.failureTimes.atSeconds = now;
        this.down[f.instance] = 1;
        // Everything on the instance is lost with it; its queue restarts empty when it returns.
        for (const r of this.inFlight[f.instance]!) {
          this.status[r] = Status.Failed;
          if (this.arrivedAt[r]! >= this.spec.warmupSeconds) this.failed++;
        }
        this.inFlight[f.instance]!.clear();
        const simjs = getSimjsQueueing();
        this.facilities[f.instance] = new simjs.Facility(this.spec.instances[f.instance]!.id, simjs.Facility.FCFS, this.spec.instances[f.instance]!.concurrency);
        const detectStream = streamFor(this.spec.seed, this.spec.replication, this.spec.streamSource, 'failure-detection');
        const detect = detectionDelay(f.intervalSeconds, f.failureThreshold, detectStream);
        if (detect < f.downSeconds) this.schedule(detect, Timer.Detected);
        this.schedule(f.downSeconds, Timer.Back);
        return;
      }
      case Timer.Detected:
        this.failureTimes.detectedAtSeconds = now;
        this.failureDetected = true;
        this.believed[f.instance] = 0;
        return;
      case Timer.Back: {
        this.failureTimes.backAtSeconds = now;
        this.down[f.instance] = 0;
        if (this.failureDetected) {
          const returnStream = streamFor(this.spec.seed, this.spec.replication, this.spec.streamSource, 'recovery-detection');
          this.schedule(detectionDelay(f.intervalSeconds, f.recoveryThreshold, returnStream), Timer.ReturnDetected);
        }
        return;
      }
      case Timer.ReturnDetected:
        this.failureTimes.returnDetectedAtSeconds = now;
        this.believed[f.instance] = 1;
        return;
    }
  }

  run(onProgress?: (share: number) => void): void {
    this.start();
    const sim = this.entity.sim;
    // simulate() with an event budget returns before popping anything past it, so the run can be
    // resumed; only the last call reaches the horizon (and nothing is scheduled past the horizon).
    while (!sim.simulate(this.spec.durationSeconds, 20_000)) onProgress?.(Math.min(1, sim.time() / this.spec.durationSeconds));
    onProgress?.(1);
  }

  result(): LabAlgorithmResult {
    const spec = this.spec;
    const latencies = sortedCopy(this.latencies);
    const steadyLatencies = sortedCopy(this.steadyLatencies);
    const waits = sortedCopy(this.waits);
    const countedSeconds = spec.durationSeconds - spec.warmupSeconds;
    const upSeconds = (k: number): number => {
      if (!spec.failure || k !== spec.failure.instance || !Number.isFinite(this.failureTimes.atSeconds)) return countedSeconds;
      const from = Math.max(spec.warmupSeconds, this.failureTimes.atSeconds);
      const to = Number.isFinite(this.failureTimes.backAtSeconds) ? this.failureTimes.backAtSeconds : spec.durationSeconds;
      return countedSeconds - Math.max(0, to - from);
    };
    const totalSent = this.sent.reduce((a, b) => a + b, 0);
    const instances = spec.instances.map((inst, k) => ({
      id: inst.id,
      fleetId: inst.fleetId,
      speed: inst.speed,
      concurrency: inst.concurrency,
      requestShare: totalSent > 0 ? this.sent[k]! / totalSent : 0,
      utilisation: this.busySeconds[k]! / (inst.concurrency * Math.max(1e-9, upSeconds(k))),
      meanLatencySeconds: this.servedCount[k]! > 0 ? this.latencySum[k]! / this.servedCount[k]! : null,
    }));
    // Unevenness is judged while every instance is up (before the failure).
    const shares = Array.from(this.sentSteady);
    const minShare = Math.min(...shares);
    const failed = spec.failure && Number.isFinite(this.failureTimes.atSeconds) ? { ...this.failureTimes } : null;
    return {
      algorithm: this.algorithm,
      offered: this.offered,
      served: this.served,
      failed: this.failed,
      timedOut: this.timedOut,
      latency: summarize(latencies),
      steadyLatency: summarize(steadyLatencies),
      queueing: { ...summarize(waits), shareWaited: this.served > 0 ? this.waited / this.served : 0 },
      latencyQuantiles: quantileCurve(latencies),
      steadyLatencyQuantiles: quantileCurve(steadyLatencies),
      instances,
      unevenness: minShare > 0 ? Math.max(...shares) / minShare : Infinity,
      clientsMoved: this.population && spec.failure ? clientsMoved(this.population, spec.instances.length, spec.failure.instance) : null,
      failure: failed,
      events: this.events,
    };
  }
}

function onTimer(this: LabRun, code: number): void {
  this.timer(code);
}
function onServed(this: LabRun, codePlusOne: number): void {
  this.served_(codePlusOne - 1);
}
function onGaveUp(this: LabRun, codePlusOne: number): void {
  this.gaveUp(codePlusOne - 1);
}

/**
 * Share of the client population whose instance changes when `removed` leaves (all others healthy),
 * and when it returns; with rehashing these are the removed instance's own clients both times.
 */
export function clientsMoved(population: ClientPopulation, n: number, removed: number): { onLeave: number; onReturn: number } {
  const all = new Uint8Array(n).fill(1);
  const without = new Uint8Array(n).fill(1);
  without[removed] = 0;
  let leave = 0;
  let back = 0;
  for (let c = 0; c < population.hashes.length; c++) {
    const before = ipHashChoice(population.hashes[c]!, all);
    const during = ipHashChoice(population.hashes[c]!, without);
    if (before !== during) leave++;
    if (during !== ipHashChoice(population.hashes[c]!, all)) back++;
  }
  return { onLeave: leave / population.hashes.length, onReturn: back / population.hashes.length };
}

/** Runs one algorithm on the spec (one simjs `Sim`). Same spec and algorithm → same result. */
export function runLabAlgorithm(spec: LabSpec, algorithm: LabAlgorithm, onProgress?: (share: number) => void): LabAlgorithmResult {
  return runLabDetailed(spec, algorithm, onProgress).result;
}

/** The run's result plus its raw samples (ascending): latencies and waits of the requests served in time. */
export function runLabDetailed(
  spec: LabSpec,
  algorithm: LabAlgorithm,
  onProgress?: (share: number) => void,
): { result: LabAlgorithmResult; latencies: Float64Array; waits: Float64Array } {
  validateSpec(spec);
  const run = new LabRun(spec, algorithm);
  run.run(onProgress);
  return { result: run.result(), latencies: sortedCopy(run.latencies), waits: sortedCopy(run.waits) };
}
