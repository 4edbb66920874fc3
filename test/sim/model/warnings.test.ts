// One test per validation warning: each mutation of the PLAN-FORMAT example raises its warning at
// the stated path and the plan stays valid (warnings never block); each has a counter-case
// showing the warning is not raised for everything.
import { describe, expect, it } from 'vitest';
import type { IssueCode } from '../../../sim/model/issues';
import { validatePlan } from '../../../sim/model/validate';
import { example, WARNING_CODES, type Doc } from './planFixtures';

interface WarningCase {
  code: IssueCode;
  mutate: (plan: Doc) => void;
  path: string;
  mentions: string;
}

const CASES: WarningCase[] = [
  { code: 'cross-region-sync', mutate: (p) => (p.edges[7].mode = 'sync'), path: 'edges[7].mode', mentions: 'aurora' },
  // The example itself promotes its cross-region aurora replica automatically.
  { code: 'cross-region-auto-promotion', mutate: () => undefined, path: 'nodes[7].promotion.automatic', mentions: '"db-west"' },
  {
    code: 'dynamodb-promotion',
    mutate: (p) => {
      p.nodes[6].engine = 'dynamodb';
      p.nodes[7].engine = 'dynamodb';
    },
    path: 'edges[7].mode',
    mentions: 'multiwriter',
  },
  { code: 'route53-thresholds', mutate: (p) => (p.nodes[1].healthCheck.recoveryThreshold = 2), path: 'nodes[1].healthCheck.recoveryThreshold', mentions: '"dns"' },
  { code: 'route53-interval', mutate: (p) => (p.nodes[1].healthCheck.intervalSeconds = 15), path: 'nodes[1].healthCheck.intervalSeconds', mentions: '15' },
  { code: 'alias-ttl', mutate: (p) => (p.nodes[1].ttlSeconds = 300), path: 'nodes[1].ttlSeconds', mentions: '300' },
  { code: 'backup-3-2-1', mutate: (p) => (p.nodes[8].copies = 1), path: 'nodes[8]', mentions: '1 copy' },
  { code: 'unreachable-node', mutate: (p) => p.nodes.push({ id: 'orphan', kind: 'service', region: 'use1' }), path: 'nodes[10]', mentions: '"orphan"' },
  { code: 'manual-check-settings', mutate: (p) => (p.nodes[1].healthCheck.manual = true), path: 'nodes[1].healthCheck.intervalSeconds', mentions: 'intervalSeconds, failureThreshold, recoveryThreshold, checkers' },
];

/** Mutations that must silence a warning the case above raises (or that the example raises). */
const SILENCERS: Partial<Record<IssueCode, (plan: Doc) => void>> = {
  'cross-region-sync': (p) => (p.nodes[7].region = 'use1'), // same region: sync is offered
  'cross-region-auto-promotion': (p) => (p.nodes[7].promotion.automatic = false),
  'dynamodb-promotion': (p) => {
    p.edges[7].mode = 'multiwriter';
    delete p.nodes[6].promotion;
    delete p.nodes[7].promotion;
  },
  'route53-thresholds': (p) => p.regions.forEach((r: Doc) => (r.provider = 'gcp')), // not Route 53
  'route53-interval': (p) => (p.nodes[1].healthCheck.intervalSeconds = 10),
  'alias-ttl': (p) => (p.nodes[1].ttlSeconds = 60),
  'backup-3-2-1': (p) => Object.assign(p.nodes[8], { copies: 3, media: 2, offsite: true }),
  'unreachable-node': (p) => p.edges.push({ kind: 'traffic', from: 'gw-east', to: 'orphan' }),
  'manual-check-settings': (p) => (p.nodes[1].healthCheck = { manual: true, propagationSeconds: 30 }),
};

describe('validation warnings', () => {
  it('has a case for every warning code', () => {
    expect(CASES.map((c) => c.code).sort()).toEqual([...WARNING_CODES].sort());
  });

  it.each(CASES.map((c) => [c.code, c] as const))('%s is reported and never blocks', (code, testCase) => {
    const plan = example();
    testCase.mutate(plan);
    const result = validatePlan(plan);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.resolved).toBeDefined();
    const found = result.warnings.filter((w) => w.code === code);
    expect(found.map((w) => w.path)).toContain(testCase.path);
    for (const w of found) {
      expect(w.severity).toBe('warning');
      // A sentence: it may open with an engine name in lower case ("aurora replicates ...").
      expect(w.message).toMatch(/^\S.{15,}[.]$/);
    }
    expect(found.find((w) => w.path === testCase.path)!.message).toContain(testCase.mentions);
  });

  it.each(CASES.map((c) => [c.code, c] as const))('%s is silenced when the plan does what the service does', (code, testCase) => {
    const plan = example();
    testCase.mutate(plan);
    SILENCERS[code]!(plan);
    const result = validatePlan(plan);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.code)).not.toContain(code);
  });

  it('keeps a plan with warnings loadable and valid alongside errors elsewhere (errors win)', () => {
    const plan = example();
    plan.nodes[1].ttlSeconds = 300; // a warning
    plan.nodes[8].of = 'db-north'; // an error
    const result = validatePlan(plan);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.code)).toEqual(['unknown-node']);
    expect(result.plan).toBeDefined();
  });
});
