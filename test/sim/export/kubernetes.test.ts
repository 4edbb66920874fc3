// The Kubernetes export, checked for every bundled template and the coverage fixture:
// kubernetes-models' schema validation and an unknown-field walk over @kubernetes/client-node's model
// metadata on every manifest, then our own semantic checks (selectors match labels, probe and Service
// ports name a container port, kustomization lists every file) and the plan's values in the output.
import { createRequire } from 'node:module';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { designAws } from '../../../sim/export/aws/design';
import { generateKubernetes, K8S_PLACEHOLDERS } from '../../../sim/export/kubernetes/generate';
import { getExportFormat } from '../../../sim/export/registry';
import { resolvePlan, type ResolvedFleet } from '../../../sim/model/resolve';
import type { Plan } from '../../../sim/model/schema';
import { CASES } from './exportCases';

// The package's index pulls in an HTTP client that needs a newer Node; the generated models alone do not.
type ModelClass = { getAttributeTypeMap(): { baseName: string; type: string }[] };
const models = createRequire(import.meta.url)('@kubernetes/client-node/dist/gen/models/all.js') as Record<string, ModelClass | undefined>;

type Obj = Record<string, unknown>;
interface Manifest {
  file: string;
  doc: Obj;
}

const KINDS: Record<string, { model: string; load: () => Promise<new (data: Obj) => { validate(): void }> }> = {
  'apps/v1/Deployment': { model: 'V1Deployment', load: async () => (await import('kubernetes-models/apps/v1')).Deployment as never },
  'v1/Service': { model: 'V1Service', load: async () => (await import('kubernetes-models/v1')).Service as never },
  'autoscaling/v2/HorizontalPodAutoscaler': { model: 'V2HorizontalPodAutoscaler', load: async () => (await import('kubernetes-models/autoscaling/v2')).HorizontalPodAutoscaler as never },
  'policy/v1/PodDisruptionBudget': { model: 'V1PodDisruptionBudget', load: async () => (await import('kubernetes-models/policy/v1')).PodDisruptionBudget as never },
  'networking.k8s.io/v1/Ingress': { model: 'V1Ingress', load: async () => (await import('kubernetes-models/networking.k8s.io/v1')).Ingress as never },
};

/** Every key the client's model for `type` does not declare, as JSON paths. */
function unknownFields(value: unknown, type: string, path: string): string[] {
  if (value === null || value === undefined) return [];
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return Array.isArray(value) ? value.flatMap((v, i) => unknownFields(v, array[1]!, `${path}[${i}]`)) : [`${path}: expected an array`];
  const model = models[type];
  if (!model || typeof model.getAttributeTypeMap !== 'function') return []; // a primitive, IntOrString or a string map
  if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object (${type})`];
  const attrs = model.getAttributeTypeMap();
  return Object.entries(value as Obj).flatMap(([key, v]) => {
    const attr = attrs.find((a) => a.baseName === key);
    return attr ? unknownFields(v, attr.type, `${path}.${key}`) : [`${path}.${key}: unknown field of ${type}`];
  });
}

function kindKey(doc: Obj): string {
  return `${String(doc.apiVersion)}/${String(doc.kind)}`;
}

function manifests(files: { path: string; content: string }[]): Manifest[] {
  return files
    .filter((f) => f.path.endsWith('.yaml') && !f.path.endsWith('kustomization.yaml') && !f.path.endsWith('placeholders.yaml'))
    .flatMap((f) => parseAllDocuments(f.content).map((d) => ({ file: f.path, doc: d.toJSON() as Obj })));
}

async function validationErrors(m: Manifest[]): Promise<string[]> {
  const errors: string[] = [];
  for (const { file, doc } of m) {
    const kind = KINDS[kindKey(doc)];
    if (!kind) {
      errors.push(`${file}: unexpected kind ${kindKey(doc)}`);
      continue;
    }
    const Model = await kind.load();
    try {
      new Model(doc).validate();
    } catch (error) {
      errors.push(`${file} ${kindKey(doc)}: ${(error as Error).message}`);
    }
    errors.push(...unknownFields(doc, kind.model, `${file}:${String(doc.kind)}`));
  }
  return errors;
}

const get = (o: unknown, ...keys: (string | number)[]): unknown => keys.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], o);
const of = (m: Manifest[], kind: string) => m.filter((x) => x.doc.kind === kind);
const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);

function containerFleets(plan: Plan): ResolvedFleet[] {
  return resolvePlan(plan).nodes.filter((n): n is ResolvedFleet => (n.kind === 'gateway' || n.kind === 'service') && n.platform === 'container');
}

describe.each(CASES)('Kubernetes export of $name', ({ plan }) => {
  const result = generateKubernetes(plan);
  const m = manifests(result.files);
  const fleets = containerFleets(plan);

  it('passes kubernetes-models validation and has no field the Kubernetes API does not know', async () => {
    expect(await validationErrors(m)).toEqual([]);
  });

  it('writes one Deployment, Service, PodDisruptionBudget (and HPA when autoscaled) per container fleet', () => {
    expect(of(m, 'Deployment')).toHaveLength(fleets.length);
    expect(of(m, 'Service')).toHaveLength(fleets.length);
    expect(of(m, 'PodDisruptionBudget')).toHaveLength(fleets.length);
    expect(of(m, 'HorizontalPodAutoscaler')).toHaveLength(fleets.filter((f) => f.autoscaling).length);
    if (fleets.length === 0) expect(result.files.map((f) => f.path)).toEqual(['README.md']);
  });

  it('warns for every fleet it cannot express instead of dropping it silently', () => {
    const others = resolvePlan(plan).nodes.filter((n) => (n.kind === 'gateway' || n.kind === 'service') && n.platform !== 'container');
    for (const n of others) expect(result.warnings.some((w) => w.code === 'node-not-exported' && w.message.includes(`"${n.id}"`))).toBe(true);
  });

  it('ties selectors to labels and ports to container ports', () => {
    const deployments = of(m, 'Deployment');
    for (const d of deployments) {
      const sel = get(d.doc, 'spec', 'selector', 'matchLabels') as Record<string, string>;
      const podLabels = get(d.doc, 'spec', 'template', 'metadata', 'labels') as Record<string, string>;
      expect(matches(sel, podLabels)).toBe(true);
      for (const c of get(d.doc, 'spec', 'template', 'spec', 'containers') as Obj[]) {
        const ports = (c.ports as Obj[]) ?? [];
        for (const probe of ['livenessProbe', 'readinessProbe']) {
          const port = get(c, probe, 'httpGet', 'port');
          if (port !== undefined) expect(ports.some((p) => p.name === port || p.containerPort === port)).toBe(true);
        }
      }
      const spread = get(d.doc, 'spec', 'template', 'spec', 'topologySpreadConstraints', 0, 'labelSelector', 'matchLabels') as Record<string, string> | undefined;
      if (spread) expect(matches(spread, podLabels)).toBe(true);
    }
    const podsMatching = (sel: Record<string, string>, file: string) => deployments.filter((d) => d.file.split('/')[0] === file.split('/')[0] && matches(sel, get(d.doc, 'spec', 'template', 'metadata', 'labels') as Record<string, string>));
    for (const s of of(m, 'Service')) {
      const targets = podsMatching(get(s.doc, 'spec', 'selector') as Record<string, string>, s.file);
      expect(targets).toHaveLength(1);
      const containerPorts = (get(targets[0]!.doc, 'spec', 'template', 'spec', 'containers', 0, 'ports') as Obj[]).map((p) => p.name);
      for (const p of get(s.doc, 'spec', 'ports') as Obj[]) expect(containerPorts).toContain(p.targetPort);
    }
    for (const p of of(m, 'PodDisruptionBudget')) expect(podsMatching(get(p.doc, 'spec', 'selector', 'matchLabels') as Record<string, string>, p.file)).toHaveLength(1);
    for (const h of of(m, 'HorizontalPodAutoscaler')) {
      expect(deployments.some((d) => d.file.split('/')[0] === h.file.split('/')[0] && get(d.doc, 'metadata', 'name') === get(h.doc, 'spec', 'scaleTargetRef', 'name'))).toBe(true);
    }
    for (const i of of(m, 'Ingress')) {
      const backend = get(i.doc, 'spec', 'defaultBackend', 'service') as Obj;
      const svc = of(m, 'Service').find((s) => s.file.split('/')[0] === i.file.split('/')[0] && get(s.doc, 'metadata', 'name') === backend.name);
      expect(svc).toBeDefined();
      expect((get(svc!.doc, 'spec', 'ports') as Obj[]).map((p) => p.name)).toContain(get(backend, 'port', 'name'));
    }
  });

  it('carries the plan values: replicas, autoscaling bounds and target, probe timings, zones', () => {
    const resolved = resolvePlan(plan);
    for (const fleet of fleets) {
      const d = of(m, 'Deployment').find((x) => get(x.doc, 'metadata', 'annotations', 'resilience.studio/plan-node') === fleet.id)!;
      expect(d, fleet.id).toBeDefined();
      expect(get(d.doc, 'spec', 'replicas')).toBe(fleet.instances);
      const c = get(d.doc, 'spec', 'template', 'spec', 'containers', 0) as Obj;
      if (fleet.probes) {
        expect(get(c, 'livenessProbe', 'periodSeconds')).toBe(fleet.probes.liveness.periodSeconds);
        expect(get(c, 'livenessProbe', 'failureThreshold')).toBe(fleet.probes.liveness.failureThreshold);
        if (fleet.probes.readiness) expect(get(c, 'readinessProbe', 'periodSeconds')).toBe(fleet.probes.readiness.periodSeconds);
      }
      const region = resolved.regions.find((r) => r.id === fleet.region)!;
      if (region.zones > 1 && fleet.zone === undefined) {
        expect(get(d.doc, 'spec', 'template', 'spec', 'topologySpreadConstraints', 0, 'minDomains')).toBe(region.zones);
        expect(get(d.doc, 'spec', 'template', 'spec', 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms', 0, 'matchExpressions', 0, 'values')).toHaveLength(region.zones);
      }
      const hpa = of(m, 'HorizontalPodAutoscaler').find((h) => h.file === d.file);
      if (fleet.autoscaling) {
        expect(get(hpa!.doc, 'spec', 'minReplicas')).toBe(fleet.autoscaling.min);
        expect(get(hpa!.doc, 'spec', 'maxReplicas')).toBe(fleet.autoscaling.max);
        expect(get(hpa!.doc, 'spec', 'metrics', 0, 'resource', 'target', 'averageUtilization')).toBe(Math.round(fleet.autoscaling.targetUtilization * 100));
      }
      expect(String(c.image)).toContain(K8S_PLACEHOLDERS.imageRegistry);
    }
  });

  it('names each Ingress as the AWS export looks it up', () => {
    const expected = designAws(plan).ingresses.map((i) => i.ingressName).sort();
    expect(of(m, 'Ingress').map((i) => String(get(i.doc, 'metadata', 'name'))).sort()).toEqual(expected);
    for (const i of of(m, 'Ingress')) expect(get(i.doc, 'metadata', 'annotations', 'alb.ingress.kubernetes.io/group.name')).toBe(get(i.doc, 'metadata', 'name'));
  });

  it('lists every manifest and image in each folder\'s kustomization, with placeholders for what the plan lacks', () => {
    for (const k of result.files.filter((f) => f.path.endsWith('kustomization.yaml'))) {
      const folder = k.path.split('/')[0]!;
      const doc = parse(k.content) as { namespace: string; resources: string[]; images: { name: string }[]; patches: { path: string }[] };
      const inFolder = result.files.filter((f) => f.path.startsWith(`${folder}/`) && f.path.endsWith('.yaml') && !/(kustomization|placeholders)\.yaml$/.test(f.path)).map((f) => f.path.slice(folder.length + 1));
      expect(doc.resources.sort()).toEqual(inFolder.sort());
      expect(doc.namespace).toBe(K8S_PLACEHOLDERS.namespace);
      const images = of(m, 'Deployment').filter((d) => d.file.startsWith(`${folder}/`)).map((d) => get(d.doc, 'spec', 'template', 'spec', 'containers', 0, 'image'));
      expect(doc.images.map((i) => i.name).sort()).toEqual(images.sort());
      expect(result.files.some((f) => f.path === `${folder}/${doc.patches[0]!.path}`)).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(generateKubernetes(plan)).toEqual(result);
  });
});

describe('Kubernetes export validators', () => {
  const plan = CASES.find((c) => c.name === 'kubernetes-containers')!.plan;
  it('are able to fail: a misspelt field and a missing port are reported', async () => {
    const m = manifests(generateKubernetes(plan).files);
    const d = structuredClone(of(m, 'Deployment')[0]!);
    (get(d.doc, 'spec', 'template', 'spec', 'containers', 0) as Obj).livenesProbe = {};
    delete (get(d.doc, 'spec', 'template', 'spec', 'containers', 0, 'ports', 0) as Obj).containerPort;
    const errors = await validationErrors([d]);
    expect(errors.some((e) => e.includes('livenesProbe: unknown field'))).toBe(true);
    expect(errors.some((e) => e.includes('containerPort'))).toBe(true);
  });

  it('is registered as the `kubernetes` format', () => {
    expect(getExportFormat('kubernetes')?.generate).toBe(generateKubernetes);
  });
});
