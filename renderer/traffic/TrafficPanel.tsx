/**
 * The Traffic panel for one balancer: the three algorithms side by side on the same requests
 * (latency percentiles, failures, unevenness), their latency distributions and the load per
 * instance, the plan's algorithm marked and what would change if it were switched. The lab runs in
 * a worker with progress and Cancel.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ResolvedPlan } from '../../sim/model/resolve';
import { badShare, formatSeconds, maxLabMinutes, type FleetPreset, type LabAlgorithm, type LabAlgorithmResult, type TrafficLabOptions, type TrafficLabReport } from '../../sim/traffic-lab';
import { Modal } from '../shell/Modal';
import { InstanceLoadChart } from './InstanceLoadChart';
import { LatencyChart } from './LatencyChart';
import { runTrafficLabInWorker, TrafficLabCancelled, type TrafficLabRun } from './trafficClient';
import './traffic.css';

const FLEETS: Array<[FleetPreset, string]> = [
  ['planned', 'As planned'],
  ['one-slow', 'One slow instance'],
  ['mixed', 'Mixed speeds'],
];
const MINUTES = [5, 15, 30];

export const ALGORITHM_LABEL: Record<LabAlgorithm, string> = {
  'round-robin': 'Round-robin',
  'least-connections': 'Least connections',
  'ip-hash': 'IP hash',
};

type RunState = { status: 'running'; share: number } | { status: 'done'; report: TrafficLabReport } | { status: 'cancelled' } | { status: 'error'; message: string };

const pct = (share: number, digits = 1): string => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : digits)} %`;

/** The run lengths offered: those the lab accepts at this balancer's peak rate (busy balancers get shorter ones). */
function minuteChoices(plan: ResolvedPlan, balancerId: string): number[] {
  let longest = MINUTES[MINUTES.length - 1]!;
  try {
    longest = maxLabMinutes(plan, balancerId, longest);
  } catch {
    // The lab will refuse this balancer with its own sentence; keep the usual choices.
  }
  const fitting = MINUTES.filter((m) => m <= longest);
  return fitting.length > 0 ? fitting : [longest];
}

export function TrafficPanel({ plan, balancerId, onClose }: { plan: ResolvedPlan; balancerId: string; onClose: () => void }) {
  const choices = useMemo(() => minuteChoices(plan, balancerId), [plan, balancerId]);
  const [fleet, setFleet] = useState<FleetPreset>('planned');
  const [failure, setFailure] = useState(true);
  const [minutes, setMinutes] = useState(() => (choices.includes(15) ? 15 : choices[choices.length - 1]!));
  const [state, setState] = useState<RunState>({ status: 'running', share: 0 });
  const current = useRef<TrafficLabRun | null>(null);

  const start = useCallback(
    (options: TrafficLabOptions) => {
      current.current?.cancel();
      setState({ status: 'running', share: 0 });
      const run = runTrafficLabInWorker(plan, balancerId, options, (share) => setState((s) => (s.status === 'running' ? { status: 'running', share } : s)));
      current.current = run;
      run.promise.then(
        (report) => current.current === run && setState({ status: 'done', report }),
        (error: Error) => current.current === run && setState(error instanceof TrafficLabCancelled ? { status: 'cancelled' } : { status: 'error', message: error.message }),
      );
    },
    [plan, balancerId],
  );

  useEffect(() => {
    start({ fleet, failure, minutes });
    // Rerun when the settings change; the plan is fixed while the panel is open (it is modal).
  }, [start, fleet, failure, minutes]);
  useEffect(() => () => current.current?.cancel(), []);

  const balancer = plan.nodes.find((n) => n.id === balancerId);
  const width = typeof window === 'undefined' ? 1100 : Math.max(640, Math.min(1180, window.innerWidth - 48));
  return (
    <Modal title={`Traffic lab — ${balancer?.name ?? balancerId}`} onClose={onClose} testId="traffic-panel" width={width}>
      <div className="traffic-controls">
        <div className="segmented" role="group" aria-label="Instance speeds">
          {FLEETS.map(([value, label]) => (
            <button key={value} type="button" className={`segment${fleet === value ? ' is-active' : ''}`} data-testid={`traffic-fleet-${value}`} onClick={() => setFleet(value)}>
              {label}
            </button>
          ))}
        </div>
        <label className="traffic-check">
          <input type="checkbox" checked={failure} data-testid="traffic-failure" onChange={(e) => setFailure(e.target.checked)} />
          One instance fails
        </label>
        <label className="traffic-check">
          Minutes per algorithm
          <select value={minutes} data-testid="traffic-minutes" onChange={(e) => setMinutes(Number(e.target.value))}>
            {choices.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <span className="dock-spacer" />
        {state.status === 'running' ? (
          <>
            <span className="traffic-progress" data-testid="traffic-progress" role="progressbar" aria-valuenow={Math.round(state.share * 100)} aria-valuemin={0} aria-valuemax={100}>
              <span style={{ width: `${Math.round(state.share * 100)}%` }} />
            </span>
            <button type="button" className="file-button" data-testid="traffic-cancel" onClick={() => current.current?.cancel()}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="file-button" data-testid="traffic-run" onClick={() => start({ fleet, failure, minutes })}>
            Run again
          </button>
        )}
      </div>
      {state.status === 'error' && (
        <p className="run-error" role="alert" data-testid="traffic-error">
          {state.message}
        </p>
      )}
      {state.status === 'cancelled' && <p className="panel-muted">Cancelled. Press Run again to measure.</p>}
      {state.status === 'running' && <p className="panel-muted traffic-running">Simulating every request through {balancer?.name ?? balancerId}, one algorithm after another…</p>}
      {state.status === 'done' && <Report report={state.report} />}
    </Modal>
  );
}

function Report({ report }: { report: TrafficLabReport }) {
  const { context, settings, results } = report;
  const [allUp, setAllUp] = useState(true);
  const planAlgorithm = context.balancer.algorithm;
  const mine = results.find((r) => r.algorithm === planAlgorithm);
  const failure = results[0]?.failure;
  return (
    <div className="traffic-report" data-testid="traffic-report">
      <p className="traffic-context">
        <b>{settings.peakRatePerSecond.toFixed(0)} req/s</b> ({context.rateFrom}) over {settings.instances.length} instance
        {settings.instances.length === 1 ? '' : 's'}:{' '}
        {context.fleets.map((f) => `${f.id} ${f.instances} × ${f.concurrencyPerInstance} concurrent, ${formatSeconds(f.requestSeconds)} per request (${f.requestSecondsFrom})`).join('; ')}.{' '}
        {failure &&
          `${settings.instances[settings.failure!.instance]!.id} fails at ${failure.atSeconds.toFixed(0)} s, is taken out at ${Number.isFinite(failure.detectedAtSeconds) ? `${failure.detectedAtSeconds.toFixed(0)} s` : '—'}, is back at ${failure.backAtSeconds.toFixed(0)} s and is sent requests again ${Number.isFinite(failure.returnDetectedAtSeconds) ? `from ${failure.returnDetectedAtSeconds.toFixed(0)} s` : 'only after the run'}.`}{' '}
        Seed {settings.seed}, {settings.minutes} min per algorithm, the same requests for each.
      </p>
      <div className="traffic-verdict-banner" data-tone={report.verdict.tone} data-testid="traffic-panel-verdict">
        {report.verdict.text}
      </div>
      <div className="traffic-cards">
        {results.map((r) => (
          <AlgorithmCard key={r.algorithm} result={r} isPlan={r.algorithm === planAlgorithm} isBest={r.algorithm === report.verdict.best} />
        ))}
      </div>
      <div className="traffic-charts">
        <section>
          <h3 className="traffic-chart-head">
            Latency of served requests
            {failure && (
              <span className="segmented traffic-range" role="group" aria-label="Which requests">
                <button type="button" className={`segment${allUp ? ' is-active' : ''}`} data-testid="traffic-range-all-up" onClick={() => setAllUp(true)}>
                  All instances up
                </button>
                <button type="button" className={`segment${allUp ? '' : ' is-active'}`} data-testid="traffic-range-whole-run" onClick={() => setAllUp(false)}>
                  Whole run
                </button>
              </span>
            )}
          </h3>
          <LatencyChart results={results} planAlgorithm={planAlgorithm} allUp={allUp} />
        </section>
        <section>
          <h3>Load per instance: share of requests (bar) and utilisation (tick)</h3>
          <InstanceLoadChart results={results} instances={settings.instances} />
        </section>
      </div>
      {mine && (
        <section className="traffic-switch" data-testid="traffic-switch">
          <h3>If {ALGORITHM_LABEL[planAlgorithm].toLowerCase()} were switched</h3>
          <ul>
            {results
              .filter((r) => r !== mine)
              .map((r) => (
                <li key={r.algorithm}>
                  <b>{ALGORITHM_LABEL[r.algorithm]}</b>: p99 with every instance up {formatSeconds(mine.steadyLatency.p99)} → {formatSeconds(r.steadyLatency.p99)}; failed or timed out{' '}
                  {pct(badShare(mine), 2)} → {pct(badShare(r), 2)}; busiest instance {pct(maxUtilisation(mine), 0)} → {pct(maxUtilisation(r), 0)} busy
                  {r.clientsMoved && `; clients stay on one instance (${pct(r.clientsMoved.onLeave, 0)} move when one leaves)`}.
                </li>
              ))}
          </ul>
        </section>
      )}
      {context.notes.length > 0 && (
        <ul className="traffic-notes">
          {context.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function maxUtilisation(r: LabAlgorithmResult): number {
  return Math.max(...r.instances.map((i) => i.utilisation));
}

function AlgorithmCard({ result: r, isPlan, isBest }: { result: LabAlgorithmResult; isPlan: boolean; isBest: boolean }) {
  return (
    <article className={`traffic-card alg-${r.algorithm}${isPlan ? ' is-plan' : ''}`} data-testid={`traffic-card-${r.algorithm}`} data-plan={isPlan}>
      <header>
        <span className="traffic-swatch" />
        <h3>{ALGORITHM_LABEL[r.algorithm]}</h3>
        {isPlan && <span className="traffic-badge">plan’s</span>}
        {isBest && <span className="traffic-badge is-best">lowest p99</span>}
      </header>
      <dl>
        <dt>p50 / p95 / p99, all up</dt>
        <dd>
          {formatSeconds(r.steadyLatency.p50)} / {formatSeconds(r.steadyLatency.p95)} / <b>{formatSeconds(r.steadyLatency.p99)}</b>
        </dd>
        <dt>p99 whole run · mean</dt>
        <dd>
          {formatSeconds(r.latency.p99)} · {formatSeconds(r.latency.mean)}
        </dd>
        <dt>Queued before service</dt>
        <dd>
          {pct(r.queueing.shareWaited, 0)} waited, mean {formatSeconds(r.queueing.mean)}
        </dd>
        <dt>Failed · timed out</dt>
        <dd>
          {pct(r.failed / Math.max(1, r.offered), 2)} · {pct(r.timedOut / Math.max(1, r.offered), 2)}
        </dd>
        <dt>Busiest ÷ quietest share</dt>
        <dd>{Number.isFinite(r.unevenness) ? `${r.unevenness.toFixed(2)}×` : '∞'}</dd>
        {r.clientsMoved && (
          <>
            <dt>Clients moved: leave · return</dt>
            <dd>
              {pct(r.clientsMoved.onLeave, 0)} · {pct(r.clientsMoved.onReturn, 0)}
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
