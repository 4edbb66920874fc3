/** The one-click step a browser needs before its file picker (see useFileShortcuts). */
import { Modal } from '../shell/Modal';
import { useUi, useUiStoreApi } from '../shell/uiStore';
import { openFile } from './fileCommands';
import { openResultFile } from '../results/openResult';
import { useFileContext } from './useFileContext';

export function OpenPrompt() {
  const open = useUi((s) => s.dialog?.type === 'open-prompt');
  const result = useUi((s) => s.dialog?.type === 'open-prompt' && s.dialog.what === 'result');
  const ui = useUiStoreApi();
  const ctx = useFileContext();
  if (!open) return null;
  const close = () => ui.getState().closeDialog();
  return (
    <Modal title={result ? 'Open a result file' : 'Open a plan file'} onClose={close} testId="open-prompt" width={440}>
      <p className="dialog-note">
        {result ? 'Choose a result written by "resilience simulate --json" or "resilience merge"; it is checked against this plan and shown in the results.' : 'Choose a .plan.json file. Your current design stays one undo (Ctrl+Z) away.'}
      </p>
      <div className="dialog-actions">
        <button type="button" className="secondary-button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="primary-button"
          data-testid="open-prompt-choose"
          autoFocus
          onClick={() => {
            close();
            void (result ? openResultFile(ctx) : openFile(ctx));
          }}
        >
          Choose file…
        </button>
      </div>
    </Modal>
  );
}
