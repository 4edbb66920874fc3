/**
 * The Export dialog: pick a format (Terraform, CloudFormation, Kubernetes, compose, FIS, Chaos
 * Toolkit), browse the generated files with syntax highlighting and read the warnings, then save
 * them — into a folder on the desktop, as a zip download in a browser. The drill formats quote the
 * scenarios' simulated numbers once they have run (the last Run, or "Run scenarios" here).
 */
import hljs from 'highlight.js/lib/core';
import ini from 'highlight.js/lib/languages/ini';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import yaml from 'highlight.js/lib/languages/yaml';
import { useEffect, useMemo, useRef, useState } from 'react';
import { exportFormats } from '../../sim/export/registry';
import { formatIssue } from '../../sim/model/issues';
import { exportFolder } from '../platform';
import { Modal } from '../shell/Modal';
import { useUi, useUiStoreApi } from '../shell/uiStore';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { selectPlan } from '../store/selectors';
import { validationOf } from '../app/usePlanValidation';
import { replayScenarios, type ScenarioReplay } from '../simClient/scenarioReplay';
import { RunCancelled } from '../simClient/runSimulation';
import { drillExportOptions, drillNumbers, rememberReplay } from './drillNumbers';
import { bundleName, languageOf, previewExport, zipFiles } from './exportBundle';
import './export.css';

hljs.registerLanguage('yaml', yaml);
hljs.registerLanguage('json', json);
hljs.registerLanguage('markdown', markdown);
hljs.registerLanguage('ini', ini);

function Highlighted({ path, content }: { path: string; content: string }) {
  const html = useMemo(() => {
    const language = languageOf(path);
    // highlight.js escapes the text it is given, so its HTML is safe to insert.
    return language === 'plaintext' ? hljs.highlight(content, { language: 'ini' }).value : hljs.highlight(content, { language }).value;
  }, [path, content]);
  return (
    <pre className="export-code" data-testid="export-code" tabIndex={0} aria-label={`Contents of ${path}`}>
      <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />
    </pre>
  );
}

export function ExportDialog() {
  const open = useUi((s) => s.dialog?.type === 'export');
  if (!open) return null;
  return <ExportDialogBody />;
}

function ExportDialogBody() {
  const ui = useUiStoreApi();
  const store = useEditorStoreApi();
  const plan = useEditor(selectPlan);
  const formats = exportFormats();
  const [formatId, setFormatId] = useState(formats[0]!.id);
  const [selected, setSelected] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [replay, setReplay] = useState<ReplayState>({ status: 'idle' });
  const replayRef = useRef<ScenarioReplay | null>(null);
  useEffect(() => () => replayRef.current?.cancel(), []);
  const revision = useEditor((s) => s.revision);
  // Re-read after a replay finishes: its numbers live beside the store, not in it.
  const numbers = useEditor((s) => drillNumbers(store, s));
  const format = formats.find((f) => f.id === formatId)!;
  const options = useMemo(() => drillExportOptions(format, numbers), [format, numbers]);
  const preview = useMemo(() => {
    try {
      return previewExport(plan, formatId, options);
    } catch (error) {
      return { ok: false as const, errors: [], crash: error instanceof Error ? error.message : String(error) };
    }
  }, [plan, formatId, options]);
  const scenarioCount = plan.scenarios?.length ?? 0;
  const needsNumbers = format.usesScenarioResults === true && scenarioCount > 0 && preview.ok;
  const runScenarios = () => {
    const resolved = validationOf(plan).resolved;
    if (!resolved) return;
    replayRef.current?.cancel();
    const startedAt = revision;
    setReplay({ status: 'running', done: 0, total: resolved.scenarios.length * resolved.simulation.replications });
    const handle = replayScenarios(resolved, (done, total) => setReplay({ status: 'running', done, total }));
    replayRef.current = handle;
    handle.done.then(
      (expectations) => {
        if (replayRef.current !== handle) return;
        replayRef.current = null;
        rememberReplay(store, startedAt, expectations);
        setReplay({ status: 'idle' });
      },
      (error: unknown) => {
        if (replayRef.current !== handle || error instanceof RunCancelled) return;
        replayRef.current = null;
        setReplay({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
  };
  const cancelReplay = () => {
    replayRef.current?.cancel();
    replayRef.current = null;
    setReplay({ status: 'idle' });
  };
  const files = preview.ok ? preview.result.files : [];
  const file = files.find((f) => f.path === selected) ?? files[0];
  const name = bundleName(plan.name, formatId);
  const close = () => ui.getState().closeDialog();

  const save = async () => {
    if (!preview.ok) return;
    setSaving(true);
    try {
      const done = await exportFolder(files, `${name}.zip`, () => zipFiles(files, name));
      if (done) {
        store.getState().showToast(done.where === 'folder' ? `Exported ${done.written} ${format.label} files.` : `Downloaded ${name}.zip (${done.written} files).`);
        close();
      }
    } catch (error) {
      store.getState().showToast(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="Export" onClose={close} testId="export-dialog" width={1100}>
      <div className="export-layout">
        <fieldset className="export-formats" aria-label="Format">
          <legend>Format</legend>
          {formats.map((f) => (
            <label key={f.id} className={f.id === formatId ? 'export-format active' : 'export-format'} data-testid={`export-format-${f.id}`} title={f.description}>
              <input
                type="radio"
                name="export-format"
                value={f.id}
                checked={f.id === formatId}
                onChange={() => {
                  setFormatId(f.id);
                  setSelected(null);
                }}
              />
              <span className="export-format-label">{f.label}</span>
            </label>
          ))}
          <p className="export-format-description" data-testid="export-format-description">
            {format.description}
          </p>
        </fieldset>
        <section className="export-files" aria-label="Files">
          {!preview.ok ? (
            <div className="export-errors" data-testid="export-errors" role="alert">
              <p>{'crash' in preview ? `The export failed: ${preview.crash}` : 'The plan has errors; fix them before exporting:'}</p>
              <ul>
                {preview.errors.slice(0, 20).map((e, i) => (
                  <li key={i}>{formatIssue(e)}</li>
                ))}
              </ul>
            </div>
          ) : (
            <>
              <ul className="export-file-list" data-testid="export-file-list" role="listbox" aria-label="Files">
                {files.map((f) => (
                  <li key={f.path} role="option" aria-selected={f === file}>
                    <button type="button" className={f === file ? 'active' : ''} onClick={() => setSelected(f.path)} data-testid="export-file">
                      {f.path}
                    </button>
                  </li>
                ))}
              </ul>
              {file && <Highlighted path={file.path} content={file.content} />}
            </>
          )}
        </section>
      </div>
      {needsNumbers && (
        <DrillNumbersBar
          ready={numbers !== null && !(replay.status === 'running')}
          scenarios={scenarioCount}
          replications={validationOf(plan).resolved?.simulation.replications ?? 0}
          seed={validationOf(plan).resolved?.simulation.seed ?? 0}
          replay={replay}
          onRun={runScenarios}
          onCancel={cancelReplay}
        />
      )}
      {preview.ok && preview.result.warnings.length > 0 && (
        <details className="export-warnings" data-testid="export-warnings" open={preview.result.warnings.length <= 4}>
          <summary>
            {preview.result.warnings.length} warning{preview.result.warnings.length === 1 ? '' : 's'}
          </summary>
          <ul>
            {preview.result.warnings.map((w, i) => (
              <li key={i}>
                <code>{w.code}</code> <span className="export-warning-path">{w.path}</span> {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <footer className="dialog-actions export-actions">
        <span className="export-summary">{preview.ok ? `${files.length} file${files.length === 1 ? '' : 's'}` : ''}</span>
        <button type="button" className="secondary-button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="primary-button" disabled={!preview.ok || saving} onClick={() => void save()} data-testid="export-save">
          {saving ? 'Saving…' : 'Save files…'}
        </button>
      </footer>
    </Modal>
  );
}

type ReplayState = { status: 'idle' } | { status: 'running'; done: number; total: number } | { status: 'error'; message: string };

/** Whether the drills quote simulated numbers, and the button that computes them when they do not. */
function DrillNumbersBar(props: { ready: boolean; scenarios: number; replications: number; seed: number; replay: ReplayState; onRun: () => void; onCancel: () => void }) {
  const { ready, scenarios, replications, seed, replay } = props;
  const runs = `${scenarios} scenario${scenarios === 1 ? '' : 's'}, ${replications} replication${replications === 1 ? '' : 's'} each, seed ${seed}`;
  if (ready) {
    return (
      <p className="export-drill-numbers ready" data-testid="export-drill-numbers" data-state="ready">
        The drills quote the simulated RTO and lost writes of the plan&apos;s {runs}, as <code>resilience export</code> does.
      </p>
    );
  }
  if (replay.status === 'running') {
    const fraction = replay.total > 0 ? replay.done / replay.total : 0;
    return (
      <div className="export-drill-numbers" data-testid="export-drill-numbers" data-state="running">
        <span>Replaying {runs}…</span>
        <div className="export-replay-progress" role="progressbar" aria-label="Scenario replay" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)} data-testid="export-replay-progress">
          <div className="export-replay-fill" style={{ transform: `scaleX(${fraction.toFixed(3)})` }} />
        </div>
        <span className="export-replay-count">
          {replay.done}/{replay.total}
        </span>
        <button type="button" className="secondary-button" onClick={props.onCancel} data-testid="export-replay-cancel">
          Cancel
        </button>
      </div>
    );
  }
  return (
    <div className="export-drill-numbers" data-testid="export-drill-numbers" data-state="missing" role="status">
      <span>
        {replay.status === 'error' ? `The scenarios stopped with an error: ${replay.message}. ` : ''}
        The plan&apos;s scenarios have not been run since it last changed, so these drills do not yet say which RTO and lost writes they should reproduce.
      </span>
      <button type="button" className="primary-button" onClick={props.onRun} data-testid="export-run-scenarios">
        Run scenarios
      </button>
    </div>
  );
}
