/**
 * The right-hand panel: the inspector of the selection, or of the plan when nothing is selected. It
 * can be resized by its left edge and folded to a rail (both remembered, see panelLayout.ts).
 */
import { Inspector } from '../inspector/Inspector';
import { INSPECTOR_RANGE, type PanelLayout } from './panelLayout';
import { PanelEdge } from './PanelEdge';

export function SidePanel({ layout, width, update }: { layout: PanelLayout; width: number; update(change: Partial<PanelLayout>): void }) {
  if (layout.inspectorCollapsed) {
    return (
      <aside className="side-panel is-collapsed" data-slot="inspector" aria-label="Inspector">
        <button type="button" className="panel-fold" data-testid="inspector-toggle" aria-expanded={false} title="Show the inspector" onClick={() => update({ inspectorCollapsed: false })}>
          <span aria-hidden="true">‹</span>
          <span className="panel-fold-label">Inspector</span>
        </button>
      </aside>
    );
  }
  return (
    <aside className="side-panel-frame" data-slot="inspector" aria-label="Inspector">
      <PanelEdge side="right" label="Inspector width" testId="inspector-resize" width={width} min={INSPECTOR_RANGE.min} max={INSPECTOR_RANGE.max} onResize={(w) => update({ inspectorWidth: w })} />
      <button type="button" className="panel-fold panel-fold-corner" data-testid="inspector-toggle" aria-expanded={true} title="Hide the inspector" aria-label="Hide the inspector" onClick={() => update({ inspectorCollapsed: true })}>
        <span aria-hidden="true">›</span>
      </button>
      <div className="side-panel">
        <Inspector />
      </div>
    </aside>
  );
}
