// The preload bridge: exposes a small, typed, read-only API to the page; never ipcRenderer itself.
import { contextBridge } from 'electron';
import type { DesktopBridge } from '../shared/ipc';

const bridge: DesktopBridge = {
  kind: 'electron',
  versions: {
    app: process.env.npm_package_version ?? '',
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
  },
};

contextBridge.exposeInMainWorld('resilienceDesktop', bridge);
