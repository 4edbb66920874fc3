// The malformed-plan corpus (malformedCorpus.ts): every row must produce exactly its listed errors,
// with their codes and JSON paths, and messages a user can act on; together the rows and files
// must exercise every error code in ISSUE_CODES.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../../sim/model/io';
import { formatPath, ISSUE_CODES, type Issue, type IssueCode } from '../../../sim/model/issues';
import { validatePlan } from '../../../sim/model/validate';
import { MALFORMED_CASES, MALFORMED_FILES } from './malformedCorpus';
import { example, exampleText, MALFORMED_DIR, WARNING_CODES } from './planFixtures';

/** A message is a sentence: starts with a capital letter or a quoted name, ends with a full stop. */
function expectSentence(issue: Issue): void {
  expect(issue.message.length).toBeGreaterThan(15);
  expect(issue.message).toMatch(/^["A-Z]|^schemaVersion /);
  expect(issue.message).toMatch(/[.]$/);
  expect(issue.message).not.toMatch(/undefined|\[object Object\]|Invalid input/);
}

describe('the PLAN-FORMAT example', () => {
  it('is valid with no errors (the corpus mutates it, so it must start clean)', () => {
    const result = validatePlan(example());
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('malformed plans (table of mutations of the example)', () => {
  it('has at least 45 cases with unique names', () => {
    expect(MALFORMED_CASES.length + MALFORMED_FILES.length).toBeGreaterThanOrEqual(45);
    expect(new Set(MALFORMED_CASES.map((c) => c.name)).size).toBe(MALFORMED_CASES.length);
  });

  it.each(MALFORMED_CASES.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const plan = example();
    testCase.mutate(plan);
    const result = validatePlan(plan);
    expect(result.ok).toBe(false);
    expect(result.resolved).toBeUndefined();
    expect(result.errors.map((e) => [e.code, e.path])).toEqual(testCase.errors);
    for (const error of result.errors) {
      expect(error.severity).toBe('error');
      expect(formatPath(error.pathSegments)).toBe(error.path);
      expectSentence(error);
    }
    expect(result.errors[0]!.message).toContain(testCase.mentions);
    // The loader (parse → migrate → validate) reports the same errors for the saved text.
    const loaded = loadPlanText(JSON.stringify(plan));
    expect(loaded.errors.map((e) => [e.code, e.path])).toEqual(testCase.errors);
  });
});

describe('malformed files (test/fixtures/malformed)', () => {
  it.each(MALFORMED_FILES.map((f) => [f.file, f] as const))('%s', (file, expected) => {
    const result = loadPlanText(readFileSync(join(MALFORMED_DIR, file), 'utf8'));
    expect(result.ok).toBe(false);
    expect(result.plan).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect([error!.code, error!.path]).toEqual([expected.code, expected.path]);
    expectSentence(error!);
    expect(error!.message).toContain(expected.mentions);
  });

  it('reads a plan saved with a UTF-8 byte-order mark', () => {
    const result = loadPlanText(`\uFEFF${exampleText()}`);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('gives a line and column for a syntax error in the middle of a file', () => {
    const text = exampleText().replace('"kind": "gateway"', '"kind": gateway');
    const [error] = loadPlanText(text).errors;
    expect(error?.code).toBe('invalid-json');
    const offset = text.indexOf('"kind": gateway') + '"kind": '.length;
    const line = text.slice(0, offset).split('\n').length;
    const column = offset - text.lastIndexOf('\n', offset);
    expect(error?.message).toContain(`line ${line}, column ${column}.`);
  });
});

describe('syntax errors name where they are', () => {
  it.each([
    ['{"a":1,}', 'at line 1, column 8'],
    ['{\n  "a": 01\n}', 'at line 2, column 9'],
    ['{"a": "x" "b": 1}', 'at line 1, column 11'],
    ['{"a": 1} trailing', 'at line 1, column 10'],
    ['{a: 1}', 'at line 1, column 2'],
    ['{"a": [1, 2', 'ends before the JSON is complete'],
    ['{"a": "never closed', 'ends before the JSON is complete'],
    ['['.repeat(64), 'ends before the JSON is complete'],
    // Deeper than any plan: refused before JSON.parse or any recursive walk sees it.
    ['['.repeat(100_000), 'nests deeper than 64 levels at line 1, column 65'],
    ['{"notes": "[[[[[[[[", "a": ' + '{"b": '.repeat(65) + '1' + '}'.repeat(65) + '}', 'nests deeper than 64 levels'],
  ])('%j', (text, where) => {
    const errors = loadPlanText(text).errors;
    expect(errors.map((e) => e.code)).toEqual(['invalid-json']);
    expect(errors[0]!.message).toContain(where);
  });
});

describe('coverage of the code table', () => {
  it('exercises every error code of ISSUE_CODES', () => {
    const covered = new Set<IssueCode>([...MALFORMED_CASES.flatMap((c) => c.errors.map(([code]) => code)), ...MALFORMED_FILES.map((f) => f.code)]);
    const errorCodes = (Object.keys(ISSUE_CODES) as IssueCode[]).filter((c) => !(WARNING_CODES as readonly string[]).includes(c));
    expect(errorCodes.filter((c) => !covered.has(c))).toEqual([]);
    expect(errorCodes.length).toBe(Object.keys(ISSUE_CODES).length - WARNING_CODES.length);
  });
});
