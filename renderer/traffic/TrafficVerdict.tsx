/**
 * The traffic lab's one-line verdict under a balancer's algorithm field, and the button that opens
 * the Traffic panel. The quick lab runs in a worker after typing pauses, cached per plan, so the
 * inspector never waits for it.
 */
import { useEffect, useState } from 'react';
import type { LabVerdict } from '../../sim/traffic-lab/verdict';
import { usePlanValidation } from '../app/usePlanValidation';
import { useInspector } from '../inspector/context';
import { quickTrafficLabCached } from './trafficClient';
import { TrafficPanel } from './TrafficPanel';
import './traffic.css';

const SETTLE_MS = 500;

type State = { status: 'waiting' } | { status: 'done'; verdict: LabVerdict } | { status: 'unavailable'; reason: string };

export function TrafficVerdict() {
  const { id } = useInspector();
  const validation = usePlanValidation();
  const plan = validation.resolved;
  const [state, setState] = useState<State>({ status: 'waiting' });
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!plan) {
      setState({ status: 'unavailable', reason: 'fix the plan’s errors to see the traffic lab’s verdict' });
      return;
    }
    let live = true;
    setState({ status: 'waiting' });
    const timer = setTimeout(() => {
      quickTrafficLabCached(plan, id).then(
        (report) => live && setState({ status: 'done', verdict: report.verdict }),
        (error: Error) => live && setState({ status: 'unavailable', reason: error.message }),
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [plan, id]);

  return (
    <div className="traffic-verdict" data-testid="traffic-verdict" data-status={state.status} data-tone={state.status === 'done' ? state.verdict.tone : ''}>
      <span className="traffic-verdict-icon" aria-hidden="true">
        {state.status === 'done' ? (state.verdict.tone === 'good' ? '✓' : '!') : '·'}
      </span>
      <span className="traffic-verdict-text" title="Traffic lab, quick run at the daily peak with every instance up (details in the Traffic panel)">
        {state.status === 'done' ? state.verdict.text : state.status === 'waiting' ? 'Traffic lab: measuring…' : `Traffic lab: ${state.reason}`}
      </span>
      <button type="button" className="traffic-open" data-testid="open-traffic-panel" onClick={() => setOpen(true)} disabled={!plan}>
        Traffic lab…
      </button>
      {open && plan && <TrafficPanel plan={plan} balancerId={id} onClose={() => setOpen(false)} />}
    </div>
  );
}
