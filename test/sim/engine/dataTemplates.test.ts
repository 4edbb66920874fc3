// Every bundled template gets past the data refusals (replication, backups, data-losing failures);
// those whose remaining refusals are only autoscaling, probes or the diurnal swing simulate once
// these are stripped (DNS is simulated since the DNS merge), with the RPO samples their data design
// promises.
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../sim/templates';
import { resolve, run, type Json } from './helpers';

/** Drops the parts other issues simulate (autoscaling, probes, diurnal swing); DNS stays. */
function stripNonData(plan: Json): Json {
  const copy = JSON.parse(JSON.stringify(plan)) as { nodes: Record<string, unknown>[] };
  for (const n of copy.nodes) {
    delete n.autoscaling;
    delete n.probes;
    if (n.kind === 'clients') n.diurnalSwing = 0;
  }
  return copy as unknown as Json;
}

describe('templates and the data engine', () => {
  for (const t of TEMPLATES) {
    it(`${t.name}: simulates as shipped`, () => {
      const { summaries } = run(t.plan as unknown as Json, 2, 1);
      for (const s of summaries) expect(s.offeredRequests).toBeGreaterThan(0);
    });
  }

  it('backup-restore restores with RPO ≤ 24 h; multi-az promotes over sync replication with RPO 0', () => {
    const stripped = Object.fromEntries(TEMPLATES.map((t) => [t.name, stripNonData(t.plan as unknown as Json)]));
    for (const name of ['backup-restore', 'multi-az', 'single-region-lb', 'kubernetes-containers']) expect(resolve(stripped[name]!).nodes.length, name).toBeGreaterThan(0);
    const backup = run(stripped['backup-restore']!, 4, 100).result;
    expect(backup.data.restores).toBeGreaterThan(0);
    expect(backup.rpoSeconds.count).toBe(backup.data.restores + backup.data.unrecoverableLosses);
    expect(backup.rpoSeconds.max!).toBeLessThanOrEqual(24 * 3600);
    const multiAz = run(stripped['multi-az']!, 4, 100).result;
    expect(multiAz.data.promotions).toBeGreaterThan(0);
    expect(multiAz.rpoSeconds.count).toBe(multiAz.data.promotions);
    expect(multiAz.rpoSeconds.max).toBe(0);
    expect(multiAz.objectives.rpoSeconds?.met).toBe(true);
  });

  it('warm-standby promotes its async replica (positive lags); two-region-active-active loses only multi-writer lags', () => {
    const stripped = Object.fromEntries(TEMPLATES.map((t) => [t.name, stripNonData(t.plan as unknown as Json)]));
    const warm = run(stripped['warm-standby']!, 2, 50).result;
    expect(warm.data.promotions).toBeGreaterThan(0);
    expect(warm.rpoSeconds.count).toBe(warm.data.promotions);
    expect(warm.rpoSeconds.min!).toBeGreaterThan(0);
    const active = run(stripped['two-region-active-active']!, 2, 50).result;
    expect(active.data.promotionAttempts).toBe(0);
    expect(active.rpoSeconds.count).toBe(active.data.multiwriterLosses);
    expect(active.rpoSeconds.count).toBeGreaterThan(0);
  });
});
