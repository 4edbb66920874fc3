// The generated JSON Schema: it accepts the PLAN-FORMAT example and rejects what the validator
// rejects at field level (checked with a tiny validator for the keywords zod emits), and the
// committed sim/model/plan.schema.json is exactly what the code generates.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from '../../../sim/model/jsonSchema';
import { validatePlan } from '../../../sim/model/validate';
import { MALFORMED_CASES } from './malformedCorpus';
import { example, minimalPlan } from './planFixtures';

type Schema = Record<string, unknown>;

const KNOWN_KEYWORDS = new Set([
  '$id', '$schema', 'title', 'description', 'default',
  'type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'items', 'minItems', 'maxItems',
  'oneOf', 'anyOf', 'const', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'pattern',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Problems of `value` against `schema` (a subset of draft 2020-12: the keywords zod emits). */
function check(schema: Schema, value: unknown, path = '$'): string[] {
  const out: string[] = [];
  for (const key of Object.keys(schema)) if (!KNOWN_KEYWORDS.has(key)) out.push(`${path}: keyword ${key} unsupported by this test`);
  const t = typeOf(value);
  if (schema.type !== undefined) {
    const types = ([] as unknown[]).concat(schema.type);
    if (!types.some((x) => x === t || (x === 'number' && t === 'integer'))) return [...out, `${path}: ${t} is not ${types.join('|')}`];
  }
  if ('const' in schema && value !== schema.const) out.push(`${path}: not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${path}: not in enum`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) out.push(`${path}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) out.push(`${path}: above maximum`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) out.push(`${path}: not above exclusiveMinimum`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) out.push(`${path}: not below exclusiveMaximum`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) out.push(`${path}: too short`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) out.push(`${path}: too long`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) out.push(`${path}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) out.push(`${path}: too few items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) out.push(`${path}: too many items`);
    if (schema.items) value.forEach((item, i) => out.push(...check(schema.items as Schema, item, `${path}[${i}]`)));
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const req of (schema.required ?? []) as string[]) if (!(req in obj)) out.push(`${path}.${req}: required`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) out.push(...check(props[k], v, `${path}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${path}.${k}: not allowed`);
      else if (typeof schema.additionalProperties === 'object') out.push(...check(schema.additionalProperties as Schema, v, `${path}.${k}`));
      if (schema.propertyNames) out.push(...check(schema.propertyNames as Schema, k, `${path}.${k}(name)`));
    }
  }
  const branches = (key: 'oneOf' | 'anyOf') => ((schema[key] ?? []) as Schema[]).map((s) => check(s, value, path));
  if (schema.oneOf) {
    const results = branches('oneOf');
    if (results.filter((r) => r.length === 0).length !== 1) out.push(`${path}: matches ${results.filter((r) => r.length === 0).length} oneOf branches`);
  }
  if (schema.anyOf && !branches('anyOf').some((r) => r.length === 0)) out.push(`${path}: matches no anyOf branch`);
  return out;
}

describe('planJsonSchema()', () => {
  const schema = planJsonSchema();

  it('is a draft 2020-12 object schema with an id and a title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'name', 'nodes']));
  });

  it('accepts the PLAN-FORMAT example and a minimal plan', () => {
    expect(check(schema, example())).toEqual([]);
    expect(check(schema, minimalPlan())).toEqual([]);
  });

  it('uses only keywords this test understands (so the checks below mean something)', () => {
    const unsupported = check(schema, example()).concat(check(schema, {})).filter((p) => p.includes('unsupported'));
    expect(unsupported).toEqual([]);
  });

  // Field-level corpus rows (not cross-references, which no JSON Schema can express) must be
  // rejected by the editor's schema too, so editors flag what the validator flags.
  const FIELD_CODES = new Set(['missing-field', 'wrong-type', 'not-integer', 'invalid-value', 'invalid-format', 'unknown-field', 'unknown-kind', 'unsupported-version']);
  const fieldCases = MALFORMED_CASES.filter((c) => c.errors.every(([code]) => FIELD_CODES.has(code)));
  it.each(fieldCases.map((c) => [c.name, c] as const))('rejects: %s', (_name, testCase) => {
    const plan = example();
    testCase.mutate(plan);
    expect(validatePlan(plan).ok).toBe(false);
    expect(check(schema, plan)).not.toEqual([]);
  });
});

describe('sim/model/plan.schema.json', () => {
  it('equals the generated schema (run `npm run schema` after changing schema.ts)', () => {
    const committed = JSON.parse(readFileSync(fileURLToPath(new URL('../../../sim/model/plan.schema.json', import.meta.url)), 'utf8')) as unknown;
    expect(committed).toEqual(planJsonSchema());
  });
});
