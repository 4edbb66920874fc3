/** Why a file could not be opened or saved: every error with its code, path and message, as the CLI prints them. */
import { Modal } from '../shell/Modal';
import { useUi, useUiStoreApi } from '../shell/uiStore';

export function FileErrorsDialog() {
  const dialog = useUi((s) => s.dialog);
  const ui = useUiStoreApi();
  if (dialog?.type !== 'file-errors') return null;
  const close = () => ui.getState().closeDialog();
  return (
    <Modal title={dialog.title} onClose={close} testId="file-errors" width={620}>
      <p className="dialog-note">{dialog.note}</p>
      <ul className="file-error-list" data-testid="file-error-list">
        {dialog.errors.map((e, i) => (
          <li key={i} data-testid="file-error" data-code={e.code}>
            <code className="file-error-code">{e.code}</code>
            <span className="file-error-path">{e.path}</span>
            <span className="file-error-message">{e.message}</span>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        {dialog.proceed && (
          <button
            type="button"
            className="secondary-button"
            data-testid="file-errors-proceed"
            onClick={() => {
              close();
              dialog.proceed!.run();
            }}
          >
            {dialog.proceed.label}
          </button>
        )}
        <button type="button" className="primary-button" data-testid="file-errors-close" onClick={close} autoFocus>
          {dialog.proceed ? 'Cancel' : 'Close'}
        </button>
      </div>
    </Modal>
  );
}
