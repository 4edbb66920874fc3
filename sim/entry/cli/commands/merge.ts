// `resilience merge <shard.json>... [--out FILE]`: pools the shard files of one run (written by
// `simulate --shard K/N`) into exactly the document `simulate --json` prints for the whole run; only
// wallSeconds differs (here: the shards' wall times added up). Refuses, in one sentence, shards of
// different runs, a shard given twice and missing shards.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { clientOrigins } from '../../../engine/monteCarlo';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../cliTypes';
import { MergeRefused, mergeShardFiles } from '../shardFile';
import { simulationDocument } from '../simulationDocument';

const USAGE = `Usage: resilience merge <shard.json>... [--out FILE]

Combines the shard files of one run (from "resilience simulate <plan> --shard K/N") into the result
"resilience simulate <plan> --json" prints for the whole run: the same JSON in every field but
wallSeconds (here the sum of the shards' wall times). Every shard 1..N must be given exactly once,
all of the same plan, seed, run size and horizon.
  --out FILE  write the result here instead of stdout
  --json      accepted for symmetry with simulate: the output is always the JSON document`;

/** Shard files hold raw RTO/RPO samples up to 2^20 per run; far above that is not a shard file. */
const MAX_SHARD_BYTES = 512 * 1024 * 1024;

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'merge the shard files of a sharded run into the simulate --json result',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positionals, flags } = parseArgs(args, { out: 'string', json: 'boolean' });
    if (positionals.length === 0) throw new UsageError('merge needs the shard files of one run');
    const files: Array<{ name: string; content: unknown }> = [];
    for (const path of positionals) {
      let text: string;
      try {
        const stats = statSync(path);
        if (!stats.isFile()) throw Object.assign(new Error('not a file'), { code: 'not a regular file' });
        if (stats.size > MAX_SHARD_BYTES) throw Object.assign(new Error('too large'), { code: `${Math.round(stats.size / 2 ** 20)} MB, above the 512 MB a shard file may have` });
        text = readFileSync(path, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        io.stderr(`resilience merge: cannot read "${path}" (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}).\n`);
        return EXIT.badInput;
      }
      try {
        files.push({ name: path, content: JSON.parse(text) as unknown });
      } catch {
        io.stderr(`resilience merge: ${path} is not a shard file: it is not valid JSON.\n`);
        return EXIT.badInput;
      }
    }
    let merged;
    try {
      merged = mergeShardFiles(files);
    } catch (error) {
      if (!(error instanceof MergeRefused)) throw error;
      io.stderr(`resilience merge: ${error.message}.\n`);
      return EXIT.badInput;
    }
    const { rawPlan, plan, seed, statistics, wallSeconds } = merged;
    const document = simulationDocument(rawPlan, plan, { ...statistics.result(plan, seed, clientOrigins(plan)), wallSeconds });
    const text = `${JSON.stringify(document)}\n`;
    if (flags.out === undefined) io.stdout(text);
    else {
      try {
        writeFileSync(flags.out as string, text);
      } catch (error) {
        io.stderr(`resilience merge: cannot write "${String(flags.out)}" (${(error as NodeJS.ErrnoException).code ?? String(error)}).\n`);
        return EXIT.badInput;
      }
    }
    return EXIT.ok;
  },
};
