// The CLI's pool: this thread computes beside W − 1 worker threads, every thread claiming the next
// job from one shared counter. Whatever the split and whoever ran which job, the pooled statistics
// and the paired records (in replication order) are those of one thread running every replication;
// a replication over its event budget stops the run with the budget's error, whichever thread ran it.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../sim/templates';
import { validatePlan } from '../../../sim/model/validate';
import { runPairedReplicationsParallel } from '../../../sim/entry/pools/runReplicationsParallel';
import { EventBudgetExceeded } from '../../../sim/engine/replication';

const plan = validatePlan(getTemplate('two-region-active-passive')!.plan).resolved!;

describe('replications on this thread and worker threads', () => {
  it('pools the same statistics and paired records on 1 and 2 threads, with progress for every replication', async () => {
    const options = { seed: 5, replications: 40, fromReplication: 7, horizonYears: 2 };
    const one = await runPairedReplicationsParallel(plan, { ...options, workers: 1 });
    const progress: number[] = [];
    const two = await runPairedReplicationsParallel(plan, { ...options, workers: 2, onProgress: (done) => progress.push(done) });
    // Raw samples may be held in another order; everything reported from them is the same.
    expect(two.statistics.result(plan, 5, [])).toEqual(one.statistics.result(plan, 5, []));
    expect(two.records).toEqual(one.records);
    expect(two.records.map((r) => r.replication)).toEqual(Array.from({ length: 40 }, (_, k) => 7 + k));
    expect(progress).toEqual(Array.from({ length: 40 }, (_, k) => k + 1));
  });

  it('stops with the event budget error when a replication runs over it', async () => {
    const run = runPairedReplicationsParallel(plan, { seed: 5, replications: 12, horizonYears: 2, workers: 2, eventBudget: 50 });
    await expect(run).rejects.toBeInstanceOf(EventBudgetExceeded);
    await expect(run).rejects.toThrow(/stopped at \d+ events \(the budget of one replication\)/);
  });
});
