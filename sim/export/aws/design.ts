/**
 * The one mapping of plan concepts to AWS resources that every AWS export format renders: which
 * regions are exported, which Route 53 records and health checks, load balancers, fleets, data
 * stores, backups and alarms exist, with every value already made valid for AWS (and a warning for
 * each value that had to change), and the inputs the plan does not describe (VPC, subnets, AMIs...).
 * Terraform and CloudFormation only choose syntax. Pure; imports only sim/model and sim/export.
 */
import { formatPath, type PathSegment } from '../../model/issues';
import {
  resolvePlan,
  type ResolvedBackup,
  type ResolvedDatastore,
  type ResolvedDns,
  type ResolvedFleet,
  type ResolvedHealthCheck,
  type ResolvedLoadBalancer,
  type ResolvedNode,
  type ResolvedPlan,
  type ResolvedReplicationEdge,
} from '../../model/resolve';
import type { Distribution, Plan } from '../../model/schema';
import type { ExportWarning } from '../types';
import * as limits from './limits';
import { Inputs, type InputDesign } from './inputs';
import { Namer, slug } from './names';

export type { InputDesign } from './inputs';

/** The share of failing requests at which the simulator opens an incident (PLAN-FORMAT meaning 13). */
export const INCIDENT_FAILING_SHARE = 0.001;

export interface AwsRegionDesign {
  id: string;
  code: string;
  name: string;
  /** Terraform provider alias and prefix of the region's inputs. */
  key: string;
  zones: number;
}

/** Where a DNS answer points. */
export type Endpoint =
  | { kind: 'alb'; nodeId: string; regionId: string }
  /** An ALB made by the AWS Load Balancer Controller from the Kubernetes export's Ingress. */
  | { kind: 'ingress'; nodeId: string; regionId: string; ingressName: string }
  | { kind: 'api'; nodeId: string; regionId: string }
  /** The plan names no resource this export creates: the DNS name is an input. */
  | { kind: 'input'; nodeId: string; regionId: string | undefined; input: string };

export interface DnsTargetDesign {
  nodeId: string;
  /** Name of this target's record (and health check) inside a format: `<dns>_<target>`. */
  key: string;
  path: PathSegment[];
  regionId: string | undefined;
  endpoint: Endpoint;
  setIdentifier: string | undefined;
  failover?: 'PRIMARY' | 'SECONDARY';
  weight?: number;
  latencyRegion?: string;
  geo?: { continent?: string; country?: string };
}

export interface DnsDesign {
  nodeId: string;
  key: string;
  path: PathSegment[];
  policy: ResolvedDns['policy'];
  ttlSeconds: number;
  recordNameInput: string;
  hostedZoneInput: string;
  /** Absent for `simple` (one answer, no health check). */
  healthCheck?: { intervalSeconds: number; failureThreshold: number; pathInput: string };
  targets: DnsTargetDesign[];
  /** Simulated values that describe AWS's own behaviour rather than a setting (written as comments). */
  notes: string[];
}

export interface AlbDesign {
  nodeId: string;
  key: string;
  regionId: string;
  algorithm: 'round_robin' | 'least_outstanding_requests';
  stickiness: boolean;
  intervalSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  /** Set only when the default (5 s) would not be shorter than the interval. */
  timeoutSeconds?: number;
  vmFleets: string[];
  certificateInput: string;
  targetPortInput: string;
  healthPathInput: string;
  notes: string[];
}

/** A balancer in front of containers: the Kubernetes export makes it an Ingress; here it is referenced by name. */
export interface IngressDesign {
  nodeId: string;
  key: string;
  regionId: string;
  ingressName: string;
  algorithm: ResolvedLoadBalancer['algorithm'];
  healthCheck: ResolvedHealthCheck;
  containerFleets: string[];
}

export interface VmFleetDesign {
  nodeId: string;
  key: string;
  regionId: string;
  desired: number;
  min: number;
  max: number;
  zone: number | undefined;
  albs: string[];
  /** Target tracking: requests per target per minute at the plan's target utilisation, or CPU %. */
  scaling?: { metric: 'alb-requests'; targetValue: number; albId: string } | { metric: 'cpu'; targetValue: number };
  warmupSeconds?: number;
  amiInput: string;
  instanceTypeInput: string;
  notes: string[];
}

export interface ServerlessDesign {
  nodeId: string;
  key: string;
  regionId: string;
  reservedConcurrency?: number;
  imageInput: string;
  /** The DNS node whose record name this API serves as a custom domain. */
  customDomainOf?: string;
  notes: string[];
}

export type DatastoreDesign = DynamoDesign | AuroraDesign | RdsDesign | S3Design;

export interface DynamoDesign {
  kind: 'dynamodb';
  nodeId: string;
  key: string;
  regionId: string;
  /** Other members of the dataset: replicas of one global table (every member accepts writes). */
  replicas: { nodeId: string; regionId: string; code: string }[];
  keyNameInput: string;
  keyTypeInput: string;
  notes: string[];
}

export interface AuroraDesign {
  kind: 'aurora';
  nodeId: string;
  key: string;
  regionId: string;
  /** Set when the dataset spans regions: one global database, this cluster primary or secondary. */
  global?: { key: string; identifier: string; primary: boolean; primaryRegionId: string };
  /** Same-region members: more instances of this cluster (Aurora replicas share its storage). */
  instances: { nodeId: string; zone: number | undefined }[];
  engineInput: string;
  instanceClassInput: string;
  usernameInput?: string;
  /** Storage encrypted (the AWS-managed key unless `kmsKeyInput`: a secondary region needs a key of its own). */
  storageEncrypted: boolean;
  kmsKeyInput?: string;
  /** Global primaries only: RDS-managed passwords do not apply to global databases, so the password
   * comes from a Secrets Manager secret the user creates under this name. */
  passwordSecret?: string;
  notes: string[];
}

export interface RdsDesign {
  kind: 'rds';
  nodeId: string;
  key: string;
  regionId: string;
  engine: { value: string } | { input: string };
  /** A synchronous standby in the same region (the plan's `sync` replica). */
  multiAz: boolean;
  zone: number | undefined;
  /** Zones of the DB subnet group's subnets (undefined: every zone of the region). */
  subnetZones?: number[];
  replicaOf?: { nodeId: string; regionId: string; crossRegion: boolean };
  instanceClassInput: string;
  storageInput?: string;
  usernameInput?: string;
  /** Set when RDS cannot manage the password (cross-region replicas): a secret the user creates under this name. */
  passwordSecret?: string;
  /** Primaries are encrypted with the AWS-managed key; same-region replicas inherit; cross-region replicas use `kmsKeyInput`. */
  storageEncrypted: boolean;
  kmsKeyInput?: string;
  notes: string[];
}

export interface S3Design {
  kind: 's3';
  nodeId: string;
  key: string;
  regionId: string;
  bucketInput: string;
  /** `timeControl`: the plan asked for sync; S3 Replication Time Control is the nearest. */
  replicateTo: { nodeId: string; regionId: string; timeControl: boolean }[];
  notes: string[];
}

export interface BackupDesign {
  nodeId: string;
  key: string;
  regionId: string;
  of: DatastoreDesign;
  intervalHours: number;
  schedule: string;
  deleteAfterDays: number;
  /** Off-site copies go to a vault in another region: a region of the plan, or one given as an input. */
  offsite?: { regionId: string } | { regionInput: string };
  notes: string[];
}

export interface AwsDesign {
  planName: string;
  regions: AwsRegionDesign[];
  dns: DnsDesign[];
  albs: AlbDesign[];
  ingresses: IngressDesign[];
  vmFleets: VmFleetDesign[];
  serverless: ServerlessDesign[];
  datastores: DatastoreDesign[];
  backups: BackupDesign[];
  /** Present when the plan has a monitor: alarms on health checks and 5xx rates. */
  monitor?: {
    nodeId: string;
    /** Alarm threshold on the 5xx share: the simulator's incident boundary. */
    failingShare: number;
    /** SNS topic input per region id that has balancers or APIs. */
    topicInputs: Record<string, string>;
    /** SNS topic input in us-east-1 for the Route 53 health-check alarms. */
    route53TopicInput?: string;
    notes: string[];
  };
  inputs: InputDesign[];
  warnings: ExportWarning[];
}

/** The Secrets Manager secret that holds a master password RDS cannot manage itself. A fixed name (not
 * built from a parameter), so CloudFormation's dynamic reference stays a plain literal. */
export function masterPasswordSecret(planName: string, nodeId: string): string {
  return `${slug(planName)}/${slug(nodeId)}/master-password`;
}

/** The Ingress (and IngressGroup) name the Kubernetes export gives a balancer in front of containers. */
export function kubernetesIngressName(nodeId: string): string {
  const name = nodeId.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
  return name === '' ? 'ingress' : name;
}

const PROVIDER_NAMES: Readonly<Record<string, string>> = { aws: 'an AWS', azure: 'an Azure', gcp: 'a Google Cloud', generic: 'a generic (provider-less)' };

const RDS_ENGINES: Readonly<Record<string, string | undefined>> = {
  rds: undefined,
  postgres: 'postgres',
  mysql: 'mysql',
  mariadb: 'mariadb',
};

/** Route 53 continents for the geographic routing of an origin region, by region-code prefix. */
function continentOf(code: string): string | undefined {
  if (/^(us|ca|mx)-/.test(code)) return 'NA';
  if (code.startsWith('sa-')) return 'SA';
  if (code.startsWith('eu-')) return 'EU';
  if (code.startsWith('af-')) return 'AF';
  if (/^ap-southeast-(2|4|6)$/.test(code)) return 'OC';
  if (/^(ap|me|il)-/.test(code)) return 'AS';
  return undefined;
}

class Builder {
  readonly warnings: ExportWarning[] = [];
  readonly names = new Namer();
  readonly inputs = new Inputs();
  readonly regions = new Map<string, AwsRegionDesign>();
  readonly nodeIndex = new Map<string, number>();
  readonly nodes = new Map<string, ResolvedNode>();

  constructor(
    readonly raw: Plan,
    readonly plan: ResolvedPlan,
  ) {
    plan.nodes.forEach((n, i) => {
      this.nodeIndex.set(n.id, i);
      this.nodes.set(n.id, n);
    });
  }

  warn(code: string, path: PathSegment[], message: string): void {
    this.warnings.push({ code, path: formatPath(path), message });
  }

  take(adjusted: limits.Adjusted): number {
    if (adjusted.warning) this.warnings.push(adjusted.warning);
    return adjusted.value;
  }

  path(nodeId: string): PathSegment[] {
    return ['nodes', this.nodeIndex.get(nodeId) ?? -1];
  }

  key(nodeId: string): string {
    return this.names.key(nodeId);
  }

  region(regionId: string | undefined): AwsRegionDesign | undefined {
    return regionId === undefined ? undefined : this.regions.get(regionId);
  }

  regionInput(regionId: string, what: 'vpc' | 'private-subnets' | 'public-subnets' | 'zones' | 'certificate' | 'alarm-topic'): string {
    const r = this.regions.get(regionId)!;
    const where = `${r.name} (${r.code})`;
    switch (what) {
      case 'vpc':
        return this.inputs.need(`${r.key}_vpc_id`, regionId, { type: 'string', cfnType: 'AWS::EC2::VPC::Id', description: `ID of the VPC in ${where} that holds this region's resources.` });
      case 'private-subnets':
        return this.inputs.need(`${r.key}_private_subnet_ids`, regionId, {
          type: 'list(string)',
          cfnType: 'List<AWS::EC2::Subnet::Id>',
          listLength: r.zones,
          description: `Private subnet IDs in ${where}, one per availability zone of the plan, zone 0 first (${r.zones} in all): instances and databases go here.`,
        });
      case 'public-subnets':
        return this.inputs.need(`${r.key}_public_subnet_ids`, regionId, {
          type: 'list(string)',
          cfnType: 'List<AWS::EC2::Subnet::Id>',
          listLength: r.zones,
          description: `Public subnet IDs in ${where}, one per availability zone of the plan, zone 0 first (${r.zones} in all): load balancers go here.`,
        });
      case 'zones':
        return this.inputs.need(`${r.key}_availability_zones`, regionId, {
          type: 'list(string)',
          cfnType: 'List<AWS::EC2::AvailabilityZone::Name>',
          listLength: r.zones,
          description: `Availability zone names in ${where} in the plan's zone order, zone 0 first (${r.zones} in all), matching the subnet lists.`,
        });
      case 'certificate':
        return this.inputs.need(`${r.key}_certificate_arn`, regionId, { type: 'string', description: `ARN of the ACM certificate in ${where} for the HTTPS listeners and API domains of this region.` });
      case 'alarm-topic':
        return this.inputs.need(`${r.key}_alarm_topic_arn`, regionId, { type: 'string', description: `ARN of the SNS topic in ${where} that pages the on-call people when an alarm fires.` });
    }
  }
}

function mapRegions(b: Builder): void {
  b.plan.regions.forEach((r, i) => {
    const nodesThere = b.plan.nodes.filter((n) => n.region === r.id).map((n) => n.id);
    const nodesText = nodesThere.length ? ` with its nodes ${nodesThere.map((n) => `"${n}"`).join(', ')}` : '';
    if (r.provider !== 'aws') {
      b.warn('region-not-exported', ['regions', i], `Region "${r.id}" is ${PROVIDER_NAMES[r.provider]} region: the AWS export leaves it out${nodesText}.`);
      return;
    }
    if (!r.code) {
      b.warn('region-not-exported', ['regions', i, 'code'], `AWS region "${r.id}" has no region code: the export cannot place it and leaves it out${nodesText}.`);
      return;
    }
    b.regions.set(r.id, { id: r.id, code: r.code, name: r.name, key: b.names.key(`region:${r.id}`, r.id), zones: r.zones });
  });
}

/** Nodes with a region that is not exported are left out (their region's warning names them). */
function placed(b: Builder, node: ResolvedNode): AwsRegionDesign | undefined {
  return b.region(node.region);
}

function trafficTargets(b: Builder, nodeId: string): ResolvedNode[] {
  return b.plan.edges.filter((e) => e.kind === 'traffic' && e.from === nodeId).flatMap((e) => b.nodes.get(e.to) ?? []);
}

function isFleet(n: ResolvedNode | undefined): n is ResolvedFleet {
  return n !== undefined && (n.kind === 'gateway' || n.kind === 'service');
}

function mapBalancers(b: Builder, albs: AlbDesign[], ingresses: IngressDesign[]): void {
  for (const lb of b.plan.nodes) {
    if (lb.kind !== 'loadBalancer') continue;
    const at = b.path(lb.id);
    if (lb.scope === 'global') {
      b.warn('node-not-exported', at, `Load balancer "${lb.id}" is global: AWS has no global application load balancer (Global Accelerator is not exported); it is left out.`);
      continue;
    }
    const region = placed(b, lb);
    if (!region) continue;
    const targets = trafficTargets(b, lb.id);
    const fleets = targets.filter(isFleet);
    const containers = fleets.filter((f) => f.platform === 'container');
    const vms = fleets.filter((f) => f.platform === 'vm');
    for (const t of targets) {
      if (!isFleet(t) || t.platform === 'serverless') {
        b.warn('target-not-exported', at, `Load balancer "${lb.id}" sends traffic to "${t.id}" (${isFleet(t) ? 'serverless' : t.kind}); the AWS export attaches only VM fleets to an ALB, so this target is not attached.`);
      }
    }
    if (containers.length > 0 && vms.length === 0) {
      ingresses.push({ nodeId: lb.id, key: b.key(lb.id), regionId: region.id, ingressName: kubernetesIngressName(lb.id), algorithm: lb.algorithm, healthCheck: lb.healthCheck, containerFleets: containers.map((c) => c.id) });
      b.warn(
        'left-to-kubernetes',
        at,
        `Load balancer "${lb.id}" fronts containers (${containers.map((c) => `"${c.id}"`).join(', ')}): the Kubernetes export makes it the Ingress "${kubernetesIngressName(lb.id)}" for the AWS Load Balancer Controller, and this export refers to that ALB by name.`,
      );
      continue;
    }
    if (containers.length > 0) {
      b.warn('target-not-exported', at, `Load balancer "${lb.id}" fronts both VMs and containers: the ALB gets the VM fleets; the containers (${containers.map((c) => `"${c.id}"`).join(', ')}) are left to the Kubernetes export.`);
    }
    const hc = lb.healthCheck;
    const hcPath: PathSegment[] = [...at, 'healthCheck'];
    const interval = b.take(limits.albInterval(hc.intervalSeconds, [...hcPath, 'intervalSeconds']));
    const unhealthy = b.take(limits.albThreshold(hc.failureThreshold, [...hcPath, 'failureThreshold'], 'unhealthy'));
    const healthy = b.take(limits.albThreshold(hc.recoveryThreshold, [...hcPath, 'recoveryThreshold'], 'healthy'));
    if (lb.algorithm === 'ip-hash') {
      b.warn('algorithm-adjusted', [...at, 'algorithm'], `Load balancer "${lb.id}": an ALB has no ip-hash; the nearest is round robin with sticky sessions (an application cookie keeps each client on its instance), which the export writes.`);
    }
    const key = b.key(lb.id);
    b.regionInput(region.id, 'public-subnets');
    b.regionInput(region.id, 'vpc');
    const notes: string[] = [];
    if (hc.checkers !== 1) notes.push(`the plan simulates ${hc.checkers} checkers; every ALB node checks its targets itself`);
    if (hc.deep) notes.push('the plan simulates a deep health check: point the health-check path at an endpoint that checks the downstream path');
    albs.push({
      nodeId: lb.id,
      key,
      regionId: region.id,
      algorithm: lb.algorithm === 'least-connections' ? 'least_outstanding_requests' : 'round_robin',
      stickiness: lb.algorithm === 'ip-hash',
      intervalSeconds: interval,
      healthyThreshold: healthy,
      unhealthyThreshold: unhealthy,
      ...(interval <= 5 ? { timeoutSeconds: Math.max(2, interval - 1) } : {}),
      vmFleets: vms.map((v) => v.id),
      certificateInput: b.regionInput(region.id, 'certificate'),
      targetPortInput: b.inputs.need(`${key}_target_port`, region.id, { type: 'number', description: `Port on which the instances behind load balancer "${lb.id}" serve HTTP.` }),
      healthPathInput: b.inputs.need(`${key}_health_check_path`, region.id, { type: 'string', description: `HTTP path the ALB "${lb.id}" requests to check each instance (e.g. a /health endpoint of your service).` }),
      notes,
    });
  }
}

function mapFleets(b: Builder, albs: AlbDesign[], vmFleets: VmFleetDesign[], serverless: ServerlessDesign[]): void {
  for (const fleet of b.plan.nodes) {
    if (!isFleet(fleet)) continue;
    const at = b.path(fleet.id);
    if (!fleet.region) {
      b.warn('node-not-exported', at, `Fleet "${fleet.id}" has no region; the export cannot place it and leaves it out.`);
      continue;
    }
    const region = placed(b, fleet);
    if (!region) continue;
    const key = b.key(fleet.id);
    if (fleet.platform === 'container') {
      b.warn('left-to-kubernetes', at, `Container fleet "${fleet.id}" is left to the Kubernetes export (Deployment, probes and autoscaler); this export creates no resources for it.`);
      continue;
    }
    if (fleet.platform === 'serverless') {
      const notes: string[] = [];
      if (fleet.requestSeconds !== undefined) notes.push(`each request runs ${fleet.requestSeconds} s in the simulation`);
      if (fleet.scaleUpPerMinute !== undefined) notes.push(`the simulation scales up by ${fleet.scaleUpPerMinute} concurrent executions per minute; Lambda's scaling rate is AWS's own and has no setting`);
      serverless.push({
        nodeId: fleet.id,
        key,
        regionId: region.id,
        ...(fleet.concurrencyLimit !== undefined ? { reservedConcurrency: fleet.concurrencyLimit } : {}),
        imageInput: b.inputs.need(`${key}_image_uri`, region.id, { type: 'string', description: `URI of the container image (in ECR, ${region.code}) that the Lambda function of "${fleet.id}" runs.` }),
        notes,
      });
      continue;
    }
    const fronting = albs.filter((a) => a.vmFleets.includes(fleet.id));
    b.regionInput(region.id, 'private-subnets');
    const auto = fleet.autoscaling;
    const notes: string[] = [];
    let scaling: VmFleetDesign['scaling'];
    if (auto) {
      const alb = fronting[0];
      if (alb && fleet.capacityRpsPerInstance !== undefined) {
        // The simulated trigger is load ÷ capacity; ALB counts requests per target per minute.
        scaling = { metric: 'alb-requests', targetValue: fleet.capacityRpsPerInstance * auto.targetUtilization * 60, albId: alb.nodeId };
        notes.push(`scales at ${auto.targetUtilization} of ${fleet.capacityRpsPerInstance} requests/s per instance = ${scaling.targetValue} requests per target per minute`);
      } else {
        scaling = { metric: 'cpu', targetValue: auto.targetUtilization * 100 };
        b.warn('scaling-metric-approximated', [...at, 'autoscaling', 'targetUtilization'], `Fleet "${fleet.id}" has no ALB and capacity to scale on request count; the export tracks average CPU at ${scaling.targetValue} % instead of the simulated request utilisation ${auto.targetUtilization}.`);
      }
      notes.push(`the simulation reacts ${auto.reactionSeconds} s after utilisation crosses its target; target tracking reacts on CloudWatch's own 1-minute alarms`);
    }
    vmFleets.push({
      nodeId: fleet.id,
      key,
      regionId: region.id,
      desired: fleet.instances,
      min: auto?.min ?? fleet.instances,
      max: auto?.max ?? fleet.instances,
      zone: fleet.zone,
      albs: fronting.map((a) => a.nodeId),
      ...(scaling ? { scaling } : {}),
      ...(auto ? { warmupSeconds: auto.launchSeconds } : {}),
      amiInput: b.inputs.need(`${key}_ami_id`, region.id, { type: 'string', cfnType: 'AWS::EC2::Image::Id', description: `AMI (in ${region.code}) the instances of "${fleet.id}" boot from.` }),
      instanceTypeInput: b.inputs.need(`${key}_instance_type`, region.id, { type: 'string', description: `EC2 instance type of "${fleet.id}" (sized for ${fleet.capacityRpsPerInstance ?? 'the'} requests/s per instance the plan assumes).` }),
      notes,
    });
    if (fleet.zone !== undefined && fleet.zone >= region.zones) {
      b.warn('zone-out-of-range', [...at, 'zone'], `Fleet "${fleet.id}" is pinned to zone ${fleet.zone}, but region "${region.id}" has ${region.zones} zones.`);
    }
  }
}

function endpointOf(b: Builder, dns: ResolvedDns, targetId: string, albs: AlbDesign[], ingresses: IngressDesign[], serverless: ServerlessDesign[]): Endpoint | undefined {
  const node = b.nodes.get(targetId);
  if (!node) return undefined;
  const alb = albs.find((a) => a.nodeId === targetId);
  if (alb) return { kind: 'alb', nodeId: targetId, regionId: alb.regionId };
  const ingress = ingresses.find((i) => i.nodeId === targetId);
  if (ingress) return { kind: 'ingress', nodeId: targetId, regionId: ingress.regionId, ingressName: ingress.ingressName };
  const api = serverless.find((s) => s.nodeId === targetId);
  if (api) {
    api.customDomainOf = dns.id;
    b.regionInput(api.regionId, 'certificate');
    return { kind: 'api', nodeId: targetId, regionId: api.regionId };
  }
  if (node.region !== undefined && !b.region(node.region)) return undefined;
  const key = b.key(targetId);
  const input = b.inputs.need(`${key}_dns_name`, 'global', { type: 'string', description: `DNS name that answers for "${targetId}" (the plan gives it no load balancer or API this export creates).` });
  return { kind: 'input', nodeId: targetId, regionId: node.region, input };
}

function mapDns(b: Builder, albs: AlbDesign[], ingresses: IngressDesign[], serverless: ServerlessDesign[]): DnsDesign[] {
  const out: DnsDesign[] = [];
  for (const dns of b.plan.nodes) {
    if (dns.kind !== 'dns') continue;
    const at = b.path(dns.id);
    const key = b.key(dns.id);
    const ttl = b.take(limits.route53Ttl(dns.ttlSeconds, [...at, 'ttlSeconds']));
    const withChecks = dns.policy !== 'simple';
    let healthCheck: DnsDesign['healthCheck'];
    const hcPath: PathSegment[] = [...at, 'healthCheck'];
    if (withChecks) {
      const intervalSeconds = b.take(limits.route53Interval(dns.healthCheck.intervalSeconds, [...hcPath, 'intervalSeconds']));
      const failureThreshold = b.take(limits.route53FailureThreshold(dns.healthCheck.failureThreshold, [...hcPath, 'failureThreshold']));
      const recovery = limits.route53RecoveryThreshold(dns.healthCheck.recoveryThreshold, failureThreshold, [...hcPath, 'recoveryThreshold']);
      if (recovery) b.warnings.push(recovery);
      healthCheck = {
        intervalSeconds,
        failureThreshold,
        pathInput: b.inputs.need(`${key}_health_check_path`, 'global', { type: 'string', description: `HTTP path Route 53 requests on each target of "${dns.id}" to check it (e.g. /health).` }),
      };
      // Manual failover (meaning 21) may not be in every schema version yet: read it from the plan as written.
      const written = b.raw.nodes.find((n) => n.id === dns.id);
      if (written?.kind === 'dns' && (written.healthCheck as { manual?: unknown } | undefined)?.manual === true) {
        b.warn('manual-failover', [...hcPath, 'manual'], `DNS "${dns.id}" is switched by people in the plan; the export still writes Route 53 health checks, which switch automatically. Remove them (or disable them) to keep failover manual.`);
      }
    }
    const notes = [
      `the simulation assumes ${dns.ttlViolationFraction} of clients keep an old answer ${dns.ttlViolationSeconds} s (client behaviour, no setting)`,
      ...(withChecks
        ? [
            `the simulation uses ${dns.healthCheck.checkers} checkers and ${dns.healthCheck.propagationSeconds} s propagation (Route 53's own behaviour, no setting)`,
            ...(dns.healthCheck.deep ? ['the plan simulates a deep check: point the health-check path at an endpoint that checks the whole downstream path'] : []),
          ]
        : []),
    ];
    const targets: DnsTargetDesign[] = [];
    dns.targets.forEach((t, ti) => {
      const tPath: PathSegment[] = [...at, 'targets', ti];
      const endpoint = endpointOf(b, dns, t.node, albs, ingresses, serverless);
      if (!endpoint) {
        b.warn('target-not-exported', tPath, `DNS "${dns.id}" answers "${t.node}", which this export leaves out; its record is not written.`);
        return;
      }
      const tKey = b.names.key(`record:${dns.id}:${t.node}`, `${key}_${b.key(t.node)}`);
      const design: DnsTargetDesign = { nodeId: t.node, key: tKey, path: tPath, regionId: endpoint.regionId, endpoint, setIdentifier: withChecks ? t.node : undefined };
      switch (dns.policy) {
        case 'failover':
          design.failover = t.role === 'secondary' ? 'SECONDARY' : 'PRIMARY';
          break;
        case 'weighted':
          design.weight = b.take(limits.route53Weight(t.weight ?? 0, [...tPath, 'weight']));
          break;
        case 'latency': {
          const region = b.region(endpoint.regionId);
          if (!region) {
            b.warn('target-not-exported', tPath, `DNS "${dns.id}" uses latency routing, but target "${t.node}" has no AWS region; its record is not written.`);
            return;
          }
          design.latencyRegion = region.code;
          break;
        }
        case 'geo': {
          // One record per Route 53 location: a continent per origin region, plus the default ("*").
          const locations: { suffix: string; geo: { continent?: string; country?: string } }[] = [];
          for (const [oi, origin] of (t.origins ?? []).entries()) {
            const code = b.plan.regions.find((r) => r.id === origin)?.code;
            const continent = code === undefined ? undefined : continentOf(code);
            if (!continent) {
              b.warn('target-not-exported', [...tPath, 'origins', oi], `DNS "${dns.id}": origin "${origin}" of target "${t.node}" has no AWS region code to map to a Route 53 location; no record is written for it.`);
              continue;
            }
            if (locations.some((l) => l.geo.continent === continent)) continue;
            locations.push({ suffix: continent.toLowerCase(), geo: { continent } });
            b.warn('geo-origin-as-continent', [...tPath, 'origins', oi], `DNS "${dns.id}": origin region "${origin}" (${code}) is routed as Route 53 continent ${continent}; narrow it to countries if your users are placed differently.`);
          }
          if (t.default) locations.push({ suffix: 'default', geo: { country: '*' } });
          for (const l of locations) {
            const lKey = b.names.key(`record:${dns.id}:${t.node}:${l.suffix}`, `${tKey}_${l.suffix}`);
            targets.push({ ...design, key: lKey, setIdentifier: `${t.node}-${l.suffix}`, geo: l.geo });
          }
          return;
        }
        case 'simple':
          break;
      }
      targets.push(design);
    });
    if (dns.policy === 'simple' && targets.length > 1) {
      b.warn('dns-simple-several-targets', [...at, 'targets'], `DNS "${dns.id}" has a simple policy with ${targets.length} targets; Route 53 gets one record per name, so the export keeps the first.`);
      targets.splice(1);
    }
    out.push({
      nodeId: dns.id,
      key,
      path: at,
      policy: dns.policy,
      ttlSeconds: ttl,
      recordNameInput: b.inputs.need(`${key}_record_name`, 'global', { type: 'string', description: `Fully qualified DNS name that "${dns.id}" answers (e.g. api.example.com; not the zone apex: the records are CNAMEs, which keep the plan's TTL where alias records would fix it at 60 s).` }),
      hostedZoneInput: b.inputs.need(`${key}_hosted_zone_id`, 'global', { type: 'string', cfnType: 'AWS::Route53::HostedZone::Id', description: `ID of the Route 53 hosted zone that holds the name of "${dns.id}".` }),
      ...(healthCheck ? { healthCheck } : {}),
      targets,
      notes,
    });
  }
  return out;
}

/** Datasets: a primary and the members reached from it by replication edges. */
function datasets(b: Builder): { primary: ResolvedDatastore; members: { node: ResolvedDatastore; edge: ResolvedReplicationEdge }[] }[] {
  const repl = b.plan.edges.filter((e): e is ResolvedReplicationEdge => e.kind === 'replication');
  const hasUpstream = new Set(repl.map((e) => e.to));
  const out: ReturnType<typeof datasets> = [];
  for (const node of b.plan.nodes) {
    if (node.kind !== 'datastore' || hasUpstream.has(node.id)) continue;
    const members: { node: ResolvedDatastore; edge: ResolvedReplicationEdge }[] = [];
    const seen = new Set([node.id]);
    const queue = [node.id];
    while (queue.length) {
      const from = queue.shift()!;
      for (const e of repl.filter((r) => r.from === from)) {
        const to = b.nodes.get(e.to);
        if (!to || to.kind !== 'datastore' || seen.has(to.id)) continue;
        seen.add(to.id);
        members.push({ node: to, edge: e });
        queue.push(to.id);
      }
    }
    out.push({ primary: node, members });
  }
  return out;
}

function engineFamily(engine: string): 'dynamodb' | 'aurora' | 'rds' | 's3' | undefined {
  if (engine === 'dynamodb' || engine === 'aurora' || engine === 's3') return engine;
  if (engine in RDS_ENGINES) return 'rds';
  return undefined;
}

function edgePath(b: Builder, edge: ResolvedReplicationEdge): PathSegment[] {
  return ['edges', b.plan.edges.indexOf(edge)];
}

function mapDatastores(b: Builder): DatastoreDesign[] {
  const out: DatastoreDesign[] = [];
  for (const { primary, members } of datasets(b)) {
    const at = b.path(primary.id);
    const family = engineFamily(primary.engine);
    if (!family) {
      b.warn('engine-not-exported', [...at, 'engine'], `Datastore "${primary.id}" uses engine "${primary.engine}", which the AWS export does not map (it maps dynamodb, aurora, rds, postgres, mysql, mariadb and s3); it is left out${members.length ? ` with its replicas ${members.map((m) => `"${m.node.id}"`).join(', ')}` : ''}.`);
      continue;
    }
    const region = placed(b, primary);
    if (!region) {
      if (!primary.region) b.warn('node-not-exported', at, `Datastore "${primary.id}" has no region; the export cannot place it and leaves it out.`);
      continue;
    }
    const live = members.filter((m) => {
      if (m.node.engine !== primary.engine) {
        b.warn('engine-mismatch', [...b.path(m.node.id), 'engine'], `Datastore "${m.node.id}" replicates "${primary.id}" but names engine "${m.node.engine}"; AWS replicates within one engine, so the export uses "${primary.engine}".`);
      }
      if (!b.region(m.node.region)) {
        if (!m.node.region) b.warn('node-not-exported', b.path(m.node.id), `Datastore "${m.node.id}" has no region; the export leaves it out.`);
        return false;
      }
      return true;
    });
    const key = b.key(primary.id);
    const mode = (m: (typeof live)[number]) => m.edge.mode;
    switch (family) {
      case 'dynamodb': {
        for (const m of live) {
          if (mode(m) !== 'multiwriter') b.warn('replication-mode-adjusted', [...edgePath(b, m.edge), 'mode'], `DynamoDB global tables accept writes in every replica: the plan's ${mode(m)} replication from "${m.edge.from}" to "${m.edge.to}" becomes a multi-writer replica.`);
          if (m.node.region === primary.region) b.warn('replica-same-region', edgePath(b, m.edge), `DynamoDB keeps one replica per region: "${m.node.id}" is in the same region as "${primary.id}" and is already covered by the table's own multi-zone storage.`);
        }
        const replicas = live.filter((m) => m.node.region !== primary.region).map((m) => ({ nodeId: m.node.id, regionId: m.node.region!, code: b.region(m.node.region)!.code }));
        out.push({
          kind: 'dynamodb',
          nodeId: primary.id,
          key,
          regionId: region.id,
          replicas,
          keyNameInput: b.inputs.need(`${key}_partition_key_name`, region.id, { type: 'string', description: `Name of the partition-key attribute of DynamoDB table "${primary.id}".` }),
          keyTypeInput: b.inputs.need(`${key}_partition_key_type`, region.id, { type: 'string', allowed: ['S', 'N', 'B'], description: `Type of the partition key of "${primary.id}": S (string), N (number) or B (binary).` }),
          notes: replicas.length ? [`global table: replicas in ${replicas.map((r) => r.code).join(', ')}, every replica accepts writes (multiwriter)`] : [],
        });
        break;
      }
      case 'aurora': {
        const crossRegion = live.filter((m) => m.node.region !== primary.region);
        const sameRegion = live.filter((m) => m.node.region === primary.region);
        const engineInput = b.inputs.need(`${key}_engine`, 'all', { type: 'string', allowed: ['aurora-postgresql', 'aurora-mysql'], description: `Aurora engine of dataset "${primary.id}": aurora-postgresql or aurora-mysql.` });
        const instanceClassInput = b.inputs.need(`${key}_instance_class`, 'all', { type: 'string', description: `DB instance class of the Aurora instances of "${primary.id}" (e.g. a db.r6g size).` });
        const globalKey = crossRegion.length ? b.names.key(`global:${primary.id}`, `${key}_global`) : undefined;
        const global = (primaryCluster: boolean) => (globalKey ? { global: { key: globalKey, identifier: slug(primary.id), primary: primaryCluster, primaryRegionId: region.id } } : {});
        for (const m of [...live]) {
          if (mode(m) === 'multiwriter') b.warn('replication-mode-adjusted', [...edgePath(b, m.edge), 'mode'], `Aurora has one writer per cluster (global write forwarding aside): the plan's multiwriter replication from "${m.edge.from}" to "${m.edge.to}" becomes a reader.`);
          else if (mode(m) === 'sync' && m.node.region !== primary.region) b.warn('replication-mode-adjusted', [...edgePath(b, m.edge), 'mode'], `An Aurora global database replicates asynchronously: the plan's sync replication from "${m.edge.from}" to "${m.edge.to}" is written as a secondary cluster (async).`);
        }
        const promotionNote = (d: ResolvedDatastore) => `promotion ${d.promotion.automatic ? 'automatic' : 'manual'} after ${d.promotion.detectionSeconds} s detection + ${d.promotion.seconds} s in the simulation${d.region !== primary.region ? '; a cross-region switchover is started by people (failover-global-cluster)' : ''}`;
        out.push({
          kind: 'aurora',
          nodeId: primary.id,
          key,
          regionId: region.id,
          ...global(true),
          instances: [{ nodeId: primary.id, zone: primary.zone }, ...sameRegion.map((m) => ({ nodeId: m.node.id, zone: m.node.zone }))],
          storageEncrypted: true,
          engineInput,
          instanceClassInput,
          usernameInput: b.inputs.need(`${key}_master_username`, region.id, { type: 'string', description: `Master user name of Aurora cluster "${primary.id}".` }),
          ...(globalKey
            ? { passwordSecret: masterPasswordSecret(b.raw.name, primary.id) }
            : {}),
          notes: [
            promotionNote(primary),
            globalKey
              ? `RDS cannot manage the password of a global database: create the Secrets Manager secret "${masterPasswordSecret(b.raw.name, primary.id)}" in ${region.code} first (its whole SecretString is the password)`
              : 'the master password is generated and kept in Secrets Manager by RDS',
          ],
        });
        // One secondary cluster per other region; members in the same secondary region are its readers.
        const byRegion = new Map<string, typeof crossRegion>();
        for (const m of crossRegion) byRegion.set(m.node.region!, [...(byRegion.get(m.node.region!) ?? []), m]);
        for (const [regionId, ms] of byRegion) {
          const first = ms[0]!.node;
          out.push({
            kind: 'aurora',
            nodeId: first.id,
            key: b.key(first.id),
            regionId,
            ...global(false),
            instances: ms.map((m) => ({ nodeId: m.node.id, zone: m.node.zone })),
            storageEncrypted: true,
            kmsKeyInput: kmsKey(b, first.id, regionId),
            engineInput,
            instanceClassInput,
            notes: [`secondary cluster of global database "${slug(primary.id)}", replicating asynchronously from "${primary.id}"`, promotionNote(first)],
          });
        }
        break;
      }
      case 'rds': {
        const engineValue = RDS_ENGINES[primary.engine];
        const engine = engineValue ? { value: engineValue } : { input: b.inputs.need(`${key}_engine`, 'all', { type: 'string', allowed: ['postgres', 'mysql', 'mariadb'], description: `RDS engine of dataset "${primary.id}" (the plan says "rds"): postgres, mysql or mariadb.` }) };
        const sameRegionSync = live.find((m) => m.node.region === primary.region && mode(m) === 'sync' && m.edge.from === primary.id);
        const instanceClassInput = b.inputs.need(`${key}_instance_class`, 'all', { type: 'string', description: `DB instance class of "${primary.id}" and its replicas (e.g. a db.m7g size).` });
        const crossRegionReplicas = live.some((m) => m.node.region !== primary.region);
        const primaryDesign: RdsDesign = {
          kind: 'rds',
          nodeId: primary.id,
          key,
          regionId: region.id,
          engine,
          multiAz: Boolean(sameRegionSync),
          storageEncrypted: true,
          ...(crossRegionReplicas ? { passwordSecret: masterPasswordSecret(b.raw.name, primary.id) } : {}),
          zone: sameRegionSync ? undefined : primary.zone,
          ...(sameRegionSync && primary.zone !== undefined && sameRegionSync.node.zone !== undefined ? { subnetZones: [primary.zone, sameRegionSync.node.zone] } : {}),
          instanceClassInput,
          storageInput: b.inputs.need(`${key}_allocated_storage_gb`, region.id, { type: 'number', description: `Storage of RDS instance "${primary.id}" in GiB.` }),
          usernameInput: b.inputs.need(`${key}_master_username`, region.id, { type: 'string', description: `Master user name of RDS instance "${primary.id}".` }),
          notes: [
            crossRegionReplicas
              ? `RDS cannot manage the password of an instance with cross-region replicas: create the Secrets Manager secret "${masterPasswordSecret(b.raw.name, primary.id)}" in ${region.code} first (its whole SecretString is the password)`
              : 'the master password is generated and kept in Secrets Manager by RDS',
            ...(sameRegionSync ? [`Multi-AZ: "${sameRegionSync.node.id}" is the synchronous standby in the same region, promoted ${sameRegionSync.node.promotion.automatic ? 'automatically' : 'by people'} (the simulation: ${sameRegionSync.node.promotion.detectionSeconds} s detection + ${sameRegionSync.node.promotion.seconds} s)`] : []),
          ],
        };
        out.push(primaryDesign);
        for (const m of live) {
          if (m === sameRegionSync) continue;
          const crossRegion = m.node.region !== b.nodes.get(m.edge.from)?.region;
          if (mode(m) !== 'async') {
            b.warn('replication-mode-adjusted', [...edgePath(b, m.edge), 'mode'], `RDS read replicas replicate asynchronously: the plan's ${mode(m)} replication from "${m.edge.from}" to "${m.edge.to}" becomes an async read replica${mode(m) === 'sync' && !crossRegion ? ' (only one synchronous Multi-AZ standby per instance)' : ''}.`);
          }
          out.push({
            kind: 'rds',
            nodeId: m.node.id,
            key: b.key(m.node.id),
            regionId: m.node.region!,
            engine,
            multiAz: false,
            // A replica in the same region inherits its source's encryption; another region needs its own key.
            storageEncrypted: false,
            ...(crossRegion ? { kmsKeyInput: kmsKey(b, m.node.id, m.node.region!) } : {}),
            zone: m.node.zone,
            replicaOf: { nodeId: m.edge.from, regionId: b.nodes.get(m.edge.from)!.region!, crossRegion },
            instanceClassInput,
            notes: [`read replica of "${m.edge.from}" (async), promoted ${m.node.promotion.automatic ? 'automatically' : 'by people'} in the simulation after ${m.node.promotion.seconds} s`],
          });
        }
        break;
      }
      case 's3': {
        const designs = new Map<string, S3Design>();
        for (const d of [primary, ...live.map((m) => m.node)]) {
          const k = b.key(d.id);
          const s3: S3Design = {
            kind: 's3',
            nodeId: d.id,
            key: k,
            regionId: d.region!,
            bucketInput: b.inputs.need(`${k}_bucket_name`, 'all', { type: 'string', description: `Globally unique name of the S3 bucket of "${d.id}" (in ${b.region(d.region)!.code}).` }),
            replicateTo: [],
            notes: [],
          };
          designs.set(d.id, s3);
          out.push(s3);
        }
        for (const m of live) {
          designs.get(m.edge.from)?.replicateTo.push({ nodeId: m.node.id, regionId: m.node.region!, timeControl: mode(m) === 'sync' });
          if (mode(m) === 'multiwriter') designs.get(m.node.id)!.replicateTo.push({ nodeId: m.edge.from, regionId: b.nodes.get(m.edge.from)!.region!, timeControl: false });
          if (mode(m) === 'sync') b.warn('replication-mode-adjusted', [...edgePath(b, m.edge), 'mode'], `S3 replication is asynchronous: the plan's sync replication from "${m.edge.from}" to "${m.edge.to}" is written as replication with Replication Time Control (15-minute objective).`);
        }
        break;
      }
    }
  }
  return out;
}

function kmsKey(b: Builder, nodeId: string, regionId: string): string {
  const r = b.region(regionId)!;
  return b.inputs.need(`${b.key(nodeId)}_kms_key_arn`, regionId, { type: 'string', description: `ARN of a KMS key in ${r.code} that encrypts "${nodeId}" (an encrypted replica in another region cannot use its source's key).` });
}

function designOf(datastores: DatastoreDesign[], nodeId: string): DatastoreDesign | undefined {
  return datastores.find((d) => d.nodeId === nodeId || (d.kind === 'aurora' && d.instances.some((i) => i.nodeId === nodeId)) || (d.kind === 'dynamodb' && d.replicas.some((r) => r.nodeId === nodeId)));
}

function mapBackups(b: Builder, datastores: DatastoreDesign[]): BackupDesign[] {
  const out: BackupDesign[] = [];
  for (const backup of b.plan.nodes) {
    if (backup.kind !== 'backup') continue;
    const at = b.path(backup.id);
    const of = designOf(datastores, backup.of);
    if (!of) {
      b.warn('node-not-exported', [...at, 'of'], `Backup "${backup.id}" protects "${backup.of}", which this export leaves out; the backup is left out too.`);
      continue;
    }
    const interval = b.take(limits.backupInterval(backup.intervalHours, [...at, 'intervalHours']));
    const days = b.take(limits.backupRetentionDays(backup.copies, interval, [...at, 'copies']));
    const offsite = backup.offsite ? offsiteRegion(b, backup, of) : undefined;
    out.push({
      nodeId: backup.id,
      key: b.key(backup.id),
      regionId: of.regionId,
      of,
      intervalHours: interval,
      schedule: limits.backupCron(interval),
      deleteAfterDays: days,
      ...(offsite ? { offsite } : {}),
      notes: [
        `keeps ${backup.copies} copies on ${backup.media} media in the simulation (a vault${offsite ? ' plus an off-site copy vault' : ''} here)`,
        `the simulation restores in ${describe(backup.restoreHours)} h and fails a restore with probability ${backup.restoreFailureProbability}`,
      ],
    });
  }
  return out;
}

function describe(d: Distribution): string {
  switch (d.dist) {
    case 'fixed':
      return `${d.value}`;
    case 'lognormal':
      return `a lognormal median ${d.median} (σ ${d.sigma})`;
    case 'exponential':
      return `an exponential mean ${d.mean}`;
    case 'uniform':
      return `${d.min} to ${d.max}`;
    case 'weibull':
      return `a Weibull scale ${d.scale} (shape ${d.shape})`;
    case 'never':
      return 'never';
  }
}

function offsiteRegion(b: Builder, backup: ResolvedBackup, of: DatastoreDesign): BackupDesign['offsite'] {
  if (backup.region && backup.region !== of.regionId && b.region(backup.region)) return { regionId: backup.region };
  const other = [...b.regions.values()].find((r) => r.id !== of.regionId);
  if (other) return { regionId: other.id };
  return {
    regionInput: b.inputs.need(`${b.key(backup.id)}_offsite_region`, 'global', { type: 'string', description: `AWS region code (e.g. us-west-2) of the vault that holds the off-site copies of backup "${backup.id}"; the plan has no second AWS region.` }),
  };
}

/** Maps a valid plan to AWS resources. Pure and deterministic: the same plan gives the same design. */
export function designAws(plan: Plan): AwsDesign {
  const b = new Builder(plan, resolvePlan(plan));
  b.inputs.need('name_prefix', 'global', { type: 'string', default: slug(plan.name), description: 'Prefix of the names this export gives AWS resources (the default comes from the plan name).' });
  mapRegions(b);
  const albs: AlbDesign[] = [];
  const ingresses: IngressDesign[] = [];
  mapBalancers(b, albs, ingresses);
  const vmFleets: VmFleetDesign[] = [];
  const serverless: ServerlessDesign[] = [];
  mapFleets(b, albs, vmFleets, serverless);
  const dns = mapDns(b, albs, ingresses, serverless);
  const datastores = mapDatastores(b);
  for (const d of datastores) {
    if (d.kind !== 'aurora' && d.kind !== 'rds') continue;
    b.regionInput(d.regionId, 'private-subnets');
    const zoned = d.kind === 'rds' ? d.zone !== undefined : d.instances.some((i) => i.zone !== undefined);
    if (zoned) b.regionInput(d.regionId, 'zones');
  }
  const backups = mapBackups(b, datastores);
  const monitorNode = b.plan.nodes.find((n) => n.kind === 'monitor');
  let monitor: AwsDesign['monitor'];
  if (monitorNode && monitorNode.kind === 'monitor') {
    const topics: Record<string, string> = {};
    for (const r of new Set([...albs.map((a) => a.regionId), ...serverless.map((s) => s.regionId), ...ingresses.map((i) => i.regionId)])) topics[r] = b.regionInput(r, 'alarm-topic');
    for (const i of ingresses) {
      b.inputs.need(`${i.key}_ingress_load_balancer_full_name`, i.regionId, {
        type: 'string',
        description: `The "app/<name>/<id>" part of the ARN of the ALB that the AWS Load Balancer Controller created for Ingress group "${i.ingressName}" (its 5xx alarm watches it).`,
        cloudFormationOnly: true,
      });
    }
    // Route 53 publishes health-check metrics only in us-east-1, so their alarms live there.
    const use1 = [...b.regions.values()].find((r) => r.code === 'us-east-1');
    const route53TopicInput = dns.some((d) => d.healthCheck && d.targets.length)
      ? use1
        ? b.regionInput(use1.id, 'alarm-topic')
        : b.inputs.need('route53_alarm_topic_arn', 'global', { type: 'string', description: 'ARN of the SNS topic in us-east-1 (where Route 53 publishes health-check metrics) that pages the on-call people.' })
      : undefined;
    monitor = {
      nodeId: monitorNode.id,
      failingShare: INCIDENT_FAILING_SHARE,
      topicInputs: topics,
      ...(route53TopicInput ? { route53TopicInput } : {}),
      notes: [`the simulation's on-call "${monitorNode.id}" notices in ${describe(monitorNode.detectionMinutes)} min and responds in ${describe(monitorNode.responseMinutes)} min; alarms page them through the SNS topics`],
    };
  }
  if (b.regions.size === 0) b.warn('nothing-to-export', ['regions'], 'The plan has no AWS region with a region code: there is nothing to export to AWS.');
  return {
    planName: plan.name,
    regions: [...b.regions.values()],
    dns,
    albs,
    ingresses,
    vmFleets,
    serverless,
    datastores,
    backups,
    ...(monitor ? { monitor } : {}),
    inputs: b.inputs.list(),
    warnings: b.warnings,
  };
}
