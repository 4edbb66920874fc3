// fast-check arbitraries for plan documents: coherent valid plans (regions; clients → DNS or a
// load balancer → fleets → datastores; optional fields randomly present or absent) and random
// mutations of any JSON document. Test-only.
import fc from 'fast-check';
import { DNS_POLICIES, LB_ALGORITHMS, PLATFORMS, PROVIDERS, REPLICATION_MODES } from '../../../sim/model/schema';
import type { Doc } from './planFixtures';

// ── numbers and small pieces ───────────────────────────────────────────────────────────────
// JSON has no negative zero (JSON.stringify(-0) is "0"), so a plan never holds one; -0 + 0 is 0.
const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);
const positive = (max = 1e6) => num(1e-6, max);
const nonNegative = (max = 1e6) => fc.oneof(fc.constant(0), positive(max));
const probability = fc.oneof(fc.constantFrom(0, 1), num(0, 1));
const count = (min: number, max: number) => fc.integer({ min, max });
const text = fc.string({ maxLength: 20 });

/** fc.record with ordinary objects: by default it sometimes builds null-prototype ones, which JSON never does. */
function rec<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(model, { noNullPrototype: true }) as fc.Arbitrary<T>;
}

/** Builds an object whose listed keys are present and the others randomly present or absent. */
function someOf<T extends Record<string, fc.Arbitrary<unknown>>>(required: T, optional: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Doc> {
  return fc.record({ ...required, ...optional }, { requiredKeys: Object.keys(required) as (keyof T & string)[], noNullPrototype: true }) as fc.Arbitrary<Doc>;
}

export const distributionArb: fc.Arbitrary<Doc> = fc.oneof(
  rec({ dist: fc.constant('exponential'), mean: positive() }),
  rec({ dist: fc.constant('weibull'), shape: positive(10), scale: positive() }),
  rec({ dist: fc.constant('lognormal'), median: positive(), sigma: nonNegative(3) }),
  rec({ dist: fc.constant('fixed'), value: nonNegative() }),
  fc.tuple(nonNegative(100), nonNegative(100)).map(([a, b]) => ({ dist: 'uniform', min: Math.min(a, b), max: Math.max(a, b) })),
  fc.constant({ dist: 'never' }),
);

/** Hours: 3.6 s and more, so a failure-and-repair cycle typically lasts a second (too-frequent otherwise). */
const notTooShort = (max = 1e6) => num(1e-3, max);

/** A time to failure with a positive mean (degenerate-distribution otherwise) and a median of a second or more. */
const timeToFailureArb: fc.Arbitrary<Doc> = fc.oneof(
  rec({ dist: fc.constant('exponential'), mean: notTooShort() }),
  rec({ dist: fc.constant('lognormal'), median: notTooShort(), sigma: nonNegative(3) }),
  rec({ dist: fc.constant('fixed'), value: notTooShort() }),
  fc.tuple(nonNegative(100), notTooShort(100)).map(([a, b]) => ({ dist: 'uniform', min: Math.min(a, b), max: Math.max(a, b) })),
  fc.constant({ dist: 'never' }),
);

const reliabilityArb = rec({ timeToFailureHours: timeToFailureArb, timeToRepairHours: distributionArb });
const outageArb = fc.oneof(fc.constant(null), rec({ ratePerYear: nonNegative(10), durationHours: distributionArb }));
const healthCheckArb = someOf(
  {},
  {
    intervalSeconds: positive(300),
    failureThreshold: count(1, 10),
    recoveryThreshold: count(1, 10),
    checkers: count(1, 64),
    propagationSeconds: nonNegative(120),
    deep: fc.boolean(),
  },
);
const common = { name: text, notes: text, position: rec({ x: num(-1e4, 1e4), y: num(-1e4, 1e4) }) };

// ── the plan ───────────────────────────────────────────────────────────────────────────────
const regionArb = (id: string, needsLocation: boolean) =>
  someOf(
    { id: fc.constant(id), ...(needsLocation ? { location: rec({ lat: num(-90, 90), lon: num(-180, 180) }) } : {}) },
    {
      name: text,
      provider: fc.constantFrom(...PROVIDERS),
      code: fc.constantFrom('us-east-1', 'eu-west-1', 'custom-1'),
      zones: count(1, 6),
      ...(needsLocation ? {} : { location: rec({ lat: num(-90, 90), lon: num(-180, 180) }) }),
      outage: outageArb,
      zoneOutage: outageArb,
      notes: text,
    },
  );

const fleetArb = (id: string, region: string) =>
  fc
    .tuple(
      someOf(
        { id: fc.constant(id), kind: fc.constantFrom('gateway', 'service'), region: fc.constant(region) },
        {
          ...common,
          platform: fc.constantFrom(...PLATFORMS),
          capacityRpsPerInstance: positive(1e4),
          reliability: reliabilityArb,
          probes: someOf({}, { liveness: rec({ periodSeconds: positive(60), failureThreshold: count(1, 5) }), restartSeconds: nonNegative(120) }),
          concurrencyLimit: count(1, 5000),
          requestSeconds: positive(30),
          scaleUpPerMinute: positive(1000),
        },
      ),
      fc.option(fc.tuple(count(0, 10), count(0, 10), num(0.05, 1)), { nil: undefined }),
      count(1, 20),
    )
    .map(([fleet, scaling, instances]) => {
      if (!scaling) return { ...fleet, instances };
      const [a, b, targetUtilization] = scaling;
      const min = Math.min(a, b);
      const max = Math.max(a, b, 1);
      // instances must lie within [min, max] (autoscaling-bounds)
      return { ...fleet, instances: Math.max(1, Math.min(max, Math.max(min, instances))), autoscaling: { min, max, targetUtilization } };
    });

const datastoreArb = (id: string, region: string) =>
  someOf(
    { id: fc.constant(id), kind: fc.constant('datastore'), region: fc.constant(region) },
    {
      ...common,
      engine: fc.constantFrom('aurora', 'rds', 'postgres', 'redis', 'generic', 'my-own-engine'),
      failureLosesData: fc.boolean(),
      promotion: someOf({}, { automatic: fc.boolean(), detectionSeconds: nonNegative(600), seconds: nonNegative(600), successProbability: probability }),
      reliability: reliabilityArb,
    },
  );

const balancerArb = (id: string, region: string) =>
  someOf(
    { id: fc.constant(id), kind: fc.constant('loadBalancer'), region: fc.constant(region) },
    { ...common, algorithm: fc.constantFrom(...LB_ALGORITHMS), scope: fc.constantFrom('regional', 'global'), healthCheck: healthCheckArb, reliability: reliabilityArb },
  );

/** A DNS record over the balancers, with the targets its policy needs. */
const dnsArb = (balancers: string[], regionIds: string[]) =>
  fc.constantFrom(...DNS_POLICIES).chain((policy) => {
    const used = policy === 'simple' ? balancers.slice(0, 1) : policy === 'failover' ? balancers.slice(0, 2) : balancers;
    const targets = fc.tuple(...used.map((node, i) => {
      switch (policy) {
        case 'failover':
          return fc.constant({ node, role: i === 0 ? 'primary' : 'secondary' });
        case 'weighted':
          return rec({ node: fc.constant(node), weight: i === 0 ? positive(100) : nonNegative(100) });
        case 'geo':
          return someOf({ node: fc.constant(node) }, { origins: fc.subarray(regionIds), ...(i === 0 ? { default: fc.boolean() } : {}) });
        default:
          return fc.constant({ node });
      }
    }));
    return rec({
      dns: someOf(
        { id: fc.constant('dns'), kind: fc.constant('dns'), policy: fc.constant(policy), targets },
        { ...common, ttlSeconds: nonNegative(3600), ttlViolationFraction: probability, ttlViolationSeconds: nonNegative(3600), healthCheck: healthCheckArb, reliability: reliabilityArb },
      ),
      drawEdges: fc.boolean(),
      usesLatency: fc.constant(policy === 'latency'),
    });
  });

/** A coherent, valid plan document (validatePlan must accept it). */
export const validPlanArb: fc.Arbitrary<Doc> = fc
  .record({ regionCount: count(1, 3), withDns: fc.boolean() })
  .chain(({ regionCount, withDns }) => {
    const regionIds = Array.from({ length: regionCount }, (_, i) => `r${i}`);
    const balancers = regionIds.map((r) => `lb-${r}`);
    return rec({
      regionIds: fc.constant(regionIds),
      dnsPart: withDns ? dnsArb(balancers, regionIds) : fc.constant(undefined),
      regionsFn: fc.constant((needsLocation: boolean) => fc.tuple(...regionIds.map((id) => regionArb(id, needsLocation)))),
      balancers: fc.tuple(...regionIds.map((r, i) => balancerArb(balancers[i]!, r))),
      fleets: fc.tuple(...regionIds.map((r) => fleetArb(`gw-${r}`, r))),
      datastores: fc.tuple(...regionIds.map((r) => datastoreArb(`db-${r}`, r))),
      replicationModes: fc.tuple(...regionIds.map(() => fc.constantFrom(...REPLICATION_MODES))),
      clients: someOf(
        { id: fc.constant('users'), kind: fc.constant('clients') },
        {
          ...common,
          requestsPerSecond: positive(1e5),
          writeFraction: probability,
          diurnalSwing: num(0, 1),
          // Shares from whole-number weights over their total sum to 1 within rounding.
          origins: fc.tuple(...regionIds.map(() => count(1, 10))).map((w) => {
            const total = w.reduce((a, b) => a + b, 0);
            return Object.fromEntries(regionIds.map((r, i) => [r, w[i]! / total]));
          }),
        },
      ),
      backup: fc.option(
        someOf({ id: fc.constant('backup'), kind: fc.constant('backup'), of: fc.constant('db-r0') }, {
          ...common,
          intervalHours: positive(168),
          restoreHours: distributionArb,
          copies: count(1, 5),
          media: count(1, 3),
          offsite: fc.boolean(),
          restoreFailureProbability: num(0, 0.99),
          reliability: reliabilityArb,
        }),
        { nil: undefined },
      ),
      monitor: fc.option(someOf({ id: fc.constant('ops'), kind: fc.constant('monitor') }, { ...common, detectionMinutes: distributionArb, responseMinutes: distributionArb }), { nil: undefined }),
      cause: fc.option(rec({ id: fc.constant('cc'), ratePerYear: nonNegative(5), durationHours: distributionArb, affects: fc.subarray(regionIds.map((r) => `gw-${r}`), { minLength: 1 }) }), { nil: undefined }),
      scenarioFail: fc.option(
        fc.oneof(
          fc.constantFrom(...regionIds).map((region) => ({ region })),
          fc.constantFrom(...regionIds).map((r) => ({ node: `gw-${r}` })),
          fc.constantFrom(...regionIds).map((region) => ({ zone: { region, zone: 0 } })),
          fc.constant({ commonCause: 'cc' }),
        ),
        { nil: undefined },
      ),
      scenarioTimes: fc.tuple(nonNegative(1e4), positive(100)),
      practices: fc.option(someOf({}, { drillsPerYear: num(0, 365) }), { nil: undefined }),
      objectives: fc.option(
        someOf({}, { availability: num(0.5, 0.99999), rtoSeconds: positive(1e5), rpoSeconds: nonNegative(1e5), exceedanceMax: probability, monthlyBudgetUsd: nonNegative(1e6), downtimeCostUsdPerMinute: nonNegative(1e5) }),
        { nil: undefined },
      ),
      simulation: fc.option(someOf({}, { horizonYears: positive(1000), replications: count(1, 10000), seed: count(0, 2 ** 32 - 1) }), { nil: undefined }),
      description: fc.option(text, { nil: undefined }),
    });
  })
  .chain((g) => {
    const usesLatency = g.dnsPart?.usesLatency ?? false;
    return g.regionsFn(usesLatency).map((regions) => ({ ...g, regions }));
  })
  .map((g) => {
    const { regionIds, dnsPart } = g;
    const entry = dnsPart ? 'dns' : `lb-${regionIds[0]}`;
    const nodes: Doc[] = [g.clients, ...(dnsPart ? [dnsPart.dns] : []), ...g.balancers, ...g.fleets, ...g.datastores];
    const edges: Doc[] = [{ kind: 'traffic', from: 'users', to: entry }];
    if (dnsPart?.drawEdges) for (const t of dnsPart.dns.targets as Doc[]) edges.push({ kind: 'traffic', from: 'dns', to: t.node });
    regionIds.forEach((r, i) => {
      edges.push({ kind: 'traffic', from: `lb-${r}`, to: `gw-${r}` });
      edges.push({ kind: 'traffic', from: `gw-${r}`, to: `db-${r}` });
      // One dataset is either multi-writer throughout or primary/replica throughout (mixing is an error).
      const mode = g.replicationModes.includes('multiwriter') ? 'multiwriter' : g.replicationModes[i];
      if (i > 0) edges.push({ kind: 'replication', from: `db-${regionIds[0]}`, to: `db-${r}`, mode });
    });
    if (g.backup) nodes.push(g.backup);
    if (g.monitor) nodes.push(g.monitor);
    const plan: Doc = { schemaVersion: 1, name: 'Generated plan', regions: g.regions, nodes, edges };
    if (g.description !== undefined) plan.description = g.description;
    if (g.cause) plan.commonCauses = [g.cause];
    const fail = g.scenarioFail && ('commonCause' in g.scenarioFail && !g.cause ? { region: regionIds[0] } : g.scenarioFail);
    if (fail) plan.scenarios = [{ id: 's1', atHours: g.scenarioTimes[0], durationHours: g.scenarioTimes[1], fail }];
    if (g.practices) plan.practices = g.practices;
    if (g.objectives) plan.objectives = g.objectives;
    if (g.simulation) plan.simulation = g.simulation;
    return plan;
  });

// ── mutations ──────────────────────────────────────────────────────────────────────────────
export type MutationOp = 'delete' | 'set' | 'renameId' | 'addKey' | 'dropItem' | 'swapType';

export interface Mutation {
  op: MutationOp;
  /** Which location (modulo the number of locations found in the document). */
  pick: number;
  value: unknown;
  key: string;
}

export const mutationArb: fc.Arbitrary<Mutation> = rec({
  op: fc.constantFrom<MutationOp>('delete', 'set', 'renameId', 'addKey', 'dropItem', 'swapType'),
  pick: fc.nat(),
  value: fc.jsonValue({ maxDepth: 2 }),
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'mtbfHour', 'id', 'kind', 'toString')),
});

type Slot = { parent: Doc | unknown[]; key: string | number };

/** Every property and array element in the document, depth first. */
function slots(doc: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(doc)) {
    doc.forEach((child, i) => {
      out.push({ parent: doc, key: i });
      slots(child, out);
    });
  } else if (doc !== null && typeof doc === 'object') {
    for (const [k, child] of Object.entries(doc)) {
      out.push({ parent: doc as Doc, key: k });
      slots(child, out);
    }
  }
  return out;
}

function swapType(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return Number.isNaN(Number(value)) ? value.length : Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  if (value !== null && typeof value === 'object') return Object.values(value);
  return {};
}

/** Applies one mutation in place to a plain JSON document (the root is always an object). */
export function applyMutation(doc: Doc, m: Mutation): void {
  const all = slots(doc);
  if (m.op === 'addKey') {
    const objects = [doc, ...all.map((s) => (s.parent as Doc[])[s.key as number]).filter((v): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v))];
    // defineProperty, so "__proto__" becomes an own key as JSON.parse would make it
    Object.defineProperty(objects[m.pick % objects.length], m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    return;
  }
  if (m.op === 'renameId') {
    const holders = all.filter((s) => s.key === 'id' || s.key === 'from' || s.key === 'to' || s.key === 'of' || s.key === 'node');
    const ids = holders.map((s) => (s.parent as Doc)[s.key as string]);
    const target = holders[m.pick % Math.max(holders.length, 1)];
    if (!target) return;
    // Another existing id (a duplicate or a re-pointed reference), or a random text.
    (target.parent as Doc)[target.key as string] = m.value === null ? ids[(m.pick >> 3) % ids.length] : typeof m.value === 'string' ? m.value : m.key;
    return;
  }
  const candidates = m.op === 'dropItem' ? all.filter((s) => Array.isArray(s.parent)) : all;
  const slot = candidates[m.pick % Math.max(candidates.length, 1)];
  if (!slot) return;
  const parent = slot.parent as Doc;
  switch (m.op) {
    case 'delete':
    case 'dropItem':
      if (Array.isArray(parent)) parent.splice(slot.key as number, 1);
      else delete parent[slot.key];
      break;
    case 'set':
      parent[slot.key] = m.value;
      break;
    case 'swapType':
      parent[slot.key] = swapType(parent[slot.key]);
      break;
  }
}
