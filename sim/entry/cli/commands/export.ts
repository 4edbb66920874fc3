// `resilience export <plan.json> --format <id> --out <dir> [--force]`: writes a plan as
// infrastructure-as-code, manifests or chaos drills (the formats of sim/export's registry), prints
// what it wrote and every warning (a value AWS cannot express, a region left out, a scenario part no
// tool injects). Drill formats first replay the plan's scenarios for the numbers they quote.
// Exit 0 written, 2 bad input.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { runScenarios } from '../../../engine/scenarios';
import { scenarioExpectations } from '../../../export/chaos/expectations';
import { exportFormats, getExportFormat } from '../../../export/registry';
import type { ExportFile, ExportFormat, ExportOptions } from '../../../export/types';
import { formatIssue } from '../../../model/issues';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../cliTypes';
import { loadSimjsNode } from '../../pools/loadSimjsNode';
import { readPlanFile } from '../readPlanFile';

function formatList(): string {
  return exportFormats()
    .map((f) => f.id)
    .join(', ');
}

/** Where a generated file goes; refuses any path that would leave the output folder. */
function target(out: string, file: ExportFile): string {
  const path = normalize(file.path);
  if (isAbsolute(path) || path.split(sep).includes('..')) throw new Error(`the generator produced an unsafe path "${file.path}"`);
  const full = join(out, path);
  if (relative(out, full).startsWith('..')) throw new Error(`the generator produced an unsafe path "${file.path}"`);
  return full;
}

/** Writes each file beside its final name, then renames it, so a failure never leaves half a file. */
function writeFiles(out: string, files: ExportFile[]): void {
  for (const file of files) {
    const full = target(out, file);
    mkdirSync(dirname(full), { recursive: true });
    const tmp = `${full}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, file.content, { encoding: 'utf8', flag: 'wx' });
      renameSync(tmp, full);
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
  }
}

/** One sentence when the output folder cannot be used, else undefined. */
function checkOutput(out: string, force: boolean): string | undefined {
  let stats;
  try {
    stats = statSync(out);
  } catch {
    return undefined; // created below
  }
  if (!stats.isDirectory()) return `"${out}" exists and is not a folder`;
  const entries = readdirSync(out);
  if (entries.length > 0 && !force) return `"${out}" is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}); choose an empty folder or add --force to overwrite the exported files`;
  return undefined;
}

/** --shards and --image, refused for a format that does not read them. */
function exportOptions(format: ExportFormat, flags: Record<string, string | number | boolean | undefined>): ExportOptions {
  const options: ExportOptions = {};
  for (const name of ['shards', 'image'] as const) {
    if (flags[name] === undefined) continue;
    if (!format.options?.includes(name)) throw new UsageError(`--${name} is not an option of the ${format.id} format`);
  }
  if (flags.shards !== undefined) {
    const shards = flags.shards as number;
    if (!(shards >= 1 && shards <= 1000)) throw new UsageError('--shards must be from 1 to 1000');
    options.shards = shards;
  }
  if (flags.image !== undefined) {
    const image = String(flags.image);
    // An image reference: registry/path:tag or @digest, no spaces or shell characters.
    if (!/^[a-z0-9][a-z0-9._\-/:@]*$/i.test(image) || image.length > 255) throw new UsageError(`--image must be an image reference such as registry.example.com/resilience:0.1.0, not "${image}"`);
    options.image = image;
  }
  return options;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a plan as Terraform, CloudFormation, Kubernetes, compose, chaos drills or a sharded Kubernetes Job',
  usage: `Usage: resilience export <plan.json> --format <format> --out <folder> [--force]

Writes the plan as infrastructure-as-code into <folder>, with a README listing the inputs to
fill in (VPC, subnets, AMIs, certificates...), the deploy order and every warning.
  --format  ${formatList()}
${exportFormats()
  .map((f) => `              ${f.id}: ${f.description}`)
  .join('\n')}
  --out     the folder to write into; it must be empty or new
  --force   write into a non-empty folder, overwriting files with the same names
  --shards N  (k8s-job) shards of the run, one pod each, 1 to 1000 (default 4)
  --image I   (k8s-job) the container image with the resilience CLI (default "resilience", a local build)
Warnings (a value AWS cannot express and the nearest one written, a region left out, a scenario
part no tool can inject) are printed. The drill formats (fis, chaostoolkit) first replay the plan's
scenarios, as \`resilience scenarios\` does, and quote the RTO and lost writes each drill should reproduce.
Exit 0 when written, 2 for bad input (the plan, an option, an unusable folder).`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, flags } = parseArgs(args, { format: 'string', out: 'string', force: 'boolean', shards: 'integer', image: 'string' });
    if (positionals.length !== 1) throw new UsageError('export needs exactly one plan file');
    if (flags.format === undefined) throw new UsageError(`export needs --format (${formatList()})`);
    if (flags.out === undefined) throw new UsageError('export needs --out <folder>');
    const format = getExportFormat(String(flags.format));
    if (!format) throw new UsageError(`unknown format "${String(flags.format)}"; use one of ${formatList()}`);
    const options = exportOptions(format, flags);
    const file = positionals[0]!;
    const out = resolve(String(flags.out));

    const read = readPlanFile(file);
    if (!read.ok) {
      io.stderr(`resilience: ${read.message}\n`);
      return EXIT.badInput;
    }
    const { load } = read;
    if (!load.ok || !load.plan) {
      const n = load.errors.length;
      io.stderr(`✗ ${basename(file)}: ${n} error${n === 1 ? '' : 's'}; fix them before exporting (resilience validate lists them too)\n`);
      for (const error of load.errors) io.stderr(`  ${formatIssue(error)}\n`);
      return EXIT.badInput;
    }
    const problem = checkOutput(out, Boolean(flags.force));
    if (problem) {
      io.stderr(`resilience export: ${problem}.\n`);
      return EXIT.badInput;
    }

    const resolved = load.resolved;
    if (format.usesScenarioResults && resolved && resolved.scenarios.length > 0) {
      loadSimjsNode();
      const { replications, seed } = resolved.simulation;
      options.scenarioExpectations = scenarioExpectations(runScenarios(resolved, { replications, seed }), seed);
    }
    const result = format.generate(load.plan, options);
    try {
      mkdirSync(out, { recursive: true });
      writeFiles(out, result.files);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code) {
        io.stderr(`resilience export: cannot write into "${out}" (${code}).\n`);
        return EXIT.badInput;
      }
      throw error;
    }
    const w = result.warnings.length;
    io.stdout(`✓ ${basename(file)}: wrote ${result.files.length} ${format.label} files to ${out}${w ? `, ${w} warning${w === 1 ? '' : 's'}` : ''}\n`);
    for (const f of result.files) io.stdout(`  ${f.path}\n`);
    for (const warning of result.warnings) io.stdout(`  warning ${warning.code} ${warning.path}: ${warning.message}\n`);
    return EXIT.ok;
  },
};
