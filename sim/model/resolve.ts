/**
 * Fills a valid plan's omitted fields with the catalog's values, so the engine, cost model and
 * inspector all read one complete document. PLAN-FORMAT meaning 1: a default is a value, never an
 * extra mechanism (no health check, autoscaling, restart or monitor appears that the plan lacks).
 * Imports only sim/model and sim/catalog.
 */
import { CATALOG } from '../catalog';
import { promotionSuccessProbability, type BackupDefaults } from '../catalog/data';
import type {
  AutoscalingSchema,
  BackupNode,
  ClientsNode,
  DatastoreNode,
  Distribution,
  DnsNode,
  DnsPolicy,
  FleetNode,
  LbAlgorithm,
  LoadBalancerNode,
  MonitorNode,
  Objectives,
  OutageProcess,
  Plan,
  PlanNode,
  Platform,
  Provider,
  Reliability,
  ReplicationEdge,
  TrafficEdge,
  CommonCause,
  Scenario,
} from './schema';
import type { z } from 'zod';

export interface ResolvedHealthCheck {
  intervalSeconds: number;
  failureThreshold: number;
  recoveryThreshold: number;
  checkers: number;
  propagationSeconds: number;
  deep: boolean;
  /** People switch on the monitor's delays instead of checkers (PLAN-FORMAT meaning 21); always false on balancers. */
  manual: boolean;
}

export interface ResolvedRegion {
  id: string;
  name: string;
  provider: Provider;
  code: string | undefined;
  zones: number;
  location: { lat: number; lon: number } | undefined;
  outage: OutageProcess | null;
  zoneOutage: OutageProcess | null;
}

interface ResolvedBase {
  id: string;
  name: string;
  region: string | undefined;
  zone: number | undefined;
}

export type ResolvedClients = ResolvedBase &
  Pick<ClientsNode, 'kind'> & { requestsPerSecond: number; writeFraction: number; diurnalSwing: number; origins: Record<string, number> };

export type ResolvedDns = ResolvedBase &
  Pick<DnsNode, 'kind' | 'targets'> & {
    policy: DnsPolicy;
    ttlSeconds: number;
    ttlViolationFraction: number;
    ttlViolationSeconds: number;
    healthCheck: ResolvedHealthCheck;
    reliability: Reliability;
  };

export type ResolvedLoadBalancer = ResolvedBase &
  Pick<LoadBalancerNode, 'kind'> & { algorithm: LbAlgorithm; scope: 'regional' | 'global'; healthCheck: ResolvedHealthCheck; reliability: Reliability };

export interface ResolvedProbes {
  liveness: { periodSeconds: number; failureThreshold: number };
  readiness: { periodSeconds: number; failureThreshold: number } | undefined;
  restartSeconds: number;
}

export type ResolvedFleet = ResolvedBase &
  Pick<FleetNode, 'kind'> & {
    platform: Platform;
    instances: number;
    /** undefined: unlimited capacity (PLAN-FORMAT meaning 10). */
    capacityRpsPerInstance: number | undefined;
    autoscaling: (z.infer<typeof AutoscalingSchema> & { reactionSeconds: number; launchSeconds: number }) | undefined;
    probes: ResolvedProbes | undefined;
    concurrencyLimit: number | undefined;
    requestSeconds: number | undefined;
    scaleUpPerMinute: number | undefined;
    reliability: Reliability;
  };

export type ResolvedDatastore = ResolvedBase &
  Pick<DatastoreNode, 'kind'> & {
    engine: string;
    failureLosesData: boolean;
    promotion: { automatic: boolean; detectionSeconds: number; seconds: number; successProbability: number };
    reliability: Reliability;
  };

export type ResolvedBackup = ResolvedBase &
  Pick<BackupNode, 'kind' | 'of'> &
  BackupDefaults & { reliability: Reliability | undefined };

export type ResolvedMonitor = ResolvedBase &
  Pick<MonitorNode, 'kind'> & { detectionMinutes: Distribution; responseMinutes: Distribution; reliability: Reliability | undefined };

export type ResolvedNode =
  | ResolvedClients
  | ResolvedDns
  | ResolvedLoadBalancer
  | ResolvedFleet
  | ResolvedDatastore
  | ResolvedBackup
  | ResolvedMonitor;

export type ResolvedReplicationEdge = ReplicationEdge & { lagSeconds: Distribution };
export type ResolvedEdge = TrafficEdge | ResolvedReplicationEdge;

/** How humans recover when automation does not: the plan's monitor, or the catalog's "unmonitored" delays. */
export interface ManualRecovery {
  monitorId: string | undefined;
  detectionMinutes: Distribution;
  responseMinutes: Distribution;
}

export interface ResolvedPlan {
  schemaVersion: number;
  name: string;
  regions: ResolvedRegion[];
  nodes: ResolvedNode[];
  edges: ResolvedEdge[];
  commonCauses: CommonCause[];
  scenarios: Scenario[];
  practices: { drillsPerYear: number };
  objectives: Objectives & { exceedanceMax: number };
  simulation: { horizonYears: number; replications: number; seed: number };
  manualRecovery: ManualRecovery;
}

/** Defaults that are product choices rather than catalog figures (documented in the README). */
export const PLAN_DEFAULTS = {
  clientsRequestsPerSecond: 100,
  clientsWriteFraction: 0.1,
  horizonYears: 10,
  replications: 100,
  seed: 1,
  exceedanceMax: 0.05,
  autoscalingReactionSeconds: 60,
  autoscalingLaunchSeconds: 90,
} as const;

function resolveHealthCheck(given: Partial<ResolvedHealthCheck> | undefined, defaults: Omit<ResolvedHealthCheck, 'deep' | 'manual'>): ResolvedHealthCheck {
  return {
    intervalSeconds: given?.intervalSeconds ?? defaults.intervalSeconds,
    failureThreshold: given?.failureThreshold ?? defaults.failureThreshold,
    recoveryThreshold: given?.recoveryThreshold ?? defaults.recoveryThreshold,
    checkers: given?.checkers ?? defaults.checkers,
    propagationSeconds: given?.propagationSeconds ?? defaults.propagationSeconds,
    deep: given?.deep ?? false,
    manual: given?.manual ?? false,
  };
}

/**
 * Looks a user-written key up in a catalog table. Own properties only: an engine named
 * "constructor" or a region coded "toString" must find nothing, not Object.prototype's members.
 */
function lookup<T>(table: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

function regionCode(plan: Plan, regionId: string | undefined): string | undefined {
  return regionId === undefined ? undefined : plan.regions.find((r) => r.id === regionId)?.code;
}

function fleetReliability(plan: Plan, node: FleetNode, platform: Platform): Reliability {
  if (node.reliability) return node.reliability;
  if (platform === 'serverless') {
    const code = regionCode(plan, node.region);
    const byCode = lookup(CATALOG.reliability.serverlessByCode, code);
    if (byCode) return byCode.value;
  }
  return CATALOG.reliability.platform[platform].value;
}

function resolveNode(plan: Plan, node: PlanNode, drillsPerYear: number): ResolvedNode {
  // The shared fields are written out in each literal below: V8 (Node 20) builds `{ ...base, many
  // more fields }` through a slow path, about 50 µs a node, so a 100,000-node plan took seconds.
  const base: ResolvedBase = { id: node.id, name: node.name ?? node.id, region: node.region, zone: node.zone };
  switch (node.kind) {
    case 'clients':
      return {
        id: base.id,
        name: base.name,
        region: base.region,
        zone: base.zone,
        kind: 'clients',
        requestsPerSecond: node.requestsPerSecond ?? PLAN_DEFAULTS.clientsRequestsPerSecond,
        writeFraction: node.writeFraction ?? PLAN_DEFAULTS.clientsWriteFraction,
        diurnalSwing: node.diurnalSwing ?? 0,
        origins: node.origins ?? {},
      };
    case 'dns':
      return {
        id: base.id,
        name: base.name,
        region: base.region,
        zone: base.zone,
        kind: 'dns',
        targets: node.targets,
        policy: node.policy ?? 'simple',
        ttlSeconds: node.ttlSeconds ?? CATALOG.dns.ttlSeconds.value,
        ttlViolationFraction: node.ttlViolationFraction ?? CATALOG.dns.ttlViolationFraction.value,
        ttlViolationSeconds: node.ttlViolationSeconds ?? CATALOG.dns.ttlViolationSeconds.value,
        healthCheck: resolveHealthCheck(node.healthCheck, CATALOG.healthCheck.route53.value),
        reliability: node.reliability ?? CATALOG.reliability.dns.value,
      };
    case 'loadBalancer':
      return {
        id: base.id,
        name: base.name,
        region: base.region,
        zone: base.zone,
        kind: 'loadBalancer',
        algorithm: node.algorithm ?? 'round-robin',
        scope: node.scope ?? 'regional',
        healthCheck: resolveHealthCheck(node.healthCheck, CATALOG.healthCheck.alb.value),
        reliability: node.reliability ?? CATALOG.reliability.loadBalancer.value,
      };
    case 'gateway':
    case 'service': {
      const platform = node.platform ?? 'vm';
      const probes = node.probes;
      return {
        id: base.id,
        name: base.name,
        region: base.region,
        zone: base.zone,
        kind: node.kind,
        platform,
        instances: node.instances ?? node.autoscaling?.min ?? 1,
        capacityRpsPerInstance: node.capacityRpsPerInstance,
        autoscaling: node.autoscaling && {
          ...node.autoscaling,
          reactionSeconds: node.autoscaling.reactionSeconds ?? PLAN_DEFAULTS.autoscalingReactionSeconds,
          launchSeconds: node.autoscaling.launchSeconds ?? PLAN_DEFAULTS.autoscalingLaunchSeconds,
        },
        // Probes exist only when the plan asks for them; their unset numbers take Kubernetes' defaults.
        probes: probes && {
          liveness: probes.liveness ?? CATALOG.healthCheck.kubernetesProbe.value,
          readiness: probes.readiness,
          restartSeconds: probes.restartSeconds ?? CATALOG.healthCheck.podRestartSeconds.value,
        },
        concurrencyLimit: node.concurrencyLimit,
        requestSeconds: node.requestSeconds,
        scaleUpPerMinute: node.scaleUpPerMinute,
        reliability: fleetReliability(plan, node, platform),
      };
    }
    case 'datastore': {
      const engine = node.engine ?? 'generic';
      const automatic = CATALOG.data.promotion.automatic.value;
      const byEngine = lookup(CATALOG.data.promotion.secondsByEngine, engine);
      return {
        id: base.id,
        name: base.name,
        region: base.region,
        zone: base.zone,
        kind: 'datastore',
        engine,
        failureLosesData: node.failureLosesData ?? false,
        promotion: {
          // Manual unless the plan says otherwise: automation is a mechanism, not a value.
          automatic: node.promotion?.automatic ?? false,
          detectionSeconds: node.promotion?.detectionSeconds ?? automatic.detectionSeconds,
          seconds: node.promotion?.seconds ?? byEngine?.value ?? automatic.seconds,
          successProbability: node.promotion?.successProbability ?? promotionSuccessProbability(drillsPerYear),
        },
        reliability: node.reliability ?? (lookup(CATALOG.reliability.datastoreByEngine, engine) ?? CATALOG.reliability.datastore).value,
      };
    }
    case 'backup': {
      const d = CATALOG.data.backup.value;
      return {
        id: base.id,
        name: base.name,
        region: base.region,
        zone: base.zone,
        kind: 'backup',
        of: node.of,
        intervalHours: node.intervalHours ?? d.intervalHours,
        restoreHours: node.restoreHours ?? d.restoreHours,
        copies: node.copies ?? d.copies,
        media: node.media ?? d.media,
        offsite: node.offsite ?? d.offsite,
        restoreFailureProbability: node.restoreFailureProbability ?? d.restoreFailureProbability,
        reliability: node.reliability,
      };
    }
    case 'monitor': {
      const d = CATALOG.monitoring.monitored.value;
      return {
        id: base.id,
        name: base.name,
        region: base.region,
        zone: base.zone,
        kind: 'monitor',
        detectionMinutes: node.detectionMinutes ?? d.detectionMinutes,
        responseMinutes: node.responseMinutes ?? d.responseMinutes,
        reliability: node.reliability,
      };
    }
  }
}

function resolveRegion(region: Plan['regions'][number]): ResolvedRegion {
  const code = region.code;
  const outageByCode = lookup(CATALOG.region.outage.byCode, code);
  return {
    id: region.id,
    name: region.name ?? code ?? region.id,
    provider: region.provider ?? 'generic',
    code,
    zones: region.zones ?? CATALOG.region.zones.value,
    location: region.location ?? lookup(CATALOG.region.locations, code),
    outage: region.outage === undefined ? (outageByCode ?? CATALOG.region.outage.generic).value : region.outage,
    zoneOutage: region.zoneOutage === undefined ? CATALOG.region.zoneOutage.value : region.zoneOutage,
  };
}

function replicationLag(plan: Plan, edge: ReplicationEdge): Distribution {
  if (edge.lagSeconds) return edge.lagSeconds;
  const from = plan.nodes.find((n) => n.id === edge.from);
  const engine = from?.kind === 'datastore' ? (from.engine ?? 'generic') : 'generic';
  const lags = CATALOG.data.replicationLagSeconds;
  return (lookup(lags, engine) ?? lags.generic)!.value;
}

/** The plan with every omitted value filled in from the catalog. Assumes a plan that validated. */
export function resolvePlan(plan: Plan): ResolvedPlan {
  const drillsPerYear = plan.practices?.drillsPerYear ?? 0;
  const nodes = plan.nodes.map((n) => resolveNode(plan, n, drillsPerYear));
  const monitor = nodes.find((n): n is ResolvedMonitor => n.kind === 'monitor');
  const unmonitored = CATALOG.monitoring.unmonitored.value;
  return {
    schemaVersion: plan.schemaVersion,
    name: plan.name,
    regions: plan.regions.map(resolveRegion),
    nodes,
    edges: plan.edges.map((e) => (e.kind === 'replication' ? { ...e, lagSeconds: replicationLag(plan, e) } : e)),
    commonCauses: plan.commonCauses ?? [],
    scenarios: plan.scenarios ?? [],
    practices: { drillsPerYear },
    objectives: { ...plan.objectives, exceedanceMax: plan.objectives?.exceedanceMax ?? PLAN_DEFAULTS.exceedanceMax },
    simulation: {
      horizonYears: plan.simulation?.horizonYears ?? PLAN_DEFAULTS.horizonYears,
      replications: plan.simulation?.replications ?? PLAN_DEFAULTS.replications,
      seed: plan.simulation?.seed ?? PLAN_DEFAULTS.seed,
    },
    manualRecovery: monitor
      ? { monitorId: monitor.id, detectionMinutes: monitor.detectionMinutes, responseMinutes: monitor.responseMinutes }
      : { monitorId: undefined, detectionMinutes: unmonitored.detectionMinutes, responseMinutes: unmonitored.responseMinutes },
  };
}
