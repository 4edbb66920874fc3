// Scripted scenarios: each kind (region, zone, node, common cause) on a small plan with hand-computed
// RTO bounds; random failures are off, so only detection phases vary between replications.
import { describe, expect, it } from 'vitest';
import { compileScenarioModel, runScenario, runScenarios, SCENARIO_RECOVERY_HOURS } from '../../../sim/engine/scenarios';
import { exp, plan, rel, resolve } from './helpers';

// Components that would fail often if random failures were on: a scenario must not see them.
const FLAKY = rel(exp(0.5), exp(0.1));
const base = (extra: Record<string, unknown> = {}) =>
  resolve(
    plan(
      [
        { id: 'users', kind: 'clients', requestsPerSecond: 100, writeFraction: 0.2 },
        // Balancer check: interval 10 s, 2 failures → detection U(0, 10) + 10 ∈ [10, 20] s.
        { id: 'lb', kind: 'loadBalancer', region: 'r', healthCheck: { intervalSeconds: 10, failureThreshold: 2, recoveryThreshold: 2 }, reliability: FLAKY },
        { id: 'gw', kind: 'gateway', region: 'r', instances: 2, reliability: FLAKY },
        { id: 'db', kind: 'datastore', engine: 'postgres', failureLosesData: false, reliability: FLAKY },
      ],
      [['users', 'lb'], ['lb', 'gw'], ['gw', 'db']],
      {
        regions: [{ id: 'r', zones: 2, outage: { ratePerYear: 50, durationHours: exp(1) }, zoneOutage: { ratePerYear: 50, durationHours: exp(1) } }],
        commonCauses: [{ id: 'bad-push', ratePerYear: 100, durationHours: exp(1), affects: ['gw'] }],
        objectives: { rtoSeconds: 15 },
        ...extra,
      },
    ),
  );

describe('scripted scenarios', () => {
  it('zone: the instance in the lost zone fails its half until the balancer sees it (RTO in [10, 20] s)', () => {
    const r = runScenario(base(), { id: 'z', atHours: 3, durationHours: 2, fail: { zone: { region: 'r', zone: 0 } } }, { replications: 200, seed: 4 });
    expect(r.rtoSeconds.max!).toBeLessThanOrEqual(20 + 1e-6);
    expect(r.rtoSeconds.p50!).toBeGreaterThanOrEqual(10 - 1e-6);
    expect(r.rtoSeconds.mean!).toBeGreaterThan(13);
    expect(r.rtoSeconds.mean!).toBeLessThan(17);
    // 50 rps fail for D ~ U(10, 20): mean 750 requests; writes are 20 % of them.
    expect(r.lostRequests.mean).toBeGreaterThan(500);
    expect(r.lostRequests.mean).toBeLessThan(1000);
    expect(r.failedWrites.mean).toBeCloseTo(0.2 * r.lostRequests.mean, 9);
    expect(r.lostWrites.mean).toBe(0); // no promotion or restore: no committed write is lost
    // Objective 15 s: roughly half the samples exceed it, far above exceedanceMax 5 %.
    expect(r.objectives.rtoSeconds!.met).toBe(false);
    expect(r.rpoSeconds).toEqual({ mean: null, p50: null, max: null });
  });

  it('region: everything in it is down for exactly the duration (the balancer is in the region)', () => {
    const r = runScenario(base(), { id: 'reg', atHours: 3, durationHours: 2, fail: { region: 'r' } }, { replications: 20, seed: 4 });
    // The balancer restarts after the outage believing nothing healthy and fails open: service is
    // back the instant the region is. RTO = 2 h exactly; lost = 100 rps × 7200 s.
    expect(r.rtoSeconds.mean).toBeCloseTo(7200, 6);
    expect(r.rtoSeconds.max).toBeCloseTo(7200, 6);
    expect(r.lostRequests.mean).toBeCloseTo(720_000, 3);
    expect(r.objectives.rtoSeconds!.met).toBe(false);
  });

  it('region with an autoscaled fleet: failing open uses only the launched instances, not the idle slots', () => {
    // Two of six slots run. Failing open over all six slots would fail 4/6 of the requests until
    // the balancer sees a recovery (recoveryThreshold 2 × 10 s); over the two registered ones
    // service is back the instant the region is, as without autoscaling.
    const autoscaled = base();
    const gw = autoscaled.nodes.find((n) => n.id === 'gw')!;
    Object.assign(gw, { capacityRpsPerInstance: 1000, autoscaling: { min: 2, max: 6, targetUtilization: 0.6, reactionSeconds: 60, launchSeconds: 90 } });
    const r = runScenario(autoscaled, { id: 'reg', atHours: 3, durationHours: 2, fail: { region: 'r' } }, { replications: 20, seed: 4 });
    expect(r.rtoSeconds.max).toBeCloseTo(7200, 6);
    expect(r.lostRequests.mean).toBeCloseTo(720_000, 3);
  });

  it('node: a failed datastore is down for exactly the duration, whatever its repair law', () => {
    const r = runScenario(base(), { id: 'db', atHours: 1, durationHours: 0.5, fail: { node: 'db' } }, { replications: 10, seed: 4 });
    expect(r.rtoSeconds.p50).toBeCloseTo(1800, 6);
    expect(r.rtoSeconds.max).toBeCloseTo(1800, 6);
    expect(r.openAtHorizon).toBe(0);
  });

  it('common cause: every gateway instance down; the balancer fails open, so RTO is the duration', () => {
    const r = runScenario(base(), { id: 'cc', atHours: 1, durationHours: 1, fail: { commonCause: 'bad-push' } }, { replications: 10, seed: 4 });
    expect(r.rtoSeconds.mean).toBeCloseTo(3600, 6);
    expect(r.rtoSeconds.max).toBeCloseTo(3600, 6);
  });

  it('random processes are off and the horizon ends 24 h after the disruption', () => {
    const p = base();
    const m = compileScenarioModel(p, { id: 'db', atHours: 10, durationHours: 2, fail: { node: 'db' } });
    expect(m.horizonSeconds).toBe((10 + 2 + SCENARIO_RECOVERY_HOURS) * 3600);
    expect(m.overlays).toHaveLength(1);
    expect(m.overlays[0]!.repeats).toBe(false);
    // A scenario naming nothing in the traffic path loses nothing.
    const quiet = runScenario(base(), { id: 'none', atHours: 1, durationHours: 1, fail: { commonCause: 'bad-push' } }, { replications: 1, seed: 1 });
    expect(quiet.lostRequests.mean).toBeGreaterThan(0);
  });

  it('runs every scenario of the plan in order, with the same result for the same seed', () => {
    const scenarios = [
      { id: 'a', atHours: 1, durationHours: 1, fail: { node: 'db' } },
      { id: 'b', name: 'Zone 1', atHours: 2, durationHours: 1, fail: { zone: { region: 'r', zone: 1 } } },
    ];
    const p = base({ scenarios });
    const one = runScenarios(p, { replications: 5, seed: 9 });
    const two = runScenarios(p, { replications: 5, seed: 9 });
    expect(one.map((s) => [s.id, s.name])).toEqual([['a', 'a'], ['b', 'Zone 1']]);
    expect(two).toEqual(one);
  });
});

