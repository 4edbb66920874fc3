// sim/entry/pools/loadSimjsNode.ts
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { runInThisContext } from "node:vm";

// sim/engine/simjs.ts
var installed;
var calendarEntityClass;
function installSimjs(namespace) {
  if (typeof namespace?.Sim !== "function" || typeof namespace.Entity !== "function") {
    throw new Error("installSimjs: this is not the simjs namespace (expected Sim and Entity constructors)");
  }
  if (installed === namespace) return;
  installed = namespace;
  calendarEntityClass = class CalendarEntity extends namespace.Entity {
    start() {
    }
  };
}
function getSimjs() {
  if (!installed) throw new Error("simjs is not loaded: an entry point must call installSimjs() first");
  return installed;
}
var EventCalendar = class {
  constructor(horizonSeconds, target) {
    this.horizonSeconds = horizonSeconds;
    this.target = target;
    const ns = getSimjs();
    this.sim = new ns.Sim();
    this.entity = this.sim.addEntity(calendarEntityClass);
  }
  horizonSeconds;
  target;
  // simjs writes these three on the callback context around every call; declaring them keeps one shape.
  callbackSource = null;
  callbackMessage = null;
  callbackData = null;
  /** Timers delivered so far (each one simjs event). */
  delivered = 0;
  entity;
  sim;
  ran = false;
  now() {
    return this.sim.time();
  }
  /** Schedules `code` after `delaySeconds`; timers beyond the horizon (or never) are not stored at all. */
  schedule(delaySeconds, code) {
    if (!(this.sim.time() + delaySeconds <= this.horizonSeconds)) return;
    this.entity.setTimer(delaySeconds).done(deliver, this, code + 1);
  }
  /** Runs every stored timer up to the horizon. Once only: simjs cannot resume a finished run. */
  run() {
    if (this.ran) throw new Error("EventCalendar.run: a calendar runs once (one Sim per replication)");
    this.ran = true;
    this.sim.simulate(this.horizonSeconds);
  }
  /** @internal called by `deliver` */
  fire(codePlusOne) {
    this.delivered++;
    this.target.onTimer(codePlusOne - 1);
  }
};
function deliver(codePlusOne) {
  this.fire(codePlusOne);
}

// sim/entry/pools/loadSimjsNode.ts
var loaded;
function loadSimjsNode() {
  if (loaded) return loaded;
  const file = createRequire(import.meta.url).resolve("simjs");
  const source = readFileSync(file, "utf8");
  const wrapped = runInThisContext(`(function (window) {
${source}
})`, { filename: file });
  const localWindow = {};
  wrapped(localWindow);
  if (!localWindow.Sim) throw new Error(`simjs did not define window.Sim (loaded from ${file})`);
  loaded = localWindow.Sim;
  installSimjs(loaded);
  return loaded;
}

// sim/model/schema.ts
import { z } from "zod";
var SCHEMA_VERSION = 1;
var id = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, "-", "_" or "." and start with a letter or digit');
var positive = z.number().positive();
var nonNegative = z.number().nonnegative();
var probability = z.number().min(0).max(1);
var positiveInt = z.number().int().min(1);
var nonNegativeInt = z.number().int().min(0);
var PositionSchema = z.strictObject({ x: z.number(), y: z.number() });
var SizeSchema = z.strictObject({ width: positive, height: positive });
var ExponentialSchema = z.strictObject({ dist: z.literal("exponential"), mean: positive });
var WeibullSchema = z.strictObject({ dist: z.literal("weibull"), shape: positive, scale: positive });
var LognormalSchema = z.strictObject({ dist: z.literal("lognormal"), median: positive, sigma: nonNegative });
var FixedSchema = z.strictObject({ dist: z.literal("fixed"), value: nonNegative });
var UniformSchema = z.strictObject({ dist: z.literal("uniform"), min: nonNegative, max: nonNegative }).refine((u) => u.max >= u.min, { message: "max must be at least min", path: ["max"] });
var NeverSchema = z.strictObject({ dist: z.literal("never") });
var DistributionSchema = z.discriminatedUnion("dist", [
  ExponentialSchema,
  WeibullSchema,
  LognormalSchema,
  FixedSchema,
  UniformSchema,
  NeverSchema
]);
var ReliabilitySchema = z.strictObject({
  timeToFailureHours: DistributionSchema,
  timeToRepairHours: DistributionSchema
});
var MAX_OUTAGES_PER_YEAR = 525600;
var MAX_SCENARIO_HOURS = 876e6;
var MAX_NODES = 1e5;
var MAX_EDGES = 2e5;
var MAX_FLEET_INSTANCES = 1e4;
var OutageProcessSchema = z.strictObject({
  ratePerYear: nonNegative.max(MAX_OUTAGES_PER_YEAR),
  durationHours: DistributionSchema
});
var PROVIDERS = ["aws", "azure", "gcp", "generic"];
var RegionSchema = z.strictObject({
  id,
  name: z.string().optional(),
  provider: z.enum(PROVIDERS).optional(),
  code: z.string().optional(),
  zones: z.number().int().min(1).max(12).optional(),
  location: z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  outage: OutageProcessSchema.nullable().optional(),
  zoneOutage: OutageProcessSchema.nullable().optional(),
  position: PositionSchema.optional(),
  size: SizeSchema.optional(),
  notes: z.string().optional()
});
var nodeBase = {
  id,
  name: z.string().optional(),
  region: id.optional(),
  zone: nonNegativeInt.optional(),
  position: PositionSchema.optional(),
  notes: z.string().optional(),
  reliability: ReliabilitySchema.optional()
};
var HealthCheckSchema = z.strictObject({
  intervalSeconds: positive.optional(),
  failureThreshold: positiveInt.optional(),
  recoveryThreshold: positiveInt.optional(),
  checkers: positiveInt.max(64).optional(),
  propagationSeconds: nonNegative.optional(),
  deep: z.boolean().optional()
});
var DnsHealthCheckSchema = HealthCheckSchema.extend({ manual: z.boolean().optional() });
var ClientsSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal("clients"),
  requestsPerSecond: positive.optional(),
  writeFraction: probability.optional(),
  diurnalSwing: z.number().min(0).max(1).optional(),
  origins: z.record(id, probability).optional()
});
var DNS_POLICIES = ["simple", "failover", "weighted", "latency", "geo"];
var DnsTargetSchema = z.strictObject({
  node: id,
  role: z.enum(["primary", "secondary"]).optional(),
  weight: nonNegative.optional(),
  origins: z.array(id).optional(),
  default: z.boolean().optional()
});
var DnsSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal("dns"),
  policy: z.enum(DNS_POLICIES).optional(),
  ttlSeconds: nonNegative.optional(),
  ttlViolationFraction: probability.optional(),
  ttlViolationSeconds: nonNegative.optional(),
  healthCheck: DnsHealthCheckSchema.optional(),
  targets: z.array(DnsTargetSchema).min(1)
});
var LB_ALGORITHMS = ["round-robin", "least-connections", "ip-hash"];
var LoadBalancerSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal("loadBalancer"),
  algorithm: z.enum(LB_ALGORITHMS).optional(),
  scope: z.enum(["regional", "global"]).optional(),
  healthCheck: HealthCheckSchema.optional()
});
var PLATFORMS = ["vm", "container", "serverless"];
var AutoscalingSchema = z.strictObject({
  min: nonNegativeInt,
  // The same ceiling as a fixed fleet's instances: the autoscaler allocates a slot per possible instance.
  max: positiveInt.max(MAX_FLEET_INSTANCES),
  targetUtilization: z.number().gt(0).max(1),
  reactionSeconds: nonNegative.optional(),
  launchSeconds: nonNegative.optional()
}).refine((a) => a.max >= a.min, { message: "max must be at least min", path: ["max"] });
var ProbeSchema = z.strictObject({ periodSeconds: positive, failureThreshold: positiveInt });
var ProbesSchema = z.strictObject({
  liveness: ProbeSchema.optional(),
  readiness: ProbeSchema.optional(),
  restartSeconds: nonNegative.optional()
});
var fleetFields = {
  ...nodeBase,
  platform: z.enum(PLATFORMS).optional(),
  instances: positiveInt.max(MAX_FLEET_INSTANCES).optional(),
  capacityRpsPerInstance: positive.optional(),
  autoscaling: AutoscalingSchema.optional(),
  probes: ProbesSchema.optional(),
  concurrencyLimit: positiveInt.optional(),
  requestSeconds: positive.optional(),
  scaleUpPerMinute: positive.optional()
};
var GatewaySchema = z.strictObject({ ...fleetFields, kind: z.literal("gateway") });
var ServiceSchema = z.strictObject({ ...fleetFields, kind: z.literal("service") });
var PromotionSchema = z.strictObject({
  automatic: z.boolean().optional(),
  detectionSeconds: nonNegative.optional(),
  seconds: nonNegative.optional(),
  successProbability: probability.optional()
});
var DatastoreSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal("datastore"),
  engine: z.string().min(1).optional(),
  failureLosesData: z.boolean().optional(),
  promotion: PromotionSchema.optional()
});
var BackupSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal("backup"),
  of: id,
  intervalHours: positive.optional(),
  restoreHours: DistributionSchema.optional(),
  copies: positiveInt.optional(),
  media: positiveInt.optional(),
  offsite: z.boolean().optional(),
  restoreFailureProbability: z.number().min(0).lt(1).optional()
});
var MonitorSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal("monitor"),
  detectionMinutes: DistributionSchema.optional(),
  responseMinutes: DistributionSchema.optional()
});
var NodeSchema = z.discriminatedUnion("kind", [
  ClientsSchema,
  DnsSchema,
  LoadBalancerSchema,
  GatewaySchema,
  ServiceSchema,
  DatastoreSchema,
  BackupSchema,
  MonitorSchema
]);
var EDGE_SIDES = ["top", "right", "bottom", "left"];
var edgeDrawing = {
  label: z.string().max(80).optional(),
  fromSide: z.enum(EDGE_SIDES).optional(),
  toSide: z.enum(EDGE_SIDES).optional()
};
var TrafficEdgeSchema = z.strictObject({
  id: z.string().optional(),
  kind: z.literal("traffic"),
  from: id,
  to: id,
  ...edgeDrawing
});
var REPLICATION_MODES = ["sync", "async", "multiwriter"];
var ReplicationEdgeSchema = z.strictObject({
  id: z.string().optional(),
  kind: z.literal("replication"),
  from: id,
  to: id,
  mode: z.enum(REPLICATION_MODES),
  lagSeconds: DistributionSchema.optional(),
  ...edgeDrawing
});
var EdgeSchema = z.discriminatedUnion("kind", [TrafficEdgeSchema, ReplicationEdgeSchema]);
var CommonCauseSchema = z.strictObject({
  id,
  name: z.string().optional(),
  ratePerYear: nonNegative.max(MAX_OUTAGES_PER_YEAR),
  durationHours: DistributionSchema,
  affects: z.array(id).min(1)
});
var ScenarioFailSchema = z.union([
  z.strictObject({ region: id }),
  z.strictObject({ zone: z.strictObject({ region: id, zone: nonNegativeInt }) }),
  z.strictObject({ node: id }),
  z.strictObject({ commonCause: id })
]);
var ScenarioSchema = z.strictObject({
  id,
  name: z.string().optional(),
  atHours: nonNegative.max(MAX_SCENARIO_HOURS),
  durationHours: positive.max(MAX_SCENARIO_HOURS),
  fail: ScenarioFailSchema
});
var PracticesSchema = z.strictObject({ drillsPerYear: nonNegative.max(365).optional() });
var ObjectivesSchema = z.strictObject({
  availability: z.number().gt(0).lt(1).optional(),
  rtoSeconds: positive.optional(),
  rpoSeconds: nonNegative.optional(),
  exceedanceMax: probability.optional(),
  monthlyBudgetUsd: nonNegative.optional(),
  downtimeCostUsdPerMinute: nonNegative.optional()
});
var SimulationSettingsSchema = z.strictObject({
  horizonYears: positive.max(1e5).optional(),
  replications: positiveInt.max(1e6).optional(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional()
});
var CostSettingsSchema = z.strictObject({
  /** Fully loaded cost of an engineering hour (strategy effort and drills). */
  engineeringUsdPerHour: nonNegative.optional(),
  /** Replacement values for catalog prices, by rate-card key. */
  prices: z.record(z.string().min(1), nonNegative).optional(),
  /** Replacement values for the cost model's usage assumptions, by rate-card key. */
  assumptions: z.record(z.string().min(1), nonNegative).optional(),
  /** A fixed monthly price for a node, replacing its computed lines (the way to price azure, gcp or generic nodes). */
  nodeUsdPerMonth: z.record(id, nonNegative).optional()
});
var VariantSchema = z.strictObject({
  name: z.string().min(1).max(120),
  description: z.string().optional(),
  patch: z.array(
    z.strictObject({
      op: z.enum(["add", "remove", "replace", "move", "copy", "test"]),
      path: z.string().refine((p) => p === "" || p.startsWith("/"), 'a JSON Pointer starts with "/"').refine((p) => !/^\/variants(\/|$)/.test(p), "a variant cannot change the variants"),
      value: z.unknown().optional(),
      from: z.string().optional()
    })
  ).max(1e3)
});
var PlanSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: z.string().min(1),
  description: z.string().optional(),
  regions: z.array(RegionSchema).default([]),
  nodes: z.array(NodeSchema).max(MAX_NODES),
  edges: z.array(EdgeSchema).max(MAX_EDGES).default([]),
  commonCauses: z.array(CommonCauseSchema).optional(),
  scenarios: z.array(ScenarioSchema).optional(),
  practices: PracticesSchema.optional(),
  objectives: ObjectivesSchema.optional(),
  simulation: SimulationSettingsSchema.optional(),
  cost: CostSettingsSchema.optional(),
  variants: z.array(VariantSchema).max(50).refine((vs) => new Set(vs.map((v) => v.name)).size === vs.length, "variant names must be unique").optional()
});

// sim/templates/backup-restore.plan.json
var backup_restore_plan_default = {
  schemaVersion: 1,
  name: "Backup and restore",
  description: "The cheapest DR tier: one gateway VM and one database, protected only by nightly 3-2-1 backups restored by hand.",
  regions: [
    {
      id: "use1",
      name: "US East (N. Virginia)",
      provider: "aws",
      code: "us-east-1",
      zones: 3,
      location: { lat: 38.9, lon: -77.4 },
      outage: { ratePerYear: 0.6, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 40, y: 180 },
      size: { width: 420, height: 280 }
    }
  ],
  nodes: [
    {
      id: "users",
      kind: "clients",
      name: "Users",
      requestsPerSecond: 100,
      writeFraction: 0.1,
      diurnalSwing: 0.3,
      origins: { use1: 1 },
      position: { x: 156, y: 40 }
    },
    {
      id: "gw",
      kind: "gateway",
      name: "Gateway VM",
      region: "use1",
      platform: "vm",
      instances: 1,
      capacityRpsPerInstance: 250,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 175200 },
        timeToRepairHours: { dist: "lognormal", median: 0.13333333333333333, sigma: 0.5 }
      },
      position: { x: 156, y: 244 }
    },
    {
      id: "db",
      kind: "datastore",
      name: "PostgreSQL",
      region: "use1",
      zone: 0,
      engine: "postgres",
      failureLosesData: true,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 87600 },
        timeToRepairHours: { dist: "lognormal", median: 1, sigma: 1 }
      },
      position: { x: 156, y: 364 },
      notes: "A failure loses the disk: the service comes back only from a restore."
    },
    {
      id: "nightly",
      kind: "backup",
      name: "Nightly snapshots (3 copies, 2 media, 1 off-site)",
      of: "db",
      intervalHours: 24,
      restoreHours: { dist: "lognormal", median: 4, sigma: 1 },
      copies: 3,
      media: 2,
      offsite: true,
      restoreFailureProbability: 0.05,
      position: { x: 156, y: 540 }
    }
  ],
  edges: [{ kind: "traffic", from: "users", to: "gw" }, { kind: "traffic", from: "gw", to: "db" }],
  scenarios: [
    {
      id: "fail-database",
      name: "The database fails for 1 hour",
      atHours: 240,
      durationHours: 1,
      fail: { node: "db" }
    }
  ],
  objectives: {
    availability: 0.99,
    rtoSeconds: 86400,
    rpoSeconds: 86400,
    monthlyBudgetUsd: 300,
    downtimeCostUsdPerMinute: 10
  },
  simulation: { horizonYears: 10, replications: 100, seed: 42 }
};

// sim/templates/kubernetes-containers.plan.json
var kubernetes_containers_plan_default = {
  schemaVersion: 1,
  name: "Kubernetes containers",
  description: "A gateway and a backend service as pods on a three-zone cluster: liveness probes restart them, readiness probes drain them, the HPA scales them.",
  regions: [
    {
      id: "use1",
      name: "US East (N. Virginia)",
      provider: "aws",
      code: "us-east-1",
      zones: 3,
      location: { lat: 38.9, lon: -77.4 },
      outage: { ratePerYear: 0.6, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 40, y: 180 },
      size: { width: 420, height: 640 }
    }
  ],
  nodes: [
    {
      id: "users",
      kind: "clients",
      name: "Users",
      requestsPerSecond: 600,
      writeFraction: 0.1,
      diurnalSwing: 0.3,
      origins: { use1: 1 },
      position: { x: 156, y: 40 }
    },
    {
      id: "ingress",
      kind: "loadBalancer",
      name: "Ingress ALB",
      region: "use1",
      algorithm: "least-connections",
      scope: "regional",
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 2,
        recoveryThreshold: 5,
        checkers: 1,
        propagationSeconds: 0
      },
      position: { x: 156, y: 244 }
    },
    {
      id: "gw",
      kind: "gateway",
      name: "Gateway pods",
      region: "use1",
      platform: "container",
      instances: 6,
      capacityRpsPerInstance: 300,
      autoscaling: { min: 6, max: 30, targetUtilization: 0.6, reactionSeconds: 30, launchSeconds: 45 },
      probes: {
        liveness: { periodSeconds: 10, failureThreshold: 3 },
        readiness: { periodSeconds: 10, failureThreshold: 3 },
        restartSeconds: 45
      },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 4380 },
        timeToRepairHours: { dist: "lognormal", median: 0.1, sigma: 0.7 }
      },
      position: { x: 156, y: 364 },
      notes: "HPA: scale out at 60 % CPU; a new pod serves ~45 s after the decision."
    },
    {
      id: "orders-svc",
      kind: "loadBalancer",
      name: "orders Service (kube-proxy)",
      region: "use1",
      algorithm: "round-robin",
      scope: "regional",
      healthCheck: {
        intervalSeconds: 10,
        failureThreshold: 3,
        recoveryThreshold: 1,
        checkers: 1,
        propagationSeconds: 2
      },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 43800 },
        timeToRepairHours: { dist: "lognormal", median: 2, sigma: 1 }
      },
      position: { x: 156, y: 484 },
      notes: "The Service's endpoints follow the pods' readiness probes (10 s \xD7 3)."
    },
    {
      id: "orders",
      kind: "service",
      name: "orders service pods",
      region: "use1",
      platform: "container",
      instances: 4,
      capacityRpsPerInstance: 500,
      autoscaling: { min: 4, max: 20, targetUtilization: 0.6, reactionSeconds: 30, launchSeconds: 45 },
      probes: {
        liveness: { periodSeconds: 10, failureThreshold: 3 },
        readiness: { periodSeconds: 10, failureThreshold: 3 },
        restartSeconds: 45
      },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 4380 },
        timeToRepairHours: { dist: "lognormal", median: 0.1, sigma: 0.7 }
      },
      position: { x: 156, y: 604 },
      notes: "Backend the gateway calls on every request."
    },
    {
      id: "db",
      kind: "datastore",
      name: "Aurora cluster (3 zones)",
      region: "use1",
      engine: "aurora",
      failureLosesData: false,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 87600 },
        timeToRepairHours: { dist: "lognormal", median: 0.016666666666666666, sigma: 0.5 }
      },
      position: { x: 156, y: 724 },
      notes: "In-cluster failover to a reader is the repair (about a minute)."
    },
    {
      id: "ops",
      kind: "monitor",
      name: "Prometheus + Alertmanager + on-call",
      detectionMinutes: { dist: "uniform", min: 1, max: 5 },
      responseMinutes: { dist: "lognormal", median: 25, sigma: 0.5 },
      position: { x: 416, y: 40 }
    }
  ],
  edges: [
    { kind: "traffic", from: "users", to: "ingress" },
    { kind: "traffic", from: "ingress", to: "gw" },
    { kind: "traffic", from: "gw", to: "orders-svc" },
    { kind: "traffic", from: "orders-svc", to: "orders" },
    { kind: "traffic", from: "orders", to: "db" }
  ],
  scenarios: [
    {
      id: "lose-zone",
      name: "Lose zone 0 of us-east-1 for 2 hours",
      atHours: 240,
      durationHours: 2,
      fail: { zone: { region: "use1", zone: 0 } }
    }
  ],
  objectives: { availability: 0.9995, rtoSeconds: 300, monthlyBudgetUsd: 9500, downtimeCostUsdPerMinute: 200 },
  simulation: { horizonYears: 10, replications: 100, seed: 42 }
};

// sim/templates/multi-az.plan.json
var multi_az_plan_default = {
  schemaVersion: 1,
  name: "Multi-AZ in one region",
  description: "Every tier spread over three zones: six gateway VMs behind an ALB and a database with a synchronous standby that takes over automatically.",
  regions: [
    {
      id: "use1",
      name: "US East (N. Virginia)",
      provider: "aws",
      code: "us-east-1",
      zones: 3,
      location: { lat: 38.9, lon: -77.4 },
      outage: { ratePerYear: 0.6, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 40, y: 180 },
      size: { width: 420, height: 520 }
    }
  ],
  nodes: [
    {
      id: "users",
      kind: "clients",
      name: "Users",
      requestsPerSecond: 500,
      writeFraction: 0.1,
      diurnalSwing: 0.3,
      origins: { use1: 1 },
      position: { x: 156, y: 40 }
    },
    {
      id: "lb",
      kind: "loadBalancer",
      name: "ALB (3 zones)",
      region: "use1",
      algorithm: "least-connections",
      scope: "regional",
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 2,
        recoveryThreshold: 5,
        checkers: 1,
        propagationSeconds: 0
      },
      position: { x: 156, y: 244 }
    },
    {
      id: "gw",
      kind: "gateway",
      name: "Gateway VMs",
      region: "use1",
      platform: "vm",
      instances: 6,
      capacityRpsPerInstance: 250,
      autoscaling: { min: 6, max: 18, targetUtilization: 0.6, reactionSeconds: 60, launchSeconds: 240 },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 175200 },
        timeToRepairHours: { dist: "lognormal", median: 0.13333333333333333, sigma: 0.5 }
      },
      position: { x: 156, y: 364 }
    },
    {
      id: "db-a",
      kind: "datastore",
      name: "RDS primary (zone a)",
      region: "use1",
      zone: 0,
      engine: "rds",
      failureLosesData: false,
      promotion: { automatic: true, detectionSeconds: 30, seconds: 90 },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 87600 },
        timeToRepairHours: { dist: "lognormal", median: 1, sigma: 1 }
      },
      position: { x: 156, y: 484 },
      notes: "Multi-AZ drawn as two members, so each carries a single instance's reliability."
    },
    {
      id: "db-b",
      kind: "datastore",
      name: "RDS standby (zone b)",
      region: "use1",
      zone: 1,
      engine: "rds",
      failureLosesData: false,
      promotion: { automatic: true, detectionSeconds: 30, seconds: 90 },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 87600 },
        timeToRepairHours: { dist: "lognormal", median: 1, sigma: 1 }
      },
      position: { x: 156, y: 604 }
    },
    {
      id: "ops",
      kind: "monitor",
      name: "CloudWatch alarms + on-call",
      detectionMinutes: { dist: "uniform", min: 1, max: 5 },
      responseMinutes: { dist: "lognormal", median: 25, sigma: 0.5 },
      position: { x: 416, y: 40 }
    }
  ],
  edges: [
    { kind: "traffic", from: "users", to: "lb" },
    { kind: "traffic", from: "lb", to: "gw" },
    { kind: "traffic", from: "gw", to: "db-a" },
    { kind: "replication", from: "db-a", to: "db-b", mode: "sync" }
  ],
  scenarios: [
    {
      id: "lose-primary-zone",
      name: "Lose zone 0 of us-east-1 (the primary database's zone) for 2 hours",
      atHours: 240,
      durationHours: 2,
      fail: { zone: { region: "use1", zone: 0 } }
    }
  ],
  practices: { drillsPerYear: 2 },
  objectives: {
    availability: 0.9995,
    rtoSeconds: 600,
    rpoSeconds: 0,
    monthlyBudgetUsd: 21e3,
    downtimeCostUsdPerMinute: 200
  },
  simulation: { horizonYears: 10, replications: 100, seed: 42 }
};

// sim/templates/pilot-light.plan.json
var pilot_light_plan_default = {
  schemaVersion: 1,
  name: "Pilot light",
  description: "Data replicated to a second region where one idle gateway VM waits; DNS fails over and the fleet scales up from AMIs while on-call promotes the database.",
  regions: [
    {
      id: "use1",
      name: "US East (N. Virginia)",
      provider: "aws",
      code: "us-east-1",
      zones: 3,
      location: { lat: 38.9, lon: -77.4 },
      outage: { ratePerYear: 0.6, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 40, y: 300 },
      size: { width: 420, height: 400 }
    },
    {
      id: "usw2",
      name: "US West (Oregon)",
      provider: "aws",
      code: "us-west-2",
      zones: 3,
      location: { lat: 45.8, lon: -119.7 },
      outage: { ratePerYear: 0.1, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 556, y: 300 },
      size: { width: 420, height: 400 }
    }
  ],
  nodes: [
    {
      id: "users",
      kind: "clients",
      name: "Users",
      requestsPerSecond: 400,
      writeFraction: 0.1,
      diurnalSwing: 0.3,
      origins: { use1: 0.6, usw2: 0.4 },
      position: { x: 414, y: 40 }
    },
    {
      id: "dns",
      kind: "dns",
      name: "api.example.com (Route 53 failover)",
      policy: "failover",
      ttlSeconds: 60,
      ttlViolationFraction: 0.02,
      ttlViolationSeconds: 900,
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 3,
        recoveryThreshold: 3,
        checkers: 16,
        propagationSeconds: 30
      },
      targets: [{ node: "lb-east", role: "primary" }, { node: "lb-west", role: "secondary" }],
      position: { x: 414, y: 160 }
    },
    {
      id: "lb-east",
      kind: "loadBalancer",
      name: "ALB east",
      region: "use1",
      algorithm: "round-robin",
      scope: "regional",
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 2,
        recoveryThreshold: 5,
        checkers: 1,
        propagationSeconds: 0
      },
      position: { x: 156, y: 364 }
    },
    {
      id: "lb-west",
      kind: "loadBalancer",
      name: "ALB west",
      region: "usw2",
      algorithm: "round-robin",
      scope: "regional",
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 2,
        recoveryThreshold: 5,
        checkers: 1,
        propagationSeconds: 0
      },
      position: { x: 672, y: 364 }
    },
    {
      id: "gw-east",
      kind: "gateway",
      name: "Gateway east",
      region: "use1",
      platform: "vm",
      instances: 3,
      capacityRpsPerInstance: 250,
      autoscaling: { min: 3, max: 12, targetUtilization: 0.6, reactionSeconds: 60, launchSeconds: 240 },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 175200 },
        timeToRepairHours: { dist: "lognormal", median: 0.13333333333333333, sigma: 0.5 }
      },
      position: { x: 156, y: 484 }
    },
    {
      id: "gw-west",
      kind: "gateway",
      name: "Gateway west",
      region: "usw2",
      platform: "vm",
      instances: 1,
      capacityRpsPerInstance: 250,
      autoscaling: { min: 1, max: 12, targetUtilization: 0.6, reactionSeconds: 60, launchSeconds: 600 },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 175200 },
        timeToRepairHours: { dist: "lognormal", median: 0.13333333333333333, sigma: 0.5 }
      },
      position: { x: 672, y: 484 },
      notes: "Pilot light: one instance idles; the rest launch from AMIs after failover (slow, cold region)."
    },
    {
      id: "db-east",
      kind: "datastore",
      name: "Aurora primary (east)",
      region: "use1",
      engine: "aurora",
      failureLosesData: false,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 87600 },
        timeToRepairHours: { dist: "lognormal", median: 0.016666666666666666, sigma: 0.5 }
      },
      position: { x: 156, y: 604 }
    },
    {
      id: "db-west",
      kind: "datastore",
      name: "Aurora Global secondary (west)",
      region: "usw2",
      engine: "aurora",
      failureLosesData: false,
      promotion: { automatic: false, seconds: 60 },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 87600 },
        timeToRepairHours: { dist: "lognormal", median: 0.016666666666666666, sigma: 0.5 }
      },
      position: { x: 672, y: 604 },
      notes: "Cross-region promotion is user-initiated on AWS: on-call promotes it after the alarm."
    },
    {
      id: "ops",
      kind: "monitor",
      name: "CloudWatch alarms + on-call",
      detectionMinutes: { dist: "uniform", min: 1, max: 5 },
      responseMinutes: { dist: "lognormal", median: 25, sigma: 0.5 },
      position: { x: 674, y: 40 }
    }
  ],
  edges: [
    { kind: "traffic", from: "users", to: "dns" },
    { kind: "traffic", from: "dns", to: "lb-east" },
    { kind: "traffic", from: "dns", to: "lb-west" },
    { kind: "traffic", from: "lb-east", to: "gw-east" },
    { kind: "traffic", from: "lb-west", to: "gw-west" },
    { kind: "traffic", from: "gw-east", to: "db-east" },
    { kind: "traffic", from: "gw-west", to: "db-east" },
    {
      kind: "replication",
      from: "db-east",
      to: "db-west",
      mode: "async",
      lagSeconds: { dist: "lognormal", median: 1, sigma: 0.5 }
    }
  ],
  scenarios: [
    {
      id: "lose-east",
      name: "Lose us-east-1 for 4 hours",
      atHours: 240,
      durationHours: 4,
      fail: { region: "use1" }
    }
  ],
  practices: { drillsPerYear: 1 },
  objectives: {
    availability: 0.999,
    rtoSeconds: 2700,
    rpoSeconds: 900,
    monthlyBudgetUsd: 29e3,
    downtimeCostUsdPerMinute: 100
  },
  simulation: { horizonYears: 10, replications: 100, seed: 42 }
};

// sim/templates/serverless-three-regions.plan.json
var serverless_three_regions_plan_default = {
  schemaVersion: 1,
  name: "Serverless in three regions",
  description: "API Gateway and Lambda in three regions behind Route 53 latency routing, on a three-region DynamoDB global table.",
  regions: [
    {
      id: "use1",
      name: "US East (N. Virginia)",
      provider: "aws",
      code: "us-east-1",
      zones: 3,
      location: { lat: 38.9, lon: -77.4 },
      outage: { ratePerYear: 0.6, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 40, y: 300 },
      size: { width: 420, height: 280 }
    },
    {
      id: "usw2",
      name: "US West (Oregon)",
      provider: "aws",
      code: "us-west-2",
      zones: 3,
      location: { lat: 45.8, lon: -119.7 },
      outage: { ratePerYear: 0.1, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 556, y: 300 },
      size: { width: 420, height: 280 }
    },
    {
      id: "euw1",
      name: "Europe (Ireland)",
      provider: "aws",
      code: "eu-west-1",
      zones: 3,
      location: { lat: 53.3, lon: -6.3 },
      outage: { ratePerYear: 0.1, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 1072, y: 300 },
      size: { width: 420, height: 280 }
    }
  ],
  nodes: [
    {
      id: "users",
      kind: "clients",
      name: "Users",
      requestsPerSecond: 800,
      writeFraction: 0.1,
      diurnalSwing: 0.3,
      origins: { use1: 0.45, usw2: 0.2, euw1: 0.35 },
      position: { x: 672, y: 40 }
    },
    {
      id: "dns",
      kind: "dns",
      name: "api.example.com (Route 53 latency)",
      policy: "latency",
      ttlSeconds: 60,
      ttlViolationFraction: 0.02,
      ttlViolationSeconds: 900,
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 3,
        recoveryThreshold: 3,
        checkers: 16,
        propagationSeconds: 30
      },
      targets: [{ node: "api-east" }, { node: "api-west" }, { node: "api-eu" }],
      position: { x: 672, y: 160 }
    },
    {
      id: "api-east",
      kind: "gateway",
      name: "API Gateway + Lambda (us-east-1)",
      region: "use1",
      platform: "serverless",
      concurrencyLimit: 1e3,
      requestSeconds: 0.05,
      scaleUpPerMinute: 6e3,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 17520 },
        timeToRepairHours: { dist: "lognormal", median: 3, sigma: 0.8 }
      },
      position: { x: 156, y: 364 },
      notes: "us-east-1 has seen more regional serverless incidents (0.5/yr against 0.1/yr elsewhere)."
    },
    {
      id: "api-west",
      kind: "gateway",
      name: "API Gateway + Lambda (us-west-2)",
      region: "usw2",
      platform: "serverless",
      concurrencyLimit: 1e3,
      requestSeconds: 0.05,
      scaleUpPerMinute: 6e3,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 87600 },
        timeToRepairHours: { dist: "lognormal", median: 3, sigma: 0.8 }
      },
      position: { x: 672, y: 364 }
    },
    {
      id: "api-eu",
      kind: "gateway",
      name: "API Gateway + Lambda (eu-west-1)",
      region: "euw1",
      platform: "serverless",
      concurrencyLimit: 1e3,
      requestSeconds: 0.05,
      scaleUpPerMinute: 6e3,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 87600 },
        timeToRepairHours: { dist: "lognormal", median: 3, sigma: 0.8 }
      },
      position: { x: 1188, y: 364 }
    },
    {
      id: "ddb-east",
      kind: "datastore",
      name: "DynamoDB (us-east-1 replica)",
      region: "use1",
      engine: "dynamodb",
      failureLosesData: false,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 292e3 },
        timeToRepairHours: { dist: "lognormal", median: 3.5, sigma: 0.5 }
      },
      position: { x: 156, y: 484 }
    },
    {
      id: "ddb-west",
      kind: "datastore",
      name: "DynamoDB (us-west-2 replica)",
      region: "usw2",
      engine: "dynamodb",
      failureLosesData: false,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 292e3 },
        timeToRepairHours: { dist: "lognormal", median: 3.5, sigma: 0.5 }
      },
      position: { x: 672, y: 484 }
    },
    {
      id: "ddb-eu",
      kind: "datastore",
      name: "DynamoDB (eu-west-1 replica)",
      region: "euw1",
      engine: "dynamodb",
      failureLosesData: false,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 292e3 },
        timeToRepairHours: { dist: "lognormal", median: 3.5, sigma: 0.5 }
      },
      position: { x: 1188, y: 484 }
    },
    {
      id: "ops",
      kind: "monitor",
      name: "CloudWatch alarms + on-call",
      detectionMinutes: { dist: "uniform", min: 1, max: 5 },
      responseMinutes: { dist: "lognormal", median: 25, sigma: 0.5 },
      position: { x: 932, y: 40 }
    }
  ],
  edges: [
    { kind: "traffic", from: "users", to: "dns" },
    { kind: "traffic", from: "dns", to: "api-east" },
    { kind: "traffic", from: "dns", to: "api-west" },
    { kind: "traffic", from: "dns", to: "api-eu" },
    { kind: "traffic", from: "api-east", to: "ddb-east" },
    { kind: "traffic", from: "api-west", to: "ddb-west" },
    { kind: "traffic", from: "api-eu", to: "ddb-eu" },
    {
      kind: "replication",
      from: "ddb-east",
      to: "ddb-west",
      mode: "multiwriter",
      lagSeconds: { dist: "lognormal", median: 1, sigma: 0.7 }
    },
    {
      kind: "replication",
      from: "ddb-east",
      to: "ddb-eu",
      mode: "multiwriter",
      lagSeconds: { dist: "lognormal", median: 1, sigma: 0.7 }
    }
  ],
  scenarios: [
    {
      id: "lose-east",
      name: "Lose us-east-1 for 4 hours",
      atHours: 240,
      durationHours: 4,
      fail: { region: "use1" }
    }
  ],
  practices: { drillsPerYear: 2 },
  objectives: {
    availability: 0.9999,
    rtoSeconds: 300,
    rpoSeconds: 5,
    monthlyBudgetUsd: 3e4,
    downtimeCostUsdPerMinute: 500
  },
  simulation: { horizonYears: 10, replications: 100, seed: 42 }
};

// sim/templates/single-region-lb.plan.json
var single_region_lb_plan_default = {
  schemaVersion: 1,
  name: "Single region behind a load balancer",
  description: "One region: an ALB spreads three gateway VMs over zones; one database instance is the single point of failure.",
  regions: [
    {
      id: "use1",
      name: "US East (N. Virginia)",
      provider: "aws",
      code: "us-east-1",
      zones: 3,
      location: { lat: 38.9, lon: -77.4 },
      outage: { ratePerYear: 0.6, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 40, y: 180 },
      size: { width: 420, height: 400 }
    }
  ],
  nodes: [
    {
      id: "users",
      kind: "clients",
      name: "Users",
      requestsPerSecond: 200,
      writeFraction: 0.1,
      diurnalSwing: 0.3,
      origins: { use1: 1 },
      position: { x: 156, y: 40 }
    },
    {
      id: "lb",
      kind: "loadBalancer",
      name: "ALB",
      region: "use1",
      algorithm: "round-robin",
      scope: "regional",
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 2,
        recoveryThreshold: 5,
        checkers: 1,
        propagationSeconds: 0
      },
      position: { x: 156, y: 244 }
    },
    {
      id: "gw",
      kind: "gateway",
      name: "Gateway VMs",
      region: "use1",
      platform: "vm",
      instances: 3,
      capacityRpsPerInstance: 250,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 175200 },
        timeToRepairHours: { dist: "lognormal", median: 0.13333333333333333, sigma: 0.5 }
      },
      position: { x: 156, y: 364 },
      notes: "Three instances so that one can fail at the daily peak (200 rps \xD7 1.3 = 260 rps) and the other two (500 rps) still carry it; with two, a lost instance overloaded the survivor for hours."
    },
    {
      id: "db",
      kind: "datastore",
      name: "PostgreSQL (single instance)",
      region: "use1",
      zone: 0,
      engine: "postgres",
      failureLosesData: false,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 87600 },
        timeToRepairHours: { dist: "lognormal", median: 1, sigma: 1 }
      },
      position: { x: 156, y: 484 },
      notes: "No replica: a failure waits for the instance to recover in place."
    }
  ],
  edges: [
    { kind: "traffic", from: "users", to: "lb" },
    { kind: "traffic", from: "lb", to: "gw" },
    { kind: "traffic", from: "gw", to: "db" }
  ],
  scenarios: [
    {
      id: "lose-db-zone",
      name: "Lose zone 0 of us-east-1 (the database's zone) for 2 hours",
      atHours: 240,
      durationHours: 2,
      fail: { zone: { region: "use1", zone: 0 } }
    }
  ],
  objectives: { availability: 0.999, rtoSeconds: 3600, monthlyBudgetUsd: 4e3, downtimeCostUsdPerMinute: 100 },
  simulation: { horizonYears: 10, replications: 100, seed: 42 }
};

// sim/templates/two-region-active-active.plan.json
var two_region_active_active_plan_default = {
  schemaVersion: 1,
  name: "Two regions, active-active",
  description: "Both regions serve their nearest users through Route 53 latency routing; a DynamoDB global table accepts writes in both.",
  regions: [
    {
      id: "use1",
      name: "US East (N. Virginia)",
      provider: "aws",
      code: "us-east-1",
      zones: 3,
      location: { lat: 38.9, lon: -77.4 },
      outage: { ratePerYear: 0.6, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 40, y: 300 },
      size: { width: 420, height: 400 }
    },
    {
      id: "usw2",
      name: "US West (Oregon)",
      provider: "aws",
      code: "us-west-2",
      zones: 3,
      location: { lat: 45.8, lon: -119.7 },
      outage: { ratePerYear: 0.1, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 556, y: 300 },
      size: { width: 420, height: 400 }
    }
  ],
  nodes: [
    {
      id: "users",
      kind: "clients",
      name: "Users",
      requestsPerSecond: 1e3,
      writeFraction: 0.1,
      diurnalSwing: 0.3,
      origins: { use1: 0.55, usw2: 0.45 },
      position: { x: 414, y: 40 }
    },
    {
      id: "dns",
      kind: "dns",
      name: "api.example.com (Route 53 latency)",
      policy: "latency",
      ttlSeconds: 60,
      ttlViolationFraction: 0.02,
      ttlViolationSeconds: 900,
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 3,
        recoveryThreshold: 3,
        checkers: 16,
        propagationSeconds: 30
      },
      targets: [{ node: "lb-east" }, { node: "lb-west" }],
      position: { x: 414, y: 160 }
    },
    {
      id: "lb-east",
      kind: "loadBalancer",
      name: "ALB east",
      region: "use1",
      algorithm: "least-connections",
      scope: "regional",
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 2,
        recoveryThreshold: 5,
        checkers: 1,
        propagationSeconds: 0
      },
      position: { x: 156, y: 364 }
    },
    {
      id: "lb-west",
      kind: "loadBalancer",
      name: "ALB west",
      region: "usw2",
      algorithm: "least-connections",
      scope: "regional",
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 2,
        recoveryThreshold: 5,
        checkers: 1,
        propagationSeconds: 0
      },
      position: { x: 672, y: 364 }
    },
    {
      id: "gw-east",
      kind: "gateway",
      name: "Gateway east",
      region: "use1",
      platform: "vm",
      instances: 4,
      capacityRpsPerInstance: 250,
      autoscaling: { min: 4, max: 16, targetUtilization: 0.6, reactionSeconds: 60, launchSeconds: 240 },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 175200 },
        timeToRepairHours: { dist: "lognormal", median: 0.13333333333333333, sigma: 0.5 }
      },
      position: { x: 156, y: 484 },
      notes: "Sized to absorb the west's users too once its autoscaling catches up."
    },
    {
      id: "gw-west",
      kind: "gateway",
      name: "Gateway west",
      region: "usw2",
      platform: "vm",
      instances: 4,
      capacityRpsPerInstance: 250,
      autoscaling: { min: 4, max: 16, targetUtilization: 0.6, reactionSeconds: 60, launchSeconds: 240 },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 175200 },
        timeToRepairHours: { dist: "lognormal", median: 0.13333333333333333, sigma: 0.5 }
      },
      position: { x: 672, y: 484 }
    },
    {
      id: "ddb-east",
      kind: "datastore",
      name: "DynamoDB (east replica)",
      region: "use1",
      engine: "dynamodb",
      failureLosesData: false,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 292e3 },
        timeToRepairHours: { dist: "lognormal", median: 3.5, sigma: 0.5 }
      },
      position: { x: 156, y: 604 }
    },
    {
      id: "ddb-west",
      kind: "datastore",
      name: "DynamoDB (west replica)",
      region: "usw2",
      engine: "dynamodb",
      failureLosesData: false,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 292e3 },
        timeToRepairHours: { dist: "lognormal", median: 3.5, sigma: 0.5 }
      },
      position: { x: 672, y: 604 }
    },
    {
      id: "ops",
      kind: "monitor",
      name: "CloudWatch alarms + on-call",
      detectionMinutes: { dist: "uniform", min: 1, max: 5 },
      responseMinutes: { dist: "lognormal", median: 25, sigma: 0.5 },
      position: { x: 674, y: 40 }
    }
  ],
  edges: [
    { kind: "traffic", from: "users", to: "dns" },
    { kind: "traffic", from: "dns", to: "lb-east" },
    { kind: "traffic", from: "dns", to: "lb-west" },
    { kind: "traffic", from: "lb-east", to: "gw-east" },
    { kind: "traffic", from: "lb-west", to: "gw-west" },
    { kind: "traffic", from: "gw-east", to: "ddb-east" },
    { kind: "traffic", from: "gw-west", to: "ddb-west" },
    {
      kind: "replication",
      from: "ddb-east",
      to: "ddb-west",
      mode: "multiwriter",
      lagSeconds: { dist: "lognormal", median: 1, sigma: 0.7 }
    }
  ],
  commonCauses: [
    {
      id: "bad-deploy",
      name: "Bad global config push",
      ratePerYear: 0.5,
      durationHours: { dist: "lognormal", median: 1, sigma: 0.7 },
      affects: ["gw-east", "gw-west"]
    }
  ],
  scenarios: [
    {
      id: "bad-global-deploy",
      name: "A bad global config push takes down both gateways for 1 hour",
      atHours: 240,
      durationHours: 1,
      fail: { commonCause: "bad-deploy" }
    }
  ],
  practices: { drillsPerYear: 4 },
  objectives: {
    availability: 0.9999,
    rtoSeconds: 300,
    rpoSeconds: 5,
    monthlyBudgetUsd: 3e4,
    downtimeCostUsdPerMinute: 1e3
  },
  simulation: { horizonYears: 10, replications: 100, seed: 42 }
};

// sim/templates/two-region-active-passive.plan.json
var two_region_active_passive_plan_default = {
  schemaVersion: 1,
  name: "Two regions, active-passive",
  description: "A full-size hot standby region behind Route 53 failover, with Aurora Global Database async replication and off-site backups.",
  regions: [
    {
      id: "use1",
      name: "US East (N. Virginia)",
      provider: "aws",
      code: "us-east-1",
      zones: 3,
      location: { lat: 38.9, lon: -77.4 },
      outage: { ratePerYear: 0.6, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 40, y: 300 },
      size: { width: 420, height: 400 }
    },
    {
      id: "usw2",
      name: "US West (Oregon)",
      provider: "aws",
      code: "us-west-2",
      zones: 3,
      location: { lat: 45.8, lon: -119.7 },
      outage: { ratePerYear: 0.1, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 556, y: 300 },
      size: { width: 420, height: 400 }
    }
  ],
  nodes: [
    {
      id: "users",
      kind: "clients",
      name: "Users",
      requestsPerSecond: 400,
      writeFraction: 0.1,
      diurnalSwing: 0.3,
      origins: { use1: 0.6, usw2: 0.4 },
      position: { x: 414, y: 40 }
    },
    {
      id: "dns",
      kind: "dns",
      name: "api.example.com (Route 53 failover)",
      policy: "failover",
      ttlSeconds: 60,
      ttlViolationFraction: 0.02,
      ttlViolationSeconds: 900,
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 3,
        recoveryThreshold: 3,
        checkers: 16,
        propagationSeconds: 30
      },
      targets: [{ node: "lb-east", role: "primary" }, { node: "lb-west", role: "secondary" }],
      position: { x: 414, y: 160 }
    },
    {
      id: "lb-east",
      kind: "loadBalancer",
      name: "ALB east",
      region: "use1",
      algorithm: "round-robin",
      scope: "regional",
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 2,
        recoveryThreshold: 5,
        checkers: 1,
        propagationSeconds: 0
      },
      position: { x: 156, y: 364 }
    },
    {
      id: "lb-west",
      kind: "loadBalancer",
      name: "ALB west",
      region: "usw2",
      algorithm: "round-robin",
      scope: "regional",
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 2,
        recoveryThreshold: 5,
        checkers: 1,
        propagationSeconds: 0
      },
      position: { x: 672, y: 364 }
    },
    {
      id: "gw-east",
      kind: "gateway",
      name: "Gateway east",
      region: "use1",
      platform: "container",
      instances: 3,
      capacityRpsPerInstance: 400,
      autoscaling: { min: 3, max: 12, targetUtilization: 0.6, reactionSeconds: 60, launchSeconds: 90 },
      probes: {
        liveness: { periodSeconds: 10, failureThreshold: 3 },
        readiness: { periodSeconds: 10, failureThreshold: 3 },
        restartSeconds: 45
      },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 4380 },
        timeToRepairHours: { dist: "lognormal", median: 0.1, sigma: 0.7 }
      },
      position: { x: 156, y: 484 }
    },
    {
      id: "gw-west",
      kind: "gateway",
      name: "Gateway west",
      region: "usw2",
      platform: "container",
      instances: 3,
      capacityRpsPerInstance: 400,
      autoscaling: { min: 3, max: 12, targetUtilization: 0.6, reactionSeconds: 60, launchSeconds: 90 },
      probes: {
        liveness: { periodSeconds: 10, failureThreshold: 3 },
        readiness: { periodSeconds: 10, failureThreshold: 3 },
        restartSeconds: 45
      },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 4380 },
        timeToRepairHours: { dist: "lognormal", median: 0.1, sigma: 0.7 }
      },
      position: { x: 672, y: 484 },
      notes: "Hot standby: full size, so a failover needs no scale-out."
    },
    {
      id: "db-east",
      kind: "datastore",
      name: "Aurora primary (east)",
      region: "use1",
      engine: "aurora",
      failureLosesData: false,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 87600 },
        timeToRepairHours: { dist: "lognormal", median: 0.016666666666666666, sigma: 0.5 }
      },
      position: { x: 156, y: 604 }
    },
    {
      id: "db-west",
      kind: "datastore",
      name: "Aurora Global secondary (west)",
      region: "usw2",
      engine: "aurora",
      failureLosesData: false,
      promotion: { automatic: false, seconds: 60 },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 87600 },
        timeToRepairHours: { dist: "lognormal", median: 0.016666666666666666, sigma: 0.5 }
      },
      position: { x: 672, y: 604 },
      notes: "Cross-region promotion is user-initiated on AWS: on-call promotes it after the alarm."
    },
    {
      id: "ops",
      kind: "monitor",
      name: "CloudWatch alarms + on-call",
      detectionMinutes: { dist: "uniform", min: 1, max: 5 },
      responseMinutes: { dist: "lognormal", median: 25, sigma: 0.5 },
      position: { x: 674, y: 40 }
    },
    {
      id: "nightly",
      kind: "backup",
      name: "Nightly snapshots",
      of: "db-east",
      intervalHours: 24,
      restoreHours: { dist: "lognormal", median: 4, sigma: 1 },
      copies: 3,
      media: 2,
      offsite: true,
      restoreFailureProbability: 0.05,
      position: { x: 156, y: 780 }
    }
  ],
  edges: [
    { kind: "traffic", from: "users", to: "dns" },
    { kind: "traffic", from: "dns", to: "lb-east" },
    { kind: "traffic", from: "dns", to: "lb-west" },
    { kind: "traffic", from: "lb-east", to: "gw-east" },
    { kind: "traffic", from: "lb-west", to: "gw-west" },
    { kind: "traffic", from: "gw-east", to: "db-east" },
    { kind: "traffic", from: "gw-west", to: "db-east" },
    {
      kind: "replication",
      from: "db-east",
      to: "db-west",
      mode: "async",
      lagSeconds: { dist: "lognormal", median: 1, sigma: 0.5 }
    }
  ],
  commonCauses: [
    {
      id: "bad-deploy",
      name: "Bad global config push",
      ratePerYear: 0.5,
      durationHours: { dist: "lognormal", median: 1, sigma: 0.7 },
      affects: ["gw-east", "gw-west"]
    }
  ],
  scenarios: [
    {
      id: "lose-east",
      name: "Lose us-east-1 for 4 hours",
      atHours: 240,
      durationHours: 4,
      fail: { region: "use1" }
    }
  ],
  practices: { drillsPerYear: 4 },
  objectives: {
    availability: 0.9995,
    rtoSeconds: 1800,
    rpoSeconds: 60,
    exceedanceMax: 0.05,
    monthlyBudgetUsd: 33e3,
    downtimeCostUsdPerMinute: 1e3
  },
  simulation: { horizonYears: 10, replications: 100, seed: 42 }
};

// sim/templates/warm-standby.plan.json
var warm_standby_plan_default = {
  schemaVersion: 1,
  name: "Warm standby",
  description: "A scaled-down but working copy in a second region takes traffic on DNS failover and scales out, with drilled manual database promotion.",
  regions: [
    {
      id: "use1",
      name: "US East (N. Virginia)",
      provider: "aws",
      code: "us-east-1",
      zones: 3,
      location: { lat: 38.9, lon: -77.4 },
      outage: { ratePerYear: 0.6, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 40, y: 300 },
      size: { width: 420, height: 400 }
    },
    {
      id: "usw2",
      name: "US West (Oregon)",
      provider: "aws",
      code: "us-west-2",
      zones: 3,
      location: { lat: 45.8, lon: -119.7 },
      outage: { ratePerYear: 0.1, durationHours: { dist: "lognormal", median: 8, sigma: 0.8 } },
      zoneOutage: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
      position: { x: 556, y: 300 },
      size: { width: 420, height: 400 }
    }
  ],
  nodes: [
    {
      id: "users",
      kind: "clients",
      name: "Users",
      requestsPerSecond: 400,
      writeFraction: 0.1,
      diurnalSwing: 0.3,
      origins: { use1: 0.6, usw2: 0.4 },
      position: { x: 414, y: 40 }
    },
    {
      id: "dns",
      kind: "dns",
      name: "api.example.com (Route 53 failover)",
      policy: "failover",
      ttlSeconds: 60,
      ttlViolationFraction: 0.02,
      ttlViolationSeconds: 900,
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 3,
        recoveryThreshold: 3,
        checkers: 16,
        propagationSeconds: 30
      },
      targets: [{ node: "lb-east", role: "primary" }, { node: "lb-west", role: "secondary" }],
      position: { x: 414, y: 160 }
    },
    {
      id: "lb-east",
      kind: "loadBalancer",
      name: "ALB east",
      region: "use1",
      algorithm: "round-robin",
      scope: "regional",
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 2,
        recoveryThreshold: 5,
        checkers: 1,
        propagationSeconds: 0
      },
      position: { x: 156, y: 364 }
    },
    {
      id: "lb-west",
      kind: "loadBalancer",
      name: "ALB west",
      region: "usw2",
      algorithm: "round-robin",
      scope: "regional",
      healthCheck: {
        intervalSeconds: 30,
        failureThreshold: 2,
        recoveryThreshold: 5,
        checkers: 1,
        propagationSeconds: 0
      },
      position: { x: 672, y: 364 }
    },
    {
      id: "gw-east",
      kind: "gateway",
      name: "Gateway east",
      region: "use1",
      platform: "vm",
      instances: 3,
      capacityRpsPerInstance: 250,
      autoscaling: { min: 3, max: 12, targetUtilization: 0.6, reactionSeconds: 60, launchSeconds: 240 },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 175200 },
        timeToRepairHours: { dist: "lognormal", median: 0.13333333333333333, sigma: 0.5 }
      },
      position: { x: 156, y: 484 }
    },
    {
      id: "gw-west",
      kind: "gateway",
      name: "Gateway west",
      region: "usw2",
      platform: "vm",
      instances: 2,
      capacityRpsPerInstance: 250,
      autoscaling: { min: 2, max: 12, targetUtilization: 0.6, reactionSeconds: 60, launchSeconds: 240 },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 175200 },
        timeToRepairHours: { dist: "lognormal", median: 0.13333333333333333, sigma: 0.5 }
      },
      position: { x: 672, y: 484 },
      notes: "Warm standby: two of the east side's three instances run all the time and scale out on failover."
    },
    {
      id: "db-east",
      kind: "datastore",
      name: "Aurora primary (east)",
      region: "use1",
      engine: "aurora",
      failureLosesData: false,
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 87600 },
        timeToRepairHours: { dist: "lognormal", median: 0.016666666666666666, sigma: 0.5 }
      },
      position: { x: 156, y: 604 }
    },
    {
      id: "db-west",
      kind: "datastore",
      name: "Aurora Global secondary (west)",
      region: "usw2",
      engine: "aurora",
      failureLosesData: false,
      promotion: { automatic: false, seconds: 60 },
      reliability: {
        timeToFailureHours: { dist: "exponential", mean: 87600 },
        timeToRepairHours: { dist: "lognormal", median: 0.016666666666666666, sigma: 0.5 }
      },
      position: { x: 672, y: 604 },
      notes: "Cross-region promotion is user-initiated on AWS: on-call promotes it after the alarm."
    },
    {
      id: "ops",
      kind: "monitor",
      name: "CloudWatch alarms + on-call",
      detectionMinutes: { dist: "uniform", min: 1, max: 5 },
      responseMinutes: { dist: "lognormal", median: 25, sigma: 0.5 },
      position: { x: 674, y: 40 }
    }
  ],
  edges: [
    { kind: "traffic", from: "users", to: "dns" },
    { kind: "traffic", from: "dns", to: "lb-east" },
    { kind: "traffic", from: "dns", to: "lb-west" },
    { kind: "traffic", from: "lb-east", to: "gw-east" },
    { kind: "traffic", from: "lb-west", to: "gw-west" },
    { kind: "traffic", from: "gw-east", to: "db-east" },
    { kind: "traffic", from: "gw-west", to: "db-east" },
    {
      kind: "replication",
      from: "db-east",
      to: "db-west",
      mode: "async",
      lagSeconds: { dist: "lognormal", median: 1, sigma: 0.5 }
    }
  ],
  scenarios: [
    {
      id: "lose-east",
      name: "Lose us-east-1 for 4 hours",
      atHours: 240,
      durationHours: 4,
      fail: { region: "use1" }
    }
  ],
  practices: { drillsPerYear: 4 },
  objectives: {
    availability: 0.9995,
    rtoSeconds: 1800,
    rpoSeconds: 60,
    monthlyBudgetUsd: 3e4,
    downtimeCostUsdPerMinute: 300
  },
  simulation: { horizonYears: 10, replications: 100, seed: 42 }
};

// sim/templates/index.ts
var FILES = [
  ["single-region-lb", single_region_lb_plan_default],
  ["multi-az", multi_az_plan_default],
  ["backup-restore", backup_restore_plan_default],
  ["pilot-light", pilot_light_plan_default],
  ["warm-standby", warm_standby_plan_default],
  ["two-region-active-passive", two_region_active_passive_plan_default],
  ["two-region-active-active", two_region_active_active_plan_default],
  ["serverless-three-regions", serverless_three_regions_plan_default],
  ["kubernetes-containers", kubernetes_containers_plan_default]
];
function toTemplate([name, json]) {
  const parsed = PlanSchema.safeParse(json);
  if (!parsed.success) throw new Error(`template "${name}" is not a valid plan: ${parsed.error.message}`);
  const plan2 = parsed.data;
  return { name, title: plan2.name, description: plan2.description ?? "", plan: plan2 };
}
var TEMPLATES = FILES.map(toTemplate);
function getTemplate(name) {
  return TEMPLATES.find((t) => t.name === name);
}

// sim/catalog/figure.ts
var SECONDARY_SOURCE = "secondary source";
var RESEARCH_AS_OF = "2026-06";
var RESEARCH = "shared/reference/catalog-research.md";

// sim/catalog/data.ts
var lag = (median, sigma) => ({ dist: "lognormal", median, sigma });
var replicationLagSeconds = {
  aurora: {
    value: lag(1, 0.5),
    source: `Aurora Global Database product page: storage-based replication "<1 s", effective RPO 1 s (${RESEARCH} \xA73)`,
    asOf: RESEARCH_AS_OF,
    flag: "estimated",
    note: `The typical lag is published (${SECONDARY_SOURCE}); the spread is ours.`
  },
  dynamodb: {
    value: lag(1, 0.7),
    source: `DynamoDB Developer Guide, global tables: "usually propagated ... within a second" (${RESEARCH} \xA73, \xA76)`,
    asOf: RESEARCH_AS_OF,
    flag: "estimated",
    note: 'Median from the published "within a second"; \u03C3 0.7 puts p99 near the estimated 5 s of normal operation.'
  },
  rds: {
    value: lag(5, 1.1),
    source: `RDS User Guide USER_ReadRepl.XRgn (asynchronous, no typical figure); ${RESEARCH} \xA76 rds_cross_region_replica`,
    asOf: RESEARCH_AS_OF,
    flag: "estimated",
    note: "Seconds in normal load (1\u201330 s: p95 \u2248 30 s), minutes under heavy writes (the tail)."
  },
  mysql: {
    value: lag(5, 1.1),
    source: `${RESEARCH} \xA76 rds_cross_region_replica (binlog replication behaves alike)`,
    asOf: RESEARCH_AS_OF,
    flag: "estimated"
  },
  postgres: {
    value: lag(5, 1.1),
    source: `${RESEARCH} \xA76 rds_cross_region_replica (streaming replication behaves alike)`,
    asOf: RESEARCH_AS_OF,
    flag: "estimated"
  },
  s3: {
    value: lag(15, 1.1),
    source: 'S3 User Guide, Replication Time Control: "most objects in seconds, 99.99 % within 15 min"',
    asOf: RESEARCH_AS_OF,
    flag: "estimated",
    note: "\u03C3 1.1 puts the 99.99th percentile at ~15 min from a 15 s median."
  },
  generic: {
    value: lag(5, 1),
    source: `${RESEARCH} \xA73 (asynchronous replication: seconds normally, minutes under load)`,
    asOf: RESEARCH_AS_OF,
    flag: "estimated"
  }
};
var automatic = {
  value: { detectionSeconds: 30, seconds: 60 },
  source: `Aurora Global Database: secondary promoted in <1 min; RDS Multi-AZ failover 60\u2013120 s (${RESEARCH} \xA73, \xA76)`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "The promotion step is published; the 30 s for automation to decide is ours (a few failed checks)."
};
var secondsByEngine = {
  aurora: { ...automatic, value: 60 },
  rds: {
    value: 90,
    source: 'RDS User Guide Concepts.MultiAZ: failover "typically 60\u2013120 seconds"',
    asOf: RESEARCH_AS_OF,
    flag: "published",
    note: "Midpoint of the published range."
  }
};
var TESTED_SUCCESS = 0.97;
var UNTESTED_SUCCESS = 0.75;
var successProbability = {
  value: { untested: UNTESTED_SUCCESS, tested: TESTED_SUCCESS },
  source: `${RESEARCH} \xA74b Regular Testing and \xA76 testing_failover_success_prob`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "Untested 0.7\u20130.8, tested 0.95\u20130.99 (Uptime: 4 in 5 outages preventable; operator error dominates repair time)."
};
var DRILLS_FOR_FULL_EFFECT = 6;
var drillsForFullEffect = {
  value: DRILLS_FOR_FULL_EFFECT,
  source: `Our rule, to turn the research's "untested" and "tested" ends into a curve`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "p = tested \u2212 (tested \u2212 untested)\xB7exp(\u22123\xB7drillsPerYear / 6), i.e. exp(\u2212drillsPerYear / 2): every drill helps, the first ones most; quarterly drills give 0.94, two-monthly 0.96, none 0.75."
};
function promotionSuccessProbability(drillsPerYear) {
  if (!(drillsPerYear >= 0)) throw new RangeError(`drillsPerYear must be a number \u2265 0, got ${drillsPerYear}`);
  const gapLeft = Math.exp(-3 * drillsPerYear / DRILLS_FOR_FULL_EFFECT);
  return TESTED_SUCCESS - (TESTED_SUCCESS - UNTESTED_SUCCESS) * gapLeft;
}
var backup = {
  value: {
    intervalHours: 24,
    restoreHours: { dist: "lognormal", median: 4, sigma: 1 },
    copies: 3,
    media: 2,
    offsite: true,
    restoreFailureProbability: 0.05
  },
  source: `AWS DR whitepaper (backup & restore: RPO/RTO hours); RDS restore "10 min to hours"; 3-2-1 rule (${RESEARCH} \xA73, \xA75)`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "Nightly, 3 copies on 2 media, one off-site. The restore step only (median 4 h, p95 \u2248 21 h): the research's 24 h end-to-end figure also counts detection, response and rebuilding, which the engine adds from other phases. The 5 % restore failure rate is a judgement (no published figure)."
};
var DATA_CATALOG = {
  replicationLagSeconds,
  promotion: { automatic, secondsByEngine, successProbability, drillsForFullEffect },
  backup
};

// sim/catalog/healthChecks.ts
var route53 = {
  value: { intervalSeconds: 30, failureThreshold: 3, recoveryThreshold: 3, checkers: 16, propagationSeconds: 30 },
  source: `Route 53 Developer Guide "How Route 53 determines health" and AWS::Route53::HealthCheck (interval 30 s, threshold 3, same threshold for recovery, >18 % rule); ${RESEARCH} \xA73`,
  asOf: RESEARCH_AS_OF,
  flag: "published",
  note: 'checkers 16 approximates "about 15 checker locations"; propagationSeconds 30 is unpublished (assumed 10\u201360 s). Fast checks use a 10 s interval at extra cost.'
};
var alb = {
  value: { intervalSeconds: 30, failureThreshold: 2, recoveryThreshold: 5, checkers: 1, propagationSeconds: 0 },
  source: `ALB User Guide target-group-health-checks.md (interval 30 s, unhealthy 2, healthy 5, fail open); ${RESEARCH} \xA73`,
  asOf: RESEARCH_AS_OF,
  flag: "published",
  note: "One logical checker and no propagation step: the balancer acts on its own verdict."
};
var kubernetesProbe = {
  value: { periodSeconds: 10, failureThreshold: 3 },
  source: 'kubernetes.io "Configure liveness, readiness and startup probes" (defaults 0/10/1/1/3)',
  asOf: RESEARCH_AS_OF,
  flag: "published",
  note: SECONDARY_SOURCE
};
var podRestartSeconds = {
  value: 45,
  source: `${RESEARCH} \xA76 container_platform.pod_restart_s`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "Container start plus readiness after the kubelet kills a container that failed its liveness probe."
};
var HEALTH_CHECK_CATALOG = { route53, alb, kubernetesProbe, podRestartSeconds };
var DNS_CATALOG = {
  ttlSeconds: {
    value: 60,
    source: "Route 53 FAQ and Developer Guide: failover records \u2264 60 s recommended; alias records to ELB fixed at 60 s",
    asOf: RESEARCH_AS_OF,
    flag: "published"
  },
  ttlViolationFraction: {
    value: 0.02,
    source: 'Flavel, Mani, Maltz, "Re-evaluating the responsiveness of DNS-based network control", IEEE LANMAN 2014',
    asOf: "2014-05",
    flag: "published",
    note: "Measured with a 20 s TTL: 2 % of users still used the stale answer after 15 min. 8.74 % of resolvers extend TTLs (PAM 2023)."
  },
  ttlViolationSeconds: {
    value: 900,
    source: "Flavel, Mani, Maltz, IEEE LANMAN 2014 (the 15 min observation point)",
    asOf: "2014-05",
    flag: "published",
    note: "The study observed the stale share at 15 min; treating 15 min as how long it stays is our simplification."
  }
};

// sim/catalog/monitoring.ts
var monitored = {
  value: {
    detectionMinutes: { dist: "uniform", min: 1, max: 5 },
    responseMinutes: { dist: "lognormal", median: 25, sigma: 0.5 }
  },
  source: `${RESEARCH} \xA74b Monitoring (MTTD 1\u20135 min with alarming) and \xA73 (human-gated end-to-end RTO 30\u201360 min)`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "An alarm pages on-call; response (ack, diagnose, decide) median 25 min, p95 \u2248 57 min, so that detection + response + promotion lands in the 30\u201360 min human-gated range."
};
var unmonitored = {
  value: {
    detectionMinutes: { dist: "uniform", min: 15, max: 30 },
    responseMinutes: { dist: "lognormal", median: 30, sigma: 0.8 }
  },
  source: `${RESEARCH} \xA74b Monitoring (MTTD 15\u201330 min without alarming, user-reported)`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "Nobody is paged: users report it, then someone able to act has to be found (wider response tail)."
};
var MONITORING_CATALOG = { monitored, unmonitored };

// sim/catalog/prices.ts
var p2 = (value, source, asOf, note) => ({
  value,
  source,
  asOf,
  flag: "published",
  note: note ? `${SECONDARY_SOURCE}; ${note}` : SECONDARY_SOURCE
});
var p1 = (value, source, asOf, note) => ({
  value,
  source,
  asOf,
  flag: "published",
  ...note ? { note } : {}
});
var unverified = (value, source, asOf, note) => ({
  value,
  source,
  asOf,
  flag: "estimated",
  note: `unverified; ${note}`
});
var SPAN_2024_26 = "source dates span 2024\u20132026";
var YEAR_ONLY_2026 = 'dated only "2026"';
var PRICES_CATALOG = {
  ec2: {
    usdPerHourByType: {
      "m7g.large": p2(0.0816, "factualminds.com", "2026-06-17"),
      "m5.large": p2(0.096, "kindatechnical.com", "2023-10")
    }
  },
  fargate: {
    usdPerVcpuHour: p2(0.04048, "vantage.sh; wring.co; factualminds.com", "2026-06", "Linux x86"),
    usdPerGbHour: p2(4445e-6, "vantage.sh; wring.co; factualminds.com", "2026-06", "Linux x86")
  },
  eks: {
    controlPlaneUsdPerHour: p1(0.1, "AWS Containers blog (EKS extended-support pricing)", "2024-04", "standard support; $0.60/h in extended support")
  },
  lambda: {
    usdPerMillionRequests: p1(0.2, 'AWS whitepaper "How AWS Pricing Works"', "2026-06", SPAN_2024_26),
    usdPerGbSecondX86: p2(166667e-10, "cloudchipr", "2026-06", `first 6 B GB-s; ${SPAN_2024_26}`),
    usdPerGbSecondArm: p2(133334e-10, "cloudchipr", "2026-06", `first 7.5 B GB-s; ${SPAN_2024_26}`)
  },
  apiGateway: {
    restUsdPerMillionRequests: p1(3.5, 'AWS whitepaper "Best practices for API GW private APIs" (cost section); awsforengineers', "2025-05-19", "first 333 M requests a month"),
    httpUsdPerMillionRequests: p1(1, "same whitepaper", "2025-05-19", "first 300 M requests a month")
  },
  alb: {
    usdPerHour: p2(0.0225, "awsnegotiations.com", "2026-05", "\u2248 $16.4 a month"),
    usdPerLcuHour: p2(8e-3, "awsnegotiations.com", "2026-05")
  },
  nlb: {
    usdPerHour: p2(0.0225, "awsnegotiations.com", "2026-05"),
    usdPerNlcuHour: p2(6e-3, "awsnegotiations.com", "2026-05")
  },
  route53: {
    hostedZoneUsdPerMonth: p2(0.5, "ns1.com; public repos", "2026-06", `first 25 zones; ${SPAN_2024_26}`),
    standardQueryUsdPerMillion: p2(0.4, "public repos; ns1.com", "2026-06", `first 1 B queries; ${SPAN_2024_26}`),
    latencyQueryUsdPerMillion: p2(0.6, "public repos; ns1.com", "2026-06", SPAN_2024_26),
    geoQueryUsdPerMillion: p2(0.7, "public repos; ns1.com", "2026-06", SPAN_2024_26),
    aliasQueryUsdPerMillion: p2(0, "public repos; ns1.com", "2026-06", "alias queries to AWS resources are free"),
    healthCheckAwsUsdPerMonth: p2(0.5, "wewantcode; repo notes", "2026-06", SPAN_2024_26),
    healthCheckNonAwsUsdPerMonth: p2(0.75, "wewantcode; repo notes", "2026-06", SPAN_2024_26),
    healthCheckOptionalFeatureUsdPerMonth: unverified(1, "recalled", "2026-06", "per optional feature (HTTPS, string match, fast interval) on an AWS endpoint; $2 non-AWS")
  },
  dynamodb: {
    usdPerMillionWriteUnits: p2(0.625, "airbyte; jusdb", "2025-08", "on-demand, after the 1 Nov 2024 cut"),
    usdPerMillionReadUnits: p2(0.125, "airbyte; jusdb", "2025-08", "on-demand, after the 1 Nov 2024 cut"),
    usdPerMillionReplicatedWriteUnits: p2(0.625, "jusdb; airbyte", "2025-08", "global tables: priced like writes, per replica region"),
    storageUsdPerGbMonth: p2(0.25, "a repo comment citing the AWS Price List API", "2026-08", "first 25 GB free")
  },
  rds: {
    usdPerHourByClass: {
      "db.r6g.large-mysql": p2(0.24, "store-v2 RDS-vs-Aurora calculator; infratally", "2026-01", YEAR_ONLY_2026),
      "db.r6g.large-postgres": p2(0.25, "store-v2 RDS-vs-Aurora calculator; infratally", "2026-01", YEAR_ONLY_2026),
      "db.t4g.small": p2(0.032, "store-v2 RDS-vs-Aurora calculator; infratally", "2026-01", `single-AZ; ${YEAR_ONLY_2026}`)
    },
    multiAzMultiplier: p1(2, 'RDS User Guide, On-Demand DB instances ("can cost approximately twice as much")', "2026-01", YEAR_ONLY_2026),
    gp3StorageUsdPerGbMonth: p2(0.115, "store-v2; infratally", "2026-01", `doubled for Multi-AZ; ${YEAR_ONLY_2026}`)
  },
  aurora: {
    usdPerHourByClass: {
      "db.r6g.large-mysql": p2(0.29, "store-v2 RDS-vs-Aurora calculator; infratally", "2026-01", YEAR_ONLY_2026),
      "db.r6g.large-postgres": p2(0.3, "store-v2 RDS-vs-Aurora calculator; infratally", "2026-01", YEAR_ONLY_2026)
    },
    storageUsdPerGbMonth: p2(0.1, "store-v2; usage.ai", "2026-06"),
    ioUsdPerMillion: p2(0.2, "store-v2; usage.ai", "2026-06"),
    serverlessV2UsdPerAcuHour: p2(0.12, "usage.ai", "2026-06")
  },
  dataTransfer: {
    interRegionUsdPerGb: p2(0.02, "kindatechnical; serverdevworker", "2023-10", "US region pairs"),
    internetEgressUsdPerGb: p2(0.09, "kindatechnical; serverdevworker", "2023-10"),
    crossAzUsdPerGbEachWay: p2(0.01, "kindatechnical; serverdevworker", "2023-10")
  },
  s3: {
    // Backups are priced as full copies in S3 Standard; the research lists no S3 storage price.
    standardStorageUsdPerGbMonth: unverified(0.023, "recalled (Amazon S3 pricing page, S3 Standard, first 50 TB)", "2026-06", "not in the research; re-check before relying on it")
  },
  cloudwatch: {
    metricUsdPerMonth: p2(0.3, "CloudWatch pricing worked example (quoted); repos", "2026-06", `first 10 k metrics; ${SPAN_2024_26}`),
    alarmUsdPerMonth: p2(0.1, "CloudWatch pricing worked example (quoted); repos", "2026-06", `standard alarm, 10 free; ${SPAN_2024_26}`),
    logsIngestUsdPerGb: p2(0.5, "CloudWatch pricing worked example (quoted); repos", "2026-06", SPAN_2024_26),
    dashboardUsdPerMonth: p2(3, "CloudWatch pricing worked example (quoted); repos", "2026-06", SPAN_2024_26)
  }
};

// sim/catalog/regions.ts
var REGION_OUTAGE_HOURS = { dist: "lognormal", median: 8, sigma: 0.8 };
var genericOutage = {
  value: { ratePerYear: 0.1, durationHours: REGION_OUTAGE_HOURS },
  source: `${RESEARCH} \xA72e (recommended defaults) and \xA76 region.outage_rate_per_year`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: 'Above the PES-only rate (0.004/region-yr) on purpose: a workload depends on several regional services and PES counts miss shorter "elevated error" events. Plausible range 0.02\u20130.5/yr, at least \xB13\xD7.'
};
var usEast1Outage = {
  value: { ratePerYear: 0.6, durationHours: REGION_OUTAGE_HOURS },
  source: `${RESEARCH} \xA72a/\xA72e: 9 us-east-1 post-event summaries 2011\u20132025 (9 / 15 yr)`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "90 % Poisson interval 0.31\u20131.05 per year; a lower bound on regional impairment."
};
var zoneOutage = {
  value: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 6, sigma: 1.2 } },
  source: `${RESEARCH} \xA72b/\xA72c/\xA72e az_outage_rate and az_outage_duration`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "Per zone. Range 0.05\u20130.5/yr. The duration fit was median 9.2 h, \u03C3 1.28 (n = 8); the default keeps the heavy tail."
};
var globalControlPlaneOutage = {
  value: { ratePerYear: 0.2, durationHours: { dist: "lognormal", median: 5, sigma: 0.5 } },
  source: `${RESEARCH} \xA76 region.global_control_plane_outage (GCP 2025-06-12, Azure AFD 2025-10-29, Azure WAN 2023-01-25)`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated"
};
var zones = {
  value: 3,
  source: "AWS, Azure and GCP regions: at least three availability zones in most regions",
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "Some regions have more (us-east-1 has six); three is the common minimum."
};
var locations = {
  // AWS
  "us-east-1": { lat: 38.9, lon: -77.4 },
  "us-east-2": { lat: 40, lon: -83 },
  "us-west-1": { lat: 37.4, lon: -121.9 },
  "us-west-2": { lat: 45.8, lon: -119.7 },
  "ca-central-1": { lat: 45.5, lon: -73.6 },
  "sa-east-1": { lat: -23.5, lon: -46.6 },
  "eu-west-1": { lat: 53.3, lon: -6.3 },
  "eu-west-2": { lat: 51.5, lon: -0.1 },
  "eu-west-3": { lat: 48.9, lon: 2.3 },
  "eu-central-1": { lat: 50.1, lon: 8.7 },
  "eu-north-1": { lat: 59.3, lon: 18.1 },
  "ap-south-1": { lat: 19.1, lon: 72.9 },
  "ap-southeast-1": { lat: 1.3, lon: 103.8 },
  "ap-southeast-2": { lat: -33.9, lon: 151.2 },
  "ap-northeast-1": { lat: 35.7, lon: 139.7 },
  "ap-northeast-2": { lat: 37.6, lon: 127 },
  // Azure
  eastus: { lat: 37.4, lon: -79.8 },
  eastus2: { lat: 36.7, lon: -78.4 },
  centralus: { lat: 41.6, lon: -93.6 },
  southcentralus: { lat: 29.4, lon: -98.5 },
  westus2: { lat: 47.2, lon: -119.9 },
  northeurope: { lat: 53.3, lon: -6.3 },
  westeurope: { lat: 52.4, lon: 4.9 },
  uksouth: { lat: 50.9, lon: -0.8 },
  southeastasia: { lat: 1.3, lon: 103.8 },
  australiaeast: { lat: -33.9, lon: 151.2 },
  // GCP
  "us-central1": { lat: 41.3, lon: -95.9 },
  "us-east1": { lat: 33.2, lon: -80 },
  "us-east4": { lat: 39, lon: -77.5 },
  "us-west1": { lat: 45.6, lon: -121.2 },
  "europe-west1": { lat: 50.4, lon: 3.8 },
  "europe-west4": { lat: 53.4, lon: 6.8 },
  "europe-west9": { lat: 48.9, lon: 2.3 },
  "asia-east1": { lat: 24.1, lon: 120.5 },
  "asia-northeast1": { lat: 35.7, lon: 139.7 },
  "asia-southeast1": { lat: 1.3, lon: 103.8 },
  "australia-southeast1": { lat: -33.9, lon: 151.2 }
};
var locationsMeta = {
  source: "Each provider's public region list (the city it names), placed at that metro area's centre",
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "Providers do not publish data-centre coordinates; these are city-level, rounded to 0.1\xB0."
};
var REGION_CATALOG = {
  outage: {
    generic: genericOutage,
    byCode: { "us-east-1": usEast1Outage }
  },
  zoneOutage,
  globalControlPlaneOutage,
  zones,
  locations,
  locationsMeta
};

// sim/catalog/reliability.ts
var HOURS_PER_YEAR = 8760;
var everyYears = (ratePerYear) => ({ dist: "exponential", mean: HOURS_PER_YEAR / ratePerYear });
var dns = {
  value: {
    timeToFailureHours: everyYears(1 / 20),
    timeToRepairHours: { dist: "lognormal", median: 1, sigma: 0.7 }
  },
  source: `${RESEARCH} \xA76 dns_route53.mtbf_years (20) and mttr_h`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "No Route 53 data-plane outage appears in the post-event sample; the SLA is 100 %. MTBF 20 years is a judgement."
};
var loadBalancer = {
  value: {
    timeToFailureHours: everyYears(0.2),
    timeToRepairHours: { dist: "lognormal", median: 2, sigma: 1 }
  },
  source: `${RESEARCH} \xA71a ELB SLA 99.99 % (\u2265 2 zones) and \xA72a ELB 2012 / NLB 2025 us-east-1 events`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "Two load-balancer events in 15 years of us-east-1 summaries, widened for other causes. 0.2/yr \xD7 mean 3.3 h \u2248 0.66 h/yr \u2248 99.992 %, just inside the 99.99 % SLA."
};
var vm = {
  value: {
    timeToFailureHours: everyYears(0.05),
    timeToRepairHours: { dist: "lognormal", median: 8 / 60, sigma: 0.5 }
  },
  source: `${RESEARCH} \xA76 ec2_instance.failure_rate_per_year (0.05) and mttr_min_with_asg (median 8 min)`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "Per instance. Rate from disk AFR 1\u20135 % and Dean cluster data (range 0.02\u20130.5/yr). Repair assumes the platform replaces a dead VM by itself (~1 min detection + launch and boot); a hand-rebuilt VM would take hours, so override the repair for pets."
};
var container = {
  value: {
    timeToFailureHours: everyYears(2),
    timeToRepairHours: { dist: "lognormal", median: 0.1, sigma: 0.7 }
  },
  source: `${RESEARCH} \xA73 Kubernetes probe defaults and \xA76 container_platform; rates judged`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "Per container. Containers die more often than hosts (crashes, OOM kills, node drains): 2/yr. Without probes (defaults add none) the orchestrator reschedules a lost pod in minutes (node grace period and eviction), median 6 min; with a liveness probe the engine uses detection + restartSeconds instead."
};
var serverless = {
  value: {
    timeToFailureHours: everyYears(0.1),
    timeToRepairHours: { dist: "lognormal", median: 3, sigma: 0.8 }
  },
  source: `${RESEARCH} \xA76 lambda.regional_incident_rate_per_year (generic 0.1) and mttr_h`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "Whole fleet in one region, regional-incident style. API Gateway is similar (0.1/yr, median 4 h). SLA 99.95 %."
};
var serverlessUsEast1 = {
  ...serverless,
  value: { ...serverless.value, timeToFailureHours: everyYears(0.5) },
  source: `${RESEARCH} \xA76 lambda.regional_incident_rate_per_year (us-east-1 0.5: 2017 S3, 2020 Kinesis, 2023 Lambda, 2024 Kinesis, 2025 DynamoDB)`
};
var datastore = {
  value: {
    timeToFailureHours: everyYears(0.1),
    timeToRepairHours: { dist: "lognormal", median: 1, sigma: 1 }
  },
  source: `${RESEARCH} \xA76 rds_multi_az.instance_failure_rate_per_year (0.1) and \xA73 RDS single-AZ recovery ("10 min to hours")`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "A single database instance with nothing to fail over to: the repair is its recovery in place."
};
var datastoreByEngine = {
  dynamodb: {
    value: {
      timeToFailureHours: everyYears(0.03),
      timeToRepairHours: { dist: "lognormal", median: 3.5, sigma: 0.5 }
    },
    source: `${RESEARCH} \xA76 dynamodb.regional_incident_rate_per_year (generic 0.03) and mttr_h`,
    asOf: RESEARCH_AS_OF,
    flag: "estimated",
    note: "A regional table as a whole; us-east-1 saw 0.15/yr (2015, 2025)."
  },
  aurora: {
    value: {
      timeToFailureHours: everyYears(0.1),
      timeToRepairHours: { dist: "lognormal", median: 60 / 3600, sigma: 0.5 }
    },
    source: `${RESEARCH} \xA76 aurora.failover_s (60, range 30\u2013120) and rds_multi_az.instance_failure_rate_per_year`,
    asOf: RESEARCH_AS_OF,
    flag: "estimated",
    note: "A multi-zone cluster: a writer failure is repaired by in-cluster failover to a reader, about a minute."
  },
  rds: {
    value: {
      timeToFailureHours: everyYears(0.1),
      // Median at the range's geometric middle, σ so that p5 and p95 fall on 60 s and 120 s.
      timeToRepairHours: { dist: "lognormal", median: 85 / 3600, sigma: 0.21 }
    },
    source: `${RESEARCH} \xA73 RDS Multi-AZ failover "typically 60\u2013120 seconds" (published) and a judged 0.1/yr`,
    asOf: RESEARCH_AS_OF,
    flag: "estimated",
    note: "Multi-AZ instance: the standby takes over in 60\u2013120 s; 90 % of draws fall inside that range."
  }
};
var RELIABILITY_CATALOG = {
  dns,
  loadBalancer,
  // A fleet with no platform is read as VMs: the kind defaults equal the vm platform's.
  gateway: vm,
  service: vm,
  datastore,
  platform: { vm, container, serverless },
  serverlessByCode: { "us-east-1": serverlessUsEast1 },
  datastoreByEngine
};

// sim/catalog/strategies.ts
var STRATEGY_IDS = [
  "multiRegion",
  "loadBalancing",
  "automaticFailover",
  "dataReplication",
  "containers",
  "serverless",
  "monitoring",
  "regularTesting"
];
var entry = (id2, name, description, [complexity, cost, scalability, effectiveness]) => ({ id: id2, name, description, complexity, cost, scalability, effectiveness });
var byId = {
  multiRegion: entry("multiRegion", "Multiple regions", "Run the gateway in more than one region so a regional outage leaves another serving.", ["High", "High", "Excellent", "Very High"]),
  loadBalancing: entry("loadBalancing", "Load balancing", "Spread requests over several healthy instances and stop sending to the ones that fail checks.", ["Medium", "Medium", "Good", "High"]),
  automaticFailover: entry("automaticFailover", "Automatic failover", "Health-checked routing or automatic promotion moves traffic or data off a failed site without waiting for people.", ["Medium", "Medium", "Good", "High"]),
  dataReplication: entry("dataReplication", "Data replication", "Keep copies of the data in other places so a lost primary loses only the replication lag.", ["High", "High", "Excellent", "Very High"]),
  containers: entry("containers", "Containerization", "Package the gateway as containers an orchestrator restarts, reschedules and scales.", ["Medium", "Low-Medium", "Excellent", "High"]),
  serverless: entry("serverless", "Serverless", "Let a managed platform run and scale the gateway, leaving instance failures to the provider.", ["Low", "Low", "Excellent", "High"]),
  monitoring: entry("monitoring", "Monitoring", "Alarms and on-call people notice failures in minutes instead of waiting for users to complain.", ["Low", "Low-Medium", "Good", "Medium"]),
  regularTesting: entry("regularTesting", "Regular testing", "Rehearse failovers and restores in drills so they work when they are needed.", ["Medium", "Medium", "N/A", "High"])
};
var matrixSource = {
  source: 'shared/reference/source-article.txt, "Quick Comparison" and "Comparing Strategies" tables',
  // The article is undated; it quotes Kong Gateway 3.8.0.0, released in September 2024.
  asOf: "2024-09",
  flag: "published",
  note: "The article's qualitative judgement, not a measurement; the simulator measures each strategy's effect on a plan."
};
var level = (field, value) => ({
  value,
  source: `${RESEARCH} \xA74b / \xA76 strategy_matrix_mapping.${field}`,
  asOf: RESEARCH_AS_OF,
  flag: "estimated",
  note: "No published tables exist; anchored on RDS Multi-AZ \u2248 2\xD7 and the AWS DR whitepaper cost ordering."
});
var levels = {
  /** Initial engineering effort in person-weeks (range Low 1–3, Medium 4–8, High 10–20). */
  complexityPersonWeeks: level("complexity_person_weeks", { Low: 2, Medium: 6, High: 14 }),
  /** Ongoing operations in full-time equivalents. */
  complexityOpsFte: level("complexity_ops_fte", { Low: 0.05, Medium: 0.15, High: 0.35 }),
  /** Multiplier on the baseline monthly infrastructure cost. */
  costMultiplier: level("cost_multiplier", { Low: 1.05, "Low-Medium": 1.15, Medium: 1.4, High: 2.1 }),
  /** 0–1 score; N/A has none. */
  scalabilityScore: level("scalability_score", { Good: 0.7, Excellent: 0.9, "N/A": null }),
  /** Fraction of the downtime of the failure class the strategy addresses that it removes. */
  effectivenessDowntimeReduction: level("effectiveness_downtime_reduction", { Medium: 0.3, High: 0.7, "Very High": 0.95 })
};
var STRATEGIES_CATALOG = {
  order: STRATEGY_IDS,
  byId,
  matrixSource,
  levels
};

// sim/catalog/trafficLab.ts
var JUDGED = "Resilience Studio estimate";
var TRAFFIC_LAB_CATALOG = {
  /** Mean time one gateway or service instance spends on a request when the fleet has no `requestSeconds`. */
  requestSeconds: {
    value: 0.1,
    source: JUDGED,
    asOf: RESEARCH_AS_OF,
    flag: "estimated",
    note: "A gateway request including its call to the backend: tens to a few hundred milliseconds in typical API latency reports; 100 ms is a round middle. Set `requestSeconds` on the fleet to use your own."
  },
  /** Spread of request times: lognormal with this standard deviation of the log. */
  requestTimeLogSigma: {
    value: 0.6,
    source: JUDGED,
    asOf: RESEARCH_AS_OF,
    flag: "estimated",
    note: "Request latencies are right-skewed and roughly lognormal; \u03C3 0.6 gives p99 \u2248 3.5 \xD7 the median."
  },
  /** A request waiting or running longer than this fails with a timeout. */
  timeoutSeconds: {
    value: 29,
    source: "Amazon API Gateway quotas: REST API integration timeout, default 29 s",
    asOf: "2024-06",
    flag: "published",
    note: "The default maximum integration timeout of a REST API; ALB idle timeout defaults to 60 s."
  },
  /** Distinct client addresses behind the clients node, for ip-hash. */
  clientAddresses: {
    value: 2e3,
    source: JUDGED,
    asOf: RESEARCH_AS_OF,
    flag: "estimated",
    note: "A mid-sized API audience; carrier NAT and offices put about 8 clients in each /24 network."
  },
  /** Unevenness of client activity: lognormal σ of each address's share of requests. */
  clientActivityLogSigma: {
    value: 1.2,
    source: JUDGED,
    asOf: RESEARCH_AS_OF,
    flag: "estimated",
    note: "\u03C3 1.2 makes the busiest 5 % of addresses send about a third of the requests (NAT gateways, heavy integrations)."
  }
};

// sim/catalog/index.ts
var meta = {
  currency: "USD",
  /** The month the catalog as a whole was compiled; each figure carries its own date too. */
  asOf: RESEARCH_AS_OF,
  region: "us-east-1",
  flags: {
    published: `Read in a provider's or author's text; a note "secondary source" means it was read in a copy and should be re-checked.`,
    estimated: "Derived, fitted or judged by us (the basis is in the note), or recalled and not verified."
  }
};
var CATALOG = {
  meta,
  region: REGION_CATALOG,
  reliability: RELIABILITY_CATALOG,
  healthCheck: HEALTH_CHECK_CATALOG,
  dns: DNS_CATALOG,
  data: DATA_CATALOG,
  monitoring: MONITORING_CATALOG,
  prices: PRICES_CATALOG,
  strategies: STRATEGIES_CATALOG,
  traffic: TRAFFIC_LAB_CATALOG
};

// sim/model/issues.ts
function formatPath(segments) {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || "$";
}
function makeIssue(code, pathSegments, message, severity = "error") {
  return { code, severity, path: formatPath(pathSegments), pathSegments, message };
}

// sim/model/crossChecks.ts
var DEFAULT_ZONES = CATALOG.region.zones.value;
function buildIndex(plan2) {
  const nodeById = /* @__PURE__ */ new Map();
  plan2.nodes.forEach((node, index) => {
    if (!nodeById.has(node.id)) nodeById.set(node.id, { node, index });
  });
  const regionById = /* @__PURE__ */ new Map();
  plan2.regions.forEach((region, index) => {
    if (!regionById.has(region.id)) regionById.set(region.id, { zones: region.zones, index });
  });
  const trafficOut = /* @__PURE__ */ new Map();
  for (const e of plan2.edges) {
    if (e.kind !== "traffic") continue;
    const list = trafficOut.get(e.from);
    if (list) list.push(e.to);
    else trafficOut.set(e.from, [e.to]);
  }
  return { nodeById, regionById, trafficOut };
}
function checkUniqueIds(plan2, out) {
  const seen = /* @__PURE__ */ new Map();
  const visit = (id2, path, what) => {
    const previous = seen.get(id2);
    if (previous) out.push(makeIssue("duplicate-id", [...path, "id"], `The id "${id2}" of this ${what} is already used by ${previous}.`));
    else seen.set(id2, `${what} ${path.join(".")}`.replace(/\.(\d+)/g, "[$1]"));
  };
  plan2.regions.forEach((r, i) => visit(r.id, ["regions", i], "region"));
  plan2.nodes.forEach((n, i) => visit(n.id, ["nodes", i], "node"));
  plan2.commonCauses?.forEach((c, i) => visit(c.id, ["commonCauses", i], "common cause"));
  const scenarioIds = /* @__PURE__ */ new Set();
  plan2.scenarios?.forEach((s, i) => {
    if (scenarioIds.has(s.id)) out.push(makeIssue("duplicate-id", ["scenarios", i, "id"], `The scenario id "${s.id}" is used twice.`));
    scenarioIds.add(s.id);
  });
}
function hasPositiveMean(d) {
  switch (d.dist) {
    case "fixed":
      return d.value > 0;
    case "uniform":
      return d.max > 0;
    default:
      return true;
  }
}
function medianOf(d) {
  switch (d.dist) {
    case "exponential":
      return d.mean * Math.LN2;
    case "weibull":
      return d.scale * Math.LN2 ** (1 / d.shape);
    case "lognormal":
      return d.median;
    case "fixed":
      return d.value;
    case "uniform":
      return (d.min + d.max) / 2;
    case "never":
      return Infinity;
  }
}
var MIN_CYCLE_HOURS = 1 / 3600;
var MAX_REPLICATION_GROUP = 256;
function checkNodes(plan2, index, out) {
  plan2.nodes.forEach((node, i) => {
    const at = ["nodes", i];
    if (node.region !== void 0) {
      const region = index.regionById.get(node.region);
      if (!region) out.push(makeIssue("unknown-region", [...at, "region"], `Node "${node.id}" is placed in region "${node.region}", which does not exist.`));
      else if (node.zone !== void 0 && node.zone >= (region.zones ?? DEFAULT_ZONES)) {
        out.push(makeIssue("zone-out-of-range", [...at, "zone"], `Node "${node.id}" is in zone ${node.zone}, but region "${node.region}" has ${region.zones ?? DEFAULT_ZONES} zone(s) (numbered from 0).`));
      }
    } else if (node.zone !== void 0) {
      out.push(makeIssue("unknown-region", [...at, "zone"], `Node "${node.id}" names a zone but no region.`));
    }
    if (node.reliability && !hasPositiveMean(node.reliability.timeToFailureHours)) {
      out.push(makeIssue("degenerate-distribution", [...at, "reliability", "timeToFailureHours"], `Node "${node.id}" would fail again the instant it is repaired; give its time to failure a positive value.`));
    } else if (node.reliability) {
      const cycle = medianOf(node.reliability.timeToFailureHours) + medianOf(node.reliability.timeToRepairHours);
      if (!(cycle >= MIN_CYCLE_HOURS)) {
        out.push(makeIssue("too-frequent", [...at, "reliability", "timeToFailureHours"], `Node "${node.id}" would fail and be repaired about every ${(cycle * 3600).toPrecision(2)} s (median time to failure plus median time to repair); a cycle must typically last at least 1 second, or a run never ends.`));
      }
    }
    switch (node.kind) {
      case "clients": {
        if (node.origins) {
          let sum = 0;
          for (const [regionId, share] of Object.entries(node.origins)) {
            sum += share;
            if (!index.regionById.has(regionId)) {
              out.push(makeIssue("unknown-region", [...at, "origins", regionId], `Clients "${node.id}" have an origin in region "${regionId}", which does not exist.`));
            }
          }
          if (Object.keys(node.origins).length > 0 && Math.abs(sum - 1) > 1e-6) {
            out.push(makeIssue("origins-sum", [...at, "origins"], `The origin shares of clients "${node.id}" sum to ${round(sum)}; they must sum to 1.`));
          }
        }
        break;
      }
      case "dns":
        checkDns(node, at, index, out);
        break;
      case "backup": {
        const target = index.nodeById.get(node.of);
        if (!target) out.push(makeIssue("unknown-node", [...at, "of"], `Backup "${node.id}" is of "${node.of}", which is not a node of this plan.`));
        else if (target.node.kind !== "datastore") {
          out.push(makeIssue("backup-of-not-datastore", [...at, "of"], `Backup "${node.id}" is of "${node.of}", a ${target.node.kind}; a backup must be of a datastore.`));
        }
        break;
      }
      case "gateway":
      case "service": {
        const a = node.autoscaling;
        if (a && node.instances !== void 0 && (node.instances < a.min || node.instances > a.max)) {
          out.push(makeIssue("autoscaling-bounds", [...at, "instances"], `${node.kind === "gateway" ? "Gateway" : "Service"} "${node.id}" starts with ${node.instances} instances, outside its autoscaling range ${a.min}\u2013${a.max}.`));
        }
        break;
      }
      default:
        break;
    }
  });
}
function checkDns(node, at, index, out) {
  const policy = node.policy ?? "simple";
  const drawn = index.trafficOut.get(node.id) ?? [];
  const drawnTo = new Set(drawn);
  node.targets.forEach((t, ti) => {
    const target = index.nodeById.get(t.node)?.node;
    if (!target) out.push(makeIssue("dns-target-unknown", [...at, "targets", ti, "node"], `DNS "${node.id}" targets "${t.node}", which is not a node of this plan.`));
    else if (!drawnTo.has(t.node) && (target.kind === "backup" || target.kind === "monitor")) {
      out.push(makeIssue("passive-in-traffic", [...at, "targets", ti, "node"], `DNS "${node.id}" targets "${t.node}", a ${target.kind}, which takes no part in traffic.`));
    } else if (!drawnTo.has(t.node) && target.kind === "clients") {
      out.push(makeIssue("traffic-into-clients", [...at, "targets", ti, "node"], `DNS "${node.id}" targets clients "${t.node}", which cannot receive traffic; they only send it.`));
    }
    t.origins?.forEach((o, oi) => {
      if (!index.regionById.has(o)) out.push(makeIssue("unknown-region", [...at, "targets", ti, "origins", oi], `DNS "${node.id}" routes origin "${o}", which is not a region of this plan.`));
    });
  });
  const targetIds = node.targets.map((t) => t.node);
  const targetSet = new Set(targetIds);
  const duplicated = targetSet.size === targetIds.length ? void 0 : targetIds.find((t, k) => targetIds.indexOf(t) !== k);
  if (duplicated) out.push(makeIssue("duplicate-edge", [...at, "targets"], `DNS "${node.id}" lists "${duplicated}" twice among its targets.`));
  if (policy === "simple" && node.targets.length !== 1) {
    out.push(makeIssue("dns-target-count", [...at, "targets"], `DNS "${node.id}" uses the simple policy, which answers with exactly one target; it has ${node.targets.length}.`));
  }
  if (policy === "failover") {
    const primaries = node.targets.filter((t) => t.role === "primary").length;
    const secondaries = node.targets.filter((t) => t.role === "secondary").length;
    const unassigned = node.targets.length - primaries - secondaries;
    if (primaries !== 1 || secondaries > 1 || unassigned > 0) {
      out.push(makeIssue("failover-roles", [...at, "targets"], `DNS "${node.id}" is a failover record: give exactly one target role "primary" and at most one role "secondary" (found ${primaries} primary, ${secondaries} secondary, ${unassigned} without a role).`));
    }
  }
  if (policy === "weighted") {
    const missing = node.targets.findIndex((t) => t.weight === void 0);
    const total = node.targets.reduce((s, t) => s + (t.weight ?? 0), 0);
    if (missing >= 0) out.push(makeIssue("weighted-weights", [...at, "targets", missing, "weight"], `DNS "${node.id}" is a weighted record: target "${node.targets[missing]?.node}" needs a weight.`));
    else if (total <= 0) out.push(makeIssue("weighted-weights", [...at, "targets"], `DNS "${node.id}" is a weighted record whose weights sum to 0; give at least one target a positive weight.`));
  }
  if (policy === "geo") {
    const defaults = node.targets.filter((t) => t.default).length;
    if (defaults > 1) out.push(makeIssue("geo-default", [...at, "targets"], `DNS "${node.id}" has ${defaults} default targets; a geo record has at most one.`));
  }
  if (drawn.length > 0) {
    const drawnSet = drawnTo;
    const extra = [...drawnSet].filter((d) => !targetSet.has(d));
    const missing = [...targetSet].filter((t) => !drawnSet.has(t));
    if (extra.length || missing.length) {
      const parts = [];
      if (extra.length) parts.push(`edges to ${extra.map((x) => `"${x}"`).join(", ")} that are not targets`);
      if (missing.length) parts.push(`targets ${missing.map((x) => `"${x}"`).join(", ")} without an edge`);
      out.push(makeIssue("dns-edges-mismatch", [...at, "targets"], `DNS "${node.id}" has ${parts.join(" and ")}; draw one traffic edge per target or none at all.`));
    }
  }
}
function checkEdges(plan2, index, out) {
  const seen = /* @__PURE__ */ new Set();
  plan2.edges.forEach((edge, i) => {
    const at = ["edges", i];
    const from = index.nodeById.get(edge.from);
    const to = index.nodeById.get(edge.to);
    if (!from) out.push(makeIssue("unknown-node", [...at, "from"], `This ${edge.kind} edge starts at "${edge.from}", which is not a node of this plan.`));
    if (!to) out.push(makeIssue("unknown-node", [...at, "to"], `This ${edge.kind} edge ends at "${edge.to}", which is not a node of this plan.`));
    if (edge.from === edge.to) out.push(makeIssue("self-loop", [...at, "to"], `This ${edge.kind} edge joins "${edge.from}" to itself.`));
    const key = `${edge.kind}:${edge.from}->${edge.to}`;
    if (seen.has(key)) out.push(makeIssue("duplicate-edge", at, `The ${edge.kind} edge from "${edge.from}" to "${edge.to}" is drawn twice.`));
    seen.add(key);
    if (!from || !to) return;
    if (edge.kind === "replication") {
      if (from.node.kind !== "datastore" || to.node.kind !== "datastore") {
        const bad = from.node.kind !== "datastore" ? from.node : to.node;
        out.push(makeIssue("replication-not-datastore", [...at, from.node.kind !== "datastore" ? "from" : "to"], `Replication joins two datastores, but "${bad.id}" is a ${bad.kind}.`));
      }
      return;
    }
    if (to.node.kind === "clients") out.push(makeIssue("traffic-into-clients", [...at, "to"], `Clients "${to.node.id}" cannot receive traffic; they only send it.`));
    for (const [end, n] of [["from", from.node], ["to", to.node]]) {
      if (n.kind === "backup" || n.kind === "monitor") {
        out.push(makeIssue("passive-in-traffic", [...at, end], `"${n.id}" is a ${n.kind}, which takes no part in traffic; remove this edge.`));
      }
    }
  });
  plan2.nodes.forEach((node, i) => {
    if (node.kind !== "clients") return;
    const count = index.trafficOut.get(node.id)?.length ?? 0;
    if (count !== 1) {
      out.push(makeIssue("clients-edge-count", ["nodes", i], `Clients "${node.id}" have ${count} outgoing traffic edges; draw exactly one, to where their requests enter (usually DNS or a load balancer).`));
    }
  });
}
function checkMixedDatasets(plan2, index, out) {
  const edges = plan2.edges.flatMap((e, i) => e.kind === "replication" && index.nodeById.has(e.from) && index.nodeById.has(e.to) ? [{ e, i }] : []);
  const parent = /* @__PURE__ */ new Map();
  const find = (x) => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) {
      const up = parent.get(parent.get(r));
      parent.set(r, up);
      r = up;
    }
    return r;
  };
  for (const { e } of edges) {
    if (!parent.has(e.from)) parent.set(e.from, e.from);
    if (!parent.has(e.to)) parent.set(e.to, e.to);
    parent.set(find(e.from), find(e.to));
  }
  const groups = /* @__PURE__ */ new Map();
  for (const x of edges) {
    const root = find(x.e.from);
    const group = groups.get(root);
    if (group) group.push(x);
    else groups.set(root, [x]);
  }
  for (const group of groups.values()) {
    const multi = group.filter((x) => x.e.mode === "multiwriter");
    if (multi.length === 0 || multi.length === group.length) continue;
    const name = (x) => `${x.e.from}\u2192${x.e.to} (${x.e.mode})`;
    out.push(
      makeIssue(
        "mixed-replication-modes",
        ["edges", group[0].i, "mode"],
        `The dataset joined by replication edges ${group.map(name).join(", ")} mixes multiwriter with sync or async: make every edge of it multiwriter, or none.`
      )
    );
  }
}
function checkTrafficCycles(plan2, index, out) {
  const next = /* @__PURE__ */ new Map();
  plan2.edges.forEach((e, edgeIndex) => {
    if (e.kind !== "traffic" || e.from === e.to) return;
    const list = next.get(e.from);
    if (list) list.push({ to: e.to, edgeIndex });
    else next.set(e.from, [{ to: e.to, edgeIndex }]);
  });
  for (const node of plan2.nodes) {
    if (node.kind !== "dns") continue;
    const list = next.get(node.id) ?? [];
    const listed = new Set(list.map((l) => l.to));
    for (const t of node.targets) {
      if (listed.has(t.node)) continue;
      listed.add(t.node);
      list.push({ to: t.node, edgeIndex: -1 });
    }
    next.set(node.id, list);
  }
  const colour = /* @__PURE__ */ new Map();
  const path = [];
  const cursor = [];
  for (const root of plan2.nodes) {
    if (colour.has(root.id)) continue;
    colour.set(root.id, 1);
    path.push(root.id);
    cursor.push(0);
    while (path.length > 0) {
      const id2 = path[path.length - 1];
      const successors = next.get(id2) ?? [];
      const k = cursor[cursor.length - 1];
      if (k >= successors.length) {
        colour.set(id2, 2);
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[cursor.length - 1] = k + 1;
      const { to, edgeIndex } = successors[k];
      const c = colour.get(to);
      if (c === 1) {
        const loop = [...path.slice(path.lastIndexOf(to)), to];
        const shown = loop.length > 12 ? [...loop.slice(0, 5), `\u2026 ${loop.length - 10} more \u2026`, ...loop.slice(-5)] : loop;
        const at = edgeIndex >= 0 ? ["edges", edgeIndex] : ["nodes", index.nodeById.get(id2)?.index ?? -1, "targets"];
        out.push(makeIssue("traffic-cycle", at, `Traffic goes round in a cycle: ${shown.join(" \u2192 ")}. Requests must flow one way, from clients to data.`));
        return;
      }
      if (c === void 0) {
        colour.set(to, 1);
        path.push(to);
        cursor.push(0);
      }
    }
  }
}
function checkReplicationGroups(plan2, index, out) {
  const links = /* @__PURE__ */ new Map();
  const link = (a, b) => {
    const list = links.get(a);
    if (list) list.push(b);
    else links.set(a, [b]);
  };
  for (const e of plan2.edges) {
    if (e.kind !== "replication" || e.from === e.to) continue;
    link(e.from, e.to);
    link(e.to, e.from);
  }
  const seen = /* @__PURE__ */ new Set();
  for (const start of links.keys()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const group = [start];
    for (let i = 0; i < group.length; i++) {
      for (const other of links.get(group[i]) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        group.push(other);
      }
    }
    if (group.length > MAX_REPLICATION_GROUP) {
      const first = Math.min(...group.map((id2) => index.nodeById.get(id2)?.index ?? Infinity));
      const at = Number.isFinite(first) ? ["nodes", first] : [];
      out.push(makeIssue("replication-group-too-large", at, `Replication joins ${group.length} datastores into one group (starting at "${start}"); a group may hold at most ${MAX_REPLICATION_GROUP}.`));
    }
  }
}
function checkSharedFailures(plan2, index, out) {
  plan2.commonCauses?.forEach((cause, i) => {
    cause.affects.forEach((nodeId, k) => {
      if (!index.nodeById.has(nodeId)) out.push(makeIssue("unknown-node", ["commonCauses", i, "affects", k], `Common cause "${cause.id}" affects "${nodeId}", which is not a node of this plan.`));
    });
  });
  const causeIds = new Set((plan2.commonCauses ?? []).map((c) => c.id));
  plan2.scenarios?.forEach((scenario, i) => {
    const at = ["scenarios", i, "fail"];
    const fail = scenario.fail;
    if ("region" in fail && !index.regionById.has(fail.region)) {
      out.push(makeIssue("unknown-region", [...at, "region"], `Scenario "${scenario.id}" fails region "${fail.region}", which does not exist.`));
    } else if ("zone" in fail) {
      const region = index.regionById.get(fail.zone.region);
      if (!region) out.push(makeIssue("unknown-region", [...at, "zone", "region"], `Scenario "${scenario.id}" fails a zone of region "${fail.zone.region}", which does not exist.`));
      else if (fail.zone.zone >= (region.zones ?? DEFAULT_ZONES)) {
        out.push(makeIssue("zone-out-of-range", [...at, "zone", "zone"], `Scenario "${scenario.id}" fails zone ${fail.zone.zone}, but region "${fail.zone.region}" has ${region.zones ?? DEFAULT_ZONES} zone(s) (numbered from 0).`));
      }
    } else if ("node" in fail && !index.nodeById.has(fail.node)) {
      out.push(makeIssue("unknown-node", [...at, "node"], `Scenario "${scenario.id}" fails "${fail.node}", which is not a node of this plan.`));
    } else if ("commonCause" in fail && !causeIds.has(fail.commonCause)) {
      out.push(makeIssue("unknown-common-cause", [...at, "commonCause"], `Scenario "${scenario.id}" triggers common cause "${fail.commonCause}", which does not exist.`));
    }
  });
}
function round(x) {
  return String(Math.round(x * 1e6) / 1e6);
}
function crossCheckPlan(plan2) {
  const out = [];
  const index = buildIndex(plan2);
  checkUniqueIds(plan2, out);
  checkNodes(plan2, index, out);
  checkEdges(plan2, index, out);
  checkTrafficCycles(plan2, index, out);
  checkMixedDatasets(plan2, index, out);
  checkReplicationGroups(plan2, index, out);
  checkSharedFailures(plan2, index, out);
  return out;
}

// sim/model/resolve.ts
var PLAN_DEFAULTS = {
  clientsRequestsPerSecond: 100,
  clientsWriteFraction: 0.1,
  horizonYears: 10,
  replications: 100,
  seed: 1,
  exceedanceMax: 0.05,
  autoscalingReactionSeconds: 60,
  autoscalingLaunchSeconds: 90
};
function resolveHealthCheck(given, defaults) {
  return {
    intervalSeconds: given?.intervalSeconds ?? defaults.intervalSeconds,
    failureThreshold: given?.failureThreshold ?? defaults.failureThreshold,
    recoveryThreshold: given?.recoveryThreshold ?? defaults.recoveryThreshold,
    checkers: given?.checkers ?? defaults.checkers,
    propagationSeconds: given?.propagationSeconds ?? defaults.propagationSeconds,
    deep: given?.deep ?? false,
    manual: given?.manual ?? false
  };
}
function lookup(table, key) {
  return key !== void 0 && Object.hasOwn(table, key) ? table[key] : void 0;
}
function regionCode(plan2, regionId) {
  return regionId === void 0 ? void 0 : plan2.regions.find((r) => r.id === regionId)?.code;
}
function fleetReliability(plan2, node, platform) {
  if (node.reliability) return node.reliability;
  if (platform === "serverless") {
    const code = regionCode(plan2, node.region);
    const byCode = lookup(CATALOG.reliability.serverlessByCode, code);
    if (byCode) return byCode.value;
  }
  return CATALOG.reliability.platform[platform].value;
}
function resolveNode(plan2, node, drillsPerYear) {
  const base = { id: node.id, name: node.name ?? node.id, region: node.region, zone: node.zone };
  switch (node.kind) {
    case "clients":
      return {
        id: base.id,
        name: base.name,
        region: base.region,
        zone: base.zone,
        kind: "clients",
        requestsPerSecond: node.requestsPerSecond ?? PLAN_DEFAULTS.clientsRequestsPerSecond,
        writeFraction: node.writeFraction ?? PLAN_DEFAULTS.clientsWriteFraction,
        diurnalSwing: node.diurnalSwing ?? 0,
        origins: node.origins ?? {}
      };
    case "dns":
      return {
        id: base.id,
        name: base.name,
        region: base.region,
        zone: base.zone,
        kind: "dns",
        targets: node.targets,
        policy: node.policy ?? "simple",
        ttlSeconds: node.ttlSeconds ?? CATALOG.dns.ttlSeconds.value,
        ttlViolationFraction: node.ttlViolationFraction ?? CATALOG.dns.ttlViolationFraction.value,
        ttlViolationSeconds: node.ttlViolationSeconds ?? CATALOG.dns.ttlViolationSeconds.value,
        healthCheck: resolveHealthCheck(node.healthCheck, CATALOG.healthCheck.route53.value),
        reliability: node.reliability ?? CATALOG.reliability.dns.value
      };
    case "loadBalancer":
      return {
        id: base.id,
        name: base.name,
        region: base.region,
        zone: base.zone,
        kind: "loadBalancer",
        algorithm: node.algorithm ?? "round-robin",
        scope: node.scope ?? "regional",
        healthCheck: resolveHealthCheck(node.healthCheck, CATALOG.healthCheck.alb.value),
        reliability: node.reliability ?? CATALOG.reliability.loadBalancer.value
      };
    case "gateway":
    case "service": {
      const platform = node.platform ?? "vm";
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
          launchSeconds: node.autoscaling.launchSeconds ?? PLAN_DEFAULTS.autoscalingLaunchSeconds
        },
        // Probes exist only when the plan asks for them; their unset numbers take Kubernetes' defaults.
        probes: probes && {
          liveness: probes.liveness ?? CATALOG.healthCheck.kubernetesProbe.value,
          readiness: probes.readiness,
          restartSeconds: probes.restartSeconds ?? CATALOG.healthCheck.podRestartSeconds.value
        },
        concurrencyLimit: node.concurrencyLimit,
        requestSeconds: node.requestSeconds,
        scaleUpPerMinute: node.scaleUpPerMinute,
        reliability: fleetReliability(plan2, node, platform)
      };
    }
    case "datastore": {
      const engine = node.engine ?? "generic";
      const automatic2 = CATALOG.data.promotion.automatic.value;
      const byEngine = lookup(CATALOG.data.promotion.secondsByEngine, engine);
      return {
        id: base.id,
        name: base.name,
        region: base.region,
        zone: base.zone,
        kind: "datastore",
        engine,
        failureLosesData: node.failureLosesData ?? false,
        promotion: {
          // Manual unless the plan says otherwise: automation is a mechanism, not a value.
          automatic: node.promotion?.automatic ?? false,
          detectionSeconds: node.promotion?.detectionSeconds ?? automatic2.detectionSeconds,
          seconds: node.promotion?.seconds ?? byEngine?.value ?? automatic2.seconds,
          successProbability: node.promotion?.successProbability ?? promotionSuccessProbability(drillsPerYear)
        },
        reliability: node.reliability ?? (lookup(CATALOG.reliability.datastoreByEngine, engine) ?? CATALOG.reliability.datastore).value
      };
    }
    case "backup": {
      const d = CATALOG.data.backup.value;
      return {
        id: base.id,
        name: base.name,
        region: base.region,
        zone: base.zone,
        kind: "backup",
        of: node.of,
        intervalHours: node.intervalHours ?? d.intervalHours,
        restoreHours: node.restoreHours ?? d.restoreHours,
        copies: node.copies ?? d.copies,
        media: node.media ?? d.media,
        offsite: node.offsite ?? d.offsite,
        restoreFailureProbability: node.restoreFailureProbability ?? d.restoreFailureProbability,
        reliability: node.reliability
      };
    }
    case "monitor": {
      const d = CATALOG.monitoring.monitored.value;
      return {
        id: base.id,
        name: base.name,
        region: base.region,
        zone: base.zone,
        kind: "monitor",
        detectionMinutes: node.detectionMinutes ?? d.detectionMinutes,
        responseMinutes: node.responseMinutes ?? d.responseMinutes,
        reliability: node.reliability
      };
    }
  }
}
function resolveRegion(region) {
  const code = region.code;
  const outageByCode = lookup(CATALOG.region.outage.byCode, code);
  return {
    id: region.id,
    name: region.name ?? code ?? region.id,
    provider: region.provider ?? "generic",
    code,
    zones: region.zones ?? CATALOG.region.zones.value,
    location: region.location ?? lookup(CATALOG.region.locations, code),
    outage: region.outage === void 0 ? (outageByCode ?? CATALOG.region.outage.generic).value : region.outage,
    zoneOutage: region.zoneOutage === void 0 ? CATALOG.region.zoneOutage.value : region.zoneOutage
  };
}
function replicationLag(plan2, edge) {
  if (edge.lagSeconds) return edge.lagSeconds;
  const from = plan2.nodes.find((n) => n.id === edge.from);
  const engine = from?.kind === "datastore" ? from.engine ?? "generic" : "generic";
  const lags = CATALOG.data.replicationLagSeconds;
  return (lookup(lags, engine) ?? lags.generic).value;
}
function resolvePlan(plan2) {
  const drillsPerYear = plan2.practices?.drillsPerYear ?? 0;
  const nodes = plan2.nodes.map((n) => resolveNode(plan2, n, drillsPerYear));
  const monitor = nodes.find((n) => n.kind === "monitor");
  const unmonitored2 = CATALOG.monitoring.unmonitored.value;
  return {
    schemaVersion: plan2.schemaVersion,
    name: plan2.name,
    regions: plan2.regions.map(resolveRegion),
    nodes,
    edges: plan2.edges.map((e) => e.kind === "replication" ? { ...e, lagSeconds: replicationLag(plan2, e) } : e),
    commonCauses: plan2.commonCauses ?? [],
    scenarios: plan2.scenarios ?? [],
    practices: { drillsPerYear },
    objectives: { ...plan2.objectives, exceedanceMax: plan2.objectives?.exceedanceMax ?? PLAN_DEFAULTS.exceedanceMax },
    simulation: {
      horizonYears: plan2.simulation?.horizonYears ?? PLAN_DEFAULTS.horizonYears,
      replications: plan2.simulation?.replications ?? PLAN_DEFAULTS.replications,
      seed: plan2.simulation?.seed ?? PLAN_DEFAULTS.seed
    },
    manualRecovery: monitor ? { monitorId: monitor.id, detectionMinutes: monitor.detectionMinutes, responseMinutes: monitor.responseMinutes } : { monitorId: void 0, detectionMinutes: unmonitored2.detectionMinutes, responseMinutes: unmonitored2.responseMinutes }
  };
}

// sim/model/schemaIssues.ts
function describeType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}\u2026` : value)}`;
  return `${typeof value} ${String(value)}`;
}
function article(expected) {
  const names = {
    number: "a number",
    string: "text",
    boolean: "true or false",
    object: "an object",
    array: "a list",
    record: "an object",
    int: "a whole number"
  };
  return names[expected] ?? expected;
}
function fieldName(path) {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment !== "string") continue;
    const item = path[i + 1];
    return typeof item === "number" ? `item ${item} of "${segment}"` : `"${segment}"`;
  }
  return "the plan";
}
function sentence(text) {
  return /^(item |the plan)/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
function boundText(issue, low) {
  const bound = low ? issue.minimum : issue.maximum;
  const limit = typeof bound === "bigint" ? Number(bound) : bound;
  if (issue.origin === "array") {
    return low ? `must have at least ${limit} item${limit === 1 ? "" : "s"}` : `must have at most ${limit} items`;
  }
  if (issue.origin === "string") return low ? `must not be empty` : `must be at most ${limit} characters`;
  if (low) return issue.inclusive ? `must be at least ${limit}` : `must be greater than ${limit}`;
  return issue.inclusive ? `must be at most ${limit}` : `must be less than ${limit}`;
}
function issueFromZod(zodIssue) {
  const issue = issueAt(zodIssue, []);
  return { ...issue, message: sentence(issue.message) };
}
function issueAt(zodIssue, prefix) {
  const path = [...prefix, ...zodIssue.path.map((p) => typeof p === "symbol" ? String(p) : p)];
  const field = fieldName(path);
  const input = zodIssue.input;
  switch (zodIssue.code) {
    case "invalid_type": {
      if (input === void 0) return makeIssue("missing-field", path, `${field} is required.`);
      if (zodIssue.expected === "int") {
        return makeIssue("not-integer", path, `${field} must be a whole number, not ${String(input)}.`);
      }
      return makeIssue("wrong-type", path, `${field} must be ${article(zodIssue.expected)}, not ${describeType(input)}.`);
    }
    case "too_small":
      return makeIssue("out-of-range", path, `${field} ${boundText(zodIssue, true)} (got ${describeType(input)}).`);
    case "too_big":
      return makeIssue("out-of-range", path, `${field} ${boundText(zodIssue, false)} (got ${describeType(input)}).`);
    case "invalid_value": {
      const allowed = zodIssue.values.map((v) => JSON.stringify(v)).join(", ");
      if (input === void 0) return makeIssue("missing-field", path, `${field} is required; use ${allowed}.`);
      if (path.length === 1 && path[0] === "schemaVersion") {
        if (typeof input !== "number") return makeIssue("unsupported-version", path, `schemaVersion must be the number ${allowed}, not ${describeType(input)}.`);
        return makeIssue("unsupported-version", path, `schemaVersion ${input} is not supported; this program reads version ${allowed}.`);
      }
      return makeIssue("invalid-value", path, `${field} must be one of ${allowed}, not ${describeType(input)}.`);
    }
    case "unrecognized_keys": {
      const keys = zodIssue.keys;
      const first = keys[0] ?? "";
      return makeIssue(
        "unknown-field",
        [...path, first],
        `${keys.map((k) => `"${k}"`).join(", ")} ${keys.length === 1 ? "is not a field" : "are not fields"} of this object (check the spelling; units are part of field names).`
      );
    }
    case "invalid_union": {
      const discriminator = zodIssue.discriminator;
      const options = zodIssue.options;
      if (discriminator) {
        const got = input && typeof input === "object" ? input[discriminator] : void 0;
        if (got === void 0) {
          return makeIssue("missing-field", path, `"${discriminator}" is required; use one of ${(options ?? []).map((o) => JSON.stringify(o)).join(", ")}.`);
        }
        return makeIssue(
          "unknown-kind",
          path,
          `${JSON.stringify(got)} is not a known ${discriminator}; use one of ${(options ?? []).map((o) => JSON.stringify(o)).join(", ")}.`
        );
      }
      const fitting = zodIssue.errors.filter((branch) => branch.length > 0 && !branch.some((b) => b.code === "unrecognized_keys" && b.path.length === 0));
      const chosen = fitting.length === 1 ? fitting[0][0] : void 0;
      if (chosen) return issueAt(chosen, path);
      return makeIssue("invalid-value", path, `${field} does not match any allowed form; ${unionHint(path)}.`);
    }
    case "invalid_format":
      return makeIssue("invalid-format", path, `${field} has the wrong form (got ${describeType(input)}): ${zodIssue.message}.`);
    case "invalid_key":
      return makeIssue("invalid-format", path, `The key ${JSON.stringify(String(input))} of ${fieldName(path.slice(0, -1))} is not a valid id: ${zodIssue.issues[0]?.message ?? "check its spelling"}.`);
    case "custom":
      return makeIssue("out-of-range", path, `${field}: ${zodIssue.message}.`);
    default:
      return makeIssue("invalid-value", path, `${field}: ${zodIssue.message}.`);
  }
}
function unionHint(path) {
  if (path.includes("fail")) return 'name exactly one of "region", "zone", "node" or "commonCause"';
  return "check the field against PLAN-FORMAT";
}

// sim/model/warnings.ts
var ENGINES_WITH_ASYNC_CROSS_REGION = /* @__PURE__ */ new Set(["aurora", "rds"]);
function warn(out, code, path, message) {
  out.push(makeIssue(code, path, message, "warning"));
}
function lookupOf(resolved) {
  const node = /* @__PURE__ */ new Map();
  for (const n of resolved.nodes) if (!node.has(n.id)) node.set(n.id, n);
  const region = /* @__PURE__ */ new Map();
  for (const r of resolved.regions) if (!region.has(r.id)) region.set(r.id, r);
  return { node, region };
}
function checkData(plan2, resolved, lookup2, out) {
  const nodeIndex = /* @__PURE__ */ new Map();
  plan2.nodes.forEach((n, i) => {
    if (!nodeIndex.has(n.id)) nodeIndex.set(n.id, i);
  });
  const datastore2 = (id2) => {
    const n = lookup2.node.get(id2);
    return n?.kind === "datastore" ? n : void 0;
  };
  plan2.edges.forEach((edge, i) => {
    if (edge.kind !== "replication") return;
    const from = datastore2(edge.from);
    const to = datastore2(edge.to);
    if (!from || !to || from.kind !== "datastore" || to.kind !== "datastore") return;
    const crossRegion = from.region !== void 0 && to.region !== void 0 && from.region !== to.region;
    if (crossRegion && edge.mode === "sync" && ENGINES_WITH_ASYNC_CROSS_REGION.has(from.engine)) {
      warn(out, "cross-region-sync", ["edges", i, "mode"], `Across regions ${from.engine} replicates asynchronously; AWS offers no synchronous cross-region mode for it (${edge.from} \u2192 ${edge.to}).`);
    }
    const replicaIndex = nodeIndex.get(edge.to);
    const replicaPlan = replicaIndex === void 0 ? void 0 : plan2.nodes[replicaIndex];
    if (crossRegion && ENGINES_WITH_ASYNC_CROSS_REGION.has(to.engine) && replicaPlan?.kind === "datastore" && replicaPlan.promotion?.automatic === true) {
      warn(out, "cross-region-auto-promotion", ["nodes", replicaIndex, "promotion", "automatic"], `Promoting ${to.engine} replica "${to.id}" in another region is user-initiated on AWS; automatic promotion here is optimistic.`);
    }
    if ((from.engine === "dynamodb" || to.engine === "dynamodb") && edge.mode !== "multiwriter") {
      warn(out, "dynamodb-promotion", ["edges", i, "mode"], `DynamoDB global tables are multi-writer; model ${edge.from} \u2192 ${edge.to} with mode "multiwriter" rather than a promoted replica.`);
    }
  });
  plan2.nodes.forEach((node, i) => {
    if (node.kind === "datastore" && node.engine === "dynamodb" && node.promotion) {
      warn(out, "dynamodb-promotion", ["nodes", i, "promotion"], `DynamoDB global tables need no promotion; "${node.id}"'s promotion settings will not match the service.`);
    }
    if (node.kind === "backup") {
      const b = resolved.nodes[i];
      if (b?.kind === "backup" && (b.copies < 3 || b.media < 2 || !b.offsite)) {
        const missing = [b.copies < 3 ? `${b.copies} cop${b.copies === 1 ? "y" : "ies"}` : "", b.media < 2 ? `${b.media} medium` : "", !b.offsite ? "no off-site copy" : ""].filter(Boolean).join(", ");
        warn(out, "backup-3-2-1", ["nodes", i], `Backup "${node.id}" breaks the 3-2-1 rule (${missing}): keep 3 copies on 2 media with 1 off site.`);
      }
    }
  });
}
function isRoute53(lookup2, targets) {
  const regions = targets.map((t) => lookup2.node.get(t.node)?.region).filter((r) => r !== void 0);
  return regions.length > 0 && regions.every((r) => lookup2.region.get(r)?.provider === "aws");
}
function checkDns2(plan2, resolved, lookup2, out) {
  plan2.nodes.forEach((node, i) => {
    if (node.kind !== "dns") return;
    const r = resolved.nodes[i];
    if (!r || r.kind !== "dns") return;
    const unused = ["intervalSeconds", "failureThreshold", "recoveryThreshold", "checkers"].filter((k) => node.healthCheck?.[k] !== void 0);
    if (r.healthCheck.manual && unused.length > 0) {
      warn(out, "manual-check-settings", ["nodes", i, "healthCheck", unused[0]], `"${node.id}" is switched by hand after the monitor's detection and response, so its ${unused.join(", ")} ${unused.length === 1 ? "is" : "are"} not used.`);
    }
    if (!isRoute53(lookup2, node.targets)) return;
    if (r.policy !== "simple" && !r.healthCheck.manual) {
      const hc = r.healthCheck;
      if (hc.recoveryThreshold !== hc.failureThreshold) {
        warn(out, "route53-thresholds", ["nodes", i, "healthCheck", "recoveryThreshold"], `Route 53 uses one threshold both ways; "${node.id}" has failure ${hc.failureThreshold} and recovery ${hc.recoveryThreshold}.`);
      }
      if (hc.intervalSeconds !== 10 && hc.intervalSeconds !== 30) {
        warn(out, "route53-interval", ["nodes", i, "healthCheck", "intervalSeconds"], `Route 53 checks every 10 or 30 seconds; "${node.id}" says ${hc.intervalSeconds}.`);
      }
    }
    const aliasToBalancer = node.targets.some((t) => lookup2.node.get(t.node)?.kind === "loadBalancer");
    if (aliasToBalancer && r.ttlSeconds !== 60) {
      warn(out, "alias-ttl", ["nodes", i, "ttlSeconds"], `An alias record to an AWS load balancer has a fixed 60-second TTL; "${node.id}" says ${r.ttlSeconds} s.`);
    }
  });
}
function checkReachability(plan2, out) {
  const starts = plan2.nodes.filter((n) => n.kind === "clients").map((n) => n.id);
  if (starts.length === 0) return;
  const next = /* @__PURE__ */ new Map();
  const link = (a, b) => {
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
  };
  for (const e of plan2.edges) {
    link(e.from, e.to);
    if (e.kind === "replication") link(e.to, e.from);
  }
  for (const n of plan2.nodes) if (n.kind === "dns") for (const t of n.targets) link(n.id, t.node);
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length) {
    for (const m of next.get(queue.pop()) ?? []) {
      if (seen.has(m)) continue;
      seen.add(m);
      queue.push(m);
    }
  }
  plan2.nodes.forEach((n, i) => {
    if (n.kind === "backup" || n.kind === "monitor" || seen.has(n.id)) return;
    warn(out, "unreachable-node", ["nodes", i], `No client traffic reaches ${n.kind} "${n.id}"; connect it or it will not affect the results.`);
  });
}
function warningsFor(plan2, resolved) {
  const out = [];
  const lookup2 = lookupOf(resolved);
  checkData(plan2, resolved, lookup2, out);
  checkDns2(plan2, resolved, lookup2, out);
  checkReachability(plan2, out);
  return out;
}

// sim/model/validate.ts
function checkLocations(plan2, resolved) {
  const out = [];
  const involved = /* @__PURE__ */ new Set();
  const latency = plan2.nodes.filter((n) => n.kind === "dns" && n.policy === "latency");
  if (latency.length === 0) return out;
  const byId2 = /* @__PURE__ */ new Map();
  for (const n of plan2.nodes) if (!byId2.has(n.id)) byId2.set(n.id, n);
  const latencyIds = new Set(latency.map((n) => n.id));
  for (const n of latency) {
    if (n.kind !== "dns") continue;
    for (const t of n.targets) {
      const region = byId2.get(t.node)?.region;
      if (region) involved.add(region);
    }
  }
  for (const e of plan2.edges) {
    const feeder = e.kind === "traffic" && latencyIds.has(e.to) ? byId2.get(e.from) : void 0;
    if (feeder?.kind === "clients") for (const origin of Object.keys(feeder.origins ?? {})) involved.add(origin);
  }
  resolved.regions.forEach((r, i) => {
    if (involved.has(r.id) && !r.location) {
      out.push(makeIssue("location-missing", ["regions", i, "location"], `Region "${r.id}" has no location and no known provider code; latency routing needs its lat/lon.`));
    }
  });
  return out;
}
var PROTOTYPE_KEYS = /* @__PURE__ */ new Set(["__proto__"]);
function prototypeKeyIssues(input) {
  const out = [];
  const stack = [{ value: input, key: "", parent: null }];
  const pathOf = (v) => {
    const path = [];
    for (let at = v; at && at.parent; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  while (stack.length > 0 && out.length < 20) {
    const visit = stack.pop();
    const value = visit.value;
    if (typeof value !== "object" || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], key: i, parent: visit });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) {
        out.push(makeIssue("reserved-key", [...pathOf(visit), key], `"${key}" cannot be used as a key here: JavaScript reserves it, so the entry would be lost; rename it.`));
      }
      stack.push({ value: value[key], key, parent: visit });
    }
  }
  return out;
}
function validatePlan(input) {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, errors: [makeIssue("not-an-object", [], 'A plan must be a JSON object with "schemaVersion", "name" and "nodes".')], warnings: [] };
  }
  const reserved = prototypeKeyIssues(input);
  if (reserved.length > 0) return { ok: false, errors: reserved, warnings: [] };
  const parsed = PlanSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map(issueFromZod), warnings: [] };
  }
  const plan2 = parsed.data;
  const errors = crossCheckPlan(plan2);
  if (errors.length > 0) return { ok: false, plan: plan2, errors, warnings: [] };
  const resolved = resolvePlan(plan2);
  const locationErrors = checkLocations(plan2, resolved);
  const warnings = warningsFor(plan2, resolved);
  if (locationErrors.length > 0) return { ok: false, plan: plan2, errors: locationErrors, warnings };
  return { ok: true, plan: plan2, resolved, errors: [], warnings };
}

// sim/engine/detection.ts
function compileHealthCheck(hc) {
  const m = hc.checkers;
  const tolerated = Math.floor(18 * m / 100);
  return {
    intervalSeconds: hc.intervalSeconds,
    failureThreshold: hc.failureThreshold,
    recoveryThreshold: hc.recoveryThreshold,
    checkers: m,
    failureOrder: m - tolerated,
    recoveryOrder: tolerated + 1,
    propagationSeconds: hc.propagationSeconds
  };
}
function sampleDetectionSeconds(law, stream, failure) {
  const threshold = failure ? law.failureThreshold : law.recoveryThreshold;
  const order = failure ? law.failureOrder : law.recoveryOrder;
  const phase = law.checkers === 1 ? stream.next() : orderStatistic(order, law.checkers, stream);
  return (threshold - 1 + phase) * law.intervalSeconds + law.propagationSeconds;
}
function orderStatistic(j, m, stream) {
  let head = 0;
  let total = 0;
  for (let i = 1; i <= m + 1; i++) {
    const e = -Math.log(1 - stream.next());
    total += e;
    if (i === j) head = total;
  }
  return head / total;
}

// sim/engine/timeUnits.ts
var HOUR = 3600;
var HOURS_PER_YEAR2 = 8760;
var YEAR_SECONDS = HOURS_PER_YEAR2 * HOUR;
var MONTH_SECONDS = 730 * HOUR;

// sim/engine/distributions.ts
var SamplerKind = { Exponential: 0, Weibull: 1, Lognormal: 2, Fixed: 3, Uniform: 4, Never: 5 };
var NEVER = { kind: SamplerKind.Never, a: 0, b: 0 };
function compileDistribution(d, secondsPerUnit) {
  switch (d.dist) {
    case "exponential":
      return { kind: SamplerKind.Exponential, a: d.mean * secondsPerUnit, b: 0 };
    case "weibull":
      return { kind: SamplerKind.Weibull, a: d.scale * secondsPerUnit, b: 1 / d.shape };
    case "lognormal":
      return { kind: SamplerKind.Lognormal, a: d.median * secondsPerUnit, b: d.sigma };
    case "fixed":
      return { kind: SamplerKind.Fixed, a: d.value * secondsPerUnit, b: 0 };
    case "uniform":
      return { kind: SamplerKind.Uniform, a: d.min * secondsPerUnit, b: (d.max - d.min) * secondsPerUnit };
    case "never":
      return NEVER;
  }
}
function poissonGaps(ratePerYear) {
  if (!(ratePerYear > 0)) return NEVER;
  return { kind: SamplerKind.Exponential, a: YEAR_SECONDS / ratePerYear, b: 0 };
}
var TWO_PI = 2 * Math.PI;
function sample(s, stream) {
  switch (s.kind) {
    case SamplerKind.Exponential:
      return -s.a * Math.log(1 - stream.next());
    case SamplerKind.Weibull:
      return s.a * Math.pow(-Math.log(1 - stream.next()), s.b);
    case SamplerKind.Lognormal: {
      const radius = Math.sqrt(-2 * Math.log(1 - stream.next()));
      return s.a * Math.exp(s.b * radius * Math.cos(TWO_PI * stream.next()));
    }
    case SamplerKind.Fixed:
      return s.a;
    case SamplerKind.Uniform:
      return s.a + s.b * stream.next();
    case SamplerKind.Never:
      return Infinity;
  }
}
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function logGamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z2 = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z2 + i);
  const t = z2 + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z2 + 0.5) * Math.log(t) - t + Math.log(sum);
}

// sim/engine/dns/greatCircle.ts
var EARTH_RADIUS_KM = 6371.0088;
function greatCircleKm(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

// sim/engine/dns/answers.ts
var GLOBAL_ORIGIN = "";
function locationOf(plan2, regionId) {
  return regionId === void 0 ? void 0 : plan2.regions.find((r) => r.id === regionId)?.location;
}
function compileDnsRecord(plan2, dns2, originIds) {
  const targetIds = dns2.targets.map((t) => t.node);
  const primary = dns2.targets.findIndex((t) => t.role === "primary");
  const secondary = dns2.targets.findIndex((t) => t.role === "secondary");
  const weights = Float64Array.from(dns2.targets.map((t) => t.weight ?? 0));
  const targetLocations = dns2.targets.map((t) => {
    const node = plan2.nodes.find((n) => n.id === t.node);
    return node?.region === void 0 ? null : locationOf(plan2, node.region) ?? null;
  });
  const nearestFirst = originIds.map((origin) => {
    const from = locationOf(plan2, origin === GLOBAL_ORIGIN ? void 0 : origin);
    const distance = targetLocations.map((loc) => loc === null || !from ? 0 : greatCircleKm(from, loc));
    return Int32Array.from(targetIds.map((_, i) => i).sort((a, b) => distance[a] - distance[b] || a - b));
  });
  const geoTarget = Int32Array.from(originIds.map((origin) => dns2.targets.findIndex((t) => t.origins?.includes(origin) ?? false)));
  return {
    policy: dns2.policy,
    targetIds,
    primary: primary >= 0 ? primary : 0,
    secondary,
    weights,
    originIds,
    nearestFirst,
    geoTarget,
    geoDefault: dns2.targets.findIndex((t) => t.default === true)
  };
}
function answerFor(record, healthy, origin, out) {
  out.fill(0);
  let anyHealthy = false;
  for (let k = 0; k < record.targetIds.length; k++) if (healthy[k]) anyHealthy = true;
  switch (record.policy) {
    case "simple":
      out[0] = 1;
      return;
    case "failover":
      if (isBelieved(healthy, anyHealthy, record.primary)) out[record.primary] = 1;
      else if (record.secondary >= 0 && isBelieved(healthy, anyHealthy, record.secondary)) out[record.secondary] = 1;
      else out[record.primary] = 1;
      return;
    case "weighted": {
      let total = 0;
      for (let k = 0; k < out.length; k++) if (isBelieved(healthy, anyHealthy, k)) total += record.weights[k];
      if (total > 0) {
        for (let k = 0; k < out.length; k++) if (isBelieved(healthy, anyHealthy, k)) out[k] = record.weights[k] / total;
        return;
      }
      let count = 0;
      for (let k = 0; k < out.length; k++) if (isBelieved(healthy, anyHealthy, k)) count++;
      for (let k = 0; k < out.length; k++) if (isBelieved(healthy, anyHealthy, k)) out[k] = 1 / count;
      return;
    }
    case "latency": {
      const order = record.nearestFirst[origin];
      for (let i = 0; i < order.length; i++) {
        const k = order[i];
        if (isBelieved(healthy, anyHealthy, k)) {
          out[k] = 1;
          return;
        }
      }
      return;
    }
    case "geo": {
      const listed = record.geoTarget[origin];
      if (listed >= 0 && isBelieved(healthy, anyHealthy, listed)) out[listed] = 1;
      else if (record.geoDefault >= 0 && isBelieved(healthy, anyHealthy, record.geoDefault)) out[record.geoDefault] = 1;
      return;
    }
  }
}
function isBelieved(healthy, anyHealthy, k) {
  return !anyHealthy || healthy[k] === 1;
}

// sim/engine/dns/compileDns.ts
function collectOrigins(plan2) {
  const ids = [];
  const byClients = /* @__PURE__ */ new Map();
  const indexOf = (id2) => {
    let i = ids.indexOf(id2);
    if (i < 0) i = ids.push(id2) - 1;
    return i;
  };
  for (const n of plan2.nodes) {
    if (n.kind !== "clients") continue;
    const entries = Object.entries(n.origins).filter(([, share]) => share > 0);
    byClients.set(n.id, entries.length > 0 ? entries.map(([region, share]) => [indexOf(region), share]) : [[indexOf(GLOBAL_ORIGIN), 1]]);
  }
  const fedByClients = (dnsId) => plan2.edges.some((e) => e.kind === "traffic" && e.to === dnsId && plan2.nodes.find((x) => x.id === e.from)?.kind === "clients");
  if (plan2.nodes.some((n) => n.kind === "dns" && !fedByClients(n.id))) indexOf(GLOBAL_ORIGIN);
  return { ids, byClients };
}
function compileDns(plan2, nodeIndex, origins) {
  const dns2 = [];
  const checks = [];
  for (const n of plan2.nodes) {
    if (n.kind !== "dns") continue;
    const record = compileDnsRecord(plan2, n, origins.ids);
    const originWeight = new Float64Array(origins.ids.length);
    for (const e of plan2.edges) {
      if (e.kind !== "traffic" || e.to !== n.id) continue;
      const feeder = plan2.nodes.find((x) => x.id === e.from);
      if (feeder?.kind !== "clients") continue;
      for (const [o, share] of origins.byClients.get(feeder.id) ?? []) originWeight[o] = originWeight[o] + feeder.requestsPerSecond * share;
    }
    let total = originWeight.reduce((s, x) => s + x, 0);
    if (total === 0) {
      originWeight[origins.ids.indexOf(GLOBAL_ORIGIN)] = 1;
      total = 1;
    }
    for (let o = 0; o < originWeight.length; o++) originWeight[o] = originWeight[o] / total;
    const d = dns2.length;
    const checkStart = checks.length;
    if (n.policy !== "simple") {
      const law = compileHealthCheck(n.healthCheck);
      n.targets.forEach((t, k) => {
        checks.push({ dns: d, target: k, targetNode: nodeIndex.get(t.node), sourceId: `${n.id}->${t.node}`, law, deep: n.healthCheck.deep, manual: n.healthCheck.manual });
      });
    }
    dns2.push({
      node: nodeIndex.get(n.id),
      id: n.id,
      record,
      targetNodes: Int32Array.from(n.targets.map((t) => nodeIndex.get(t.node))),
      originWeight,
      ttlSeconds: n.ttlSeconds,
      violationFraction: n.ttlViolationFraction,
      violationSeconds: n.ttlViolationSeconds,
      checkStart,
      checkEnd: checks.length
    });
  }
  return { dns: dns2, checks };
}

// sim/engine/data/dataModel.ts
function compileData(plan2, nodes, components, overlays, passiveIndex) {
  const stores = plan2.nodes.filter((n) => n.kind === "datastore");
  const nodeIndex = new Map(nodes.map((n, i) => [n.id, i]));
  const replication = plan2.edges.filter((e) => e.kind === "replication");
  const neighbours = new Map(stores.map((s) => [s.id, []]));
  replication.forEach((e, i) => {
    neighbours.get(e.from)?.push({ other: e.to, edge: i });
    neighbours.get(e.to)?.push({ other: e.from, edge: i });
  });
  const hasIncoming = new Set(replication.map((e) => e.to));
  const rates = writeRates(plan2);
  const regionOverlay = /* @__PURE__ */ new Map();
  overlays.forEach((o, i) => {
    if (o.cause.kind === "region") regionOverlay.set(o.cause.id, i);
  });
  const assigned = /* @__PURE__ */ new Set();
  const datasets = [];
  const datasetOfComponent = new Int32Array(components.length).fill(-1);
  const memberOfComponent = new Int32Array(components.length).fill(-1);
  for (const seed of stores) {
    if (assigned.has(seed.id)) continue;
    const closure = /* @__PURE__ */ new Set([seed.id]);
    const stack = [seed.id];
    while (stack.length > 0) {
      for (const { other } of neighbours.get(stack.pop())) {
        if (closure.has(other)) continue;
        closure.add(other);
        stack.push(other);
      }
    }
    const inPlanOrder = stores.filter((s) => closure.has(s.id));
    const primary = inPlanOrder.find((s) => !hasIncoming.has(s.id)) ?? inPlanOrder[0];
    const ids = bfsOrder(primary.id, neighbours);
    ids.forEach((id2) => assigned.add(id2));
    const member = new Map(ids.map((id2, i) => [id2, i]));
    const byId2 = new Map(inPlanOrder.map((s) => [s.id, s]));
    const edgeIndex = /* @__PURE__ */ new Map();
    const edges = [];
    replication.forEach((e, i) => {
      if (!member.has(e.from)) return;
      edgeIndex.set(i, edges.length);
      edges.push({
        from: member.get(e.from),
        to: member.get(e.to),
        sync: e.mode === "sync",
        lag: compileDistribution(e.lagSeconds, 1),
        sourceId: `replication:${e.from}->${e.to}`
      });
    });
    const { pathParent, pathVia } = allPaths(ids, neighbours, member, edgeIndex);
    const d = datasets.length;
    const compOf = ids.map((id2) => nodes[nodeIndex.get(id2)].component);
    compOf.forEach((c, i) => {
      datasetOfComponent[c] = d;
      memberOfComponent[c] = i;
    });
    const writeRate = Float64Array.from(ids, (id2) => rates.get(id2)?.rate ?? 0);
    const writeSwingRate = Float64Array.from(ids, (id2) => rates.get(id2)?.swingRate ?? 0);
    datasets.push({
      ids,
      nodes: Int32Array.from(ids, (id2) => nodeIndex.get(id2)),
      components: Int32Array.from(compOf),
      failureLosesData: Uint8Array.from(ids, (id2) => byId2.get(id2).failureLosesData ? 1 : 0),
      promotion: ids.map((id2) => ({ ...byId2.get(id2).promotion })),
      // Datasets mixing multiwriter with sync/async edges are a validation error (crossChecks.ts).
      multiwriter: replication.some((e) => member.has(e.from) && e.mode === "multiwriter"),
      edges,
      pathParent,
      pathVia,
      backups: plan2.nodes.flatMap((b) => {
        if (b.kind !== "backup" || !member.has(b.of)) return [];
        const region = byId2.get(b.of).region;
        return [
          {
            sourceId: b.id,
            member: member.get(b.of),
            intervalSeconds: b.intervalHours * HOUR,
            restore: compileDistribution(b.restoreHours, HOUR),
            restoreFailureProbability: b.restoreFailureProbability,
            offsite: b.offsite,
            regionOverlay: region === void 0 ? -1 : regionOverlay.get(region) ?? -1,
            passive: passiveIndex.get(b.id)
          }
        ];
      }),
      writeRate,
      totalWriteRate: writeRate.reduce((a, b) => a + b, 0),
      writeSwingRate,
      totalWriteSwingRate: writeSwingRate.reduce((a, b) => a + b, 0)
    });
  }
  return { datasets, datasetOfComponent, memberOfComponent };
}
function bfsOrder(start, neighbours) {
  const order = [start];
  const seen = new Set(order);
  for (let i = 0; i < order.length; i++) {
    for (const { other } of neighbours.get(order[i])) {
      if (!seen.has(other)) {
        seen.add(other);
        order.push(other);
      }
    }
  }
  return order;
}
function allPaths(ids, neighbours, member, edgeIndex) {
  const m = ids.length;
  const pathParent = new Int32Array(m * m).fill(-1);
  const pathVia = new Int32Array(m * m).fill(-1);
  const queue = new Int32Array(m);
  const seen = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    seen.fill(0);
    seen[i] = 1;
    queue[0] = i;
    let tail = 1;
    for (let q = 0; q < tail; q++) {
      const u = queue[q];
      for (const { other, edge } of neighbours.get(ids[u])) {
        const v = member.get(other);
        if (seen[v]) continue;
        seen[v] = 1;
        pathParent[i * m + v] = u;
        pathVia[i * m + v] = edgeIndex.get(edge);
        queue[tail++] = v;
      }
    }
  }
  return { pathParent, pathVia };
}
function pathBetween(def, from, to) {
  const m = def.ids.length;
  const back = [];
  for (let v = to; v !== from && def.pathParent[from * m + v] >= 0; v = def.pathParent[from * m + v]) back.push(def.pathVia[from * m + v]);
  return back.reverse();
}
function writeRates(plan2) {
  const out = /* @__PURE__ */ new Map();
  const indeg = new Map(plan2.nodes.map((n) => [n.id, 0]));
  const link = (from, to, share) => {
    if (!indeg.has(to)) return;
    out.get(from).push({ to, share });
    indeg.set(to, indeg.get(to) + 1);
  };
  for (const n of plan2.nodes) out.set(n.id, []);
  for (const n of plan2.nodes) {
    const targets = plan2.edges.filter((e) => e.kind === "traffic" && e.from === n.id).map((e) => e.to);
    if (n.kind === "dns") {
      const named = n.targets.length > 0 ? n.targets : targets.map((node) => ({ node }));
      const weights = named.map((t) => {
        if (n.policy === "failover") return "role" in t && t.role === "secondary" ? 0 : 1;
        if (n.policy === "weighted") return "weight" in t && typeof t.weight === "number" ? t.weight : 1;
        return 1;
      });
      const sum = weights.reduce((a, b) => a + b, 0);
      named.forEach((t, i) => link(n.id, t.node, sum > 0 ? weights[i] / sum : 1 / named.length));
    } else if (n.kind === "loadBalancer") {
      for (const to of targets) link(n.id, to, 1 / targets.length);
    } else {
      for (const to of targets) link(n.id, to, 1);
    }
  }
  const rate = new Map(
    plan2.nodes.map((n) => {
      const w = n.kind === "clients" ? n.requestsPerSecond * n.writeFraction : 0;
      return [n.id, { rate: w, swingRate: n.kind === "clients" ? w * n.diurnalSwing : 0 }];
    })
  );
  const ready = plan2.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  for (let i = 0; i < ready.length; i++) {
    const id2 = ready[i];
    for (const { to, share } of out.get(id2)) {
      const from = rate.get(id2);
      const into = rate.get(to);
      into.rate += from.rate * share;
      into.swingRate += from.swingRate * share;
      indeg.set(to, indeg.get(to) - 1);
      if (indeg.get(to) === 0) ready.push(to);
    }
  }
  return rate;
}

// sim/engine/scaling/fleetDefs.ts
function compileProbeLaw(probe) {
  return {
    intervalSeconds: probe.periodSeconds,
    failureThreshold: probe.failureThreshold,
    recoveryThreshold: 1,
    checkers: 1,
    failureOrder: 1,
    recoveryOrder: 1,
    propagationSeconds: 0
  };
}
function criticalComponents(nodes, componentCount) {
  const req = new Array(nodes.length);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    const childSets = Array.from(n.children, (c) => req[c]);
    let own;
    if (n.role === 0 || n.role === 1 || n.role === 2) {
      own = /* @__PURE__ */ new Set();
      for (const s of childSets) for (const x of s) own.add(x);
      if (n.role === 1 || n.role === 2 && n.instances === 1) own.add(n.component);
    } else {
      own = childSets.length === 0 ? /* @__PURE__ */ new Set() : new Set([...childSets[0]].filter((x) => childSets.every((s) => s.has(x))));
      if (n.role === 3 && n.component >= 0) own.add(n.component);
    }
    req[i] = own;
  }
  const out = new Uint8Array(componentCount);
  const clients = nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.role === 0 && n.requestsPerSecond > 0);
  if (clients.length === 0) return out;
  for (const x of req[clients[0].i]) if (clients.every(({ i }) => req[i].has(x))) out[x] = 1;
  return out;
}

// sim/engine/passives.ts
var MINUTE = 60;
function compilePassives(plan2) {
  const passives = [];
  const monitors = [];
  const passiveIndex = /* @__PURE__ */ new Map();
  for (const n of plan2.nodes) {
    if (n.kind !== "backup" && n.kind !== "monitor") continue;
    passiveIndex.set(n.id, passives.length);
    passives.push({
      sourceId: n.id,
      kind: n.kind,
      // Meaning 1: backups and monitors never fail on their own without a reliability block.
      timeToFailure: n.reliability ? compileDistribution(n.reliability.timeToFailureHours, HOUR) : NEVER,
      timeToRepair: n.reliability ? compileDistribution(n.reliability.timeToRepairHours, HOUR) : NEVER,
      region: n.region,
      zone: n.zone ?? -1
    });
    if (n.kind === "monitor") {
      monitors.push({ passive: passives.length - 1, detection: compileDistribution(n.detectionMinutes, MINUTE), response: compileDistribution(n.responseMinutes, MINUTE) });
    }
  }
  if (monitors.length === 0) {
    monitors.push({
      passive: -1,
      detection: compileDistribution(plan2.manualRecovery.detectionMinutes, MINUTE),
      response: compileDistribution(plan2.manualRecovery.responseMinutes, MINUTE)
    });
  }
  return { passives, monitors, passiveIndex };
}
function notice(monitors, state, stream) {
  let best = null;
  let bestDetection = Infinity;
  for (let m = 0; m < monitors.length; m++) {
    const def = monitors[m];
    if (def.passive >= 0 && state.passiveDown[def.passive] !== 0) continue;
    const detection = sample(def.detection, stream);
    const response = sample(def.response, stream);
    if (detection < bestDetection) {
      bestDetection = detection;
      best = { delaySeconds: detection + response, monitor: m };
    }
  }
  return best;
}
function noticeAfterReturn(monitors, monitor, stream) {
  const def = monitors[monitor];
  return { delaySeconds: sample(def.detection, stream) + sample(def.response, stream), monitor };
}
function monitorOfPassive(monitors, passive) {
  for (let m = 0; m < monitors.length; m++) if (monitors[m].passive === passive) return m;
  return -1;
}

// sim/engine/outages.ts
function hitsComponent(target, c) {
  switch (target.kind) {
    case "region":
      return c.region === target.region;
    case "zone":
      return c.region === target.region && (c.zone >= 0 ? c.zone === target.zone : c.instance >= 0 && c.instance % target.zones === target.zone);
    case "node":
      return c.nodeId === target.node;
    case "commonCause":
      return target.affects.has(c.nodeId);
  }
}
function hitsPassive(target, p) {
  switch (target.kind) {
    case "region":
      return p.region === target.region;
    case "zone":
      return p.region === target.region && p.zone === target.zone;
    case "node":
      return p.sourceId === target.node;
    case "commonCause":
      return target.affects.has(p.sourceId);
  }
}
function outageMembers(target, components, passives) {
  const members = [];
  for (let i = 0; i < components.length; i++) if (hitsComponent(target, components[i])) members.push(i);
  const passiveMembers = [];
  for (let i = 0; i < passives.length; i++) if (hitsPassive(target, passives[i])) passiveMembers.push(i);
  return { members: Int32Array.from(members), passiveMembers: Int32Array.from(passiveMembers) };
}

// sim/engine/model.ts
var NodeRole = { Clients: 0, Series: 1, Fleet: 2, Balancer: 3, Dns: 4, Datastore: 5 };
var LbAlgorithmCode = { RoundRobin: 0, LeastConnections: 1, IpHash: 2 };
function isFleet(n) {
  return n.kind === "gateway" || n.kind === "service";
}
function carriesTraffic(n) {
  return n.kind === "clients" || n.kind === "loadBalancer" || isFleet(n) || n.kind === "datastore" || n.kind === "dns";
}
function orderStage(plan2) {
  const planNodes = plan2.nodes.filter(carriesTraffic);
  const byId2 = new Map(planNodes.map((n) => [n.id, n]));
  const outgoing = new Map(planNodes.map((n) => [n.id, []]));
  const incomingCount = new Map(planNodes.map((n) => [n.id, 0]));
  const link = (from, to) => {
    if (outgoing.get(from).includes(to)) return;
    outgoing.get(from).push(to);
    incomingCount.set(to, incomingCount.get(to) + 1);
  };
  for (const e of plan2.edges) {
    if (e.kind !== "traffic" || !byId2.has(e.from) || !byId2.has(e.to) || byId2.get(e.from).kind === "dns") continue;
    link(e.from, e.to);
  }
  for (const n of planNodes) if (n.kind === "dns") {
    for (const t of n.targets) if (byId2.has(t.node)) link(n.id, t.node);
  }
  const order = [];
  const ready = planNodes.filter((n) => incomingCount.get(n.id) === 0).map((n) => n.id);
  while (ready.length > 0) {
    const id2 = ready.shift();
    order.push(id2);
    for (const to of outgoing.get(id2)) {
      const left = incomingCount.get(to) - 1;
      incomingCount.set(to, left);
      if (left === 0) ready.push(to);
    }
  }
  if (order.length !== planNodes.length) throw new Error("traffic edges form a cycle");
  const indexOf = new Map(order.map((id2, i) => [id2, i]));
  return { planNodes, byId: byId2, outgoing, order, indexOf };
}
function componentStage({ order, byId: byId2, outgoing, indexOf }) {
  const components = [];
  const componentCauses = [];
  const nodes = [];
  for (const id2 of order) {
    const n = byId2.get(id2);
    const nodeIndex = nodes.length;
    const def = {
      id: id2,
      role: NodeRole.Series,
      component: components.length,
      instances: 1,
      initialActive: 1,
      autoscaling: null,
      serverless: null,
      capacityRps: Infinity,
      requestsPerSecond: 0,
      diurnalSwing: 0,
      children: Int32Array.from(outgoing.get(id2).map((to) => indexOf.get(to))),
      pairStart: 0,
      pairEnd: 0,
      algorithm: LbAlgorithmCode.RoundRobin,
      dns: -1
    };
    if (n.kind === "clients") {
      def.role = NodeRole.Clients;
      def.component = -1;
      def.requestsPerSecond = n.requestsPerSecond;
      def.diurnalSwing = n.diurnalSwing;
    } else if (isFleet(n)) {
      def.role = NodeRole.Fleet;
      const ttf = compileDistribution(n.reliability.timeToFailureHours, HOUR);
      const ttr = compileDistribution(n.reliability.timeToRepairHours, HOUR);
      if (n.platform === "serverless") {
        def.serverless = {
          concurrencyLimit: n.concurrencyLimit ?? Infinity,
          requestSeconds: n.requestSeconds ?? 0,
          scaleUpPerSecond: n.scaleUpPerMinute === void 0 ? Infinity : n.scaleUpPerMinute / 60
        };
        def.capacityRps = n.concurrencyLimit !== void 0 && n.requestSeconds !== void 0 ? n.concurrencyLimit / n.requestSeconds : Infinity;
        components.push({ sourceId: id2, node: nodeIndex, instance: -1, timeToFailure: ttf, timeToRepair: ttr, liveness: null, region: n.region, zone: n.zone ?? -1 });
        componentCauses.push({ kind: "node", id: id2 });
      } else {
        def.capacityRps = n.capacityRpsPerInstance ?? Infinity;
        def.initialActive = n.instances;
        const a = n.autoscaling;
        def.instances = a ? Math.max(n.instances, a.max) : n.instances;
        if (a) def.autoscaling = { min: a.min, max: Math.max(a.max, n.instances), targetUtilization: a.targetUtilization, reactionSeconds: a.reactionSeconds, launchSeconds: a.launchSeconds };
        const liveness = n.platform === "container" && n.probes ? { law: compileProbeLaw(n.probes.liveness), restartSeconds: n.probes.restartSeconds } : null;
        for (let i = 0; i < def.instances; i++) {
          components.push({ sourceId: `${id2}#${i}`, node: nodeIndex, instance: i, timeToFailure: ttf, timeToRepair: ttr, liveness, region: n.region, zone: n.zone ?? -1 });
          componentCauses.push({ kind: "instance", id: `${id2}#${i}` });
        }
      }
    } else if (n.kind === "loadBalancer" || n.kind === "datastore" || n.kind === "dns") {
      if (n.kind === "dns") def.role = NodeRole.Dns;
      if (n.kind === "loadBalancer") {
        def.role = NodeRole.Balancer;
        def.algorithm = n.algorithm === "least-connections" ? LbAlgorithmCode.LeastConnections : n.algorithm === "ip-hash" ? LbAlgorithmCode.IpHash : LbAlgorithmCode.RoundRobin;
      }
      if (n.kind === "datastore") def.role = NodeRole.Datastore;
      components.push({
        sourceId: id2,
        node: nodeIndex,
        instance: -1,
        timeToFailure: compileDistribution(n.reliability.timeToFailureHours, HOUR),
        timeToRepair: compileDistribution(n.reliability.timeToRepairHours, HOUR),
        liveness: null,
        // A global balancer belongs to no region: no region or zone outage takes it down (meaning 17).
        region: n.kind === "loadBalancer" && n.scope === "global" ? void 0 : n.region,
        zone: n.kind === "loadBalancer" && n.scope === "global" ? -1 : n.zone ?? -1
      });
      componentCauses.push({ kind: "node", id: id2 });
    }
    nodes.push(def);
  }
  return { nodes, components, componentCauses };
}
function pairStage(nodes, components, byId2) {
  const pairs = [];
  const balancerOfComponent = new Int32Array(components.length).fill(-1);
  for (let b = 0; b < nodes.length; b++) {
    const def = nodes[b];
    if (def.role !== NodeRole.Balancer) continue;
    const lb = byId2.get(def.id);
    if (lb.kind !== "loadBalancer") continue;
    balancerOfComponent[def.component] = b;
    const law = compileHealthCheck(lb.healthCheck);
    def.pairStart = pairs.length;
    for (const t of def.children) {
      const target = nodes[t];
      if (target.role === NodeRole.Fleet && target.serverless === null) {
        const planTarget = byId2.get(target.id);
        const readiness = isFleet(planTarget) && planTarget.platform === "container" ? planTarget.probes?.readiness : void 0;
        const memberLaw = readiness ? compileProbeLaw(readiness) : law;
        for (let i = 0; i < target.instances; i++) {
          const member = target.component + i;
          pairs.push({ balancer: b, member, memberNode: t, isInstance: true, sourceId: `${def.id}->${components[member].sourceId}`, law: memberLaw, readiness: readiness !== void 0, deep: lb.healthCheck.deep });
        }
      } else if (target.component >= 0) {
        pairs.push({ balancer: b, member: target.component, memberNode: t, isInstance: false, sourceId: `${def.id}->${target.id}`, law, readiness: false, deep: lb.healthCheck.deep });
      }
    }
    def.pairEnd = pairs.length;
  }
  const observerCount = new Int32Array(components.length + 1);
  for (const p of pairs) observerCount[p.member + 1]++;
  for (let c = 0; c < components.length; c++) observerCount[c + 1] += observerCount[c];
  const observerStart = observerCount;
  const fill = observerStart.slice(0, components.length);
  const observerList = new Int32Array(pairs.length);
  pairs.forEach((p, i) => {
    observerList[fill[p.member]++] = i;
  });
  return { pairs, balancerOfComponent, observerStart, observerList };
}
function outageComponents(nodes, components) {
  return components.map((c) => ({ nodeId: nodes[c.node].id, region: c.region, zone: c.zone, instance: c.instance }));
}
function overlayStage(plan2, nodes, components, passives) {
  const hit = outageComponents(nodes, components);
  const overlays = [];
  for (const region of plan2.regions) {
    if (region.outage) {
      overlays.push({
        sourceId: `region:${region.id}`,
        cause: { kind: "region", id: region.id },
        gap: poissonGaps(region.outage.ratePerYear),
        duration: compileDistribution(region.outage.durationHours, HOUR),
        ...outageMembers({ kind: "region", region: region.id }, hit, passives),
        repeats: true
      });
    }
    if (region.zoneOutage) {
      for (let z2 = 0; z2 < region.zones; z2++) {
        overlays.push({
          sourceId: `zone:${region.id}:${z2}`,
          cause: { kind: "zone", id: `${region.id}/${z2}` },
          gap: poissonGaps(region.zoneOutage.ratePerYear),
          duration: compileDistribution(region.zoneOutage.durationHours, HOUR),
          ...outageMembers({ kind: "zone", region: region.id, zone: z2, zones: region.zones }, hit, passives),
          repeats: true
        });
      }
    }
  }
  for (const cause of plan2.commonCauses) {
    overlays.push({
      sourceId: `cause:${cause.id}`,
      cause: { kind: "commonCause", id: cause.id },
      gap: poissonGaps(cause.ratePerYear),
      duration: compileDistribution(cause.durationHours, HOUR),
      ...outageMembers({ kind: "commonCause", affects: new Set(cause.affects) }, hit, passives),
      repeats: true
    });
  }
  return overlays;
}
function compileModel(plan2, horizonYears = plan2.simulation.horizonYears) {
  const traffic = orderStage(plan2);
  const { planNodes, byId: byId2, indexOf } = traffic;
  const { nodes, components, componentCauses } = componentStage(traffic);
  const { pairs, balancerOfComponent, observerStart, observerList } = pairStage(nodes, components, byId2);
  const { passives, monitors, passiveIndex } = compilePassives(plan2);
  const overlays = overlayStage(plan2, nodes, components, passives);
  const origins = collectOrigins(plan2);
  const { dns: dns2, checks: dnsChecks } = compileDns(plan2, indexOf, origins);
  const dnsOfComponent = new Int32Array(components.length).fill(-1);
  dns2.forEach((d, i) => {
    nodes[d.node].dns = i;
    dnsOfComponent[nodes[d.node].component] = i;
  });
  const clientOrigins = nodes.map((def) => {
    if (def.role !== NodeRole.Clients) return [];
    return (origins.byClients.get(def.id) ?? []).map(([o, share]) => [o, share * def.requestsPerSecond]);
  });
  let offeredRps = 0;
  for (const n of nodes) offeredRps += n.requestsPerSecond;
  const clients = planNodes.filter((n) => n.kind === "clients");
  let swingRps = 0;
  for (const c of clients) if (c.kind === "clients") swingRps += c.requestsPerSecond * c.diurnalSwing;
  const diurnalSwing = offeredRps > 0 ? swingRps / offeredRps : 0;
  let writes = 0;
  for (const c of clients) if (c.kind === "clients") writes += c.requestsPerSecond * c.writeFraction;
  return {
    horizonSeconds: horizonYears * YEAR_SECONDS,
    components,
    componentCauses,
    balancerOfComponent,
    overlays,
    nodes,
    pairs,
    observerStart,
    observerList,
    offeredRps,
    initialCause: { kind: "node", id: clients[0]?.id ?? "" },
    diurnalSwing,
    swinging: swingRps > 0,
    dns: dns2,
    dnsChecks,
    dnsOfComponent,
    origins: origins.ids,
    clientOrigins,
    data: compileData(plan2, nodes, components, overlays, passiveIndex),
    passives,
    monitors,
    capacityLimited: nodes.some((x) => x.capacityRps !== Infinity),
    critical: criticalComponents(nodes, components.length),
    writeFraction: offeredRps > 0 ? writes / offeredRps : 0
  };
}

// sim/engine/diurnal.ts
var DIURNAL_OMEGA = 2 * Math.PI / (24 * 3600);
function sineIntegral(t0, t1) {
  return (Math.cos(DIURNAL_OMEGA * t0) - Math.cos(DIURNAL_OMEGA * t1)) / DIURNAL_OMEGA;
}
function linearTimesSineIntegral(p, q, t0, t1) {
  return antiderivative(p, q, DIURNAL_OMEGA, t1) - antiderivative(p, q, DIURNAL_OMEGA, t0);
}
function antiderivative(a, b, w, x) {
  return -(a + b * x) * Math.cos(w * x) / w + b * Math.sin(w * x) / (w * w);
}

// sim/engine/random.ts
function hashLane(text, laneSeed) {
  let h = laneSeed ^ Math.imul(text.length, 2654435761);
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 1540483477);
    h ^= h >>> 15;
  }
  return avalanche(h);
}
function avalanche(value) {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}
function splitmix32(state) {
  let z2 = state + 2654435769 | 0;
  z2 = Math.imul(z2 ^ z2 >>> 16, 569420461);
  z2 = Math.imul(z2 ^ z2 >>> 15, 1935289751);
  return (z2 ^ z2 >>> 15) >>> 0;
}
var RandomStream = class {
  s0;
  s1;
  s2;
  s3;
  constructor(a, b) {
    this.s0 = splitmix32(a);
    this.s1 = splitmix32(b);
    this.s2 = splitmix32(a ^ 1779033703);
    this.s3 = splitmix32(b ^ 3144134277);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }
  nextUint32() {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }
  /** Uniform on [0, 1) with 53 random bits; 1 − u is therefore never 0. */
  next() {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }
};
function rotl(x, k) {
  return x << k | x >>> 32 - k;
}
function streamFor(masterSeed, replication, sourceId, purpose) {
  const key = `${masterSeed}${replication}${sourceId}${purpose}`;
  return new RandomStream(hashLane(key, 625341585), hashLane(key, 461845907));
}
var LazyStreams = class {
  constructor(masterSeed, replication, sources, purpose) {
    this.masterSeed = masterSeed;
    this.replication = replication;
    this.sources = sources;
    this.purpose = purpose;
    this.made = new Array(sources.length);
  }
  masterSeed;
  replication;
  sources;
  purpose;
  made;
  /** The stream of source i. */
  get(i) {
    return this.made[i] ??= streamFor(this.masterSeed, this.replication, this.sources[i].sourceId, this.purpose);
  }
};

// sim/engine/data/dataRuntime.ts
var Phase = {
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
  NoBackup: 6
};
var DatasetState = class {
  phase = Phase.Serving;
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
  upAtFail;
  /**
   * Per member, as of failAt (meaning 18): 1 when it or a member between it and the primary was
   * not usable then, so it missed writes since staleDataTime and is never promoted as a replica
   * for this failure (with failureLosesData it is a copy taken at staleDataTime).
   */
  staleAtFail;
  staleDataTime;
  /** Per member, as of failAt: when replication to it last resumed (r) and the start of the failure it resumed from (d). */
  resumedAt;
  resumedFrom;
  /** Per member: start of its last failure (any reason to be down) and when it was last back up. */
  downSince;
  upSince;
  /** True while the pending promotion is of a stale copy (its RPO is failAt − staleDataTime). */
  staleCopy = false;
  /** Members whose own failure destroyed their copy (restored, or re-synced from a serving primary). */
  lost;
  /** Per member: 1 while it is up with its data (its backups may run). */
  backupUp;
  /** Per backup: 1 while it runs (its member up with data and the backup node up); since when, and when that last stopped. */
  taking;
  takingSince;
  takingStoppedAt;
  /** Per backup: its newest copy's time as of its last stop (see lastBackupAt). */
  lastBackup;
  /**
   * Meaning 16: people must notice a need while no monitor is up. Then this holds the seconds that
   * follow their detection and response (a promotion's, or 0 before a restore); −1 when not waiting.
   */
  awaitingMonitor = -1;
  /** The monitor whose people are on this dataset's recovery (a manual retry takes their response time). */
  engaged = 0;
  lagStreams;
  successStreams;
  humanStreams;
  restoreHumanStreams;
  restoreStreams;
  restoreSuccessStreams;
  constructor(def, seed, replication) {
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
    this.lagStreams = def.edges.map((e) => streamFor(seed, replication, e.sourceId, "lag"));
    this.successStreams = def.ids.map((id2) => streamFor(seed, replication, id2, "promotion-success"));
    this.humanStreams = def.ids.map((id2) => streamFor(seed, replication, id2, "promotion-manual"));
    this.restoreHumanStreams = def.ids.map((id2) => streamFor(seed, replication, id2, "restore-manual"));
    this.restoreStreams = def.backups.map((b) => streamFor(seed, replication, b.sourceId, "restore-duration"));
    this.restoreSuccessStreams = def.backups.map((b) => streamFor(seed, replication, b.sourceId, "restore-success"));
  }
};
var DataRuntime = class {
  constructor(model2, host, nodeCount, seed, replication, monitors) {
    this.model = model2;
    this.host = host;
    this.monitors = monitors;
    this.dataUp = new Uint8Array(nodeCount).fill(1);
    this.states = model2.datasets.map((d) => new DatasetState(d, seed, replication));
  }
  model;
  host;
  monitors;
  /** Per traffic node: 1 while requests to that datastore succeed (only datastore entries are used). */
  dataUp;
  rpoSeconds = [];
  counters = {
    promotions: 0,
    promotionAttempts: 0,
    restores: 0,
    restoreAttempts: 0,
    unrecoverableLosses: 0,
    multiwriterLosses: 0,
    writesLost: 0
  };
  states;
  now = 0;
  /** The component whose cause an incident opened by a data event names. */
  primaryComponent(d) {
    return this.model.datasets[d].components[this.states[d].primary];
  }
  /** Cancels the dataset's pending step, including a wait for people to notice. */
  cancel(d) {
    this.host.cancelData(d);
    this.states[d].awaitingMonitor = -1;
  }
  /**
   * A need arises now (meaning 16): the monitors up now notice it after detection + response, and
   * `thenSeconds` later the dataset's timer fires; with none up it waits for the first one back.
   */
  afterPeopleNotice(d, stream, thenSeconds) {
    const st = this.states[d];
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
  passiveChanged(passive, up, monitor, t) {
    this.now = t;
    let changed = false;
    for (let d = 0; d < this.states.length; d++) {
      const def = this.model.datasets[d];
      const st = this.states[d];
      for (let b = 0; b < def.backups.length; b++) {
        if (def.backups[b].passive !== passive) continue;
        this.updateBackup(def, st, b);
        if (!up && st.phase === Phase.Restoring && st.restoreBackup === b) {
          this.cancel(d);
          this.startRestore(d);
        } else if (up && st.phase === Phase.RestoreWaitRegion) this.startRestore(d);
      }
      if (up && monitor >= 0 && st.awaitingMonitor >= 0) {
        const noticed = noticeAfterReturn(this.monitors, monitor, st.restoreHumanStreams[st.primary]);
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
  ownFailed(c, t) {
    const d = this.model.datasetOfComponent[c];
    if (d < 0) return;
    const def = this.model.datasets[d];
    const st = this.states[d];
    const x = this.model.memberOfComponent[c];
    if (def.failureLosesData[x] === 0 || st.lost[x] === 1) return;
    st.lost[x] = 1;
    this.now = t;
    if (this.host.downCount[c] !== 0 && st.phase === Phase.Waiting && x === st.primary) this.recover(d);
  }
  /** A component's effective state flipped. Returns true when a datastore's serving state changed. */
  componentChanged(c, up, t) {
    const d = this.model.datasetOfComponent[c];
    if (d < 0) return false;
    this.now = t;
    const def = this.model.datasets[d];
    const st = this.states[d];
    const x = this.model.memberOfComponent[c];
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
  overlayChanged(o, active, t) {
    this.now = t;
    for (let d = 0; d < this.states.length; d++) {
      const st = this.states[d];
      if (st.phase === Phase.RestoreWaitRegion && !active) this.startRestore(d);
      else if (st.phase === Phase.Restoring && active) {
        const b = this.model.datasets[d].backups[st.restoreBackup];
        if (!b.offsite && b.regionOverlay === o) {
          this.cancel(d);
          this.startRestore(d);
        }
      }
    }
  }
  /** The dataset's data timer fired. Returns true when a datastore's serving state changed. */
  onTimer(d, t) {
    this.now = t;
    const def = this.model.datasets[d];
    const st = this.states[d];
    if (st.phase === Phase.Promoting) this.promotionCompletes(d, def, st);
    else if (st.phase === Phase.RestoreDelay) this.startRestore(d);
    else if (st.phase === Phase.Restoring) this.restoreCompletes(d, def, st);
    return this.refresh(d);
  }
  usable(def, st, x) {
    return this.host.downCount[def.components[x]] === 0 && st.lost[x] === 0;
  }
  /** Primary/replica datasets (sync and async edges). */
  primaryChange(d, x, up) {
    const def = this.model.datasets[d];
    const st = this.states[d];
    if (!up) {
      if (x === st.primary && st.phase === Phase.Serving) {
        st.failAt = this.now;
        for (let j = 0; j < st.upAtFail.length; j++) st.upAtFail[j] = this.usable(def, st, j) ? 1 : 0;
        this.noteReplicaStates(def, st);
        this.recover(d);
      } else if (st.phase === Phase.Promoting && x === st.candidate) {
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
        this.cancel(d);
        st.phase = Phase.Serving;
        this.resyncAll(def, st);
      } else if (st.phase === Phase.NoBackup) {
        this.rebuildEmpty(def, st);
      }
      return;
    }
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
  noteReplicaStates(def, st) {
    const m = def.ids.length;
    const p = st.primary;
    for (let j = 0; j < m; j++) {
      let at = p;
      let stale = 0;
      let cut = Infinity;
      let resumed = 0;
      let from = 0;
      for (const e of pathBetween(def, p, j)) {
        const edge = def.edges[e];
        const next = edge.from === at ? edge.to : edge.from;
        if (st.upAtFail[next] === 0) {
          stale = 1;
          cut = Math.min(cut, st.downSince[next]);
        } else if (st.upSince[next] > resumed) {
          resumed = st.upSince[next];
          from = st.downSince[next];
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
  multiwriterChange(d, x, up) {
    const def = this.model.datasets[d];
    const st = this.states[d];
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
          strandedRate += def.writeRate[j];
          strandedSwingRate += def.writeSwingRate[j];
        }
      }
      let anyEdge = -1;
      for (let e = 0; e < def.edges.length && edge < 0; e++) {
        const ed = def.edges[e];
        const other = ed.from === x ? ed.to : ed.to === x ? ed.from : -1;
        if (other < 0) continue;
        if (anyEdge < 0) anyEdge = e;
        if (this.usable(def, st, other)) edge = e;
      }
      if (edge < 0) edge = anyEdge;
      if (others > 0) {
        if (edge >= 0) {
          const lag2 = sample(def.edges[edge].lag, st.lagStreams[edge]);
          const rate = def.writeRate[x] + strandedRate / (others + 1);
          const swingRate = def.writeSwingRate[x] + strandedSwingRate / (others + 1);
          this.counters.multiwriterLosses++;
          this.recordLoss(lag2, rate, swingRate, this.now - lag2, this.now);
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
  recover(d) {
    const def = this.model.datasets[d];
    const st = this.states[d];
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
      st.phase = Phase.RestoreDelay;
      this.afterPeopleNotice(d, st.restoreHumanStreams[st.primary], 0);
    }
  }
  /**
   * The promoted member's own settings decide (templates mark the replica manual, as AWS makes
   * cross-region promotion user-initiated): automatic = its detectionSeconds + seconds; manual =
   * human detection + response + seconds.
   */
  startPromotion(d, j) {
    const def = this.model.datasets[d];
    const st = this.states[d];
    const p = def.promotion[j];
    st.phase = Phase.Promoting;
    st.candidate = j;
    st.staleCopy = false;
    st.automaticAttempt = p.automatic;
    if (p.automatic) this.host.scheduleData(d, p.detectionSeconds + p.seconds);
    else this.afterPeopleNotice(d, st.humanStreams[j], p.seconds);
  }
  promotionCompletes(d, def, st) {
    const j = st.candidate;
    const p = def.promotion[j];
    this.counters.promotionAttempts++;
    if (st.successStreams[j].next() < p.successProbability) {
      this.counters.promotions++;
      const rpo = this.promotionRpo(def, st, j);
      this.recordLoss(rpo, def.totalWriteRate, def.totalWriteSwingRate, st.failAt - rpo, st.failAt);
      st.primary = j;
      st.candidate = -1;
      st.phase = Phase.Serving;
      this.resyncAll(def, st);
      return;
    }
    const stream = st.humanStreams[j];
    if (st.automaticAttempt) {
      st.automaticAttempt = false;
      this.afterPeopleNotice(d, stream, p.seconds);
      return;
    }
    this.host.scheduleData(d, sample(this.monitors[st.engaged].response, stream) + p.seconds);
  }
  /**
   * RPO of promoting member j (meanings 12 and 18): a stale copy holds writes up to its data time;
   * a member that was up at the failure is L behind (the lag drawn now along its path, 0 over intact
   * sync links), unless replication to it had resumed less than L before the failure: then it had
   * not caught up since the failure it came back from, at d, and loses everything since d.
   */
  promotionRpo(def, st, j) {
    if (st.staleCopy) return st.failAt - st.staleDataTime[j];
    const lag2 = this.lagAlongPath(def, st, st.primary, j);
    return st.failAt - st.resumedAt[j] < lag2 ? st.failAt - st.resumedFrom[j] : lag2;
  }
  /**
   * The promoted member's lag at the failure instant, drawn afresh.
   * Along a chain the lags add up (each hop is behind the one before it). A sync hop adds 0 unless
   * its far member was not usable at the failure instant: then the link had degraded to async
   * (meaning 11) and it adds a draw from the edge's own lag law.
   */
  lagAlongPath(def, st, from, to) {
    let at = from;
    let lag2 = 0;
    for (const e of pathBetween(def, from, to)) {
      const edge = def.edges[e];
      const next = edge.from === at ? edge.to : edge.from;
      if (!(edge.sync && st.upAtFail[next] === 1)) lag2 += sample(edge.lag, st.lagStreams[e]);
      at = next;
    }
    return lag2;
  }
  /**
   * Restores from the newest usable backup of any member: off-site copies always, on-site copies
   * only while their region is not out (meaning 11); with none usable it waits for the region.
   */
  startRestore(d) {
    const def = this.model.datasets[d];
    const st = this.states[d];
    let best = -1;
    let bestTime = -Infinity;
    for (let b = 0; b < def.backups.length; b++) {
      const bk = def.backups[b];
      if (!bk.offsite && bk.regionOverlay >= 0 && this.host.overlayActive[bk.regionOverlay] === 1) continue;
      if (this.host.passiveDown[bk.passive] !== 0) continue;
      const time = this.lastBackupAt(def, st, b, this.now);
      if (time > bestTime) {
        best = b;
        bestTime = time;
      }
    }
    let replica = -1;
    for (let j = 0; j < def.ids.length; j++) {
      if (j === st.primary || st.staleAtFail[j] === 0 || !this.usable(def, st, j)) continue;
      if (st.staleDataTime[j] > bestTime) {
        replica = j;
        bestTime = st.staleDataTime[j];
      }
    }
    if (replica >= 0) {
      st.phase = Phase.Promoting;
      st.candidate = replica;
      st.staleCopy = true;
      st.automaticAttempt = false;
      this.host.scheduleData(d, def.promotion[replica].seconds);
      return;
    }
    if (best < 0) {
      st.phase = Phase.RestoreWaitRegion;
      return;
    }
    st.phase = Phase.Restoring;
    st.restoreBackup = best;
    st.restoreDataTime = Math.min(bestTime, st.failAt);
    this.host.scheduleData(d, sample(def.backups[best].restore, st.restoreStreams[best]));
  }
  restoreCompletes(d, def, st) {
    const b = st.restoreBackup;
    this.counters.restoreAttempts++;
    if (st.restoreSuccessStreams[b].next() < def.backups[b].restoreFailureProbability) {
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
  rebuildEmpty(def, st) {
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
  dataBack(def, st, x) {
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
  resync(def, st, x) {
    st.lost[x] = 0;
    this.backupStarts(def, st, x);
  }
  /** Members that lost their copy but are up again copy it back from the serving dataset. */
  resyncAll(def, st) {
    for (let j = 0; j < def.ids.length; j++) {
      if (st.lost[j] === 1 && this.host.downCount[def.components[j]] === 0) this.resync(def, st, j);
    }
  }
  /**
   * Backups run every intervalHours from t = 0 while their member is up with its data and the backup
   * node is up. Between stops this is arithmetic (no event per backup): the newest is the last
   * multiple of the interval since it last started, else the one remembered at its last stop.
   */
  lastBackupAt(def, st, b, t) {
    const bk = def.backups[b];
    if (st.taking[b] === 1) {
      const grid = Math.floor(t / bk.intervalSeconds) * bk.intervalSeconds;
      if (grid >= st.takingSince[b]) return grid;
    }
    return st.lastBackup[b];
  }
  backupStops(def, st, x) {
    st.backupUp[x] = 0;
    for (let b = 0; b < def.backups.length; b++) if (def.backups[b].member === x) this.updateBackup(def, st, b);
  }
  backupStarts(def, st, x) {
    if (st.backupUp[x] === 1) return;
    st.backupUp[x] = 1;
    for (let b = 0; b < def.backups.length; b++) if (def.backups[b].member === x) this.updateBackup(def, st, b);
  }
  /**
   * Starts or stops backup b as its member and its node allow. A run that fell due while it was
   * stopped happens as soon as both are back (meaning 16), which keeps meaning 12's promise that a
   * restore never loses more than intervalHours unless the backup node itself was down.
   */
  updateBackup(def, st, b) {
    const bk = def.backups[b];
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
    if (Math.floor(this.now / bk.intervalSeconds) > Math.floor(st.takingStoppedAt[b] / bk.intervalSeconds)) st.lastBackup[b] = this.now;
  }
  /** One RPO sample and the writes offered in [from, to] at rate + swingRate · sin ωt (each client's own swing). */
  recordLoss(rpoSeconds, rate, swingRate, from, to) {
    const seconds = Math.max(0, to - from);
    const swingSeconds = swingRate === 0 || to <= from ? 0 : sineIntegral(from, to);
    const writes = rate * seconds + swingRate * swingSeconds;
    this.rpoSeconds.push(rpoSeconds);
    this.counters.writesLost += writes;
    this.host.noteDataLoss(rpoSeconds, writes);
  }
  /** Sets dataUp for the dataset's nodes; true when it changed. */
  refresh(d) {
    const def = this.model.datasets[d];
    const st = this.states[d];
    let serving = false;
    if (st.phase === Phase.Serving) {
      if (!def.multiwriter) serving = this.usable(def, st, st.primary);
      else for (let j = 0; j < def.ids.length && !serving; j++) serving = this.usable(def, st, j);
    }
    const value = serving ? 1 : 0;
    let changed = false;
    for (let j = 0; j < def.nodes.length; j++) {
      const n = def.nodes[j];
      if (this.dataUp[n] !== value) {
        this.dataUp[n] = value;
        this.host.servingChanged(n);
        changed = true;
      }
    }
    return changed;
  }
};

// sim/engine/metrics.ts
var FAILING_SHARE_THRESHOLD = 1e-3;
var THRESHOLD_SLACK = 1e-12;
var INCIDENT_RECORDS_KEPT = 200;
var TrafficAccount = class {
  constructor(offeredRps, monthlyObjective, diurnalSwing = 0) {
    this.offeredRps = offeredRps;
    this.monthlyObjective = monthlyObjective;
    this.diurnalSwing = diurnalSwing;
    this.swingRps = offeredRps * diurnalSwing;
  }
  offeredRps;
  monthlyObjective;
  diurnalSwing;
  lostRequests = 0;
  downSeconds = 0;
  incidents = 0;
  rtoSeconds = [];
  records = [];
  months = 0;
  monthsMeetingObjective = 0;
  offeredRequests = 0;
  /**
   * Lost rate at `lastTime` as A + B·sin(ωt): A requests per second at nominal load and B their
   * swing-weighted part (Σ rps·swing over the failing requests). Each may move linearly until the next event.
   */
  lostA = 0;
  lostB = 0;
  lastTime = 0;
  cosTime = NaN;
  cosValue = NaN;
  /** Σ over clients of rps × swing: the offered rate is offeredRps + swingRps·sin(ωt). */
  swingRps;
  /** The failing share's threshold with its slack. */
  limit = FAILING_SHARE_THRESHOLD + THRESHOLD_SLACK;
  failing = false;
  /** The cause of the latest change, blamed when a linear slide crosses the threshold. */
  lastCause;
  incidentStart = 0;
  incidentLostAtStart = 0;
  openRecord;
  monthEnd = MONTH_SECONDS;
  monthLost = 0;
  monthOffered = 0;
  monthStart = 0;
  /**
   * Integrates up to `t` with one swing for every request: the served rate (at nominal load) moves
   * linearly from its value at the last event to `servedRpsAtT` (default: unchanged).
   */
  advance(t, servedRpsAtT) {
    if (servedRpsAtT === void 0) {
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
  advanceLost(t, aAtT, bAtT) {
    if (t <= this.lastTime) return;
    const t0 = this.lastTime;
    const a0 = this.lostA;
    const b0 = this.lostB;
    const slopeA = (aAtT - a0) / (t - t0);
    const slopeB = (bAtT - b0) / (t - t0);
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
  findCrossing(from, to, t0, a0, b0, slopeA, slopeB) {
    if (!(this.offeredRps > 0)) return Infinity;
    const eR = this.limit * this.offeredRps;
    const eS = this.limit * this.swingRps;
    const gaFrom = a0 + slopeA * (from - t0) - eR;
    const gaTo = a0 + slopeA * (to - t0) - eR;
    const gbMax = Math.max(Math.abs(b0 + slopeB * (from - t0) - eS), Math.abs(b0 + slopeB * (to - t0) - eS));
    if (gaFrom > 0 === gaTo > 0 && Math.min(Math.abs(gaFrom), Math.abs(gaTo)) >= gbMax && gaFrom !== 0) {
      return gaFrom > 0 === this.failing ? Infinity : from;
    }
    const g = (x) => a0 + slopeA * (x - t0) - eR + (b0 + slopeB * (x - t0) - eS) * Math.sin(DIURNAL_OMEGA * x) > 0;
    const quarter = Math.PI / 2 / DIURNAL_OMEGA;
    let pieceStart = from;
    let k = Math.floor(from / quarter);
    while (pieceStart < to) {
      k++;
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
  advanceConstant(t) {
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
  setServed(servedRps, t, cause) {
    const a = this.offeredRps > 0 ? this.offeredRps - servedRps : 0;
    this.setLost(a, a * this.diurnalSwing, t, cause);
  }
  /** Sets the lost rate A + B·sin(ωt) from now on; `cause` is blamed if this change opens an incident. `sine` is sin ωt if the caller has it. */
  setLost(a, b, t, cause, sine = NaN) {
    this.lostA = a;
    this.lostB = b;
    this.lastCause = cause;
    const failingNow = this.isFailingAt(a, b, t, sine);
    if (failingNow !== this.failing) this.switchFailing(failingNow, t, cause);
  }
  /** A data loss (an RPO sample) belongs to the incident open now, if one is (and its record is kept). */
  noteDataLoss(rpoSeconds, writes) {
    const r = this.openRecord;
    if (!this.failing || !r) return;
    r.lostWrites += writes;
    r.rpoSeconds = r.rpoSeconds === null ? rpoSeconds : Math.max(r.rpoSeconds, rpoSeconds);
  }
  /** Closes the books at the horizon: an open incident counts toward availability, not as an RTO sample. */
  finish(horizonSeconds) {
    this.advance(horizonSeconds);
    if (this.openRecord) this.openRecord.lostRequests = this.lostRequests - this.incidentLostAtStart;
    if (horizonSeconds > this.monthStart) this.closeMonth(horizonSeconds);
  }
  /** More than 0.1 % of the requests offered at t fail: A + B·u > ε·(R + S·u), u = sin ωt. */
  isFailingAt(a, b, t, sine = NaN) {
    if (!(this.offeredRps > 0)) return false;
    const u = this.swingRps === 0 && b === 0 ? 0 : Number.isNaN(sine) ? Math.sin(DIURNAL_OMEGA * t) : sine;
    return a - this.limit * this.offeredRps + (b - this.limit * this.swingRps) * u > 0;
  }
  switchFailing(failingNow, t, cause) {
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
          firstCause: cause ?? { kind: "node", id: "unknown" },
          lostWrites: 0,
          rpoSeconds: null
        };
        this.records.push(this.openRecord);
      }
    } else {
      this.rtoSeconds.push(t - this.incidentStart);
      if (this.openRecord) {
        this.openRecord.endHours = t / HOUR;
        this.openRecord.lostRequests = this.lostRequests - this.incidentLostAtStart;
        this.openRecord = void 0;
      }
    }
  }
  /** Adds the piece [t0, t1] in which A and B move linearly from (a0, b0) to (a1, b1). */
  accrue(t0, t1, a0, b0, a1, b1) {
    const dt = t1 - t0;
    if (dt <= 0) return;
    const swinging = this.swingRps !== 0 || b0 !== 0 || b1 !== 0;
    const sine = swinging ? (this.cosAt(t0) - this.cosAt(t1)) / DIURNAL_OMEGA : 0;
    const offered = this.offeredRps * dt + (this.swingRps === 0 ? 0 : this.swingRps * sine);
    const lost = (a0 + a1) / 2 * dt + (b0 === 0 && b1 === 0 ? 0 : b0 === b1 ? b0 * sine : this.swingLost(t0, t1, b0, b1));
    this.lostRequests += lost;
    this.monthLost += lost;
    this.offeredRequests += offered;
    this.monthOffered += offered;
    if (this.failing) this.downSeconds += dt;
  }
  /** cos ωt, remembered for the latest instant asked (each piece's end is the next one's start). */
  cosAt(t) {
    if (t !== this.cosTime) {
      this.cosTime = t;
      this.cosValue = Math.cos(DIURNAL_OMEGA * t);
    }
    return this.cosValue;
  }
  /** ∫ B(t) · sin ωt dt over [t0, t1] with B linear from b0 to b1 (b0 ≠ b1), exactly. */
  swingLost(t0, t1, b0, b1) {
    const q = (b1 - b0) / (t1 - t0);
    const p = b0 - q * t0;
    return linearTimesSineIntegral(p, q, t0, t1);
  }
  closeMonth(end) {
    const offered = this.monthOffered;
    this.monthOffered = 0;
    this.months++;
    if (offered > 0 && 1 - this.monthLost / offered >= this.monthlyObjective) this.monthsMeetingObjective++;
    this.monthLost = 0;
    this.monthStart = end;
    this.monthEnd = end + MONTH_SECONDS;
  }
};

// sim/engine/timers.ts
var Timers = class {
  constructor(horizonSeconds, eventBudget, dispatch) {
    this.horizonSeconds = horizonSeconds;
    this.dispatch = dispatch;
    this.eventsLeft = eventBudget;
  }
  horizonSeconds;
  dispatch;
  parts = [];
  bases = [];
  slots = 0;
  /** Per slot: the part owning it (filled by start). */
  owner = new Int32Array(0);
  generation = new Float64Array(0);
  /** Events delivered per slot, so a runaway run can name what drove it. */
  slotEvents = new Float64Array(0);
  calendar;
  eventsLeft;
  /** Hands `part` a block of `count` timers; the part's index (for dispatch) is `partIndex(block)`. All registration precedes `start`. */
  register(part, count) {
    if (this.calendar) throw new Error("Timers.register after start");
    const index = this.parts.length;
    this.parts.push(part);
    this.bases.push(this.slots);
    const block = new Block(this, this.slots, index);
    this.slots += count;
    return block;
  }
  /** @internal a block's schedule: keeps the slot's generation. */
  scheduleSlot(slot, delaySeconds) {
    this.calendar.schedule(delaySeconds, this.generation[slot] * this.slots + slot);
  }
  /** @internal a block's cancel: a pending timer of an older generation is dropped when it fires. */
  cancelSlot(slot) {
    this.generation[slot]++;
  }
  /** Closes registration and makes the calendar (simjs must be installed). */
  start() {
    this.owner = new Int32Array(this.slots);
    for (let p = 0; p < this.parts.length; p++) this.owner.fill(p, this.bases[p], p + 1 < this.parts.length ? this.bases[p + 1] : this.slots);
    this.generation = new Float64Array(this.slots);
    this.slotEvents = new Float64Array(this.slots);
    this.calendar = new EventCalendar(this.horizonSeconds, this);
  }
  now() {
    return this.calendar.now();
  }
  get delivered() {
    return this.calendar.delivered;
  }
  run() {
    this.calendar.run();
  }
  onTimer(code) {
    const slot = code % this.slots;
    this.slotEvents[slot]++;
    if (--this.eventsLeft < 0) this.dispatch.onBudgetExceeded();
    if ((code - slot) / this.slots !== this.generation[slot]) return;
    const part = this.owner[slot];
    this.dispatch.onPartTimer(part, slot - this.bases[part]);
  }
  /** The timer that delivered the most events: its description and its share of all events, in percent. */
  busiest() {
    let busiest = 0;
    for (let s = 1; s < this.slots; s++) if (this.slotEvents[s] > this.slotEvents[busiest]) busiest = s;
    const part = this.owner[busiest];
    return { source: this.parts[part].describe(busiest - this.bases[part]), percent: Math.round(100 * this.slotEvents[busiest] / this.delivered) };
  }
};
var Block = class {
  constructor(timers, base, part) {
    this.timers = timers;
    this.base = base;
    this.part = part;
  }
  timers;
  base;
  part;
  schedule(local, delaySeconds) {
    this.timers.scheduleSlot(this.base + local, delaySeconds);
  }
  restart(local, delaySeconds) {
    this.timers.cancelSlot(this.base + local);
    this.timers.scheduleSlot(this.base + local, delaySeconds);
  }
  cancel(local) {
    this.timers.cancelSlot(this.base + local);
  }
};

// sim/engine/healthWatch.ts
var HealthWatch = class {
  constructor(count, timers) {
    this.timers = timers;
    this.truth = new Uint8Array(count).fill(1);
    this.belief = new Uint8Array(count).fill(1);
  }
  timers;
  /** Per target: 1 while it looks healthy to its checker now. */
  truth;
  /** Per target: 1 while its checker believes it healthy. */
  belief;
  /** Target w now looks `observed`; returns true when that is a change (its detection clock restarts). */
  see(w, observed) {
    if (observed === this.truth[w]) return false;
    this.truth[w] = observed;
    this.timers.cancel(w);
    return true;
  }
  /** Whether the checker's belief about w differs from what it sees (a detection is due). */
  disagrees(w) {
    return this.truth[w] !== this.belief[w];
  }
  /** Starts w's detection: it completes after `delaySeconds` unless w changes again first. */
  detectAfter(w, delaySeconds) {
    this.timers.schedule(w, delaySeconds);
  }
  /** w's detection completed: the belief takes the state seen. Returns the new belief. */
  confirm(w) {
    this.belief[w] = this.truth[w];
    return this.belief[w];
  }
  /** The checker restarts (or the target leaves): it sees and believes w unhealthy, nothing pending. */
  forget(w) {
    this.truth[w] = 0;
    this.belief[w] = 0;
    this.timers.cancel(w);
  }
};

// sim/engine/traffic.ts
var CLIENTS = NodeRole.Clients;
var SERIES = NodeRole.Series;
var FLEET = NodeRole.Fleet;
var BALANCER = NodeRole.Balancer;
var DNS = NodeRole.Dns;
var DATASTORE = NodeRole.Datastore;
var LEAST_CONNECTIONS = LbAlgorithmCode.LeastConnections;
var evaluators = /* @__PURE__ */ new WeakMap();
function evaluatorFor(model2) {
  let evaluator = evaluators.get(model2);
  if (!evaluator) {
    evaluator = new TrafficEvaluator(model2);
    evaluators.set(model2, evaluator);
  }
  return evaluator;
}
var TrafficEvaluator = class {
  constructor(model2) {
    this.model = model2;
    const { nodes, pairs, components } = model2;
    const n = nodes.length;
    this.arrival = new Float64Array(n);
    this.success = new Float64Array(n);
    this.downstream = new Float64Array(n);
    this.load = new Float64Array(components.length);
    this.ratio = new Float64Array(components.length);
    this.share = new Float64Array(pairs.length);
    this.livePairs = new Int32Array(pairs.length);
    this.liveEnd = new Int32Array(n);
    this.pairInstance = Int32Array.from(pairs, (p) => p.isInstance ? components[p.member].instance : -1);
    this.pairGroupEnd = new Int32Array(pairs.length);
    this.fleetNodes = Int32Array.from(nodes.flatMap((x, i) => x.role === FLEET ? [i] : []));
    for (let p = pairs.length - 1; p >= 0; p--) {
      const sameGroup = p + 1 < pairs.length && pairs[p + 1].isInstance && pairs[p].isInstance && pairs[p + 1].memberNode === pairs[p].memberNode && pairs[p + 1].balancer === pairs[p].balancer;
      this.pairGroupEnd[p] = sameGroup ? this.pairGroupEnd[p + 1] : p + 1;
    }
    this.role = Uint8Array.from(nodes, (x) => x.role);
    this.component = Int32Array.from(nodes, (x) => x.component);
    this.fleetLoad = new Float64Array(n);
    this.dArrival = new Float64Array(n);
    this.dLoad = new Float64Array(components.length);
    this.dFleetLoad = new Float64Array(n);
    this.rps = Float64Array.from(nodes, (x) => x.requestsPerSecond);
    this.swing = Float64Array.from(nodes, (x) => x.diurnalSwing);
    this.pairStart = Int32Array.from(nodes, (x) => x.pairStart);
    this.pairEnd = Int32Array.from(nodes, (x) => x.pairEnd);
    this.childStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.childStart[i + 1] = this.childStart[i] + nodes[i].children.length;
    this.childList = new Int32Array(this.childStart[n]);
    for (let i = 0; i < n; i++) this.childList.set(nodes[i].children, this.childStart[i]);
    this.pairMember = Int32Array.from(pairs, (p) => p.member);
    this.pairMemberNode = Int32Array.from(pairs, (p) => p.memberNode);
    this.pairIsInstance = Uint8Array.from(pairs, (p) => p.isInstance ? 1 : 0);
    this.capacityLimited = model2.capacityLimited;
    this.algorithm = Uint8Array.from(nodes, (x) => x.algorithm);
    this.dnsIndex = Int32Array.from(nodes, (x) => x.dns);
    const origins = model2.clientOrigins;
    this.originStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.originStart[i + 1] = this.originStart[i] + origins[i].length;
    this.originIndex = Int32Array.from(origins.flat(), ([o]) => o);
    this.originRps = Float64Array.from(origins.flat(), ([, rps]) => rps);
    this.clientsNodes = Int32Array.from(nodes.flatMap((x, i) => x.role === CLIENTS ? [i] : []));
    this.originCount = model2.origins.length;
    this.dnsOriginOk = new Float64Array(model2.dns.length * this.originCount);
    const balancers = nodes.flatMap((x, i) => x.role === BALANCER && x.pairEnd > x.pairStart ? [i] : []);
    this.balancerNodes = Int32Array.from(balancers);
    this.blockOfFleet = new Int32Array(n).fill(-1);
    this.componentNode = Int32Array.from(components, (c) => c.node);
    this.blockPairOf = new Int32Array(components.length).fill(-1);
    this.shareLoad = new Float64Array(n);
    this.shareSlope = new Float64Array(n);
    this.believedLoad = new Float64Array(n);
    this.believedSlope = new Float64Array(n);
    this.plainLoad = new Float64Array(n);
    this.plainSlope = new Float64Array(n);
    this.believedRatio = new Float64Array(n);
    this.plainRatio = new Float64Array(n);
    const blocksPerFleet = new Int32Array(n);
    for (let p = 0; p < pairs.length; p++) {
      if (!pairs[p].isInstance) continue;
      this.blockPairOf[pairs[p].member] = p;
      if (p === 0 || !(pairs[p - 1].isInstance && pairs[p - 1].memberNode === pairs[p].memberNode && pairs[p - 1].balancer === pairs[p].balancer)) blocksPerFleet[pairs[p].memberNode]++;
    }
    this.grouped = model2.capacityLimited && balancers.every((b) => this.algorithm[b] !== LEAST_CONNECTIONS) && nodes.every((x, i) => x.role !== FLEET || blocksPerFleet[i] <= 1);
    this.incremental = !model2.capacityLimited || this.grouped;
    this.skipUnreached = !pairs.some((p) => p.deep) && !model2.dnsChecks.some((c) => c.deep);
    this.fleetUp = new Int32Array(n);
    this.blockOfPair = new Int32Array(pairs.length).fill(-1);
    this.entryStart = new Int32Array(n + 1);
    const entryPair = [];
    const entryIsBlock = [];
    this.countable = new Uint8Array(n);
    for (let b = 0; b < n; b++) {
      this.entryStart[b] = entryPair.length;
      for (let p = this.pairStart[b]; p < this.pairEnd[b]; p = this.pairIsInstance[p] === 1 ? this.pairGroupEnd[p] : p + 1) {
        const e = entryPair.length;
        entryPair.push(p);
        entryIsBlock.push(this.pairIsInstance[p]);
        if (this.pairIsInstance[p] === 1) for (let q = p; q < this.pairGroupEnd[p]; q++) this.blockOfPair[q] = e;
      }
      this.countable[b] = this.algorithm[b] !== LEAST_CONNECTIONS || entryPair.length - this.entryStart[b] <= 1 ? 1 : 0;
    }
    this.entryStart[n] = entryPair.length;
    this.entryPair = Int32Array.from(entryPair);
    this.entryIsBlock = Uint8Array.from(entryIsBlock);
    this.entryBelievedUp = new Int32Array(entryPair.length);
    this.entryBelieved = new Int32Array(entryPair.length);
    for (let e = 0; e < entryPair.length; e++) if (this.entryIsBlock[e] === 1) this.blockOfFleet[this.pairMemberNode[entryPair[e]]] = e;
  }
  model;
  arrival;
  success;
  /** Fleets: success of what they forward downstream (product over their dependencies). */
  downstream;
  /** Per component (fleet instances): offered load and the fraction of it served locally. */
  load;
  ratio;
  /** Per pair: the fraction of its balancer's traffic sent to the member. */
  share;
  /**
   * Per balancer n: the pairs in use, in order, at livePairs[pairStart[n] .. liveEnd[n]) (made by
   * splitShares). Only they carry a share, so the other loops over a balancer's members visit them alone.
   */
  livePairs;
  liveEnd;
  /** Per pair: the member's instance index (−1 for a whole node), and one past its fleet's pairs. */
  pairInstance;
  pairGroupEnd;
  /** The fleet nodes (their instance slots carry load). */
  fleetNodes;
  // The hot path reads the DAG as flat typed arrays (struct of arrays): about twice as fast as
  // walking the node objects, and this runs once per state change.
  role;
  component;
  /** Per fleet node: requests per second offered to it (all instances, dead ones included). */
  fleetLoad;
  rps;
  /** Per clients node: its diurnal swing (the load is rps · (1 + swing · u), u = sin ωt). */
  swing;
  /**
   * After a pass: the lost rate as A + B·u, with A = Σ rps · (1 − success) and B = Σ rps · swing ·
   * (1 − success) over the clients (exact at the u of the pass).
   */
  lostA = 0;
  lostB = 0;
  /**
   * After a capacity-limited pass: how each arrival, instance load and fleet load grows with u
   * (∂/∂u, exact while no instance crosses its capacity), and whether some instance is saturated
   * (then the lost rate itself depends on u).
   */
  dArrival;
  dLoad;
  dFleetLoad;
  saturated = false;
  childStart;
  childList;
  pairStart;
  pairEnd;
  pairMember;
  pairMemberNode;
  pairIsInstance;
  capacityLimited;
  dnsIndex;
  /** Clients node i sends originRps[k] requests per second from origin originIndex[k], k in [originStart[i], originStart[i + 1]). */
  originStart;
  originIndex;
  originRps;
  /** The clients nodes, in order (per-origin accounting visits only them). */
  clientsNodes;
  /**
   * Per DNS record and origin, [record · origins + origin]: the success of a request from that
   * origin entering the record, as the last pass found it (per-origin accounting reads it back).
   */
  dnsOriginOk;
  originCount;
  algorithm;
  /**
   * Counts kept up to date event by event (see componentFlipped, beliefChanged, recount) so that,
   * without capacity figures, a fleet and its balancer are evaluated in time independent of the
   * fleet's size: per fleet node its up instances; per balancer entry (a block of one fleet's
   * instance pairs, or one whole-node pair) the believed-healthy members that are up.
   */
  incremental;
  fleetUp;
  /** Per balancer n: its entries entryStart[n] .. entryStart[n + 1]. */
  entryStart;
  /** Per entry: its first pair, whether it is a block of instance pairs, and (blocks) its believed-and-up count. */
  entryPair;
  entryIsBlock;
  entryBelievedUp;
  /** Per pair: its entry when it belongs to a block of instance pairs, else −1. */
  blockOfPair;
  /** Per balancer: 1 when its shares are equal among believed members (the counts give its success). */
  countable;
  /** Per entry (blocks): its believed members, up or down (each takes an equal share of the balancer's traffic). */
  entryBelieved;
  /**
   * With capacity figures, whether the pass can work fleet by fleet instead of instance by
   * instance (see servedGrouped): every balancer splits equally (not least-connections) and every
   * fleet's instances sit behind at most one balancer. Then the up instances of a fleet carry one
   * of two loads — with or without their balancer's share — and counts say how many carry which.
   */
  grouped;
  /** The balancers (the grouped pass checks that none is failing open). */
  balancerNodes;
  /** Per fleet node: its block of instance pairs (an entry), or −1 without a balancer. */
  blockOfFleet;
  /** Per component: its node, and the pair of the block observing it (−1: none). */
  componentNode;
  blockPairOf;
  /**
   * After a grouped pass, per fleet node: the balancer's share each believed instance gets
   * (shareLoad) and the load of an up instance with it (believedLoad) and without it (plainLoad),
   * each with its slope in u, and the fraction each serves. Per-instance figures are read from these.
   */
  shareLoad;
  shareSlope;
  believedLoad;
  believedSlope;
  plainLoad;
  plainSlope;
  believedRatio;
  plainRatio;
  /** Whether the bottom-up pass may leave nodes no traffic reached as they were (no deep checks). */
  skipUnreached;
  /** Whether the last pass was grouped (per-instance arrays were then not written). */
  lastGrouped = false;
  /**
   * Rebuilds every count from the state (at the start of a replication, after direct writes to
   * downCount or belief), and forgets the loads of the replication before (an evaluator serves
   * one replication after another: see evaluatorFor).
   */
  recount(state) {
    this.load.fill(0);
    this.dLoad.fill(0);
    if (!this.incremental) return;
    const { role, component, fleetUp } = this;
    for (let i = 0; i < role.length; i++) {
      if (role[i] !== FLEET) continue;
      let up = 0;
      const first = component[i];
      for (let c = first; c < first + this.model.nodes[i].instances; c++) if (state.downCount[c] === 0) up++;
      fleetUp[i] = up;
    }
    for (let b = 0; b < role.length; b++) if (role[b] === BALANCER) this.recountBalancer(b, state);
  }
  /** Rebuilds one balancer's believed-and-up counts (after its checker restarted). */
  recountBalancer(b, state) {
    if (!this.incremental) return;
    for (let e = this.entryStart[b]; e < this.entryStart[b + 1]; e++) {
      this.entryBelievedUp[e] = 0;
      this.entryBelieved[e] = 0;
    }
    for (let p = this.pairStart[b]; p < this.pairEnd[b]; p++) {
      const e = this.blockOfPair[p];
      if (e < 0 || state.belief[p] !== 1) continue;
      this.entryBelieved[e]++;
      if (state.downCount[this.pairMember[p]] === 0) this.entryBelievedUp[e]++;
    }
  }
  /** Component c came up or went down (its downCount crossed zero): its fleet's count and the blocks of the pairs observing it. */
  componentFlipped(c, up, state) {
    if (!this.incremental) return;
    const delta = up ? 1 : -1;
    const node = this.model.components[c].node;
    if (this.role[node] === FLEET) this.fleetUp[node] = this.fleetUp[node] + delta;
    const { observerStart, observerList } = this.model;
    for (let i = observerStart[c]; i < observerStart[c + 1]; i++) {
      const p = observerList[i];
      const e = this.blockOfPair[p];
      if (e >= 0 && state.belief[p] === 1) this.entryBelievedUp[e] = this.entryBelievedUp[e] + delta;
    }
  }
  /** Pair p's belief has just been set to `value` (it was the other value). */
  beliefChanged(p, value, state) {
    if (!this.incremental) return;
    const e = this.blockOfPair[p];
    if (e < 0) return;
    const delta = value === 1 ? 1 : -1;
    this.entryBelieved[e] = this.entryBelieved[e] + delta;
    if (state.downCount[this.pairMember[p]] === 0) this.entryBelievedUp[e] = this.entryBelievedUp[e] + delta;
  }
  /**
   * A balancer's success from the counts: each believed member gets an equal share, a block of
   * instance pairs serves through its up members, a whole-node member through its own success.
   * Only while some member is believed (failing open reads `registered`, pair by pair).
   */
  countedBalancerSuccess(b, state) {
    const equal = 1 / state.believedCount[b];
    let ok = 0;
    for (let e = this.entryStart[b]; e < this.entryStart[b + 1]; e++) {
      const p = this.entryPair[e];
      if (this.entryIsBlock[e] === 1) {
        const up = this.entryBelievedUp[e];
        if (up > 0) ok += up * (equal * this.downstream[this.pairMemberNode[p]]);
      } else if (state.belief[p] === 1) ok += equal * this.success[this.pairMemberNode[p]];
    }
    return ok;
  }
  /** A balancer's success after a grouped pass: its believed instances of a fleet serve alike. */
  groupedBalancerSuccess(b, state) {
    const equal = 1 / state.believedCount[b];
    let ok = 0;
    for (let e = this.entryStart[b]; e < this.entryStart[b + 1]; e++) {
      const p = this.entryPair[e];
      const member = this.pairMemberNode[p];
      if (this.entryIsBlock[e] === 1) {
        const up = this.entryBelievedUp[e];
        if (up > 0) ok += up * (equal * (this.believedRatio[member] * this.downstream[member]));
      } else if (state.belief[p] === 1) ok += equal * this.success[member];
    }
    return ok;
  }
  /** PLAN-FORMAT meaning 8: what a record forwards, origin by origin, to each target. */
  forwardDns(i, state) {
    if (state.downCount[this.component[i]] !== 0) return;
    const d = this.dnsIndex[i];
    const def = this.model.dns[d];
    const shares = state.dnsShares[d];
    const targets = def.targetNodes;
    const count = targets.length;
    const lambda = this.arrival[i];
    const dLambda = this.dArrival[i];
    for (let o = 0; o < def.originWeight.length; o++) {
      const a = lambda * def.originWeight[o];
      if (a === 0) continue;
      const da = dLambda * def.originWeight[o];
      for (let k = 0; k < count; k++) {
        const s = shares[o * count + k];
        if (s === 0) continue;
        this.arrival[targets[k]] = this.arrival[targets[k]] + a * s;
        this.dArrival[targets[k]] = this.dArrival[targets[k]] + da * s;
      }
    }
  }
  /** Success of a request from `origin` entering record i: the clients' cached shares times each target's success. */
  dnsOriginSuccess(i, origin, state) {
    if (state.downCount[this.component[i]] !== 0) return 0;
    const d = this.dnsIndex[i];
    const targets = this.model.dns[d].targetNodes;
    const shares = state.dnsShares[d];
    let ok = 0;
    for (let k = 0; k < targets.length; k++) {
      const s = shares[origin * targets.length + k];
      if (s !== 0) ok += s * this.success[targets[k]];
    }
    return ok;
  }
  dnsSuccess(i, state) {
    const d = this.dnsIndex[i];
    const weights = this.model.dns[d].originWeight;
    const stride = this.originCount;
    let ok = 0;
    for (let o = 0; o < weights.length; o++) {
      const originOk = this.dnsOriginSuccess(i, o, state);
      this.dnsOriginOk[d * stride + o] = originOk;
      if (weights[o] > 0) ok += weights[o] * originOk;
    }
    return ok;
  }
  /**
   * Whether the last pass found traffic reaching the node (for a fleet, offered to any of its
   * instances). Without capacity figures a pass does not follow arrivals: then always true.
   */
  reaches(node) {
    if (!this.capacityLimited) return true;
    if (this.role[node] === FLEET) return this.fleetLoad[node] !== 0 || this.dFleetLoad[node] !== 0;
    return this.arrival[node] !== 0 || this.dArrival[node] !== 0;
  }
  /** Whether the node's whole downstream path can serve anything (what a deep check observes). */
  pathServes(node) {
    return this.success[node] > 0;
  }
  /** Whether what a fleet forwards downstream can be served (a deep check of one of its instances). */
  downstreamServes(fleetNode) {
    return this.downstream[fleetNode] > 0;
  }
  /**
   * Requests per second served for each client origin, from the pass `servedRps` just made. Only
   * records reached straight from clients tell origins apart; elsewhere every origin fares alike.
   */
  servedByOrigin(out) {
    for (let o = 0; o < out.length; o++) out[o] = 0;
    const { role, childStart, childList, success, originStart, originIndex, originRps, clientsNodes, dnsIndex, dnsOriginOk, originCount } = this;
    for (let n = 0; n < clientsNodes.length; n++) {
      const i = clientsNodes[n];
      const child = childStart[i + 1] > childStart[i] ? childList[childStart[i]] : -1;
      for (let k = originStart[i]; k < originStart[i + 1]; k++) {
        const o = originIndex[k];
        const ok = child < 0 ? 1 : role[child] === DNS ? dnsOriginOk[dnsIndex[child] * originCount + o] : success[child];
        out[o] = out[o] + originRps[k] * ok;
      }
    }
  }
  /**
   * Requests per second served end to end when u = sin ωt (each clients node offers rps · (1 + swing · u));
   * also sets lostA and lostB.
   */
  servedRps(state, u = 0) {
    if (!this.capacityLimited) return this.servedUnlimited(state, u);
    this.lastGrouped = this.grouped && !this.anyFailingOpen(state);
    if (this.lastGrouped) return this.servedGrouped(state, u);
    return this.servedByInstance(state, u);
  }
  /**
   * servedRps instance by instance (least connections, a balancer failing open, a fleet behind
   * two balancers). Its own method, so the common passes stay small for the optimizing compiler.
   */
  servedByInstance(state, u) {
    const downCount = state.downCount;
    const dataUp = state.dataUp;
    const capacity = state.capacity;
    const slotEnd = state.slotEnd;
    const { livePairs, liveEnd } = this;
    const { arrival, load, ratio, share, role, component, rps, childStart, childList, fleetLoad, dArrival, dLoad, dFleetLoad } = this;
    const { pairStart, pairMember, pairMemberNode, pairIsInstance } = this;
    const n = role.length;
    for (let k = 0; k < arrival.length; k++) {
      arrival[k] = 0;
      dArrival[k] = 0;
    }
    const fleets = this.fleetNodes;
    for (let k = 0; k < fleets.length; k++) {
      const first = component[fleets[k]];
      for (let c = first; c < first + slotEnd[fleets[k]]; c++) {
        load[c] = 0;
        dLoad[c] = 0;
      }
    }
    let saturated = false;
    for (let i = 0; i < n; i++) {
      const r = role[i];
      let forward = 0;
      let dForward = 0;
      if (r === CLIENTS) {
        forward = rps[i] * (1 + this.swing[i] * u);
        dForward = rps[i] * this.swing[i];
      } else if (r === SERIES) {
        if (downCount[component[i]] === 0) {
          forward = arrival[i];
          dForward = dArrival[i];
        }
      } else if (r === DNS) {
        this.forwardDns(i, state);
        continue;
      } else if (r === DATASTORE) {
        if (dataUp[i] === 1) {
          forward = arrival[i];
          dForward = dArrival[i];
        }
      } else if (r === FLEET) {
        const first = component[i];
        const last = first + slotEnd[i];
        let up = 0;
        let offered = 0;
        let dOffered = 0;
        for (let c = first; c < last; c++) {
          offered += load[c];
          dOffered += dLoad[c];
          if (downCount[c] === 0) up++;
        }
        const direct = up > 0 ? arrival[i] / up : 0;
        const dDirect = up > 0 ? dArrival[i] / up : 0;
        fleetLoad[i] = offered + arrival[i];
        dFleetLoad[i] = dOffered + dArrival[i];
        for (let c = first; c < last; c++) {
          if (downCount[c] !== 0) {
            ratio[c] = 0;
            continue;
          }
          const l = load[c] + direct;
          load[c] = l;
          dLoad[c] = dLoad[c] + dDirect;
          const cap = capacity[c];
          const q = l > cap ? cap / l : 1;
          ratio[c] = q;
          forward += l * q;
          if (l > cap) saturated = true;
          else dForward += dLoad[c];
        }
      } else {
        if (downCount[component[i]] === 0) {
          this.splitShares(i, state);
          const lambda = arrival[i];
          const dLambda = dArrival[i];
          for (let q = pairStart[i]; q < liveEnd[i]; q++) {
            const p = livePairs[q];
            const s = share[p];
            if (s === 0) continue;
            if (pairIsInstance[p] === 1) {
              load[pairMember[p]] = load[pairMember[p]] + lambda * s;
              dLoad[pairMember[p]] = dLoad[pairMember[p]] + dLambda * s;
            } else {
              arrival[pairMemberNode[p]] = arrival[pairMemberNode[p]] + lambda * s;
              dArrival[pairMemberNode[p]] = dArrival[pairMemberNode[p]] + dLambda * s;
            }
          }
        }
        continue;
      }
      for (let k = childStart[i]; k < childStart[i + 1]; k++) {
        const child = childList[k];
        arrival[child] = arrival[child] + forward;
        dArrival[child] = dArrival[child] + dForward;
      }
    }
    this.saturated = saturated;
    return this.bottomUp(state, u, true);
  }
  /** Whether some working balancer believes none of its members (it then sends to every registered one). */
  anyFailingOpen(state) {
    const balancers = this.balancerNodes;
    for (let k = 0; k < balancers.length; k++) {
      const b = balancers[k];
      if (state.believedCount[b] === 0 && state.downCount[this.component[b]] === 0) return true;
    }
    return false;
  }
  /**
   * servedRps fleet by fleet (when `grouped` and no balancer fails open): a balancer gives each
   * believed member an equal share, so every believed instance of a fleet gets the same share of
   * its balancer's traffic, and the fleet's direct arrivals spread evenly over its up instances.
   * An up instance therefore carries one of two loads, and the counts kept event by event
   * (fleetUp, entryBelievedUp, entryBelieved) say how many carry which: the cost does not grow
   * with the fleet's size. Per-instance figures are derived on demand (componentLoad).
   */
  servedGrouped(state, u) {
    const { downCount, dataUp, capacity } = state;
    const { arrival, dArrival, role, component, rps, childStart, childList, fleetLoad, dFleetLoad, shareLoad, shareSlope } = this;
    const n = role.length;
    for (let k = 0; k < n; k++) {
      arrival[k] = 0;
      dArrival[k] = 0;
    }
    const fleets = this.fleetNodes;
    for (let k = 0; k < fleets.length; k++) {
      shareLoad[fleets[k]] = 0;
      shareSlope[fleets[k]] = 0;
    }
    let saturated = false;
    for (let i = 0; i < n; i++) {
      const r = role[i];
      let forward = 0;
      let dForward = 0;
      if (r === CLIENTS) {
        forward = rps[i] * (1 + this.swing[i] * u);
        dForward = rps[i] * this.swing[i];
      } else if (r === SERIES) {
        if (downCount[component[i]] === 0) {
          forward = arrival[i];
          dForward = dArrival[i];
        }
      } else if (r === DNS) {
        this.forwardDns(i, state);
        continue;
      } else if (r === DATASTORE) {
        if (dataUp[i] === 1) {
          forward = arrival[i];
          dForward = dArrival[i];
        }
      } else if (r === FLEET) {
        const e = this.blockOfFleet[i];
        const up = this.fleetUp[i];
        const believedUp = e >= 0 ? this.entryBelievedUp[e] : 0;
        const plainUp = up - believedUp;
        const share = shareLoad[i];
        const dShare = shareSlope[i];
        const direct = up > 0 ? arrival[i] / up : 0;
        const dDirect = up > 0 ? dArrival[i] / up : 0;
        const believed = e >= 0 ? this.entryBelieved[e] : 0;
        fleetLoad[i] = believed * share + arrival[i];
        dFleetLoad[i] = believed * dShare + dArrival[i];
        const cap = capacity[component[i]];
        const withShare = share + direct;
        const dWithShare = dShare + dDirect;
        const q1 = withShare > cap ? cap / withShare : 1;
        const q0 = direct > cap ? cap / direct : 1;
        this.believedLoad[i] = withShare;
        this.believedSlope[i] = dWithShare;
        this.plainLoad[i] = direct;
        this.plainSlope[i] = dDirect;
        this.believedRatio[i] = q1;
        this.plainRatio[i] = q0;
        if (believedUp > 0) {
          forward += believedUp * (withShare * q1);
          if (withShare > cap) saturated = true;
          else dForward += believedUp * dWithShare;
        }
        if (plainUp > 0) {
          forward += plainUp * (direct * q0);
          if (direct > cap) saturated = true;
          else dForward += plainUp * dDirect;
        }
      } else {
        if (downCount[component[i]] === 0) {
          const equal = 1 / state.believedCount[i];
          const lambda = arrival[i];
          const dLambda = dArrival[i];
          for (let e = this.entryStart[i]; e < this.entryStart[i + 1]; e++) {
            const p = this.entryPair[e];
            const member = this.pairMemberNode[p];
            if (this.entryIsBlock[e] === 1) {
              shareLoad[member] = lambda * equal;
              shareSlope[member] = dLambda * equal;
            } else if (state.belief[p] === 1) {
              arrival[member] = arrival[member] + lambda * equal;
              dArrival[member] = dArrival[member] + dLambda * equal;
            }
          }
        }
        continue;
      }
      if (forward === 0 && dForward === 0) continue;
      for (let k = childStart[i]; k < childStart[i + 1]; k++) {
        const child = childList[k];
        arrival[child] = arrival[child] + forward;
        dArrival[child] = dArrival[child] + dForward;
      }
    }
    this.saturated = saturated;
    return this.bottomUp(state, u, true);
  }
  /**
   * Without capacity figures arrivals do not matter (an up instance serves all it gets), so the
   * bottom-up pass alone suffices: half the work on the common path.
   */
  servedUnlimited(state, u) {
    return this.bottomUp(state, u, false);
  }
  /**
   * Bottom-up: the fraction of a request entering each node that succeeds end to end; returns the
   * requests per second served. With `limited`, the top-down pass has just set each instance's
   * served ratio and every balancer's shares; without it every up instance serves all it gets.
   */
  bottomUp(state, u, limited) {
    const downCount = state.downCount;
    const dataUp = state.dataUp;
    const slotEnd = state.slotEnd;
    const { success, downstream, share, ratio, role, component, rps, childStart, childList } = this;
    const { pairStart, pairMember, pairMemberNode, pairIsInstance, livePairs, liveEnd } = this;
    const grouped = limited && this.lastGrouped;
    const skipUnreached = limited && this.skipUnreached;
    let served = 0;
    let lostA = 0;
    let lostB = 0;
    for (let i = role.length - 1; i >= 0; i--) {
      const r = role[i];
      if (skipUnreached && r !== CLIENTS && !this.reaches(i)) continue;
      if (r === DNS) {
        success[i] = this.dnsSuccess(i, state);
        continue;
      }
      if (r === BALANCER) {
        if (downCount[component[i]] !== 0) {
          success[i] = 0;
          continue;
        }
        if (!limited && this.incremental && this.countable[i] === 1 && state.believedCount[i] > 0) {
          success[i] = this.countedBalancerSuccess(i, state);
          continue;
        }
        if (grouped) {
          success[i] = this.groupedBalancerSuccess(i, state);
          continue;
        }
        if (!limited) this.splitShares(i, state);
        let ok = 0;
        for (let q = pairStart[i]; q < liveEnd[i]; q++) {
          const p = livePairs[q];
          const s = share[p];
          if (s === 0) continue;
          if (pairIsInstance[p] === 1) {
            const m = pairMember[p];
            const memberRatio = limited ? ratio[m] : downCount[m] === 0 ? 1 : 0;
            ok += s * (memberRatio * downstream[pairMemberNode[p]]);
          } else ok += s * success[pairMemberNode[p]];
        }
        success[i] = ok;
        continue;
      }
      let below = 1;
      for (let k = childStart[i]; k < childStart[i + 1]; k++) below *= success[childList[k]];
      if (r === CLIENTS) {
        const swing = this.swing[i];
        served += rps[i] * (1 + swing * u) * below;
        lostA += rps[i] * (1 - below);
        lostB += rps[i] * swing * (1 - below);
        success[i] = below;
      } else if (r === SERIES) {
        success[i] = downCount[component[i]] === 0 ? below : 0;
      } else if (r === DATASTORE) {
        success[i] = dataUp[i] === 1 ? below : 0;
      } else {
        downstream[i] = below;
        if (!limited && this.incremental) {
          success[i] = this.fleetUp[i] > 0 ? below : 0;
          continue;
        }
        if (grouped) {
          const up2 = this.fleetUp[i];
          const e = this.blockOfFleet[i];
          const believedUp = e >= 0 ? this.entryBelievedUp[e] : 0;
          success[i] = up2 > 0 ? (believedUp * this.believedRatio[i] + (up2 - believedUp) * this.plainRatio[i]) / up2 * below : 0;
          continue;
        }
        const first = component[i];
        const last = first + slotEnd[i];
        let up = 0;
        let sum = 0;
        for (let c = first; c < last; c++) {
          if (downCount[c] === 0) {
            up++;
            sum += limited ? ratio[c] : 1;
          }
        }
        downstream[i] = below;
        success[i] = up > 0 ? sum / up * below : 0;
      }
    }
    this.lostA = lostA;
    this.lostB = lostB;
    return served;
  }
  /**
   * PLAN-FORMAT meaning 9: round-robin and ip-hash give each believed-healthy member an equal share;
   * least-connections gives a dead-but-undetected member the same share (its requests fail) and
   * pools the rest over the live believed members in proportion to their capacity. With no member
   * believed healthy a balancer fails open: it treats every registered member as believed.
   */
  splitShares(n, state) {
    const { belief, believedCount, downCount, capacity, registered, slotEnd } = state;
    const { share, pairMember, pairMemberNode, pairIsInstance, pairInstance, pairGroupEnd, livePairs } = this;
    const start = this.pairStart[n];
    const end = this.pairEnd[n];
    const failOpen = believedCount[n] === 0;
    let live = start;
    for (let p = start; p < end; p++) {
      if (pairInstance[p] >= slotEnd[pairMemberNode[p]]) {
        p = pairGroupEnd[p] - 1;
        continue;
      }
      if ((failOpen ? registered[pairMember[p]] : belief[p]) === 1) livePairs[live++] = p;
    }
    this.liveEnd[n] = live;
    const members = live - start;
    if (members === 0) return;
    const equal = 1 / members;
    if (this.algorithm[n] !== LEAST_CONNECTIONS) {
      for (let q = start; q < live; q++) share[livePairs[q]] = equal;
      return;
    }
    let up = 0;
    let upCapacity = 0;
    let unlimited = false;
    for (let q = start; q < live; q++) {
      const p = livePairs[q];
      if (downCount[pairMember[p]] !== 0) continue;
      up++;
      const cap = pairIsInstance[p] === 1 ? capacity[pairMember[p]] : Infinity;
      if (cap === Infinity) unlimited = true;
      else upCapacity += cap;
    }
    const upShare = up * equal;
    for (let q = start; q < live; q++) {
      const p = livePairs[q];
      if (downCount[pairMember[p]] !== 0) share[p] = equal;
      else if (unlimited) share[p] = upShare / up;
      else share[p] = upShare * capacity[pairMember[p]] / upCapacity;
    }
  }
  /** Offered load of component c (a fleet instance slot below its node's slotEnd) at the last evaluation. */
  componentLoad(c, state) {
    if (!this.lastGrouped) return this.load[c];
    return this.groupedFigure(c, state, this.shareLoad, this.believedLoad, this.plainLoad);
  }
  /** The slope in u of componentLoad (exact while no instance crosses its capacity). */
  componentLoadSlope(c, state) {
    if (!this.lastGrouped) return this.dLoad[c];
    return this.groupedFigure(c, state, this.shareSlope, this.believedSlope, this.plainSlope);
  }
  /** How many instances of fleet `node` are up: the running count, or counted slot by slot without one. */
  upInstances(node, state) {
    if (this.incremental) return this.fleetUp[node];
    let up = 0;
    const first = this.component[node];
    for (let c = first; c < first + state.slotEnd[node]; c++) if (state.downCount[c] === 0) up++;
    return up;
  }
  /**
   * After a grouped pass, the two loads an up instance of fleet `node` may carry (with or without
   * its balancer's share) and their slopes, for those some instance carries; returns how many
   * (−1 when the last pass was not grouped: ask instance by instance).
   */
  upInstanceLoads(node, loads, slopes) {
    if (!this.lastGrouped) return -1;
    const e = this.blockOfFleet[node];
    const believedUp = e >= 0 ? this.entryBelievedUp[e] : 0;
    let count = 0;
    if (believedUp > 0) {
      loads[count] = this.believedLoad[node];
      slopes[count++] = this.believedSlope[node];
    }
    if (this.fleetUp[node] - believedUp > 0) {
      loads[count] = this.plainLoad[node];
      slopes[count++] = this.plainSlope[node];
    }
    return count;
  }
  /** An instance's figure after a grouped pass: a dead one keeps only its balancer's share (if believed). */
  groupedFigure(c, state, share, believedUp, plainUp) {
    const node = this.componentNode[c];
    if (this.role[node] !== FLEET || c - this.component[node] >= state.slotEnd[node]) return 0;
    const p = this.blockPairOf[c];
    const believed = p >= 0 && state.belief[p] === 1;
    if (state.downCount[c] !== 0) return believed ? share[node] : 0;
    return believed ? believedUp[node] : plainUp[node];
  }
};

// sim/engine/dns/cachedAnswers.ts
var CachedAnswers = class {
  constructor(targetCount, ttlSeconds, violationFraction, violationSeconds, initial) {
    this.targetCount = targetCount;
    this.ttlSeconds = ttlSeconds;
    this.violationFraction = violationFraction;
    this.violationSeconds = violationSeconds;
    this.times.push(-Infinity);
    this.answers.push(Float64Array.from(initial));
    this.window = Math.max(ttlSeconds, violationFraction > 0 ? violationSeconds : 0);
  }
  targetCount;
  ttlSeconds;
  violationFraction;
  violationSeconds;
  times = [];
  answers = [];
  window;
  /** The record's current answer (what a fresh query gets). */
  current() {
    return this.answers[this.answers.length - 1];
  }
  /** Records that the answer changed at time t; a repeat of the current answer is no change. */
  setAnswer(t, answer) {
    const last = this.current();
    let same = true;
    for (let k = 0; k < this.targetCount; k++) if (last[k] !== answer[k]) same = false;
    if (same) return false;
    this.prune(t);
    if (this.times[this.times.length - 1] === t) {
      this.answers[this.answers.length - 1] = Float64Array.from(answer);
    } else {
      this.times.push(t);
      this.answers.push(Float64Array.from(answer));
    }
    return true;
  }
  /** The answer in force at time x (with `before`, just before x: a change at x is not yet in force). */
  answerAt(x, before = false) {
    for (let i = this.times.length - 1; i > 0; i--) if (before ? this.times[i] < x : this.times[i] <= x) return this.answers[i];
    return this.answers[0];
  }
  /**
   * Fills `out` with the share of this origin's clients sending to each target at time t. The
   * violators move as a step (meaning 8), so with `leftLimit` the shares are those just before t,
   * which the account integrates up to t before the step applies.
   */
  sharesAt(t, out, leftLimit = false) {
    for (let k = 0; k < out.length; k++) out[k] = 0;
    const compliant = 1 - this.violationFraction;
    if (this.ttlSeconds <= 0) {
      const a = this.answerAt(t, leftLimit);
      for (let k = 0; k < this.targetCount; k++) out[k] = compliant * a[k];
    } else {
      const from = t - this.ttlSeconds;
      for (let i = 0; i < this.times.length; i++) {
        const start = Math.max(this.times[i], from);
        const end = Math.min(i + 1 < this.times.length ? this.times[i + 1] : Infinity, t);
        if (end <= start) continue;
        const weight = compliant * (end - start) / this.ttlSeconds;
        const a = this.answers[i];
        for (let k = 0; k < this.targetCount; k++) out[k] = out[k] + weight * a[k];
      }
    }
    if (this.violationFraction > 0) {
      const late = this.answerAt(t - this.violationSeconds, leftLimit);
      for (let k = 0; k < this.targetCount; k++) out[k] = out[k] + this.violationFraction * late[k];
    }
  }
  /** The first time after t at which the shares stop changing linearly (Infinity when settled). */
  nextBreakpointAfter(t) {
    let next = Infinity;
    for (let i = 1; i < this.times.length; i++) {
      const tau = this.times[i];
      if (this.ttlSeconds > 0 && tau + this.ttlSeconds > t) next = Math.min(next, tau + this.ttlSeconds);
      if (this.violationFraction > 0 && tau + this.violationSeconds > t) next = Math.min(next, tau + this.violationSeconds);
    }
    return next;
  }
  /** Forgets changes no client can still be following at time t (keeps the one in force then). */
  prune(t) {
    const horizon = t - this.window;
    let drop = 0;
    while (drop + 1 < this.times.length && this.times[drop + 1] <= horizon) drop++;
    if (drop > 0) {
      this.times.splice(0, drop);
      this.answers.splice(0, drop);
      this.times[0] = -Infinity;
    }
  }
};

// sim/engine/dns/dnsRuntime.ts
var DnsRuntime = class {
  constructor(model2, seed, replication, host) {
    this.model = model2;
    this.host = host;
    const { dns: dns2, dnsChecks } = model2;
    this.watch = new HealthWatch(dnsChecks.length, { schedule: (c, delay) => host.scheduleSlot(c, delay), cancel: (c) => host.cancelSlot(c) });
    this.streams = dnsChecks.map((c) => streamFor(seed, replication, c.sourceId, "dns-detection"));
    this.manualStreams = dnsChecks.map((c) => c.manual ? streamFor(seed, replication, c.sourceId, "dns-manual") : null);
    this.awaitingMonitor = new Uint8Array(dnsChecks.length);
    this.moving = new Uint8Array(dns2.length);
    this.slotCount = dnsChecks.length + dns2.length;
    this.healthy = dns2.map((d) => new Uint8Array(d.targetNodes.length).fill(1));
    this.answer = dns2.map((d) => new Float64Array(d.targetNodes.length));
    this.shares = dns2.map((d) => new Float64Array(d.originWeight.length * d.targetNodes.length));
    this.views = dns2.map((d, i) => Array.from(d.originWeight, (_, o) => this.shares[i].subarray(o * d.targetNodes.length, (o + 1) * d.targetNodes.length)));
    this.caches = dns2.map(
      (d, i) => Array.from(d.originWeight, (_, o) => {
        answerFor(d.record, this.healthy[i], o, this.answer[i]);
        return new CachedAnswers(d.targetNodes.length, d.ttlSeconds, d.violationFraction, d.violationSeconds, this.answer[i]);
      })
    );
    this.fillShares(0);
  }
  model;
  host;
  /** Per record: [origin · targets + target] shares, filled by `fillShares`. */
  shares;
  views;
  caches;
  /** Per check: what it sees and believes of its target (the same watch as balancer pairs'). */
  watch;
  healthy;
  answer;
  streams;
  /** Manual checks: people's detection and response draws, and 1 while a change waits for a monitor to be back. */
  manualStreams;
  awaitingMonitor;
  /** Per record: 1 while its clients are still moving between answers. */
  moving;
  movingCount = 0;
  /** True once `shares` hold values that stay put: no record moving, no answer changed since. */
  settled = false;
  /** Local slots: [0, checks) detection timers, [checks, checks + records) breakpoint timers. */
  slotCount;
  /** True while some clients are between answers: shares then move linearly until the next breakpoint. */
  get inTransition() {
    return this.movingCount > 0;
  }
  /** The first instant after t at which some record's shares stop moving linearly (Infinity when none moves). */
  nextBreakpointAfter(t) {
    let next = Infinity;
    for (let d = 0; d < this.caches.length; d++) {
      if (this.moving[d] === 0) continue;
      for (const cache of this.caches[d]) next = Math.min(next, cache.nextBreakpointAfter(t));
    }
    return next;
  }
  /**
   * Sets every record's shares to their values at time t (nothing to do while they stay put); with
   * `leftLimit`, to their values just before t (a step at t not applied yet).
   */
  fillShares(t, leftLimit = false) {
    if (this.settled) return;
    for (let d = 0; d < this.caches.length; d++) {
      const caches = this.caches[d];
      for (let o = 0; o < caches.length; o++) caches[o].sharesAt(t, this.views[d][o], leftLimit);
    }
    this.settled = !leftLimit && this.movingCount === 0;
  }
  /** A local timer fired at t; returns true when the served rate may have changed. */
  onSlot(slot, t) {
    const checks = this.model.dnsChecks.length;
    if (slot < checks) {
      const d = this.model.dnsChecks[slot].dns;
      this.healthy[d][this.model.dnsChecks[slot].target] = this.watch.confirm(slot);
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
  restartChecks(d, t) {
    const def = this.model.dns[d];
    for (let c = def.checkStart; c < def.checkEnd; c++) {
      this.watch.forget(c);
      this.healthy[d][this.model.dnsChecks[c].target] = 0;
      this.awaitingMonitor[c] = 0;
    }
    this.answerChanged(d, t);
  }
  /** Re-reads what every check observes; a change starts (or cancels) that check's detection clock. */
  refreshChecks() {
    const { dnsChecks } = this.model;
    for (let c = 0; c < dnsChecks.length; c++) {
      const observed = this.observe(c);
      if (!this.watch.see(c, observed)) continue;
      this.awaitingMonitor[c] = 0;
      if (!this.watch.disagrees(c)) continue;
      if (dnsChecks[c].manual) {
        const noticed = notice(this.model.monitors, this.host, this.manualStreams[c]);
        if (noticed === null) this.awaitingMonitor[c] = 1;
        else this.watch.detectAfter(c, noticed.delaySeconds + dnsChecks[c].law.propagationSeconds);
        continue;
      }
      this.watch.detectAfter(c, sampleDetectionSeconds(dnsChecks[c].law, this.streams[c], observed === 0));
    }
  }
  /** The first monitor back after none was up notices every manual switch that waited for one. */
  monitorBack(monitor) {
    const { dnsChecks } = this.model;
    for (let c = 0; c < dnsChecks.length; c++) {
      if (this.awaitingMonitor[c] === 0) continue;
      this.awaitingMonitor[c] = 0;
      const noticed = noticeAfterReturn(this.model.monitors, monitor, this.manualStreams[c]);
      this.host.scheduleSlot(c, noticed.delaySeconds + dnsChecks[c].law.propagationSeconds);
    }
  }
  /** Meaning 6: a fleet is healthy while one instance is up; a balancer while it believes one target. */
  observe(c) {
    const check = this.model.dnsChecks[c];
    const node = this.model.nodes[check.targetNode];
    const { downCount, believedCount } = this.host;
    if (check.deep) return node.component >= 0 && downCount[node.component] !== 0 ? 0 : this.host.pathServes(check.targetNode) ? 1 : 0;
    switch (node.role) {
      case NodeRole.Fleet:
        for (let i = 0; i < node.instances; i++) if (downCount[node.component + i] === 0) return 1;
        return 0;
      case NodeRole.Balancer:
        if (downCount[node.component] !== 0) return 0;
        return node.pairEnd === node.pairStart || believedCount[check.targetNode] > 0 ? 1 : 0;
      case NodeRole.Clients:
        return 1;
      default:
        return downCount[node.component] === 0 ? 1 : 0;
    }
  }
  answerChanged(d, t) {
    const def = this.model.dns[d];
    const caches = this.caches[d];
    let changed = false;
    for (let o = 0; o < caches.length; o++) {
      answerFor(def.record, this.healthy[d], o, this.answer[d]);
      if (caches[o].setAnswer(t, this.answer[d])) changed = true;
    }
    if (changed) {
      this.settled = false;
      this.scheduleBreakpoint(d, t);
    }
  }
  scheduleBreakpoint(d, t) {
    let next = Infinity;
    for (const cache of this.caches[d]) next = Math.min(next, cache.nextBreakpointAfter(t));
    const slot = this.model.dnsChecks.length + d;
    const wasMoving = this.moving[d] === 1;
    const isMoving = next !== Infinity;
    this.moving[d] = isMoving ? 1 : 0;
    this.movingCount += (isMoving ? 1 : 0) - (wasMoving ? 1 : 0);
    if (isMoving) this.host.scheduleSlot(slot, next - t);
    else this.host.cancelSlot(slot);
  }
};

// sim/engine/scaling/controller.ts
var SCALE_IN_COOLDOWN_SECONDS = 300;
var EPSILON = 1e-9;
var CROSSING_MARGIN_SECONDS = 1e-3;
var TICK_SAME_SECONDS = 1e-6;
var CROSSING_PRECISION_SECONDS = 1e-9;
var CROSSING_SAME_SECONDS = 1e-7;
var NEAR_NOW = 1e-9;
function nextSineCrossing(t, values, count = values.length, now = Math.sin(DIURNAL_OMEGA * t)) {
  const twoPi = 2 * Math.PI;
  const phase = (DIURNAL_OMEGA * t % twoPi + twoPi) % twoPi;
  const rising = phase < Math.PI / 2 || phase >= 3 * Math.PI / 2;
  let above = Infinity;
  let below = -Infinity;
  for (let k = 0; k < count; k++) {
    const v = values[k];
    if (!(v > -1 && v < 1)) continue;
    if (Math.abs(v - now) < NEAR_NOW) return bothRootsCrossing(t, phase, values, count);
    if (v > now) above = Math.min(above, v);
    else below = Math.max(below, v);
  }
  const first = rising ? above !== Infinity ? above : below : below !== -Infinity ? below : above;
  if (!(first > -1 && first < 1)) return Infinity;
  const a = Math.asin(first);
  return t + Math.min(phaseAhead(a, phase), phaseAhead(Math.PI - a, phase)) / DIURNAL_OMEGA;
}
function bothRootsCrossing(t, phase, values, count) {
  let best = Infinity;
  for (let k = 0; k < count; k++) {
    const v = values[k];
    if (!(v > -1 && v < 1)) continue;
    const a = Math.asin(v);
    best = Math.min(best, phaseAhead(a, phase), phaseAhead(Math.PI - a, phase));
  }
  return best === Infinity ? Infinity : t + best / DIURNAL_OMEGA;
}
function phaseAhead(root, phase) {
  const twoPi = 2 * Math.PI;
  const ahead = ((root - phase) % twoPi + twoPi) % twoPi;
  return ahead < 1e-12 ? 0 : ahead;
}
function firstSignChange(g, lo, hi, glo, ghi, curve) {
  const h = hi - lo;
  const sameSign = glo > 0 === ghi > 0;
  if (sameSign && Math.min(Math.abs(glo), Math.abs(ghi)) > curve * h * h / 8) return Infinity;
  if (h <= CROSSING_PRECISION_SECONDS) return sameSign ? Infinity : hi;
  const mid = lo + h / 2;
  if (!(mid > lo && mid < hi)) return sameSign ? Infinity : hi;
  const gm = g(mid);
  const left = firstSignChange(g, lo, mid, glo, gm, curve);
  return left !== Infinity ? left : firstSignChange(g, mid, hi, gm, ghi, curve);
}
var ScalingController = class {
  constructor(model2, host) {
    this.model = model2;
    this.host = host;
    const { nodes, components } = model2;
    this.components = components.length;
    this.nodeCount = nodes.length;
    this.active = new Uint8Array(this.components);
    this.slotEnd = new Int32Array(this.nodeCount);
    this.launching = new Uint8Array(this.components);
    this.launchingCount = new Int32Array(this.nodeCount);
    this.activeNow = new Int32Array(this.nodeCount);
    this.upNow = new Int32Array(this.nodeCount);
    this.reactionPending = new Uint8Array(this.nodeCount);
    this.scaleInPending = new Uint8Array(this.nodeCount);
    this.warm = new Float64Array(this.nodeCount);
    this.rampStart = new Float64Array(this.nodeCount);
    this.rampTarget = new Float64Array(this.nodeCount);
    this.ramping = new Uint8Array(this.nodeCount);
    this.autoscaled = [];
    this.serverless = [];
    nodes.forEach((n, i) => {
      if (n.autoscaling && n.capacityRps !== Infinity) this.autoscaled.push(i);
      if (n.serverless && n.capacityRps !== Infinity) this.serverless.push(i);
    });
    this.tickable = model2.swinging && model2.capacityLimited;
    this.aheadLoad = new Float64Array(this.serverless.length);
    this.aheadSlope = new Float64Array(this.serverless.length);
    this.crossingAt = new Float64Array(this.nodeCount).fill(Infinity);
    this.sideAfter = new Int8Array(this.nodeCount);
    this.limitedNodes = Int32Array.from(nodes.flatMap((n, i) => n.capacityRps !== Infinity && n.component >= 0 ? [i] : []));
    const limitedComponents = components.filter((c) => nodes[c.node].capacityRps !== Infinity).length;
    this.levels = new Float64Array(limitedComponents + 2 * this.autoscaled.length);
    this.decided = new Int32Array(5 * this.autoscaled.length).fill(-1);
    this.unitLoad = Float64Array.from(nodes, (n) => n.autoscaling ? n.capacityRps * n.autoscaling.targetUtilization : Infinity);
    const widest = Math.max(1, ...nodes.map((n) => n.instances));
    this.instanceLoads = new Float64Array(widest);
    this.instanceSlopes = new Float64Array(widest);
  }
  model;
  host;
  /** 1 while a component slot serves or is failed-but-running; 0 before launch and after scale-in. */
  active;
  /**
   * Per node: one past its highest active instance slot. Slots from there on are idle (down, not
   * registered, no share of any balancer), so the per-event traffic pass need not visit them.
   */
  slotEnd;
  launching;
  launchingCount;
  /** Per node: active instances (kept as slots activate and deactivate), and up-and-active ones at the last countSlots. */
  activeNow;
  upNow;
  /** Scratch of nextTickDelay: one level per capacity-limited component, two per autoscaled node. */
  levels;
  /** Scratch of nextTickDelay: one fleet's up-instance loads and their slopes. */
  instanceLoads;
  instanceSlopes;
  reactionPending;
  scaleInPending;
  /** Serverless: warm concurrency at rampStart, growing to rampTarget. */
  warm;
  rampStart;
  rampTarget;
  ramping;
  rampsActive = 0;
  /** Per serverless node (by position in `serverless`): its load and u-slope just before the next load breakpoint. */
  aheadLoad;
  aheadSlope;
  /** Per node: when its pending capacity-crossing timer fires (Infinity when none is pending). */
  crossingAt;
  /**
   * Per node: the direction of u (±1) toward the side of its pending crossing that comes after it
   * (0 without a swing). At the crossing the lost rate is continuous but its split into A + B·sin ωt
   * is not, and the account interpolates A and B between events: the evaluation just before the
   * crossing's handler takes the side before it, the one after takes the side after (probeSide).
   */
  sideAfter;
  /**
   * The crossing being handled: its node, its time, and 1 before its handler (the segment ending
   * there is closed), 2 after it (the next one is opened); 0 when none is.
   */
  sideNode = -1;
  sideTime = NaN;
  sidePhase = 0;
  tickPending = false;
  /** When the pending tick fires (simulation seconds). */
  tickAt = Infinity;
  /** u = sin ωt at the last evaluation (the loads the host reports are at this u). */
  evaluatedU = 0;
  autoscaled;
  /** Per autoscaled node (in `autoscaled` order): up, active, launching, reaction and scale-in pending at the last decision. */
  decided;
  /** Per node: the load one instance is meant to carry (capacity × target utilization) when autoscaled. */
  unitLoad;
  serverless;
  components;
  nodeCount;
  tickable;
  /** Nodes with a finite capacity per component (the only ones a swing can saturate). */
  limitedNodes;
  initialized = false;
  // Set by registerTimers, before the replication's first event.
  launchTimers;
  reactionTimers;
  scaleInTimers;
  rampTimers;
  tickTimer;
  crossingTimers;
  /** Registers each mechanism's timers with the kernel (once, before the run); `instance` names a component slot. */
  registerTimers(register, instance) {
    const node = (i) => `"${this.model.nodes[i].id}"`;
    this.launchTimers = register(this.components, (c) => `autoscaling launches of ${instance(c)}`, (c) => this.finishLaunch(c));
    this.reactionTimers = register(this.nodeCount, (i) => `autoscaling reactions of ${node(i)}`, (i, t) => this.react(i, t));
    this.scaleInTimers = register(this.nodeCount, (i) => `autoscaling scale-ins of ${node(i)}`, (i, t) => this.scaleIn(i, t));
    this.rampTimers = register(this.nodeCount, (i) => `serverless warm-up of ${node(i)}`, (i) => this.finishRamp(i));
    this.tickTimer = register(1, () => "the autoscaling controller (its looks at the diurnal load)", () => this.look());
    this.crossingTimers = register(this.nodeCount, (i) => `serverless load crossing the warm capacity of ${node(i)}`, (i, t) => this.crossed(i, t));
  }
  /**
   * True when served traffic moves linearly between events: a serverless ramp. (A diurnal swing
   * against capacities needs no such slide: between looks at the load the lost rate is affine in
   * sin ωt, which the account integrates exactly.)
   */
  get dynamic() {
    return this.rampsActive > 0;
  }
  /** Whether anything here can ever act (so the replication can skip the hooks entirely). */
  get needed() {
    return this.autoscaled.length > 0 || this.serverless.length > 0 || this.tickable;
  }
  /** Initial capacities and which slots start active; returns the inactive slots (down until launched). */
  initialize() {
    const { nodes, components } = this.model;
    const inactive = [];
    for (let c = 0; c < components.length; c++) {
      const node = nodes[components[c].node];
      this.host.capacity[c] = node.capacityRps;
      if (components[c].instance < 0 || components[c].instance < node.initialActive) {
        this.active[c] = 1;
        this.activeNow[components[c].node]++;
        const end = components[c].instance < 0 ? node.instances : components[c].instance + 1;
        this.slotEnd[components[c].node] = Math.max(this.slotEnd[components[c].node], end);
      } else inactive.push(c);
    }
    for (const i of this.serverless) this.warm[i] = nodes[i].serverless.concurrencyLimit;
    return inactive;
  }
  /**
   * Which way in u the host takes the lost rate's slope when it evaluates at t: 0 as usual (the way
   * u moves), else, at a serverless capacity crossing, toward the side of the segment being closed
   * (before the crossing's handler) or opened (after it).
   */
  probeSide(t) {
    if (this.sidePhase === 0 || !(Math.abs(t - this.sideTime) <= CROSSING_SAME_SECONDS)) return 0;
    const after = this.sideAfter[this.sideNode];
    return this.sidePhase === 1 ? -after : after;
  }
  /** Brings time-varying capacities (serverless ramps) to time t. */
  advanceTo(t) {
    this.sidePhase = 0;
    for (const i of this.serverless) {
      if (Math.abs(this.crossingAt[i] - t) <= CROSSING_SAME_SECONDS) {
        this.sideNode = i;
        this.sideTime = t;
        this.sidePhase = 1;
      }
    }
    if (this.rampsActive === 0) return;
    for (const i of this.serverless) if (this.ramping[i] === 1) this.setWarmCapacity(i, this.warmAt(i, t));
  }
  /**
   * Decisions after traffic was evaluated at t. Returns true when it changed a capacity at once
   * (instant serverless scale-up), so the caller must evaluate again.
   */
  afterEvaluation(t, loadsMoved = true) {
    const u = this.host.sineAt(t);
    this.evaluatedU = u;
    if (!loadsMoved && this.serverless.length === 0) {
      let relevel = false;
      for (let k = 0; k < this.autoscaled.length; k++) {
        const i = this.autoscaled[k];
        this.countSlots(i);
        if (!this.autoscalerChanged(k, i)) continue;
        this.decide(i);
        this.noteAutoscaler(k, i);
        if (this.host.fleetLoadSlopeOf(i) !== 0) relevel = true;
      }
      if (relevel && this.tickable) this.retick(t);
      return false;
    }
    const { nodes } = this.model;
    let changedNow = false;
    for (let k = 0; k < this.autoscaled.length; k++) {
      const i = this.autoscaled[k];
      this.countSlots(i);
      this.decide(i);
    }
    const ahead = this.serverless.length > 0 ? this.host.nextLoadBreakpoint(t) : Infinity;
    if (ahead !== Infinity) this.host.fleetLoadsBefore(ahead, t, this.serverless, this.aheadLoad, this.aheadSlope);
    const uAhead = ahead !== Infinity && this.model.swinging ? Math.sin(DIURNAL_OMEGA * ahead) : 0;
    for (let k = 0; k < this.serverless.length; k++) {
      const i = this.serverless[k];
      const def = nodes[i].serverless;
      let peak = this.peakLoad(i);
      if (ahead !== Infinity) {
        const slope = this.aheadSlope[k];
        peak = Math.max(peak, this.aheadLoad[k] + slope * (Math.sign(slope) - uAhead));
      }
      const desired = Math.min(def.concurrencyLimit, peak * def.requestSeconds);
      const now = this.warmAt(i, t);
      if (!this.initialized || def.scaleUpPerSecond === Infinity || desired < now - EPSILON) {
        if (this.ramping[i] === 1) this.stopRamp(i);
        if (Math.abs(desired - now) > EPSILON) {
          if (desired > now) changedNow = true;
          this.warm[i] = desired;
          this.setWarmCapacity(i, desired);
        }
      } else if (desired > now + EPSILON && (this.ramping[i] === 0 || desired > this.rampTarget[i] + EPSILON)) {
        if (this.ramping[i] === 0) this.rampsActive++;
        this.ramping[i] = 1;
        this.warm[i] = now;
        this.rampStart[i] = t;
        this.rampTarget[i] = desired;
        this.rampTimers.restart(i, (desired - now) / def.scaleUpPerSecond);
      }
      this.aimCrossing(k, i, t, ahead, uAhead);
    }
    this.initialized = true;
    if (this.tickable) this.retick(t);
    for (let k = 0; k < this.autoscaled.length; k++) this.noteAutoscaler(k, this.autoscaled[k]);
    return changedNow;
  }
  /** Autoscaler i (the k-th): a launch once the load needs more than its up and launching instances, else a scale-in once it needs fewer. */
  decide(i) {
    const load = this.host.fleetLoad(i);
    if (this.launchesWanted(i, load) > 0) {
      if (this.reactionPending[i] === 0) {
        this.reactionPending[i] = 1;
        this.reactionTimers.restart(i, this.model.nodes[i].autoscaling.reactionSeconds);
      }
    } else if (this.launchingCount[i] === 0 && this.excess(i, load) > 0 && this.scaleInPending[i] === 0) {
      this.scaleInPending[i] = 1;
      this.scaleInTimers.restart(i, SCALE_IN_COOLDOWN_SECONDS);
    }
  }
  /** Whether autoscaler i's counts (countSlots must have run) or pending steps differ from those of its last decision. */
  autoscalerChanged(k, i) {
    const d = this.decided;
    return d[5 * k] !== this.upNow[i] || d[5 * k + 1] !== this.activeNow[i] || d[5 * k + 2] !== this.launchingCount[i] || d[5 * k + 3] !== this.reactionPending[i] || d[5 * k + 4] !== this.scaleInPending[i];
  }
  noteAutoscaler(k, i) {
    this.decided[5 * k] = this.upNow[i];
    this.decided[5 * k + 1] = this.activeNow[i];
    this.decided[5 * k + 2] = this.launchingCount[i];
    this.decided[5 * k + 3] = this.reactionPending[i];
    this.decided[5 * k + 4] = this.scaleInPending[i];
  }
  /** The daily peak of node i's load as it is now routed: its load is affine in u, so at u = ±1. */
  peakLoad(i) {
    const slope = this.host.fleetLoadSlopeOf(i);
    return this.host.fleetLoad(i) + slope * (Math.sign(slope) - this.evaluatedU);
  }
  /**
   * Aims the next look at the load. A pending look that comes no later is kept: looking early
   * costs one evaluation (which aims again), while moving a timer leaves a stale event behind.
   */
  retick(t) {
    const delay = this.nextTickDelay(t);
    if (delay === Infinity) return;
    if (this.tickPending && this.tickAt <= t + delay + TICK_SAME_SECONDS) return;
    this.tickPending = true;
    this.tickAt = t + delay;
    this.tickTimer.restart(0, delay);
  }
  /**
   * When to look at the load again. Every load is affine in u = sin ωt as long as no instance
   * crosses its capacity, so the served share and every decision stay as they are until the swing
   * carries some load across a level that matters — a capacity, or the load at which an autoscaler
   * would launch or scale in (countSlots must have run) — and the next look is exactly at the first
   * such crossing. Levels at which nothing would change (the wanted count moving below `min`) are not looked at.
   */
  nextTickDelay(t) {
    const levels2 = this.levels;
    let count = 0;
    const u = this.evaluatedU;
    const limited = this.limitedNodes;
    const loads = this.instanceLoads;
    const slopes = this.instanceSlopes;
    for (let k = 0; k < limited.length; k++) {
      const capacity = this.host.capacity[this.model.nodes[limited[k]].component];
      const groups = this.host.upInstanceLoads(limited[k], loads, slopes);
      for (let g = 0; g < groups; g++) {
        const slope = slopes[g];
        if (slope === 0) continue;
        const v = u + (capacity - loads[g]) / slope;
        if (Math.abs(v) < 1 - EPSILON) levels2[count++] = v;
      }
    }
    for (const i of this.autoscaled) {
      const load = this.host.fleetLoad(i);
      const slope = this.host.fleetLoadSlopeOf(i);
      if (slope === 0) continue;
      const node = this.model.nodes[i];
      const a = node.autoscaling;
      const unit = this.unitLoad[i];
      const up = this.upNow[i];
      const active = this.activeNow[i];
      const launching = this.launchingCount[i];
      if (up + launching < a.max && active + launching < node.instances) {
        const v = u + ((up + launching) * unit - load) / slope;
        if (Math.abs(v) < 1 - EPSILON) levels2[count++] = v;
      }
      if (launching === 0 && active > a.min && up >= 2) {
        const v = u + ((up - 1) * unit - load) / slope;
        if (Math.abs(v) < 1 - EPSILON) levels2[count++] = v;
      }
    }
    const crossing = nextSineCrossing(t, levels2, count, u);
    return crossing === Infinity ? Infinity : crossing - t + CROSSING_MARGIN_SECONDS;
  }
  /**
   * Times node i's next capacity crossing: between events its load is A(s) + B(s)·sin ωs with A
   * and B linear in s (they move with the DNS shares until `ahead`), and its warm capacity is
   * linear too (a ramp, else constant), so the lost rate (load − capacity)⁺ has a kink exactly
   * where they meet — an event there keeps the account's linear integral exact (meaning 20).
   * The crossing is searched up to the next breakpoint or the ramp's end, whichever comes first:
   * after it the capacity covers the peak (or an event re-aims). A crossing within the diurnal
   * swing alone (no ramp, no DNS motion) is the look's (nextTickDelay).
   */
  aimCrossing(k, i, t, ahead, uAhead) {
    const def = this.model.nodes[i].serverless;
    const rate = def.scaleUpPerSecond;
    const ramping = this.ramping[i] === 1;
    let end = ahead;
    if (ramping) end = Math.min(end, this.rampStart[i] + (this.rampTarget[i] - this.warm[i]) / rate);
    let at = Infinity;
    if (end !== Infinity && end > t + TICK_SAME_SECONDS) {
      const u0 = this.evaluatedU;
      const b0 = this.host.fleetLoadSlopeOf(i);
      const a0 = this.host.fleetLoad(i) - b0 * u0;
      const b1 = ahead !== Infinity ? this.aheadSlope[k] : b0;
      const a1 = ahead !== Infinity ? this.aheadLoad[k] - b1 * uAhead : a0;
      const span = ahead !== Infinity ? ahead - t : 1;
      const da = (a1 - a0) / span;
      const db = (b1 - b0) / span;
      const warm0 = this.warmAt(i, t);
      const capRate = ramping ? rate / def.requestSeconds : 0;
      const cap0 = warm0 / def.requestSeconds;
      const swinging = this.model.swinging;
      const g = (s) => {
        const x = s - t;
        const u = swinging ? Math.sin(DIURNAL_OMEGA * s) : 0;
        return a0 + da * x + (b0 + db * x) * u - (cap0 + capRate * x);
      };
      const highest = Math.max(a0 + Math.abs(b0), a1 + Math.abs(b1));
      if (highest > cap0) {
        const w = DIURNAL_OMEGA;
        const curve = swinging ? 2 * Math.abs(db) * w + Math.max(Math.abs(b0), Math.abs(b1)) * w * w : 0;
        const from = t + TICK_SAME_SECONDS;
        at = firstSignChange(g, from, end, g(from), g(end), curve);
        if (at >= end - TICK_SAME_SECONDS) at = Infinity;
        if (at !== Infinity) {
          const towardLoad = Math.sign(b0 + db * (at - t));
          this.sideAfter[i] = g(at) > 0 ? towardLoad : -towardLoad;
        }
      }
    }
    if (at === Infinity) {
      if (this.crossingAt[i] !== Infinity) {
        this.crossingAt[i] = Infinity;
        this.crossingTimers.cancel(i);
      }
    } else if (Math.abs(at - this.crossingAt[i]) > TICK_SAME_SECONDS) {
      this.crossingAt[i] = at;
      this.crossingTimers.restart(i, at - t);
    }
  }
  /** A load met its serverless capacity: the caller evaluates (the lost rate's kink), and afterEvaluation aims the next one. */
  crossed(i, t) {
    this.crossingAt[i] = Infinity;
    this.sideNode = i;
    this.sideTime = t;
    this.sidePhase = 2;
    this.host.invalidate();
    return true;
  }
  /** A serverless ramp reached its target. */
  finishRamp(i) {
    this.stopRamp(i);
    this.warm[i] = this.rampTarget[i];
    this.setWarmCapacity(i, this.warm[i]);
    return true;
  }
  /** The look at the load aimed by retick: the caller evaluates, and afterEvaluation aims the next one. */
  look() {
    this.tickPending = false;
    this.tickAt = Infinity;
    this.host.invalidate();
    return true;
  }
  /**
   * Node i's offered load at time t. Loads scale with the diurnal factor, so the load evaluated at
   * the last event is carried to t: a reaction or scale-in timer acts on the load of its own
   * moment, not on the one seen when it was set (up to a day's swing away).
   */
  loadNow(i, t) {
    if (!this.model.swinging) return this.host.fleetLoad(i);
    return this.host.fleetLoad(i) + this.host.fleetLoadSlopeOf(i) * (Math.sin(DIURNAL_OMEGA * t) - this.evaluatedU);
  }
  /** Instances that bring utilisation (load ÷ up capacity) to target for `load`, at most max. */
  need(i, load) {
    return Math.min(this.model.nodes[i].autoscaling.max, Math.ceil(load / this.unitLoad[i] - EPSILON));
  }
  /**
   * Launches wanted now: enough up instances for the load, and at least `min` instances running.
   * A failed instance still counts toward `min` (its own repair or restart brings it back, by the
   * plan's law), so a single failure does not launch a replacement unless the load needs one.
   */
  launchesWanted(i, load) {
    const node = this.model.nodes[i];
    const launching = this.launchingCount[i];
    const active = this.activeNow[i];
    const wanted = Math.max(this.need(i, load) - (this.upNow[i] + launching), node.autoscaling.min - (active + launching));
    return Math.min(wanted, node.instances - active - launching);
  }
  /** Up instances the load does not need, never going below `min` running instances. */
  excess(i, load) {
    return Math.min(this.upNow[i] - Math.max(1, this.need(i, load)), this.activeNow[i] - this.model.nodes[i].autoscaling.min);
  }
  /**
   * Counts node i's active instances that are up (they carry the fleet's believed-healthy capacity)
   * into upNow; launchesWanted and excess read it (and activeNow), so the caller counts first after
   * any change. Only an active slot can be up (an idle one is down for that reason), so the up count is the host's.
   */
  countSlots(i) {
    this.upNow[i] = this.host.upInstances(i);
  }
  react(i, t) {
    this.reactionPending[i] = 0;
    const node = this.model.nodes[i];
    const a = node.autoscaling;
    this.countSlots(i);
    let wanted = this.launchesWanted(i, this.loadNow(i, t));
    let launched = false;
    for (let c = node.component; c < node.component + node.instances && wanted > 0; c++) {
      if (this.active[c] === 1 || this.launching[c] === 1) continue;
      this.launching[c] = 1;
      this.launchingCount[i]++;
      wanted--;
      this.launchTimers.restart(c, a.launchSeconds);
      launched = true;
    }
    return launched;
  }
  finishLaunch(c) {
    const { node, instance } = this.model.components[c];
    this.launching[c] = 0;
    this.launchingCount[node]--;
    this.active[c] = 1;
    this.activeNow[node]++;
    this.slotEnd[node] = Math.max(this.slotEnd[node], instance + 1);
    this.host.activate(c);
    return true;
  }
  scaleIn(i, t) {
    this.scaleInPending[i] = 0;
    if (this.launchingCount[i] > 0) return false;
    const node = this.model.nodes[i];
    this.countSlots(i);
    let excess = this.excess(i, this.loadNow(i, t));
    let changed = false;
    for (let c = node.component + node.instances - 1; c >= node.component && excess > 0; c--) {
      if (this.active[c] === 0 || this.host.downCount[c] !== 0) continue;
      this.active[c] = 0;
      this.activeNow[i]--;
      excess--;
      this.host.deactivate(c);
      changed = true;
    }
    let end = this.slotEnd[i];
    while (end > 0 && this.active[node.component + end - 1] === 0) end--;
    this.slotEnd[i] = end;
    return changed;
  }
  warmAt(i, t) {
    if (this.ramping[i] === 0) return this.warm[i];
    const rate = this.model.nodes[i].serverless.scaleUpPerSecond;
    return Math.min(this.rampTarget[i], this.warm[i] + rate * (t - this.rampStart[i]));
  }
  setWarmCapacity(i, warm) {
    const node = this.model.nodes[i];
    this.host.capacity[node.component] = warm / node.serverless.requestSeconds;
    this.host.invalidate();
  }
  stopRamp(i) {
    if (this.ramping[i] === 0) return;
    if (this.crossingAt[i] !== Infinity) {
      this.crossingAt[i] = Infinity;
      this.crossingTimers.cancel(i);
    }
    this.ramping[i] = 0;
    this.rampsActive--;
    this.rampTimers.cancel(i);
  }
};

// sim/engine/replication.ts
var PROBE_U = 1e-6;
var DEFAULT_EVENT_BUDGET = 1e7;
var EventBudgetExceeded = class extends Error {
  constructor(message, replication, source) {
    super(message);
    this.replication = replication;
    this.source = source;
    this.name = "EventBudgetExceeded";
  }
  replication;
  source;
};
var Replication = class {
  constructor(model2, options) {
    this.model = model2;
    const { components, overlays, pairs, nodes } = model2;
    const { seed, replication } = options;
    this.downCount = new Int32Array(components.length);
    this.ownDown = new Uint8Array(components.length);
    this.overlayActive = new Uint8Array(overlays.length);
    this.believedCount = new Int32Array(nodes.length);
    for (let n = 0; n < nodes.length; n++) this.believedCount[n] = nodes[n].pairEnd - nodes[n].pairStart;
    this.capacity = new Float64Array(components.length);
    this.controller = new ScalingController(model2, this);
    this.useController = this.controller.needed;
    this.registered = this.controller.active;
    this.slotEnd = this.controller.slotEnd;
    this.passiveDown = new Int32Array(model2.passives.length);
    this.passiveOwnDown = new Uint8Array(model2.passives.length);
    this.passiveFailureStreams = new LazyStreams(seed, replication, model2.passives, "time-to-failure");
    this.passiveRepairStreams = new LazyStreams(seed, replication, model2.passives, "time-to-repair");
    this.monitorOf = Int32Array.from(model2.passives, (_p, i) => monitorOfPassive(model2.monitors, i));
    this.hasDns = model2.dns.length > 0;
    this.deepPairs = Int32Array.from(pairs.flatMap((p, i) => p.deep ? [i] : []));
    this.shortcut = !this.hasDns && model2.origins.length < 2 && this.deepPairs.length === 0;
    this.cacheable = this.shortcut && !(model2.swinging && model2.capacityLimited);
    this.skipPassesAllowed = !this.shortcut && this.deepPairs.length === 0 && !model2.dnsChecks.some((c) => c.deep);
    this.probing = model2.swinging && model2.capacityLimited;
    this.loadSlope = new Float64Array(components.length);
    this.fleetLoadSlope = new Float64Array(nodes.length);
    this.probeLoad = new Float64Array(this.probing ? components.length : 0);
    this.probeFleetLoad = new Float64Array(this.probing ? nodes.length : 0);
    const origins = model2.origins.length;
    this.originServed = new Float64Array(origins);
    this.originEnd = new Float64Array(origins);
    this.originLost = new Float64Array(origins);
    this.originOffered = new Float64Array(origins);
    for (const list of model2.clientOrigins) for (const [o, rps] of list) this.originOffered[o] = this.originOffered[o] + rps;
    this.failureStreams = new LazyStreams(seed, replication, components, "time-to-failure");
    this.repairStreams = new LazyStreams(seed, replication, components, "time-to-repair");
    this.gapStreams = new LazyStreams(seed, replication, overlays, "time-between-outages");
    this.durationStreams = new LazyStreams(seed, replication, overlays, "outage-duration");
    this.detectStreams = new LazyStreams(seed, replication, pairs, "detection");
    this.livenessStreams = new LazyStreams(seed, replication, components, "liveness-detection");
    this.restartedAt = new Float64Array(components.length).fill(NaN);
    this.data = new DataRuntime(model2.data, this, nodes.length, seed, replication, model2.monitors);
    this.dataUp = this.data.dataUp;
    this.evaluator = evaluatorFor(model2);
    this.dnsRuntime = new DnsRuntime(model2, seed, replication, this);
    this.dnsSlotCauses = [
      ...model2.dnsChecks.map((check) => ({ kind: "node", id: model2.nodes[check.targetNode].id })),
      ...model2.dns.map((record) => ({ kind: "node", id: record.id }))
    ];
    this.account = new TrafficAccount(model2.offeredRps, options.availabilityObjective, model2.diurnalSwing);
    this.replicationIndex = replication;
    const m = model2;
    const component = (c) => {
      const def = m.components[c];
      return def.instance >= 0 ? `instance ${def.instance} of "${m.nodes[def.node].id}"` : `"${def.sourceId}"`;
    };
    this.timers = new Timers(model2.horizonSeconds, options.eventBudget ?? DEFAULT_EVENT_BUDGET, this);
    const register = (count, describe, handler) => {
      const block = this.timers.register({ describe }, count);
      this.handlers[block.part] = handler;
      return block;
    };
    this.componentTimers = register(
      components.length,
      (c) => `${component(c)} (its failures and repairs)`,
      (c) => this.toggleComponent(c) ? m.componentCauses[c] : null
    );
    this.overlayTimers = register(overlays.length, (o) => `outage process "${m.overlays[o].sourceId}"`, (o) => this.toggleOverlay(o) ? m.overlays[o].cause : null);
    this.pairTimers = register(pairs.length, (p) => `health checks of "${m.pairs[p].sourceId}"`, (p) => this.detect(p) ? m.componentCauses[m.pairs[p].member] : null);
    this.dnsTimers = register(
      m.dnsChecks.length + m.dns.length,
      (local) => local < m.dnsChecks.length ? `DNS health checks of "${m.nodes[m.dnsChecks[local].targetNode].id}"` : `DNS record "${m.dns[local - m.dnsChecks.length].id}"`,
      (local, t) => {
        const changed = this.dnsRuntime.onSlot(local, t);
        this.cacheValid = false;
        this.trafficTouched = true;
        return changed ? this.dnsSlotCauses[local] : null;
      }
    );
    this.dataTimers = register(
      m.data.datasets.length,
      (d) => `dataset of "${m.data.datasets[d].ids[0]}" (promotions and restores)`,
      (d, t) => {
        const primary = this.data.primaryComponent(d);
        const changed = this.data.onTimer(d, t);
        this.cacheValid = false;
        this.trafficTouched = true;
        if (!changed) return null;
        return primary >= 0 ? m.componentCauses[primary] : m.initialCause;
      }
    );
    this.controller.registerTimers((count, describe, onTimer) => register(count, describe, (local, t) => onTimer(local, t) ? m.initialCause : null), component);
    this.passiveTimers = register(
      m.passives.length,
      (i) => `"${m.passives[i].sourceId}" (its failures and repairs)`,
      (i) => this.togglePassive(i) ? { kind: "node", id: m.passives[i].sourceId } : null
    );
    this.pairWatch = new HealthWatch(pairs.length, this.pairTimers);
    this.belief = this.pairWatch.belief;
    this.timers.start();
  }
  model;
  downCount;
  capacity;
  /** The controller's per-slot registrations (TrafficState.registered). */
  registered;
  /** The controller's per-node slot ends (TrafficState.slotEnd). */
  slotEnd;
  belief;
  believedCount;
  dataUp;
  ownDown;
  overlayActive;
  /** Backups and monitors (model.passives): reasons to be down, and their own failure state. */
  passiveDown;
  passiveOwnDown;
  passiveFailureStreams;
  passiveRepairStreams;
  /** Per passive: its index among model.monitors, −1 for a backup. */
  monitorOf;
  /** Balancer pairs: what each check sees and believes of its member (meaning 5). */
  pairWatch;
  failureStreams;
  repairStreams;
  gapStreams;
  durationStreams;
  detectStreams;
  dnsRuntime;
  hasDns;
  /** Per-origin accounting (only with two or more origins; one origin is the total). */
  originServed;
  originEnd;
  originLost;
  originOffered;
  originTime = 0;
  controller;
  useController;
  /** Liveness detection draws of containers (a new purpose, so no other draw moves). */
  livenessStreams;
  /** Per component: when its last liveness restart completed (NaN: never). */
  restartedAt;
  /**
   * Required components (model.critical) now down: while > 0 nothing is served, so the traffic pass
   * is skipped. Only without DNS and per-origin accounting, which read the pass's per-node results.
   */
  criticalDown = 0;
  shortcut;
  /** Balancer pairs whose check is deep (meaning 6). */
  deepPairs;
  /**
   * The lost rate of the current state as A + B·sin ωt (see TrafficAccount), from the last
   * evaluation; reused while the state is unchanged and valid.
   */
  lostA = 0;
  lostB = 0;
  /** The last full evaluation's lost rate, reused while cacheValid (the shortcut does not touch it). */
  cachedA = 0;
  cachedB = 0;
  cacheValid = false;
  /** Loads vary within a state (diurnal swing against capacity): never reuse a lost rate. */
  cacheable;
  /**
   * A swing and capacities both matter: the lost rate is then affine in u = sin ωt only between
   * the loads at which some instance saturates (the controller looks again at each), so each
   * evaluation also probes a nearby u to get its slope, and every load's.
   */
  probing;
  /** Per component and per node: the load's slope in u (0 without probing), from two probes. */
  loadSlope;
  fleetLoadSlope;
  /**
   * Whether the controller reads the slopes the evaluator's pass carried (the common case, no
   * instance saturated: they are exact) rather than the probes' above — read in place, not copied.
   */
  slopesFromPass = false;
  /**
   * Whether the event being handled changed something traffic reaches. A change confined to nodes
   * no traffic reached at the last pass (a standby region, say), or none at all (a look at the load,
   * an autoscaler's decision to launch), leaves every success, lost rate and load as that pass
   * found them: the refresh then skips the pass, and loads move along their exact slopes in
   * u = sin ωt (skipPassesAllowed says when that holds).
   */
  trafficTouched = true;
  skipPassesAllowed;
  /** While the last pass was skipped: u of the pass the evaluator's figures describe. */
  passU = 0;
  extrapolating = false;
  /** u = sin ωt of the last evaluation and its t (the controller asks for the same u again). */
  lastT = NaN;
  lastU = 0;
  probeLoad;
  probeFleetLoad;
  data;
  timers;
  componentTimers;
  overlayTimers;
  pairTimers;
  dnsTimers;
  dataTimers;
  passiveTimers;
  /** Per registered part (its index in the kernel): its handler, returning a cause when traffic may have changed. */
  handlers = [];
  evaluator;
  account;
  /** Per DNS slot (checks, then records): what an incident it opens is blamed on, made once. */
  dnsSlotCauses;
  replicationIndex;
  onBudgetExceeded() {
    const total = this.timers.delivered;
    const { source, percent } = this.timers.busiest();
    throw new EventBudgetExceeded(
      `replication ${this.replicationIndex} stopped at ${total.toLocaleString("en-US")} events (the budget of one replication) after ${(this.timers.now() / HOUR).toPrecision(3)} simulated hours; ${percent} % of them came from ${source}: its times are far too short for the horizon \u2014 lengthen them or shorten the horizon`,
      this.replicationIndex,
      source
    );
  }
  run() {
    const { components, overlays } = this.model;
    for (const c of this.controller.initialize()) {
      this.downCount[c] = 1;
      for (let i = this.model.observerStart[c]; i < this.model.observerStart[c + 1]; i++) {
        const p = this.model.observerList[i];
        this.pairWatch.forget(p);
        this.believedCount[this.model.pairs[p].balancer]--;
      }
    }
    for (let c = 0; c < components.length; c++) {
      if (this.controller.active[c] === 1) this.componentTimers.schedule(c, sample(components[c].timeToFailure, this.failureStreams.get(c)));
    }
    for (let o = 0; o < overlays.length; o++) {
      this.overlayTimers.schedule(o, sample(overlays[o].gap, this.gapStreams.get(o)));
    }
    for (let i = 0; i < this.model.passives.length; i++) {
      this.passiveTimers.schedule(i, sample(this.model.passives[i].timeToFailure, this.passiveFailureStreams.get(i)));
    }
    this.evaluator.recount(this);
    this.refresh(0, this.model.initialCause, true);
    this.timers.run();
    this.advanceOrigins(this.model.horizonSeconds, false);
    this.account.finish(this.model.horizonSeconds);
  }
  get dnsShares() {
    return this.dnsRuntime.shares;
  }
  pathServes(node) {
    return this.evaluator.pathServes(node);
  }
  // DnsHost, DataHost and ScalingHost reach their own timer blocks.
  scheduleSlot(slot, delaySeconds) {
    this.dnsTimers.restart(slot, delaySeconds);
  }
  cancelSlot(slot) {
    this.dnsTimers.cancel(slot);
  }
  /** Per-origin requests served from now on (a pass of the evaluator must have just run). */
  startOriginSegment() {
    if (this.originServed.length > 1) this.evaluator.servedByOrigin(this.originServed);
  }
  /** Integrates per-origin losses to t; with `moving`, the evaluator has just run for time t. */
  advanceOrigins(t, moving) {
    const n = this.originServed.length;
    if (n < 2) return;
    const dt = t - this.originTime;
    if (dt <= 0) return;
    if (moving) this.evaluator.servedByOrigin(this.originEnd);
    else for (let o = 0; o < n; o++) this.originEnd[o] = this.originServed[o];
    for (let o = 0; o < n; o++) {
      this.originLost[o] = this.originLost[o] + (this.originOffered[o] - (this.originServed[o] + this.originEnd[o]) / 2) * dt;
      this.originServed[o] = this.originEnd[o];
    }
    this.originTime = t;
  }
  get events() {
    return this.timers.delivered;
  }
  /** The loop: bring the account up to now, let the part answer its timer, refresh traffic if it changed something. */
  onPartTimer(part, local) {
    const t = this.timers.now();
    const moving = this.hasDns && this.dnsRuntime.inTransition || this.useController && this.controller.dynamic;
    this.trafficTouched = moving;
    if (moving) {
      if (this.hasDns) this.dnsRuntime.fillShares(t, true);
      if (this.useController) this.controller.advanceTo(t);
      this.cacheValid = false;
      this.evaluate(t);
      this.account.advanceLost(t, this.lostA, this.lostB);
    } else this.account.advance(t);
    this.advanceOrigins(t, moving);
    const cause = this.handlers[part](local, t);
    if (cause) this.refresh(t, cause, false);
  }
  /** Re-evaluates served traffic after a change at t, then lets the scaling controller decide. */
  refresh(t, cause, initial) {
    if (this.hasDns && !initial) this.dnsRuntime.fillShares(t);
    let reused = !initial && !this.trafficTouched && this.skipPassesAllowed && (!this.probing || this.slopesFromPass);
    if (reused) this.extrapolating = this.probing;
    else this.evaluate(t);
    this.account.setLost(this.lostA, this.lostB, t, cause, this.model.swinging ? this.sineAt(t) : NaN);
    if (this.useController && !(this.shortcut && this.criticalDown > 0) && this.controller.afterEvaluation(t, !reused)) {
      this.evaluate(t);
      this.account.setLost(this.lostA, this.lostB, t, cause, this.model.swinging ? this.sineAt(t) : NaN);
      reused = false;
    }
    if (!reused) this.startOriginSegment();
    if (this.hasDns && !initial) this.dnsRuntime.refreshChecks();
    for (let k = 0; k < this.deepPairs.length; k++) this.refreshPair(this.deepPairs[k]);
  }
  /** Sets lostA and lostB, the lost rate of the state at t as A + B·sin ωt, for the account. */
  evaluate(t) {
    if (this.shortcut && this.criticalDown > 0) {
      this.lostA = this.model.offeredRps;
      this.lostB = this.model.offeredRps * this.model.diurnalSwing;
      return;
    }
    if (this.cacheValid) {
      this.lostA = this.cachedA;
      this.lostB = this.cachedB;
      return;
    }
    const u = this.sineAt(t);
    this.extrapolating = false;
    this.passU = u;
    if (!this.probing) {
      this.evaluator.servedRps(this, u);
      this.lostA = this.cachedA = this.evaluator.lostA;
      this.lostB = this.cachedB = this.evaluator.lostB;
      this.cacheValid = this.cacheable;
      return;
    }
    const side = this.useController ? this.controller.probeSide(t) : 0;
    if (side !== 0 && Math.abs(u + 2 * side * PROBE_U) <= 1) {
      this.evaluateOneSided(u, side * PROBE_U);
      return;
    }
    this.evaluator.servedRps(this, u);
    if (!this.evaluator.saturated) {
      this.lostA = this.evaluator.lostA;
      this.lostB = this.evaluator.lostB;
      this.slopesFromPass = true;
      return;
    }
    const moving = Math.cos(DIURNAL_OMEGA * t) >= 0 ? PROBE_U : -PROBE_U;
    const probe = Math.abs(u + moving) <= 1 ? u + moving : u - moving;
    const du = u - probe;
    const [lostAtProbe, lost] = this.probeSlopes(probe, u, du);
    this.lostB = (lost - lostAtProbe) / du;
    this.lostA = lost - this.lostB * u;
  }
  /** u = sin ωt (0 without a swing), computed once per instant. */
  sineAt(t) {
    if (t !== this.lastT) {
      this.lastT = t;
      this.lastU = this.model.swinging ? Math.sin(DIURNAL_OMEGA * t) : 0;
    }
    return this.lastU;
  }
  /**
   * Evaluates traffic at u = a, then at u = b, and sets every load's slope in u from the two (over
   * `span`, b − a as the caller computed it); returns the lost rate at a and at b. The evaluator is
   * left at b.
   */
  probeSlopes(a, b, span) {
    this.evaluator.servedRps(this, a);
    const lostAtA = this.evaluator.lostA + this.evaluator.lostB * a;
    const loads = this.probeLoad;
    for (let c = 0; c < loads.length; c++) loads[c] = this.evaluator.componentLoad(c, this);
    this.probeFleetLoad.set(this.evaluator.fleetLoad);
    this.evaluator.servedRps(this, b);
    const lostAtB = this.evaluator.lostA + this.evaluator.lostB * b;
    for (let c = 0; c < loads.length; c++) this.loadSlope[c] = (this.evaluator.componentLoad(c, this) - loads[c]) / span;
    for (let n = 0; n < this.fleetLoadSlope.length; n++) this.fleetLoadSlope[n] = (this.evaluator.fleetLoad[n] - this.probeFleetLoad[n]) / span;
    this.slopesFromPass = false;
    return [lostAtA, lostAtB];
  }
  /**
   * At a serverless capacity crossing the lost rate has a kink in u at u itself, and the segment on
   * one side of this instant lies on one side of it: A and B are that side's line through the lost
   * rate at u, its slope taken from two probes on that side (`step` points there).
   */
  evaluateOneSided(u, step) {
    const [lost1, lost2] = this.probeSlopes(u + step, u + 2 * step, step);
    this.evaluator.servedRps(this, u);
    this.lostB = (lost2 - lost1) / step;
    this.lostA = this.evaluator.lostA + this.evaluator.lostB * u - this.lostB * u;
  }
  // ScalingHost
  invalidate() {
    this.cacheValid = false;
    this.trafficTouched = true;
  }
  // DataHost
  servingChanged(node) {
    this.touch(node);
  }
  /** A change at `node`: it matters to traffic if the last pass found traffic reaching the node. */
  touch(node) {
    if (!this.trafficTouched && this.evaluator.reaches(node)) this.trafficTouched = true;
  }
  /** How far loads move from the evaluator's pass to now, per unit of their u-slope (0 unless extrapolating). */
  get uMoved() {
    return this.extrapolating ? this.lastU - this.passU : 0;
  }
  fleetLoad(node) {
    if (!this.extrapolating) return this.evaluator.fleetLoad[node];
    return this.evaluator.fleetLoad[node] + this.fleetLoadSlopeOf(node) * this.uMoved;
  }
  upInstances(node) {
    return this.evaluator.upInstances(node, this);
  }
  upInstanceLoads(node, loads, slopes) {
    if (this.slopesFromPass) {
      const groups = this.evaluator.upInstanceLoads(node, loads, slopes);
      if (groups >= 0) {
        if (this.extrapolating) for (let g = 0; g < groups; g++) loads[g] = loads[g] + slopes[g] * this.uMoved;
        return groups;
      }
    }
    let count = 0;
    const first = this.model.nodes[node].component;
    for (let c = first; c < first + this.slotEnd[node]; c++) {
      if (this.downCount[c] !== 0) continue;
      const slope = this.slopesFromPass ? this.evaluator.componentLoadSlope(c, this) : this.loadSlope[c];
      loads[count] = this.extrapolating ? this.evaluator.componentLoad(c, this) + slope * this.uMoved : this.evaluator.componentLoad(c, this);
      slopes[count++] = slope;
    }
    return count;
  }
  fleetLoadSlopeOf(node) {
    return this.slopesFromPass ? this.evaluator.dFleetLoad[node] : this.fleetLoadSlope[node];
  }
  nextLoadBreakpoint(t) {
    return this.hasDns && this.dnsRuntime.inTransition ? this.dnsRuntime.nextBreakpointAfter(t) : Infinity;
  }
  fleetLoadsBefore(T, now, nodes, load, slope) {
    this.dnsRuntime.fillShares(T, true);
    this.cacheValid = false;
    this.evaluate(T);
    for (let k = 0; k < nodes.length; k++) {
      load[k] = this.evaluator.fleetLoad[nodes[k]];
      slope[k] = this.fleetLoadSlopeOf(nodes[k]);
    }
    this.dnsRuntime.fillShares(now);
    this.cacheValid = false;
    this.evaluate(now);
  }
  activate(c) {
    this.componentTimers.restart(c, sample(this.model.components[c].timeToFailure, this.failureStreams.get(c)));
    this.addDown(c, -1);
  }
  deactivate(c) {
    const { observerStart, observerList } = this.model;
    for (let i = observerStart[c]; i < observerStart[c + 1]; i++) {
      const p = observerList[i];
      this.pairTimers.cancel(p);
      this.pairWatch.truth[p] = 0;
      if (this.belief[p] === 1) this.setBelief(p, 0);
    }
    this.componentTimers.cancel(c);
    if (this.ownDown[c] === 1) {
      this.ownDown[c] = 0;
      return;
    }
    this.addDown(c, 1);
  }
  /** A component's own failure or repair; the next one is drawn now (components keep ageing). */
  toggleComponent(c) {
    const def = this.model.components[c];
    if (this.ownDown[c] === 0) {
      this.ownDown[c] = 1;
      this.data.ownFailed(c, this.timers.now());
      const repair = def.liveness ? sampleDetectionSeconds(def.liveness.law, this.livenessStreams.get(c), true) + def.liveness.restartSeconds : sample(def.timeToRepair, this.repairStreams.get(c));
      this.componentTimers.schedule(c, repair);
      return this.addDown(c, 1);
    }
    this.ownDown[c] = 0;
    if (def.liveness) this.restartedAt[c] = this.timers.now();
    this.componentTimers.schedule(c, sample(def.timeToFailure, this.failureStreams.get(c)));
    return this.addDown(c, -1);
  }
  /** Region, zone and common-cause outages overlay their members' own processes, never resetting them. */
  toggleOverlay(o) {
    const def = this.model.overlays[o];
    const starting = this.overlayActive[o] === 0;
    this.overlayActive[o] = starting ? 1 : 0;
    if (starting || def.repeats) {
      const next = starting ? sample(def.duration, this.durationStreams.get(o)) : sample(def.gap, this.gapStreams.get(o));
      this.overlayTimers.schedule(o, next);
    }
    let changed = false;
    const members = def.members;
    for (let i = 0; i < members.length; i++) if (this.addDown(members[i], starting ? 1 : -1)) changed = true;
    this.data.overlayChanged(o, starting, this.timers.now());
    const passives = def.passiveMembers;
    for (let i = 0; i < passives.length; i++) if (this.addPassiveDown(passives[i], starting ? 1 : -1)) changed = true;
    return changed;
  }
  /** A backup's or monitor's own failure or repair (meaning 16); the next one is drawn now. */
  togglePassive(i) {
    const def = this.model.passives[i];
    const failing = this.passiveOwnDown[i] === 0;
    this.passiveOwnDown[i] = failing ? 1 : 0;
    this.passiveTimers.schedule(i, sample(failing ? def.timeToRepair : def.timeToFailure, (failing ? this.passiveRepairStreams : this.passiveFailureStreams).get(i)));
    return this.addPassiveDown(i, failing ? 1 : -1);
  }
  /** Returns true when a datastore's serving state changed because a backup or monitor went down or came back. */
  addPassiveDown(i, delta) {
    const before = this.passiveDown[i];
    const after = before + delta;
    this.passiveDown[i] = after;
    if (before === 0 === (after === 0)) return false;
    const up = after === 0;
    const monitor = this.monitorOf[i];
    const changed = this.data.passiveChanged(i, up, monitor, this.timers.now());
    if (up && monitor >= 0 && this.hasDns) this.dnsRuntime.monitorBack(monitor);
    if (changed) this.cacheValid = false;
    return changed;
  }
  /** Returns true when the component's effective state (up iff no reason to be down) flipped. */
  addDown(c, delta) {
    const before = this.downCount[c];
    const after = before + delta;
    this.downCount[c] = after;
    if (before === 0 === (after === 0)) return false;
    this.touch(this.model.components[c].node);
    this.evaluator.componentFlipped(c, after === 0, this);
    if (this.model.critical[c] === 1) this.criticalDown += after === 0 ? -1 : 1;
    else this.cacheValid = false;
    const balancer = this.model.balancerOfComponent[c];
    if (balancer >= 0 && after === 0) this.restartBalancer(balancer);
    const record = this.model.dnsOfComponent[c];
    if (record >= 0 && after === 0) this.dnsRuntime.restartChecks(record, this.timers.now());
    this.observe(c);
    this.data.componentChanged(c, after === 0, this.timers.now());
    return true;
  }
  /**
   * PLAN-FORMAT meaning 5: after its own outage a checker believes every target unhealthy and must
   * detect each recovery. While no member is believed the balancer fails open.
   */
  restartBalancer(b) {
    const node = this.model.nodes[b];
    for (let p = node.pairStart; p < node.pairEnd; p++) {
      this.pairWatch.forget(p);
    }
    this.believedCount[b] = 0;
    this.touch(b);
    this.evaluator.recountBalancer(b, this);
    this.cacheValid = false;
    for (let p = node.pairStart; p < node.pairEnd; p++) this.refreshPair(p);
  }
  /** What a balancer's check sees of a member: a balancer member is healthy while it believes one target. */
  observedHealthy(c) {
    if (this.downCount[c] !== 0) return 0;
    const balancer = this.model.balancerOfComponent[c];
    return balancer >= 0 && this.believedCount[balancer] === 0 && this.model.nodes[balancer].pairEnd > this.model.nodes[balancer].pairStart ? 0 : 1;
  }
  observe(c) {
    const { observerStart, observerList } = this.model;
    for (let i = observerStart[c]; i < observerStart[c + 1]; i++) this.refreshPair(observerList[i]);
  }
  /** What pair p's check sees: its member, and with a deep check the member's downstream path too. */
  pairObserves(p) {
    const pair = this.model.pairs[p];
    const healthy = this.observedHealthy(pair.member);
    if (healthy === 0 || !pair.deep) return healthy;
    return (pair.isInstance ? this.evaluator.downstreamServes(pair.memberNode) : this.evaluator.pathServes(pair.memberNode)) ? 1 : 0;
  }
  /** A member's observable state changed (or may have): restart its detection clock if needed. */
  refreshPair(p) {
    const healthy = this.pairObserves(p);
    if (!this.pairWatch.see(p, healthy) || !this.pairWatch.disagrees(p)) return;
    if (healthy === 1 && this.model.pairs[p].readiness && this.restartedAt[this.model.pairs[p].member] === this.timers.now()) {
      this.setBelief(p, 1);
      return;
    }
    const delay = sampleDetectionSeconds(this.model.pairs[p].law, this.detectStreams.get(p), healthy === 0);
    this.pairWatch.detectAfter(p, delay);
  }
  scheduleData(dataset, delaySeconds) {
    this.dataTimers.restart(dataset, delaySeconds);
  }
  cancelData(dataset) {
    this.dataTimers.cancel(dataset);
  }
  noteDataLoss(rpoSeconds, writes) {
    this.account.noteDataLoss(rpoSeconds, writes);
  }
  detect(p) {
    this.setBelief(p, this.pairWatch.truth[p]);
    return true;
  }
  setBelief(p, value) {
    const b = this.model.pairs[p].balancer;
    const was = this.believedCount[b];
    this.touch(b);
    this.belief[p] = value;
    this.evaluator.beliefChanged(p, value, this);
    this.believedCount[b] = was + (value === 1 ? 1 : -1);
    this.cacheValid = false;
    if (was === 0 !== (this.believedCount[b] === 0)) this.observe(this.model.nodes[b].component);
  }
};
function runReplication(model2, options) {
  const r = new Replication(model2, options);
  r.run();
  const a = r.account;
  return {
    replication: options.replication,
    horizonSeconds: model2.horizonSeconds,
    offeredRequests: a.offeredRequests,
    lostRequests: a.lostRequests,
    downSeconds: a.downSeconds,
    incidents: a.incidents,
    rtoSeconds: a.rtoSeconds,
    rpoSeconds: r.data.rpoSeconds,
    data: r.data.counters,
    months: a.months,
    monthsMeetingObjective: a.monthsMeetingObjective,
    events: r.events,
    incidentRecords: a.records,
    originOfferedRequests: model2.origins.length > 1 ? Array.from(r.originOffered, (rps) => rps * model2.horizonSeconds) : [a.offeredRequests],
    originLostRequests: model2.origins.length > 1 ? Array.from(r.originLost) : [a.lostRequests]
  };
}

// sim/engine/exactSum.ts
var VALUE_SHIFT = 1074n;
var SQUARE_SHIFT = 2148n;
var view = new DataView(new ArrayBuffer(8));
function decompose(x) {
  if (!Number.isFinite(x)) throw new RangeError(`exact sum: ${x} is not a finite number`);
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const exponent = hi >>> 20 & 2047;
  let mantissa = BigInt(hi & 1048575) << 32n | BigInt(lo);
  let shift = 0n;
  if (exponent !== 0) {
    mantissa |= 1n << 52n;
    shift = BigInt(exponent - 1);
  }
  return { mantissa: hi >>> 31 ? -mantissa : mantissa, shift };
}
function scaled(x) {
  if (x === 0) return 0n;
  const { mantissa, shift } = decompose(x);
  return mantissa << shift;
}
function scaledSquare(x) {
  if (x === 0) return 0n;
  const { mantissa, shift } = decompose(x);
  return mantissa * mantissa << 2n * shift;
}
function bitLength(n) {
  return n === 0n ? 0 : n.toString(2).length;
}
function roundRatio(num, den) {
  if (den <= 0n) throw new RangeError("roundRatio: the denominator must be positive");
  if (num === 0n) return 0;
  const negative = num < 0n;
  const a = negative ? -num : num;
  let e = bitLength(a) - bitLength(den) - 55;
  const q0 = e >= 0 ? a / (den << BigInt(e)) : (a << BigInt(-e)) / den;
  const sticky = e >= 0 ? a % (den << BigInt(e)) !== 0n : (a << BigInt(-e)) % den !== 0n;
  let q = q0;
  let drop = bitLength(q) - 53;
  if (e + drop < -1074) drop = -1074 - e;
  if (drop > 0) {
    const d = BigInt(drop);
    const low = q & (1n << d) - 1n;
    const half = 1n << d - 1n;
    q >>= d;
    if (low > half || low === half && (sticky || (q & 1n) === 1n)) q += 1n;
    e += drop;
  }
  if (e > 971) return negative ? -Infinity : Infinity;
  const magnitude = e < -1e3 ? Number(q) * 2 ** -1e3 * 2 ** (e + 1e3) : Number(q) * 2 ** e;
  return negative ? -magnitude : magnitude;
}
var Moments = class _Moments {
  count = 0;
  /** Σx · 2¹⁰⁷⁴ */
  sum = 0n;
  /** Σx² · 2²¹⁴⁸ */
  sumSquares = 0n;
  add(x) {
    this.count++;
    this.sum += scaled(x);
    this.sumSquares += scaledSquare(x);
  }
  merge(other) {
    this.count += other.count;
    this.sum += other.sum;
    this.sumSquares += other.sumSquares;
  }
  toJSON() {
    return { count: this.count, sum: this.sum.toString(16), sumSquares: this.sumSquares.toString(16) };
  }
  static fromJSON(state) {
    const m = new _Moments();
    m.count = state.count;
    m.sum = hexToBigInt(state.sum);
    m.sumSquares = hexToBigInt(state.sumSquares);
    return m;
  }
};
function hexToBigInt(text) {
  if (!/^-?[0-9a-f]+$/.test(text)) throw new RangeError(`not a hexadecimal integer: "${text.slice(0, 40)}"`);
  return text.startsWith("-") ? -BigInt(`0x${text.slice(1)}`) : BigInt(`0x${text}`);
}
var UNIT_SCALE = { num: 1n, den: 1n };
function exactMean(m, scale = UNIT_SCALE) {
  return roundRatio(m.sum * scale.num, BigInt(m.count) * scale.den << VALUE_SHIFT);
}
function exactVarianceOfMean(m, scale = UNIT_SCALE) {
  const n = BigInt(m.count);
  const spread = n * m.sumSquares - m.sum * m.sum;
  return roundRatio(spread * scale.num * scale.num, n * n * (n - 1n) * scale.den * scale.den << SQUARE_SHIFT);
}

// sim/engine/stats.ts
function incompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - (logGamma(a) + logGamma(b) - logGamma(a + b))) / a;
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 0; i <= 400; i++) {
    const m = i >> 1;
    let numerator;
    if (i === 0) numerator = 1;
    else if (i % 2 === 0) numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
    else numerator = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    const step = c * d;
    f *= step;
    if (Math.abs(1 - step) < 1e-15) break;
  }
  return front * (f - 1);
}
function studentTCdf(t, df) {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}
function studentTQuantile(p, df) {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
function quantileSorted(sorted, p) {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

// sim/engine/sampleSummary.ts
var RAW_SAMPLE_LIMIT = 2 ** 20;
var BIN_MANTISSA_BITS = 9;
var DROPPED_HIGH_BITS = 20 - BIN_MANTISSA_BITS;
var view2 = new DataView(new ArrayBuffer(8));
function binKey(x) {
  view2.setFloat64(0, Math.abs(x));
  const key = view2.getUint32(0) >>> DROPPED_HIGH_BITS;
  return x < 0 ? -key - 1 : key;
}
function binMidpoint(key) {
  const magnitudeKey = key < 0 ? -key - 1 : key;
  view2.setUint32(0, magnitudeKey << DROPPED_HIGH_BITS);
  view2.setUint32(4, 0);
  const lower = view2.getFloat64(0);
  view2.setUint32(0, magnitudeKey + 1 << DROPPED_HIGH_BITS);
  const upper = view2.getFloat64(0);
  const mid = lower + (upper - lower) / 2;
  return key < 0 ? -mid : mid;
}
var SampleSummary = class _SampleSummary {
  /**
   * `targets`: thresholds whose exceedance count must stay exact (objectives). `rawLimit`: pooled
   * count up to which samples stay raw (tests lower it to exercise the bins on small runs).
   */
  constructor(targets = [], rawLimit = RAW_SAMPLE_LIMIT) {
    this.targets = targets;
    this.rawLimit = rawLimit;
    this.above = targets.map(() => 0);
  }
  targets;
  rawLimit;
  moments = new Moments();
  min = Infinity;
  max = -Infinity;
  above;
  raw = new Float64Array(16);
  bins = null;
  zeros = 0;
  get count() {
    return this.moments.count;
  }
  add(x) {
    if (!Number.isFinite(x)) throw new RangeError(`sample summary: ${x} is not a finite sample`);
    const n = this.moments.count;
    this.moments.add(x);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    for (let i = 0; i < this.targets.length; i++) if (x > this.targets[i]) this.above[i]++;
    if (this.raw) {
      if (n + 1 > this.rawLimit) {
        this.toBins();
        this.bin(x, 1);
        return;
      }
      if (n === this.raw.length) {
        const grown = new Float64Array(Math.min(this.rawLimit, Math.max(16, this.raw.length * 2)));
        grown.set(this.raw);
        this.raw = grown;
      }
      this.raw[n] = x;
    } else this.bin(x, 1);
  }
  merge(other) {
    if (other.targets.length !== this.targets.length || other.targets.some((t, i) => t !== this.targets[i]) || other.rawLimit !== this.rawLimit) {
      throw new Error("sample summary: cannot merge summaries judged against different targets or raw limits");
    }
    const n = this.moments.count;
    this.moments.merge(other.moments);
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    other.above.forEach((a, i) => this.above[i] += a);
    if (this.raw && other.raw && this.moments.count <= this.rawLimit) {
      const m = other.moments.count;
      if (this.raw.length < n + m) {
        const grown = new Float64Array(Math.min(this.rawLimit, Math.max(n + m, this.raw.length * 2)));
        grown.set(this.raw.subarray(0, n));
        this.raw = grown;
      }
      this.raw.set(other.raw.subarray(0, m), n);
      return;
    }
    if (this.raw) this.toBins(n);
    if (other.raw) for (let i = 0; i < other.moments.count; i++) this.bin(other.raw[i], 1);
    else {
      this.zeros += other.zeros;
      for (const [key, c] of other.bins) this.bins.set(key, (this.bins.get(key) ?? 0) + c);
    }
  }
  /** Raw → bins, once the pooled count passes the limit. `kept` raw values are live. */
  toBins(kept = this.moments.count - 1) {
    const raw = this.raw;
    this.raw = null;
    this.bins = /* @__PURE__ */ new Map();
    for (let i = 0; i < kept; i++) this.bin(raw[i], 1);
  }
  bin(x, c) {
    if (x === 0) {
      this.zeros += c;
      return;
    }
    const key = binKey(x);
    this.bins.set(key, (this.bins.get(key) ?? 0) + c);
  }
  /** Share of samples above targets[i]; 0 with no samples (no exceedance was seen). */
  exceedance(i) {
    return this.moments.count === 0 ? 0 : this.above[i] / this.moments.count;
  }
  statistics() {
    const n = this.moments.count;
    if (n === 0) return { count: 0, mean: null, min: null, p50: null, p95: null, p99: null, max: null };
    const quantile = this.quantiles();
    return { count: n, mean: exactMean(this.moments), min: this.min, p50: quantile(0.5), p95: quantile(0.95), p99: quantile(0.99), max: this.max };
  }
  /** Hyndman–Fan type 7 over the samples (raw) or over the bins' representatives, min and max exact. */
  quantiles() {
    const n = this.moments.count;
    if (this.raw) {
      const sorted = this.raw.slice(0, n).sort();
      return (p) => quantileSorted(sorted, p);
    }
    const keys = [...this.bins.keys()].sort((a, b) => a - b);
    const values = [];
    const ends = [];
    let total = 0;
    const push = (value, c) => {
      if (c === 0) return;
      total += c;
      values.push(Math.min(this.max, Math.max(this.min, value)));
      ends.push(total);
    };
    let k = 0;
    for (; k < keys.length && keys[k] < 0; k++) push(binMidpoint(keys[k]), this.bins.get(keys[k]));
    push(0, this.zeros);
    for (; k < keys.length; k++) push(binMidpoint(keys[k]), this.bins.get(keys[k]));
    const orderStatistic2 = (rank) => {
      if (rank === 0) return this.min;
      if (rank === n - 1) return this.max;
      let lo = 0;
      let hi = ends.length - 1;
      while (lo < hi) {
        const mid = lo + hi >> 1;
        if (ends[mid] > rank) hi = mid;
        else lo = mid + 1;
      }
      return values[lo];
    };
    return (p) => {
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      const hi = Math.min(lo + 1, n - 1);
      const a = orderStatistic2(lo);
      return a + (h - lo) * (orderStatistic2(hi) - a);
    };
  }
  toJSON() {
    const n = this.moments.count;
    return {
      targets: [...this.targets],
      rawLimit: this.rawLimit,
      above: [...this.above],
      min: n > 0 ? this.min : null,
      max: n > 0 ? this.max : null,
      moments: this.moments.toJSON(),
      raw: this.raw ? Array.from(this.raw.subarray(0, n)) : null,
      bins: this.bins ? [...this.bins.entries()].sort((a, b) => a[0] - b[0]) : null,
      zeros: this.zeros
    };
  }
  static fromJSON(state) {
    const s = new _SampleSummary(state.targets, state.rawLimit);
    s.moments.merge(Moments.fromJSON(state.moments));
    const n = s.moments.count;
    if (state.min !== null) s.min = state.min;
    if (state.max !== null) s.max = state.max;
    state.above.forEach((a, i) => s.above[i] = a);
    if (state.raw) {
      if (state.raw.length !== n || n > s.rawLimit) throw new RangeError("sample summary: raw samples do not match the count");
      s.raw = Float64Array.from(state.raw);
    } else {
      if (!state.bins || n <= s.rawLimit) throw new RangeError("sample summary: bins are only for counts above the raw limit");
      s.raw = null;
      s.bins = new Map(state.bins);
      s.zeros = state.zeros;
    }
    return s;
  }
};

// sim/engine/runStatistics.ts
var MINUTES_PER_YEAR = 525600;
var COUNTERS = ["incidents", "openAtHorizon", "events", "months", "monthsMet", "promotions", "promotionAttempts", "restores", "restoreAttempts", "unrecoverableLosses", "multiwriterLosses"];
var RunStatistics = class _RunStatistics {
  constructor(horizonSeconds, origins, rtoTargets = [], rpoTargets = [], rawLimit = RAW_SAMPLE_LIMIT) {
    this.horizonSeconds = horizonSeconds;
    this.origins = origins;
    this.originOffered = Array.from({ length: origins }, () => 0n);
    this.originLost = Array.from({ length: origins }, () => 0n);
    this.rto = new SampleSummary(rtoTargets, rawLimit);
    this.rpo = new SampleSummary(rpoTargets, rawLimit);
  }
  horizonSeconds;
  origins;
  replications = 0;
  requestU = new Moments();
  timeU = new Moments();
  lost = new Moments();
  writes = new Moments();
  originOffered;
  originLost;
  counters = Object.fromEntries(COUNTERS.map((c) => [c, 0]));
  rto;
  rpo;
  timelineReplication = null;
  timeline = [];
  static forPlan(plan2, horizonSeconds, origins, rawLimit = RAW_SAMPLE_LIMIT) {
    const o = plan2.objectives;
    return new _RunStatistics(horizonSeconds, origins, o.rtoSeconds === void 0 ? [] : [o.rtoSeconds], o.rpoSeconds === void 0 ? [] : [o.rpoSeconds], rawLimit);
  }
  add(s) {
    if (s.horizonSeconds !== this.horizonSeconds) throw new Error("run statistics: replications of different horizons cannot be pooled");
    this.replications++;
    this.requestU.add(s.offeredRequests > 0 ? s.lostRequests / s.offeredRequests : 0);
    this.timeU.add(s.downSeconds / s.horizonSeconds);
    this.lost.add(s.lostRequests);
    this.writes.add(s.data.writesLost);
    for (let o = 0; o < this.origins; o++) {
      this.originOffered[o] = this.originOffered[o] + scaled(s.originOfferedRequests[o] ?? 0);
      this.originLost[o] = this.originLost[o] + scaled(s.originLostRequests[o] ?? 0);
    }
    const c = this.counters;
    c.incidents += s.incidents;
    c.openAtHorizon += s.incidents - s.rtoSeconds.length;
    c.events += s.events;
    c.months += s.months;
    c.monthsMet += s.monthsMeetingObjective;
    const d = s.data;
    c.promotions += d.promotions;
    c.promotionAttempts += d.promotionAttempts;
    c.restores += d.restores;
    c.restoreAttempts += d.restoreAttempts;
    c.unrecoverableLosses += d.unrecoverableLosses;
    c.multiwriterLosses += d.multiwriterLosses;
    for (const v of s.rtoSeconds) this.rto.add(v);
    for (const v of s.rpoSeconds) this.rpo.add(v);
    if (this.timelineReplication === null || s.replication < this.timelineReplication) {
      this.timelineReplication = s.replication;
      this.timeline = s.incidentRecords;
    }
  }
  merge(other) {
    if (other.horizonSeconds !== this.horizonSeconds || other.origins !== this.origins) {
      throw new Error("run statistics: only results of the same plan and horizon can be merged");
    }
    this.replications += other.replications;
    this.requestU.merge(other.requestU);
    this.timeU.merge(other.timeU);
    this.lost.merge(other.lost);
    this.writes.merge(other.writes);
    for (let o = 0; o < this.origins; o++) {
      this.originOffered[o] = this.originOffered[o] + other.originOffered[o];
      this.originLost[o] = this.originLost[o] + other.originLost[o];
    }
    for (const c of COUNTERS) this.counters[c] += other.counters[c];
    this.rto.merge(other.rto);
    this.rpo.merge(other.rpo);
    if (other.timelineReplication !== null && (this.timelineReplication === null || other.timelineReplication < this.timelineReplication)) {
      this.timelineReplication = other.timelineReplication;
      this.timeline = other.timeline;
    }
  }
  toJSON() {
    return {
      format: "resilience-run-statistics",
      version: 1,
      horizonSeconds: this.horizonSeconds,
      origins: this.origins,
      replications: this.replications,
      requestUnavailability: this.requestU.toJSON(),
      timeUnavailability: this.timeU.toJSON(),
      lostRequests: this.lost.toJSON(),
      writesLost: this.writes.toJSON(),
      originOffered: this.originOffered.map((v) => v.toString(16)),
      originLost: this.originLost.map((v) => v.toString(16)),
      counters: { ...this.counters },
      rto: this.rto.toJSON(),
      rpo: this.rpo.toJSON(),
      timelineReplication: this.timelineReplication,
      timeline: this.timeline
    };
  }
  static fromJSON(state) {
    if (state?.format !== "resilience-run-statistics" || state.version !== 1) throw new Error("not a run-statistics state of version 1");
    const r = new _RunStatistics(state.horizonSeconds, state.origins);
    r.replications = state.replications;
    r.requestU = Moments.fromJSON(state.requestUnavailability);
    r.timeU = Moments.fromJSON(state.timeUnavailability);
    r.lost = Moments.fromJSON(state.lostRequests);
    r.writes = Moments.fromJSON(state.writesLost);
    r.originOffered = state.originOffered.map(hex);
    r.originLost = state.originLost.map(hex);
    for (const c of COUNTERS) r.counters[c] = state.counters[c];
    r.rto = SampleSummary.fromJSON(state.rto);
    r.rpo = SampleSummary.fromJSON(state.rpo);
    r.timelineReplication = state.timelineReplication;
    r.timeline = state.timeline;
    return r;
  }
  /** The result contract (sim/engine/RESULT-CONTRACT.md); every sum rounded once, here. */
  result(plan2, seed, origins) {
    const n = this.replications;
    if (n === 0) throw new Error("run statistics: no replications");
    const years = this.horizonSeconds / YEAR_SECONDS;
    const perYear = { num: BigInt(YEAR_SECONDS) << VALUE_SHIFT, den: scaled(this.horizonSeconds) };
    const requestWeighted = availabilityInterval(this.requestU);
    const o = plan2.objectives;
    const objectives = {};
    if (o.availability !== void 0) objectives.availability = { target: o.availability, value: requestWeighted.mean, met: requestWeighted.mean >= o.availability };
    if (o.rtoSeconds !== void 0) objectives.rtoSeconds = judge(this.rto, o.rtoSeconds, o.exceedanceMax);
    if (o.rpoSeconds !== void 0) objectives.rpoSeconds = judge(this.rpo, o.rpoSeconds, o.exceedanceMax);
    const c = this.counters;
    const units = 1n << VALUE_SHIFT;
    return {
      replications: n,
      horizonYears: years,
      seed,
      availability: { requestWeighted, timeWeighted: availabilityInterval(this.timeU) },
      downtimeMinutesPerYear: interval(this.timeU, { num: BigInt(MINUTES_PER_YEAR), den: 1n }),
      lostRequestsPerYear: interval(this.lost, perYear),
      incidents: { count: c.incidents, perYear: c.incidents / (n * years), openAtHorizon: c.openAtHorizon, timeline: this.timeline },
      rtoSeconds: this.rto.statistics(),
      rpoSeconds: this.rpo.statistics(),
      data: {
        writesLost: roundRatio(this.writes.sum, units),
        writesLostPerYear: interval(this.writes, perYear),
        promotions: c.promotions,
        promotionAttempts: c.promotionAttempts,
        restores: c.restores,
        restoreAttempts: c.restoreAttempts,
        unrecoverableLosses: c.unrecoverableLosses,
        multiwriterLosses: c.multiwriterLosses
      },
      sloAttainment: o.availability === void 0 ? null : { objective: o.availability, months: c.months, monthsMet: c.monthsMet, share: c.months > 0 ? c.monthsMet / c.months : 0 },
      objectives,
      byOrigin: origins.map((origin, i) => {
        const offered = this.originOffered[i] ?? 0n;
        const lost = this.originLost[i] ?? 0n;
        return {
          origin,
          availability: offered > 0n ? 1 - roundRatio(lost, offered) : 1,
          lostRequestsPerYear: roundRatio(lost * perYear.num, BigInt(n) * perYear.den * units)
        };
      }),
      events: c.events,
      wallSeconds: null
    };
  }
};
function hex(text) {
  return text.startsWith("-") ? -BigInt(`0x${text.slice(1)}`) : BigInt(`0x${text}`);
}
function interval(m, scale) {
  const mean = exactMean(m, scale);
  if (m.count < 2) return { mean, ci95: null, standardError: 0 };
  const se = Math.sqrt(exactVarianceOfMean(m, scale));
  const half = studentTQuantile(0.975, m.count - 1) * se;
  return { mean, ci95: [mean - half, mean + half], standardError: se };
}
function availabilityInterval(unavailability) {
  const mean = 1 - exactMean(unavailability);
  if (unavailability.count < 2) return { mean, ci95: null, standardError: 0 };
  const se = Math.sqrt(exactVarianceOfMean(unavailability));
  const half = studentTQuantile(0.975, unavailability.count - 1) * se;
  return { mean, ci95: [mean - half, mean + half], standardError: se };
}
function judge(samples, target, exceedanceMax) {
  const value = samples.exceedance(0);
  return { target, value, met: value <= exceedanceMax };
}

// sim/engine/monteCarlo.ts
function accumulateReplications(plan2, options, model2, into) {
  const compiled = model2 ?? compileModel(plan2, options.horizonYears ?? plan2.simulation.horizonYears);
  const stats = into ?? RunStatistics.forPlan(plan2, compiled.horizonSeconds, compiled.origins.length);
  const objective = plan2.objectives.availability ?? NaN;
  for (let i = 0; i < options.count; i++) {
    const summary = runReplication(compiled, { seed: options.seed, replication: options.fromReplication + i, availabilityObjective: objective, eventBudget: options.eventBudget });
    options.onSummary?.(summary);
    stats.add(summary);
    options.onReplication?.(i + 1);
  }
  return stats;
}

// ../../tmp/scratch/cold.mts
loadSimjsNode();
var plan = validatePlan(getTemplate("two-region-active-passive").plan).resolved;
var model = compileModel(plan, 10);
for (let k = 0; k < 30; k++) {
  const t0 = performance.now();
  accumulateReplications(plan, { fromReplication: k * 10, count: 1, seed: 1, horizonYears: 10 }, model);
  console.log("1 rep ms", (performance.now() - t0).toFixed(0));
}
