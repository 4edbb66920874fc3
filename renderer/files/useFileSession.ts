/**
 * The window's file session: offers to restore a draft left by an earlier session (or, for a draft
 * the editor could not show, to discard it), then autosaves the working plan (debounced) through the
 * platform, and flushes the last edit when the page goes away. Autosave waits while a recovery offer
 * is open, so an old draft is never overwritten before the user has chosen. A failed autosave (full
 * storage) is told to the user once, until one succeeds again.
 */
import { useEffect } from 'react';
import { serializePlan } from '../../sim/model/io';
import type { Platform } from '../platform';
import type { EditorStore } from '../store/createEditorStore';
import type { UiStore } from '../shell/uiStore';
import { followDocumentHistory } from './documentHistory';
import { isWorthRecovering, readDraft } from './fileCommands';

export const AUTOSAVE_DELAY_MS = 700;

export function useFileSession(editor: EditorStore, ui: UiStore, platform: Platform): void {
  useEffect(() => {
    let cancelled = false;
    void platform.recover().then((draft) => {
      if (cancelled) return;
      if (!draft) {
        ui.getState().offerRecovery(null);
        return;
      }
      const reading = readDraft(draft.text);
      // An unusable draft is offered too (to be discarded), or it would linger unexplained.
      ui.getState().offerRecovery(!reading.ok || isWorthRecovering(reading.plan) ? draft : null);
    });
    return () => {
      cancelled = true;
    };
  }, [platform, ui]);

  useEffect(() => followDocumentHistory(editor, ui), [editor, ui]);

  useEffect(() => {
    let timer: number | undefined;
    let pending = false;
    let failing = false;
    const flush = () => {
      window.clearTimeout(timer);
      if (!pending || ui.getState().autosaveHeld) return;
      pending = false;
      platform.autosave(serializePlan(editor.getState().plan), ui.getState().file).then(
        () => {
          failing = false;
        },
        (error: unknown) => {
          if (failing) return;
          failing = true;
          const reason = error instanceof Error ? error.message : String(error);
          editor.getState().showToast(`Autosave failed (${reason}): this design is not being kept as a draft. Save it to a file.`, { tone: 'error' });
        },
      );
    };
    const unsubscribe = editor.subscribe((state, previous) => {
      if (state.revision === previous.revision) return;
      pending = true;
      window.clearTimeout(timer);
      timer = window.setTimeout(flush, AUTOSAVE_DELAY_MS);
    });
    // Releasing the hold (restore or discard) saves what was edited meanwhile.
    const unsubscribeUi = ui.subscribe((state, previous) => {
      if (previous.autosaveHeld && !state.autosaveHeld && pending) flush();
    });
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      unsubscribe();
      unsubscribeUi();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      window.clearTimeout(timer);
    };
  }, [editor, ui, platform]);
}
