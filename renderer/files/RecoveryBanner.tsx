/** The offer to restore a design from an earlier session, shown over the canvas until answered. */
import { getPlatform } from '../platform';
import { useUi, useUiStoreApi } from '../shell/uiStore';
import { adoptPlan, planFromDraft } from './fileCommands';
import { useFileContext } from './useFileContext';

export function RecoveryBanner() {
  const draft = useUi((s) => s.recovery);
  const ui = useUiStoreApi();
  const ctx = useFileContext();
  if (!draft) return null;
  const plan = planFromDraft(draft.text);
  const when = new Date(draft.savedAtIso);
  const time = Number.isNaN(when.getTime()) ? 'an earlier session' : when.toLocaleString();
  return (
    <div className="recovery-banner" role="alert" data-testid="recovery-banner">
      <div className="recovery-text">
        <strong>Unsaved work found.</strong> “{plan?.name ?? 'Untitled'}” ({plan?.nodes.length ?? 0} components) was autosaved {time}
        {draft.file ? ` from ${draft.file.name}` : ''}.
      </div>
      <button
        type="button"
        className="primary-button"
        data-testid="recovery-restore"
        onClick={() => {
          if (plan) adoptPlan(ctx, plan, { ref: draft.file, saved: false });
          ui.getState().offerRecovery(null);
        }}
      >
        Restore
      </button>
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
    </div>
  );
}
