/** The status bar's document state: the file name and whether the plan has unsaved changes. */
import { useEditor } from '../store/EditorStoreContext';
import { selectRevision } from '../store/selectors';
import { useUi } from '../shell/uiStore';

export function FileStatus() {
  const file = useUi((s) => s.file);
  const savedRevision = useUi((s) => s.savedRevision);
  const revision = useEditor(selectRevision);
  const dirty = revision !== savedRevision;
  return (
    <span className={`file-status${dirty ? ' is-dirty' : ''}`} data-testid="file-status" title={dirty ? 'Unsaved changes are kept in the autosave draft' : undefined}>
      {file ? file.name : 'Not saved to a file'}
      {dirty ? ' · unsaved changes (autosaved)' : file ? ' · saved' : ''}
    </span>
  );
}
