// The shared plan-to-AWS mapping and the format registry: nearest valid values with warnings that
// give both values, regions of other providers left out by name, the Kubernetes Ingress name
// contract, and exports that are pure and deterministic.
import { describe, expect, it } from 'vitest';
import { designAws, kubernetesIngressName } from '../../../sim/export/aws/design';
import * as limits from '../../../sim/export/aws/limits';
import { exportFormats, getExportFormat, registerExportFormat } from '../../../sim/export/registry';
import type { Plan } from '../../../sim/model/schema';
import { CASES } from './exportCases';

describe('nearest valid values', () => {
  it('keep a valid value without a warning', () => {
    expect(limits.route53Interval(10, ['x'])).toEqual({ value: 10 });
    expect(limits.route53Interval(30, ['x'])).toEqual({ value: 30 });
    expect(limits.albThreshold(2, ['x'], 'healthy')).toEqual({ value: 2 });
    expect(limits.backupInterval(24, ['x'])).toEqual({ value: 24 });
    expect(limits.backupRetentionDays(3, 24, ['x'])).toEqual({ value: 3 });
    expect(limits.route53RecoveryThreshold(3, 3, ['x'])).toBeUndefined();
  });

  it.each([
    ['Route 53 interval 45', limits.route53Interval(45, ['a']), 30, /simulates 45.*writes 30/],
    ['Route 53 interval 5', limits.route53Interval(5, ['a']), 10, /simulates 5.*writes 10/],
    ['Route 53 interval 20 (a tie goes to 10)', limits.route53Interval(20, ['a']), 10, /simulates 20.*writes 10/],
    ['Route 53 threshold 0.5', limits.route53FailureThreshold(0.5, ['a']), 1, /simulates 0.5.*writes 1/],
    ['Route 53 threshold 11', limits.route53FailureThreshold(11, ['a']), 10, /simulates 11.*writes 10/],
    ['Route 53 weight 300', limits.route53Weight(300, ['a']), 255, /simulates 300.*writes 255/],
    ['ALB interval 301', limits.albInterval(301, ['a']), 300, /simulates 301.*writes 300/],
    ['ALB threshold 1', limits.albThreshold(1, ['a'], 'unhealthy'), 2, /simulates 1.*writes 2/],
    ['backup every 36 h', limits.backupInterval(36, ['a']), 24, /simulates 36.*writes 24/],
    ['backup every 100 h', limits.backupInterval(100, ['a']), 168, /simulates 100.*writes 168/],
    ['backup every 0.5 h', limits.backupInterval(0.5, ['a']), 1, /simulates 0.5.*writes 1/],
    ['5 copies every 6 h', limits.backupRetentionDays(5, 6, ['a']), 2, /1\.250 days.*2 days/],
  ])('%s becomes the nearest valid value, with a warning giving both', (_label, adjusted, value, message) => {
    expect(adjusted.value).toBe(value);
    expect(adjusted.warning?.path).toBe('a');
    expect(adjusted.warning?.message).toMatch(message);
  });

  it('warns about a recovery threshold Route 53 cannot keep', () => {
    expect(limits.route53RecoveryThreshold(5, 3, ['nodes', 1, 'healthCheck', 'recoveryThreshold'])).toEqual({
      code: 'route53-recovery-threshold-adjusted',
      path: 'nodes[1].healthCheck.recoveryThreshold',
      message: expect.stringMatching(/simulates 5.*writes 3/),
    });
  });

  it('writes backup schedules on the plan\'s t = 0 grid', () => {
    expect([1, 2, 6, 24, 168].map(limits.backupCron)).toEqual(['cron(0 * * * ? *)', 'cron(0 0/2 * * ? *)', 'cron(0 0/6 * * ? *)', 'cron(0 0 * * ? *)', 'cron(0 0 ? * SUN *)']);
  });
});

function tinyPlan(overrides: Partial<Plan>): Plan {
  return {
    schemaVersion: 1,
    name: 'Tiny',
    regions: [{ id: 'r1', provider: 'aws', code: 'us-east-2', zones: 2 }],
    nodes: [{ id: 'web', kind: 'gateway', region: 'r1', platform: 'vm', instances: 2 }],
    edges: [],
    ...overrides,
  } as Plan;
}

describe('the AWS design', () => {
  it('leaves out regions of other providers (and provider-less ones) with a warning naming them and their nodes', () => {
    const d = designAws(
      tinyPlan({
        regions: [
          { id: 'r1', provider: 'aws', code: 'us-east-2' },
          { id: 'g', provider: 'gcp', code: 'europe-west1' },
          { id: 'x', code: 'dc-1' },
        ],
        nodes: [
          { id: 'web', kind: 'gateway', region: 'r1', platform: 'vm', instances: 2 },
          { id: 'gweb', kind: 'gateway', region: 'g', platform: 'vm', instances: 2 },
        ],
      }),
    );
    expect(d.regions.map((r) => r.code)).toEqual(['us-east-2']);
    expect(d.vmFleets.map((f) => f.nodeId)).toEqual(['web']);
    expect(d.warnings.filter((w) => w.code === 'region-not-exported').map((w) => [w.path, w.message])).toEqual([
      ['regions[1]', expect.stringMatching(/"g" is a Google Cloud region.*"gweb"/)],
      ['regions[2]', expect.stringMatching(/"x" is a generic \(provider-less\) region/)],
    ]);
  });

  it('turns every input the plan lacks into a described input without a default', () => {
    const d = designAws(tinyPlan({}));
    expect(d.inputs.map((i) => i.name)).toEqual(['name_prefix', 'r1_private_subnet_ids', 'web_ami_id', 'web_instance_type']);
    for (const i of d.inputs) expect(i.description.length).toBeGreaterThan(30);
    expect(d.inputs.filter((i) => i.default !== undefined).map((i) => [i.name, i.default])).toEqual([['name_prefix', 'tiny']]);
    expect(d.inputs.find((i) => i.name === 'r1_private_subnet_ids')!.listLength).toBe(2);
  });

  it('names Ingresses as the Kubernetes export will (DNS-1123 labels)', () => {
    expect(kubernetesIngressName('Lb_East.1')).toBe('lb-east-1');
    expect(kubernetesIngressName('x'.repeat(80))).toHaveLength(63);
  });

  it('exports purely and deterministically: same plan, same files; the plan is not changed', () => {
    for (const format of exportFormats()) {
      for (const c of CASES) {
        const before = JSON.stringify(c.plan);
        const a = format.generate(c.plan);
        const b = format.generate(JSON.parse(before) as Plan);
        expect(a).toEqual(b);
        expect(JSON.stringify(c.plan)).toBe(before);
        for (const f of a.files) expect(f.content, `${c.name} ${format.id} ${f.path}`).not.toMatch(/undefined|NaN|\[object Object\]/);
      }
    }
  });
});

describe('the export format registry', () => {
  it('offers Terraform, CloudFormation, then the container and drill formats and the sharded Kubernetes Job, looked up by id', () => {
    expect(exportFormats().map((f) => [f.id, f.target])).toEqual([
      ['terraform', 'aws'],
      ['cloudformation', 'aws'],
      ['kubernetes', 'kubernetes'],
      ['compose', 'compose'],
      ['fis', 'chaos'],
      ['chaostoolkit', 'chaos'],
      ['k8s-job', 'kubernetes'],
    ]);
    expect(getExportFormat('cloudformation')?.label).toBe('CloudFormation (AWS)');
    expect(getExportFormat('nope')).toBeUndefined();
  });

  it('refuses a second format with a taken id', () => {
    expect(() => registerExportFormat({ ...getExportFormat('terraform')! })).toThrow(/already registered/);
  });
});
