/**
 * Turns scenario results (the shape `resilience scenarios` reports) into the expectations the drill
 * exports quote. Structural input, so sim/export still imports nothing from the engine. Pure.
 */
import type { ScenarioExpectation } from '../types';

/** The fields of a scenario result the drills need (a subset of the engine's ScenarioResult). */
export interface ScenarioResultLike {
  id: string;
  replications: number;
  rtoSeconds: { p50: number | null; max: number | null };
  rpoSeconds: { max: number | null };
  lostWrites: { mean: number };
}

export function scenarioExpectations(results: readonly ScenarioResultLike[], seed: number): ScenarioExpectation[] {
  return results.map((r) => ({
    id: r.id,
    replications: r.replications,
    seed,
    rtoP50Seconds: r.rtoSeconds.p50,
    rtoMaxSeconds: r.rtoSeconds.max,
    rpoMaxSeconds: r.rpoSeconds.max,
    lostWritesMean: r.lostWrites.mean,
  }));
}
