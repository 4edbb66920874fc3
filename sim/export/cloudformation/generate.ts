/**
 * CloudFormation (YAML, long-form intrinsics) for AWS from the shared AWS design: one template per
 * region, a global template for Route 53 wired to the regional stacks by parameters (stack exports do
 * not cross regions), and a vault template when off-site copies go to a region the plan lacks.
 * Pure; imports sim/export, sim/model and the `yaml` package only.
 */
import { stringify } from 'yaml';
import type { Plan } from '../../model/schema';
import { designAws, type AwsDesign, type DatastoreDesign, type DnsTargetDesign } from '../aws/design';
import type { InputDesign } from '../aws/inputs';
import { pascal, slug } from '../aws/names';
import { deploymentReadme } from '../aws/readme';
import type { ExportFile, ExportFormat, ExportResult } from '../types';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const STATEFUL: Readonly<Record<string, string>> = {
  'AWS::RDS::DBCluster': 'Snapshot',
  'AWS::DynamoDB::Table': 'Retain',
  'AWS::DynamoDB::GlobalTable': 'Retain',
  'AWS::S3::Bucket': 'Retain',
  'AWS::Backup::BackupVault': 'Retain',
};

const Ref = (name: string): Obj => ({ Ref: name });
const GetAtt = (resource: string, attribute: string): Obj => ({ 'Fn::GetAtt': [resource, attribute] });
const Sub = (text: string): Obj => ({ 'Fn::Sub': text });
const Select = (index: number, list: Json): Obj => ({ 'Fn::Select': [String(index), list] });

/** Drops undefined / false entries so optional properties read `cond ? value : undefined`. */
function props(entries: Record<string, Json | undefined | false>): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(entries)) if (v !== undefined && v !== false) out[k] = v;
  return out;
}

function assumeRole(service: string): Obj {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] };
}

class Template {
  readonly parameters = new Map<string, Obj>();
  readonly resources: Obj = {};
  readonly outputs: Obj = {};

  constructor(
    readonly file: string,
    readonly description: string,
    private readonly inputs: readonly InputDesign[],
  ) {}

  /** A reference to a design input, declaring it as a parameter of this template. */
  input(name: string): Obj {
    const i = this.inputs.find((x) => x.name === name);
    if (!i) throw new Error(`unknown input ${name}`);
    const type = i.cfnType ?? (i.type === 'number' ? 'Number' : i.type === 'list(string)' ? 'CommaDelimitedList' : 'String');
    this.parameters.set(
      pascal(name),
      props({ Type: type, Description: i.description, Default: i.default, AllowedValues: i.allowed ? [...i.allowed] : undefined, NoEcho: i.sensitive ? true : undefined }),
    );
    return Ref(pascal(name));
  }

  /** A parameter that wires this template to another stack's output. */
  wire(name: string, description: string): Obj {
    this.parameters.set(name, { Type: 'String', Description: description });
    return Ref(name);
  }

  name(suffix: string): Obj {
    this.input('name_prefix');
    return Sub(`\${NamePrefix}-${suffix}`);
  }

  tags(nodeId: string): Json[] {
    return [
      { Key: 'Name', Value: this.name(slug(nodeId)) },
      { Key: 'resilience-studio:node', Value: nodeId },
    ];
  }

  add(logicalId: string, type: string, properties: Obj, extra: { notes?: string[]; dependsOn?: string[]; keep?: string } = {}): string {
    if (logicalId in this.resources) throw new Error(`duplicate logical id ${logicalId}`);
    // Data outlives a deleted or replaced stack resource: snapshot databases, keep tables, buckets and vaults.
    const keep = extra.keep ?? STATEFUL[type];
    this.resources[logicalId] = props({
      Type: type,
      DeletionPolicy: keep,
      UpdateReplacePolicy: keep,
      DependsOn: extra.dependsOn?.length ? extra.dependsOn : undefined,
      Metadata: extra.notes?.length ? { 'ResilienceStudio::Notes': extra.notes } : undefined,
      Properties: properties,
    });
    return logicalId;
  }

  output(name: string, description: string, value: Json): void {
    this.outputs[name] = { Description: description, Value: value };
  }

  isEmpty(): boolean {
    return Object.keys(this.resources).length === 0;
  }

  render(): string {
    const doc = props({
      AWSTemplateFormatVersion: '2010-09-09',
      Description: this.description,
      Parameters: this.parameters.size ? Object.fromEntries(this.parameters) : undefined,
      Resources: this.resources,
      Outputs: Object.keys(this.outputs).length ? this.outputs : undefined,
    });
    // No anchors or aliases (shared objects are written out in full), and the version quoted, as
    // AWS's own examples write it (a YAML 1.1 reader would take it for a date).
    const text = stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
    return text.replace(/^AWSTemplateFormatVersion: 2010-09-09$/m, 'AWSTemplateFormatVersion: "2010-09-09"');
  }
}

class Cfn {
  readonly byRegion = new Map<string, Template>();
  readonly global: Template;
  readonly extra: Template[] = [];
  /** "a must be deployed before b", by region id, with the reason. */
  readonly before: [string, string, string][] = [];

  constructor(readonly d: AwsDesign) {
    for (const r of d.regions) this.byRegion.set(r.id, new Template(`${r.code}.yaml`, `${d.planName}: resources in ${r.name} (${r.code}). Generated by Resilience Studio.`, d.inputs));
    this.global = new Template('global-route53.yaml', `${d.planName}: Route 53 health checks and records (global; deploy in us-east-1, where Route 53 publishes its metrics). Generated by Resilience Studio.`, d.inputs);
  }

  t(regionId: string): Template {
    return this.byRegion.get(regionId)!;
  }

  code(regionId: string): string {
    return this.d.regions.find((r) => r.id === regionId)!.code;
  }

  privateSubnets(t: Template, regionId: string, zones?: number[]): Json {
    const key = this.d.regions.find((r) => r.id === regionId)!.key;
    const list = t.input(`${key}_private_subnet_ids`);
    return zones ? zones.map((z) => Select(z, list)) : list;
  }

  zone(t: Template, regionId: string, zone: number): Json {
    const key = this.d.regions.find((r) => r.id === regionId)!.key;
    return Select(zone, t.input(`${key}_availability_zones`));
  }

  regionInput(t: Template, regionId: string, suffix: string): Obj {
    return t.input(`${this.d.regions.find((r) => r.id === regionId)!.key}_${suffix}`);
  }
}

const id = (key: string, what: string) => `${pascal(key)}${what}`;

function albs(c: Cfn): void {
  for (const a of c.d.albs) {
    const t = c.t(a.regionId);
    const lb = t.add(id(a.key, 'LoadBalancer'), 'AWS::ElasticLoadBalancingV2::LoadBalancer', { Type: 'application', Scheme: 'internet-facing', Subnets: c.regionInput(t, a.regionId, 'public_subnet_ids'), Tags: t.tags(a.nodeId) }, { notes: [`Load balancer "${a.nodeId}": security groups are left to you.`, ...a.notes] });
    const attributes: Json[] = [{ Key: 'load_balancing.algorithm.type', Value: a.algorithm }];
    if (a.stickiness) attributes.push({ Key: 'stickiness.enabled', Value: 'true' }, { Key: 'stickiness.type', Value: 'lb_cookie' });
    const tg = t.add(
      id(a.key, 'TargetGroup'),
      'AWS::ElasticLoadBalancingV2::TargetGroup',
      props({
        Port: t.input(a.targetPortInput),
        Protocol: 'HTTP',
        VpcId: c.regionInput(t, a.regionId, 'vpc_id'),
        TargetType: 'instance',
        HealthCheckEnabled: true,
        HealthCheckProtocol: 'HTTP',
        HealthCheckPath: t.input(a.healthPathInput),
        HealthCheckIntervalSeconds: a.intervalSeconds,
        HealthyThresholdCount: a.healthyThreshold,
        UnhealthyThresholdCount: a.unhealthyThreshold,
        HealthCheckTimeoutSeconds: a.timeoutSeconds,
        TargetGroupAttributes: attributes,
        Tags: t.tags(a.nodeId),
      }),
    );
    t.add(id(a.key, 'Listener'), 'AWS::ElasticLoadBalancingV2::Listener', {
      LoadBalancerArn: Ref(lb),
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: t.input(a.certificateInput) }],
      DefaultActions: [{ Type: 'forward', TargetGroupArn: Ref(tg) }],
    });
    t.output(id(a.key, 'DnsName'), `DNS name of the ALB of "${a.nodeId}".`, GetAtt(lb, 'DNSName'));
  }
}

function vmFleets(c: Cfn): void {
  for (const f of c.d.vmFleets) {
    const t = c.t(f.regionId);
    const lt = t.add(
      id(f.key, 'LaunchTemplate'),
      'AWS::EC2::LaunchTemplate',
      { LaunchTemplateData: { ImageId: t.input(f.amiInput), InstanceType: t.input(f.instanceTypeInput), TagSpecifications: [{ ResourceType: 'instance', Tags: t.tags(f.nodeId) }] } },
      { notes: [`Fleet "${f.nodeId}": ${f.desired} instances, ${f.min} to ${f.max}${f.zone !== undefined ? `, pinned to zone ${f.zone}` : ''}.`, ...f.notes] },
    );
    const albKeys = f.albs.map((nodeId) => c.d.albs.find((a) => a.nodeId === nodeId)!.key);
    const asg = t.add(
      id(f.key, 'AutoScalingGroup'),
      'AWS::AutoScaling::AutoScalingGroup',
      props({
        MinSize: String(f.min),
        MaxSize: String(f.max),
        DesiredCapacity: String(f.desired),
        VPCZoneIdentifier: c.privateSubnets(t, f.regionId, f.zone !== undefined ? [f.zone] : undefined),
        TargetGroupARNs: albKeys.length ? albKeys.map((k) => Ref(id(k, 'TargetGroup'))) : undefined,
        HealthCheckType: albKeys.length ? 'ELB' : undefined,
        DefaultInstanceWarmup: f.warmupSeconds,
        LaunchTemplate: { LaunchTemplateId: Ref(lt), Version: GetAtt(lt, 'LatestVersionNumber') },
        Tags: [{ Key: 'resilience-studio:node', Value: f.nodeId, PropagateAtLaunch: true }],
      }),
    );
    if (f.scaling) {
      const s = f.scaling;
      const albKey = s.metric === 'alb-requests' ? c.d.albs.find((a) => a.nodeId === s.albId)!.key : undefined;
      t.add(id(f.key, 'ScalingPolicy'), 'AWS::AutoScaling::ScalingPolicy', {
        AutoScalingGroupName: Ref(asg),
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingConfiguration: {
          TargetValue: s.targetValue,
          PredefinedMetricSpecification: props({
            PredefinedMetricType: albKey ? 'ALBRequestCountPerTarget' : 'ASGAverageCPUUtilization',
            ResourceLabel: albKey ? { 'Fn::Join': ['/', [GetAtt(id(albKey, 'LoadBalancer'), 'LoadBalancerFullName'), GetAtt(id(albKey, 'TargetGroup'), 'TargetGroupFullName')]] } : undefined,
          }),
        },
      });
    }
  }
}

function serverless(c: Cfn): void {
  for (const s of c.d.serverless) {
    const t = c.t(s.regionId);
    const role = t.add(
      id(s.key, 'FunctionRole'),
      'AWS::IAM::Role',
      { AssumeRolePolicyDocument: assumeRole('lambda.amazonaws.com'), ManagedPolicyArns: [Sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')], Tags: t.tags(s.nodeId) },
      { notes: [`Serverless fleet "${s.nodeId}": HTTP API + Lambda.`, ...s.notes] },
    );
    const fn = t.add(
      id(s.key, 'Function'),
      'AWS::Lambda::Function',
      props({ FunctionName: t.name(slug(s.nodeId)), PackageType: 'Image', Code: { ImageUri: t.input(s.imageInput) }, Role: GetAtt(role, 'Arn'), ReservedConcurrentExecutions: s.reservedConcurrency, Tags: t.tags(s.nodeId) }),
    );
    const api = t.add(id(s.key, 'Api'), 'AWS::ApiGatewayV2::Api', { Name: t.name(slug(s.nodeId)), ProtocolType: 'HTTP' });
    const integration = t.add(id(s.key, 'Integration'), 'AWS::ApiGatewayV2::Integration', { ApiId: Ref(api), IntegrationType: 'AWS_PROXY', IntegrationUri: GetAtt(fn, 'Arn'), PayloadFormatVersion: '2.0' });
    t.add(id(s.key, 'Route'), 'AWS::ApiGatewayV2::Route', { ApiId: Ref(api), RouteKey: '$default', Target: { 'Fn::Join': ['/', ['integrations', Ref(integration)]] } });
    const stage = t.add(id(s.key, 'Stage'), 'AWS::ApiGatewayV2::Stage', { ApiId: Ref(api), StageName: '$default', AutoDeploy: true });
    t.add(id(s.key, 'InvokePermission'), 'AWS::Lambda::Permission', {
      FunctionName: Ref(fn),
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: Sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${api}}/*/*`),
    });
    t.output(id(s.key, 'HealthCheckFqdn'), `Host name of the HTTP API of "${s.nodeId}" (Route 53 checks it).`, Sub(`\${${api}}.execute-api.\${AWS::Region}.amazonaws.com`));
    if (s.customDomainOf) {
      const dns = c.d.dns.find((d) => d.nodeId === s.customDomainOf)!;
      const domain = t.add(id(s.key, 'DomainName'), 'AWS::ApiGatewayV2::DomainName', {
        DomainName: t.input(dns.recordNameInput),
        DomainNameConfigurations: [{ CertificateArn: c.regionInput(t, s.regionId, 'certificate_arn'), EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
      });
      t.add(id(s.key, 'ApiMapping'), 'AWS::ApiGatewayV2::ApiMapping', { ApiId: Ref(api), DomainName: Ref(domain), Stage: Ref(stage) });
      t.output(id(s.key, 'DnsName'), `Regional domain name that the record of "${dns.nodeId}" points at for "${s.nodeId}".`, GetAtt(domain, 'RegionalDomainName'));
    }
  }
}

/** Global-template references for a record's answer and its health check's host, with where each comes from. */
function endpointParams(c: Cfn, target: DnsTargetDesign): { record: Obj; probe: Obj } {
  const g = c.global;
  const e = target.endpoint;
  switch (e.kind) {
    case 'alb': {
      const a = c.d.albs.find((x) => x.nodeId === e.nodeId)!;
      const ref = g.wire(id(a.key, 'DnsName'), `Output ${id(a.key, 'DnsName')} of the ${c.code(a.regionId)} stack: DNS name of the ALB of "${a.nodeId}".`);
      return { record: ref, probe: ref };
    }
    case 'ingress': {
      const ref = g.wire(`${pascal(target.key)}IngressDnsName`, `DNS name of the ALB that the AWS Load Balancer Controller created in ${c.code(e.regionId)} for Ingress group "${e.ingressName}" (Kubernetes export).`);
      return { record: ref, probe: ref };
    }
    case 'api': {
      const s = c.d.serverless.find((x) => x.nodeId === e.nodeId)!;
      return {
        record: g.wire(id(s.key, 'DnsName'), `Output ${id(s.key, 'DnsName')} of the ${c.code(s.regionId)} stack: regional domain name of the API of "${s.nodeId}".`),
        probe: g.wire(id(s.key, 'HealthCheckFqdn'), `Output ${id(s.key, 'HealthCheckFqdn')} of the ${c.code(s.regionId)} stack: host name of the API of "${s.nodeId}".`),
      };
    }
    case 'input': {
      const ref = g.input(e.input);
      return { record: ref, probe: ref };
    }
  }
}

function dns(c: Cfn): void {
  const g = c.global;
  for (const d of c.d.dns) {
    for (const t of d.targets) {
      const e = endpointParams(c, t);
      let hc: string | undefined;
      if (d.healthCheck) {
        hc = g.add(
          id(t.key, 'HealthCheck'),
          'AWS::Route53::HealthCheck',
          {
            HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: e.probe, Port: 443, ResourcePath: g.input(d.healthCheck.pathInput), RequestInterval: d.healthCheck.intervalSeconds, FailureThreshold: d.healthCheck.failureThreshold },
            HealthCheckTags: g.tags(`${d.nodeId}/${t.nodeId}`),
          },
          { notes: d.notes },
        );
      }
      g.add(
        id(t.key, 'Record'),
        'AWS::Route53::RecordSet',
        props({
          HostedZoneId: g.input(d.hostedZoneInput),
          Name: g.input(d.recordNameInput),
          Type: 'CNAME',
          TTL: String(d.ttlSeconds),
          ResourceRecords: [e.record],
          SetIdentifier: t.setIdentifier,
          HealthCheckId: hc ? Ref(hc) : undefined,
          Failover: t.failover,
          Weight: t.weight,
          Region: t.latencyRegion,
          GeoLocation: t.geo ? props({ ContinentCode: t.geo.continent, CountryCode: t.geo.country }) : undefined,
        }),
        { notes: [`DNS "${d.nodeId}": ${d.policy} routing, TTL ${d.ttlSeconds} s.`] },
      );
    }
  }
}

/** A dynamic reference: CloudFormation reads the secret at deploy time and never shows the password. */
function secretRef(secret: string): string {
  return `{{resolve:secretsmanager:${secret}}}`;
}

function subnetGroup(c: Cfn, key: string, regionId: string, nodeId: string, zones?: number[]): string {
  const t = c.t(regionId);
  return t.add(id(key, 'SubnetGroup'), 'AWS::RDS::DBSubnetGroup', { DBSubnetGroupDescription: `Subnets of "${nodeId}".`, SubnetIds: c.privateSubnets(t, regionId, zones), Tags: t.tags(nodeId) });
}

function datastores(c: Cfn): void {
  for (const d of c.d.datastores) {
    const t = c.t(d.regionId);
    switch (d.kind) {
      case 'dynamodb': {
        const common = {
          TableName: t.name(slug(d.nodeId)),
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: t.input(d.keyNameInput), AttributeType: t.input(d.keyTypeInput) }],
          KeySchema: [{ AttributeName: t.input(d.keyNameInput), KeyType: 'HASH' }],
        };
        const notes = [`Datastore "${d.nodeId}" (DynamoDB, on-demand capacity: the plan gives no capacity units).`, ...d.notes];
        if (d.replicas.length) {
          t.add(id(d.key, 'Table'), 'AWS::DynamoDB::GlobalTable', { ...common, StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' }, Replicas: [c.code(d.regionId), ...d.replicas.map((r) => r.code)].map((Region) => ({ Region })) }, { notes });
        } else {
          t.add(id(d.key, 'Table'), 'AWS::DynamoDB::Table', { ...common, Tags: t.tags(d.nodeId) }, { notes });
        }
        break;
      }
      case 'aurora': {
        const g = d.global;
        let globalId: Json | undefined;
        if (g?.primary) globalId = Ref(t.add(id(g.key, ''), 'AWS::RDS::GlobalCluster', { GlobalClusterIdentifier: t.name(g.identifier), Engine: t.input(d.engineInput) }, { notes: [`Aurora global database of "${d.nodeId}".`] }));
        else if (g) {
          globalId = t.name(g.identifier);
          c.before.push([g.primaryRegionId, d.regionId, `Aurora secondary cluster "${d.nodeId}" joins the global database`]);
        }
        const sg = subnetGroup(c, d.key, d.regionId, d.nodeId);
        const cluster = t.add(
          id(d.key, 'Cluster'),
          'AWS::RDS::DBCluster',
          props({
            DBClusterIdentifier: t.name(slug(d.nodeId)),
            Engine: t.input(d.engineInput),
            GlobalClusterIdentifier: globalId,
            MasterUsername: d.usernameInput ? t.input(d.usernameInput) : undefined,
            MasterUserPassword: d.passwordSecret ? secretRef(d.passwordSecret) : undefined,
            ManageMasterUserPassword: d.usernameInput && !d.passwordSecret ? true : undefined,
            StorageEncrypted: d.storageEncrypted || undefined,
            KmsKeyId: d.kmsKeyInput ? t.input(d.kmsKeyInput) : undefined,
            DBSubnetGroupName: Ref(sg),
            Tags: t.tags(d.nodeId),
          }),
          { notes: [`Aurora cluster "${d.nodeId}".`, ...d.notes] },
        );
        d.instances.forEach((inst, i) => {
          t.add(
            id(d.key, `Instance${i + 1}`),
            'AWS::RDS::DBInstance',
            props({ DBClusterIdentifier: Ref(cluster), Engine: t.input(d.engineInput), DBInstanceClass: t.input(d.instanceClassInput), AvailabilityZone: inst.zone !== undefined ? c.zone(t, d.regionId, inst.zone) : undefined, Tags: t.tags(inst.nodeId) }),
          );
        });
        break;
      }
      case 'rds': {
        const sg = subnetGroup(c, d.key, d.regionId, d.nodeId, d.subnetZones);
        let source: Json | undefined;
        if (d.replicaOf) {
          const src = c.d.datastores.find((x) => x.nodeId === d.replicaOf!.nodeId)!;
          if (d.replicaOf.crossRegion) {
            source = Sub(`arn:\${AWS::Partition}:rds:${c.code(d.replicaOf.regionId)}:\${AWS::AccountId}:db:\${NamePrefix}-${slug(src.nodeId)}`);
            t.input('name_prefix');
            c.before.push([d.replicaOf.regionId, d.regionId, `RDS replica "${d.nodeId}" reads from "${d.replicaOf.nodeId}"`]);
          } else source = Ref(id(src.key, 'Instance'));
        }
        t.add(
          id(d.key, 'Instance'),
          'AWS::RDS::DBInstance',
          props({
            DBInstanceIdentifier: t.name(slug(d.nodeId)),
            Engine: source ? undefined : 'value' in d.engine ? d.engine.value : t.input(d.engine.input),
            DBInstanceClass: t.input(d.instanceClassInput),
            AllocatedStorage: d.storageInput ? t.input(d.storageInput) : undefined,
            MasterUsername: d.usernameInput ? t.input(d.usernameInput) : undefined,
            MasterUserPassword: d.passwordSecret ? secretRef(d.passwordSecret) : undefined,
            ManageMasterUserPassword: d.usernameInput && !d.passwordSecret ? true : undefined,
            SourceDBInstanceIdentifier: source,
            SourceRegion: d.replicaOf?.crossRegion ? c.code(d.replicaOf.regionId) : undefined,
            DBSubnetGroupName: Ref(sg),
            MultiAZ: d.multiAz,
            StorageEncrypted: d.storageEncrypted || undefined,
            KmsKeyId: d.kmsKeyInput ? t.input(d.kmsKeyInput) : undefined,
            AvailabilityZone: d.zone !== undefined ? c.zone(t, d.regionId, d.zone) : undefined,
            Tags: t.tags(d.nodeId),
          }),
          { notes: [`RDS instance "${d.nodeId}"${d.replicaOf ? ` (read replica of "${d.replicaOf.nodeId}")` : ''}.`, ...d.notes], keep: 'Snapshot' },
        );
        break;
      }
      case 's3':
        s3Bucket(c, d);
        break;
    }
  }
}

function s3Bucket(c: Cfn, d: Extract<DatastoreDesign, { kind: 's3' }>): void {
  const t = c.t(d.regionId);
  const bucketArn = (name: Obj) => Sub(`arn:\${AWS::Partition}:s3:::\${${name.Ref}}`);
  const own = t.input(d.bucketInput);
  let replication: Json | undefined;
  if (d.replicateTo.length) {
    const targets = d.replicateTo.map((r) => ({ r, design: c.d.datastores.find((x) => x.nodeId === r.nodeId && x.kind === 's3') as Extract<DatastoreDesign, { kind: 's3' }> }));
    for (const { r } of targets) if (r.regionId !== d.regionId) c.before.push([r.regionId, d.regionId, `bucket "${d.nodeId}" replicates to "${r.nodeId}", which must exist with versioning first`]);
    const role = t.add(id(d.key, 'ReplicationRole'), 'AWS::IAM::Role', {
      AssumeRolePolicyDocument: assumeRole('s3.amazonaws.com'),
      Policies: [
        {
          PolicyName: 'replication',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: [bucketArn(own)] },
              { Effect: 'Allow', Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'], Resource: [Sub(`arn:\${AWS::Partition}:s3:::\${${own.Ref}}/*`)] },
              { Effect: 'Allow', Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], Resource: targets.map(({ design }) => Sub(`arn:\${AWS::Partition}:s3:::\${${(t.input(design.bucketInput) as { Ref: string }).Ref}}/*`)) },
            ],
          },
        },
      ],
    });
    replication = {
      Role: GetAtt(role, 'Arn'),
      Rules: targets.map(({ r, design }, i) =>
        props({
          Id: `to-${slug(r.nodeId)}`,
          Status: 'Enabled',
          Priority: i + 1,
          Filter: { Prefix: '' },
          DeleteMarkerReplication: { Status: 'Enabled' },
          Destination: props({
            Bucket: bucketArn(t.input(design.bucketInput)),
            ReplicationTime: r.timeControl ? { Status: 'Enabled', Time: { Minutes: 15 } } : undefined,
            Metrics: r.timeControl ? { Status: 'Enabled', EventThreshold: { Minutes: 15 } } : undefined,
          }),
        }),
      ),
    };
  }
  t.add(
    id(d.key, 'Bucket'),
    'AWS::S3::Bucket',
    props({ BucketName: own, VersioningConfiguration: { Status: 'Enabled' }, ReplicationConfiguration: replication, Tags: t.tags(d.nodeId) }),
    { notes: [`Bucket "${d.nodeId}": versioning is on, as replication and AWS Backup require; a replication destination's stack is deployed first.`] },
  );
}

function datastoreArn(d: DatastoreDesign): Json {
  switch (d.kind) {
    case 'dynamodb':
      return GetAtt(id(d.key, 'Table'), 'Arn');
    case 'aurora':
      return GetAtt(id(d.key, 'Cluster'), 'DBClusterArn');
    case 'rds':
      return GetAtt(id(d.key, 'Instance'), 'DBInstanceArn');
    case 's3':
      return GetAtt(id(d.key, 'Bucket'), 'Arn');
  }
}

function backups(c: Cfn): void {
  for (const b of c.d.backups) {
    const t = c.t(b.regionId);
    const vault = t.add(id(b.key, 'Vault'), 'AWS::Backup::BackupVault', { BackupVaultName: t.name(slug(b.nodeId)) }, { notes: [`Backup "${b.nodeId}" of "${b.of.nodeId}": every ${b.intervalHours} h, kept ${b.deleteAfterDays} days.`, ...b.notes] });
    const offsiteName = `${slug(b.nodeId)}-offsite`;
    let copyTo: Json | undefined;
    if (b.offsite && 'regionId' in b.offsite) {
      const remote = c.t(b.offsite.regionId);
      remote.add(id(b.key, 'OffsiteVault'), 'AWS::Backup::BackupVault', { BackupVaultName: remote.name(offsiteName) }, { notes: [`Off-site copies of backup "${b.nodeId}".`] });
      t.input('name_prefix');
      copyTo = Sub(`arn:\${AWS::Partition}:backup:${c.code(b.offsite.regionId)}:\${AWS::AccountId}:backup-vault:\${NamePrefix}-${offsiteName}`);
    } else if (b.offsite) {
      const regionParam = (t.input(b.offsite.regionInput) as { Ref: string }).Ref;
      t.input('name_prefix');
      copyTo = Sub(`arn:\${AWS::Partition}:backup:\${${regionParam}}:\${AWS::AccountId}:backup-vault:\${NamePrefix}-${offsiteName}`);
      const vaultTemplate = new Template(`${slug(b.nodeId)}-offsite-vault.yaml`, `${c.d.planName}: vault for the off-site copies of backup "${b.nodeId}"; deploy it in the region given as ${pascal(b.offsite.regionInput)}. Generated by Resilience Studio.`, c.d.inputs);
      vaultTemplate.add(id(b.key, 'OffsiteVault'), 'AWS::Backup::BackupVault', { BackupVaultName: vaultTemplate.name(offsiteName) });
      c.extra.push(vaultTemplate);
    }
    const plan = t.add(id(b.key, 'Plan'), 'AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanName: t.name(slug(b.nodeId)),
        BackupPlanRule: [
          props({
            RuleName: `every-${b.intervalHours}h`,
            TargetBackupVault: Ref(vault),
            ScheduleExpression: b.schedule,
            Lifecycle: { DeleteAfterDays: b.deleteAfterDays },
            CopyActions: copyTo ? [{ DestinationBackupVaultArn: copyTo, Lifecycle: { DeleteAfterDays: b.deleteAfterDays } }] : undefined,
          }),
        ],
      },
    });
    const managed = ['service-role/AWSBackupServiceRolePolicyForBackup', 'service-role/AWSBackupServiceRolePolicyForRestores', ...(b.of.kind === 's3' ? ['AWSBackupServiceRolePolicyForS3Backup', 'AWSBackupServiceRolePolicyForS3Restore'] : [])];
    const role = t.add(id(b.key, 'Role'), 'AWS::IAM::Role', { AssumeRolePolicyDocument: assumeRole('backup.amazonaws.com'), ManagedPolicyArns: managed.map((m) => Sub(`arn:\${AWS::Partition}:iam::aws:policy/${m}`)) });
    t.add(id(b.key, 'Selection'), 'AWS::Backup::BackupSelection', { BackupPlanId: Ref(plan), BackupSelection: { SelectionName: t.name(slug(b.nodeId)), IamRoleArn: GetAtt(role, 'Arn'), Resources: [datastoreArn(b.of)] } });
  }
}

function rateAlarm(t: Template, logicalId: string, topic: Obj, description: string, namespace: string, errors: [string, string][], total: string, dimensions: Json[], threshold: number): void {
  const metric = (metricId: string, name: string): Json => ({ Id: metricId, MetricStat: { Metric: { Namespace: namespace, MetricName: name, Dimensions: dimensions }, Period: 60, Stat: 'Sum' }, ReturnData: false });
  t.add(logicalId, 'AWS::CloudWatch::Alarm', {
    AlarmName: t.name(slug(logicalId)),
    AlarmDescription: description,
    ComparisonOperator: 'GreaterThanThreshold',
    EvaluationPeriods: 1,
    Threshold: threshold,
    TreatMissingData: 'notBreaching',
    AlarmActions: [topic],
    OKActions: [topic],
    Metrics: [{ Id: 'share', Expression: `(${errors.map(([e]) => `FILL(${e}, 0)`).join(' + ')}) / requests`, Label: '5xx share of requests', ReturnData: true }, ...errors.map(([e, name]) => metric(e, name)), metric('requests', total)],
  });
}

function alarms(c: Cfn): void {
  const m = c.d.monitor;
  if (!m) return;
  for (const a of c.d.albs) {
    const t = c.t(a.regionId);
    rateAlarm(t, id(a.key, 'ErrorRateAlarm'), t.input(m.topicInputs[a.regionId]!), `5xx share of requests through load balancer "${a.nodeId}" above ${m.failingShare} (the simulation's incident threshold).`, 'AWS/ApplicationELB', [['elb5xx', 'HTTPCode_ELB_5XX_Count'], ['target5xx', 'HTTPCode_Target_5XX_Count']], 'RequestCount', [{ Name: 'LoadBalancer', Value: GetAtt(id(a.key, 'LoadBalancer'), 'LoadBalancerFullName') }], m.failingShare);
  }
  for (const i of c.d.ingresses) {
    const t = c.t(i.regionId);
    rateAlarm(t, id(i.key, 'IngressErrorRateAlarm'), t.input(m.topicInputs[i.regionId]!), `5xx share of requests through the Ingress ALB "${i.ingressName}" above ${m.failingShare} (the simulation's incident threshold).`, 'AWS/ApplicationELB', [['elb5xx', 'HTTPCode_ELB_5XX_Count'], ['target5xx', 'HTTPCode_Target_5XX_Count']], 'RequestCount', [{ Name: 'LoadBalancer', Value: t.input(`${i.key}_ingress_load_balancer_full_name`) }], m.failingShare);
  }
  for (const s of c.d.serverless) {
    const t = c.t(s.regionId);
    rateAlarm(t, id(s.key, 'ErrorRateAlarm'), t.input(m.topicInputs[s.regionId]!), `5xx share of requests to the API of "${s.nodeId}" above ${m.failingShare} (the simulation's incident threshold).`, 'AWS/ApiGateway', [['api5xx', '5xx']], 'Count', [{ Name: 'ApiId', Value: Ref(id(s.key, 'Api')) }, { Name: 'Stage', Value: '$default' }], m.failingShare);
  }
  if (!m.route53TopicInput) return;
  const g = c.global;
  for (const d of c.d.dns) {
    if (!d.healthCheck) continue;
    for (const t of d.targets) {
      g.add(id(t.key, 'HealthAlarm'), 'AWS::CloudWatch::Alarm', {
        AlarmName: g.name(`${slug(t.key)}-health`),
        AlarmDescription: `Route 53 health check of "${t.nodeId}" (DNS "${d.nodeId}") reports it unhealthy.`,
        Namespace: 'AWS/Route53',
        MetricName: 'HealthCheckStatus',
        Dimensions: [{ Name: 'HealthCheckId', Value: Ref(id(t.key, 'HealthCheck')) }],
        Statistic: 'Minimum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'LessThanThreshold',
        AlarmActions: [g.input(m.route53TopicInput)],
        OKActions: [g.input(m.route53TopicInput)],
      }, { notes: m.notes });
    }
  }
}

/** Regions in an order that deploys every dependency first; a cycle is reported, not hidden. */
function deployOrder(c: Cfn, templates: Template[]): { steps: string[]; cyclic: string[] | undefined } {
  const regions = c.d.regions.filter((r) => !c.t(r.id).isEmpty()).map((r) => r.id);
  const done: string[] = [];
  let cyclic: string[] | undefined;
  while (done.length < regions.length) {
    const next = regions.find((r) => !done.includes(r) && c.before.every(([a, b]) => b !== r || a === r || done.includes(a) || !regions.includes(a)));
    if (next === undefined) {
      cyclic = c.before.filter(([a, b]) => a !== b && !done.includes(a) && !done.includes(b)).map(([a, b, why]) => `${c.code(a)} before ${c.code(b)}: ${why}`);
      done.push(...regions.filter((r) => !done.includes(r)));
      break;
    }
    done.push(next);
  }
  const steps = [
    ...c.extra.map((t) => `\`${t.file}\` (in the region its description names).`),
    ...done.map((r) => `\`${c.t(r).file}\` in ${c.code(r)}.`),
    ...(templates.includes(c.global) ? [`\`${c.global.file}\` in us-east-1, with the regional stacks' outputs as parameters (each parameter's description names the output).`] : []),
  ];
  return { steps, cyclic };
}

export function generateCloudFormation(plan: Plan): ExportResult {
  const d = designAws(plan);
  const c = new Cfn(d);
  albs(c);
  vmFleets(c);
  serverless(c);
  dns(c);
  datastores(c);
  backups(c);
  alarms(c);
  const templates = [...c.extra, ...[...c.byRegion.values()].filter((t) => !t.isEmpty()), ...(c.global.isEmpty() ? [] : [c.global])];
  const warnings = [...d.warnings];
  const order = deployOrder(c, templates);
  if (order.cyclic) {
    warnings.push({ code: 'deploy-order-cycle', path: '$', message: `The regional stacks depend on each other both ways (${order.cyclic.join('; ')}): deploy them without the cross-region parts first, then update them.` });
  }
  const files: ExportFile[] = templates.map((t) => ({ path: t.file, content: t.render() }));
  files.push({ path: 'README.md', content: deploymentReadme({ ...d, warnings }, 'cloudformation', order.steps) });
  return { files, warnings };
}

export const cloudFormationFormat: ExportFormat = {
  id: 'cloudformation',
  label: 'CloudFormation (AWS)',
  description: 'CloudFormation YAML for AWS: one template per region plus a global Route 53 template, wired by parameters.',
  target: 'aws',
  generate: generateCloudFormation,
};
