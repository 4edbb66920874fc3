// `report --result FILE`: a finished run's result file (simulate --json or merge), read, validated and
// checked against the plan's hash, so the report shows that run instead of simulating again.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Plan } from '../../../model/schema';
import { checkResultAgainstPlan, parseResultText, type ResultDocument } from '../../../report/resultFile';

/** A result holds the first replication's timeline and fixed-size statistics: far below this. */
const MAX_RESULT_BYTES = 64 * 1024 * 1024;

export type ResultInput = { ok: true; document: ResultDocument } | { ok: false; message: string };

/** The result file for this plan, or the sentence to print (exit 2): unreadable, not a result, another plan. */
export function readResultForPlan(path: string, plan: Plan): ResultInput {
  let text: string;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return { ok: false, message: `cannot read the result "${path}": it is not a regular file.` };
    if (stats.size > MAX_RESULT_BYTES) return { ok: false, message: `cannot read the result "${path}": it is ${Math.round(stats.size / 2 ** 20)} MB, above the 64 MB a result file may have.` };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read the result "${path}" (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}).` };
  }
  const parsed = parseResultText(text);
  if (!parsed.ok) return { ok: false, message: `${basename(path)} is not a simulate/merge result: ${parsed.message}.` };
  const check = checkResultAgainstPlan(parsed.document, plan);
  if (!check.ok) return { ok: false, message: `${basename(path)} does not belong to this plan: ${check.message}.` };
  return { ok: true, document: parsed.document };
}
