/**
 * Loading and saving plan documents as text: JSON parsing with a readable position on syntax
 * errors, migration to the current version, validation; and a stable, pretty serialisation.
 * Never throws on any input. Imports only sim/model.
 */
import { makeIssue } from './issues';
import { migratePlan } from './migrations';
import type { Plan } from './schema';
import { validatePlan, type ValidationResult } from './validate';

export interface LoadResult extends ValidationResult {
  /** The version the document was migrated from, when it was older than the current one. */
  migratedFrom?: number;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Parses, migrates and validates a plan file's text. */
export function loadPlanText(text: string): LoadResult {
  // Editors on Windows often save UTF-8 with a byte-order mark; JSON.parse rejects it, a user should not.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    const reason =
      text.trim() === ''
        ? 'the file is empty'
        : /end of (JSON )?input/i.test(detail)
          ? 'the text ends before the JSON is complete'
          : `the text is not valid JSON${where}`;
    return { ok: false, errors: [makeIssue('invalid-json', [], `This is not a plan file: ${reason}.`)], warnings: [] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return validatePlan(raw);
  const migrated = migratePlan(raw as Record<string, unknown>);
  if (!migrated.ok) return { ok: false, errors: [makeIssue('unsupported-version', ['schemaVersion'], migrated.message)], warnings: [] };
  const result = validatePlan(migrated.doc);
  return migrated.migratedFrom === undefined ? result : { ...result, migratedFrom: migrated.migratedFrom };
}

/** The text a plan is saved as: two-space JSON with a final newline, fields in document order. */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
