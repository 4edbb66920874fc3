/**
 * What a run in the app produces: the CLI's result object (same fields, same values for the same
 * plan and seed) plus what only the dashboard needs, derived from every replication before the
 * per-replication summaries are dropped: reduced RTO/RPO samples and downtime by first cause.
 */
import type { SimulationResult } from '../../sim/engine/monteCarlo';
import type { CauseKind } from '../../sim/engine/model';
import type { PrecisionOutcome } from '../../sim/engine/precision';
import type { ScenarioExpectation } from '../../sim/export/types';
import type { ScenarioResult } from '../../sim/engine/scenarios';

export interface RunSettings {
  horizonYears: number;
  replications: number;
  seed: number;
}

/** A sorted sample, reduced to at most SAMPLE_POINTS evenly spaced order statistics. */
export interface ReducedSample {
  /** How many samples the run produced. */
  count: number;
  /** Ascending; each point stands for count / values.length samples. */
  values: number[];
}

export interface CauseShare {
  kind: CauseKind;
  /** The engine's id: node id, `node#i`, region id, `region/zone` or common-cause id. */
  id: string;
  label: string;
  incidents: number;
  downtimeHours: number;
  lostRequests: number;
  /** Plan node ids the cause takes down (what the canvas highlights). */
  nodes: string[];
  /** Plan region ids the cause takes down. */
  regions: string[];
}

/** A scripted scenario's outcome; filled once the engine replays scenarios (see scenarios.ts). */
export interface ScenarioRow {
  id: string;
  description: string;
  rtoSeconds: number | null;
  rpoSeconds: number | null;
  lostRequests: number;
}

export interface RunOutcome {
  planName: string;
  settings: RunSettings;
  result: SimulationResult;
  rtoSample: ReducedSample;
  rpoSample: ReducedSample;
  /** Over the incident records of every replication, largest downtime first. */
  causes: CauseShare[];
  /** Incidents the causes cover (the engine keeps a capped number of records per replication). */
  causeCoverage: { recorded: number; incidents: number };
  /** Share of replications whose availability over the whole horizon met the objective (null: no objective). */
  availabilityMetShare: number | null;
  /** Per plan node (and region): share of recorded downtime in incidents whose first cause took it down. */
  heat: { nodes: Record<string, number>; regions: Record<string, number> };
  /** null: the engine does not replay scripted scenarios yet (or the plan has none). */
  scenarios: ScenarioRow[] | null;
  /**
   * The scenarios' numbers the drill exports quote (as `resilience export --format fis` computes
   * them). Absent in results kept from versions that did not record them.
   */
  scenarioExpectations?: ScenarioExpectation[] | null;
  /** The engine's scenario results as run (what a review report shows), null when none were run. */
  scenarioResults?: ScenarioResult[] | null;
  scenariosDefined: number;
  workers: number;
  /** True when Web Workers were unavailable and the run used the window's own thread. */
  mainThread: boolean;
  /** A precision run: what it aimed at and whether the target or the cap stopped it. */
  precision?: PrecisionOutcome;
  /** Read from a result file (Open result…) rather than run here: its name and whether its plan hash matched. */
  source?: { file: string; planMatches: boolean };
}
