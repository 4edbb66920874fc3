// The panels' data for a report: only what is up to date for the plan on the canvas goes in.
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../sim/analysis/compare';
import type { SensitivityResult } from '../../../sim/analysis/sensitivity';
import type { ScenarioResult } from '../../../sim/engine/scenarios';
import type { StrategyMatrix } from '../../../sim/analysis/strategyMatrix';
import type { CostReport } from '../../../sim/cost';
import type { SimulationResult } from '../../../sim/engine/monteCarlo';
import { getTemplate } from '../../../sim/templates';
import { reviewInputs, type PanelState } from '../../../renderer/review/reviewInputs';

const plan = structuredClone(getTemplate('multi-az')!.plan);
const simulation = { seed: 7, replications: 20, horizonYears: 5 } as SimulationResult;
const cost = (withDowntime: boolean) => ({ monthlyUsd: 10, downtime: withDowntime ? { usdPerMonth: 1 } : null }) as unknown as CostReport;
const state = (over: Partial<PanelState>): PanelState => ({
  plan,
  revision: 4,
  simulation: null,
  cost: cost(false),
  strategies: null,
  comparison: null,
  settings: { seed: 1, replications: 100, horizonYears: 10 },
  ...over,
});

describe('reviewInputs', () => {
  it('keeps the parts computed for this revision and says which it left out', () => {
    const out = reviewInputs(
      state({
        simulation: { result: simulation, revision: 4 },
        cost: cost(true),
        strategies: { result: {} as StrategyMatrix, revision: 3 },
        comparison: { result: { designs: [{}, {}] } as Comparison, revision: 4 },
      }),
    );
    expect(out.simulation).toBe(simulation);
    expect(out.cost?.downtime).not.toBeNull();
    expect(out.strategies).toBeUndefined();
    expect(out.comparison).toBeDefined();
    expect(out.leftOut).toEqual(['strategy matrix (run on an earlier revision of the plan)']);
    expect(out.run).toEqual({ seed: 7, replications: 20, horizonYears: 5 });
  });

  it('leaves out a comparison of one design (nothing compared), and a stale sensitivity run', () => {
    const out = reviewInputs(state({ comparison: { result: { designs: [{}] } as Comparison, revision: 4 }, sensitivity: { result: {} as SensitivityResult, revision: 3 } }));
    expect(out.comparison).toBeUndefined();
    expect(out.sensitivity).toBeUndefined();
    expect(out.leftOut).toEqual(['comparison (only one design was compared)', 'sensitivity (run on an earlier revision of the plan)']);
    const fresh = reviewInputs(state({ sensitivity: { result: {} as SensitivityResult, revision: 4 } }));
    expect(fresh.sensitivity).toBeDefined();
  });

  it('keeps the scenarios replayed with a run of this revision only', () => {
    const scenarios = [{ name: 'az loss' }] as unknown as ScenarioResult[];
    expect(reviewInputs(state({ simulation: { result: simulation, revision: 4, scenarios } })).scenarios).toBe(scenarios);
    expect(reviewInputs(state({ simulation: { result: simulation, revision: 2, scenarios } })).scenarios).toBeUndefined();
    expect(reviewInputs(state({ simulation: { result: simulation, revision: 4, scenarios: [] } })).scenarios).toBeUndefined();
  });

  it('leaves out a cost whose downtime comes from a stale run, keeps one without downtime', () => {
    const stale = reviewInputs(state({ simulation: { result: simulation, revision: 2 }, cost: cost(true) }));
    expect(stale.simulation).toBeUndefined();
    expect(stale.cost).toBeUndefined();
    expect(stale.leftOut).toHaveLength(2);
    expect(stale.run).toEqual({ seed: 1, replications: 100, horizonYears: 10 });
    const noRun = reviewInputs(state({}));
    expect(noRun.cost?.monthlyUsd).toBe(10);
    expect(noRun.leftOut).toEqual([]);
  });
});
