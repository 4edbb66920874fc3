/**
 * The docker-compose export: the design's shape as a local stack on one machine — every gateway and
 * service fleet as a container service (with the plan's replicas, probe timings as health checks and
 * restart policies), every datastore as a local stand-in, dependencies from the traffic edges. Images
 * and ports the plan does not describe come from a .env file. Pure; imports only sim/model and sim/export.
 */
import { stringify } from 'yaml';
import { formatPath } from '../../model/issues';
import { resolvePlan, type ResolvedDatastore, type ResolvedFleet, type ResolvedNode, type ResolvedPlan } from '../../model/resolve';
import type { Plan } from '../../model/schema';
import { K8S_PLACEHOLDERS, k8sName } from '../kubernetes/generate';
import type { ExportFile, ExportFormat, ExportResult, ExportWarning } from '../types';

/** A local stand-in for a datastore engine: image variable, suggested image, health check, data path. */
interface StandIn {
  image: string;
  test: string[];
  dataPath: string;
  environment?: Record<string, string>;
  note?: string;
}

const POSTGRES: StandIn = {
  image: 'postgres:17',
  test: ['CMD-SHELL', 'pg_isready -U postgres'],
  dataPath: '/var/lib/postgresql/data',
  environment: { POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}' },
};
const MYSQL: StandIn = {
  image: 'mysql:8.4',
  test: ['CMD-SHELL', 'mysqladmin ping -h localhost'],
  dataPath: '/var/lib/mysql',
  environment: { MYSQL_ROOT_PASSWORD: '${MYSQL_ROOT_PASSWORD:?set MYSQL_ROOT_PASSWORD in .env}' },
};

/** Engines with a well-known local equivalent; anything else gets an image placeholder and a warning. */
const STAND_INS: Readonly<Record<string, StandIn>> = {
  postgres: POSTGRES,
  aurora: { ...POSTGRES, note: 'Aurora runs locally as PostgreSQL; set the image to MySQL if your cluster is Aurora MySQL' },
  rds: { ...POSTGRES, note: 'RDS runs locally as PostgreSQL; set the image to your RDS engine' },
  mysql: MYSQL,
  redis: { image: 'redis:7', test: ['CMD', 'redis-cli', 'ping'], dataPath: '/data' },
  // DynamoDB Local's image has no HTTP client to probe itself with: no health check, dependants wait for its start.
  dynamodb: { image: 'amazon/dynamodb-local', test: [], dataPath: '/home/dynamodblocal/data', note: 'DynamoDB Local stands in for DynamoDB; global-table replication is not reproduced' },
  s3: { image: 'minio/minio', test: ['CMD', 'mc', 'ready', 'local'], dataPath: '/data', note: 'MinIO as an S3 stand-in', environment: {} },
};

/** Environment variable holding a node's image, e.g. `GW_EAST_IMAGE`. */
export function imageVariable(nodeId: string): string {
  return `${k8sName(nodeId).toUpperCase().replace(/-/g, '_')}_IMAGE`;
}

function isFleet(n: ResolvedNode | undefined): n is ResolvedFleet {
  return n !== undefined && (n.kind === 'gateway' || n.kind === 'service');
}

/** The fleets and datastores a node needs: its traffic targets, looking through DNS and balancers. */
function dependencies(plan: ResolvedPlan, id: string, seen = new Set<string>()): string[] {
  const out: string[] = [];
  for (const e of plan.edges) {
    if (e.kind !== 'traffic' || e.from !== id || seen.has(e.to)) continue;
    seen.add(e.to);
    const to = plan.nodes.find((n) => n.id === e.to);
    if (!to) continue;
    if (to.kind === 'dns' || to.kind === 'loadBalancer') out.push(...dependencies(plan, to.id, seen));
    else if (isFleet(to) || to.kind === 'datastore') out.push(to.id);
  }
  return out;
}

/** Whether the local stack gives a node a health check (fleets always; datastores when their stand-in has one). */
function hasHealthCheck(plan: ResolvedPlan, id: string): boolean {
  const n = plan.nodes.find((x) => x.id === id);
  if (isFleet(n)) return true;
  return n?.kind === 'datastore' && (STAND_INS[n.engine]?.test.length ?? 0) > 0;
}

function seconds(s: number): string {
  return `${Math.max(1, Math.round(s))}s`;
}

export function generateCompose(input: Plan): ExportResult {
  const plan = resolvePlan(input);
  const index = new Map(plan.nodes.map((n, i) => [n.id, i]));
  const at = (id: string, ...rest: (string | number)[]) => formatPath(['nodes', index.get(id) ?? -1, ...rest]);
  const warnings: ExportWarning[] = [];
  const services: Record<string, object> = {};
  const volumes: Record<string, object> = {};
  const env: string[] = [
    '# Values the plan does not describe. docker compose reads this file; replace every placeholder.',
    `# Port each fleet's container serves HTTP on, and the path its health check requests.`,
    `APP_PORT=${K8S_PLACEHOLDERS.containerPort}`,
    `HEALTH_PATH=${K8S_PLACEHOLDERS.healthPath}`,
  ];
  const published: string[] = [];
  const entry = new Set(plan.nodes.filter((n) => n.kind === 'clients').flatMap((c) => dependencies(plan, c.id)));

  for (const n of plan.nodes) {
    if (isFleet(n)) {
      const name = k8sName(n.id);
      const variable = imageVariable(n.id);
      env.push(`# ${n.name} (plan node "${n.id}", ${n.platform}): your image`, `${variable}=`);
      const probe = n.probes?.liveness;
      const deps = dependencies(plan, n.id);
      if (n.platform === 'serverless') {
        warnings.push({ code: 'serverless-as-container', path: at(n.id, 'platform'), message: `Fleet "${n.id}" is serverless; the local stack runs its code as one container (set ${variable} to an image of the function behind an HTTP server).` });
      }
      services[name] = {
        image: `\${${variable}:?set ${variable} in .env to the image of ${n.id}}`,
        ...(entry.has(n.id) ? { ports: [{ target: K8S_PLACEHOLDERS.containerPort, protocol: 'tcp' }] } : {}),
        environment: { PORT: '${APP_PORT}', HEALTH_PATH: '${HEALTH_PATH}' },
        healthcheck: {
          test: ['CMD-SHELL', 'curl -fsS http://localhost:$${PORT}$${HEALTH_PATH} || exit 1'],
          ...(probe ? { interval: seconds(probe.periodSeconds), retries: Math.max(1, Math.round(probe.failureThreshold)) } : {}),
        },
        restart: n.probes ? 'always' : 'unless-stopped',
        ...(n.platform !== 'serverless' ? { deploy: { replicas: n.instances } } : {}),
        ...(deps.length > 0 ? { depends_on: Object.fromEntries(deps.map((d) => [k8sName(d), { condition: hasHealthCheck(plan, d) ? 'service_healthy' : 'service_started' }])) } : {}),
        labels: { 'resilience.studio/plan-node': n.id },
      };
      if (entry.has(n.id)) published.push(name);
    } else if (n.kind === 'datastore') {
      const name = k8sName(n.id);
      const standIn = STAND_INS[n.engine];
      const variable = imageVariable(n.id);
      if (standIn) {
        env.push(`# ${n.name} (plan node "${n.id}", ${n.engine}): local stand-in${standIn.note ? ` — ${standIn.note}` : ''}`, `${variable}=${standIn.image}`);
        if (standIn.note) warnings.push({ code: 'local-stand-in', path: at(n.id, 'engine'), message: `Datastore "${n.id}" (${n.engine}): ${standIn.note}.` });
      } else {
        env.push(`# ${n.name} (plan node "${n.id}", ${n.engine}): no known local equivalent; set an image`, `${variable}=`);
        warnings.push({ code: 'no-local-stand-in', path: at(n.id, 'engine'), message: `Datastore "${n.id}" uses engine "${n.engine}", which has no known local image; set ${variable} in .env and add a health check.` });
      }
      const volume = `${name}-data`;
      volumes[volume] = {};
      services[name] = {
        image: `\${${variable}:?set ${variable} in .env}`,
        ...(standIn?.environment && Object.keys(standIn.environment).length > 0 ? { environment: standIn.environment } : {}),
        ...(n.engine === 's3' ? { command: ['server', '/data'] } : {}),
        ...(standIn && standIn.test.length > 0 ? { healthcheck: { test: standIn.test } } : {}),
        restart: 'unless-stopped',
        volumes: [{ type: 'volume', source: volume, target: standIn?.dataPath ?? '/data' }],
        labels: { 'resilience.studio/plan-node': n.id },
      };
    }
  }
  const datastores = plan.nodes.filter((n): n is ResolvedDatastore => n.kind === 'datastore');
  if (datastores.some((d) => d.engine === 'postgres' || d.engine === 'aurora' || d.engine === 'rds')) env.push('POSTGRES_PASSWORD=');
  if (datastores.some((d) => d.engine === 'mysql')) env.push('MYSQL_ROOT_PASSWORD=');

  const left = plan.nodes.filter((n) => n.kind === 'dns' || n.kind === 'loadBalancer' || n.kind === 'backup' || n.kind === 'monitor');
  if (left.length > 0) {
    warnings.push({
      code: 'not-in-local-stack',
      path: '$.nodes',
      message: `The local stack has no DNS failover, load balancers, backups or monitoring (${left.map((n) => `"${n.id}"`).join(', ')}): compose's own service discovery spreads calls over a service's replicas.`,
    });
  }
  const replications = plan.edges.filter((e) => e.kind === 'replication');
  if (replications.length > 0) {
    warnings.push({ code: 'not-in-local-stack', path: '$.edges', message: `Replication (${replications.map((e) => `${e.from} → ${e.to}`).join(', ')}) is not set up between the local stand-ins; each runs on its own.` });
  }
  if (plan.regions.length > 1) {
    warnings.push({ code: 'regions-flattened', path: '$.regions', message: `The plan's ${plan.regions.length} regions run side by side on one machine; a region or zone outage can be tried by stopping that region's services.` });
  }

  const compose = { name: k8sName(plan.name), services, ...(Object.keys(volumes).length > 0 ? { volumes } : {}) };
  const files: ExportFile[] = [
    {
      path: 'compose.yaml',
      content: `# ${plan.name}: the design's shape as a local stack (docker compose up). Set the images in .env first.\n` + stringify(compose, { lineWidth: 0, aliasDuplicateObjects: false }),
    },
    { path: '.env', content: env.join('\n') + '\n' },
    { path: 'README.md', content: readme(plan, published, warnings) },
  ];
  return { files, warnings };
}

function readme(plan: ResolvedPlan, published: string[], warnings: ExportWarning[]): string {
  const lines = [
    `# ${plan.name}: local stack`,
    '',
    'A docker-compose file for running the design\'s shape on one machine: every gateway and service fleet as a',
    'container service with the plan\'s replica count, the liveness probe timings as health checks, and every',
    'datastore as a local stand-in. Fill in `.env` (your images, the port your containers listen on, the health',
    'path, database passwords), then `docker compose up`.',
    '',
    `Entry points (published on a random host port; \`docker compose port <service> ${K8S_PLACEHOLDERS.containerPort}\`): ${published.length > 0 ? published.map((p) => `\`${p}\``).join(', ') : 'none'}.`,
    '',
    'Restart policies: fleets with probes in the plan restart `always` (as the kubelet does); the others and the',
    'datastores `unless-stopped`. Docker restarts a container that exits; it does not restart one that is only',
    'unhealthy — the health checks gate `depends_on` and show in `docker compose ps`. The fleet health checks call',
    '`curl` inside your image: install it there or change the `test` command.',
    '',
  ];
  if (warnings.length > 0) {
    lines.push('## Warnings', '');
    for (const w of warnings) lines.push(`- \`${w.code}\` at \`${w.path}\`: ${w.message}`);
    lines.push('');
  }
  return lines.join('\n');
}

export const composeFormat: ExportFormat = {
  id: 'compose',
  label: 'docker-compose (local stack)',
  description: 'The gateways, services and local stand-ins for the datastores as one compose file, with health checks and restart policies.',
  target: 'compose',
  generate: generateCompose,
};
