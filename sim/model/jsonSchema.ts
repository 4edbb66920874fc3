/**
 * The plan's JSON Schema, generated from the zod schema so editors can offer completion and
 * checks through `"$schema"`. `npm run schema` writes it to sim/model/plan.schema.json; a test
 * keeps that file in step with the code. Imports only zod and sim/model.
 */
import { z } from 'zod';
import { PlanSchema } from './schema';

export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://resilience.studio/schema/plan-v1.json',
    title: 'Resilience Studio plan (schemaVersion 1)',
    description: 'An API-gateway architecture with its failure model, objectives and simulation settings. Units are in field names.',
  };
}
