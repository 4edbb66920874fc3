// The typed bridge between the renderer and the main process: one named method per message.
// Types only: the renderer imports this file with `import type`, never Electron itself.

/** What the preload script exposes on `window.resilienceDesktop`. */
export interface DesktopBridge {
  readonly kind: 'electron';
  /** Versions of the shell, for the About box and bug reports. */
  readonly versions: { app: string; electron: string; chrome: string; node: string };
}

/** IPC channel names, kebab-case, one per message. */
export const IPC_CHANNELS = {
  appInfo: 'app-info',
} as const;

export interface AppInfo {
  app: string;
  electron: string;
  chrome: string;
  node: string;
}
