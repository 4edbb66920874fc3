/**
 * The eight resilience strategies of the source article, their qualitative comparison matrix, and the
 * research's numeric reading of each level. Plain data; must not import anything outside sim/catalog.
 */
import { RESEARCH, RESEARCH_AS_OF, type Figure, type FigureMeta } from './figure';

/** Stable ids, in the article's matrix order (the order every list of strategies keeps). */
export const STRATEGY_IDS = [
  'multiRegion',
  'loadBalancing',
  'automaticFailover',
  'dataReplication',
  'containers',
  'serverless',
  'monitoring',
  'regularTesting',
] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];

export type ComplexityLevel = 'Low' | 'Medium' | 'High';
export type CostLevel = 'Low' | 'Low-Medium' | 'Medium' | 'High';
export type ScalabilityLevel = 'Good' | 'Excellent' | 'N/A';
export type EffectivenessLevel = 'Medium' | 'High' | 'Very High';

export interface StrategyEntry {
  id: StrategyId;
  name: string;
  description: string;
  complexity: ComplexityLevel;
  cost: CostLevel;
  scalability: ScalabilityLevel;
  effectiveness: EffectivenessLevel;
}

const entry = (
  id: StrategyId,
  name: string,
  description: string,
  [complexity, cost, scalability, effectiveness]: [ComplexityLevel, CostLevel, ScalabilityLevel, EffectivenessLevel],
): StrategyEntry => ({ id, name, description, complexity, cost, scalability, effectiveness });

const byId: Record<StrategyId, StrategyEntry> = {
  multiRegion: entry('multiRegion', 'Multiple regions', 'Run the gateway in more than one region so a regional outage leaves another serving.', ['High', 'High', 'Excellent', 'Very High']),
  loadBalancing: entry('loadBalancing', 'Load balancing', 'Spread requests over several healthy instances and stop sending to the ones that fail checks.', ['Medium', 'Medium', 'Good', 'High']),
  automaticFailover: entry('automaticFailover', 'Automatic failover', 'Health-checked routing or automatic promotion moves traffic or data off a failed site without waiting for people.', ['Medium', 'Medium', 'Good', 'High']),
  dataReplication: entry('dataReplication', 'Data replication', 'Keep copies of the data in other places so a lost primary loses only the replication lag.', ['High', 'High', 'Excellent', 'Very High']),
  containers: entry('containers', 'Containerization', 'Package the gateway as containers an orchestrator restarts, reschedules and scales.', ['Medium', 'Low-Medium', 'Excellent', 'High']),
  serverless: entry('serverless', 'Serverless', 'Let a managed platform run and scale the gateway, leaving instance failures to the provider.', ['Low', 'Low', 'Excellent', 'High']),
  monitoring: entry('monitoring', 'Monitoring', 'Alarms and on-call people notice failures in minutes instead of waiting for users to complain.', ['Low', 'Low-Medium', 'Good', 'Medium']),
  regularTesting: entry('regularTesting', 'Regular testing', 'Rehearse failovers and restores in drills so they work when they are needed.', ['Medium', 'Medium', 'N/A', 'High']),
};

const matrixSource: FigureMeta = {
  source: 'shared/reference/source-article.txt, "Quick Comparison" and "Comparing Strategies" tables',
  // The article is undated; it quotes Kong Gateway 3.8.0.0, released in September 2024.
  asOf: '2024-09',
  flag: 'published',
  note: "The article's qualitative judgement, not a measurement; the simulator measures each strategy's effect on a plan.",
};

const level = <K extends string, V>(field: string, value: Record<K, V>): Figure<Record<K, V>> => ({
  value,
  source: `${RESEARCH} §4b / §6 strategy_matrix_mapping.${field}`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note: 'No published tables exist; anchored on RDS Multi-AZ ≈ 2× and the AWS DR whitepaper cost ordering.',
});

const levels = {
  /** Initial engineering effort in person-weeks (range Low 1–3, Medium 4–8, High 10–20). */
  complexityPersonWeeks: level<ComplexityLevel, number>('complexity_person_weeks', { Low: 2, Medium: 6, High: 14 }),
  /** Ongoing operations in full-time equivalents. */
  complexityOpsFte: level<ComplexityLevel, number>('complexity_ops_fte', { Low: 0.05, Medium: 0.15, High: 0.35 }),
  /** Multiplier on the baseline monthly infrastructure cost. */
  costMultiplier: level<CostLevel, number>('cost_multiplier', { Low: 1.05, 'Low-Medium': 1.15, Medium: 1.4, High: 2.1 }),
  /** 0–1 score; N/A has none. */
  scalabilityScore: level<ScalabilityLevel, number | null>('scalability_score', { Good: 0.7, Excellent: 0.9, 'N/A': null }),
  /** Fraction of the downtime of the failure class the strategy addresses that it removes. */
  effectivenessDowntimeReduction: level<EffectivenessLevel, number>('effectiveness_downtime_reduction', { Medium: 0.3, High: 0.7, 'Very High': 0.95 }),
};

export const STRATEGIES_CATALOG = {
  order: STRATEGY_IDS,
  byId,
  matrixSource,
  levels,
};
