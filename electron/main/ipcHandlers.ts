// Registers one handler per request of electron/shared/ipc.ts. Before a handler runs, the sender
// must be the top frame of one of our document windows showing our own pages (see appUrl.ts), and
// the payload must match its zod schema; anything else is refused with an error and never reaches
// the file system.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { REQUESTS, type RequestName, type RequestPayload, type Responses } from '../shared/ipc';

export class IpcRefused extends Error {
  constructor(channel: string, reason: string) {
    super(`${channel}: ${reason}`);
    this.name = 'IpcRefused';
  }
}

export type Handlers<W> = { [N in RequestName]: (window: W, payload: RequestPayload<N>) => Promise<Responses[N]> | Responses[N] };

export interface SenderRules<W> {
  /** The document window whose page sent this, or null for any other web contents. */
  windowOf(event: IpcMainInvokeEvent): W | null;
  /** True for URLs of the app's own pages (the app protocol, or the dev server in development). */
  isAppUrl(url: string): boolean;
}

/** The window that may send `event`, or an IpcRefused naming why not. */
export function checkSender<W>(channel: string, event: IpcMainInvokeEvent, rules: SenderRules<W>): W {
  const frame = event.senderFrame;
  if (!frame) throw new IpcRefused(channel, 'the sending frame is gone');
  if (frame.parent !== null) throw new IpcRefused(channel, 'sent from a subframe');
  if (!rules.isAppUrl(frame.url)) throw new IpcRefused(channel, `sent from a page that is not the app's (${frame.url.slice(0, 80)})`);
  const window = rules.windowOf(event);
  if (!window) throw new IpcRefused(channel, 'sent from a window that is not a document window');
  return window;
}

export function parsePayload<N extends RequestName>(name: N, payload: unknown): RequestPayload<N> {
  const { channel, payload: schema } = REQUESTS[name];
  const parsed = (schema as z.ZodType).safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? first.path.join('.') : 'payload';
    throw new IpcRefused(channel, `invalid ${where}: ${first?.message ?? 'wrong shape'}`);
  }
  return parsed.data as RequestPayload<N>;
}

export function registerIpcHandlers<W>(ipc: Pick<IpcMain, 'handle'>, rules: SenderRules<W>, handlers: Handlers<W>): void {
  for (const name of Object.keys(REQUESTS) as RequestName[]) {
    const { channel } = REQUESTS[name];
    ipc.handle(channel, async (event, ...args: unknown[]) => {
      const window = checkSender(channel, event, rules);
      if (args.length > 1) throw new IpcRefused(channel, 'expected one payload argument');
      const payload = parsePayload(name, args[0]);
      return (handlers[name] as (w: W, p: unknown) => unknown)(window, payload);
    });
  }
}
