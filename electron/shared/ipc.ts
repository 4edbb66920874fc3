// The typed bridge between the renderer and the main process: one channel and one method per
// message, with the zod schema main checks each payload against. Both sides import this module:
// main for the schemas, the preload for the channel names, the renderer for the types only
// (`import type`), so a message cannot change shape on one side alone.
import { z } from 'zod';
import { CHANNELS } from './channels';

export { BRIDGE_GLOBAL, CHANNELS, COMMAND_CHANNEL } from './channels';

/** A plan is a few hundred kilobytes at most; anything far larger is not a plan. */
export const MAX_PLAN_CHARS = 20_000_000;
const MAX_PATH_CHARS = 4096;

/** A place a plan was opened from or saved to: its name, and in Electron its absolute path as the token. */
export const FileRefSchema = z.strictObject({
  name: z.string().min(1).max(255),
  token: z.string().min(1).max(MAX_PATH_CHARS),
});
export type FileRef = z.infer<typeof FileRefSchema>;

const PlanText = z.string().max(MAX_PLAN_CHARS);
/** A name offered in a save dialog or written into an export folder: no folders, no NUL, no dot-only names. */
const BareFileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..', 'must be a file name without folders');
/** A path inside an export folder: '/'-separated bare names (an export keeps one folder per region). */
const RelativeFileName = z
  .string()
  .min(1)
  .max(1000)
  .refine((path) => path.split('/').length <= 8 && path.split('/').every((part) => part.length > 0 && part.length <= 255 && !/[\\\0]/.test(part) && part !== '.' && part !== '..'), 'must be a relative path of file names (no "..", no absolute path)');
const NoPayload = z.undefined();

/** Every request the renderer may send, by channel, with its payload schema. */
export const REQUESTS = {
  open: { channel: CHANNELS.open, payload: NoPayload },
  save: { channel: CHANNELS.save, payload: z.strictObject({ file: FileRefSchema, text: PlanText }) },
  saveAs: { channel: CHANNELS.saveAs, payload: z.strictObject({ text: PlanText, suggestedName: BareFileName }) },
  exportFiles: {
    channel: CHANNELS.exportFiles,
    payload: z.strictObject({ files: z.array(z.strictObject({ name: RelativeFileName, text: PlanText })).min(1).max(100) }),
  },
  recentFiles: { channel: CHANNELS.recentFiles, payload: NoPayload },
  openRecent: { channel: CHANNELS.openRecent, payload: z.strictObject({ token: z.string().min(1).max(MAX_PATH_CHARS) }) },
  /** A simulate/merge result file (JSON) for the results dashboard; read only, never granted for writing. */
  openResult: { channel: CHANNELS.openResult, payload: NoPayload },
  autosave: { channel: CHANNELS.autosave, payload: z.strictObject({ text: PlanText, file: FileRefSchema.nullable() }) },
  recover: { channel: CHANNELS.recover, payload: NoPayload },
  clearRecovery: { channel: CHANNELS.clearRecovery, payload: NoPayload },
  printToPdf: { channel: CHANNELS.printToPdf, payload: z.strictObject({ suggestedName: BareFileName }) },
  /** The review report's one-file HTML, printed to PDF in a hidden window with JavaScript off. */
  reportPdf: { channel: CHANNELS.reportPdf, payload: z.strictObject({ html: z.string().min(1).max(MAX_PLAN_CHARS), suggestedName: BareFileName }) },
  setDocumentState: { channel: CHANNELS.setDocumentState, payload: z.strictObject({ name: z.string().max(255), dirty: z.boolean(), file: FileRefSchema.nullable() }) },
  closeWindow: { channel: CHANNELS.closeWindow, payload: NoPayload },
  editText: { channel: CHANNELS.editText, payload: z.enum(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) },
  commandsReady: { channel: CHANNELS.commandsReady, payload: NoPayload },
} as const;

export type RequestName = keyof typeof REQUESTS;
export type RequestPayload<N extends RequestName> = z.infer<(typeof REQUESTS)[N]['payload']>;

export interface OpenedFile {
  file: FileRef;
  text: string;
}

export interface RecoveredDraft {
  text: string;
  savedAtIso: string;
  file: FileRef | null;
}

/** What main answers to each request. */
export interface Responses {
  open: OpenedFile | null;
  save: FileRef;
  saveAs: FileRef | null;
  exportFiles: { folder: string; written: number } | null;
  recentFiles: FileRef[];
  openRecent: OpenedFile;
  openResult: OpenedFile | null;
  autosave: void;
  recover: RecoveredDraft | null;
  clearRecovery: void;
  printToPdf: FileRef | null;
  reportPdf: FileRef | null;
  setDocumentState: void;
  closeWindow: void;
  editText: void;
  commandsReady: void;
}

/** A command from the native menu, or a plan file the OS or the command line asked to open. */
export type HostCommand =
  | {
      type:
        | 'new'
        | 'new-from-template'
        | 'open'
        | 'open-result'
        | 'save'
        | 'save-as'
        /** Closing with unsaved changes, the user chose Save: save, then close the window. */
        | 'save-then-close'
        | 'undo'
        | 'redo'
        | 'cut'
        | 'copy'
        | 'paste'
        | 'select-all'
        | 'zoom-in'
        | 'zoom-out'
        | 'fit-view'
        | 'run'
        | 'cancel-run'
        | 'shortcuts';
    }
  | { type: 'opened'; opened: OpenedFile };

/** What the preload script exposes on `window.resilienceDesktop`: one method per request. */
export type DesktopBridge = {
  readonly kind: 'electron';
  onCommand(listener: (command: HostCommand) => void): () => void;
} & {
  [N in RequestName]: RequestPayload<N> extends undefined ? () => Promise<Responses[N]> : (payload: RequestPayload<N>) => Promise<Responses[N]>;
};
