// The chaos-drill exports, for every bundled template (each now scripts its characteristic scenario):
// FIS templates through AWS's CloudFormation validator as AWS::FIS::ExperimentTemplate resources,
// Chaos Toolkit experiments against a JSON Schema written from its published specification
// (test/fixtures/chaostoolkit), the simulated numbers quoted in both, targets that match what the other
// exports create (tags, pod labels), and a warning for every part of a scenario no tool can express.
import { RegoEngine, TemplateFile, type Engine } from '@aws/cloudformation-validate';
import Ajv from 'ajv';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenarios } from '../../../sim/engine/scenarios';
import { generateChaosToolkit, fisTemplateVariable } from '../../../sim/export/chaos/chaostoolkit';
import { NODE_TAG } from '../../../sim/export/chaos/drills';
import { scenarioExpectations } from '../../../sim/export/chaos/expectations';
import { generateFis } from '../../../sim/export/chaos/fis';
import { generateKubernetes } from '../../../sim/export/kubernetes/generate';
import { getExportFormat } from '../../../sim/export/registry';
import type { ScenarioExpectation } from '../../../sim/export/types';
import { resolvePlan } from '../../../sim/model/resolve';
import type { Plan } from '../../../sim/model/schema';
import { TEMPLATES } from '../../../sim/templates';

type Obj = Record<string, unknown>;
const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/chaostoolkit/experiment.schema.json', import.meta.url)), 'utf8')) as object;
const validateExperiment = new Ajv({ allErrors: true, strict: false }).compile(schema);
const experimentErrors = (doc: unknown) => (validateExperiment(doc) ? [] : (validateExperiment.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));

const root = mkdtempSync(join(tmpdir(), 'resilience-fis-'));
let engine: Engine;
const expectations = new Map<string, ScenarioExpectation[]>();

function cfnDiagnostics(path: string, content: string) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return engine.validateStandard(new TemplateFile(file)).diagnostics;
}

beforeAll(() => {
  engine = new RegoEngine();
  // Few replications: the tests check that the numbers are carried, not their precision.
  for (const t of TEMPLATES) expectations.set(t.name, scenarioExpectations(runScenarios(resolvePlan(t.plan), { replications: 5, seed: 7 }), 7));
});

afterAll(() => {
  engine?.free();
  rmSync(root, { recursive: true, force: true });
});

describe('the validators the drill checks rely on', () => {
  it('the CloudFormation validator rejects a misspelt FIS property and a missing required one', () => {
    const bad = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  X:
    Type: AWS::FIS::ExperimentTemplate
    Properties:
      Description: d
      RoleArn: arn:aws:iam::123456789012:role/fis
      Targets: {}
      Actionz: {}
`;
    const d = cfnDiagnostics('bad/fis.yaml', bad);
    expect(d.length).toBeGreaterThanOrEqual(2);
  });

  it('the experiment schema rejects a method-less experiment, a probe without tolerance and a misspelt provider key', () => {
    expect(experimentErrors({ title: 't', description: 'd' }).length).toBeGreaterThan(0);
    const exp = { title: 't', description: 'd', 'steady-state-hypothesis': { title: 'h', probes: [{ type: 'probe', name: 'p', provider: { type: 'http', url: 'x' } }] }, method: [{ type: 'action', name: 'a', provider: { type: 'process', pth: 'x' } }] };
    expect(experimentErrors(exp).length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(TEMPLATES)('drills of $name', (t) => {
  const plan = t.plan;

  it('has a characteristic scenario that `resilience scenarios` replays', () => {
    expect(plan.scenarios?.length ?? 0).toBeGreaterThan(0);
    const e = expectations.get(t.name)!;
    expect(e.map((x) => x.id)).toEqual(plan.scenarios!.map((s) => s.id));
    for (const x of e) expect(x.rtoP50Seconds).not.toBeNull();
  });

  it('FIS: every template passes the CloudFormation validator and quotes the simulated numbers', () => {
    const r = generateFis(plan, { scenarioExpectations: expectations.get(t.name) });
    const yamls = r.files.filter((f) => f.path.endsWith('.yaml'));
    expect(yamls.length).toBeGreaterThan(0);
    for (const f of yamls) {
      expect(cfnDiagnostics(`${t.name}/${f.path}`, f.content), f.path).toEqual([]);
      const doc = parse(f.content) as { Resources: Record<string, { Type: string; Properties: Obj }> };
      const [res] = Object.values(doc.Resources);
      expect(res!.Type).toBe('AWS::FIS::ExperimentTemplate');
      const scenarioId = (res!.Properties.Tags as Record<string, string>)['resilience-studio:scenario']!;
      const e = expectations.get(t.name)!.find((x) => x.id === scenarioId)!;
      expect(String(res!.Properties.Description)).toContain(`RTO p50 ${Math.round(e.rtoP50Seconds!)} s, max ${Math.round(e.rtoMaxSeconds!)} s`);
      expect((res!.Properties.Tags as Record<string, string>)['resilience-studio:expected-lost-writes']).toBe(e.lostWritesMean.toFixed(1));
      const targets = res!.Properties.Targets as Record<string, Obj>;
      const actions = res!.Properties.Actions as Record<string, { Targets: Record<string, string>; Parameters?: Record<string, unknown> }>;
      for (const a of Object.values(actions)) for (const target of Object.values(a.Targets)) expect(targets).toHaveProperty([target]);
      for (const target of Object.values(targets)) {
        const tags = target.ResourceTags as Record<string, string> | undefined;
        if (tags) expect(plan.nodes.map((n) => n.id)).toContain(tags[NODE_TAG]);
      }
      const hours = plan.scenarios!.find((s) => s.id === scenarioId)!.durationHours;
      for (const a of Object.values(actions)) {
        const duration = a.Parameters?.duration ?? a.Parameters?.startInstancesAfterDuration;
        if (duration !== undefined) expect(duration).toBe(`PT${hours}H`);
      }
    }
    expect(r.warnings.some((w) => w.code === 'no-simulated-numbers')).toBe(false);
  });

  it('FIS pod targets select the labels the Kubernetes export puts on the pods', () => {
    const r = generateFis(plan);
    const podLabels = generateKubernetes(plan)
      // placeholders.yaml holds patches (Deployments without labels), not manifests.
      .files.filter((f) => f.path.endsWith('.yaml') && !f.path.endsWith('placeholders.yaml'))
      .flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJSON() as Obj))
      .filter((d) => d.kind === 'Deployment')
      .map((d) => (((d.spec as Obj).template as Obj).metadata as Obj).labels as Record<string, string>);
    for (const f of r.files.filter((x) => x.path.endsWith('.yaml'))) {
      const doc = parse(f.content) as { Resources: Record<string, { Properties: { Targets: Record<string, Obj> } }> };
      for (const target of Object.values(Object.values(doc.Resources)[0]!.Properties.Targets)) {
        if (target.ResourceType !== 'aws:eks:pod') continue;
        const [key, value] = String((target.Parameters as Obj).selectorValue).split('=');
        expect(podLabels.some((l) => l[key!] === value)).toBe(true);
      }
    }
  });

  it('Chaos Toolkit: every experiment matches the specification, starts the FIS drills and checks the objectives', () => {
    const r = generateChaosToolkit(plan, { scenarioExpectations: expectations.get(t.name) });
    const experiments = r.files.filter((f) => f.path.endsWith('.json'));
    expect(experiments.length).toBe(plan.scenarios!.length);
    const fisFiles = generateFis(plan).files.map((f) => f.path);
    for (const f of experiments) {
      const doc = JSON.parse(f.content) as Obj & { method: Obj[]; rollbacks: Obj[]; configuration: Record<string, { key: string }>; 'steady-state-hypothesis': { probes: Obj[] } };
      expect(experimentErrors(doc), f.path).toEqual([]);
      const scenario = plan.scenarios!.find((s) => f.path.endsWith(`/${s.id}.json`))!;
      const e = expectations.get(t.name)!.find((x) => x.id === scenario.id)!;
      expect(String(doc.description)).toContain(`RTO p50 ${Math.round(e.rtoP50Seconds!)} s`);
      const starts = doc.method.filter((a) => String(a.name).startsWith('start-fis-drill-'));
      expect(starts.length).toBe(fisFiles.filter((p) => p.startsWith(`fis/${scenario.id}.`)).length);
      for (const s of starts) {
        const code = String(s.name).replace('start-fis-drill-', '');
        expect(Object.values(doc.configuration).map((c) => c.key)).toContain(fisTemplateVariable(scenario.id, code));
      }
      if (plan.objectives?.rtoSeconds !== undefined) expect((starts.at(-1)!.pauses as Obj).after).toBe(plan.objectives.rtoSeconds);
      const probes = doc['steady-state-hypothesis'].probes.map((p) => p.name);
      expect(probes).toContain('requests-are-served');
      if (plan.objectives?.rpoSeconds !== undefined) expect(probes).toContain('newest-write-within-rpo');
      expect(doc.rollbacks.length).toBeGreaterThanOrEqual(starts.length);
    }
  });

  it('are deterministic', () => {
    expect(generateFis(plan)).toEqual(generateFis(plan));
    expect(generateChaosToolkit(plan)).toEqual(generateChaosToolkit(plan));
  });
});

describe('drills that a tool cannot express', () => {
  const base = TEMPLATES.find((t) => t.name === 'two-region-active-passive')!.plan;
  const plan: Plan = {
    ...base,
    scenarios: [
      { id: 'dns-down', atHours: 10, durationHours: 1, fail: { node: 'dns' } },
      { id: 'long-east', atHours: 10, durationHours: 20, fail: { region: 'use1' } },
    ],
  };

  it('warn instead of dropping: a DNS failure has no fault, a 20-hour outage is cut to FIS\'s 12', () => {
    const fis = generateFis(plan);
    expect(fis.files.some((f) => f.path.startsWith('fis/dns-down'))).toBe(false);
    expect(fis.warnings.some((w) => w.code === 'drill-gap' && w.path === 'scenarios[0]' && w.message.includes('"dns"'))).toBe(true);
    expect(fis.warnings.some((w) => w.code === 'drill-duration-adjusted' && w.path === 'scenarios[1].durationHours')).toBe(true);
    expect(fis.files.find((f) => f.path.startsWith('fis/long-east'))!.content).toContain('duration: PT12H');
    const ctk = generateChaosToolkit(plan);
    expect(ctk.files.some((f) => f.path === 'chaostoolkit/dns-down.json')).toBe(false);
    expect(ctk.files.find((f) => f.path === 'README.md')!.content).toContain('No experiment: nothing in this scenario can be injected.');
  });

  it('say when no simulated numbers were given, and when the plan has no scenarios', () => {
    expect(generateFis(plan).warnings.some((w) => w.code === 'no-simulated-numbers')).toBe(true);
    const none = generateChaosToolkit({ ...base, scenarios: [] });
    expect(none.warnings.map((w) => w.code)).toEqual(['no-scenarios']);
  });

  it('are registered as `fis` and `chaostoolkit`, both asking for scenario results', () => {
    expect(getExportFormat('fis')?.usesScenarioResults).toBe(true);
    expect(getExportFormat('chaostoolkit')?.usesScenarioResults).toBe(true);
  });
});
