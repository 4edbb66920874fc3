/** The right-hand panel: the inspector of the selection, or of the plan when nothing is selected. */
import { Inspector } from '../inspector/Inspector';

export function SidePanel() {
  return (
    <aside className="side-panel" data-slot="inspector" aria-label="Inspector">
      <Inspector />
    </aside>
  );
}
