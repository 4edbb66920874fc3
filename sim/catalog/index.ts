/**
 * The default parameter catalog: one CATALOG object assembled from the themed files, plus its type.
 * Every number is a Figure with a source, an as-of date and a flag. Must not import outside sim/model and sim/catalog.
 */
import { DATA_CATALOG } from './data';
import { RESEARCH_AS_OF, type FigureFlag } from './figure';
import { DNS_CATALOG, HEALTH_CHECK_CATALOG } from './healthChecks';
import { MONITORING_CATALOG } from './monitoring';
import { PRICES_CATALOG } from './prices';
import { REGION_CATALOG } from './regions';
import { RELIABILITY_CATALOG } from './reliability';
import { STRATEGIES_CATALOG } from './strategies';
import { TRAFFIC_LAB_CATALOG } from './trafficLab';

const meta = {
  currency: 'USD' as const,
  /** The month the catalog as a whole was compiled; each figure carries its own date too. */
  asOf: RESEARCH_AS_OF,
  region: 'us-east-1',
  flags: {
    published: 'Read in a provider\'s or author\'s text; a note "secondary source" means it was read in a copy and should be re-checked.',
    estimated: 'Derived, fitted or judged by us (the basis is in the note), or recalled and not verified.',
  } satisfies Record<FigureFlag, string>,
};

export const CATALOG = {
  meta,
  region: REGION_CATALOG,
  reliability: RELIABILITY_CATALOG,
  healthCheck: HEALTH_CHECK_CATALOG,
  dns: DNS_CATALOG,
  data: DATA_CATALOG,
  monitoring: MONITORING_CATALOG,
  prices: PRICES_CATALOG,
  strategies: STRATEGIES_CATALOG,
  traffic: TRAFFIC_LAB_CATALOG,
} as const;

export type Catalog = typeof CATALOG;

export { promotionSuccessProbability } from './data';
export type { BackupDefaults } from './data';
export type { Figure, FigureFlag, FigureMeta } from './figure';
export type { HealthCheckDefaults } from './healthChecks';
export type { HumanDelays } from './monitoring';
export type { RegionOutageFigure } from './regions';
export type { ReliabilityFigure } from './reliability';
export { STRATEGY_IDS } from './strategies';
export type { ComplexityLevel, CostLevel, EffectivenessLevel, ScalabilityLevel, StrategyEntry, StrategyId } from './strategies';
