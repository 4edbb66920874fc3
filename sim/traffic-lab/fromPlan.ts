/**
 * Turns a resolved plan and one of its load balancers into a lab spec: the rate reaching the
 * balancer, its instances (concurrency = capacity × mean request time), its health check, and the
 * lab's settings. Everything the lab cannot honour is refused or named in `notes`, never dropped.
 * Imports sim/model, sim/catalog and sim/engine/dns only (no Node, DOM or React).
 */
import { TRAFFIC_LAB_CATALOG } from '../catalog/trafficLab';
import { answerFor, compileDnsRecord } from '../engine/dns/answers';
import { collectOrigins } from '../engine/dns/compileDns';
import type { ResolvedFleet, ResolvedLoadBalancer, ResolvedPlan } from '../model/resolve';
import { LAB_ALGORITHMS, type LabAlgorithm, type LabBurst, type LabInstance, type LabSpec } from './spec';

export const FLEET_PRESETS = ['planned', 'one-slow', 'mixed'] as const;
export type FleetPreset = (typeof FLEET_PRESETS)[number];

export interface TrafficLabOptions {
  /** Master seed (default: the plan's simulation seed). */
  seed?: number;
  /** Simulated minutes per algorithm (default 15). */
  minutes?: number;
  algorithms?: LabAlgorithm[];
  /** Instance speeds: as planned, the last instance at half speed, or alternating full and 0.6 speed. */
  fleet?: FleetPreset;
  /** Explicit relative speeds, one per instance (overrides `fleet`). */
  speeds?: number[];
  /** Fail the first instance a third of the way in (default true). */
  failure?: boolean;
  service?: 'lognormal' | 'exponential';
  /** 'peak' (default) runs at the daily peak of the clients' swing; 'mean' at the mean rate. */
  load?: 'peak' | 'mean';
  burst?: { atMinute: number; minutes: number; multiplier: number };
  /** Overrides the rate that reaches the balancer. */
  ratePerSecond?: number;
  timeoutSeconds?: number;
}

export interface LabFleetInfo {
  id: string;
  name: string;
  instances: number;
  requestSeconds: number;
  requestSecondsFrom: 'plan' | 'catalog';
  capacityRpsPerInstance: number | null;
  concurrencyPerInstance: number;
}

export interface LabContext {
  balancer: { id: string; name: string; algorithm: LabAlgorithm };
  ratePerSecond: number;
  rateFrom: string;
  fleets: LabFleetInfo[];
  notes: string[];
}

/** A balancer id that is not in the plan, or a plan the lab cannot run; the message says which and why. */
export class TrafficLabInputError extends Error {}

export const DEFAULT_LAB_MINUTES = 15;
export const MIN_LAB_MINUTES = 0.05;
/** Requests per algorithm the lab will simulate at most (a few seconds each million on one core). */
export const MAX_LAB_REQUESTS = 3_000_000;

function maxMinutesAt(peakRatePerSecond: number): number {
  const minutes = MAX_LAB_REQUESTS / (peakRatePerSecond * 60);
  return minutes >= 1 ? Math.floor(minutes) : Math.max(MIN_LAB_MINUTES, Math.floor(minutes * 20) / 20);
}

/** The longest run (minutes) the lab accepts for this balancer at its daily peak, capped at `upTo`. */
export function maxLabMinutes(plan: ResolvedPlan, balancerId: string, upTo = 30): number {
  const { spec } = buildLabSpec(plan, balancerId, { failure: false, minutes: MIN_LAB_MINUTES });
  return Math.min(upTo, maxMinutesAt(spec.ratePerSecond * (1 + spec.diurnalSwing)));
}
const WARMUP_SECONDS = 30;

export function balancersOf(plan: ResolvedPlan): ResolvedLoadBalancer[] {
  return plan.nodes.filter((n): n is ResolvedLoadBalancer => n.kind === 'loadBalancer');
}

function findBalancer(plan: ResolvedPlan, balancerId: string): ResolvedLoadBalancer {
  const balancer = balancersOf(plan).find((b) => b.id === balancerId);
  if (balancer) return balancer;
  const ids = balancersOf(plan).map((b) => b.id);
  throw new TrafficLabInputError(
    ids.length === 0
      ? `the plan has no load balancer (the traffic lab needs a node of kind "loadBalancer")`
      : `"${balancerId}" is not a load balancer of this plan; its balancers are: ${ids.join(', ')}`,
  );
}

/**
 * Requests per second reaching `balancerId` with every node up: each clients node's rate follows its
 * traffic edges, split by DNS answers (meaning 7) and by other balancers evenly over their targets.
 * A balancer that only receives traffic after a failover (a DNS secondary) gets the rate it would
 * carry then — the load it must be able to take.
 */
export function rateReachingBalancer(plan: ResolvedPlan, balancerId: string): { perSecond: number; onlyAfterFailover: boolean } {
  const origins = collectOrigins(plan);
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const outgoing = new Map<string, string[]>();
  for (const e of plan.edges) if (e.kind === 'traffic') outgoing.set(e.from, [...(outgoing.get(e.from) ?? []), e.to]);
  const flow = (preferBalancer: boolean): number => {
    let total = 0;
    const send = (nodeId: string, rate: number, origin: number, depth: number): void => {
      if (rate <= 0 || depth > 32) return;
      if (nodeId === balancerId) {
        total += rate;
        return;
      }
      const node = nodes.get(nodeId);
      if (!node) return;
      if (node.kind === 'dns') {
        const record = compileDnsRecord(plan, node, origins.ids);
        const healthy = Uint8Array.from(record.targetIds, (t) => (!preferBalancer || t === balancerId ? 1 : 0));
        const shares = new Float64Array(record.targetIds.length);
        answerFor(record, healthy, origin, shares);
        record.targetIds.forEach((t, k) => send(t, rate * shares[k]!, origin, depth + 1));
        return;
      }
      const targets = outgoing.get(nodeId) ?? [];
      // A balancer splits; any other node passes its whole load to each dependency (meaning 4).
      const share = node.kind === 'loadBalancer' ? 1 / Math.max(1, targets.length) : 1;
      for (const t of targets) send(t, rate * share, origin, depth + 1);
    };
    for (const n of plan.nodes) {
      if (n.kind !== 'clients') continue;
      for (const [origin, share] of origins.byClients.get(n.id) ?? []) {
        for (const t of outgoing.get(n.id) ?? []) send(t, n.requestsPerSecond * share, origin, 0);
      }
    }
    return total;
  };
  const normal = flow(false);
  if (normal > 0) return { perSecond: normal, onlyAfterFailover: false };
  return { perSecond: flow(true), onlyAfterFailover: true };
}

function speedsFor(count: number, options: TrafficLabOptions): number[] {
  if (options.speeds) {
    if (options.speeds.length !== count) {
      throw new TrafficLabInputError(`speeds: give one speed per instance (${count}), got ${options.speeds.length}`);
    }
    options.speeds.forEach((s, i) => {
      if (!(s > 0) || !Number.isFinite(s)) throw new TrafficLabInputError(`speeds[${i}]: must be a positive number (got ${s})`);
    });
    return options.speeds;
  }
  switch (options.fleet ?? 'planned') {
    case 'planned':
      return Array.from({ length: count }, () => 1);
    case 'one-slow':
      // The last instance (not the one that fails) at half speed: an older machine or a noisy neighbour.
      return Array.from({ length: count }, (_, i) => (count > 1 && i === count - 1 ? 0.5 : 1));
    case 'mixed':
      return Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 1 : 0.6));
  }
}

export function buildLabSpec(plan: ResolvedPlan, balancerId: string, options: TrafficLabOptions = {}): { spec: LabSpec; context: LabContext } {
  const balancer = findBalancer(plan, balancerId);
  const notes: string[] = [];
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const targetIds = plan.edges.filter((e) => e.kind === 'traffic' && e.from === balancer.id).map((e) => e.to);
  if (targetIds.length === 0) throw new TrafficLabInputError(`balancer "${balancer.id}" sends traffic nowhere: draw a traffic edge to a gateway or service fleet`);
  const fleets: ResolvedFleet[] = [];
  for (const id of targetIds) {
    const node = nodes.get(id);
    if (node?.kind !== 'gateway' && node?.kind !== 'service') {
      throw new TrafficLabInputError(
        `balancer "${balancer.id}" sends traffic to "${id}", a ${node?.kind ?? 'missing node'}: the traffic lab simulates gateway or service fleets behind a balancer`,
      );
    }
    fleets.push(node);
  }

  const rate = rateReachingBalancer(plan, balancer.id);
  let ratePerSecond = rate.perSecond;
  let rateFrom = rate.onlyAfterFailover ? 'the clients it serves after a DNS failover (it receives none while the primary is healthy)' : "the clients' traffic reaching it";
  if (options.ratePerSecond !== undefined) {
    if (!(options.ratePerSecond > 0)) throw new TrafficLabInputError(`rate: must be a positive number of requests per second (got ${options.ratePerSecond})`);
    ratePerSecond = options.ratePerSecond;
    rateFrom = 'given';
  }
  if (!(ratePerSecond > 0)) throw new TrafficLabInputError(`no clients' traffic reaches balancer "${balancer.id}": connect clients to it (or give a rate)`);

  const meanRate = ratePerSecond;
  const swing = options.load === 'mean' ? 0 : clientsSwing(plan);
  if (swing > 0) notes.push(`Runs at the daily peak: ${fmt(meanRate)} req/s mean × (1 + ${swing}) swing = ${fmt(meanRate * (1 + swing))} req/s.`);

  const instances: LabInstance[] = [];
  const fleetInfo: LabFleetInfo[] = [];
  const count = fleets.reduce((a, f) => a + f.instances, 0);
  const speeds = speedsFor(count, options);
  const peakShare = (meanRate * (1 + swing)) / count;
  for (const fleet of fleets) {
    const requestSeconds = fleet.requestSeconds ?? TRAFFIC_LAB_CATALOG.requestSeconds.value;
    const perInstanceCapacity =
      fleet.capacityRpsPerInstance ?? (fleet.concurrencyLimit !== undefined && fleet.requestSeconds !== undefined ? fleet.concurrencyLimit / fleet.requestSeconds / fleet.instances : undefined);
    let concurrency: number;
    if (perInstanceCapacity === undefined) {
      // Unlimited capacity (meaning 10): enough servers that a request practically never waits.
      concurrency = Math.ceil(peakShare * requestSeconds * 4 + 20);
      notes.push(`${fleet.id} has no capacity figure (unlimited in the failure simulation): the lab gives each instance ${concurrency} concurrent requests, so requests hardly wait.`);
    } else {
      concurrency = Math.max(1, Math.round(perInstanceCapacity * requestSeconds));
      const modelled = concurrency / requestSeconds;
      if (Math.abs(modelled - perInstanceCapacity) > 0.1 * perInstanceCapacity) {
        notes.push(
          `${fleet.id}: capacity × request time = ${fmt(perInstanceCapacity * requestSeconds)} concurrent requests, rounded to ${concurrency}, ` +
            `so each instance serves up to ${fmt(modelled)} req/s instead of ${fmt(perInstanceCapacity)}.`,
        );
      }
    }
    if (fleet.autoscaling) notes.push(`${fleet.id} autoscales; the lab holds it at its ${fleet.instances} starting instances (minutes are too short for scaling to act).`);
    if (fleet.platform === 'serverless') notes.push(`${fleet.id} is serverless: the platform, not this balancer, spreads requests in reality; the lab shows the balancer's algorithms over ${fleet.instances} instance(s).`);
    if (fleet.requestSeconds === undefined) notes.push(`${fleet.id}: mean request time ${TRAFFIC_LAB_CATALOG.requestSeconds.value * 1000} ms from the catalog (${TRAFFIC_LAB_CATALOG.requestSeconds.flag}); set requestSeconds to use your own.`);
    for (let i = 0; i < fleet.instances; i++) {
      const speed = speeds[instances.length]!;
      instances.push({ id: `${fleet.id}#${i + 1}`, fleetId: fleet.id, concurrency, meanServiceSeconds: requestSeconds / speed, speed });
    }
    fleetInfo.push({
      id: fleet.id,
      name: fleet.name,
      instances: fleet.instances,
      requestSeconds,
      requestSecondsFrom: fleet.requestSeconds === undefined ? 'catalog' : 'plan',
      capacityRpsPerInstance: perInstanceCapacity ?? null,
      concurrencyPerInstance: concurrency,
    });
  }

  const minutes = options.minutes ?? DEFAULT_LAB_MINUTES;
  if (!(minutes >= MIN_LAB_MINUTES && minutes <= 24 * 60)) throw new TrafficLabInputError(`minutes: must be between ${MIN_LAB_MINUTES} and 1440 (got ${minutes})`);
  const peakRate = meanRate * (1 + swing) * Math.max(1, options.burst?.multiplier ?? 1);
  if (peakRate * minutes * 60 > MAX_LAB_REQUESTS) {
    throw new TrafficLabInputError(
      `${fmt(peakRate)} req/s for ${minutes} min would be about ${Math.round((peakRate * minutes * 60) / 1e6)} million requests per algorithm; ` +
        `the lab runs at most ${MAX_LAB_REQUESTS / 1e6} million: use ${maxMinutesAt(peakRate)} minutes or fewer`,
    );
  }
  const durationSeconds = minutes * 60;
  const warmupSeconds = Math.min(WARMUP_SECONDS, durationSeconds / 10);
  const check = balancer.healthCheck;
  const wantFailure = options.failure ?? true;
  let failure: LabSpec['failure'];
  if (wantFailure && count > 1) {
    const atSeconds = Math.max(warmupSeconds, durationSeconds / 3);
    // Down long enough for the check to notice (its slowest detection), else nothing would move.
    const downSeconds = Math.max(durationSeconds / 4, (check.failureThreshold + 1) * check.intervalSeconds);
    failure = { instance: 0, atSeconds, downSeconds, intervalSeconds: check.intervalSeconds, failureThreshold: check.failureThreshold, recoveryThreshold: check.recoveryThreshold };
    if (check.checkers > 1) notes.push(`The balancer's check has ${check.checkers} checkers; the lab detects with one (the balancer acts on its own verdict).`);
  } else if (wantFailure) {
    notes.push('One instance only: no instance failure is played (there is nothing to fail over to).');
  }

  let burst: LabBurst | undefined;
  if (options.burst) {
    const b = options.burst;
    if (!(b.multiplier > 0) || !(b.minutes > 0) || !(b.atMinute >= 0)) throw new TrafficLabInputError('burst: needs atMinute ≥ 0, minutes > 0 and a positive multiplier');
    burst = { atSeconds: b.atMinute * 60, seconds: b.minutes * 60, multiplier: b.multiplier };
  }
  const timeoutSeconds = options.timeoutSeconds ?? TRAFFIC_LAB_CATALOG.timeoutSeconds.value;
  if (!(timeoutSeconds > 0)) throw new TrafficLabInputError(`timeout: must be a positive number of seconds (got ${timeoutSeconds})`);
  const seed = options.seed ?? plan.simulation.seed;
  if (!Number.isInteger(seed)) throw new TrafficLabInputError(`seed: must be a whole number (got ${seed})`);

  const spec: LabSpec = {
    streamSource: `traffic-lab:${balancer.id}`,
    seed,
    replication: 0,
    ratePerSecond: meanRate,
    diurnalSwing: swing,
    // The swing 1 + s·sin(2πt/24 h) peaks at hour 6 (meaning 19).
    startHour: 6,
    burst,
    instances,
    service: options.service === 'exponential' ? { dist: 'exponential' } : { dist: 'lognormal', sigma: TRAFFIC_LAB_CATALOG.requestTimeLogSigma.value },
    clientCount: TRAFFIC_LAB_CATALOG.clientAddresses.value,
    clientActivitySigma: TRAFFIC_LAB_CATALOG.clientActivityLogSigma.value,
    timeoutSeconds,
    durationSeconds,
    warmupSeconds,
    failure,
  };
  const algorithm = balancer.algorithm;
  if (!LAB_ALGORITHMS.includes(algorithm)) throw new TrafficLabInputError(`balancer "${balancer.id}": unknown algorithm "${algorithm}"`);
  return {
    spec,
    context: { balancer: { id: balancer.id, name: balancer.name, algorithm }, ratePerSecond: meanRate, rateFrom, fleets: fleetInfo, notes },
  };
}

/**
 * The clients' swing weighted by their rates: every swing peaks at hour 6 (meaning 19), so the summed
 * load peaks there at Σ rate·(1 + swing).
 */
function clientsSwing(plan: ResolvedPlan): number {
  let rate = 0;
  let swung = 0;
  for (const n of plan.nodes) {
    if (n.kind !== 'clients') continue;
    rate += n.requestsPerSecond;
    swung += n.requestsPerSecond * n.diurnalSwing;
  }
  return rate > 0 ? swung / rate : 0;
}

function fmt(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toPrecision(3);
}
