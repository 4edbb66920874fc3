/**
 * What the Export dialog shows and saves, without React: the files of a format for a plan (a plan
 * with errors gets the errors instead), the highlighting language of each file, and a zip of them.
 */
import { zipSync, strToU8 } from 'fflate';
import { getExportFormat } from '../../sim/export/registry';
import type { ExportOptions, ExportResult } from '../../sim/export/types';
import type { Issue } from '../../sim/model/issues';
import type { Plan } from '../../sim/model/schema';
import { validatePlan } from '../../sim/model/validate';

export type ExportPreview = { ok: true; result: ExportResult } | { ok: false; errors: Issue[] };

/** Runs a format on a plan; a plan with validation errors is not exported (its errors are returned). */
export function previewExport(plan: Plan, formatId: string, options: ExportOptions = {}): ExportPreview {
  const validation = validatePlan(plan);
  if (!validation.ok || !validation.plan) return { ok: false, errors: validation.errors };
  const format = getExportFormat(formatId);
  if (!format) throw new Error(`unknown export format "${formatId}"`);
  return { ok: true, result: format.generate(validation.plan, options) };
}

/** The highlight.js language for a file, by its name. */
export function languageOf(path: string): 'yaml' | 'json' | 'markdown' | 'ini' | 'plaintext' {
  if (/\.ya?ml$/.test(path)) return 'yaml';
  if (/\.json$/.test(path)) return 'json';
  if (/\.md$/.test(path)) return 'markdown';
  if (/\.tf$|\.env$|^\.env$|\/\.env$/.test(path)) return 'ini';
  return 'plaintext';
}

/** The files as one zip archive, each under `folder/` (so unzipping makes one folder). */
export function zipFiles(files: ReadonlyArray<{ path: string; content: string }>, folder: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[`${folder}/${f.path}`] = strToU8(f.content);
  // A fixed time, so the same export gives the same bytes.
  return zipSync(entries, { mtime: new Date('2020-01-01T00:00:00Z') });
}

/** A folder or file name from a plan's name and a format id, e.g. `warm-standby-terraform`. */
export function bundleName(planName: string, formatId: string): string {
  const base = planName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'plan';
  return `${base}-${formatId}`;
}
