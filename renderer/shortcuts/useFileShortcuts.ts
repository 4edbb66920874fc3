/**
 * The document shortcuts (open, save, save as) and `?` for the shortcut sheet. Saving works while a
 * field is being typed in: the field is committed first (by taking focus from it), so what is
 * saved is what the user sees.
 */
import { useEffect } from 'react';
import { isMac } from '../app/platformKeys';
import { openFile, savePlan, type FileContext } from '../files/fileCommands';
import { openResultFile } from '../results/openResult';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useFileShortcuts(ctx: FileContext): void {
  useEffect(() => {
    const mac = isMac();
    const onKeyDown = (e: KeyboardEvent) => {
      const mod = mac ? e.metaKey : e.ctrlKey;
      const key = e.key.toLowerCase();
      if (mod && (key === 's' || key === 'o')) {
        e.preventDefault();
        e.stopPropagation();
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        // Browsers reserve Ctrl+O: whether its key press counts as the user activation a file picker
        // needs varies, and a blocked picker fails silently. One click in a small dialog always works.
        // Shift+O opens a result file for the dashboard instead of a plan.
        if (key === 'o' && ctx.platform.kind === 'browser') ctx.ui.getState().openDialog({ type: 'open-prompt', what: e.shiftKey ? 'result' : 'plan' });
        else if (key === 'o' && e.shiftKey) void openResultFile(ctx);
        else if (key === 'o') void openFile(ctx);
        else void savePlan(ctx, e.shiftKey ? 'saveAs' : 'save');
        return;
      }
      if (e.key === '?' && !mod && !isTyping(e.target)) {
        e.preventDefault();
        const ui = ctx.ui.getState();
        if (ui.dialog?.type === 'shortcuts') ui.closeDialog();
        else ui.openDialog({ type: 'shortcuts' });
      }
    };
    // Capture, so the browser's own Ctrl+S / Ctrl+O never run.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [ctx]);
}
