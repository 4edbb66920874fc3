/**
 * The offer to restore a design from an earlier session, shown over the canvas until answered. A
 * draft the editor could not show (a damaged or newer-version plan) is never adopted: its problems
 * can be listed, and it can be discarded; the saved files are not touched either way.
 */
import { getPlatform } from '../platform';
import { useUi, useUiStoreApi } from '../shell/uiStore';
import { adoptPlan, readDraft } from './fileCommands';
import { useFileContext } from './useFileContext';

export function RecoveryBanner() {
  const draft = useUi((s) => s.recovery);
  const ui = useUiStoreApi();
  const ctx = useFileContext();
  if (!draft) return null;
  const reading = readDraft(draft.text);
  const when = new Date(draft.savedAtIso);
  const time = Number.isNaN(when.getTime()) ? 'an earlier session' : when.toLocaleString();
  const discard = (
    <button
      type="button"
      className="secondary-button"
      data-testid="recovery-discard"
      onClick={() => {
        void getPlatform().clearRecovery();
        ui.getState().offerRecovery(null);
      }}
    >
      Discard
    </button>
  );
  if (!reading.ok) {
    const n = reading.errors.length;
    return (
      <div className="recovery-banner" role="alert" data-testid="recovery-banner" data-state="unusable">
        <div className="recovery-text">
          <strong>An autosaved draft cannot be restored.</strong> The draft from {time}
          {draft.file ? ` (${draft.file.name})` : ''} is damaged or from a newer version: {n} problem{n === 1 ? '' : 's'}. Your saved files are not affected.
        </div>
        <button
          type="button"
          className="secondary-button"
          data-testid="recovery-show-problems"
          onClick={() =>
            ui.getState().openDialog({
              type: 'file-errors',
              title: 'Why the draft cannot be restored',
              fileName: draft.file?.name ?? 'autosaved draft',
              errors: reading.errors,
              note: 'The draft was not opened. Discard it to keep working; your current design and your saved files are unchanged.',
            })
          }
        >
          Show problems
        </button>
        {discard}
      </div>
    );
  }
  const plan = reading.plan;
  return (
    <div className="recovery-banner" role="alert" data-testid="recovery-banner">
      <div className="recovery-text">
        <strong>Unsaved work found.</strong> “{typeof plan.name === 'string' ? plan.name : 'Untitled'}” ({plan.nodes.length} components) was autosaved {time}
        {draft.file ? ` from ${draft.file.name}` : ''}.
      </div>
      <button
        type="button"
        className="primary-button"
        data-testid="recovery-restore"
        onClick={() => {
          adoptPlan(ctx, plan, { ref: draft.file, saved: false });
          ui.getState().offerRecovery(null);
        }}
      >
        Restore
      </button>
      {discard}
    </div>
  );
}
