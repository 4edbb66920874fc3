/**
 * Loading and saving plan documents as text: JSON parsing with a readable position on syntax
 * errors, migration to the current version, validation; and a stable, pretty serialisation.
 * Never throws on any input. Imports only sim/model.
 */
import { makeIssue } from './issues';
import { MIGRATIONS, migratePlan, type Migration } from './migrations';
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

// One JSON token at a given offset: a string (any character from space up but '"' and '\\', or an
// escape), a number or a literal (used with lastIndex).
const TOKEN = /"(?:[ !#-[\]-\uffff]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * The offset of the first JSON syntax error, `text.length` when the text ends too early, or -1 if
 * none is found. V8 names a position for only some errors ("Unexpected token 'g', ... is not valid
 * JSON" has none), and a user needs the line. Iterative, so deep nesting cannot overflow the stack.
 */
function syntaxErrorOffset(text: string): number {
  const stack: ('{' | '[')[] = [];
  let expect: 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'next' = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= text.length) return stack.length === 0 && expect === 'next' ? -1 : text.length;
    const c = text[i];
    const top = stack[stack.length - 1];
    if (expect === 'next') {
      if (top === undefined) return i; // content after the document
      if (c === ',') expect = top === '{' ? 'key' : 'value';
      else if ((c === '}' && top === '{') || (c === ']' && top === '[')) stack.pop();
      else return i;
      i++;
      continue;
    }
    if (expect === 'colon') {
      if (c !== ':') return i;
      expect = 'value';
      i++;
      continue;
    }
    if ((c === '}' && expect === 'keyOrClose') || (c === ']' && expect === 'valueOrClose')) {
      stack.pop();
      expect = 'next';
      i++;
      continue;
    }
    const isKey: boolean = expect === 'key' || expect === 'keyOrClose';
    if (!isKey && (c === '{' || c === '[')) {
      stack.push(c);
      expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
      i++;
      continue;
    }
    TOKEN.lastIndex = i;
    const token = TOKEN.exec(text);
    if (!token || (isKey && c !== '"')) {
      // A string that never closes runs to the end of the text: the text ends too early.
      return c === '"' && !/"/.test(text.slice(i + 1)) ? text.length : i;
    }
    i += token[0].length;
    expect = isKey ? 'colon' : 'next';
  }
}

/**
 * The largest plan text read (the CLI checks the file's size before reading; the app the text it was
 * given). A plan at the format's limits (100,000 nodes of typical fields) is about 10 MB of JSON;
 * 32 MB leaves room for long notes and layout while parsing stays well under half a gigabyte.
 */
export const MAX_PLAN_BYTES = 32 * 1024 * 1024;

/**
 * Nesting a plan may have. The deepest real path is about 8 levels (nodes → node → reliability →
 * timeToFailureHours → …); 64 leaves room for any future field, while every recursive walk that
 * follows parsing (validation, migration, the editor's diff) stays far from the stack's end.
 */
export const MAX_NESTING = 64;

/** Offset where the text first nests deeper than MAX_NESTING, or -1. Linear, skips strings. */
export function tooDeepOffset(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // a string: skip to its closing quote, past escapes
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_NESTING) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** Parses, migrates and validates a plan file's text. `migrations` is injectable for tests. */
export function loadPlanText(text: string, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): LoadResult {
  // Editors on Windows often save UTF-8 with a byte-order mark; JSON.parse rejects it, a user should not.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const deep = tooDeepOffset(text);
  if (deep >= 0) {
    return { ok: false, errors: [makeIssue('invalid-json', [], `This is not a plan file: the JSON nests deeper than ${MAX_NESTING} levels at ${lineAndColumn(text, deep)}; a plan needs about 8.`)], warnings: [] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const offset = text.trim() === '' ? -1 : syntaxErrorOffset(text);
    const reason =
      text.trim() === ''
        ? 'the file is empty'
        : offset >= text.length
          ? 'the text ends before the JSON is complete'
          : `the text is not valid JSON${offset >= 0 ? ` at ${lineAndColumn(text, offset)}` : ''}`;
    return { ok: false, errors: [makeIssue('invalid-json', [], `This is not a plan file: ${reason}.`)], warnings: [] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return validatePlan(raw);
  const migrated = migratePlan(raw as Record<string, unknown>, migrations);
  if (!migrated.ok) return { ok: false, errors: [makeIssue('unsupported-version', ['schemaVersion'], migrated.message)], warnings: [] };
  const result = validatePlan(migrated.doc);
  return migrated.migratedFrom === undefined ? result : { ...result, migratedFrom: migrated.migratedFrom };
}

/** The text a plan is saved as: two-space JSON with a final newline. Fields come in the order of the
 * plan given; a plan from validatePlan has them in the schema's order (zod rebuilds each object). */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
