// The Terraform export, checked for every bundled template and the coverage fixture: Terraform's own
// HCL parser (@cdktn/hcl2json), every resource, argument and block against the AWS provider 6.x schema
// (from @cdktn/provider-aws), Route 53 record rules, versioning before replication, and the plan's
// simulated values found in the output. With `terraform` on the PATH, `terraform validate` as well.
import { parse } from '@cdktn/hcl2json';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTerraform } from '../../../sim/export/terraform/generate';
import type { ExportResult } from '../../../sim/export/types';
import type { Plan } from '../../../sim/model/schema';
import { loadAwsProviderSchema, META_ARGUMENTS, META_BLOCKS, type BlockSchema, type ProviderSchema } from './awsProviderSchema';
import { CASES, COVERAGE, dnsNodes, recordProblems, type RecordView } from './exportCases';

type Body = Record<string, unknown>;
type Parsed = { resource?: Record<string, Record<string, Body[]>>; data?: Record<string, Record<string, Body[]>>; [k: string]: unknown };

interface Exported {
  result: ExportResult;
  /** Every .tf file parsed, merged by block type. */
  files: Record<string, Parsed>;
}

async function exportAndParse(plan: Plan): Promise<Exported> {
  const result = generateTerraform(plan);
  const files: Record<string, Parsed> = {};
  for (const f of result.files.filter((x) => x.path.endsWith('.tf'))) files[f.path] = (await parse(f.path, f.content)) as Parsed;
  return { result, files };
}

function resources(e: Exported, type: string): { name: string; body: Body }[] {
  return Object.values(e.files).flatMap((p) => Object.entries(p.resource?.[type] ?? {}).map(([name, bodies]) => ({ name, body: bodies[0]! })));
}

/** Unknown or missing arguments and blocks of one resource body, by the provider schema. */
function schemaProblems(body: Body, schema: BlockSchema, at: string, top = true): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    // Meta-arguments belong to the resource itself; nested blocks (a backup rule's "lifecycle") are checked.
    if (top && (META_ARGUMENTS.has(key) || META_BLOCKS.has(key)) && !(key in schema.args) && !(key in schema.blocks)) continue;
    if (key in schema.args) continue;
    const nested = schema.blocks[key];
    if (!nested) {
      problems.push(`${at}.${key} is not an argument or block of the AWS provider`);
      continue;
    }
    if (!Array.isArray(value)) {
      problems.push(`${at}.${key} must be a block`);
      continue;
    }
    value.forEach((v, i) => problems.push(...schemaProblems(v as Body, nested, `${at}.${key}[${i}]`, false)));
  }
  for (const [arg, required] of Object.entries(schema.args)) if (required && !(arg in body)) problems.push(`${at} lacks the required argument ${arg}`);
  for (const [name, b] of Object.entries(schema.blocks)) if (b.required && !(name in body)) problems.push(`${at} lacks the required block ${name}`);
  return problems;
}

function allSchemaProblems(e: Exported, schema: ProviderSchema): string[] {
  const problems: string[] = [];
  for (const parsed of Object.values(e.files)) {
    for (const [kind, table] of [['resource', schema.resources] as const, ['data', schema.dataSources] as const]) {
      for (const [type, byName] of Object.entries(parsed[kind] ?? {})) {
        const s = table[type];
        if (!s) {
          problems.push(`${kind} type ${type} does not exist in AWS provider ${schema.providerVersion}`);
          continue;
        }
        for (const [name, bodies] of Object.entries(byName)) problems.push(...schemaProblems(bodies[0]!, s, `${type}.${name}`));
      }
    }
  }
  return problems;
}

function recordViews(e: Exported): RecordView[] {
  return resources(e, 'aws_route53_record').map(({ body }) => {
    const block = (k: string) => (body[k] as Body[] | undefined)?.[0];
    const policies: RecordView['policies'] = [];
    if (block('failover_routing_policy')) policies.push('failover');
    if (block('weighted_routing_policy')) policies.push('weighted');
    if (block('latency_routing_policy')) policies.push('latency');
    if (block('geolocation_routing_policy')) policies.push('geo');
    const geo = block('geolocation_routing_policy');
    return {
      group: `${String(body.zone_id)} ${String(body.name)}`,
      policies,
      ...(body.set_identifier !== undefined ? { setIdentifier: String(body.set_identifier) } : {}),
      ...(block('weighted_routing_policy') ? { weight: block('weighted_routing_policy')!.weight } : {}),
      ...(block('failover_routing_policy') ? { failover: String(block('failover_routing_policy')!.type) } : {}),
      ...(geo ? { location: JSON.stringify(geo) } : block('latency_routing_policy') ? { location: String(block('latency_routing_policy')!.region) } : {}),
      healthCheck: body.health_check_id !== undefined,
      ttl: Number(body.ttl),
    };
  });
}

let schema: ProviderSchema;
const exported = new Map<string, Exported>();

beforeAll(async () => {
  schema = loadAwsProviderSchema();
  for (const c of CASES) exported.set(c.name, await exportAndParse(c.plan));
});

describe('the provider schema the checks rely on', () => {
  it('was extracted with its nested blocks and required arguments', () => {
    expect(schema.providerVersion).toMatch(/^6\./);
    expect(schema.resources.aws_route53_health_check!.args.request_interval).toBe(false);
    expect(schema.resources.aws_route53_record!.args.zone_id).toBe(true);
    expect(Object.keys(schema.resources.aws_lb_target_group!.blocks.health_check!.args)).toContain('unhealthy_threshold');
  });

  it('catches a misspelt argument, an unknown block, a missing required argument and an argument 6.0 removed', () => {
    const bad: Exported = {
      result: { files: [], warnings: [] },
      files: {
        'x.tf': {
          resource: {
            aws_route53_health_check: { a: [{ type: 'HTTPS', request_intervall: 30 }] },
            aws_lb_target_group: { b: [{ health_check: [{ intervall: 5 }], no_such_block: [{}] }] },
            aws_route53_record: { c: [{ name: 'x', type: 'CNAME' }] },
            aws_api_gateway_deployment: { d: [{ rest_api_id: 'x', stage_name: 'prod' }] },
            aws_backup_plan: { e: [{ name: 'p', rule: [{ rule_name: 'r', target_vault_name: 'v', lifecycle: [{ delete_afterr: 3 }] }] }] },
          },
        },
      },
    };
    const problems = allSchemaProblems(bad, schema).join('\n');
    expect(problems).toContain('aws_route53_health_check.a.request_intervall');
    expect(problems).toContain('aws_lb_target_group.b.health_check[0].intervall');
    expect(problems).toContain('aws_lb_target_group.b.no_such_block');
    expect(problems).toContain('aws_route53_record.c lacks the required argument zone_id');
    expect(problems).toContain('aws_api_gateway_deployment.d.stage_name');
    expect(problems).toContain('aws_backup_plan.e.rule[0].lifecycle[0].delete_afterr');
  });
});

describe.each(CASES.map((c) => [c.name, c] as const))('Terraform export of %s', (name, c) => {
  const e = () => exported.get(name)!;

  it('writes the provider constraint, one aliased provider per AWS region and parseable HCL', () => {
    const versions = e().files['versions.tf']!.terraform as Body[];
    const required = (versions[0]!.required_providers as Body[])[0]!.aws as Body;
    expect(required).toEqual({ source: 'hashicorp/aws', version: '>= 5.0, < 7.0' });
    const providers = (e().files['providers.tf']!.provider as Body).aws as Body[];
    const awsRegions = c.plan.regions.filter((r) => r.provider === 'aws');
    expect(providers.filter((p) => typeof p.region === 'string').map((p) => p.region)).toEqual(expect.arrayContaining(awsRegions.map((r) => r.code)));
    for (const r of c.plan.regions.filter((x) => x.provider !== 'aws')) {
      expect(e().result.warnings.some((w) => w.code === 'region-not-exported' && w.message.includes(`"${r.id}"`))).toBe(true);
    }
  });

  it('uses only resource types, arguments and blocks of the AWS provider, with every required one', () => {
    expect(allSchemaProblems(e(), schema)).toEqual([]);
  });

  it('refers only to variables it declares, and gives none an invented default', () => {
    const declared = Object.keys((e().files['variables.tf']!.variable ?? {}) as Body);
    const all = e().result.files.map((f) => f.content).join('\n');
    const used = new Set([...all.matchAll(/var\.([a-z0-9_]+)/g)].map((m) => m[1]!));
    expect([...used].filter((u) => !declared.includes(u))).toEqual([]);
    const withDefault = Object.entries((e().files['variables.tf']!.variable ?? {}) as Record<string, Body[]>).filter(([, b]) => b[0]!.default !== undefined).map(([n]) => n);
    expect(withDefault).toEqual(['name_prefix']);
  });

  it('writes Route 53 records that follow the routing rules', () => {
    expect(recordProblems(recordViews(e()))).toEqual([]);
  });

  it('turns on versioning before any bucket replicates', () => {
    for (const { name: key, body } of resources(e(), 'aws_s3_bucket_replication_configuration')) {
      const deps = (body.depends_on as string[]).join(' ');
      expect(deps).toContain(`aws_s3_bucket_versioning.${key}`);
      for (const rule of body.rule as Body[]) {
        const dest = String(((rule.destination as Body[])[0]!).bucket).match(/aws_s3_bucket\.(\w+)\.arn/)![1]!;
        expect(deps).toContain(`aws_s3_bucket_versioning.${dest}`);
      }
    }
  });

  it("writes the plan's simulated values exactly where AWS can express them", () => {
    const plan = c.plan;
    const exact = c.name !== COVERAGE.name;
    const checks = resources(e(), 'aws_route53_health_check');
    const records = resources(e(), 'aws_route53_record');
    for (const dns of dnsNodes(plan)) {
      const mine = records.filter((r) => String(r.body.name).includes(`var.${dns.id.replace(/-/g, '_')}_record_name`));
      if (exact) expect(mine.length).toBe(dns.targets.length);
      for (const r of mine) expect(r.body.ttl).toBe(dns.ttlSeconds);
      if (exact && dns.policy !== 'simple') {
        const hc = checks.filter((h) => mine.some((r) => String(r.body.health_check_id).includes(`aws_route53_health_check.${h.name}.`)));
        expect(hc.length).toBe(dns.targets.length);
        for (const h of hc) {
          expect(h.body.request_interval).toBe(dns.healthCheck!.intervalSeconds);
          expect(h.body.failure_threshold).toBe(dns.healthCheck!.failureThreshold);
        }
      }
    }
    const groups = resources(e(), 'aws_autoscaling_group');
    for (const n of plan.nodes) {
      if ((n.kind === 'gateway' || n.kind === 'service') && n.platform === 'vm' && plan.regions.find((r) => r.id === n.region)?.provider === 'aws') {
        const asg = groups.find((g) => g.name === n.id.replace(/-/g, '_'))!;
        expect(asg.body.desired_capacity).toBe(n.instances);
        expect(asg.body.min_size).toBe(n.autoscaling?.min ?? n.instances);
        expect(asg.body.max_size).toBe(n.autoscaling?.max ?? n.instances);
        if (n.zone !== undefined) expect(asg.body.vpc_zone_identifier).toEqual([expect.stringMatching(new RegExp(`_private_subnet_ids\\[${n.zone}\\]`))]);
      }
      if ((n.kind === 'gateway' || n.kind === 'service') && n.platform === 'serverless') {
        const fn = resources(e(), 'aws_lambda_function').find((f) => f.name === n.id.replace(/-/g, '_'))!;
        expect(fn.body.reserved_concurrent_executions).toBe(n.concurrencyLimit);
      }
      if (n.kind === 'loadBalancer' && exact) {
        const tg = resources(e(), 'aws_lb_target_group').find((t) => t.name === n.id.replace(/-/g, '_'));
        const fronted = plan.edges.filter((x) => x.kind === 'traffic' && x.from === n.id).map((x) => plan.nodes.find((m) => m.id === x.to));
        if (fronted.some((f) => f && (f.kind === 'gateway' || f.kind === 'service') && (f.platform ?? 'vm') === 'vm')) {
          const hc = (tg!.body.health_check as Body[])[0]!;
          expect(hc.interval).toBe(n.healthCheck!.intervalSeconds);
          expect(hc.unhealthy_threshold).toBe(n.healthCheck!.failureThreshold);
          expect(hc.healthy_threshold).toBe(n.healthCheck!.recoveryThreshold);
        } else expect(tg).toBeUndefined();
      }
      if (n.kind === 'backup' && exact) {
        const bp = resources(e(), 'aws_backup_plan').find((b) => b.name === n.id.replace(/-/g, '_'))!;
        const rule = (bp.body.rule as Body[])[0]!;
        expect(rule.schedule).toBe(n.intervalHours === 24 ? 'cron(0 0 * * ? *)' : expect.anything());
        expect((rule.lifecycle as Body[])[0]!.delete_after).toBe(((n.copies ?? 3) * (n.intervalHours ?? 24)) / 24);
        expect(rule.copy_action !== undefined).toBe(n.offsite ?? true);
      }
    }
    for (const edge of plan.edges) {
      if (edge.kind !== 'replication') continue;
      const from = plan.nodes.find((x) => x.id === edge.from)!;
      const to = plan.nodes.find((x) => x.id === edge.to)!;
      if (from.kind !== 'datastore' || to.kind !== 'datastore') continue;
      const toCode = plan.regions.find((r) => r.id === to.region)!.code!;
      if (from.engine === 'dynamodb') {
        const tables = resources(e(), 'aws_dynamodb_table');
        expect(tables.some((t) => (t.body.replica as Body[] | undefined)?.some((r) => r.region_name === toCode))).toBe(true);
      }
      if (from.engine === 'aurora') {
        const secondary = resources(e(), 'aws_rds_cluster').find((x) => x.name === to.id.replace(/-/g, '_'))!;
        expect(String(secondary.body.global_cluster_identifier)).toContain('aws_rds_global_cluster.');
      }
    }
    // A monitor gets one alarm per balancer or API (5xx share) and per Route 53 health check.
    const watched = plan.nodes.filter((n) => n.kind === 'loadBalancer' || ((n.kind === 'gateway' || n.kind === 'service') && n.platform === 'serverless')).filter((n) => plan.regions.find((r) => r.id === n.region)?.provider === 'aws').length;
    const alarms = resources(e(), 'aws_cloudwatch_metric_alarm');
    if (plan.nodes.some((n) => n.kind === 'monitor')) {
      expect(alarms.filter((a) => a.name.endsWith('_5xx')).length).toBe(watched);
      expect(alarms.filter((a) => a.name.endsWith('_health')).length).toBe(checks.length);
    } else expect(alarms).toEqual([]);
  });
});

describe('Terraform export of values AWS cannot express', () => {
  const e = () => exported.get(COVERAGE.name)!;
  const warning = (code: string, path: string) => e().result.warnings.find((w) => w.code === code && w.path === path);

  it('writes the nearest valid value and a warning giving both', () => {
    const checks = resources(e(), 'aws_route53_health_check');
    const weightedChecks = checks.filter((h) => h.name.startsWith('weighted_'));
    expect(weightedChecks.map((h) => h.body.request_interval)).toEqual([30, 30]);
    expect(warning('route53-interval-adjusted', 'nodes[1].healthCheck.intervalSeconds')?.message).toMatch(/simulates 45.*writes 30/);
    expect(warning('route53-recovery-threshold-adjusted', 'nodes[1].healthCheck.recoveryThreshold')?.message).toMatch(/simulates 2.*writes 3/);
    expect(checks.filter((h) => h.name.startsWith('geo_')).every((h) => h.body.failure_threshold === 10 && h.body.request_interval === 10)).toBe(true);
    expect(warning('route53-threshold-adjusted', 'nodes[2].healthCheck.failureThreshold')?.message).toMatch(/simulates 12.*writes 10/);
    const tg = resources(e(), 'aws_lb_target_group').find((t) => t.name === 'lb_us')!;
    const hc = (tg.body.health_check as Body[])[0]!;
    expect([hc.interval, hc.unhealthy_threshold, hc.healthy_threshold, hc.timeout]).toEqual([5, 2, 10, 4]);
    expect(warning('alb-threshold-adjusted', 'nodes[3].healthCheck.failureThreshold')?.message).toMatch(/simulates 1.*writes 2/);
    expect(warning('alb-interval-adjusted', 'nodes[3].healthCheck.intervalSeconds')?.message).toMatch(/simulates 2.*writes 5/);
    const weight = (name: string) => (resources(e(), 'aws_route53_record').find((r) => r.name === name)!.body.weighted_routing_policy as Body[])[0]!.weight;
    expect([weight('weighted_lb_us'), weight('weighted_lb_eu')]).toEqual([255, 3]);
    const ttl = resources(e(), 'aws_route53_record').filter((r) => r.name.startsWith('weighted_')).map((r) => r.body.ttl);
    expect(ttl).toEqual([45, 45]);
    const backup = resources(e(), 'aws_backup_plan').find((b) => b.name === 'files_backup')!;
    expect((backup.body.rule as Body[])[0]!.schedule).toBe('cron(0 0 * * ? *)');
    expect(warning('backup-interval-adjusted', 'nodes[13].intervalHours')?.message).toMatch(/simulates 36.*writes 24/);
  });

  it('leaves out the Azure region and the engine it cannot map, naming them', () => {
    expect(warning('region-not-exported', 'regions[2]')?.message).toContain('"weu"');
    expect(warning('region-not-exported', 'regions[2]')?.message).toContain('"azure-api"');
    expect(warning('engine-not-exported', 'nodes[12].engine')?.message).toContain('redis');
    const all = e().result.files.map((f) => f.content).join('\n');
    expect(all).not.toContain('westeurope');
    expect(all).not.toContain('azure_api');
  });

  it('pins the zone-bound fleet to its zone subnet and the geo records to continents and a default', () => {
    const asg = resources(e(), 'aws_autoscaling_group').find((g) => g.name === 'web_us')!;
    expect(asg.body.vpc_zone_identifier).toEqual(['${var.use1_private_subnet_ids[1]}']);
    const geo = Object.fromEntries(resources(e(), 'aws_route53_record').filter((r) => r.body.geolocation_routing_policy).map((r) => [r.body.set_identifier, (r.body.geolocation_routing_policy as Body[])[0]]));
    expect(geo).toEqual({ 'lb-us-na': { continent: 'NA' }, 'lb-eu-eu': { continent: 'EU' }, 'lb-eu-default': { country: '*' } });
  });

  it('replicates S3 with Replication Time Control for a sync edge and RDS across regions by ARN', () => {
    const repl = resources(e(), 'aws_s3_bucket_replication_configuration')[0]!;
    const dest = ((repl.body.rule as Body[])[0]!.destination as Body[])[0]!;
    expect(dest.replication_time).toEqual([{ status: 'Enabled', time: [{ minutes: 15 }] }]);
    const replica = resources(e(), 'aws_db_instance').find((d) => d.name === 'sql_eu')!;
    expect(replica.body.replicate_source_db).toBe('${aws_db_instance.sql_us.arn}');
    expect(replica.body.provider).toBe('${aws.euw1}');
  });
});

describe('recordProblems', () => {
  it('reports every broken Route 53 rule', () => {
    const problems = recordProblems([
      { group: 'z a', policies: ['weighted', 'failover'], setIdentifier: 'x', weight: 1, healthCheck: true, ttl: 60 },
      { group: 'z a', policies: ['latency'], setIdentifier: 'x', location: 'us-east-1', healthCheck: true, ttl: 30 },
      { group: 'z b', policies: [], weight: 2, healthCheck: true, ttl: 60 },
      { group: 'z c', policies: ['failover'], setIdentifier: 'p', failover: 'SECONDARY', healthCheck: true, ttl: 60 },
    ]).join('\n');
    for (const rule of ['several routing policies', 'mix routing policies', 'repeated set identifiers', 'Weight without SetIdentifier', 'simple record with a health check', 'one PRIMARY', 'different TTLs']) expect(problems).toContain(rule);
  });
});

// `terraform validate` also checks enum values and references; run it only where a machine has
// terraform and a filesystem mirror of the AWS provider (it cannot download one here).
function pluginMirror(): string | undefined {
  const candidates = [process.env.RESILIENCE_TF_PLUGIN_DIR, join(homedir(), 'tf-plugins'), '/opt/tf-plugins', '/usr/local/share/tf-plugins', '/work/tf-plugins'];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p!));
}
const terraformPath = spawnSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' }).stdout.trim();
const mirror = pluginMirror();
const skipReason = !terraformPath ? 'terraform is not on the PATH' : !mirror ? 'no AWS provider mirror (set RESILIENCE_TF_PLUGIN_DIR)' : '';

describe(`terraform validate${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  // One `terraform init` for all cases (every export needs only the AWS provider); each case then
  // replaces the .tf files and validates.
  let dir = '';
  const env = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  beforeAll(() => {
    if (skipReason) return;
    dir = mkdtempSync(join(tmpdir(), 'resilience-tf-'));
    const versions = generateTerraform(CASES[0]!.plan).files.find((f) => f.path === 'versions.tf')!;
    writeFileSync(join(dir, versions.path), versions.content);
    execFileSync('terraform', ['init', '-backend=false', `-plugin-dir=${mirror}`, '-input=false', '-no-color'], { cwd: dir, env, stdio: 'pipe' });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(Boolean(skipReason)).each(CASES.map((c) => [c.name, c] as const))('accepts the export of %s', (_name, c) => {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.tf'))) rmSync(join(dir, f));
    for (const f of generateTerraform(c.plan).files) writeFileSync(join(dir, f.path), f.content);
    const out = spawnSync('terraform', ['validate', '-no-color'], { cwd: dir, env, encoding: 'utf8' });
    expect(out.stdout + out.stderr).toContain('Success');
    expect(out.status).toBe(0);
  });
});
