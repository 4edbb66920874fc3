/** The kind of wire the next connection draws (traffic or replication), as a two-way switch. */
import { Glyph } from '../components/Glyph';
import type { EdgeKind } from '../store/commands/connect';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { selectEdgeKind } from '../store/selectors';
import type { ToolbarPlacement } from './toolbarItems';

const EDGE_KINDS: { kind: EdgeKind; label: string; hint: string }[] = [
  { kind: 'traffic', label: 'Traffic', hint: 'Requests flow from caller to callee' },
  { kind: 'replication', label: 'Replication', hint: 'Data copied between data stores (store → store is always replication)' },
];

export function WireKindControl({ placement }: { placement: ToolbarPlacement }) {
  const store = useEditorStoreApi();
  const edgeKind = useEditor(selectEdgeKind);
  const measuring = placement === 'measure';
  return (
    <div className="wire-kind" role="radiogroup" aria-label="New wire kind">
      <span className="toolbar-label">Wire</span>
      <div className="segmented">
        {EDGE_KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            role="radio"
            aria-checked={edgeKind === k.kind}
            data-testid={measuring ? undefined : `edge-kind-${k.kind}`}
            tabIndex={measuring ? -1 : undefined}
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
  );
}
