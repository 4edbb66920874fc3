// Reads a plan file for a CLI command: one clear sentence for a missing file, a directory or
// unreadable text, then the model's own loading (JSON, migration, validation).
import { readFileSync, statSync } from 'node:fs';
import { loadPlanText, type LoadResult } from '../model/io';

export type PlanFileResult = { ok: true; load: LoadResult } | { ok: false; message: string };

export function readPlanFile(path: string): PlanFileResult {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return { ok: false, message: `cannot read "${path}": no such file.` };
  }
  if (stats.isDirectory()) return { ok: false, message: `cannot read "${path}": it is a directory, not a plan file.` };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { ok: false, message: `cannot read "${path}" (${code}).` };
  }
  return { ok: true, load: loadPlanText(text) };
}
