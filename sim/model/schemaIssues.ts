/**
 * Turns zod's field-level issues into the product's issues: a stable code, the JSON path and a
 * sentence that names the field and the rule. Imports only zod types and sim/model.
 */
import type { z } from 'zod';
import { makeIssue, type Issue, type PathSegment } from './issues';

type ZodIssue = z.core.$ZodIssue;

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    number: 'a number',
    string: 'text',
    boolean: 'true or false',
    object: 'an object',
    array: 'a list',
    record: 'an object',
    int: 'a whole number',
  };
  return names[expected] ?? expected;
}

function fieldName(path: readonly PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment !== 'string') continue;
    // A list item is named by its list and position, so "nodes[2]" does not read as "nodes".
    const item = path[i + 1];
    return typeof item === 'number' ? `item ${item} of "${segment}"` : `"${segment}"`;
  }
  return 'the plan';
}

/** Messages begin with the field; one that begins with "item …" or "the plan" is capitalised like a sentence. */
function sentence(text: string): string {
  return /^(item |the plan)/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function boundText(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean; origin?: string }, low: boolean): string {
  const bound = low ? issue.minimum : issue.maximum;
  const limit = typeof bound === 'bigint' ? Number(bound) : (bound as number);
  if (issue.origin === 'array') {
    return low ? `must have at least ${limit} item${limit === 1 ? '' : 's'}` : `must have at most ${limit} items`;
  }
  if (issue.origin === 'string') return low ? `must not be empty` : `must be at most ${limit} characters`;
  if (low) return issue.inclusive ? `must be at least ${limit}` : `must be greater than ${limit}`;
  return issue.inclusive ? `must be at most ${limit}` : `must be less than ${limit}`;
}

/** Maps one zod issue (parsed with `reportInput: true`) to one product issue. */
export function issueFromZod(zodIssue: ZodIssue): Issue {
  const issue = issueAt(zodIssue, []);
  return { ...issue, message: sentence(issue.message) };
}

/** `prefix` is the path of the union a nested (branch) issue came from: zod gives those relative paths. */
function issueAt(zodIssue: ZodIssue, prefix: readonly PathSegment[]): Issue {
  const path = [...prefix, ...zodIssue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))] as PathSegment[];
  const field = fieldName(path);
  const input = (zodIssue as { input?: unknown }).input;
  switch (zodIssue.code) {
    case 'invalid_type': {
      if (input === undefined) return makeIssue('missing-field', path, `${field} is required.`);
      if (zodIssue.expected === 'int') {
        return makeIssue('not-integer', path, `${field} must be a whole number, not ${String(input)}.`);
      }
      return makeIssue('wrong-type', path, `${field} must be ${article(zodIssue.expected)}, not ${describeType(input)}.`);
    }
    case 'too_small':
      return makeIssue('out-of-range', path, `${field} ${boundText(zodIssue, true)} (got ${describeType(input)}).`);
    case 'too_big':
      return makeIssue('out-of-range', path, `${field} ${boundText(zodIssue, false)} (got ${describeType(input)}).`);
    case 'invalid_value': {
      const allowed = zodIssue.values.map((v) => JSON.stringify(v)).join(', ');
      // A literal or enum field that is absent is missing, not a wrong value ("not undefined undefined").
      if (input === undefined) return makeIssue('missing-field', path, `${field} is required; use ${allowed}.`);
      if (path.length === 1 && path[0] === 'schemaVersion') {
        // A non-number must not print like the supported number (the text "1" read as "1").
        if (typeof input !== 'number') return makeIssue('unsupported-version', path, `schemaVersion must be the number ${allowed}, not ${describeType(input)}.`);
        return makeIssue('unsupported-version', path, `schemaVersion ${input} is not supported; this program reads version ${allowed}.`);
      }
      return makeIssue('invalid-value', path, `${field} must be one of ${allowed}, not ${describeType(input)}.`);
    }
    case 'unrecognized_keys': {
      const keys = zodIssue.keys;
      const first = keys[0] ?? '';
      return makeIssue(
        'unknown-field',
        [...path, first],
        `${keys.map((k) => `"${k}"`).join(', ')} ${keys.length === 1 ? 'is not a field' : 'are not fields'} of this object (check the spelling; units are part of field names).`,
      );
    }
    case 'invalid_union': {
      const discriminator = (zodIssue as { discriminator?: string }).discriminator;
      const options = (zodIssue as { options?: unknown[] }).options;
      if (discriminator) {
        const got = input && typeof input === 'object' ? (input as Record<string, unknown>)[discriminator] : undefined;
        if (got === undefined) {
          return makeIssue('missing-field', path, `"${discriminator}" is required; use one of ${(options ?? []).map((o) => JSON.stringify(o)).join(', ')}.`);
        }
        return makeIssue(
          'unknown-kind',
          path,
          `${JSON.stringify(got)} is not a known ${discriminator}; use one of ${(options ?? []).map((o) => JSON.stringify(o)).join(', ')}.`,
        );
      }
      // When the object's keys pick exactly one branch (e.g. `fail: { zone: ... }`), that branch's
      // own complaint (a zone of 1.5) is far more useful than "matches no form".
      const fitting = zodIssue.errors.filter((branch) => branch.length > 0 && !branch.some((b) => b.code === 'unrecognized_keys' && b.path.length === 0));
      const chosen = fitting.length === 1 ? fitting[0]![0] : undefined;
      if (chosen) return issueAt(chosen, path);
      return makeIssue('invalid-value', path, `${field} does not match any allowed form; ${unionHint(path)}.`);
    }
    case 'invalid_format':
      return makeIssue('invalid-format', path, `${field} has the wrong form (got ${describeType(input)}): ${zodIssue.message}.`);
    case 'invalid_key':
      // Record keys are ids (client origins name regions), so a bad key is a badly formed id.
      return makeIssue('invalid-format', path, `The key ${JSON.stringify(String(input))} of ${fieldName(path.slice(0, -1))} is not a valid id: ${zodIssue.issues[0]?.message ?? 'check its spelling'}.`);
    case 'custom':
      return makeIssue('out-of-range', path, `${field}: ${zodIssue.message}.`);
    default:
      return makeIssue('invalid-value', path, `${field}: ${zodIssue.message}.`);
  }
}

function unionHint(path: readonly PathSegment[]): string {
  if (path.includes('fail')) return 'name exactly one of "region", "zone", "node" or "commonCause"';
  return 'check the field against PLAN-FORMAT';
}
