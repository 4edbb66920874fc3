/**
 * Shapes shared by every export format: the files a generator writes and the warnings it raises.
 * Pure data; must not import Node, the engine or any format's generator.
 */
import type { Plan } from '../model/schema';

export interface ExportFile {
  /** Relative path inside the output folder, '/'-separated (e.g. `main.tf`, `us-east-1.yaml`). */
  path: string;
  content: string;
}

export interface ExportWarning {
  /** Stable kebab-case code, e.g. `route53-interval-adjusted`. */
  code: string;
  /** JSON path of the plan field concerned (`nodes[3].healthCheck.intervalSeconds`, `$` for the plan). */
  path: string;
  message: string;
}

export interface ExportResult {
  files: ExportFile[];
  warnings: ExportWarning[];
}

/** What the simulator predicts for one scripted scenario (from `resilience scenarios`): the numbers a real drill should reproduce. */
export interface ScenarioExpectation {
  id: string;
  replications: number;
  seed: number;
  rtoP50Seconds: number | null;
  rtoMaxSeconds: number | null;
  rpoMaxSeconds: number | null;
  lostWritesMean: number;
}

/** Extra facts a caller may hand a generator; formats that do not need them ignore them. */
export interface ExportOptions {
  /** Shards a distributed run is split into. */
  shards?: number;
  /** Container image that holds the `resilience` CLI. */
  image?: string;
  /** Scenario results computed by the caller (the engine is not imported by sim/export). */
  scenarioExpectations?: ScenarioExpectation[];
}

/** One export format. A later format (Kubernetes, compose, FIS...) registers another of these. */
export interface ExportFormat {
  /** Identifier used by `--format` and the Export dialog, e.g. `terraform`. */
  id: string;
  /** Name shown to people, e.g. `Terraform (AWS)`. */
  label: string;
  /** One sentence for help texts and the dialog. */
  description: string;
  /** The cloud the files target (a dialog can group formats by it). */
  target: 'aws' | 'kubernetes' | 'compose' | 'chaos';
  /** Which ExportOptions this format reads; the CLI refuses the others. */
  options?: ReadonlyArray<keyof ExportOptions>;
  /** The drills quote simulated numbers: a caller that can run the plan's scenarios passes them in `options`. */
  usesScenarioResults?: boolean;
  /** Pure: a valid plan in, files and warnings out. Never throws on a valid plan. */
  generate(plan: Plan, options?: ExportOptions): ExportResult;
}
