/**
 * The diagram commands: auto-layout, find (Ctrl+K), export as SVG or PNG, and the results
 * dashboard as PNG. Each is a small self-contained button (so a toolbar or an overflow menu can
 * host it) and a keyboard shortcut, listed in shortcuts/shortcutList.ts.
 */
import { useEffect, useState } from 'react';
import { isMac } from '../app/platformKeys';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import type { EditorStore } from '../store/createEditorStore';
import { runAutoLayout } from './autoLayoutAction';
import { exportDashboardPng, exportDiagramPng, exportDiagramSvg } from './exportImage';
import { useSearchState } from './searchState';

const MOD = isMac() ? '⌘' : 'Ctrl+';

const ICON_PATHS = {
  // three cards in two layers, joined
  layout: 'M4 4h6v4H4zM14 4h6v4h-6zM9 16h6v4H9zM7 8v4h10V8M12 12v4',
  // a magnifier
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14Zm5-2 4 4',
  // a picture with an arrow out
  image: 'M4 5h16v14H4zM4 15l4-4 3 3 4-5 5 6M8.5 9.5h.01',
  // an angle-bracket document
  vector: 'M6 3h9l4 4v14H6zM15 3v4h4M10.5 11l-2 2.5 2 2.5M14.5 11l2 2.5-2 2.5',
} as const;

function CommandIcon({ name }: { name: keyof typeof ICON_PATHS }) {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.7} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[name]} />
    </svg>
  );
}

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

function CommandButton(props: { testId: string; label: string; shortcut: string; icon: keyof typeof ICON_PATHS; onClick: () => void; disabled?: boolean }) {
  return (
    <button
      type="button"
      className="tool-button"
      data-testid={props.testId}
      aria-label={props.label}
      title={`${props.label} (${props.shortcut})`}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <CommandIcon name={props.icon} />
    </button>
  );
}

export function AutoLayoutButton() {
  const store = useEditorStoreApi();
  const [busy, setBusy] = useState(false);
  return (
    <CommandButton
      testId="auto-layout"
      label="Auto-layout"
      shortcut={`${MOD}Shift+L`}
      icon="layout"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void diagramCommands.autoLayout(store).finally(() => setBusy(false));
      }}
    />
  );
}

export function SearchButton() {
  return <CommandButton testId="open-search" label="Find a component" shortcut={`${MOD}K`} icon="search" onClick={diagramCommands.openSearch} />;
}

export function ExportSvgButton() {
  const store = useEditorStoreApi();
  return <CommandButton testId="export-svg" label="Export diagram as SVG" shortcut={`${MOD}Shift+E`} icon="vector" onClick={() => void diagramCommands.exportSvg(store)} />;
}

export function ExportPngButton() {
  const store = useEditorStoreApi();
  return <CommandButton testId="export-png" label="Export diagram as PNG" shortcut={`${MOD}Shift+P`} icon="image" onClick={() => void diagramCommands.exportPng(store)} />;
}

/** The four diagram commands as one toolbar group. */
export function DiagramToolbarGroup() {
  return (
    <div className="toolbar-group" data-slot="diagram">
      <AutoLayoutButton />
      <SearchButton />
      <ExportSvgButton />
      <ExportPngButton />
    </div>
  );
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
