/**
 * The `k8s-job` export: a run of the plan as a Kubernetes Indexed Job, one pod per shard running
 * `resilience simulate --shard $((JOB_COMPLETION_INDEX + 1))/N`, the plan as a ConfigMap, shard files
 * on a shared volume, and a merge Job that pools them into the `simulate --json` result.
 * Pure; imports sim/export, sim/model and the `yaml` package only.
 */
import { stringify } from 'yaml';
import { serializePlan } from '../../model/io';
import type { Plan } from '../../model/schema';
import { PLAN_DEFAULTS } from '../../model/resolve';
import type { ExportFormat, ExportOptions, ExportResult, ExportWarning } from '../types';

export const DEFAULT_SHARDS = 4;
export const MAX_SHARDS = 1000;
/** A local image built from the project's Dockerfile; a cluster needs a pushed one (--image). */
export const DEFAULT_IMAGE = 'resilience';
/** The node image's unprivileged user, which the Dockerfile's runtime stage runs as. */
const NODE_UID = 1000;
/** Kubernetes refuses ConfigMaps above 1 MiB. */
const CONFIGMAP_LIMIT = 1024 * 1024;
export const PLAN_DIR = '/plan';
export const RESULTS_DIR = '/results';

/** The run the plan asks for, its defaults filled in. */
function runOf(plan: Plan): { replications: number; seed: number; horizonYears: number } {
  return {
    replications: plan.simulation?.replications ?? PLAN_DEFAULTS.replications,
    seed: plan.simulation?.seed ?? PLAN_DEFAULTS.seed,
    horizonYears: plan.simulation?.horizonYears ?? PLAN_DEFAULTS.horizonYears,
  };
}

/** A DNS-1123 label from the plan's name: lower case, digits and dashes, at most 40 characters. */
export function jobName(plan: Plan): string {
  const base = plan.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `resilience-${base || 'plan'}`;
}

/** POSIX-shell single quoting. */
function quote(word: string): string {
  return /^[\w./:=%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const securityContext = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

function podSpec(name: string, image: string, command: string, withPlan: boolean) {
  return {
    restartPolicy: 'Never',
    securityContext: { runAsNonRoot: true, runAsUser: NODE_UID, runAsGroup: NODE_UID, fsGroup: NODE_UID },
    containers: [
      {
        name: 'resilience',
        image,
        command: ['sh', '-c', command],
        resources: { requests: { cpu: '1', memory: '512Mi' }, limits: { memory: '2Gi' } },
        securityContext,
        volumeMounts: [...(withPlan ? [{ name: 'plan', mountPath: PLAN_DIR, readOnly: true }] : []), { name: 'results', mountPath: RESULTS_DIR }],
      },
    ],
    volumes: [...(withPlan ? [{ name: 'plan', configMap: { name: `${name}-plan` } }] : []), { name: 'results', persistentVolumeClaim: { claimName: `${name}-results` } }],
  };
}

/** The shell command of shard pods and of the merge pod, for a run of `plan` in `shards` parts. */
export function shardCommand(plan: Plan, shards: number): string {
  const s = runOf(plan);
  const shard = `$((JOB_COMPLETION_INDEX + 1))`;
  // Run size, seed and horizon are written out, so every pod runs the same run whatever defaults a later CLI has.
  return [
    'resilience simulate',
    quote(`${PLAN_DIR}/plan.json`),
    `--shard "${shard}/${shards}"`,
    `--replications ${s.replications} --seed ${s.seed} --years ${s.horizonYears} --workers 1`,
    `--out "${RESULTS_DIR}/shard-${shard}-of-${shards}.json"`,
  ].join(' ');
}

export function mergeCommand(shards: number): string {
  return `resilience merge ${RESULTS_DIR}/shard-*-of-${shards}.json --out ${RESULTS_DIR}/result.json && cat ${RESULTS_DIR}/result.json`;
}

/** Bytes of the text in UTF-8 (no TextEncoder: this module runs without Node or DOM types). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function generateIndexedJob(plan: Plan, options: ExportOptions = {}): ExportResult {
  const warnings: ExportWarning[] = [];
  let shards = options.shards ?? DEFAULT_SHARDS;
  if (!Number.isInteger(shards) || shards < 1 || shards > MAX_SHARDS) {
    warnings.push({ code: 'shards-out-of-range', path: '$', message: `${shards} shards is not a whole number from 1 to ${MAX_SHARDS}; wrote ${DEFAULT_SHARDS}` });
    shards = DEFAULT_SHARDS;
  }
  const run = runOf(plan);
  const replications = run.replications;
  if (shards > replications) {
    warnings.push({ code: 'shards-above-replications', path: 'simulation.replications', message: `${shards} shards for ${replications} replications: ${shards - replications} shard pods will run no replication` });
  }
  const image = options.image ?? DEFAULT_IMAGE;
  if (options.image === undefined) {
    warnings.push({ code: 'image-default', path: '$', message: `no --image given: the pods run the image "${DEFAULT_IMAGE}", which a cluster can pull only once you build it from the Dockerfile and push it; pass --image <registry>/resilience:<version>` });
  }
  const name = jobName(plan);
  const planText = serializePlan(plan);
  if (utf8Length(planText) > CONFIGMAP_LIMIT) {
    warnings.push({ code: 'plan-too-large-for-configmap', path: '$', message: 'the plan is above the 1 MiB a ConfigMap may hold; put it on the results volume instead and point the command at it' });
  }
  const labels = { 'app.kubernetes.io/name': 'resilience', 'app.kubernetes.io/instance': name };
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-plan`, labels }, data: { 'plan.json': planText } };
  const claim = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: `${name}-results`, labels },
    // Shards may run on different nodes, so the volume must be writable from many at once.
    spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Gi' } } },
  };
  const shardJob = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${name}-shards`, labels },
    spec: {
      completionMode: 'Indexed',
      completions: shards,
      parallelism: shards,
      backoffLimit: Math.max(6, shards),
      template: { metadata: { labels }, spec: podSpec(name, image, shardCommand(plan, shards), true) },
    },
  };
  const mergeJob = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${name}-merge`, labels },
    spec: { completions: 1, backoffLimit: 2, template: { metadata: { labels }, spec: podSpec(name, image, mergeCommand(shards), false) } },
  };
  const yamlOf = (docs: object[]) => docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
  const readme = `# ${plan.name}: a sharded run on Kubernetes

${shards} pods of an Indexed Job each run one shard of ${replications} replications × ${run.horizonYears} years
(seed ${run.seed}); pod i runs shard i + 1 of ${shards} and writes
\`${RESULTS_DIR}/shard-<K>-of-${shards}.json\` on the volume \`${name}-results\` (ReadWriteMany: pods may land
on different nodes). The merge Job pools the shard files into \`${RESULTS_DIR}/result.json\`, the same JSON
\`resilience simulate --json\` prints for the whole run (all but \`wallSeconds\`).

\`\`\`sh
kubectl apply -f shards-job.yaml
kubectl wait --for=condition=complete job/${name}-shards --timeout=24h
kubectl apply -f merge-job.yaml
kubectl wait --for=condition=complete job/${name}-merge --timeout=1h
kubectl logs job/${name}-merge > result.json
\`\`\`

Image: \`${image}\` (build it from the project's Dockerfile and push it where the cluster pulls from).
Each pod asks for one CPU and runs one worker thread. A failed pod is retried; its shard is
recomputed identically (replication streams depend only on the seed and the replication index).
To start again, delete the jobs and the shard files (\`kubectl delete job -l app.kubernetes.io/instance=${name}\`).
`;
  return {
    files: [
      { path: 'shards-job.yaml', content: yamlOf([configMap, claim, shardJob]) },
      { path: 'merge-job.yaml', content: yamlOf([mergeJob]) },
      { path: 'README.md', content: readme },
    ],
    warnings,
  };
}

export const kubernetesJobFormat: ExportFormat = {
  id: 'k8s-job',
  label: 'Kubernetes Indexed Job',
  description: 'a sharded simulation run as a Kubernetes Indexed Job (one pod per shard), the plan as a ConfigMap, and a merge Job.',
  target: 'kubernetes',
  options: ['shards', 'image'],
  generate: generateIndexedJob,
};
