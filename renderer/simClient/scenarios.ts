/**
 * SEAM for scripted scenarios (DESIGN.md §7). The engine's public API (sim/engine/index.ts) does not
 * replay scenarios yet; another engineer is adding `resilience scenarios`. When it lands, call its
 * kernel here (in the worker if it is slow) and map each outcome to a ScenarioRow; the dashboard's
 * ScenarioTable already renders rows. Until then: null, and the dashboard says so.
 */
import type { ResolvedPlan } from '../../sim/model/resolve';
import type { RunSettings, ScenarioRow } from './types';

export function playScenarios(_plan: ResolvedPlan, _settings: RunSettings): ScenarioRow[] | null {
  return null;
}
