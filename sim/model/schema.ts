/**
 * The plan document, version 1: a zod schema for every field of shared/PLAN-FORMAT.md, and the
 * TypeScript types inferred from it. Field-level rules (types, ranges, enums) live here; rules that
 * relate fields to each other (references, cycles, sums) live in crossChecks.ts.
 * Must not import anything outside sim/model and zod: every layer of the product shares this file.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

// ── small building blocks ────────────────────────────────────────────────────────────────────
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, "-", "_" or "." and start with a letter or digit');
const positive = z.number().positive();
const nonNegative = z.number().nonnegative();
const probability = z.number().min(0).max(1);
const positiveInt = z.number().int().min(1);
const nonNegativeInt = z.number().int().min(0);

/** Canvas placement: extra fields the format allows; the simulator ignores them. */
export const PositionSchema = z.strictObject({ x: z.number(), y: z.number() });
export const SizeSchema = z.strictObject({ width: positive, height: positive });

// ── distributions (units come from the field that holds them) ────────────────────────────────
export const ExponentialSchema = z.strictObject({ dist: z.literal('exponential'), mean: positive });
export const WeibullSchema = z.strictObject({ dist: z.literal('weibull'), shape: positive, scale: positive });
export const LognormalSchema = z.strictObject({ dist: z.literal('lognormal'), median: positive, sigma: nonNegative });
export const FixedSchema = z.strictObject({ dist: z.literal('fixed'), value: nonNegative });
export const UniformSchema = z
  .strictObject({ dist: z.literal('uniform'), min: nonNegative, max: nonNegative })
  .refine((u) => u.max >= u.min, { message: 'max must be at least min', path: ['max'] });
export const NeverSchema = z.strictObject({ dist: z.literal('never') });

export const DistributionSchema = z.discriminatedUnion('dist', [
  ExponentialSchema,
  WeibullSchema,
  LognormalSchema,
  FixedSchema,
  UniformSchema,
  NeverSchema,
]);
export type Distribution = z.infer<typeof DistributionSchema>;
export const DISTRIBUTION_KINDS = ['exponential', 'weibull', 'lognormal', 'fixed', 'uniform', 'never'] as const;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

export const ReliabilitySchema = z.strictObject({
  timeToFailureHours: DistributionSchema,
  timeToRepairHours: DistributionSchema,
});
export type Reliability = z.infer<typeof ReliabilitySchema>;

/** Outages a year at most (one a minute): above that an outage process is noise, and a run would never end. */
export const MAX_OUTAGES_PER_YEAR = 525_600;
/** Hours a scripted scenario may start after t = 0 or last: the longest horizon, 100,000 years. */
export const MAX_SCENARIO_HOURS = 876_000_000;
/** Plan size limits: far above any real design, low enough that every check and run stays bounded. */
export const MAX_NODES = 100_000;
export const MAX_EDGES = 200_000;
export const MAX_FLEET_INSTANCES = 10_000;

export const OutageProcessSchema = z.strictObject({
  ratePerYear: nonNegative.max(MAX_OUTAGES_PER_YEAR),
  durationHours: DistributionSchema,
});
export type OutageProcess = z.infer<typeof OutageProcessSchema>;

// ── regions ──────────────────────────────────────────────────────────────────────────────────
export const PROVIDERS = ['aws', 'azure', 'gcp', 'generic'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const RegionSchema = z.strictObject({
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
  notes: z.string().optional(),
});
export type Region = z.infer<typeof RegionSchema>;

// ── nodes ────────────────────────────────────────────────────────────────────────────────────
const nodeBase = {
  id,
  name: z.string().optional(),
  region: id.optional(),
  zone: nonNegativeInt.optional(),
  position: PositionSchema.optional(),
  notes: z.string().optional(),
  reliability: ReliabilitySchema.optional(),
};

export const HealthCheckSchema = z.strictObject({
  intervalSeconds: positive.optional(),
  failureThreshold: positiveInt.optional(),
  recoveryThreshold: positiveInt.optional(),
  checkers: positiveInt.max(64).optional(),
  propagationSeconds: nonNegative.optional(),
  deep: z.boolean().optional(),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

/** A DNS record's check may also be run by people: `manual` (PLAN-FORMAT meaning 21) switches the record after the monitor's detection and response. */
export const DnsHealthCheckSchema = HealthCheckSchema.extend({ manual: z.boolean().optional() });
export type DnsHealthCheck = z.infer<typeof DnsHealthCheckSchema>;

export const ClientsSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal('clients'),
  requestsPerSecond: positive.optional(),
  writeFraction: probability.optional(),
  diurnalSwing: z.number().min(0).max(1).optional(),
  origins: z.record(id, probability).optional(),
});

export const DNS_POLICIES = ['simple', 'failover', 'weighted', 'latency', 'geo'] as const;
export type DnsPolicy = (typeof DNS_POLICIES)[number];

export const DnsTargetSchema = z.strictObject({
  node: id,
  role: z.enum(['primary', 'secondary']).optional(),
  weight: nonNegative.optional(),
  origins: z.array(id).optional(),
  default: z.boolean().optional(),
});
export type DnsTarget = z.infer<typeof DnsTargetSchema>;

export const DnsSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal('dns'),
  policy: z.enum(DNS_POLICIES).optional(),
  ttlSeconds: nonNegative.optional(),
  ttlViolationFraction: probability.optional(),
  ttlViolationSeconds: nonNegative.optional(),
  healthCheck: DnsHealthCheckSchema.optional(),
  targets: z.array(DnsTargetSchema).min(1),
});

export const LB_ALGORITHMS = ['round-robin', 'least-connections', 'ip-hash'] as const;
export type LbAlgorithm = (typeof LB_ALGORITHMS)[number];

export const LoadBalancerSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal('loadBalancer'),
  algorithm: z.enum(LB_ALGORITHMS).optional(),
  scope: z.enum(['regional', 'global']).optional(),
  healthCheck: HealthCheckSchema.optional(),
});

export const PLATFORMS = ['vm', 'container', 'serverless'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const AutoscalingSchema = z
  .strictObject({
    min: nonNegativeInt,
    // The same ceiling as a fixed fleet's instances: the autoscaler allocates a slot per possible instance.
    max: positiveInt.max(MAX_FLEET_INSTANCES),
    targetUtilization: z.number().gt(0).max(1),
    reactionSeconds: nonNegative.optional(),
    launchSeconds: nonNegative.optional(),
  })
  .refine((a) => a.max >= a.min, { message: 'max must be at least min', path: ['max'] });

export const ProbeSchema = z.strictObject({ periodSeconds: positive, failureThreshold: positiveInt });

export const ProbesSchema = z.strictObject({
  liveness: ProbeSchema.optional(),
  readiness: ProbeSchema.optional(),
  restartSeconds: nonNegative.optional(),
});

const fleetFields = {
  ...nodeBase,
  platform: z.enum(PLATFORMS).optional(),
  instances: positiveInt.max(MAX_FLEET_INSTANCES).optional(),
  capacityRpsPerInstance: positive.optional(),
  autoscaling: AutoscalingSchema.optional(),
  probes: ProbesSchema.optional(),
  concurrencyLimit: positiveInt.optional(),
  requestSeconds: positive.optional(),
  scaleUpPerMinute: positive.optional(),
};
export const GatewaySchema = z.strictObject({ ...fleetFields, kind: z.literal('gateway') });
export const ServiceSchema = z.strictObject({ ...fleetFields, kind: z.literal('service') });

export const KNOWN_ENGINES = ['dynamodb', 'aurora', 'rds', 'postgres', 'mysql', 's3', 'redis', 'cosmosdb', 'spanner', 'generic'] as const;

export const PromotionSchema = z.strictObject({
  automatic: z.boolean().optional(),
  detectionSeconds: nonNegative.optional(),
  seconds: nonNegative.optional(),
  successProbability: probability.optional(),
});

export const DatastoreSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal('datastore'),
  engine: z.string().min(1).optional(),
  failureLosesData: z.boolean().optional(),
  promotion: PromotionSchema.optional(),
});

export const BackupSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal('backup'),
  of: id,
  intervalHours: positive.optional(),
  restoreHours: DistributionSchema.optional(),
  copies: positiveInt.optional(),
  media: positiveInt.optional(),
  offsite: z.boolean().optional(),
  restoreFailureProbability: z.number().min(0).lt(1).optional(),
});

export const MonitorSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal('monitor'),
  detectionMinutes: DistributionSchema.optional(),
  responseMinutes: DistributionSchema.optional(),
});

export const NodeSchema = z.discriminatedUnion('kind', [
  ClientsSchema,
  DnsSchema,
  LoadBalancerSchema,
  GatewaySchema,
  ServiceSchema,
  DatastoreSchema,
  BackupSchema,
  MonitorSchema,
]);

export const NODE_KINDS = ['clients', 'dns', 'loadBalancer', 'gateway', 'service', 'datastore', 'backup', 'monitor'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export type PlanNode = z.infer<typeof NodeSchema>;
export type ClientsNode = z.infer<typeof ClientsSchema>;
export type DnsNode = z.infer<typeof DnsSchema>;
export type LoadBalancerNode = z.infer<typeof LoadBalancerSchema>;
export type GatewayNode = z.infer<typeof GatewaySchema>;
export type ServiceNode = z.infer<typeof ServiceSchema>;
export type FleetNode = GatewayNode | ServiceNode;
export type DatastoreNode = z.infer<typeof DatastoreSchema>;
export type BackupNode = z.infer<typeof BackupSchema>;
export type MonitorNode = z.infer<typeof MonitorSchema>;
export type NodeOfKind<K extends NodeKind> = Extract<PlanNode, { kind: K }>;

// ── edges ────────────────────────────────────────────────────────────────────────────────────
/** The side of a card a wire leaves or enters by (drawing only; the simulation ignores it). */
export const EDGE_SIDES = ['top', 'right', 'bottom', 'left'] as const;
// Drawing-only fields every edge may carry: the user's label and the card sides the wire was drawn between.
const edgeDrawing = {
  label: z.string().max(80).optional(),
  fromSide: z.enum(EDGE_SIDES).optional(),
  toSide: z.enum(EDGE_SIDES).optional(),
};
export const TrafficEdgeSchema = z.strictObject({
  id: z.string().optional(),
  kind: z.literal('traffic'),
  from: id,
  to: id,
  ...edgeDrawing,
});
export const REPLICATION_MODES = ['sync', 'async', 'multiwriter'] as const;
export type ReplicationMode = (typeof REPLICATION_MODES)[number];
export const ReplicationEdgeSchema = z.strictObject({
  id: z.string().optional(),
  kind: z.literal('replication'),
  from: id,
  to: id,
  mode: z.enum(REPLICATION_MODES),
  lagSeconds: DistributionSchema.optional(),
  ...edgeDrawing,
});
export const EdgeSchema = z.discriminatedUnion('kind', [TrafficEdgeSchema, ReplicationEdgeSchema]);
export type TrafficEdge = z.infer<typeof TrafficEdgeSchema>;
export type ReplicationEdge = z.infer<typeof ReplicationEdgeSchema>;
export type Edge = z.infer<typeof EdgeSchema>;

// ── shared failures, scripted scenarios, practices, objectives, settings ─────────────────────
export const CommonCauseSchema = z.strictObject({
  id,
  name: z.string().optional(),
  ratePerYear: nonNegative.max(MAX_OUTAGES_PER_YEAR),
  durationHours: DistributionSchema,
  affects: z.array(id).min(1),
});
export type CommonCause = z.infer<typeof CommonCauseSchema>;

export const ScenarioFailSchema = z.union([
  z.strictObject({ region: id }),
  z.strictObject({ zone: z.strictObject({ region: id, zone: nonNegativeInt }) }),
  z.strictObject({ node: id }),
  z.strictObject({ commonCause: id }),
]);
export const ScenarioSchema = z.strictObject({
  id,
  name: z.string().optional(),
  atHours: nonNegative.max(MAX_SCENARIO_HOURS),
  durationHours: positive.max(MAX_SCENARIO_HOURS),
  fail: ScenarioFailSchema,
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export const PracticesSchema = z.strictObject({ drillsPerYear: nonNegative.max(365).optional() });

export const ObjectivesSchema = z.strictObject({
  availability: z.number().gt(0).lt(1).optional(),
  rtoSeconds: positive.optional(),
  rpoSeconds: nonNegative.optional(),
  exceedanceMax: probability.optional(),
  monthlyBudgetUsd: nonNegative.optional(),
  downtimeCostUsdPerMinute: nonNegative.optional(),
});
export type Objectives = z.infer<typeof ObjectivesSchema>;

export const SimulationSettingsSchema = z.strictObject({
  horizonYears: positive.max(100_000).optional(),
  replications: positiveInt.max(1_000_000).optional(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
});
export type SimulationSettings = z.infer<typeof SimulationSettingsSchema>;

/**
 * Cost settings (sim/cost). Added to version 1 without a schemaVersion bump: every field is
 * optional and a plan without them is priced from the catalog exactly as before, so no existing
 * plan changes meaning. Keys of `prices` and `assumptions` are the rate-card keys that
 * `resilience cost` prints (e.g. "alb.usdPerHour", "usage.datasetGb"); sim/cost rejects unknown ones.
 */
export const CostSettingsSchema = z.strictObject({
  /** Fully loaded cost of an engineering hour (strategy effort and drills). */
  engineeringUsdPerHour: nonNegative.optional(),
  /** Replacement values for catalog prices, by rate-card key. */
  prices: z.record(z.string().min(1), nonNegative).optional(),
  /** Replacement values for the cost model's usage assumptions, by rate-card key. */
  assumptions: z.record(z.string().min(1), nonNegative).optional(),
  /** A fixed monthly price for a node, replacing its computed lines (the way to price azure, gcp or generic nodes). */
  nodeUsdPerMonth: z.record(id, nonNegative).optional(),
});
export type CostSettings = z.infer<typeof CostSettingsSchema>;

/**
 * Variants of the design, kept in the same file: each an RFC 6902 JSON Patch against this plan (the
 * form `resilience compare` takes; a path may name an entry of nodes, regions, commonCauses or
 * scenarios by id). Added to version 1 without a schemaVersion bump: optional, and a plan without it
 * means exactly what it meant. `simulate` and every single-design command run the plan as written;
 * `compare` runs the plan and then each variant, in this order, on the same seed.
 */
export const VariantSchema = z.strictObject({
  name: z.string().min(1).max(120),
  description: z.string().optional(),
  patch: z
    .array(
      z.strictObject({
        op: z.enum(['add', 'remove', 'replace', 'move', 'copy', 'test']),
        path: z.string().refine((p) => p === '' || p.startsWith('/'), 'a JSON Pointer starts with "/"').refine((p) => !/^\/variants(\/|$)/.test(p), 'a variant cannot change the variants'),
        value: z.unknown().optional(),
        from: z.string().optional(),
      }),
    )
    .max(1000),
});
export type Variant = z.infer<typeof VariantSchema>;

// ── the document ─────────────────────────────────────────────────────────────────────────────
export const PlanSchema = z.strictObject({
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
  variants: z
    .array(VariantSchema)
    .max(50)
    .refine((vs) => new Set(vs.map((v) => v.name)).size === vs.length, 'variant names must be unique')
    .optional(),
});

/** A plan as written by the user (optional fields may be absent). */
export type Plan = z.infer<typeof PlanSchema>;
/** A plan as it may arrive before validation (defaults not applied). */
export type PlanInput = z.input<typeof PlanSchema>;
