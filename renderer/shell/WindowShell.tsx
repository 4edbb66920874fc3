/**
 * Everything the window adds around the editor: the file session (recovery offer, autosave), the
 * document shortcuts, the host's menu commands and title, and the dialogs (template gallery, file errors, shortcut sheet, export).
 */
import { ExportDialog } from '../export/ExportDialog';
import { FileErrorsDialog } from '../files/FileErrorsDialog';
import { OpenPrompt } from '../files/OpenPrompt';
import { useFileContext } from '../files/useFileContext';
import { useFileSession } from '../files/useFileSession';
import { TemplateGallery } from '../gallery/TemplateGallery';
import { ShortcutSheet } from '../shortcuts/ShortcutSheet';
import { useFileShortcuts } from '../shortcuts/useFileShortcuts';
import { useHostCommands } from './useHostCommands';

export function WindowShell() {
  const ctx = useFileContext();
  useFileSession(ctx.editor, ctx.ui, ctx.platform);
  useFileShortcuts(ctx);
  useHostCommands(ctx);
  return (
    <>
      <TemplateGallery />
      <FileErrorsDialog />
      <OpenPrompt />
      <ShortcutSheet />
      <ExportDialog />
    </>
  );
}
