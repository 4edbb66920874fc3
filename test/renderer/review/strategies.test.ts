// The analyses in the window: the worker-pool runner gives the in-thread (CLI, one worker) runner's
// statistics and paired records whatever order the chunks arrive in, cancel stops every worker,
// and the strategy matrix rows say what was measured, with the nodes each strategy stands on.
import { describe, expect, it } from 'vitest';
import { ABLATION_RULES } from '../../../sim/analysis/ablation';
import type { ReplicationRunner } from '../../../sim/analysis/design';
import { detectStrategies } from '../../../sim/analysis/strategies';
import { measureStrategies } from '../../../sim/analysis/strategyMatrix';
import { accumulateReplications, pairedRecordOf, runReplications, type PairedRecord } from '../../../sim/engine/monteCarlo';
import type { BrowserRequest, BrowserRunMessage } from '../../../sim/entry/pools/browserProtocol';
import type { Plan } from '../../../sim/model/schema';
import { validatePlan } from '../../../sim/model/validate';
import { getTemplate } from '../../../sim/templates';
import { analysisRunner } from '../../../renderer/simClient/analysisRunner';
import { RunCancelled, type WorkerLike } from '../../../renderer/simClient/runSimulation';
import { formatPp, matrixRows, unmeasuredRows } from '../../../renderer/review/strategyShape';

const inThread: ReplicationRunner = async (plan, s) => {
  const records: PairedRecord[] = [];
  const statistics = accumulateReplications(plan, { fromReplication: 0, count: s.replications, seed: s.seed, horizonYears: s.horizonYears, onSummary: (r) => records.push(pairedRecordOf(r)) });
  return { statistics, records };
};

/** Workers that answer each job on a later task, the later jobs first, like a busy pool would. */
class LateWorker implements WorkerLike {
  static all: LateWorker[] = [];
  onmessage: ((event: MessageEvent<BrowserRunMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(readonly delay: number) {
    LateWorker.all.push(this);
  }
  postMessage(job: BrowserRequest) {
    if (job.type !== 'run') return;
    setTimeout(() => {
      if (this.terminated) return;
      const summaries = runReplications(job.plan, { fromReplication: job.fromReplication, count: job.count, seed: job.seed, horizonYears: job.horizonYears });
      this.onmessage?.({ data: { type: 'progress', done: job.count, total: job.count } } as MessageEvent<BrowserRunMessage>);
      this.onmessage?.({ data: { type: 'done', summaries, wallSeconds: 0 } } as MessageEvent<BrowserRunMessage>);
    }, this.delay);
  }
  terminate() {
    this.terminated = true;
  }
}

const plan = (): Plan => ({ ...structuredClone(getTemplate('two-region-active-passive')!.plan), simulation: { replications: 6, horizonYears: 1, seed: 3 } });
const resolved = (p: Plan) => validatePlan(p).resolved!;
const settings = { replications: 6, horizonYears: 1, seed: 3 };

describe('the analysis runner on the worker pool', () => {
  it('gives the in-thread runner’s statistics and paired records for the same seed', async () => {
    let n = 0;
    const runner = analysisRunner({ workers: 3, createWorker: () => new LateWorker(3 - n++) });
    const pooled = await runner.run(resolved(plan()), settings);
    const direct = await inThread(resolved(plan()), settings);
    expect(pooled.records).toEqual(direct.records);
    expect(pooled.statistics.result(resolved(plan()), 3, [])).toEqual(direct.statistics.result(resolved(plan()), 3, []));
    expect(LateWorker.all.every((w) => w.terminated)).toBe(true);
  });

  it('cancel terminates every worker and the analysis rejects with RunCancelled', async () => {
    LateWorker.all = [];
    const runner = analysisRunner({ workers: 2, createWorker: () => new LateWorker(50) });
    const pending = runner.run(resolved(plan()), settings);
    runner.cancel();
    await expect(pending).rejects.toBeInstanceOf(RunCancelled);
    expect(LateWorker.all.length).toBe(2);
    expect(LateWorker.all.every((w) => w.terminated)).toBe(true);
    // The next design of the same analysis does not start.
    await expect(runner.run(resolved(plan()), settings)).rejects.toBeInstanceOf(RunCancelled);
  });
});

describe('the strategy matrix panel', () => {
  it('measures the same matrix as the CLI’s runner and shapes one row per strategy', async () => {
    let n = 0;
    const p = plan();
    const steps: string[] = [];
    const pooled = await measureStrategies(p, settings, analysisRunner({ workers: 2, createWorker: () => new LateWorker(n++ % 2) }).run, (s, total, label) => steps.push(`${s}/${total} ${label}`));
    const direct = await measureStrategies(p, settings, inThread);
    expect(pooled).toEqual(direct);
    const findings = detectStrategies(p);
    const used = findings.filter((f) => f.used).length;
    expect(steps[0]).toBe(`1/${used + 1} the plan as written`);
    expect(steps.length).toBe(used + 1);

    const rows = matrixRows(pooled, findings);
    expect(rows.map((r) => r.id)).toEqual(pooled.rows.map((r) => r.id));
    for (const [i, r] of rows.entries()) {
      const m = pooled.rows[i]!;
      expect(r.nodes).toEqual(findings[i]!.nodes);
      if (!m.used) {
        expect(r.verdict).toBe('not used');
        expect(r.availability).toBe('—');
      } else if (m.measured) {
        expect(r.availability).toBe(formatPp(m.measured.availability.mean));
        const expected = !m.measured.availabilitySignificant ? 'no measurable effect' : m.measured.availability.mean < 0 ? 'helps' : 'hurts';
        expect(r.verdict).toBe(expected);
      } else {
        expect(r.verdict).toBe('not measured');
        expect(r.interval).toBe(m.notMeasured);
      }
    }
    // This template uses multiple regions; its row points at the nodes placed in them.
    const multi = rows.find((r) => r.id === 'multiRegion')!;
    expect(multi.used).toBe(true);
    expect(multi.nodes).toContain('gw-east');
    expect(multi.nodes).toContain('gw-west');
  });

  it('before any measurement shows detection, levels and the ablation rule', () => {
    const rows = unmeasuredRows(detectStrategies(plan()), ABLATION_RULES);
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r.id === 'serverless')!.verdict).toBe('not used');
    expect(rows.find((r) => r.id === 'monitoring')!.ablation).toBe(ABLATION_RULES.monitoring);
  });

  it('writes percentage points with a sign, keeping tiny differences visible', () => {
    expect(formatPp(-0.00012)).toBe('−0.0120 pp');
    expect(formatPp(0.0000000012)).toBe('+1.2e-7 pp');
    expect(formatPp(0)).toBe('±0.0000 pp');
  });
});
