/**
 * The results dashboard: headline figures, objectives, availability with intervals, RTO and RPO
 * distributions, one replication's incident timeline, downtime by cause and by client region,
 * scripted scenarios and what was run. Every chart is drawn with d3 (charts/).
 */
import { useEffect, useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { nodeKey, regionKey } from '../store/selectionKeys';
import { GlossaryList, Term, type GlossaryTerm } from './glossary';
import type { ObjectiveResult, SampleStatistics } from '../../sim/engine/monteCarlo';
import type { RunOutcome } from '../simClient/types';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { AvailabilityChart } from './charts/AvailabilityChart';
import { CauseChart } from './charts/CauseChart';
import { DistributionChart } from './charts/DistributionChart';
import { IncidentTimeline } from './charts/IncidentTimeline';
import { OriginChart } from './charts/OriginChart';
import { formatCount, formatDuration, formatMinutesPerYear, formatNines, formatPercent } from './format';
import { CAUSE_COLORS, CAUSE_KIND_LABEL, timelineMarks, topCauses, type CauseRow, type TimelineMark } from './shape';
import { ScenarioTable } from './ScenarioTable';
import { formatRelativeHalfWidth, type PrecisionOutcome } from '../../sim/engine/precision';

/** A result file keeps the distribution's statistics, not its samples: say what it has. */
function fileHoldsStatistics(stats: SampleStatistics): string {
  return `The result file holds statistics, not samples: ${formatCount(stats.count)} samples, p50 ${formatDuration(stats.p50)}, p95 ${formatDuration(stats.p95)}, p99 ${formatDuration(stats.p99)}, max ${formatDuration(stats.max)}.`;
}

/** Which stopped a precision run, in one sentence: the target or the cap. */
export function precisionSummary(p: PrecisionOutcome, replications: number): string {
  const width = p.relativeHalfWidth === null ? 'none (the mean is 0)' : formatRelativeHalfWidth(p.relativeHalfWidth);
  const target = formatRelativeHalfWidth(p.target);
  return p.stoppedBecause === 'target-reached'
    ? `Target reached: after ${formatCount(replications)} replications (${p.batches} batch${p.batches === 1 ? '' : 'es'}) the 95 % interval of ${p.measure} is ±${width} of the mean (target ±${target}).`
    : `Stopped at the cap of ${formatCount(p.maxReplications)} replications before the 95 % interval of ${p.measure} reached ±${target} of the mean; it is ±${width}.`;
}

function Kpi(props: { label: string; term: GlossaryTerm; value: string; testId?: string; sub?: React.ReactNode; tone?: 'ok' | 'bad' | null }) {
  return (
    <div className={`kpi${props.tone ? ` is-${props.tone}` : ''}`}>
      <div className="kpi-label">
        <Term term={props.term}>{props.label}</Term>
      </div>
      <div className="kpi-value" data-testid={props.testId}>
        {props.value}
      </div>
      {props.sub && <div className="kpi-sub">{props.sub}</div>}
    </div>
  );
}

/**
 * Charts mount one per task after the headline figures, so drawing a big dashboard never blocks
 * the window for long (the run's end must stay under the 50 ms long-task budget too).
 */
function useStagedMount(stages: number): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (stage >= stages) return;
    const timer = window.setTimeout(() => setStage((s) => s + 1), 0);
    return () => window.clearTimeout(timer);
  }, [stage, stages]);
  return stage;
}

function Panel(props: { title: string; note?: React.ReactNode; className?: string; shown: boolean; children: React.ReactNode }) {
  return (
    <section className={`result-panel ${props.className ?? ''}`}>
      <header>
        <h3>{props.title}</h3>
        {props.note && <span className="panel-note">{props.note}</span>}
      </header>
      {props.shown ? props.children : <div className="chart-placeholder" />}
    </section>
  );
}

const ci = (c: [number, number] | null, f: (x: number) => string) => (c ? `95 % CI ${f(c[0])} – ${f(c[1])}` : 'one replication: no interval');

function Objective({ name, o, outcome, exceedanceMax }: { name: string; o: ObjectiveResult; outcome: RunOutcome; exceedanceMax: number }) {
  const tone = o.met === null ? '' : o.met ? 'is-met' : 'is-missed';
  let title: string;
  let detail: string;
  let probability: string;
  let term: GlossaryTerm = 'slo';
  if (name === 'availability') {
    title = `Availability ≥ ${formatPercent(o.target, 3)}`;
    detail = `simulated ${o.value === null ? '—' : formatPercent(o.value)}`;
    const share = outcome.availabilityMetShare;
    const slo = outcome.result.sloAttainment;
    probability = `${share === null ? '' : `met over the whole horizon in ${formatPercent(share, 1)} of replications`}${slo ? ` · ${formatPercent(slo.share, 1)} of months` : ''}`;
  } else {
    const what = name === 'rtoSeconds' ? 'RTO' : 'RPO';
    title = `${what} ≤ ${formatDuration(o.target)}`;
    detail = `P(${what} > ${formatDuration(o.target)}) = ${o.value === null ? '—' : formatPercent(o.value, 2)}, allowed ${formatPercent(exceedanceMax, 1)}`;
    term = 'exceed';
    probability = o.value === null ? '' : `${formatPercent(1 - o.value, 1)} of ${what === 'RTO' ? 'incidents recover' : 'data-loss events lose less'} within target`;
  }
  return (
    <li className={`objective ${tone}`} data-testid={`objective-${name}`}>
      <span className="objective-verdict">{o.met === null ? 'not judged' : o.met ? 'Met' : 'Missed'}</span>
      <div>
        <div className="objective-title">{title}</div>
        <div className="objective-detail">
          <Term term={term}>{detail}</Term>
        </div>
        {probability && <div className="objective-prob">{probability}</div>}
      </div>
    </li>
  );
}

export function Dashboard({ outcome, stale, exceedanceMax }: { outcome: RunOutcome; stale: boolean; exceedanceMax: number }) {
  const store = useEditorStoreApi();
  const flow = useReactFlow();
  const r = outcome.result;
  const highlight = useEditor((s) => s.simulation.overlay.highlight);
  const [selectedIncident, setSelectedIncident] = useState<number | null>(null);
  const [selectedCause, setSelectedCause] = useState<string | null>(null);
  const marks = useMemo(() => timelineMarks(r.incidents.timeline, r.horizonYears), [r]);
  const causes = useMemo(() => topCauses(outcome.causes), [outcome]);
  const causeByKey = useMemo(() => new Map(outcome.causes.map((c) => [`${c.kind}:${c.id}`, c])), [outcome]);
  const regionLabel = (id: string) => (id ? (outcome.causes.find((c) => c.kind === 'region' && c.id === id)?.label ?? id) : 'Anywhere');
  const rw = r.availability.requestWeighted;
  const dt = r.downtimeMinutesPerYear;
  const target = r.objectives.availability?.target;
  const rtoTarget = r.objectives.rtoSeconds?.target;
  const rpoTarget = r.objectives.rpoSeconds?.target;
  // Clearing a highlight elsewhere (Escape on the dashboard, a new run) clears the selections here.
  const incidentOn = highlight ? selectedIncident : null;
  const causeOn = highlight ? selectedCause : null;

  const selectCause = (row: CauseRow) => {
    const key = `${row.kind}:${row.id}`;
    if (causeOn === key) {
      store.getState().setResultHighlight(null);
      setSelectedCause(null);
      return;
    }
    setSelectedIncident(null);
    setSelectedCause(key);
    store.getState().setResultHighlight({ label: `${CAUSE_KIND_LABEL[row.kind].toLowerCase()} ${row.label}`, nodes: row.nodes, regions: row.regions });
    showOnCanvas(row.nodes, row.regions);
  };
  /** Pans and zooms the canvas to what a cause or an incident took down. */
  const showOnCanvas = (nodes: readonly string[], regions: readonly string[]) => {
    const targets = [...nodes.map(nodeKey), ...regions.map(regionKey)].filter((id) => flow.getNode(id));
    if (targets.length) void flow.fitView({ nodes: targets.map((id) => ({ id })), padding: 0.35, maxZoom: 1.2, duration: 300 });
  };
  const labelOfMark = (m: TimelineMark) => causeByKey.get(`${m.causeKind}:${m.causeId}`)?.label ?? m.causeId;
  const selectIncident = (m: TimelineMark) => {
    if (incidentOn === m.index) {
      store.getState().setResultHighlight(null);
      setSelectedIncident(null);
      return;
    }
    const cause = causeByKey.get(`${m.causeKind}:${m.causeId}`);
    setSelectedCause(null);
    setSelectedIncident(m.index);
    store.getState().setResultHighlight({ label: `Incident ${m.index + 1}: ${CAUSE_KIND_LABEL[m.causeKind].toLowerCase()} ${labelOfMark(m)}`, nodes: cause?.nodes ?? [], regions: cause?.regions ?? [] });
    showOnCanvas(cause?.nodes ?? [], cause?.regions ?? []);
  };
  const stage = useStagedMount(9);
  const availabilityTone = target === undefined ? null : rw.mean >= target ? 'ok' : 'bad';
  return (
    <div className={`dashboard${stale ? ' is-stale' : ''}`} data-testid="results" data-stale={stale ? 'true' : 'false'} data-drawn={stage >= 9 ? 'true' : 'false'}>
      {outcome.source && (
        <p className={`result-note${outcome.source.planMatches ? '' : ' is-warning'}`} data-testid="result-source" data-matches={outcome.source.planMatches ? 'true' : 'false'}>
          {outcome.source.planMatches
            ? `Opened from ${outcome.source.file}: a result of this plan (its SHA-256 matches), not run in this window.`
            : `Opened from ${outcome.source.file}: this result was computed from a different plan (its SHA-256 does not match the open plan's), so it does not describe this design.`}
        </p>
      )}
      {outcome.precision && (
        <p className="result-note" data-testid="result-precision" data-stopped={outcome.precision.stoppedBecause}>
          {precisionSummary(outcome.precision, r.replications)}
        </p>
      )}
      <div className="kpis">
        <Kpi label="Availability (requests)" term="availability" value={formatPercent(rw.mean)} testId="result-availability" tone={availabilityTone} sub={<><Term term="nines">{formatNines(rw.mean)}</Term> · <Term term="ci95">{ci(rw.ci95, (x) => formatPercent(x, 3))}</Term></>} />
        <Kpi label="Downtime per year" term="downtime" value={formatMinutesPerYear(dt.mean)} testId="result-downtime" sub={ci(dt.ci95, (x) => x.toFixed(1))} />
        <Kpi label="Incidents per year" term="incidents" value={r.incidents.perYear.toFixed(2)} testId="result-incidents" sub={`${formatCount(r.incidents.count)} in ${formatCount(r.replications * r.horizonYears)} simulated years`} />
        <Kpi
          label="RTO p95"
          term="rto"
          value={formatDuration(r.rtoSeconds.p95)}
          testId="result-rto-p95"
          tone={r.objectives.rtoSeconds ? (r.objectives.rtoSeconds.met ? 'ok' : 'bad') : null}
          sub={r.rtoSeconds.count === 0 ? 'no incident ended' : `p50 ${formatDuration(r.rtoSeconds.p50)} · max ${formatDuration(r.rtoSeconds.max)}`}
        />
        <Kpi
          label="RPO p95"
          term="rpo"
          value={formatDuration(r.rpoSeconds.p95)}
          testId="result-rpo-p95"
          tone={r.objectives.rpoSeconds ? (r.objectives.rpoSeconds.met ? 'ok' : 'bad') : null}
          sub={r.rpoSeconds.count === 0 ? 'no data-loss events' : `p50 ${formatDuration(r.rpoSeconds.p50)} · max ${formatDuration(r.rpoSeconds.max)}`}
        />
        <Kpi
          label="SLO attainment"
          term="slo"
          value={r.sloAttainment ? formatPercent(r.sloAttainment.share, 1) : '—'}
          testId="result-slo"
          tone={r.sloAttainment ? (r.sloAttainment.share >= 0.9 ? 'ok' : 'bad') : null}
          sub={r.sloAttainment ? `of ${formatCount(r.sloAttainment.months)} months met ${formatPercent(r.sloAttainment.objective, 2)}` : 'no availability objective'}
        />
      </div>

      <div className="result-grid">
        <Panel title="Availability" note={<><Term term="ci95">mean and 95 % interval over replications</Term>, <Term term="nines">nines scale</Term> · <Term term="timeWeighted">requests vs time</Term></>} className="span-5" shown={stage > 0}>
          <AvailabilityChart result={r} target={target} />
        </Panel>
        <Panel title="Objectives" className="span-3" shown={stage > 1}>
          {Object.keys(r.objectives).length === 0 ? (
            <p className="panel-muted">The plan sets no objectives.</p>
          ) : (
            <ul className="objectives">
              {Object.entries(r.objectives).map(([name, o]) => (
                <Objective key={name} name={name} o={o} outcome={outcome} exceedanceMax={exceedanceMax} />
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Downtime by cause" note={`first cause of ${formatCount(outcome.causeCoverage.recorded)}${outcome.causeCoverage.recorded < outcome.causeCoverage.incidents ? ` of ${formatCount(outcome.causeCoverage.incidents)}` : ''} incidents · click to show on canvas`} className="span-4" shown={stage > 2}>
          {outcome.source ? (
            <div className="chart chart-empty">A result file keeps no causes per incident: run the plan here to see downtime by cause.</div>
          ) : (
            <CauseChart rows={causes} selected={causeOn} onSelect={selectCause} />
          )}
        </Panel>

        <Panel title="RTO — incident length" note={<>{formatCount(r.rtoSeconds.count)} closed incidents · <Term term="cumulative">bars: share, line: cumulative</Term></>} className="span-6" shown={stage > 3}>
          <DistributionChart sample={outcome.rtoSample} stats={r.rtoSeconds} objective={rtoTarget} empty={outcome.source && r.rtoSeconds.count > 0 ? fileHoldsStatistics(r.rtoSeconds) : 'No incident ended: no RTO samples.'} testId="rto" />
        </Panel>
        <Panel title="RPO — data lost per failure" note={<>{formatCount(r.rpoSeconds.count)} data-loss events · <Term term="cumulative">bars: share, line: cumulative</Term></>} className="span-6" shown={stage > 4}>
          <DistributionChart sample={outcome.rpoSample} stats={r.rpoSeconds} objective={rpoTarget} empty={outcome.source && r.rpoSeconds.count > 0 ? fileHoldsStatistics(r.rpoSeconds) : 'No data-loss events: no RPO samples (nothing in this run lost writes).'} testId="rpo" />
        </Panel>

        <Panel
          title="Incident timeline — replication 1"
          note={
            <span className="legend">
              {(Object.keys(CAUSE_COLORS) as Array<keyof typeof CAUSE_COLORS>).map((k) => (
                <span key={k} style={{ '--cause': CAUSE_COLORS[k] } as React.CSSProperties}>
                  {CAUSE_KIND_LABEL[k]}
                </span>
              ))}
            </span>
          }
          className="span-8"
          shown={stage > 5}
        >
          <IncidentTimeline marks={marks} horizonYears={r.horizonYears} selected={incidentOn} labelOf={labelOfMark} onSelect={selectIncident} />
        </Panel>
        <Panel title="By client region" note="requests served, per origin" className="span-4" shown={stage > 6}>
          <OriginChart origins={r.byOrigin} target={target} labelOf={regionLabel} />
        </Panel>

        <Panel title="Scripted scenarios" className="span-8" shown={stage > 7}>
          <ScenarioTable rows={outcome.scenarios} defined={outcome.scenariosDefined} />
        </Panel>
        <Panel title="This run" className="span-4" shown={stage > 8}>
          <dl className="run-facts">
            <div><dt>Plan</dt><dd>{outcome.planName}</dd></div>
            <div><dt>Replications × years</dt><dd>{formatCount(r.replications)} × {r.horizonYears}</dd></div>
            <div><dt>Seed</dt><dd>{r.seed}</dd></div>
            <div><dt>Events</dt><dd>{formatCount(r.events)}</dd></div>
            <div><dt>Wall time</dt><dd>{r.wallSeconds === null ? '—' : `${r.wallSeconds.toFixed(2)} s`} {outcome.source ? `as ${outcome.source.file} records it` : `on ${outcome.mainThread ? 'the window thread' : `${outcome.workers} worker${outcome.workers === 1 ? '' : 's'}`}`}</dd></div>
            <div><dt>Same as</dt><dd><code>{outcome.precision ? `resilience simulate plan.json --seed ${r.seed} --years ${r.horizonYears} --precision ${outcome.precision.target} --measure ${outcome.precision.measure} --max-replications ${outcome.precision.maxReplications}` : `resilience simulate plan.json --seed ${r.seed} --replications ${r.replications} --years ${r.horizonYears}`}</code></dd></div>
          </dl>
        </Panel>
        <Panel title="What the measures mean" className="span-12 glossary-panel" shown={stage > 8}>
          <GlossaryList />
        </Panel>
      </div>
    </div>
  );
}
