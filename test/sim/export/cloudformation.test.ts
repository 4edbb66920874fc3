// The CloudFormation export, checked for every bundled template and the coverage fixture: AWS's own
// offline validator (@aws/cloudformation-validate) on every template, Route 53 record rules,
// versioning before replication and the deploy order, the wiring of the global template, and the
// plan's simulated values found in the output. With `cfn-lint` on the PATH, cfn-lint as well.
import { RegoEngine, TemplateFile, type Engine } from '@aws/cloudformation-validate';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCloudFormation } from '../../../sim/export/cloudformation/generate';
import type { ExportResult } from '../../../sim/export/types';
import type { Plan } from '../../../sim/model/schema';
import { CASES, COVERAGE, dnsNodes, recordProblems, type RecordView } from './exportCases';

type Obj = Record<string, unknown>;
interface Resource {
  file: string;
  id: string;
  type: string;
  props: Obj;
  raw: Obj;
}
interface TemplateDoc {
  Parameters?: Record<string, Obj>;
  Resources: Record<string, Obj>;
  Outputs?: Record<string, Obj>;
}

interface Exported {
  result: ExportResult;
  docs: Record<string, TemplateDoc>;
  dir: string;
}

const root = mkdtempSync(join(tmpdir(), 'resilience-cfn-'));
let engine: Engine;
const exported = new Map<string, Exported>();

function exportCase(name: string, plan: Plan): Exported {
  const result = generateCloudFormation(plan);
  const dir = join(root, name);
  spawnSync('mkdir', ['-p', dir]);
  const docs: Record<string, TemplateDoc> = {};
  for (const f of result.files) {
    writeFileSync(join(dir, f.path), f.content);
    if (f.path.endsWith('.yaml')) docs[f.path] = parse(f.content) as TemplateDoc;
  }
  return { result, docs, dir };
}

function resources(e: Exported, type?: string): Resource[] {
  return Object.entries(e.docs).flatMap(([file, doc]) =>
    Object.entries(doc.Resources)
      .filter(([, r]) => type === undefined || r.Type === type)
      .map(([id, r]) => ({ file, id, type: r.Type as string, props: (r.Properties ?? {}) as Obj, raw: r })),
  );
}

const refName = (v: unknown) => (v as { Ref?: string } | undefined)?.Ref;

function recordViews(e: Exported): RecordView[] {
  return resources(e, 'AWS::Route53::RecordSet').map(({ props: p }) => {
    const policies: RecordView['policies'] = [];
    if (p.Failover !== undefined) policies.push('failover');
    if (p.Weight !== undefined) policies.push('weighted');
    if (p.Region !== undefined) policies.push('latency');
    if (p.GeoLocation !== undefined) policies.push('geo');
    return {
      group: `${refName(p.HostedZoneId)} ${refName(p.Name)}`,
      policies,
      ...(p.SetIdentifier !== undefined ? { setIdentifier: String(p.SetIdentifier) } : {}),
      ...(p.Weight !== undefined ? { weight: p.Weight } : {}),
      ...(p.Failover !== undefined ? { failover: String(p.Failover) } : {}),
      ...(p.GeoLocation !== undefined ? { location: JSON.stringify(p.GeoLocation) } : p.Region !== undefined ? { location: String(p.Region) } : {}),
      healthCheck: p.HealthCheckId !== undefined,
      ttl: Number(p.TTL),
    };
  });
}

function diagnostics(file: string) {
  return engine.validateStandard(new TemplateFile(file)).diagnostics;
}

beforeAll(() => {
  engine = new RegoEngine();
  for (const c of CASES) exported.set(c.name, exportCase(c.name, c.plan));
});

afterAll(() => {
  engine?.free();
  rmSync(root, { recursive: true, force: true });
});

describe('the CloudFormation validator the checks rely on', () => {
  it('flags an out-of-range interval, a misspelt property and a dangling Ref as errors', () => {
    const file = join(root, 'bad.yaml');
    writeFileSync(
      file,
      `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Hc:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig: { Type: HTTPS, FullyQualifiedDomainName: x.example.com, RequestInterval: 45, FailureThresholdd: 3 }
  R:
    Type: AWS::Route53::RecordSet
    Properties: { HostedZoneId: Z1, Name: x.example.com, Type: CNAME, TTL: '60', ResourceRecords: [a.example.com], HealthCheckId: { Ref: Missing } }
`,
    );
    const errors = diagnostics(file).filter((d) => d.severity === 'FATAL' || d.severity === 'ERROR');
    expect(errors.map((d) => d.propertyPath).sort()).toEqual(['Properties.HealthCheckConfig.FailureThresholdd', 'Properties.HealthCheckConfig.RequestInterval', 'Properties.HealthCheckId']);
  });
});

describe.each(CASES.map((c) => [c.name, c] as const))('CloudFormation export of %s', (name, c) => {
  const e = () => exported.get(name)!;

  it('writes one template per AWS region with resources, a global Route 53 template when DNS is exported, and a README', () => {
    const files = e().result.files.map((f) => f.path);
    expect(files).toContain('README.md');
    for (const code of new Set(resources(e()).map((r) => r.file))) expect(code).toMatch(/^([a-z]{2}(-[a-z]+)+-\d|global-route53|[a-z0-9-]+-offsite-vault)\.yaml$/);
    const hasRecords = resources(e(), 'AWS::Route53::RecordSet').length > 0;
    expect(files.includes('global-route53.yaml')).toBe(hasRecords);
    const regional = resources(e()).filter((r) => r.file !== 'global-route53.yaml').map((r) => r.type);
    expect(regional.filter((t) => t.startsWith('AWS::Route53::'))).toEqual([]);
  });

  it('passes @aws/cloudformation-validate with no error and no warning', () => {
    for (const f of Object.keys(e().docs)) {
      const found = diagnostics(join(e().dir, f)).filter((d) => d.severity !== 'INFO');
      expect(found.map((d) => `${f} ${d.severity} ${d.ruleId} ${d.entity?.logicalId ?? ''} ${d.message}`)).toEqual([]);
    }
  });

  it('uses long-form intrinsics only and gives no parameter an invented default', () => {
    for (const f of e().result.files.filter((x) => x.path.endsWith('.yaml'))) {
      expect(f.content).not.toMatch(/!(Ref|GetAtt|Sub|Select|Join)\b/);
      expect(f.content, 'no YAML anchors or aliases').not.toMatch(/[&*]a\d+\b/);
      expect(f.content.startsWith('AWSTemplateFormatVersion: "2010-09-09"\n')).toBe(true);
    }
    for (const doc of Object.values(e().docs)) {
      const withDefault = Object.entries(doc.Parameters ?? {}).filter(([, p]) => p.Default !== undefined).map(([n]) => n);
      expect(withDefault.filter((n) => n !== 'NamePrefix')).toEqual([]);
    }
  });

  it('wires every parameter of the global template to a regional output, an Ingress or an input', () => {
    const global = e().docs['global-route53.yaml'];
    if (!global) return;
    const outputs = new Set(Object.values(e().docs).flatMap((d) => Object.keys(d.Outputs ?? {})));
    for (const [param, spec] of Object.entries(global.Parameters ?? {})) {
      const description = String(spec.Description);
      const wired = /^Output (\w+) of the/.exec(description)?.[1];
      if (wired) expect(outputs.has(wired), `${param} names output ${wired}`).toBe(true);
      else expect(description.length).toBeGreaterThan(20);
    }
  });

  it('writes Route 53 records that follow the routing rules', () => {
    expect(recordProblems(recordViews(e()))).toEqual([]);
  });

  it('versions every bucket that replicates or receives replicas, and deploys destinations first', () => {
    const buckets = resources(e(), 'AWS::S3::Bucket');
    const byParam = new Map(buckets.map((b) => [refName(b.props.BucketName), b]));
    const readme = e().result.files.find((f) => f.path === 'README.md')!.content;
    const order = (file: string) => readme.indexOf(`\`${file}\``);
    for (const b of buckets) {
      const replication = b.props.ReplicationConfiguration as { Rules: { Destination: { Bucket: { 'Fn::Sub': string } } }[] } | undefined;
      if (!replication) continue;
      expect(b.props.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      for (const rule of replication.Rules) {
        const param = /\$\{(\w+)\}$/.exec(rule.Destination.Bucket['Fn::Sub'])![1];
        const dest = byParam.get(param)!;
        expect(dest.props.VersioningConfiguration).toEqual({ Status: 'Enabled' });
        const cycle = e().result.warnings.some((w) => w.code === 'deploy-order-cycle');
        if (dest.file !== b.file && !cycle) expect(order(dest.file)).toBeLessThan(order(b.file));
      }
    }
  });

  it("writes the plan's simulated values exactly where AWS can express them", () => {
    const plan = c.plan;
    const exact = c.name !== COVERAGE.name;
    const records = resources(e(), 'AWS::Route53::RecordSet');
    const checks = resources(e(), 'AWS::Route53::HealthCheck');
    for (const dns of dnsNodes(plan)) {
      const param = dns.id.replace(/(^|[-_])(\w)/g, (_m, _s, ch: string) => ch.toUpperCase());
      const mine = records.filter((r) => refName(r.props.Name) === `${param}RecordName`);
      if (exact) expect(mine.length).toBe(dns.targets.length);
      for (const r of mine) expect(Number(r.props.TTL)).toBe(dns.ttlSeconds);
      if (exact && dns.policy !== 'simple') {
        const ids = new Set(mine.map((r) => refName(r.props.HealthCheckId)));
        const hc = checks.filter((h) => ids.has(h.id));
        expect(hc.length).toBe(dns.targets.length);
        for (const h of hc) {
          const config = h.props.HealthCheckConfig as Obj;
          expect(config.RequestInterval).toBe(dns.healthCheck!.intervalSeconds);
          expect(config.FailureThreshold).toBe(dns.healthCheck!.failureThreshold);
        }
      }
    }
    const pascal = (id: string) => id.replace(/(^|[-_])(\w)/g, (_m, _s, ch: string) => ch.toUpperCase());
    for (const n of plan.nodes) {
      const aws = plan.regions.find((r) => r.id === n.region)?.provider === 'aws';
      if ((n.kind === 'gateway' || n.kind === 'service') && n.platform === 'vm' && aws) {
        const asg = resources(e(), 'AWS::AutoScaling::AutoScalingGroup').find((g) => g.id === `${pascal(n.id)}AutoScalingGroup`)!;
        expect(asg.props.DesiredCapacity).toBe(String(n.instances));
        expect(asg.props.MinSize).toBe(String(n.autoscaling?.min ?? n.instances));
        expect(asg.props.MaxSize).toBe(String(n.autoscaling?.max ?? n.instances));
        if (n.zone !== undefined) expect(asg.props.VPCZoneIdentifier).toEqual([{ 'Fn::Select': [String(n.zone), { Ref: expect.stringMatching(/PrivateSubnetIds$/) }] }]);
      }
      if ((n.kind === 'gateway' || n.kind === 'service') && n.platform === 'serverless') {
        const fn = resources(e(), 'AWS::Lambda::Function').find((f) => f.id === `${pascal(n.id)}Function`)!;
        expect(fn.props.ReservedConcurrentExecutions).toBe(n.concurrencyLimit);
      }
      if (n.kind === 'loadBalancer' && exact) {
        const tg = resources(e(), 'AWS::ElasticLoadBalancingV2::TargetGroup').find((t) => t.id === `${pascal(n.id)}TargetGroup`);
        if (tg) {
          expect(tg.props.HealthCheckIntervalSeconds).toBe(n.healthCheck!.intervalSeconds);
          expect(tg.props.UnhealthyThresholdCount).toBe(n.healthCheck!.failureThreshold);
          expect(tg.props.HealthyThresholdCount).toBe(n.healthCheck!.recoveryThreshold);
        }
      }
      if (n.kind === 'backup' && exact) {
        const bp = resources(e(), 'AWS::Backup::BackupPlan').find((b) => b.id === `${pascal(n.id)}Plan`)!;
        const rule = ((bp.props.BackupPlan as Obj).BackupPlanRule as Obj[])[0]!;
        if (n.intervalHours === 24) expect(rule.ScheduleExpression).toBe('cron(0 0 * * ? *)');
        expect((rule.Lifecycle as Obj).DeleteAfterDays).toBe(((n.copies ?? 3) * (n.intervalHours ?? 24)) / 24);
        expect(rule.CopyActions !== undefined).toBe(n.offsite ?? true);
      }
    }
    for (const edge of plan.edges) {
      if (edge.kind !== 'replication') continue;
      const from = plan.nodes.find((x) => x.id === edge.from)!;
      const to = plan.nodes.find((x) => x.id === edge.to)!;
      if (from.kind !== 'datastore' || to.kind !== 'datastore') continue;
      const toCode = plan.regions.find((r) => r.id === to.region)!.code!;
      if (from.engine === 'dynamodb') {
        const table = resources(e(), 'AWS::DynamoDB::GlobalTable')[0]!;
        expect((table.props.Replicas as Obj[]).map((r) => r.Region)).toContain(toCode);
      }
      if (from.engine === 'aurora') {
        const secondary = resources(e(), 'AWS::RDS::DBCluster').find((x) => x.id === `${pascal(to.id)}Cluster`)!;
        expect(secondary.file).toBe(`${toCode}.yaml`);
        expect(secondary.props.GlobalClusterIdentifier).toBeDefined();
      }
    }
  });
});

describe('CloudFormation export of values AWS cannot express', () => {
  const e = () => exported.get(COVERAGE.name)!;

  it('writes the same nearest values as the Terraform export', () => {
    const hc = resources(e(), 'AWS::Route53::HealthCheck').filter((h) => h.id.startsWith('Weighted')).map((h) => (h.props.HealthCheckConfig as Obj).RequestInterval);
    expect(hc).toEqual([30, 30]);
    const weights = Object.fromEntries(resources(e(), 'AWS::Route53::RecordSet').filter((r) => r.props.Weight !== undefined).map((r) => [r.props.SetIdentifier, r.props.Weight]));
    expect(weights).toEqual({ 'lb-us': 255, 'lb-eu': 3 });
    const tg = resources(e(), 'AWS::ElasticLoadBalancingV2::TargetGroup').find((t) => t.id === 'LbUsTargetGroup')!;
    expect([tg.props.HealthCheckIntervalSeconds, tg.props.UnhealthyThresholdCount, tg.props.HealthyThresholdCount, tg.props.HealthCheckTimeoutSeconds]).toEqual([5, 2, 10, 4]);
    expect(tg.props.TargetGroupAttributes).toContainEqual({ Key: 'stickiness.enabled', Value: 'true' });
    const codes = e().result.warnings.map((w) => w.code);
    for (const code of ['route53-interval-adjusted', 'route53-recovery-threshold-adjusted', 'route53-weight-adjusted', 'alb-threshold-adjusted', 'backup-interval-adjusted', 'region-not-exported', 'deploy-order-cycle']) expect(codes).toContain(code);
  });

  it('puts the cross-region RDS replica in its region with the source ARN, and S3 sync as Replication Time Control', () => {
    const replica = resources(e(), 'AWS::RDS::DBInstance').find((r) => r.id === 'SqlEuInstance')!;
    expect(replica.file).toBe('eu-west-1.yaml');
    expect(replica.props.SourceRegion).toBe('us-east-1');
    expect((replica.props.SourceDBInstanceIdentifier as { 'Fn::Sub': string })['Fn::Sub']).toMatch(/^arn:\$\{AWS::Partition\}:rds:us-east-1:\$\{AWS::AccountId\}:db:\$\{NamePrefix\}-sql-us$/);
    const bucket = resources(e(), 'AWS::S3::Bucket').find((b) => b.id === 'FilesUsBucket')!;
    const rule = (bucket.props.ReplicationConfiguration as { Rules: Obj[] }).Rules[0]!;
    expect((rule.Destination as Obj).ReplicationTime).toEqual({ Status: 'Enabled', Time: { Minutes: 15 } });
  });
});

const cfnLint = spawnSync('sh', ['-c', 'command -v cfn-lint'], { encoding: 'utf8' }).stdout.trim();

describe(`cfn-lint${cfnLint ? '' : ' (skipped: cfn-lint is not on the PATH)'}`, () => {
  it.skipIf(!cfnLint)('finds no error or warning in any exported template', () => {
    const files = [...exported.values()].flatMap((x) => Object.keys(x.docs).map((f) => join(x.dir, f)));
    const out = spawnSync('cfn-lint', ['--format', 'parseable', ...files], { encoding: 'utf8' });
    // cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational.
    expect(out.stdout + out.stderr).toBe('');
    expect(out.status! & 6).toBe(0);
  });
});
