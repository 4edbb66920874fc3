/** The top bar: plan name, undo/redo, view controls and the kind of wire the next connection draws. */
import { useReactFlow } from '@xyflow/react';
import { Glyph, type GlyphName } from '../components/Glyph';
import { DiagramToolbarGroup } from '../diagram/DiagramCommands';
import { FileButtons } from '../files/FileButtons';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { selectCanRedo, selectCanUndo, selectEdgeKind } from '../store/selectors';
import type { EdgeKind } from '../store/commands/connect';
import { RunControls } from '../results/RunControls';
import { isMac } from './platformKeys';

const MOD = isMac() ? '⌘' : 'Ctrl+';

function ToolButton(props: { icon: GlyphName; label: string; shortcut?: string; disabled?: boolean; onClick: () => void; testId: string }) {
  return (
    <button
      type="button"
      className="tool-button"
      data-testid={props.testId}
      aria-label={props.label}
      title={props.shortcut ? `${props.label} (${props.shortcut})` : props.label}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <Glyph name={props.icon} size={18} />
    </button>
  );
}

const EDGE_KINDS: { kind: EdgeKind; label: string; hint: string }[] = [
  { kind: 'traffic', label: 'Traffic', hint: 'Requests flow from caller to callee' },
  { kind: 'replication', label: 'Replication', hint: 'Data copied between data stores (store → store is always replication)' },
];

export function Toolbar() {
  const store = useEditorStoreApi();
  const name = useEditor((s) => s.plan.name);
  const canUndo = useEditor(selectCanUndo);
  const canRedo = useEditor(selectCanRedo);
  const edgeKind = useEditor(selectEdgeKind);
  const flow = useReactFlow();
  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-mark">
          <Glyph name="logo" size={18} strokeWidth={1.9} />
        </span>
        <span className="brand-name">Resilience Studio</span>
        <span className="brand-sep">/</span>
        <span className="plan-name" data-testid="plan-name">
          {name}
        </span>
      </div>
      <FileButtons />
      <div className="toolbar-group">
        <ToolButton testId="undo" icon="undo" label="Undo" shortcut={`${MOD}Z`} disabled={!canUndo} onClick={() => store.getState().undo()} />
        <ToolButton testId="redo" icon="redo" label="Redo" shortcut={`${MOD}Shift+Z`} disabled={!canRedo} onClick={() => store.getState().redo()} />
      </div>
      <div className="toolbar-group">
        <ToolButton testId="zoom-out" icon="zoomOut" label="Zoom out" onClick={() => void flow.zoomOut({ duration: 150 })} />
        <ToolButton testId="zoom-in" icon="zoomIn" label="Zoom in" onClick={() => void flow.zoomIn({ duration: 150 })} />
        <ToolButton testId="fit-view" icon="fit" label="Fit view" shortcut="F" onClick={() => void flow.fitView({ padding: 0.15, duration: 200 })} />
      </div>
      <DiagramToolbarGroup />
      <div className="toolbar-group" role="radiogroup" aria-label="New wire kind">
        <span className="toolbar-label">Wire</span>
        <div className="segmented">
          {EDGE_KINDS.map((k) => (
            <button
              key={k.kind}
              type="button"
              role="radio"
              aria-checked={edgeKind === k.kind}
              data-testid={`edge-kind-${k.kind}`}
              className={`segment${edgeKind === k.kind ? ' is-active' : ''} segment-${k.kind}`}
              title={k.hint}
              onClick={() => store.getState().setEdgeKind(k.kind)}
            >
              <Glyph name={k.kind} size={15} />
              {k.label}
            </button>
          ))}
        </div>
      </div>
      <div className="toolbar-spacer" />
      <div className="toolbar-slot" data-slot="run">
        <RunControls />
      </div>
    </header>
  );
}
