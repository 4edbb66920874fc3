/**
 * The dock under the workspace that holds the results: a header with the run's state (running,
 * done at plan revision N, stale, error), the heat-view switch and the dock size, then the error,
 * the dashboard or a hint. It opens by itself when a run ends.
 */
import { useEffect, useRef, useState } from 'react';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { selectResultIsStale, selectRevision } from '../store/selectors';
import { startSimulation } from '../simClient/runController';
import { Dashboard } from './Dashboard';
import './results.css';
import { followResultPersistence } from './persistResults';
import { ExportDashboardButton } from '../diagram/DiagramCommands';
import { selectHeatOn, selectHighlight, selectOutcome } from './selectors';
import { ReviewTabs, ReviewBody, type DockTab } from '../review/ReviewTabs';

type DockSize = 'closed' | 'open' | 'max';

export function ResultsDock() {
  const store = useEditorStoreApi();
  const status = useEditor((s) => s.simulation.status);
  const error = useEditor((s) => s.simulation.error);
  const errorDetails = useEditor((s) => s.simulation.errorDetails);
  const resultRevision = useEditor((s) => s.simulation.resultRevision);
  const revision = useEditor(selectRevision);
  const outcome = useEditor(selectOutcome);
  const stale = useEditor(selectResultIsStale);
  const heat = useEditor(selectHeatOn);
  const highlight = useEditor(selectHighlight);
  const exceedanceMax = useEditor((s) => s.plan.objectives?.exceedanceMax ?? 0.05);
  const restored = useEditor((s) => s.simulation.restored);
  const [size, setSize] = useState<DockSize>('closed');
  const [tab, setTab] = useState<DockTab>('results');
  useEffect(() => followResultPersistence(store, window.localStorage), [store]);
  const bodyRef = useRef<HTMLDivElement>(null);
  // A refused or failed run: bring its explanation into view, wherever the dashboard was scrolled.
  useEffect(() => {
    if (status === 'error') bodyRef.current?.scrollTo({ top: 0 });
  }, [status, error, size]);
  // Open by itself when a run ends, not when it starts: opening shrinks the canvas, and that
  // relayout and repaint would land on the window's thread while the workers are busy.
  useEffect(() => {
    if (status !== 'idle' && status !== 'running') setSize((s) => (s === 'closed' ? 'open' : s));
  }, [status]);

  let chip: { text: string; tone: string };
  if (status === 'running') chip = { text: 'Running…', tone: 'running' };
  else if (status === 'error') chip = { text: 'Cannot show new results', tone: 'error' };
  else if (outcome?.source && stale && (resultRevision ?? 0) < 0) chip = { text: `Stale: ${outcome.source.file} is a result of another plan`, tone: 'stale' };
  else if (outcome && stale && (resultRevision ?? 0) < 0) chip = { text: 'Stale: from an earlier session, for a plan that differs from this one', tone: 'stale' };
  else if (outcome && stale) chip = { text: `Stale: plan changed since revision ${resultRevision}`, tone: 'stale' };
  else if (outcome?.source) chip = { text: `Up to date · opened from ${outcome.source.file}`, tone: 'ok' };
  else if (outcome && restored) chip = { text: 'Up to date · from an earlier session, same plan', tone: 'ok' };
  else if (outcome) chip = { text: `Up to date · plan revision ${resultRevision}`, tone: 'ok' };
  else if (status === 'cancelled') chip = { text: 'Run cancelled', tone: 'muted' };
  else chip = { text: 'Not run yet', tone: 'muted' };

  return (
    <section className={`results-dock is-${size}`} data-testid="results-dock" aria-label="Simulation results">
      <header className="dock-header">
        <button type="button" className="dock-title" onClick={() => setSize(size === 'closed' ? 'open' : 'closed')} aria-expanded={size !== 'closed'}>
          <span className={`dock-caret${size === 'closed' ? '' : ' is-open'}`}>▸</span>
          Results
        </button>
        <ReviewTabs
          tab={tab}
          onTab={(t) => {
            setTab(t);
            setSize((s) => (s === 'closed' ? 'open' : s));
          }}
        />
        <span className={`dock-chip is-${chip.tone}`} data-testid="results-status" data-revision={resultRevision ?? ''} data-current={revision}>
          {chip.text}
        </span>
        {outcome && stale && status !== 'running' && (
          <button type="button" className="dock-link" onClick={() => startSimulation(store)}>
            Run again
          </button>
        )}
        {highlight && (
          <span className="dock-highlight" data-testid="result-highlight">
            Showing on canvas: <b>{highlight.label}</b> ({highlight.nodes.length} component{highlight.nodes.length === 1 ? '' : 's'})
            <button type="button" className="dock-link" onClick={() => store.getState().setResultHighlight(null)}>
              clear
            </button>
          </span>
        )}
        <span className="dock-spacer" />
        {outcome && size !== 'closed' && tab === 'results' && <ExportDashboardButton />}
        {outcome && (
          <label className="dock-toggle" title="Colour each component by its share of downtime">
            <input type="checkbox" data-testid="heat-view" checked={heat} onChange={(e) => store.getState().setHeatView(e.target.checked)} />
            Heat view on canvas
          </label>
        )}
        <div className="segmented dock-size" role="group" aria-label="Dock size">
          {(['closed', 'open', 'max'] as const).map((s) => (
            <button key={s} type="button" className={`segment${size === s ? ' is-active' : ''}`} data-testid={`dock-${s}`} onClick={() => setSize(s)}>
              {s === 'closed' ? 'Hide' : s === 'open' ? 'Split' : 'Full'}
            </button>
          ))}
        </div>
      </header>
      {size !== 'closed' && tab !== 'results' && (
        <div className="dock-body" data-testid={`dock-body-${tab}`}>
          <ReviewBody tab={tab} />
        </div>
      )}
      {size !== 'closed' && tab === 'results' && (
        <div className="dock-body" ref={bodyRef} data-export="dashboard">
          {status === 'error' && error && (
            <div className="run-error" role="alert" data-testid="run-error">
              <b>{error}</b>
              {errorDetails.length > 0 && (
                <ul>
                  {errorDetails.slice(0, 8).map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                  {errorDetails.length > 8 && <li>… and {errorDetails.length - 8} more</li>}
                </ul>
              )}
              {outcome && <span className="run-error-note">The results below are from the last successful run.</span>}
            </div>
          )}
          {outcome ? (
            <Dashboard key={resultRevision ?? 0} outcome={outcome} stale={stale} exceedanceMax={exceedanceMax} />
          ) : (
            status !== 'error' && (
              <p className="dock-hint">{status === 'running' ? 'Simulating… the results appear here when the run finishes.' : 'Press Run (Ctrl+Enter) to play years of failures against this design.'}</p>
            )
          )}
        </div>
      )}
    </section>
  );
}
