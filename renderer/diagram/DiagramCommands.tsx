/**
 * The diagram commands: auto-layout, find (Ctrl+K), export as SVG or PNG, and the results
 * dashboard as PNG. Each is a small self-contained button (so a toolbar or an overflow menu can
 * host it) and a keyboard shortcut, listed in shortcuts/shortcutList.ts.
 */
import { useEffect, useState } from 'react';
import { isMac } from '../app/platformKeys';
import type { ToolbarCommand } from '../app/toolbarItems';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import type { EditorStore } from '../store/createEditorStore';
import { runAutoLayout } from './autoLayoutAction';
import { exportDashboardPng, exportDiagramPng, exportDiagramSvg } from './exportImage';
import { useSearchState } from './searchState';

const MOD = isMac() ? '⌘' : 'Ctrl+';

/** Runs an export or layout, telling the user in a toast when it fails instead of failing silently. */
async function attempt(store: EditorStore, what: string, job: () => Promise<void>): Promise<void> {
  try {
    await job();
  } catch (error) {
    store.getState().showToast(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const diagramCommands = {
  autoLayout: (store: EditorStore) => attempt(store, 'Auto-layout', () => runAutoLayout(store)),
  exportSvg: (store: EditorStore) => attempt(store, 'SVG export', () => exportDiagramSvg(store.getState().plan)),
  exportPng: (store: EditorStore) => attempt(store, 'PNG export', () => exportDiagramPng(store.getState().plan)),
  openSearch: () => useSearchState.getState().setOpen(true),
};

/** The diagram commands as toolbar entries (renderer/app/toolbarItems.ts lists them). */
export function useAutoLayoutCommand(): ToolbarCommand {
  const store = useEditorStoreApi();
  const [busy, setBusy] = useState(false);
  return {
    testId: 'auto-layout',
    label: 'Auto-layout',
    icon: 'layout',
    shortcut: `${MOD}Shift+L`,
    disabled: busy,
    run: () => {
      setBusy(true);
      void diagramCommands.autoLayout(store).finally(() => setBusy(false));
    },
  };
}

export function useSearchCommand(): ToolbarCommand {
  return { testId: 'open-search', label: 'Find a component', icon: 'search', shortcut: `${MOD}K`, run: diagramCommands.openSearch };
}

export function useExportSvgCommand(): ToolbarCommand {
  const store = useEditorStoreApi();
  return { testId: 'export-svg', label: 'Export diagram as SVG', icon: 'vector', shortcut: `${MOD}Shift+E`, run: () => void diagramCommands.exportSvg(store) };
}

export function useExportPngCommand(): ToolbarCommand {
  const store = useEditorStoreApi();
  return { testId: 'export-png', label: 'Export diagram as PNG', icon: 'image', shortcut: `${MOD}Shift+P`, run: () => void diagramCommands.exportPng(store) };
}

/** Exports the results dashboard shown in the dock (the element marked data-export="dashboard"). */
export function ExportDashboardButton() {
  const store = useEditorStoreApi();
  return (
    <button
      type="button"
      className="dock-link"
      data-testid="export-dashboard-png"
      data-export-skip=""
      title="Save the results dashboard as a PNG picture"
      onClick={() => {
        const element = document.querySelector<HTMLElement>('[data-export="dashboard"]');
        if (!element) return;
        void attempt(store, 'Dashboard export', () => exportDashboardPng(element, store.getState().plan.name));
      }}
    >
      Export PNG
    </button>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The diagram commands' shortcuts. Ctrl+K works from anywhere; the others not while typing. */
export function useDiagramShortcuts(): void {
  const store = useEditorStoreApi();
  useEffect(() => {
    const mac = isMac();
    const onKeyDown = (e: KeyboardEvent) => {
      const mod = mac ? e.metaKey : e.ctrlKey;
      if (!mod || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'k' && !e.shiftKey) diagramCommands.openSearch();
      else if (isTyping(e.target) || !e.shiftKey) return;
      else if (key === 'l') void diagramCommands.autoLayout(store);
      else if (key === 'e') void diagramCommands.exportSvg(store);
      else if (key === 'p') void diagramCommands.exportPng(store);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

export function DiagramShortcuts() {
  useDiagramShortcuts();
  return null;
}
