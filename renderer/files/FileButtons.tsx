/** The document commands as toolbar items: new from a template, open, save, save as. */
import { isMac } from '../app/platformKeys';
import type { ToolbarCommand } from '../app/toolbarItems';
import { useUiStoreApi } from '../shell/uiStore';
import { openFile, savePlan } from './fileCommands';
import { openResultFile } from '../results/openResult';
import { useFileContext } from './useFileContext';

const MOD = isMac() ? '⌘' : 'Ctrl+';

/** Each hook returns the command for one toolbar entry (a hook, because it needs the window's context). */
export function useNewFromTemplateCommand(): ToolbarCommand {
  const ui = useUiStoreApi();
  return { testId: 'new-from-template', label: 'New from template', title: 'Start a new design from a template', run: () => ui.getState().openDialog({ type: 'gallery' }) };
}
export function useOpenCommand(): ToolbarCommand {
  const ctx = useFileContext();
  return { testId: 'open-file', label: 'Open', title: `Open a plan file (${MOD}O)`, run: () => void openFile(ctx) };
}
/** Open result…: a simulate/merge result file shown in the dashboard (checked against the plan's hash). */
export function useOpenResultCommand(): ToolbarCommand {
  const ctx = useFileContext();
  return {
    testId: 'open-result',
    label: 'Open result…',
    title: `Show a result file from "resilience simulate --json" or "resilience merge" (${MOD}Shift+O)`,
    shortcut: `${MOD}Shift+O`,
    run: () => void openResultFile(ctx),
  };
}
export function useSaveCommand(): ToolbarCommand {
  const ctx = useFileContext();
  return { testId: 'save-file', label: 'Save', title: `Save (${MOD}S)`, run: () => void savePlan(ctx, 'save') };
}
export function useSaveAsCommand(): ToolbarCommand {
  const ctx = useFileContext();
  return { testId: 'save-file-as', label: 'Save as', title: `Save as (${MOD}Shift+S)`, run: () => void savePlan(ctx, 'saveAs') };
}
