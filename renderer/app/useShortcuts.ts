/**
 * Window-level keyboard shortcuts. They stand down while the user types in a field, so Ctrl+Z in an
 * inspector input undoes the text, not the plan.
 */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import { isMac } from './platformKeys';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts() {
  const store = useEditorStoreApi();
  const flow = useReactFlow();
  useEffect(() => {
    const mac = isMac();
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const mod = mac ? e.metaKey : e.ctrlKey;
      const key = e.key.toLowerCase();
      const state = store.getState();
      let handled = true;
      if (mod && key === 'z' && !e.shiftKey) state.undo();
      else if ((mod && key === 'z' && e.shiftKey) || (mod && key === 'y')) state.redo();
      else if (mod && key === 'c') state.copySelection();
      else if (mod && key === 'v') state.paste();
      else if (mod && key === 'x') {
        if (state.copySelection()) state.deleteSelection();
      } else if (mod && key === 'a') state.selectAll();
      else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) state.deleteSelection();
      else if (!mod && !e.altKey && key === 'f') void flow.fitView({ padding: 0.15, duration: 200 });
      else if (e.key === 'Escape') state.setSelection([]);
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, flow]);
}
