/**
 * Low / high ends of the catalog's key figures, for sensitivity analysis (tornado charts): each
 * range says how it applies (a factor on the plan's value, an absolute value, or an offset) and
 * cites its basis in the research. Plain data; must not import outside sim/model and sim/catalog.
 */
import { RESEARCH, RESEARCH_AS_OF, type FigureFlag } from './figure';

/** What a parameter's low and high ends are: a multiplier of the plan's own value, the value itself, or an amount added to it. */
export type RangeKind = 'factor' | 'absolute' | 'offset';

export interface FigureRange {
  kind: RangeKind;
  low: number;
  high: number;
  /** Where the two ends come from (section of the research, or the judgement made). */
  basis: string;
  asOf: string;
  flag: FigureFlag;
}

/** The classes of key parameter a sensitivity analysis moves; each plan parameter belongs to one. */
export const PARAMETER_CLASSES = [
  'failureRate',
  'repairTime',
  'regionOutageRate',
  'healthCheckInterval',
  'healthCheckThreshold',
  'dnsTtl',
  'replicationLag',
  'instances',
  'promotionSuccess',
] as const;
export type ParameterClass = (typeof PARAMETER_CLASSES)[number];

const range = (kind: RangeKind, low: number, high: number, basis: string, flag: FigureFlag = 'estimated'): FigureRange => ({ kind, low, high, basis, asOf: RESEARCH_AS_OF, flag });

/**
 * The default range of each class. Factors are relative to the value the plan (or the catalog
 * default it resolves to) uses, so they apply to every node kind; where the research gives a
 * range around a point value, the factor is that range divided by the value.
 */
export const DEFAULT_RANGES: Readonly<Record<ParameterClass, FigureRange>> = {
  failureRate: range(
    'factor',
    0.4,
    10,
    `${RESEARCH} §6 ec2_instance.failure_rate_per_year 0.05 (range 0.02–0.5): ×0.4 to ×10; applied by ratio to every node's failure rate`,
  ),
  repairTime: range(
    'factor',
    0.5,
    2,
    `${RESEARCH} §6 repair times are lognormal with σ_ln 0.5–1.0 (e.g. mttr_h median 3, σ 0.8); e^±0.7 ≈ ×0.5 to ×2 moves the median by about one σ`,
  ),
  regionOutageRate: range('factor', 0.2, 5, `${RESEARCH} §2e region_outage_rate generic 0.1/yr (plausible range 0.02–0.5): ×0.2 to ×5`),
  healthCheckInterval: range(
    'absolute',
    10,
    30,
    `${RESEARCH} §3 Route 53 request interval 10 s (fast) or 30 s (standard); ALB default 30 s`,
    'published',
  ),
  healthCheckThreshold: range('absolute', 1, 10, `${RESEARCH} §3 Route 53 failure threshold default 3, range 1–10`, 'published'),
  dnsTtl: range(
    'absolute',
    20,
    120,
    `${RESEARCH} §3 Route 53 TTL: 60 or 120 s for fast-failover records (best practices); 20 s in Flavel et al. 2014`,
    'published',
  ),
  replicationLag: range(
    'factor',
    0.2,
    30,
    `${RESEARCH} §6 rds_cross_region_replica lag 1–30 s normal, 60–900 s under heavy writes; DynamoDB global tables 1 s typical, 5 s p99: ×0.2 to ×30`,
  ),
  instances: range('offset', -1, 1, 'judgement: one instance fewer or more, the smallest change a review weighs (not from the research)'),
  promotionSuccess: range(
    'absolute',
    0.7,
    0.99,
    `${RESEARCH} §4b Regular Testing: P(failover executes correctly) ~0.7–0.8 untested to 0.95–0.99 tested`,
  ),
};
