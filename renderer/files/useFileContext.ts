/** The file commands' context for components: this window's stores, the host platform, and a fit-to-view after a plan is replaced. */
import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { getPlatform } from '../platform';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import { useUiStoreApi } from '../shell/uiStore';
import type { FileContext } from './fileCommands';

export function useFileContext(): FileContext {
  const editor = useEditorStoreApi();
  const ui = useUiStoreApi();
  const flow = useReactFlow();
  return useMemo(
    () => ({
      editor,
      ui,
      platform: getPlatform(),
      // Wait a frame so the new cards are on the canvas before the view is fitted around them.
      onReplaced: () => requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 200 })),
    }),
    [editor, ui, flow],
  );
}
