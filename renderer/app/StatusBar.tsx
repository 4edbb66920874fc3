/** The bottom bar: what is on the canvas, what is selected, whether the plan validates, the zoom. */
import { FileStatus } from '../files/FileStatus';
import { useEditor } from '../store/EditorStoreContext';
import { selectCounts, selectSelection, selectZoom } from '../store/selectors';
import { usePlanValidation } from './usePlanValidation';

export function StatusBar() {
  const counts = useEditor(selectCounts);
  const selection = useEditor(selectSelection);
  const zoom = useEditor(selectZoom);
  const validation = usePlanValidation();
  const [regions, nodes, edges] = counts.split('/');
  const errors = validation.errors.length;
  const warnings = validation.warnings.length;
  const first = validation.errors[0];
  return (
    <footer className="statusbar" data-testid="status-bar">
      <span>
        {regions} regions · {nodes} components · {edges} wires
      </span>
      <span className="status-sep" />
      <span>{selection.length ? `${selection.length} selected` : 'Nothing selected'}</span>
      <span className="status-sep" />
      <FileStatus />
      <span className="status-spacer" />
      <span
        className={`status-validation ${errors ? 'is-error' : warnings ? 'is-warning' : 'is-ok'}`}
        data-testid="status-validation"
        title={first ? `${first.path || '(plan)'}: ${first.message}` : undefined}
      >
        <span className="status-dot" />
        {errors ? `${errors} error${errors === 1 ? '' : 's'}` : 'Plan is valid'}
        {warnings ? ` · ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}
      </span>
      <span className="status-sep" />
      <span>{Math.round(zoom * 100)}%</span>
    </footer>
  );
}
