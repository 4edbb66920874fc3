// Shared test inputs for the plan model: the PLAN-FORMAT example (a complete, valid plan) as a
// fresh mutable copy per call, and a minimal valid plan. Test-only; imports no product code.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A JSON document under test: mutations poke at arbitrary depths, so it is deliberately loose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutations reach any field of any shape
export type Doc = Record<string, any>;

export const EXAMPLE_PATH = fileURLToPath(new URL('../../fixtures/plans/plan-format-example.plan.json', import.meta.url));
export const MALFORMED_DIR = fileURLToPath(new URL('../../fixtures/malformed/', import.meta.url));

const EXAMPLE_TEXT = readFileSync(EXAMPLE_PATH, 'utf8');

/** A fresh copy of the PLAN-FORMAT example: nodes users, dns, lb-east, lb-west, gw-east, gw-west, db-east, db-west, nightly, ops. */
export function example(): Doc {
  return JSON.parse(EXAMPLE_TEXT) as Doc;
}

export function exampleText(): string {
  return EXAMPLE_TEXT;
}

/** The shortest valid plan: clients sending to one gateway. */
export function minimalPlan(): Doc {
  return {
    schemaVersion: 1,
    name: 'Minimal',
    nodes: [
      { id: 'users', kind: 'clients' },
      { id: 'api', kind: 'gateway' },
    ],
    edges: [{ kind: 'traffic', from: 'users', to: 'api' }],
  };
}

/** Codes that are warnings (PLAN-FORMAT "Validation warnings" plus the 3-2-1 and reachability hints). */
export const WARNING_CODES = [
  'cross-region-sync',
  'cross-region-auto-promotion',
  'dynamodb-promotion',
  'route53-thresholds',
  'route53-interval',
  'alias-ttl',
  'backup-3-2-1',
  'unreachable-node',
  'manual-check-settings',
] as const;
