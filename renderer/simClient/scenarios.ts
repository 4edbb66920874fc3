/**
 * Scripted scenarios (DESIGN.md §7) as the dashboard's table rows: the engine replays each one with
 * random failures off (sim/engine/scenarios.ts, in a worker like the replications), and this maps
 * its outcome to what the table shows.
 */
import type { ScenarioResult } from '../../sim/engine/scenarios';
import type { ScenarioRow } from './types';

export function scenarioRows(results: readonly ScenarioResult[]): ScenarioRow[] {
  return results.map((r) => ({
    id: r.id,
    description: r.name || r.id,
    rtoSeconds: r.rtoSeconds.mean,
    rpoSeconds: r.rpoSeconds.mean,
    lostRequests: r.lostRequests.mean,
  }));
}
