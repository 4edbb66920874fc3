/**
 * The host's side of the window (the desktop app's native menu, title bar and file association),
 * through renderer/platform: menu commands reach the same actions as the toolbar and shortcuts, a
 * file the OS opens goes through the same checks as File ▸ Open, and the title follows the
 * document's name and unsaved state. In a browser no commands arrive and only the title changes.
 */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { adoptPlan, openFile, savePlan, type FileContext } from '../files/fileCommands';
import { getPlatform, type HostCommand, type OpenedFile } from '../platform';
import { cancelSimulation, startSimulation } from '../simClient/runController';
import { openResultFile } from '../results/openResult';
import { emptyPlan } from '../store/records';

function isTyping(): boolean {
  const target = document.activeElement;
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The same open path as File ▸ Open (refusal with errors, "open anyway"), for a file that is already read. */
function openAlreadyRead(ctx: FileContext, opened: OpenedFile): void {
  void openFile({ ...ctx, platform: { ...ctx.platform, open: async () => opened } });
}

export function useHostCommands(ctx: FileContext): void {
  const flow = useReactFlow();

  useEffect(() => {
    const { editor, ui } = ctx;
    const host = getPlatform();
    const sync = () => {
      const { file, savedRevision } = ui.getState();
      const { plan, revision } = editor.getState();
      host.setDocumentState({ name: file?.name ?? plan.name, dirty: revision !== savedRevision, file });
    };
    sync();
    const unsubscribeEditor = editor.subscribe((s, p) => {
      if (s.revision !== p.revision || s.plan.name !== p.plan.name) sync();
    });
    const unsubscribeUi = ui.subscribe((s, p) => {
      if (s.file !== p.file || s.savedRevision !== p.savedRevision) sync();
    });
    return () => {
      unsubscribeEditor();
      unsubscribeUi();
    };
  }, [ctx]);

  useEffect(() => {
    const { editor, ui } = ctx;
    const host = getPlatform();
    const textOr = (action: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll', onCanvas: () => void) => {
      if (isTyping()) host.editText(action);
      else onCanvas();
    };
    const run = (command: HostCommand) => {
      const state = editor.getState();
      switch (command.type) {
        case 'new':
          adoptPlan(ctx, emptyPlan(), { ref: null, saved: true });
          state.showToast('New design. Ctrl+Z brings back the previous design.', { tone: 'info' });
          return;
        case 'new-from-template':
          return ui.getState().openDialog({ type: 'gallery' });
        case 'open':
          return void openFile(ctx);
        case 'open-result':
          return void openResultFile(ctx);
        case 'opened':
          return openAlreadyRead(ctx, command.opened);
        case 'save':
        case 'save-as':
          return void savePlan(ctx, command.type === 'save' ? 'save' : 'saveAs');
        case 'save-then-close':
          return void savePlan(ctx, 'save').then((result) => {
            if (result === 'saved') host.closeWindow();
          });
        case 'undo':
          return textOr('undo', () => state.undo());
        case 'redo':
          return textOr('redo', () => state.redo());
        case 'cut':
          return textOr('cut', () => {
            if (state.copySelection()) state.deleteSelection();
          });
        case 'copy':
          return textOr('copy', () => void state.copySelection());
        case 'paste':
          return textOr('paste', () => state.paste());
        case 'select-all':
          return textOr('selectAll', () => state.selectAll());
        case 'zoom-in':
          return void flow.zoomIn({ duration: 150 });
        case 'zoom-out':
          return void flow.zoomOut({ duration: 150 });
        case 'fit-view':
          return void flow.fitView({ padding: 0.15, duration: 200 });
        case 'run':
          return void startSimulation(editor);
        case 'cancel-run':
          return cancelSimulation(editor);
        case 'shortcuts':
          return ui.getState().openDialog({ type: 'shortcuts' });
      }
    };
    return host.onCommand(run);
  }, [ctx, flow]);
}
