// `resilience report <plan.json> [--variants patch.json …] [--sensitivity] --format md|html|pdf --out FILE`:
// simulates the plan (and its variants, its strategies, its scenarios, its sensitivity when asked)
// on one seed and writes a review report through sim/report's pure builder. PDF goes through a local
// Chromium's headless print-to-PDF; without one the command says so and exits 2.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyVariant, compareDesigns, designsWithVariants, PatchApplyError, type Comparison, type DesignInput } from '../../../analysis/compare';
import { DesignError, evaluateDesign } from '../../../analysis/design';
import { runSensitivity, type SensitivityResult, type UserRanges } from '../../../analysis/sensitivity';
import { measureStrategies } from '../../../analysis/strategyMatrix';
import { runScenarios } from '../../../engine/scenarios';
import { buildReport, renderHtml, renderMarkdown } from '../../../report/buildReport';
import type { ReviewData } from '../../../report/reviewData';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../cliTypes';
import { loadPlanForRun, poolRunner, readJsonFile, RUN_FLAGS, RUN_USAGE, runFlags, runSettings, stepProgress } from './planRun';
import { readRangesFile } from './sensitivity';
import { readResultForPlan } from './resultInput';
import { costOfPlan } from '../../../cost';
import { loadSimjsNode } from '../../pools/loadSimjsNode';

const USAGE = `Usage: resilience report <plan.json> [--variants [patch.json …]] [--sensitivity] [--ranges FILE] --format md|html|pdf --out FILE [run options]
       resilience report <plan.json> --result FILE --format md|html|pdf --out FILE

Writes a design-review report: the diagram, the plan's assumptions with their sources, the
results with 95 % intervals and charts, objectives met or missed, scenarios, cost and TCO, the
measured strategy matrix, the comparison with each variant (Pareto chart) and the tornado when
asked, and a reproducibility block (plan hash, seed, run size, version, the command to rerun).
Every simulation shares one seed, so the same file and seed give the same numbers.
  --variants [FILE…] compare the plan with its own variants (its "variants" list) and with these
                    JSON Patches or whole plans; several files may follow, or none
  --sensitivity     add the sensitivity analysis (tornado), as "resilience sensitivity" runs it
  --ranges FILE     user ranges for the sensitivity analysis (see "resilience sensitivity --help")
  --format F        md (Markdown, charts inline), html (one self-contained file) or pdf (needs Chromium)
  --out FILE        where to write the report
  --result FILE     report a finished run instead of simulating: a "simulate --json" or "merge" result of
                    this very plan (checked by its planSha256); the strategy matrix and scenarios are left out
${RUN_USAGE}`;

/** The CLI's version, as `resilience --version` prints it. */
function productVersion(): string {
  // Source and bundled builds sit at different depths: take the nearest package.json above this module.
  for (const up of ['../package.json', '../../package.json', '../../../package.json', '../../../../package.json']) {
    const url = new URL(up, import.meta.url);
    if (existsSync(url)) return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

/** A shell word: bare when it is safe, single-quoted otherwise. */
const shellWord = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * `--variants a b c` takes every following argument up to the next option; `--variants` alone
 * compares the plan's own variants only.
 */
function splitVariants(args: string[]): { rest: string[]; variants: string[]; compare: boolean } {
  const rest: string[] = [];
  const variants: string[] = [];
  let compare = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--variants') {
      rest.push(args[i]!);
      continue;
    }
    compare = true;
    while (i + 1 < args.length && !args[i + 1]!.startsWith('--')) variants.push(args[++i]!);
  }
  return { rest, variants, compare };
}

/** The system Chromium, or null (looked up on PATH, then the usual Debian places). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.RESILIENCE_CHROMIUM !== undefined) return env.RESILIENCE_CHROMIUM !== '' && existsSync(env.RESILIENCE_CHROMIUM) ? env.RESILIENCE_CHROMIUM : null;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim() !== '') return found.stdout.trim();
  }
  return null;
}

/** HTML to PDF through headless Chromium's print-to-PDF; null on success, else the reason. */
function printToPdf(chromium: string, html: string, out: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'resilience-report-'));
  try {
    const page = join(dir, 'report.html');
    writeFileSync(page, html);
    const run = spawnSync(
      chromium,
      ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${resolvePath(out)}`, pathToFileURL(page).href],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (run.error) return `Chromium could not be started (${run.error.message})`;
    if (!existsSync(out)) return `Chromium did not write the PDF (exit ${run.status})`;
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'write a design-review report (Markdown, one-file HTML or PDF) with charts and a rerun command',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { rest, variants, compare } = splitVariants(args);
    const { positionals, flags } = parseArgs(rest, { format: 'string', out: 'string', sensitivity: 'boolean', ranges: 'string', result: 'string', ...RUN_FLAGS });
    if (positionals.length !== 1) throw new UsageError('report needs exactly one plan file');
    const format = flags.format;
    if (format !== 'md' && format !== 'html' && format !== 'pdf') throw new UsageError('--format must be md, html or pdf');
    if (typeof flags.out !== 'string') throw new UsageError('--out FILE is required');
    if (flags.ranges !== undefined && !flags.sensitivity) throw new UsageError('--ranges applies to --sensitivity; add --sensitivity');
    const out = flags.out;
    const run = runFlags(flags);
    const resultFile = typeof flags.result === 'string' ? flags.result : undefined;
    if (resultFile !== undefined && (compare || variants.length > 0 || flags.sensitivity)) throw new UsageError('--result reports a finished run; --variants and --sensitivity would simulate again, so leave them out (or leave out --result)');
    if (resultFile !== undefined && (run.seed !== undefined || run.replications !== undefined || run.years !== undefined)) throw new UsageError('--result gives the seed and run size of the report; leave out --seed, --replications and --years');
    const file = positionals[0]!;
    const say = (message: string): number => {
      io.stderr(`resilience report: ${message}\n`);
      return EXIT.badInput;
    };
    // Refuse before simulating anything when the PDF could not be written anyway.
    const chromium = format === 'pdf' ? findChromium() : null;
    if (format === 'pdf' && chromium === null) return say('--format pdf needs a local Chromium and none is installed (looked for chromium, chromium-browser, google-chrome on PATH); write --format html and print it from a browser instead');

    let data: ReviewData;
    const loaded = loadPlanForRun(file);
    if (!loaded.ok) return say(loaded.message);
    if (resultFile !== undefined) {
      const read = readResultForPlan(resultFile, loaded.plan);
      if (!read.ok) return say(read.message);
      const result = read.document;
      data = {
        plan: loaded.plan,
        simulation: result,
        cost: costOfPlan(loaded.plan, loaded.resolved, { requestWeightedAvailability: result.availability.requestWeighted.mean }),
        reproducibility: {
          planHash: createHash('sha256').update(readFileSync(file)).digest('hex'),
          seed: result.seed,
          replications: result.replications,
          horizonYears: result.horizonYears,
          productVersion: productVersion(),
          command: `resilience report ${shellWord(file)} --result ${shellWord(resultFile)} --format ${format} --out ${shellWord(out)}`,
          resultFile: basename(resultFile),
        },
      };
      return writeReport(data, format, out, chromium, say, io);
    }
    let ranges: UserRanges | undefined;
    if (typeof flags.ranges === 'string') {
      const read = readRangesFile(flags.ranges);
      if (!read.ok) return say(read.message);
      ranges = read.ranges;
    }
    let inputs: DesignInput[] = [{ label: basename(file), plan: loaded.plan }];
    if (compare) {
      try {
        inputs = designsWithVariants(loaded.plan, basename(file));
      } catch (error) {
        if (!(error instanceof PatchApplyError)) throw error;
        return say(error.message);
      }
    }
    for (const v of variants) {
      const read = readJsonFile(v);
      if (!read.ok) return say(read.message);
      try {
        inputs.push({ label: Array.isArray(read.value) ? `${inputs[0]!.label} + ${basename(v)}` : basename(v), plan: Array.isArray(read.value) ? applyVariant(inputs[0]!.plan, read.value, basename(v)) : read.value });
      } catch (error) {
        if (!(error instanceof PatchApplyError)) throw error;
        return say(error.message);
      }
    }
    if (compare && inputs.length < 2) return say('--variants: the plan keeps no variants of its own and no variant file was given; there is nothing to compare');
    const settings = runSettings(run, loaded.resolved);
    const progress = stepProgress(io, 'report');
    const runner = poolRunner(run.workers, progress.replication);
    try {
      progress.step(1, 1, 'plan');
      const base = await evaluateDesign(loaded.plan, settings, runner);
      const strategies = await measureStrategies(loaded.plan, settings, runner, progress.step);
      let comparison: Comparison | undefined;
      if (inputs.length > 1) comparison = await compareDesigns(inputs, settings, runner, progress.step);
      let sensitivity: SensitivityResult | undefined;
      if (flags.sensitivity) sensitivity = await runSensitivity(loaded.plan, settings, runner, { ranges }, progress.step);
      if (loaded.resolved.scenarios.length > 0) loadSimjsNode();
      const scenarios = loaded.resolved.scenarios.length > 0 ? runScenarios(loaded.resolved, { replications: settings.replications, seed: settings.seed }) : undefined;
      const command = [
        'resilience report',
        shellWord(file),
        ...(compare ? ['--variants', ...variants.map(shellWord)] : []),
        ...(flags.sensitivity ? ['--sensitivity'] : []),
        ...(typeof flags.ranges === 'string' ? ['--ranges', shellWord(flags.ranges)] : []),
        `--seed ${settings.seed} --replications ${settings.replications} --years ${settings.horizonYears}`,
        `--format ${format} --out ${shellWord(out)}`,
      ].join(' ');
      data = {
        plan: loaded.plan,
        simulation: base.result,
        cost: base.cost,
        strategies,
        comparison,
        sensitivity,
        scenarios,
        reproducibility: {
          planHash: createHash('sha256').update(readFileSync(file)).digest('hex'),
          seed: settings.seed,
          replications: base.result.replications,
          horizonYears: base.result.horizonYears,
          productVersion: productVersion(),
          command,
        },
      };
    } catch (error) {
      progress.clear();
      if (!(error instanceof DesignError)) throw error;
      return say(error.message);
    }
    progress.clear();
    return writeReport(data, format, out, chromium, say, io);
  },
};

/** Builds the report and writes it in the asked format; the exit code. */
function writeReport(data: ReviewData, format: 'md' | 'html' | 'pdf', out: string, chromium: string | null, say: (message: string) => number, io: CliIO): number {
  const doc = buildReport(data);
  try {
    if (format === 'md') writeFileSync(out, renderMarkdown(doc));
    else if (format === 'html') writeFileSync(out, renderHtml(doc));
    else {
      const failed = printToPdf(chromium!, renderHtml(doc), out);
      if (failed) return say(failed);
    }
  } catch (error) {
    return say(`cannot write "${out}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  io.stderr(`resilience report: wrote ${out} (${format})\n`);
  return EXIT.ok;
}
