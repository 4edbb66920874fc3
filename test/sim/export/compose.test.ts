// The docker-compose export, checked for every bundled template and the coverage fixture: ajv against
// the compose-spec JSON schema (test/fixtures/compose, see SOURCE.md there), then our own checks of
// what the schema cannot see (depends_on targets, declared volumes, every ${VAR:?} set in .env) and the
// plan's values (replicas, probe timings) in the output.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateCompose } from '../../../sim/export/compose/generate';
import { k8sName } from '../../../sim/export/kubernetes/generate';
import { getExportFormat } from '../../../sim/export/registry';
import { resolvePlan, type ResolvedFleet } from '../../../sim/model/resolve';
import { CASES } from './exportCases';

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/compose/compose-spec.schema.json', import.meta.url)), 'utf8')) as object;
// The schema names its draft with an https URL that ajv does not register; it is plain draft-07, which
// ajv validates by default, so the meta-schema lookup is skipped rather than the schema edited.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
const validate = ajv.compile(schema);

type Obj = Record<string, unknown>;
interface ComposeDoc {
  services: Record<string, Obj & { depends_on?: Record<string, unknown>; volumes?: { source: string }[]; deploy?: { replicas: number }; healthcheck?: { interval?: string; retries?: number }; labels: Record<string, string> }>;
  volumes?: Record<string, unknown>;
}

function schemaErrors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe.each(CASES)('compose export of $name', ({ plan }) => {
  const result = generateCompose(plan);
  const file = (p: string) => result.files.find((f) => f.path === p)!.content;
  const doc = parse(file('compose.yaml')) as ComposeDoc;
  const resolved = resolvePlan(plan);

  it('is valid against the compose-spec schema', () => {
    expect(schemaErrors(doc)).toEqual([]);
  });

  it('depends only on services it defines and mounts only volumes it declares', () => {
    for (const [name, s] of Object.entries(doc.services)) {
      for (const dep of Object.keys(s.depends_on ?? {})) expect(doc.services, `${name} → ${dep}`).toHaveProperty([dep]);
      for (const v of s.volumes ?? []) expect(doc.volumes ?? {}, `${name} volume ${v.source}`).toHaveProperty([v.source]);
    }
  });

  it('sets in .env every variable the compose file requires', () => {
    const required = [...file('compose.yaml').matchAll(/(?<!\$)\$\{([A-Z0-9_]+)(?::\?[^}]*)?\}/g)].map((m) => m[1]!);
    const defined = new Set(file('.env').split('\n').filter((l) => /^[A-Z0-9_]+=/.test(l)).map((l) => l.split('=')[0]));
    for (const v of required) expect(defined, v).toContain(v);
  });

  it('runs every fleet and datastore with the plan\'s replicas and probe timings, following the traffic edges', () => {
    for (const n of resolved.nodes) {
      if (n.kind !== 'gateway' && n.kind !== 'service' && n.kind !== 'datastore') continue;
      const s = doc.services[k8sName(n.id)];
      expect(s, n.id).toBeDefined();
      expect(s!.labels['resilience.studio/plan-node']).toBe(n.id);
      if (n.kind === 'datastore') continue;
      const fleet: ResolvedFleet = n;
      if (fleet.platform !== 'serverless') expect(s!.deploy?.replicas).toBe(fleet.instances);
      if (fleet.probes) {
        expect(s!.healthcheck?.interval).toBe(`${fleet.probes.liveness.periodSeconds}s`);
        expect(s!.healthcheck?.retries).toBe(fleet.probes.liveness.failureThreshold);
        expect(s!.restart).toBe('always');
      }
      const direct = resolved.edges.filter((e) => e.kind === 'traffic' && e.from === n.id).map((e) => resolved.nodes.find((x) => x.id === e.to)!);
      for (const t of direct) if (t.kind === 'datastore' || t.kind === 'gateway' || t.kind === 'service') expect(Object.keys(s!.depends_on ?? {})).toContain(k8sName(t.id));
    }
  });

  it('says what the local stack leaves out', () => {
    if (resolved.nodes.some((n) => n.kind === 'dns' || n.kind === 'loadBalancer')) expect(result.warnings.some((w) => w.code === 'not-in-local-stack')).toBe(true);
    if (resolved.edges.some((e) => e.kind === 'replication')) expect(result.warnings.some((w) => w.path === '$.edges')).toBe(true);
  });

  it('is deterministic', () => {
    expect(generateCompose(plan)).toEqual(result);
  });
});

describe('compose validation', () => {
  it('rejects an unknown key and a wrong type (the schema check can fail)', () => {
    const doc = parse(generateCompose(CASES[0]!.plan).files.find((f) => f.path === 'compose.yaml')!.content) as ComposeDoc;
    const first = Object.values(doc.services)[0]!;
    first.helthcheck = {};
    first.restart = 3;
    const errors = schemaErrors(doc);
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });

  it('is registered as the `compose` format', () => {
    expect(getExportFormat('compose')?.generate).toBe(generateCompose);
  });
});
