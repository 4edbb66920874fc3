/**
 * A result file: the document `simulate --json` or `merge` writes (RESULT-CONTRACT.md), read back by
 * `report --result` and the app's Open result instead of simulating again. Validated with zod so a
 * damaged or foreign file gets one sentence naming the field; checked against a plan by its
 * planSha256. Node-free; imports zod, sim/model and sim/engine types.
 */
import { z } from 'zod';
import type { Plan } from '../model/schema';
import { planSha256 } from '../model/planHash';
import type { SimulationResult } from '../engine/monteCarlo';
import { PRECISION_MEASURES, type PrecisionOutcome } from '../engine/precision';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const count = z.number().int().min(0);
const nullableNumber = finite.nullable();
const meanWithInterval = z.object({ mean: finite, ci95: z.tuple([finite, finite]).nullable(), standardError: finite.min(0) });
const sample = z.object({ count, mean: nullableNumber, min: nullableNumber, p50: nullableNumber, p95: nullableNumber, p99: nullableNumber, max: nullableNumber });
const incident = z.object({
  startHours: finite,
  endHours: nullableNumber,
  lostRequests: finite,
  firstCause: z.object({ kind: z.enum(['node', 'instance', 'region', 'zone', 'commonCause']), id: z.string() }),
  lostWrites: finite,
  rpoSeconds: nullableNumber,
});

export const PrecisionOutcomeSchema = z.object({
  measure: z.enum(PRECISION_MEASURES),
  target: finite.positive(),
  relativeHalfWidth: nullableNumber,
  stoppedBecause: z.enum(['target-reached', 'cap']),
  maxReplications: count,
  batches: count,
});

/** The fields a result document must have; fields added later pass through unchecked. */
export const ResultDocumentSchema = z.object({
  plan: z.string(),
  planSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits (the SHA-256 of the plan)'),
  replications: z.number().int().min(1),
  horizonYears: finite.positive(),
  seed: count,
  availability: z.object({ requestWeighted: meanWithInterval, timeWeighted: meanWithInterval }),
  downtimeMinutesPerYear: meanWithInterval,
  lostRequestsPerYear: meanWithInterval,
  incidents: z.object({ count, perYear: finite, openAtHorizon: count, timeline: z.array(incident) }),
  rtoSeconds: sample,
  rpoSeconds: sample,
  data: z.object({
    promotions: count,
    promotionAttempts: count,
    restores: count,
    restoreAttempts: count,
    unrecoverableLosses: count,
    multiwriterLosses: count,
    writesLost: finite,
    writesLostPerYear: meanWithInterval,
  }),
  sloAttainment: z.object({ objective: finite, months: count, monthsMet: count, share: finite }).nullable(),
  objectives: z.record(z.string(), z.object({ target: finite, value: nullableNumber, met: z.boolean().nullable() })),
  byOrigin: z.array(z.object({ origin: z.string(), availability: finite, lostRequestsPerYear: finite })),
  events: count,
  wallSeconds: nullableNumber,
  notes: z.array(z.string()).default([]),
  precision: PrecisionOutcomeSchema.optional(),
});

export type ResultDocument = SimulationResult & { plan: string; planSha256: string; notes: string[]; precision?: PrecisionOutcome };

export type ParsedResult = { ok: true; document: ResultDocument } | { ok: false; message: string };

function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/**
 * A parsed JSON value as a result document, or one sentence: what the file is instead (a shard file,
 * not an object) or the first field that is missing or wrong, with the rule it breaks.
 */
export function parseResultDocument(value: unknown): ParsedResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'it is not a result: a result file is one JSON object, as "resilience simulate <plan> --json" or "resilience merge" writes it' };
  if ((value as { format?: unknown }).format === 'resilience-shard') return { ok: false, message: 'it is a shard file, not a result; combine the shards with "resilience merge <shard files> --out result.json" first' };
  const parsed = ResultDocumentSchema.safeParse(value, { reportInput: true });
  if (parsed.success) return { ok: true, document: parsed.data as ResultDocument };
  const issue = parsed.error.issues[0]!;
  const field = fieldName(issue.path);
  const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  const rule = missing ? 'is missing' : issue.message.replace(/^Invalid input: /, '');
  return { ok: false, message: `its field "${field || '(document)'}" ${missing ? rule : `is invalid: ${rule}`} (see sim/engine/RESULT-CONTRACT.md)` };
}

/** Parses result text (JSON) as parseResultDocument does; bad JSON is one sentence too. */
export function parseResultText(text: string): ParsedResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return { ok: false, message: 'it is not valid JSON' };
  }
  return parseResultDocument(value);
}

export type HashCheck = { ok: true; planSha256: string } | { ok: false; planSha256: string; message: string };

/** Whether the result was computed from this plan (its planSha256 equals the plan's). */
export function checkResultAgainstPlan(result: Pick<ResultDocument, 'planSha256' | 'plan'>, plan: Plan): HashCheck {
  const hash = planSha256(plan);
  if (hash === result.planSha256) return { ok: true, planSha256: hash };
  return {
    ok: false,
    planSha256: hash,
    message: `it was computed from a different plan ("${result.plan}", planSha256 ${result.planSha256.slice(0, 12)}…) than this one ("${plan.name}", ${hash.slice(0, 12)}…); simulate this plan again or open the plan the result belongs to`,
  };
}
