// Shards of one Monte Carlo run: which replications shard K of N runs, the file a shard writes (the
// run's identity plus its mergeable running statistics) and the checks `merge` makes before pooling
// shard files into the `simulate --json` result. Imports only sim/model and sim/engine.
import type { Plan } from '../../model/schema';
import { validatePlan } from '../../model/validate';
import { planSha256 } from '../../model/planHash';
import type { ResolvedPlan } from '../../model/resolve';
import { RunStatistics } from '../../engine/runStatistics';
import type { RunStatisticsState } from '../../engine/runStatistics';

export const SHARD_FORMAT = 'resilience-shard';
export const SHARD_VERSION = 1;

export interface ShardSpec {
  /** 1-based shard number K. */
  index: number;
  /** Shard count N. */
  count: number;
}

/** "K/N" with 1 ≤ K ≤ N ≤ 100000, or a sentence saying what is wrong. */
export function parseShardSpec(text: string): ShardSpec | string {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return `--shard must be K/N (shard K of N, e.g. 2/4), not "${text}"`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > 100_000) return `--shard N must be from 1 to 100000, not ${count}`;
  if (index < 1 || index > count) return `--shard K must be from 1 to N (${count}), not ${index}`;
  return { index, count };
}

/** Replications ⌊(K−1)R/N⌋ to ⌊KR/N⌋ − 1: N shards cover 0..R−1 exactly once, in near-equal parts. */
export function shardRange(spec: ShardSpec, replications: number): { from: number; to: number } {
  return { from: Math.floor(((spec.index - 1) * replications) / spec.count), to: Math.floor((spec.index * replications) / spec.count) };
}

/** "sha256:" and the plan's SHA-256 (sim/model/planHash.ts: validated, edge ids filled, keys sorted). */
export function planHash(plan: Plan): string {
  return `sha256:${planSha256(plan)}`;
}

export interface ShardFile {
  format: typeof SHARD_FORMAT;
  version: typeof SHARD_VERSION;
  planHash: string;
  /** The validated plan itself, so merge needs nothing but the shard files. */
  planDocument: Plan;
  seed: number;
  /** Replications of the whole run (R), not of this shard. */
  replications: number;
  horizonYears: number;
  shard: ShardSpec & { fromReplication: number; toReplication: number };
  wallSeconds: number;
  statistics: RunStatisticsState;
}

export interface RunIdentity {
  plan: Plan;
  seed: number;
  replications: number;
  horizonYears: number;
}

export function shardFile(run: RunIdentity, spec: ShardSpec, statistics: RunStatistics, wallSeconds: number): ShardFile {
  const { from, to } = shardRange(spec, run.replications);
  return {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    planHash: planHash(run.plan),
    planDocument: run.plan,
    seed: run.seed,
    replications: run.replications,
    horizonYears: run.horizonYears,
    shard: { ...spec, fromReplication: from, toReplication: to },
    wallSeconds,
    statistics: statistics.toJSON(),
  };
}

/** A refusal to merge: one sentence for the user. */
export class MergeRefused extends Error {}

export interface MergedRun {
  /** The plan document as validated, and resolved. */
  rawPlan: Plan;
  plan: ResolvedPlan;
  seed: number;
  statistics: RunStatistics;
  /** Sum of the shards' wall times (the run's compute time, not the time it took end to end). */
  wallSeconds: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one parsed file's shape; names the file and the field. */
function checkShape(name: string, value: unknown): ShardFile {
  if (!isRecord(value) || value.format !== SHARD_FORMAT) throw new MergeRefused(`${name} is not a shard file (no "format": "${SHARD_FORMAT}"); write one with "resilience simulate <plan> --shard K/N --out <file>"`);
  if (value.version !== SHARD_VERSION) throw new MergeRefused(`${name} is a shard file of version ${String(value.version)}; this resilience reads version ${SHARD_VERSION}`);
  const whole = (v: unknown, min: number) => typeof v === 'number' && Number.isInteger(v) && v >= min;
  const shard = value.shard;
  const problems: string[] = [];
  if (typeof value.planHash !== 'string') problems.push('"planHash" must be a string');
  if (!isRecord(value.planDocument)) problems.push('"planDocument" must be an object');
  if (!whole(value.seed, 0)) problems.push('"seed" must be a whole number');
  if (!whole(value.replications, 1)) problems.push('"replications" must be a whole number ≥ 1');
  if (!(typeof value.horizonYears === 'number' && value.horizonYears > 0)) problems.push('"horizonYears" must be a number above 0');
  if (!isRecord(shard) || !whole(shard.index, 1) || !whole(shard.count, 1) || !whole(shard.fromReplication, 0) || !whole(shard.toReplication, 0)) {
    problems.push('"shard" must hold whole numbers index, count, fromReplication and toReplication');
  }
  if (typeof value.wallSeconds !== 'number') problems.push('"wallSeconds" must be a number');
  if (!isRecord(value.statistics)) problems.push('"statistics" must be an object');
  if (problems.length > 0) throw new MergeRefused(`${name} is not a valid shard file: ${problems.join('; ')}`);
  return value as unknown as ShardFile;
}

/**
 * Pools the shard files of one run. Refuses, naming the files: shards of different plans, seeds,
 * run sizes, horizons or shard counts; a shard given twice; missing shards; a shard whose plan does
 * not match its recorded hash or whose statistics do not cover its replications.
 */
export function mergeShardFiles(files: ReadonlyArray<{ name: string; content: unknown }>): MergedRun {
  if (files.length === 0) throw new MergeRefused('no shard files given');
  const shards = files.map((f) => ({ name: f.name, file: checkShape(f.name, f.content) }));
  const first = shards[0]!;
  const same: Array<[keyof ShardFile | 'shard count', (s: ShardFile) => unknown, string]> = [
    ['planHash', (s) => s.planHash, 'plans'],
    ['seed', (s) => s.seed, 'seeds'],
    ['replications', (s) => s.replications, 'run sizes (replications)'],
    ['horizonYears', (s) => s.horizonYears, 'horizons (years)'],
    ['shard count', (s) => s.shard.count, 'shard counts'],
  ];
  for (const [field, get, what] of same) {
    const other = shards.find((s) => get(s.file) !== get(first.file));
    if (other) {
      throw new MergeRefused(`${other.name} and ${first.name} are shards of different runs: different ${what} (${field} ${String(get(other.file))} vs ${String(get(first.file))})`);
    }
  }
  const { count } = first.file.shard;
  const seen = new Map<number, string>();
  for (const { name, file } of shards) {
    const k = file.shard.index;
    if (k > count) throw new MergeRefused(`${name} claims shard ${k} of ${count}`);
    const earlier = seen.get(k);
    if (earlier !== undefined) throw new MergeRefused(`shard ${k}/${count} is given twice: ${earlier} and ${name}`);
    seen.set(k, name);
    const { from, to } = shardRange(file.shard, file.replications);
    if (file.shard.fromReplication !== from || file.shard.toReplication !== to) {
      throw new MergeRefused(`${name}: shard ${k}/${count} of ${file.replications} replications must cover replications ${from}–${to - 1}, but records ${file.shard.fromReplication}–${file.shard.toReplication - 1}`);
    }
    if (file.statistics.replications !== to - from) throw new MergeRefused(`${name}: its statistics hold ${String(file.statistics.replications)} replications, but shard ${k}/${count} has ${to - from}`);
  }
  const missing: number[] = [];
  for (let k = 1; k <= count; k++) if (!seen.has(k)) missing.push(k);
  if (missing.length > 0) {
    const list = missing.length > 10 ? `${missing.slice(0, 10).join(', ')} and ${missing.length - 10} more` : missing.join(', ');
    throw new MergeRefused(`shard${missing.length === 1 ? '' : 's'} ${list} of ${count} ${missing.length === 1 ? 'is' : 'are'} missing; a merge needs all ${count}`);
  }
  // The plan travels with every shard; it must still be the plan the hash names.
  const document = first.file.planDocument;
  if (planHash(document) !== first.file.planHash) throw new MergeRefused(`${first.name}: its plan does not match its planHash (the file was edited after it was written)`);
  const validated = validatePlan(document);
  if (!validated.ok || !validated.resolved) throw new MergeRefused(`${first.name}: its plan is not a valid plan for this version of resilience (${validated.errors[0]?.message ?? 'unknown error'})`);
  let statistics: RunStatistics | undefined;
  let wallSeconds = 0;
  for (const { name, file } of shards) {
    let part: RunStatistics;
    try {
      part = RunStatistics.fromJSON(file.statistics);
    } catch (error) {
      throw new MergeRefused(`${name}: its statistics cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    if (statistics) {
      try {
        statistics.merge(part);
      } catch (error) {
        throw new MergeRefused(`${name}: its statistics do not fit the other shards (${error instanceof Error ? error.message : String(error)})`);
      }
    } else statistics = part;
    wallSeconds += file.wallSeconds;
  }
  return { rawPlan: validated.plan ?? document, plan: validated.resolved, seed: first.file.seed, statistics: statistics!, wallSeconds };
}
