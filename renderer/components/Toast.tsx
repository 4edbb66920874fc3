/**
 * A short message shown beside the point the user was looking at (where a wire was released), or at
 * the bottom of the canvas when there is no such point. It leaves by itself.
 */
import { useEffect } from 'react';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { selectToast } from '../store/selectors';

const VISIBLE_MS = 3600;

export function Toast() {
  const toast = useEditor(selectToast);
  const store = useEditorStoreApi();
  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => store.getState().dismissToast(toast.id), VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [toast, store]);
  if (!toast) return null;
  // Keep the bubble on screen when the pointer was near the right or bottom edge.
  const style = toast.at
    ? { left: Math.min(toast.at.x + 14, window.innerWidth - 340), top: Math.min(toast.at.y + 14, window.innerHeight - 80) }
    : undefined;
  return (
    <div
      key={toast.id}
      role="alert"
      data-testid="toast"
      className={`toast is-${toast.tone}${toast.at ? ' is-anchored' : ''}`}
      style={style}
      onClick={() => store.getState().dismissToast(toast.id)}
    >
      <span className="toast-icon" aria-hidden="true">
        !
      </span>
      {toast.message}
    </div>
  );
}
