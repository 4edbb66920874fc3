/**
 * Turns what the review panels hold into the one-file HTML review report: the same ReviewData and
 * the same builder as `resilience report`, plus the plan's hash, the product version and the CLI
 * command that regenerates the report (so a reader can rerun it without the app).
 */
import { buildReport, renderHtml } from '../../sim/report/buildReport';
import type { ReviewData } from '../../sim/report/reviewData';
import { serializePlan } from '../../sim/model/io';
import { version } from '../../package.json';
import type { ReviewInputs } from './reviewInputs';
import type { SensitivityResult } from '../../sim/analysis/sensitivity';
import { userRangesOfResult } from './sensitivityShape';

export const PRODUCT_VERSION: string = version;

/** A file name from the plan's name: letters, digits, dots, dashes; never empty. */
export function reportFileName(planName: string): string {
  const stem = planName.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${stem || 'plan'}-report.html`;
}

/** A word the shell passes through unchanged. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The CLI words that rerun a sensitivity analysis as it was run: `--sensitivity`, and the user's
 * ranges as inline JSON when any range was changed from the catalog's.
 */
export function sensitivityArgs(result: SensitivityResult): string[] {
  const ranges = userRangesOfResult(result);
  return Object.keys(ranges).length > 0 ? ['--sensitivity', '--ranges', shellWord(JSON.stringify(ranges))] : ['--sensitivity'];
}

/** SHA-256 (hex) of the text as UTF-8, through the browser's SubtleCrypto. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The report's input: the panels' parts, and how to regenerate it from the saved plan file. */
export function reviewDataOf(inputs: ReviewInputs, planHash: string, planFile: string, outFile: string): ReviewData {
  const { seed, replications, horizonYears } = inputs.run;
  // The same sections from the CLI: --variants brings the plan's own variants and the other files
  // compared; the sensitivity words carry the user's ranges.
  const command = [
    `resilience report ${shellWord(planFile)}`,
    ...(inputs.comparison ? ['--variants', ...(inputs.comparisonFiles ?? []).map(shellWord)] : []),
    ...(inputs.sensitivity ? sensitivityArgs(inputs.sensitivity) : []),
    `--seed ${seed} --replications ${replications} --years ${horizonYears} --format html --out ${shellWord(outFile)}`,
  ].join(' ');
  return {
    plan: inputs.plan,
    reproducibility: { planHash, seed, replications, horizonYears, productVersion: PRODUCT_VERSION, command },
    ...(inputs.simulation ? { simulation: inputs.simulation } : {}),
    ...(inputs.cost ? { cost: inputs.cost } : {}),
    ...(inputs.strategies ? { strategies: inputs.strategies } : {}),
    ...(inputs.comparison ? { comparison: inputs.comparison } : {}),
    ...(inputs.sensitivity ? { sensitivity: inputs.sensitivity } : {}),
    ...(inputs.scenarios ? { scenarios: inputs.scenarios } : {}),
  };
}

/** The HTML report for the panels' current data; the plan is hashed as it would be saved. */
export async function reportHtmlOf(inputs: ReviewInputs, planFile: string): Promise<{ html: string; fileName: string }> {
  const fileName = reportFileName(inputs.plan.name);
  const planHash = await sha256Hex(serializePlan(inputs.plan));
  return { html: renderHtml(buildReport(reviewDataOf(inputs, planHash, planFile, fileName))), fileName };
}
