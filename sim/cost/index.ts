/**
 * The cost model's public surface: the rate card and the itemised monthly cost of a plan.
 * Pure; must not import sim/entry, Node, DOM or React.
 */
export { costOfPlan, steadyInstances, MINUTES_PER_MONTH, type CostLine, type CostOptions, type CostReport } from './costModel';
export { nominalLoad, type NodeLoad } from './nominalLoad';
export { buildRateCard, rateCardIssues, USAGE_ASSUMPTIONS, type CostSettingIssue, type Rate, type RateCard } from './rateCard';
