/** The toolbar's document buttons: new from a template, open, save, save as. */
import { isMac } from '../app/platformKeys';
import { useUiStoreApi } from '../shell/uiStore';
import { openFile, savePlan } from './fileCommands';
import { useFileContext } from './useFileContext';

const MOD = isMac() ? '⌘' : 'Ctrl+';

export function FileButtons() {
  const ui = useUiStoreApi();
  const ctx = useFileContext();
  return (
    <div className="toolbar-group file-buttons">
      <button type="button" className="text-tool" data-testid="new-from-template" title="Start a new design from a template" onClick={() => ui.getState().openDialog({ type: 'gallery' })}>
        New from template
      </button>
      <button type="button" className="text-tool" data-testid="open-file" title={`Open a plan file (${MOD}O)`} onClick={() => void openFile(ctx)}>
        Open
      </button>
      <button type="button" className="text-tool" data-testid="save-file" title={`Save (${MOD}S)`} onClick={() => void savePlan(ctx, 'save')}>
        Save
      </button>
      <button type="button" className="text-tool" data-testid="save-file-as" title={`Save as (${MOD}Shift+S)`} onClick={() => void savePlan(ctx, 'saveAs')}>
        Save as
      </button>
    </div>
  );
}
