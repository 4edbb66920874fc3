/** The shortcut sheet (`?`). */
import { Modal } from '../shell/Modal';
import { useUi, useUiStoreApi } from '../shell/uiStore';
import { SHORTCUT_GROUPS } from './shortcutList';

export function ShortcutSheet() {
  const open = useUi((s) => s.dialog?.type === 'shortcuts');
  const ui = useUiStoreApi();
  if (!open) return null;
  return (
    <Modal title="Keyboard shortcuts" onClose={() => ui.getState().closeDialog()} testId="shortcut-sheet" width={600}>
      <div className="shortcut-grid">
        {SHORTCUT_GROUPS.map((g) => (
          <section key={g.title}>
            <h3>{g.title}</h3>
            <dl>
              {g.items.map(([what, keys]) => (
                <div key={what}>
                  <dt>{what}</dt>
                  <dd>
                    <kbd>{keys}</kbd>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
