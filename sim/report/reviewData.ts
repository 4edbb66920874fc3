/**
 * ReviewData: everything a review report is built from, in one object, so the CLI and the app hand
 * the same input to the same builder. Types only; imports sim/model, sim/engine, sim/cost, sim/analysis types.
 */
import type { Plan } from '../model/schema';
import type { SimulationResult } from '../engine/monteCarlo';
import type { ScenarioResult } from '../engine/scenarios';
import type { CostReport } from '../cost';
import type { StrategyMatrix } from '../analysis/strategyMatrix';
import type { Comparison } from '../analysis/compare';
import type { SensitivityResult } from '../analysis/sensitivity';

/** How to regenerate the report: the same plan file (by hash), seed and run size. */
export interface Reproducibility {
  /** SHA-256 of the plan file's bytes (hex); the app hashes the saved document. */
  planHash: string;
  seed: number;
  replications: number;
  horizonYears: number;
  /** package.json version of the product that built the report. */
  productVersion: string;
  /** The exact command line that regenerates this report (the app gives its CLI equivalent). */
  command: string;
  /** The result file the simulation was read from (`report --result`), when it was not run here. */
  resultFile?: string;
}

/**
 * The input of buildReport. Only `plan` and `reproducibility` are required; each other part is a
 * section when present and is left out, with a line saying it was not run, when absent.
 * - plan: the validated plan document (the diagram and the assumptions come from it).
 * - simulation: `simulate`'s result for the plan (RESULT-CONTRACT.md), same seed as the rest.
 * - cost: `costOfPlan` priced with the simulation's availability (COST-CONTRACT.md).
 * - strategies: `measureStrategies`' matrix.
 * - comparison: `compareDesigns` over the plan and its variants (the plan first).
 * - sensitivity: `runSensitivity`'s tornado data.
 * - scenarios: `runScenarios`' results for the plan's scripted scenarios.
 * - diagramSvg: the plan drawn by planToSvg (the builder draws it when absent).
 * - generatedAt: shown as given (sim/ never reads the clock); omit for byte-identical reports.
 */
export interface ReviewData {
  plan: Plan;
  reproducibility: Reproducibility;
  simulation?: SimulationResult;
  cost?: CostReport;
  strategies?: StrategyMatrix;
  comparison?: Comparison;
  sensitivity?: SensitivityResult;
  scenarios?: ScenarioResult[];
  diagramSvg?: string;
  generatedAt?: string;
}
