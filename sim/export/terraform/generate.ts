/**
 * Terraform (HCL) for AWS from the shared AWS design: one aliased provider per region, variables for
 * what the plan does not describe, and the resources of aws/design.ts. Only arguments valid in both
 * AWS provider 5.x and 6.x. Pure; imports sim/export and sim/model only.
 */
import type { Plan } from '../../model/schema';
import {
  designAws,
  type AlbDesign,
  type AwsDesign,
  type BackupDesign,
  type DatastoreDesign,
  type DnsDesign,
  type DnsTargetDesign,
  type ServerlessDesign,
  type VmFleetDesign,
} from '../aws/design';
import { deploymentReadme } from '../aws/readme';
import { slug } from '../aws/names';
import type { ExportFormat, ExportResult } from '../types';
import { attr, block, call, comment, expr, renderFile, type Block, type BodyItem, type HclValue, type Maybe } from './hcl';

export const AWS_PROVIDER_CONSTRAINT = '>= 5.0, < 7.0';

const v = (name: string) => expr(`var.${name}`);
const ref = (text: string) => expr(text);
/** A Terraform string template; `${...}` parts are interpolations (the writer does not escape them). */
const tmpl = (text: string) => expr(JSON.stringify(text));

class Tf {
  readonly main: BodyItem[] = [];
  readonly outputs: BodyItem[] = [];
  readonly dataSources = new Set<string>();
  private readonly aliases = new Map<string, string>();

  constructor(readonly d: AwsDesign) {
    for (const r of d.regions) this.aliases.set(r.id, r.key);
  }

  provider(regionId: string): HclValue {
    return ref(`aws.${this.aliases.get(regionId)}`);
  }

  region(regionId: string) {
    return this.d.regions.find((r) => r.id === regionId)!;
  }

  name(suffix: string): HclValue {
    return tmpl(`\${var.name_prefix}-${suffix}`);
  }

  tags(nodeId: string): HclValue {
    return { Name: this.name(slug(nodeId)), 'resilience-studio:node': nodeId };
  }

  resource(type: string, name: string, body: Maybe<BodyItem>[], notes: string[] = []): void {
    if (notes.length) this.main.push(comment(notes.join('\n')));
    this.main.push(block('resource', [type, name], body));
  }

  subnet(regionId: string, kind: 'private' | 'public', zones?: number[]): HclValue {
    const list = `var.${this.region(regionId).key}_${kind}_subnet_ids`;
    return zones ? zones.map((z) => ref(`${list}[${z}]`)) : ref(list);
  }

  zone(regionId: string, zone: number): HclValue {
    return ref(`var.${this.region(regionId).key}_availability_zones[${zone}]`);
  }
}

function assumeRole(service: string): HclValue {
  return call('jsonencode', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: service } }] });
}

function albs(tf: Tf, list: AlbDesign[]): void {
  for (const a of list) {
    const p = tf.provider(a.regionId);
    tf.resource('aws_lb', a.key, [attr('provider', p), attr('load_balancer_type', 'application'), attr('internal', false), attr('subnets', tf.subnet(a.regionId, 'public')), attr('tags', tf.tags(a.nodeId))], [
      `Load balancer "${a.nodeId}": security groups are left to you (the VPC's default group applies).`,
      ...a.notes,
    ]);
    tf.resource('aws_lb_target_group', a.key, [
      attr('provider', p),
      attr('port', v(a.targetPortInput)),
      attr('protocol', 'HTTP'),
      attr('vpc_id', v(`${tf.region(a.regionId).key}_vpc_id`)),
      attr('target_type', 'instance'),
      attr('load_balancing_algorithm_type', a.algorithm),
      block('health_check', [], [
        attr('enabled', true),
        attr('protocol', 'HTTP'),
        attr('path', v(a.healthPathInput)),
        attr('interval', a.intervalSeconds),
        attr('healthy_threshold', a.healthyThreshold),
        attr('unhealthy_threshold', a.unhealthyThreshold),
        a.timeoutSeconds !== undefined && attr('timeout', a.timeoutSeconds),
      ]),
      a.stickiness && block('stickiness', [], [attr('type', 'lb_cookie'), attr('enabled', true)]),
      attr('tags', tf.tags(a.nodeId)),
    ]);
    tf.resource('aws_lb_listener', a.key, [
      attr('provider', p),
      attr('load_balancer_arn', ref(`aws_lb.${a.key}.arn`)),
      attr('port', 443),
      attr('protocol', 'HTTPS'),
      attr('certificate_arn', v(a.certificateInput)),
      block('default_action', [], [attr('type', 'forward'), attr('target_group_arn', ref(`aws_lb_target_group.${a.key}.arn`))]),
    ]);
    tf.outputs.push(block('output', [`${a.key}_dns_name`], [attr('description', `DNS name of the ALB of "${a.nodeId}".`), attr('value', ref(`aws_lb.${a.key}.dns_name`))]));
  }
}

function vmFleets(tf: Tf, list: VmFleetDesign[]): void {
  for (const f of list) {
    const p = tf.provider(f.regionId);
    const albKeys = f.albs.map((id) => tf.d.albs.find((a) => a.nodeId === id)!.key);
    tf.resource('aws_launch_template', f.key, [
      attr('provider', p),
      attr('image_id', v(f.amiInput)),
      attr('instance_type', v(f.instanceTypeInput)),
      block('tag_specifications', [], [attr('resource_type', 'instance'), attr('tags', tf.tags(f.nodeId))]),
      attr('tags', tf.tags(f.nodeId)),
    ], [`Fleet "${f.nodeId}": ${f.desired} instances, ${f.min} to ${f.max}${f.zone !== undefined ? `, pinned to zone ${f.zone}` : ''}.`, ...f.notes]);
    tf.resource('aws_autoscaling_group', f.key, [
      attr('provider', p),
      attr('min_size', f.min),
      attr('max_size', f.max),
      attr('desired_capacity', f.desired),
      attr('vpc_zone_identifier', tf.subnet(f.regionId, 'private', f.zone !== undefined ? [f.zone] : undefined)),
      albKeys.length > 0 && attr('target_group_arns', albKeys.map((k) => ref(`aws_lb_target_group.${k}.arn`))),
      albKeys.length > 0 && attr('health_check_type', 'ELB'),
      f.warmupSeconds !== undefined && attr('default_instance_warmup', f.warmupSeconds),
      block('launch_template', [], [attr('id', ref(`aws_launch_template.${f.key}.id`)), attr('version', '$Latest')]),
      block('tag', [], [attr('key', 'resilience-studio:node'), attr('value', f.nodeId), attr('propagate_at_launch', true)]),
      // The scaling policy moves the desired count; a later apply must not reset it to the plan's start.
      f.scaling && block('lifecycle', [], [attr('ignore_changes', [expr('desired_capacity')])]),
    ]);
    if (f.scaling) {
      const s = f.scaling;
      const albKey = s.metric === 'alb-requests' ? tf.d.albs.find((a) => a.nodeId === s.albId)!.key : undefined;
      tf.resource('aws_autoscaling_policy', f.key, [
        attr('provider', p),
        attr('name', tf.name(`${slug(f.nodeId)}-target-tracking`)),
        attr('autoscaling_group_name', ref(`aws_autoscaling_group.${f.key}.name`)),
        attr('policy_type', 'TargetTrackingScaling'),
        block('target_tracking_configuration', [], [
          attr('target_value', s.targetValue),
          block('predefined_metric_specification', [], [
            attr('predefined_metric_type', s.metric === 'alb-requests' ? 'ALBRequestCountPerTarget' : 'ASGAverageCPUUtilization'),
            albKey && attr('resource_label', tmpl(`\${aws_lb.${albKey}.arn_suffix}/\${aws_lb_target_group.${albKey}.arn_suffix}`)),
          ]),
        ]),
      ]);
    }
  }
}

function serverless(tf: Tf, list: ServerlessDesign[]): void {
  for (const s of list) {
    const p = tf.provider(s.regionId);
    tf.resource('aws_iam_role', `${s.key}_lambda`, [attr('provider', p), attr('assume_role_policy', assumeRole('lambda.amazonaws.com')), attr('tags', tf.tags(s.nodeId))], [`Serverless fleet "${s.nodeId}": HTTP API + Lambda.`, ...s.notes]);
    tf.resource('aws_iam_role_policy_attachment', `${s.key}_lambda`, [attr('provider', p), attr('role', ref(`aws_iam_role.${s.key}_lambda.name`)), attr('policy_arn', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')]);
    tf.resource('aws_lambda_function', s.key, [
      attr('provider', p),
      attr('function_name', tf.name(slug(s.nodeId))),
      attr('package_type', 'Image'),
      attr('image_uri', v(s.imageInput)),
      attr('role', ref(`aws_iam_role.${s.key}_lambda.arn`)),
      s.reservedConcurrency !== undefined && attr('reserved_concurrent_executions', s.reservedConcurrency),
      attr('tags', tf.tags(s.nodeId)),
    ]);
    tf.resource('aws_apigatewayv2_api', s.key, [attr('provider', p), attr('name', tf.name(slug(s.nodeId))), attr('protocol_type', 'HTTP'), attr('tags', tf.tags(s.nodeId))]);
    tf.resource('aws_apigatewayv2_integration', s.key, [
      attr('provider', p),
      attr('api_id', ref(`aws_apigatewayv2_api.${s.key}.id`)),
      attr('integration_type', 'AWS_PROXY'),
      attr('integration_uri', ref(`aws_lambda_function.${s.key}.invoke_arn`)),
      attr('payload_format_version', '2.0'),
    ]);
    tf.resource('aws_apigatewayv2_route', s.key, [
      attr('provider', p),
      attr('api_id', ref(`aws_apigatewayv2_api.${s.key}.id`)),
      attr('route_key', '$default'),
      attr('target', tmpl(`integrations/\${aws_apigatewayv2_integration.${s.key}.id}`)),
    ]);
    tf.resource('aws_apigatewayv2_stage', s.key, [attr('provider', p), attr('api_id', ref(`aws_apigatewayv2_api.${s.key}.id`)), attr('name', '$default'), attr('auto_deploy', true)]);
    tf.resource('aws_lambda_permission', s.key, [
      attr('provider', p),
      attr('statement_id', 'AllowApiGatewayInvoke'),
      attr('action', 'lambda:InvokeFunction'),
      attr('function_name', ref(`aws_lambda_function.${s.key}.function_name`)),
      attr('principal', 'apigateway.amazonaws.com'),
      attr('source_arn', tmpl(`\${aws_apigatewayv2_api.${s.key}.execution_arn}/*/*`)),
    ]);
    if (s.customDomainOf) {
      const dns = tf.d.dns.find((d) => d.nodeId === s.customDomainOf)!;
      tf.resource('aws_apigatewayv2_domain_name', s.key, [
        attr('provider', p),
        attr('domain_name', v(dns.recordNameInput)),
        block('domain_name_configuration', [], [attr('certificate_arn', v(`${tf.region(s.regionId).key}_certificate_arn`)), attr('endpoint_type', 'REGIONAL'), attr('security_policy', 'TLS_1_2')]),
      ]);
      tf.resource('aws_apigatewayv2_api_mapping', s.key, [
        attr('provider', p),
        attr('api_id', ref(`aws_apigatewayv2_api.${s.key}.id`)),
        attr('domain_name', ref(`aws_apigatewayv2_domain_name.${s.key}.id`)),
        attr('stage', ref(`aws_apigatewayv2_stage.${s.key}.id`)),
      ]);
    }
    tf.outputs.push(block('output', [`${s.key}_api_endpoint`], [attr('description', `Invoke URL of the HTTP API of "${s.nodeId}".`), attr('value', ref(`aws_apigatewayv2_api.${s.key}.api_endpoint`))]));
  }
}

/** The data source that finds the ALB the AWS Load Balancer Controller made for an Ingress; declared once, on first use. */
function ingressData(tf: Tf, nodeId: string): string {
  const ingress = tf.d.ingresses.find((i) => i.nodeId === nodeId)!;
  const name = `${ingress.key}_ingress`;
  if (!tf.dataSources.has(name)) {
    tf.dataSources.add(name);
    tf.main.push(comment(`The ALB that the AWS Load Balancer Controller creates for Ingress group "${ingress.ingressName}" (Kubernetes export).`));
    tf.main.push(block('data', ['aws_lb', name], [attr('provider', tf.provider(ingress.regionId)), attr('tags', { 'ingress.k8s.aws/stack': ingress.ingressName })]));
  }
  return name;
}

/** The DNS name a record answers and the host its health check probes. */
function endpoint(tf: Tf, t: DnsTargetDesign): { record: HclValue; probe: HclValue } {
  const e = t.endpoint;
  switch (e.kind) {
    case 'alb': {
      const key = tf.d.albs.find((a) => a.nodeId === e.nodeId)!.key;
      return { record: ref(`aws_lb.${key}.dns_name`), probe: ref(`aws_lb.${key}.dns_name`) };
    }
    case 'ingress': {
      const name = ingressData(tf, e.nodeId);
      return { record: ref(`data.aws_lb.${name}.dns_name`), probe: ref(`data.aws_lb.${name}.dns_name`) };
    }
    case 'api': {
      const key = tf.d.serverless.find((s) => s.nodeId === e.nodeId)!.key;
      return {
        record: ref(`aws_apigatewayv2_domain_name.${key}.domain_name_configuration[0].target_domain_name`),
        probe: ref(`replace(aws_apigatewayv2_api.${key}.api_endpoint, "https://", "")`),
      };
    }
    case 'input':
      return { record: v(e.input), probe: v(e.input) };
  }
}

function dnsRecords(tf: Tf, list: DnsDesign[]): void {
  const first = tf.d.regions[0];
  if (!first) return;
  const p = tf.provider(first.id);
  for (const d of list) {
    tf.main.push(comment([`DNS "${d.nodeId}": ${d.policy} routing, TTL ${d.ttlSeconds} s${d.healthCheck ? `, health checks every ${d.healthCheck.intervalSeconds} s, threshold ${d.healthCheck.failureThreshold}` : ''}.`, 'Route 53 is global; its resources use the first region\'s provider.', ...d.notes].join('\n')));
    for (const t of d.targets) {
      const e = endpoint(tf, t);
      if (d.healthCheck) {
        tf.resource('aws_route53_health_check', t.key, [
          attr('provider', p),
          attr('type', 'HTTPS'),
          attr('fqdn', e.probe),
          attr('port', 443),
          attr('resource_path', v(d.healthCheck.pathInput)),
          attr('request_interval', d.healthCheck.intervalSeconds),
          attr('failure_threshold', d.healthCheck.failureThreshold),
          attr('tags', tf.tags(`${d.nodeId}/${t.nodeId}`)),
        ]);
      }
      tf.resource('aws_route53_record', t.key, [
        attr('provider', p),
        attr('zone_id', v(d.hostedZoneInput)),
        attr('name', v(d.recordNameInput)),
        attr('type', 'CNAME'),
        attr('ttl', d.ttlSeconds),
        attr('records', [e.record]),
        t.setIdentifier !== undefined && attr('set_identifier', t.setIdentifier),
        d.healthCheck && attr('health_check_id', ref(`aws_route53_health_check.${t.key}.id`)),
        t.failover && block('failover_routing_policy', [], [attr('type', t.failover)]),
        t.weight !== undefined && block('weighted_routing_policy', [], [attr('weight', t.weight)]),
        t.latencyRegion && block('latency_routing_policy', [], [attr('region', t.latencyRegion)]),
        t.geo && block('geolocation_routing_policy', [], [t.geo.continent && attr('continent', t.geo.continent), t.geo.country && attr('country', t.geo.country)]),
      ]);
    }
  }
}

/** The secret the user created for a master password RDS cannot manage (a global database, cross-region replicas). */
function passwordData(tf: Tf, key: string, provider: HclValue, secret: string): void {
  tf.main.push(comment(`Create this Secrets Manager secret before applying: its whole SecretString is the master password.`));
  tf.main.push(block('data', ['aws_secretsmanager_secret_version', `${key}_master_password`], [attr('provider', provider), attr('secret_id', secret)]));
}

function subnetGroup(tf: Tf, key: string, regionId: string, nodeId: string, zones?: number[]): void {
  tf.resource('aws_db_subnet_group', key, [attr('provider', tf.provider(regionId)), attr('subnet_ids', tf.subnet(regionId, 'private', zones)), attr('tags', tf.tags(nodeId))]);
}

function datastores(tf: Tf, list: DatastoreDesign[]): void {
  for (const d of list) {
    const p = tf.provider(d.regionId);
    switch (d.kind) {
      case 'dynamodb':
        tf.resource('aws_dynamodb_table', d.key, [
          attr('provider', p),
          attr('name', tf.name(slug(d.nodeId))),
          attr('billing_mode', 'PAY_PER_REQUEST'),
          attr('hash_key', v(d.keyNameInput)),
          attr('stream_enabled', true),
          attr('stream_view_type', 'NEW_AND_OLD_IMAGES'),
          block('attribute', [], [attr('name', v(d.keyNameInput)), attr('type', v(d.keyTypeInput))]),
          ...d.replicas.map((r) => block('replica', [], [attr('region_name', r.code)])),
          attr('tags', tf.tags(d.nodeId)),
        ], [`Datastore "${d.nodeId}" (DynamoDB, on-demand capacity: the plan gives no capacity units).`, ...d.notes]);
        break;
      case 'aurora': {
        const g = d.global;
        if (g?.primary) {
          tf.resource('aws_rds_global_cluster', g.key, [attr('provider', p), attr('global_cluster_identifier', tf.name(g.identifier)), attr('engine', v(d.engineInput))], [`Aurora global database of "${d.nodeId}".`]);
        }
        subnetGroup(tf, d.key, d.regionId, d.nodeId);
        if (d.passwordSecret) passwordData(tf, d.key, p, d.passwordSecret);
        const primaryInstance = g && !g.primary ? tf.d.datastores.find((x) => x.kind === 'aurora' && x.global?.primary && x.global.key === g.key) : undefined;
        tf.resource('aws_rds_cluster', d.key, [
          attr('provider', p),
          attr('cluster_identifier', tf.name(slug(d.nodeId))),
          attr('engine', v(d.engineInput)),
          g && attr('global_cluster_identifier', ref(`aws_rds_global_cluster.${g.key}.id`)),
          d.usernameInput && attr('master_username', v(d.usernameInput)),
          d.passwordSecret ? attr('master_password', ref(`data.aws_secretsmanager_secret_version.${d.key}_master_password.secret_string`)) : d.usernameInput && attr('manage_master_user_password', true),
          attr('db_subnet_group_name', ref(`aws_db_subnet_group.${d.key}.name`)),
          d.storageEncrypted && attr('storage_encrypted', true),
          d.kmsKeyInput && attr('kms_key_id', v(d.kmsKeyInput)),
          primaryInstance && attr('depends_on', [ref(`aws_rds_cluster_instance.${primaryInstance.key}_1`)]),
          attr('tags', tf.tags(d.nodeId)),
          // A secondary's source changes on a global switchover; the provider's docs advise ignoring it.
          primaryInstance && block('lifecycle', [], [attr('ignore_changes', [expr('replication_source_identifier')])]),
        ], [`Aurora cluster "${d.nodeId}".`, ...d.notes]);
        d.instances.forEach((inst, i) => {
          tf.resource('aws_rds_cluster_instance', `${d.key}_${i + 1}`, [
            attr('provider', p),
            attr('cluster_identifier', ref(`aws_rds_cluster.${d.key}.id`)),
            attr('engine', ref(`aws_rds_cluster.${d.key}.engine`)),
            attr('instance_class', v(d.instanceClassInput)),
            inst.zone !== undefined && attr('availability_zone', tf.zone(d.regionId, inst.zone)),
            attr('tags', tf.tags(inst.nodeId)),
          ]);
        });
        break;
      }
      case 'rds': {
        subnetGroup(tf, d.key, d.regionId, d.nodeId, d.subnetZones);
        if (d.passwordSecret) passwordData(tf, d.key, p, d.passwordSecret);
        const source = d.replicaOf ? tf.d.datastores.find((x) => x.nodeId === d.replicaOf!.nodeId)! : undefined;
        tf.resource('aws_db_instance', d.key, [
          attr('provider', p),
          attr('identifier', tf.name(slug(d.nodeId))),
          !source && attr('engine', 'value' in d.engine ? d.engine.value : v(d.engine.input)),
          attr('instance_class', v(d.instanceClassInput)),
          d.storageInput && attr('allocated_storage', v(d.storageInput)),
          d.usernameInput && attr('username', v(d.usernameInput)),
          d.passwordSecret ? attr('password', ref(`data.aws_secretsmanager_secret_version.${d.key}_master_password.secret_string`)) : d.usernameInput && attr('manage_master_user_password', true),
          source && attr('replicate_source_db', ref(`aws_db_instance.${source.key}.${d.replicaOf!.crossRegion ? 'arn' : 'identifier'}`)),
          attr('db_subnet_group_name', ref(`aws_db_subnet_group.${d.key}.name`)),
          attr('multi_az', d.multiAz),
          d.storageEncrypted && attr('storage_encrypted', true),
          d.kmsKeyInput && attr('kms_key_id', v(d.kmsKeyInput)),
          d.zone !== undefined && attr('availability_zone', tf.zone(d.regionId, d.zone)),
          attr('tags', tf.tags(d.nodeId)),
        ], [`RDS instance "${d.nodeId}"${d.replicaOf ? ` (read replica of "${d.replicaOf.nodeId}")` : ''}.`, ...d.notes]);
        break;
      }
      case 's3': {
        tf.resource('aws_s3_bucket', d.key, [attr('provider', p), attr('bucket', v(d.bucketInput)), attr('tags', tf.tags(d.nodeId))], [`Bucket "${d.nodeId}": versioning is on, as replication and AWS Backup require.`]);
        tf.resource('aws_s3_bucket_versioning', d.key, [attr('provider', p), attr('bucket', ref(`aws_s3_bucket.${d.key}.id`)), block('versioning_configuration', [], [attr('status', 'Enabled')])]);
        if (d.replicateTo.length) s3Replication(tf, d);
        break;
      }
    }
  }
}

function s3Replication(tf: Tf, d: Extract<DatastoreDesign, { kind: 's3' }>): void {
  const p = tf.provider(d.regionId);
  const targets = d.replicateTo.map((t) => tf.d.datastores.find((x) => x.nodeId === t.nodeId && x.kind === 's3')!);
  tf.resource('aws_iam_role', `${d.key}_replication`, [attr('provider', p), attr('assume_role_policy', assumeRole('s3.amazonaws.com'))], [`Replication of "${d.nodeId}" to ${targets.map((t) => `"${t.nodeId}"`).join(', ')}.`]);
  tf.resource('aws_iam_role_policy', `${d.key}_replication`, [
    attr('provider', p),
    attr('role', ref(`aws_iam_role.${d.key}_replication.id`)),
    attr(
      'policy',
      call('jsonencode', {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: [ref(`aws_s3_bucket.${d.key}.arn`)] },
          { Effect: 'Allow', Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'], Resource: [tmpl(`\${aws_s3_bucket.${d.key}.arn}/*`)] },
          { Effect: 'Allow', Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], Resource: targets.map((t) => tmpl(`\${aws_s3_bucket.${t.key}.arn}/*`)) },
        ],
      }),
    ),
  ]);
  tf.resource('aws_s3_bucket_replication_configuration', d.key, [
    attr('provider', p),
    attr('bucket', ref(`aws_s3_bucket.${d.key}.id`)),
    attr('role', ref(`aws_iam_role.${d.key}_replication.arn`)),
    // Replication needs versioning on both buckets first.
    attr('depends_on', [ref(`aws_s3_bucket_versioning.${d.key}`), ...targets.map((t) => ref(`aws_s3_bucket_versioning.${t.key}`))]),
    ...targets.map((t, i) => {
      const rtc = d.replicateTo[i]!.timeControl;
      return block('rule', [], [
        attr('id', `to-${slug(t.nodeId)}`),
        attr('status', 'Enabled'),
        attr('priority', i + 1),
        block('filter', [], []),
        block('delete_marker_replication', [], [attr('status', 'Enabled')]),
        block('destination', [], [
          attr('bucket', ref(`aws_s3_bucket.${t.key}.arn`)),
          rtc && block('replication_time', [], [attr('status', 'Enabled'), block('time', [], [attr('minutes', 15)])]),
          rtc && block('metrics', [], [attr('status', 'Enabled'), block('event_threshold', [], [attr('minutes', 15)])]),
        ]),
      ]);
    }),
  ]);
}

function datastoreArn(tf: Tf, d: DatastoreDesign): HclValue {
  switch (d.kind) {
    case 'dynamodb':
      return ref(`aws_dynamodb_table.${d.key}.arn`);
    case 'aurora':
      return ref(`aws_rds_cluster.${d.key}.arn`);
    case 'rds':
      return ref(`aws_db_instance.${d.key}.arn`);
    case 's3':
      return ref(`aws_s3_bucket.${d.key}.arn`);
  }
}

function backups(tf: Tf, list: BackupDesign[], providers: BodyItem[]): void {
  for (const b of list) {
    const p = tf.provider(b.regionId);
    let offsiteProvider: HclValue | undefined;
    if (b.offsite && 'regionInput' in b.offsite) {
      providers.push(block('provider', ['aws'], [attr('alias', `${b.key}_offsite`), attr('region', v(b.offsite.regionInput))]));
      offsiteProvider = ref(`aws.${b.key}_offsite`);
    } else if (b.offsite) offsiteProvider = tf.provider(b.offsite.regionId);
    tf.resource('aws_backup_vault', b.key, [attr('provider', p), attr('name', tf.name(slug(b.nodeId))), attr('tags', tf.tags(b.nodeId))], [`Backup "${b.nodeId}" of "${b.of.nodeId}": every ${b.intervalHours} h, kept ${b.deleteAfterDays} days.`, ...b.notes]);
    if (offsiteProvider) tf.resource('aws_backup_vault', `${b.key}_offsite`, [attr('provider', offsiteProvider), attr('name', tf.name(`${slug(b.nodeId)}-offsite`)), attr('tags', tf.tags(b.nodeId))]);
    tf.resource('aws_backup_plan', b.key, [
      attr('provider', p),
      attr('name', tf.name(slug(b.nodeId))),
      block('rule', [], [
        attr('rule_name', `every-${b.intervalHours}h`),
        attr('target_vault_name', ref(`aws_backup_vault.${b.key}.name`)),
        attr('schedule', b.schedule),
        block('lifecycle', [], [attr('delete_after', b.deleteAfterDays)]),
        offsiteProvider && block('copy_action', [], [attr('destination_vault_arn', ref(`aws_backup_vault.${b.key}_offsite.arn`)), block('lifecycle', [], [attr('delete_after', b.deleteAfterDays)])]),
      ]),
      attr('tags', tf.tags(b.nodeId)),
    ]);
    tf.resource('aws_iam_role', `${b.key}_backup`, [attr('provider', p), attr('assume_role_policy', assumeRole('backup.amazonaws.com'))]);
    const policies = ['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores', ...(b.of.kind === 's3' ? ['AWSBackupServiceRolePolicyForS3Backup', 'AWSBackupServiceRolePolicyForS3Restore'] : [])];
    policies.forEach((policy, i) => {
      const path = policy.includes('S3') ? 'arn:aws:iam::aws:policy/' : 'arn:aws:iam::aws:policy/service-role/';
      tf.resource('aws_iam_role_policy_attachment', `${b.key}_backup_${i + 1}`, [attr('provider', p), attr('role', ref(`aws_iam_role.${b.key}_backup.name`)), attr('policy_arn', `${path}${policy}`)]);
    });
    tf.resource('aws_backup_selection', b.key, [
      attr('provider', p),
      attr('name', tf.name(slug(b.nodeId))),
      attr('plan_id', ref(`aws_backup_plan.${b.key}.id`)),
      attr('iam_role_arn', ref(`aws_iam_role.${b.key}_backup.arn`)),
      attr('resources', [datastoreArn(tf, b.of)]),
    ]);
  }
}

function rateAlarm(tf: Tf, key: string, regionId: string, topic: string, description: string, namespace: string, errors: [string, string][], total: string, dimensions: Record<string, HclValue>, threshold: number): void {
  const metric = (id: string, name: string) =>
    block('metric_query', [], [attr('id', id), block('metric', [], [attr('namespace', namespace), attr('metric_name', name), attr('dimensions', dimensions), attr('period', 60), attr('stat', 'Sum')])]);
  tf.resource('aws_cloudwatch_metric_alarm', key, [
    attr('provider', tf.provider(regionId)),
    attr('alarm_name', tf.name(slug(key))),
    attr('alarm_description', description),
    attr('comparison_operator', 'GreaterThanThreshold'),
    attr('evaluation_periods', 1),
    attr('threshold', threshold),
    attr('treat_missing_data', 'notBreaching'),
    attr('alarm_actions', [v(topic)]),
    attr('ok_actions', [v(topic)]),
    block('metric_query', [], [attr('id', 'share'), attr('expression', `(${errors.map(([id]) => `FILL(${id}, 0)`).join(' + ')}) / requests`), attr('label', '5xx share of requests'), attr('return_data', true)]),
    ...errors.map(([id, name]) => metric(id, name)),
    metric('requests', total),
  ]);
}

function alarms(tf: Tf, providers: BodyItem[]): void {
  const m = tf.d.monitor;
  if (!m) return;
  tf.main.push(comment([`Monitor "${m.nodeId}": alarms on every health check and on 5xx shares above ${m.failingShare} (the simulation's incident threshold).`, ...m.notes].join('\n')));
  for (const a of tf.d.albs) {
    rateAlarm(tf, `${a.key}_5xx`, a.regionId, m.topicInputs[a.regionId]!, `5xx share of requests through load balancer "${a.nodeId}" above ${m.failingShare}.`, 'AWS/ApplicationELB', [['elb5xx', 'HTTPCode_ELB_5XX_Count'], ['target5xx', 'HTTPCode_Target_5XX_Count']], 'RequestCount', { LoadBalancer: ref(`aws_lb.${a.key}.arn_suffix`) }, m.failingShare);
  }
  for (const i of tf.d.ingresses) {
    const data = ingressData(tf, i.nodeId);
    rateAlarm(tf, `${i.key}_5xx`, i.regionId, m.topicInputs[i.regionId]!, `5xx share of requests through the Ingress ALB "${i.ingressName}" above ${m.failingShare}.`, 'AWS/ApplicationELB', [['elb5xx', 'HTTPCode_ELB_5XX_Count'], ['target5xx', 'HTTPCode_Target_5XX_Count']], 'RequestCount', { LoadBalancer: ref(`data.aws_lb.${data}.arn_suffix`) }, m.failingShare);
  }
  for (const s of tf.d.serverless) {
    rateAlarm(tf, `${s.key}_5xx`, s.regionId, m.topicInputs[s.regionId]!, `5xx share of requests to the API of "${s.nodeId}" above ${m.failingShare}.`, 'AWS/ApiGateway', [['api5xx', '5xx']], 'Count', { ApiId: ref(`aws_apigatewayv2_api.${s.key}.id`), Stage: '$default' }, m.failingShare);
  }
  if (!m.route53TopicInput) return;
  const use1 = tf.d.regions.find((r) => r.code === 'us-east-1');
  let provider: HclValue;
  if (use1) provider = tf.provider(use1.id);
  else {
    providers.push(comment('Route 53 publishes health-check metrics only in us-east-1.'));
    providers.push(block('provider', ['aws'], [attr('alias', 'route53_metrics'), attr('region', 'us-east-1')]));
    provider = ref('aws.route53_metrics');
  }
  for (const d of tf.d.dns) {
    if (!d.healthCheck) continue;
    for (const t of d.targets) {
      tf.resource('aws_cloudwatch_metric_alarm', `${t.key}_health`, [
        attr('provider', provider),
        attr('alarm_name', tf.name(`${slug(t.key)}-health`)),
        attr('alarm_description', `Route 53 health check of "${t.nodeId}" (DNS "${d.nodeId}") reports it unhealthy.`),
        attr('namespace', 'AWS/Route53'),
        attr('metric_name', 'HealthCheckStatus'),
        attr('dimensions', { HealthCheckId: ref(`aws_route53_health_check.${t.key}.id`) }),
        attr('statistic', 'Minimum'),
        attr('period', 60),
        attr('evaluation_periods', 1),
        attr('threshold', 1),
        attr('comparison_operator', 'LessThanThreshold'),
        attr('alarm_actions', [v(m.route53TopicInput)]),
        attr('ok_actions', [v(m.route53TopicInput)]),
      ]);
    }
  }
}

function variables(d: AwsDesign): BodyItem[] {
  return d.inputs.filter((i) => !i.cloudFormationOnly).map((i) => {
    const type = i.type === 'list(string)' ? expr('list(string)') : expr(i.type);
    const validations: Block[] = [];
    if (i.listLength !== undefined) {
      validations.push(block('validation', [], [attr('condition', expr(`length(var.${i.name}) == ${i.listLength}`)), attr('error_message', `Give exactly ${i.listLength} values, one per zone of the plan, zone 0 first.`)]));
    }
    if (i.allowed) {
      validations.push(block('validation', [], [attr('condition', expr(`contains([${i.allowed.map((a) => JSON.stringify(a)).join(', ')}], var.${i.name})`)), attr('error_message', `Use one of ${i.allowed.join(', ')}.`)]));
    }
    return block('variable', [i.name], [attr('description', i.description), attr('type', type), i.default !== undefined && attr('default', i.default), i.sensitive === true && attr('sensitive', true), ...validations]);
  });
}

export function generateTerraform(plan: Plan): ExportResult {
  const d = designAws(plan);
  const tf = new Tf(d);
  const providers: BodyItem[] = [comment(`One AWS provider configuration per region of "${d.planName}".`), ...d.regions.map((r) => block('provider', ['aws'], [attr('alias', r.key), attr('region', r.code)]))];
  albs(tf, d.albs);
  vmFleets(tf, d.vmFleets);
  serverless(tf, d.serverless);
  dnsRecords(tf, d.dns);
  datastores(tf, d.datastores);
  backups(tf, d.backups, providers);
  alarms(tf, providers);
  const versions = [
    comment(`Generated by Resilience Studio from the plan "${d.planName}".\nAWS provider ${AWS_PROVIDER_CONSTRAINT}: only arguments valid in both 5.x and 6.x are used.`),
    block('terraform', [], [attr('required_version', '>= 1.3.0'), block('required_providers', [], [attr('aws', { source: 'hashicorp/aws', version: AWS_PROVIDER_CONSTRAINT })])]),
  ];
  const files = [
    { path: 'versions.tf', content: renderFile(versions) },
    { path: 'providers.tf', content: renderFile(providers) },
    { path: 'variables.tf', content: renderFile(variables(d)) },
    { path: 'main.tf', content: renderFile(tf.main.length ? tf.main : [comment('The plan has nothing this export maps to AWS resources (see the warnings).')]) },
    { path: 'outputs.tf', content: renderFile(tf.outputs.length ? tf.outputs : [comment('No outputs.')]) },
    { path: 'README.md', content: deploymentReadme(d, 'terraform') },
  ];
  return { files, warnings: d.warnings };
}

export const terraformFormat: ExportFormat = {
  id: 'terraform',
  label: 'Terraform (AWS)',
  description: `Terraform HCL for the AWS provider ${AWS_PROVIDER_CONSTRAINT}: one provider alias per region, variables for what the plan does not describe.`,
  target: 'aws',
  generate: generateTerraform,
};
