// The "Export report" command's document: the panels' data as the HTML review report, with the
// plan's hash, the product version and the command that regenerates it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evaluateDesign, type ReplicationRunner } from '../../../sim/analysis/design';
import { accumulateReplications, pairedRecordOf, type PairedRecord } from '../../../sim/engine/monteCarlo';
import { serializePlan } from '../../../sim/model/io';
import type { Plan } from '../../../sim/model/schema';
import { fmtPercent } from '../../../sim/report/buildReport';
import { getTemplate } from '../../../sim/templates';
import { reviewInputs } from '../../../renderer/review/reviewInputs';
import { reportFileName, reportHtmlOf } from '../../../renderer/review/reportExport';
import pkg from '../../../package.json';

const inThread: ReplicationRunner = async (p, s) => {
  const records: PairedRecord[] = [];
  const statistics = accumulateReplications(p, { fromReplication: 0, count: s.replications, seed: s.seed, horizonYears: s.horizonYears, onSummary: (r) => records.push(pairedRecordOf(r)) });
  return { statistics, records };
};

describe('reportHtmlOf', () => {
  it('renders the gathered data as HTML naming the plan, its result numbers, hash, version and rerun command', async () => {
    const plan = structuredClone(getTemplate('single-region-lb')!.plan) as Plan;
    plan.name = 'Checkout service review';
    const d = await evaluateDesign(plan, { seed: 9, replications: 4, horizonYears: 2 }, inThread);
    const inputs = reviewInputs({
      plan: d.plan,
      revision: 3,
      simulation: { result: d.result, revision: 3 },
      cost: d.cost,
      strategies: null,
      comparison: null,
      settings: { seed: 1, replications: 100, horizonYears: 10 },
    });
    const { html, fileName } = await reportHtmlOf(inputs, 'checkout.plan.json');
    expect(fileName).toBe('Checkout-service-review-report.html');
    expect(html).toContain('Checkout service review');
    expect(html).toContain(fmtPercent(d.result.availability.requestWeighted.mean));
    expect(html).toContain(createHash('sha256').update(serializePlan(d.plan), 'utf8').digest('hex'));
    expect(html).toContain(pkg.version);
    expect(html).toContain('resilience report checkout.plan.json --seed 9 --replications 4 --years 2 --format html --out Checkout-service-review-report.html');
  });

  it('makes a file name even from a name with no safe characters', () => {
    expect(reportFileName('  ***  ')).toBe('plan-report.html');
  });
});
