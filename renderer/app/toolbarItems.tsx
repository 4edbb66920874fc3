/**
 * What the toolbar holds, as a list: each entry has a priority, and when the window is too narrow the
 * lowest-priority entries move into the "⋯" menu instead of widening the page. Adding a command is
 * one line in TOOLBAR_ITEMS (a hook returning a ToolbarCommand, or a control for bar and menu).
 */
import type { ComponentType } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { GlyphName } from '../components/Glyph';
import { useNewFromTemplateCommand, useOpenCommand, useOpenResultCommand, useSaveAsCommand, useSaveCommand } from '../files/FileButtons';
import { PrecisionSettings, RunSettings } from '../results/RunControls';
import { useUiStoreApi } from '../shell/uiStore';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { selectCanRedo, selectCanUndo } from '../store/selectors';
import { isMac } from './platformKeys';
import { WireKindControl } from './WireKindControl';
import { useAutoLayoutCommand, useExportPngCommand, useExportSvgCommand, useSearchCommand } from '../diagram/DiagramCommands';
import { useExportReportCommand, useExportReportPdfCommand } from '../review/ExportReportCommand';

/** One button: in the bar an icon (or its label when it has no icon), in the menu a labelled row. */
export interface ToolbarCommand {
  testId: string;
  label: string;
  /** Tooltip; the label when absent. */
  title?: string;
  icon?: GlyphName;
  /** Shown after the label in the menu, e.g. "Ctrl+Z". */
  shortcut?: string;
  disabled?: boolean;
  run(): void;
}

/** Where a control is drawn; `measure` is an off-screen copy used only to read its width (no test ids, not focusable). */
export type ToolbarPlacement = 'bar' | 'menu' | 'measure';

export interface ToolbarItem {
  id: string;
  /** Higher stays in the bar longer; the lowest go to the "⋯" menu first. */
  priority: number;
  /** Items of one group sit together; a divider separates groups. */
  group: string;
  useCommand?: () => ToolbarCommand;
  Control?: ComponentType<{ placement: ToolbarPlacement }>;
  /** Always in the "⋯" menu, never in the bar (help and other rarely used commands). */
  menuOnly?: boolean;
}

const MOD = isMac() ? '⌘' : 'Ctrl+';

function useUndoCommand(): ToolbarCommand {
  const store = useEditorStoreApi();
  const can = useEditor(selectCanUndo);
  return { testId: 'undo', label: 'Undo', icon: 'undo', shortcut: `${MOD}Z`, disabled: !can, run: () => store.getState().undo() };
}
function useRedoCommand(): ToolbarCommand {
  const store = useEditorStoreApi();
  const can = useEditor(selectCanRedo);
  return { testId: 'redo', label: 'Redo', icon: 'redo', shortcut: `${MOD}Shift+Z`, disabled: !can, run: () => store.getState().redo() };
}
function useZoomOutCommand(): ToolbarCommand {
  const flow = useReactFlow();
  return { testId: 'zoom-out', label: 'Zoom out', icon: 'zoomOut', run: () => void flow.zoomOut({ duration: 150 }) };
}
function useZoomInCommand(): ToolbarCommand {
  const flow = useReactFlow();
  return { testId: 'zoom-in', label: 'Zoom in', icon: 'zoomIn', run: () => void flow.zoomIn({ duration: 150 }) };
}
function useFitCommand(): ToolbarCommand {
  const flow = useReactFlow();
  return { testId: 'fit-view', label: 'Fit view', icon: 'fit', shortcut: 'F', run: () => void flow.fitView({ padding: 0.15, duration: 200 }) };
}
function useShortcutsCommand(): ToolbarCommand {
  const ui = useUiStoreApi();
  return { testId: 'show-shortcuts', label: 'Keyboard shortcuts', shortcut: '?', run: () => ui.getState().openDialog({ type: 'shortcuts' }) };
}

function useExportCodeCommand(): ToolbarCommand {
  const ui = useUiStoreApi();
  return { testId: 'export-code', label: 'Export as code…', title: 'Export as Terraform, CloudFormation, Kubernetes, compose or chaos drills', icon: 'code', run: () => ui.getState().openDialog({ type: 'export' }) };
}

/** In bar order. Priorities: what a new user needs to build and save a design stays longest. */
export const TOOLBAR_ITEMS: readonly ToolbarItem[] = [
  { id: 'new', group: 'file', priority: 60, useCommand: useNewFromTemplateCommand },
  { id: 'open', group: 'file', priority: 70, useCommand: useOpenCommand },
  { id: 'save', group: 'file', priority: 80, useCommand: useSaveCommand },
  { id: 'save-as', group: 'file', priority: 40, useCommand: useSaveAsCommand },
  { id: 'undo', group: 'history', priority: 95, useCommand: useUndoCommand },
  { id: 'redo', group: 'history', priority: 90, useCommand: useRedoCommand },
  // The canvas has its own zoom buttons, so these two are the first to leave the bar.
  { id: 'zoom-out', group: 'view', priority: 10, useCommand: useZoomOutCommand },
  { id: 'zoom-in', group: 'view', priority: 11, useCommand: useZoomInCommand },
  { id: 'fit-view', group: 'view', priority: 50, useCommand: useFitCommand },
  { id: 'auto-layout', group: 'diagram', priority: 45, useCommand: useAutoLayoutCommand },
  { id: 'search', group: 'diagram', priority: 35, useCommand: useSearchCommand },
  { id: 'export-svg', group: 'diagram', priority: 20, useCommand: useExportSvgCommand },
  { id: 'export-png', group: 'diagram', priority: 21, useCommand: useExportPngCommand },
  { id: 'export-code', group: 'diagram', priority: 15, useCommand: useExportCodeCommand },
  { id: 'export-report', group: 'diagram', priority: 14, useCommand: useExportReportCommand },
  { id: 'export-report-pdf', group: 'diagram', priority: 13, useCommand: useExportReportPdfCommand },
  { id: 'wire-kind', group: 'wire', priority: 75, Control: WireKindControl },
  { id: 'run-settings', group: 'run', priority: 30, Control: RunSettings },
  { id: 'run-precision', group: 'run', priority: 25, Control: PrecisionSettings },
  { id: 'open-result', group: 'file', priority: 1, useCommand: useOpenResultCommand, menuOnly: true },
  { id: 'shortcuts', group: 'help', priority: 0, useCommand: useShortcutsCommand, menuOnly: true },
];

/**
 * Which items fit: the highest priorities first, while their measured widths (plus the "⋯" button
 * when anything is left over) fit in `available`. Pure, so the rule is testable without a browser.
 */
export function itemsThatFit(all: readonly ToolbarItem[], widths: ReadonlyMap<string, number>, available: number, moreWidth: number): Set<string> {
  const items = all.filter((i) => !i.menuOnly);
  const total = items.reduce((sum, item) => sum + (widths.get(item.id) ?? 0), 0);
  const menuNeeded = items.length < all.length;
  if (total <= available - (menuNeeded ? moreWidth : 0)) return new Set(items.map((i) => i.id));
  const room = available - moreWidth;
  const shown = new Set<string>();
  let used = 0;
  for (const item of [...items].sort((a, b) => b.priority - a.priority)) {
    const w = widths.get(item.id) ?? 0;
    if (used + w > room) break;
    used += w;
    shown.add(item.id);
  }
  return shown;
}
