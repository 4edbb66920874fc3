/**
 * The rate card the cost model prices from: every catalog price (sim/catalog/prices.ts) and every
 * usage assumption of the cost model, each under a flat key ("alb.usdPerHour", "usage.datasetGb"),
 * with the plan's overrides applied. Pure; imports only sim/catalog and sim/model types.
 */
import { CATALOG, type Figure } from '../catalog';
import { RESEARCH_AS_OF } from '../catalog/figure';
import type { CostSettings } from '../model/schema';

export interface Rate extends Figure<number> {
  key: string;
  /** 'price' comes from the dated catalog; 'assumption' is a usage figure of the cost model. */
  kind: 'price' | 'assumption';
  /** True when the plan replaced the catalog value (the line then cites the plan). */
  overridden: boolean;
}

const estimate = (value: number, note: string, source = 'cost-model estimate (sim/cost/COST-CONTRACT.md)'): Figure<number> => ({
  value,
  source,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note,
});

/**
 * Usage figures the plan does not carry. Each is an estimate with its anchor; a plan replaces any of
 * them under `cost.assumptions`. None is a price.
 */
export const USAGE_ASSUMPTIONS: Record<string, Figure<number>> = {
  'usage.hoursPerMonth': { value: 730, source: 'AWS pricing convention (hourly prices × 730 h a month)', asOf: RESEARCH_AS_OF, flag: 'published', note: '8,760 h ÷ 12' },
  'usage.datasetGb': estimate(50, 'size of the dataset each datastore holds; a small API back end'),
  'usage.writeKb': estimate(1, 'bytes replicated per write; one DynamoDB write unit is 1 KB'),
  'usage.requestKb': estimate(10, 'request + response bytes a load balancer processes per request'),
  'usage.requestsPerConnection': estimate(10, 'keep-alive requests per new load-balancer connection'),
  'usage.requestsPerDnsQuery': estimate(100, 'requests a client makes per DNS lookup (resolver and client caches)'),
  'usage.fargateTaskVcpu': estimate(1, 'vCPU of one container instance (Fargate task)'),
  'usage.fargateTaskGb': estimate(2, 'memory of one container instance (Fargate task), GB'),
  'usage.lambdaMemoryGb': estimate(0.5, 'memory of a serverless function, GB'),
  'usage.lambdaSecondsPerRequest': estimate(0.05, 'billed duration per request when the fleet gives no requestSeconds'),
  'usage.alarmsPerServingNode': estimate(2, 'CloudWatch alarms a monitor keeps per serving node (errors, health)'),
  'usage.engineeringUsdPerHour': estimate(
    100,
    'fully loaded engineering hour; anchor: US software developer median pay ≈ $63/h (BLS, May 2023, recalled) × ≈ 1.5 overhead',
  ),
  'usage.hoursPerFteMonth': estimate(173.3, '2,080 working hours a year ÷ 12'),
  'usage.hoursPerPersonWeek': estimate(40, 'one person-week of engineering'),
  'usage.amortizationMonths': estimate(36, 'months over which the initial engineering of a strategy is spread in the monthly cost'),
  'usage.drillPersonHours': estimate(24, 'people-hours one DR drill takes (3 people for a working day: prepare, run, review)'),
};

/** Catalog prices flattened to "theme.field[.type]" keys, in catalog order. */
function catalogPrices(): Array<[string, Figure<number>]> {
  const out: Array<[string, Figure<number>]> = [];
  const visit = (value: unknown, path: string[]): void => {
    if (typeof value !== 'object' || value === null) return;
    const f = value as Partial<Figure<unknown>>;
    if (typeof f.source === 'string' && typeof f.value === 'number') {
      out.push([path.join('.'), value as Figure<number>]);
      return;
    }
    for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  visit(CATALOG.prices, []);
  return out;
}

export interface RateCard {
  get(key: string): Rate;
  /** Every rate, prices first, in catalog order. */
  all(): Rate[];
}

export interface CostSettingIssue {
  /** JSON path of the offending field, e.g. `cost.prices["alb.usdPerHr"]`. */
  path: string;
  /** The same path as segments (`['cost', 'prices', 'alb.usdPerHr']`). */
  pathSegments: [string, string, string];
  /** The validator's code: a node id the plan lacks, or a key the rate card lacks. */
  kind: 'unknown-node' | 'unknown-field';
  message: string;
}

/** Edits (insert, delete, replace) between two keys, for a "did you mean" hint. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** The known key a mistyped one most likely meant (case or a few letters off), if any. */
function nearestKey(key: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 5)) + 1;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

const settingPath = (field: string, key: string) => ({ path: `cost.${field}[${JSON.stringify(key)}]`, pathSegments: ['cost', field, key] as [string, string, string] });

/**
 * The plan's `cost` overrides that name no rate-card key (or a key of the other kind), and fixed
 * node prices for ids the plan does not have (checked when `nodeIds` is given).
 */
export function rateCardIssues(settings: CostSettings | undefined, nodeIds?: readonly string[]): CostSettingIssue[] {
  const out: CostSettingIssue[] = [];
  if (nodeIds) {
    for (const id of Object.keys(settings?.nodeUsdPerMonth ?? {})) {
      if (!nodeIds.includes(id)) out.push({ ...settingPath('nodeUsdPerMonth', id), kind: 'unknown-node', message: `the plan has no node "${id}"` });
    }
  }
  const prices = new Set(catalogPrices().map(([k]) => k));
  for (const key of Object.keys(settings?.prices ?? {})) {
    if (!prices.has(key)) {
      const near = nearestKey(key, prices);
      const hint = key in USAGE_ASSUMPTIONS
        ? ` ("${key}" is a usage assumption: put it under cost.assumptions)`
        : near
          ? `; did you mean "${near}"? (resilience cost --rates lists every key)`
          : `; known prices: ${[...prices].slice(0, 6).join(', ')}, … (resilience cost --rates lists them all)`;
      out.push({ ...settingPath('prices', key), kind: 'unknown-field', message: `"${key}" is not a catalog price${hint}` });
    }
  }
  for (const key of Object.keys(settings?.assumptions ?? {})) {
    if (!(key in USAGE_ASSUMPTIONS)) {
      const near = nearestKey(key, Object.keys(USAGE_ASSUMPTIONS));
      const hint = prices.has(key) ? ` ("${key}" is a price: put it under cost.prices)` : near ? `; did you mean "${near}"?` : `; known: ${Object.keys(USAGE_ASSUMPTIONS).join(', ')}`;
      out.push({ ...settingPath('assumptions', key), kind: 'unknown-field', message: `"${key}" is not a usage assumption${hint}` });
    }
  }
  return out;
}

/** The rate card with the plan's overrides applied. Call rateCardIssues first: unknown keys are ignored here. */
export function buildRateCard(settings: CostSettings | undefined): RateCard {
  const rates = new Map<string, Rate>();
  const add = (key: string, figure: Figure<number>, kind: Rate['kind'], override: number | undefined) => {
    rates.set(
      key,
      override === undefined
        ? { ...figure, key, kind, overridden: false }
        : { key, kind, value: override, source: 'the plan (cost settings)', asOf: figure.asOf, flag: 'estimated', note: `replaces ${figure.value} from ${figure.source}`, overridden: true },
    );
  };
  for (const [key, figure] of catalogPrices()) add(key, figure, 'price', settings?.prices?.[key]);
  for (const [key, figure] of Object.entries(USAGE_ASSUMPTIONS)) add(key, figure, 'assumption', settings?.assumptions?.[key]);
  const hourly = settings?.engineeringUsdPerHour;
  if (hourly !== undefined) add('usage.engineeringUsdPerHour', USAGE_ASSUMPTIONS['usage.engineeringUsdPerHour']!, 'assumption', hourly);
  return {
    get(key) {
      const rate = rates.get(key);
      if (!rate) throw new Error(`the rate card has no "${key}"`);
      return rate;
    },
    all: () => [...rates.values()],
  };
}

