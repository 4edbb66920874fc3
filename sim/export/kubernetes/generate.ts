/**
 * The Kubernetes export: each container fleet of the plan as a Deployment (probes, replicas, zone
 * spread), Service, autoscaling/v2 HorizontalPodAutoscaler and PodDisruptionBudget, each balancer in
 * front of containers as an Ingress for the AWS Load Balancer Controller, one kustomize folder per
 * region. What the plan does not describe (images, namespace, port, CPU/memory) is a named
 * placeholder in the kustomization, never an invented figure. Pure; imports only sim/model and sim/export.
 */
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Service } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { stringify } from 'yaml';
import { formatPath } from '../../model/issues';
import { resolvePlan, type ResolvedFleet, type ResolvedLoadBalancer, type ResolvedNode, type ResolvedPlan, type ResolvedRegion } from '../../model/resolve';
import type { Plan } from '../../model/schema';
import { kubernetesIngressName } from '../aws/design';
import * as limits from '../aws/limits';
import type { ExportFile, ExportFormat, ExportResult, ExportWarning } from '../types';

/** Values the plan does not describe; each appears once in the kustomization or README to be replaced. */
export const K8S_PLACEHOLDERS = {
  namespace: 'set-your-namespace',
  imageRegistry: 'placeholder.invalid',
  imageTag: 'set-your-tag',
  cpuRequest: 'SET-CPU-REQUEST',
  memoryRequest: 'SET-MEMORY-REQUEST',
  /** The port the containers serve HTTP on: a placeholder number, listed in the README to change. */
  containerPort: 8080,
  healthPath: '/SET-HEALTH-PATH',
} as const;

export const K8S_PORT_NAME = 'http';

/** The label that ties a fleet's Deployment, Service, HPA and PDB together. */
export const K8S_APP_LABEL = 'app.kubernetes.io/name';

/** DNS-1123 label derived from a plan id. */
export function k8sName(id: string): string {
  const s = id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return /^[a-z]/.test(s) ? s : `x-${s}`.slice(0, 63);
}

export function isContainerFleet(n: ResolvedNode | undefined): n is ResolvedFleet {
  return n !== undefined && (n.kind === 'gateway' || n.kind === 'service') && n.platform === 'container';
}

/** The zone names a region's zone indexes stand for (AWS: `<code>a`, `<code>b`...), when known. */
export function zoneNames(region: ResolvedRegion): string[] | undefined {
  if (region.provider !== 'aws' || !region.code) return undefined;
  return Array.from({ length: region.zones }, (_, i) => `${region.code}${String.fromCharCode(97 + i)}`);
}

/** Folder of one region's manifests: its cloud code when it has one, else its plan id. */
export function regionFolder(region: ResolvedRegion): string {
  return k8sName(region.code ?? region.id);
}

interface Ctx {
  plan: ResolvedPlan;
  index: Map<string, number>;
  warnings: ExportWarning[];
}

function at(ctx: Ctx, nodeId: string, ...rest: (string | number)[]): string {
  return formatPath(['nodes', ctx.index.get(nodeId) ?? -1, ...rest]);
}

function targetsOf(plan: ResolvedPlan, id: string): ResolvedNode[] {
  return plan.edges.filter((e) => e.kind === 'traffic' && e.from === id).flatMap((e) => plan.nodes.filter((n) => n.id === e.to));
}

function sendersTo(plan: ResolvedPlan, id: string): ResolvedNode[] {
  return plan.edges.filter((e) => e.kind === 'traffic' && e.to === id).flatMap((e) => plan.nodes.filter((n) => n.id === e.from));
}

function imageOf(fleet: ResolvedFleet): string {
  return `${K8S_PLACEHOLDERS.imageRegistry}/${k8sName(fleet.id)}`;
}

function labels(fleet: ResolvedFleet): Record<string, string> {
  return { [K8S_APP_LABEL]: k8sName(fleet.id), 'app.kubernetes.io/part-of': 'resilience-studio-export' };
}

function selectorLabels(fleet: ResolvedFleet): Record<string, string> {
  return { [K8S_APP_LABEL]: k8sName(fleet.id) };
}

/** Kubernetes probe fields are whole numbers of at least 1. */
function whole(value: number): number {
  return Math.max(1, Math.round(value));
}

function deployment(ctx: Ctx, fleet: ResolvedFleet, region: ResolvedRegion): Deployment {
  const name = k8sName(fleet.id);
  const probes = fleet.probes;
  const container: NonNullable<Deployment['spec']>['template']['spec'] = {
    containers: [
      {
        name,
        image: imageOf(fleet),
        ports: [{ name: K8S_PORT_NAME, containerPort: K8S_PLACEHOLDERS.containerPort, protocol: 'TCP' }],
        ...(probes
          ? {
              livenessProbe: {
                httpGet: { path: K8S_PLACEHOLDERS.healthPath, port: K8S_PORT_NAME },
                periodSeconds: whole(probes.liveness.periodSeconds),
                failureThreshold: whole(probes.liveness.failureThreshold),
              },
              ...(probes.readiness
                ? {
                    readinessProbe: {
                      httpGet: { path: K8S_PLACEHOLDERS.healthPath, port: K8S_PORT_NAME },
                      periodSeconds: whole(probes.readiness.periodSeconds),
                      failureThreshold: whole(probes.readiness.failureThreshold),
                    },
                  }
                : {}),
            }
          : {}),
      },
    ],
  };
  if (!probes) {
    ctx.warnings.push({
      code: 'no-probes',
      path: at(ctx, fleet.id),
      message: `Container fleet "${fleet.id}" has no probes in the plan (the simulation restarts nothing); the Deployment gets no liveness or readiness probe.`,
    });
  } else {
    for (const [which, p] of [['liveness', probes.liveness], ['readiness', probes.readiness]] as const) {
      if (p && (!Number.isInteger(p.periodSeconds) || !Number.isInteger(p.failureThreshold))) {
        ctx.warnings.push({ code: 'probe-rounded', path: at(ctx, fleet.id, 'probes', which), message: `Kubernetes probe figures are whole numbers; "${fleet.id}" ${which} ${p.periodSeconds} s × ${p.failureThreshold} is not; the export writes the nearest whole numbers (at least 1).` });
      }
    }
  }
  const zones = zoneNames(region);
  if (fleet.zone !== undefined) {
    const pinned = zones?.[fleet.zone];
    if (pinned) container.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [pinned] }] }] } } };
    else ctx.warnings.push({ code: 'zones-not-pinned', path: at(ctx, fleet.id, 'zone'), message: `Fleet "${fleet.id}" sits in zone ${fleet.zone} of region "${region.id}", whose zone names are unknown; the pods are not pinned to a zone.` });
  } else if (region.zones > 1) {
    container.topologySpreadConstraints = [
      {
        maxSkew: 1,
        minDomains: region.zones,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: selectorLabels(fleet) },
      },
    ];
    if (zones) container.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: zones }] }] } } };
    else ctx.warnings.push({ code: 'zones-not-pinned', path: at(ctx, fleet.id), message: `Region "${region.id}" has ${region.zones} zones with no known names: the pods spread over ${region.zones} zones but are not limited to particular ones.` });
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: labels(fleet), annotations: { 'resilience.studio/plan-node': fleet.id } },
    spec: {
      replicas: fleet.instances,
      selector: { matchLabels: selectorLabels(fleet) },
      template: { metadata: { labels: labels(fleet) }, spec: container },
    },
  };
}

function service(fleet: ResolvedFleet): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: k8sName(fleet.id), labels: labels(fleet) },
    spec: { selector: selectorLabels(fleet), ports: [{ name: K8S_PORT_NAME, port: 80, targetPort: K8S_PORT_NAME, protocol: 'TCP' }] },
  };
}

function autoscaler(fleet: ResolvedFleet): HorizontalPodAutoscaler | undefined {
  const a = fleet.autoscaling;
  if (!a) return undefined;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: k8sName(fleet.id), labels: labels(fleet) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: k8sName(fleet.id) },
      minReplicas: a.min,
      maxReplicas: a.max,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: Math.round(a.targetUtilization * 100) } } }],
    },
  };
}

/** Voluntary disruptions (drains, upgrades) may take one pod at a time: the simulation models no planned loss of capacity. */
function disruptionBudget(fleet: ResolvedFleet): PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: k8sName(fleet.id), labels: labels(fleet) },
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels(fleet) } },
  };
}

function ingress(ctx: Ctx, lb: ResolvedLoadBalancer, fleets: ResolvedFleet[]): Ingress {
  const name = kubernetesIngressName(lb.id);
  const hcPath = ['nodes', ctx.index.get(lb.id) ?? -1, 'healthCheck'];
  const take = (a: limits.Adjusted): number => {
    if (a.warning) ctx.warnings.push(a.warning);
    return a.value;
  };
  const interval = take(limits.albInterval(lb.healthCheck.intervalSeconds, [...hcPath, 'intervalSeconds']));
  const unhealthy = take(limits.albThreshold(lb.healthCheck.failureThreshold, [...hcPath, 'failureThreshold'], 'unhealthy'));
  const healthy = take(limits.albThreshold(lb.healthCheck.recoveryThreshold, [...hcPath, 'recoveryThreshold'], 'healthy'));
  const publicFacing = sendersTo(ctx.plan, lb.id).some((n) => n.kind === 'clients' || n.kind === 'dns');
  const attributes = [lb.algorithm === 'least-connections' ? 'load_balancing.algorithm.type=least_outstanding_requests' : 'load_balancing.algorithm.type=round_robin'];
  if (lb.algorithm === 'ip-hash') {
    attributes.push('stickiness.enabled=true', 'stickiness.type=lb_cookie');
    ctx.warnings.push({ code: 'algorithm-adjusted', path: at(ctx, lb.id, 'algorithm'), message: `Load balancer "${lb.id}": an ALB has no ip-hash; the Ingress uses round robin with cookie stickiness.` });
  }
  if (fleets.length > 1) {
    ctx.warnings.push({ code: 'target-not-exported', path: at(ctx, lb.id), message: `Load balancer "${lb.id}" spreads traffic over ${fleets.length} container fleets; the Ingress sends its default path to "${fleets[0]!.id}" only (split the paths by hand).` });
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name,
      annotations: {
        'resilience.studio/plan-node': lb.id,
        'alb.ingress.kubernetes.io/group.name': name,
        'alb.ingress.kubernetes.io/scheme': publicFacing ? 'internet-facing' : 'internal',
        'alb.ingress.kubernetes.io/target-type': 'ip',
        'alb.ingress.kubernetes.io/healthcheck-path': K8S_PLACEHOLDERS.healthPath,
        'alb.ingress.kubernetes.io/healthcheck-interval-seconds': String(interval),
        'alb.ingress.kubernetes.io/healthy-threshold-count': String(healthy),
        'alb.ingress.kubernetes.io/unhealthy-threshold-count': String(unhealthy),
        'alb.ingress.kubernetes.io/target-group-attributes': attributes.join(','),
      },
    },
    spec: {
      ingressClassName: 'alb',
      defaultBackend: { service: { name: k8sName(fleets[0]!.id), port: { name: K8S_PORT_NAME } } },
    },
  };
}

function yamlDocs(docs: object[]): string {
  return docs.map((d) => stringify(d, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
}

function kustomization(fleets: ResolvedFleet[], files: string[]): string {
  const header = [
    '# Kustomization for this region\'s cluster. Values the plan does not describe are placeholders:',
    `#   namespace "${K8S_PLACEHOLDERS.namespace}", images under "${K8S_PLACEHOLDERS.imageRegistry}" with tag "${K8S_PLACEHOLDERS.imageTag}",`,
    `#   and the CPU/memory requests in placeholders.yaml ("${K8S_PLACEHOLDERS.cpuRequest}", "${K8S_PLACEHOLDERS.memoryRequest}"),`,
    '#   which the HorizontalPodAutoscaler needs to measure CPU utilisation. Replace them before applying.',
    '',
  ].join('\n');
  const body = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: K8S_PLACEHOLDERS.namespace,
    resources: files,
    images: fleets.map((f) => ({ name: imageOf(f), newName: imageOf(f), newTag: K8S_PLACEHOLDERS.imageTag })),
    patches: [{ path: 'placeholders.yaml' }],
  };
  return header + stringify(body, { lineWidth: 0, aliasDuplicateObjects: false });
}

function resourcePatches(fleets: ResolvedFleet[]): string {
  return (
    '# Strategic-merge patches: the CPU and memory each container requests. The plan gives capacity in\n' +
    '# requests per second, not CPU, so these are placeholders; set them from a load test.\n' +
    yamlDocs(
      fleets.map((f) => ({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: k8sName(f.id) },
        spec: { template: { spec: { containers: [{ name: k8sName(f.id), resources: { requests: { cpu: K8S_PLACEHOLDERS.cpuRequest, memory: K8S_PLACEHOLDERS.memoryRequest } } }] } } },
      })),
    )
  );
}

function readme(plan: ResolvedPlan, folders: { folder: string; region: ResolvedRegion; fleets: ResolvedFleet[]; ingresses: string[] }[], warnings: ExportWarning[]): string {
  const lines = [`# ${plan.name}: Kubernetes manifests`, ''];
  if (folders.length === 0) {
    lines.push('The plan has no container fleets, so there is nothing to deploy on Kubernetes. Use the Terraform or CloudFormation export for its VMs, functions and data stores.', '');
  } else {
    lines.push('One kustomize folder per region (one cluster each). Apply with `kubectl apply -k <folder>` after replacing the placeholders.', '');
    for (const f of folders) {
      lines.push(`## ${f.folder}/ (${f.region.name})`, '');
      for (const fleet of f.fleets) {
        const a = fleet.autoscaling;
        lines.push(
          `- \`${k8sName(fleet.id)}\` (plan node "${fleet.id}"): ${fleet.instances} replicas` +
            (a ? `, HPA ${a.min}–${a.max} at ${Math.round(a.targetUtilization * 100)} % CPU` : '') +
            (fleet.probes ? `, liveness ${fleet.probes.liveness.periodSeconds} s × ${fleet.probes.liveness.failureThreshold}` : '') +
            (fleet.probes?.readiness ? `, readiness ${fleet.probes.readiness.periodSeconds} s × ${fleet.probes.readiness.failureThreshold}` : ''),
        );
      }
      for (const i of f.ingresses) lines.push(`- Ingress \`${i}\` (ALB via the AWS Load Balancer Controller, IngressGroup \`${i}\`; the Terraform/CloudFormation export finds this ALB by that name)`);
      lines.push('');
    }
    lines.push(
      '## Placeholders (the plan does not describe these)',
      '',
      '| What | Placeholder | Where |',
      '|---|---|---|',
      `| Namespace | \`${K8S_PLACEHOLDERS.namespace}\` | kustomization.yaml |`,
      `| Container images | \`${K8S_PLACEHOLDERS.imageRegistry}/<fleet>:${K8S_PLACEHOLDERS.imageTag}\` | kustomization.yaml \`images\` |`,
      `| CPU / memory requests | \`${K8S_PLACEHOLDERS.cpuRequest}\` / \`${K8S_PLACEHOLDERS.memoryRequest}\` | placeholders.yaml |`,
      `| Container port | \`${K8S_PLACEHOLDERS.containerPort}\` (named \`${K8S_PORT_NAME}\`) | each Deployment |`,
      `| Health-check path | \`${K8S_PLACEHOLDERS.healthPath}\` | probes and Ingress annotations |`,
      '',
      'Choices of this export (not plan figures): the PodDisruptionBudget allows one pod down at a time; the HPA reads the plan\'s target utilisation (of request capacity) as a CPU target; Services listen on port 80.',
      '',
    );
  }
  if (warnings.length > 0) {
    lines.push('## Warnings', '');
    for (const w of warnings) lines.push(`- \`${w.code}\` at \`${w.path}\`: ${w.message}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function generateKubernetes(input: Plan): ExportResult {
  const plan = resolvePlan(input);
  const ctx: Ctx = { plan, index: new Map(plan.nodes.map((n, i) => [n.id, i])), warnings: [] };
  const files: ExportFile[] = [];
  const folders: { folder: string; region: ResolvedRegion; fleets: ResolvedFleet[]; ingresses: string[] }[] = [];

  for (const n of plan.nodes) {
    if ((n.kind === 'gateway' || n.kind === 'service') && n.platform !== 'container') {
      ctx.warnings.push({ code: 'node-not-exported', path: at(ctx, n.id), message: `Fleet "${n.id}" runs on ${n.platform === 'vm' ? 'VMs' : 'serverless functions'}; the Kubernetes export covers container fleets only (use the Terraform or CloudFormation export).` });
    }
    if (isContainerFleet(n) && !plan.regions.some((r) => r.id === n.region)) {
      ctx.warnings.push({ code: 'node-not-exported', path: at(ctx, n.id), message: `Container fleet "${n.id}" has no region, so no cluster to go to; it is left out.` });
    }
  }

  for (const region of plan.regions) {
    const fleets = plan.nodes.filter((n): n is ResolvedFleet => isContainerFleet(n) && n.region === region.id);
    if (fleets.length === 0) continue;
    const folder = regionFolder(region);
    const resources: string[] = [];
    for (const fleet of fleets) {
      const docs: object[] = [deployment(ctx, fleet, region), service(fleet)];
      const hpa = autoscaler(fleet);
      if (hpa) docs.push(hpa);
      docs.push(disruptionBudget(fleet));
      const file = `${k8sName(fleet.id)}.yaml`;
      resources.push(file);
      files.push({ path: `${folder}/${file}`, content: `# Plan node "${fleet.id}" (${fleet.name}).\n` + yamlDocs(docs) });
    }
    const ingresses: string[] = [];
    for (const lb of plan.nodes) {
      if (lb.kind !== 'loadBalancer' || lb.region !== region.id) continue;
      const targets = targetsOf(plan, lb.id);
      const containers = targets.filter(isContainerFleet);
      if (containers.length === 0) continue;
      if (lb.scope === 'global') {
        ctx.warnings.push({ code: 'node-not-exported', path: at(ctx, lb.id), message: `Load balancer "${lb.id}" is global; an Ingress belongs to one cluster, so it is left out.` });
        continue;
      }
      if (containers.length !== targets.length) {
        ctx.warnings.push({ code: 'target-not-exported', path: at(ctx, lb.id), message: `Load balancer "${lb.id}" fronts containers and other targets; the Ingress covers only the containers.` });
      }
      const ing = ingress(ctx, lb, containers);
      const file = `${ing.metadata!.name!}.ingress.yaml`;
      resources.push(file);
      ingresses.push(ing.metadata!.name!);
      files.push({ path: `${folder}/${file}`, content: `# Plan node "${lb.id}" (${lb.name}).\n` + yamlDocs([ing]) });
    }
    files.push({ path: `${folder}/placeholders.yaml`, content: resourcePatches(fleets) });
    files.push({ path: `${folder}/kustomization.yaml`, content: kustomization(fleets, resources) });
    folders.push({ folder, region, fleets, ingresses });
  }
  files.unshift({ path: 'README.md', content: readme(plan, folders, ctx.warnings) });
  return { files, warnings: ctx.warnings };
}

export const kubernetesFormat: ExportFormat = {
  id: 'kubernetes',
  label: 'Kubernetes manifests',
  description: 'Deployments with the plan\'s probes, Services, HPAs, PodDisruptionBudgets and Ingresses, one kustomize folder per region.',
  target: 'kubernetes',
  generate: generateKubernetes,
};
