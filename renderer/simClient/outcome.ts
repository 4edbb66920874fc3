/**
 * Per-replication summaries → RunOutcome (pure). `summarize` is the engine's, so `result` is the
 * CLI's; the rest keeps what the charts need from every replication (reduced samples, downtime by
 * first cause mapped to plan components) so the summaries can be dropped afterwards.
 */
import { summarize } from '../../sim/engine/monteCarlo';
import type { Cause } from '../../sim/engine/model';
import type { ReplicationSummary } from '../../sim/engine/replication';
import type { ResolvedPlan } from '../../sim/model/resolve';
import { scenarioRows } from './scenarios';
import { scenarioExpectations } from '../../sim/export/chaos/expectations';
import type { ScenarioResult } from '../../sim/engine/scenarios';
import type { CauseShare, ReducedSample, RunOutcome, RunSettings } from './types';

/** Enough points for a smooth CDF and fine histogram bins, small enough to keep in the store. */
export const SAMPLE_POINTS = 2000;

export function reduceSample(samples: readonly number[], points = SAMPLE_POINTS): ReducedSample {
  const sorted = Float64Array.from(samples).sort();
  if (sorted.length <= points) return { count: sorted.length, values: Array.from(sorted) };
  // Mid-rank order statistics: point k stands for the k-th of `points` equal slices of the sample.
  const values = Array.from({ length: points }, (_, k) => sorted[Math.min(sorted.length - 1, Math.floor(((k + 0.5) * sorted.length) / points))]!);
  return { count: sorted.length, values };
}

/** The plan nodes and regions a cause takes down, following the engine's membership rules. */
export function componentsOf(cause: Cause, plan: ResolvedPlan): { nodes: string[]; regions: string[] } {
  switch (cause.kind) {
    case 'node':
      return { nodes: plan.nodes.some((n) => n.id === cause.id) ? [cause.id] : [], regions: [] };
    case 'instance': {
      const id = cause.id.split('#')[0]!;
      return { nodes: plan.nodes.some((n) => n.id === id) ? [id] : [], regions: [] };
    }
    case 'region':
      return { nodes: plan.nodes.filter((n) => n.region === cause.id).map((n) => n.id), regions: [cause.id] };
    case 'zone': {
      const slash = cause.id.lastIndexOf('/');
      const region = cause.id.slice(0, slash);
      const zone = Number(cause.id.slice(slash + 1));
      // Fleets spread instances over the zones; a single component only when it names this zone.
      const nodes = plan.nodes.filter((n) => n.region === region && ('instances' in n || n.zone === zone)).map((n) => n.id);
      return { nodes, regions: [region] };
    }
    case 'commonCause': {
      const cc = plan.commonCauses.find((c) => c.id === cause.id);
      return { nodes: cc ? [...cc.affects] : [], regions: [] };
    }
  }
}

const ZONE_LETTERS = 'abcdefghijkl';

export function causeLabel(cause: Cause, plan: ResolvedPlan): string {
  const nodeName = (id: string) => plan.nodes.find((n) => n.id === id)?.name ?? id;
  switch (cause.kind) {
    case 'node':
      return nodeName(cause.id);
    case 'instance': {
      // Instances are pooled under their fleet (downtimeByCause), so this names the fleet.
      return `${nodeName(cause.id.split('#')[0]!)} instances`;
    }
    case 'region': {
      const r = plan.regions.find((x) => x.id === cause.id);
      return r?.code ?? r?.name ?? cause.id;
    }
    case 'zone': {
      const slash = cause.id.lastIndexOf('/');
      const r = plan.regions.find((x) => x.id === cause.id.slice(0, slash));
      const z = Number(cause.id.slice(slash + 1));
      return `${r?.code ?? cause.id.slice(0, slash)}${ZONE_LETTERS[z] ?? `/${z}`}`;
    }
    case 'commonCause':
      return cause.id;
  }
}

/**
 * Downtime by first cause over every replication's incident records. Instances of one fleet are
 * pooled under the fleet (`gw#0`, `gw#2` → one row), since the architect acts on the fleet.
 */
export function downtimeByCause(ordered: readonly ReplicationSummary[], plan: ResolvedPlan): { causes: CauseShare[]; recorded: number } {
  const rows = new Map<string, CauseShare>();
  let recorded = 0;
  for (const s of ordered) {
    const horizonHours = s.horizonSeconds / 3600;
    for (const rec of s.incidentRecords) {
      recorded++;
      const cause: Cause = rec.firstCause.kind === 'instance' ? { kind: 'instance', id: rec.firstCause.id.split('#')[0]! } : rec.firstCause;
      const key = `${cause.kind}:${cause.id}`;
      let row = rows.get(key);
      if (!row) {
        row = { kind: cause.kind, id: cause.id, label: causeLabel(cause, plan), incidents: 0, downtimeHours: 0, lostRequests: 0, ...componentsOf(cause, plan) };
        rows.set(key, row);
      }
      row.incidents++;
      row.downtimeHours += (rec.endHours ?? horizonHours) - rec.startHours;
      row.lostRequests += rec.lostRequests;
    }
  }
  return { causes: [...rows.values()].sort((a, b) => b.downtimeHours - a.downtimeHours || a.id.localeCompare(b.id)), recorded };
}

export function heatOf(causes: readonly CauseShare[]): RunOutcome['heat'] {
  const total = causes.reduce((sum, c) => sum + c.downtimeHours, 0);
  const nodes: Record<string, number> = {};
  const regions: Record<string, number> = {};
  if (total <= 0) return { nodes, regions };
  for (const c of causes) {
    for (const id of c.nodes) nodes[id] = (nodes[id] ?? 0) + c.downtimeHours / total;
    for (const id of c.regions) regions[id] = (regions[id] ?? 0) + c.downtimeHours / total;
  }
  return { nodes, regions };
}

export function availabilityMetShare(ordered: readonly ReplicationSummary[], target: number | undefined): number | null {
  if (target === undefined || ordered.length === 0) return null;
  const met = ordered.filter((s) => (s.offeredRequests > 0 ? 1 - s.lostRequests / s.offeredRequests : 1) >= target).length;
  return met / ordered.length;
}

type RunFacts = { wallSeconds: number; workers: number; mainThread: boolean; scenarios?: ScenarioResult[] | null };

export function buildOutcome(summaries: readonly ReplicationSummary[], plan: ResolvedPlan, settings: RunSettings, run: RunFacts): RunOutcome {
  let out: RunOutcome | undefined;
  const steps = outcomeSteps(summaries, plan, settings, run, (o) => (out = o));
  for (const step of steps) step();
  return out!;
}

/**
 * The same work as buildOutcome in separate steps, so the window can run each in its own task and
 * never block for long (a long run's summaries take tens of milliseconds to pool).
 */
export async function buildOutcomeInSteps(
  summaries: readonly ReplicationSummary[],
  plan: ResolvedPlan,
  settings: RunSettings,
  run: RunFacts,
  yieldToWindow: () => Promise<void>,
): Promise<RunOutcome> {
  let out: RunOutcome | undefined;
  for (const step of outcomeSteps(summaries, plan, settings, run, (o) => (out = o))) {
    step();
    await yieldToWindow();
  }
  return out!;
}

function outcomeSteps(summaries: readonly ReplicationSummary[], plan: ResolvedPlan, settings: RunSettings, run: RunFacts, done: (o: RunOutcome) => void): Array<() => void> {
  let ordered: ReplicationSummary[] = [];
  let result: RunOutcome['result'] | undefined;
  let byCause: ReturnType<typeof downtimeByCause> | undefined;
  let rtoSample: ReducedSample | undefined;
  return [
    () => {
      ordered = [...summaries].sort((a, b) => a.replication - b.replication);
      result = { ...summarize(ordered, plan, settings.seed), wallSeconds: run.wallSeconds };
    },
    () => {
      byCause = downtimeByCause(ordered, plan);
    },
    () => {
      rtoSample = reduceSample(ordered.flatMap((s) => s.rtoSeconds));
    },
    () => {
      const { causes, recorded } = byCause!;
      done({
        planName: plan.name,
        settings,
        result: result!,
        rtoSample: rtoSample!,
        rpoSample: reduceSample(ordered.flatMap((s) => s.rpoSeconds)),
        causes,
        causeCoverage: { recorded, incidents: result!.incidents.count },
        availabilityMetShare: availabilityMetShare(ordered, plan.objectives.availability),
        heat: heatOf(causes),
        scenarios: run.scenarios ? scenarioRows(run.scenarios) : null,
        scenarioExpectations: run.scenarios ? scenarioExpectations(run.scenarios, settings.seed) : null,
        scenarioResults: run.scenarios ?? null,
        scenariosDefined: plan.scenarios.length,
        workers: run.workers,
        mainThread: run.mainThread,
      });
    },
  ];
}
