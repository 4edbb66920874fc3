// The preload bridge (sandboxed: bundled into one CommonJS file by electron/build.mjs). It exposes
// one method per request of electron/shared/ipc.ts and a command listener — never ipcRenderer
// itself, so the page can send nothing but these messages.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, CHANNELS, COMMAND_CHANNEL } from '../shared/channels';
import type { DesktopBridge, HostCommand } from '../shared/ipc';

const methods = Object.fromEntries(
  Object.entries(CHANNELS).map(([name, channel]) => [name, (payload?: unknown) => ipcRenderer.invoke(channel, payload)]),
);

const bridge = {
  kind: 'electron',
  ...methods,
  onCommand(listener: (command: HostCommand) => void): () => void {
    const forward = (_event: IpcRendererEvent, command: HostCommand) => listener(command);
    ipcRenderer.on(COMMAND_CHANNEL, forward);
    void ipcRenderer.invoke(CHANNELS.commandsReady);
    return () => ipcRenderer.removeListener(COMMAND_CHANNEL, forward);
  },
} as DesktopBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
