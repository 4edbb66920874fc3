/**
 * The engine's public face: what entry points (CLI, workers, app) and other engine parts import.
 * Environment-free; imports only sim/engine.
 */
export { installSimjs, getSimjs, EventCalendar, type SimjsNamespace, type TimerTarget } from './simjs';
export { streamFor, RandomStream } from './random';
export { compileDistribution, sample, samplerMean, type Sampler } from './distributions';
export { compileHealthCheck, sampleDetectionSeconds, type DetectionLaw } from './detection';
export { compileModel, type EngineModel } from './model';
export { runReplication, EventBudgetExceeded, DEFAULT_EVENT_BUDGET, type ReplicationSummary } from './replication';
export { runReplications, accumulateReplications, summarize, sampleStatistics, MINUTES_PER_YEAR, type SimulationResult, type RunOptions } from './monteCarlo';
export { RunStatistics, type RunStatisticsState } from './runStatistics';
export { Moments, PairedMoments, exactMean, exactVarianceOfMean } from './exactSum';
export { studentTQuantile, meanWithInterval } from './stats';
export type { IncidentRecord } from './metrics';
export { runScenario, runScenarios, type ScenarioResult } from './scenarios';
