/** One editor window: toolbar, palette, canvas, side panel and status bar around one store. */
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../canvas/Palette';
import { Toast } from '../components/Toast';
import { EditorStoreProvider } from '../store/EditorStoreContext';
import type { EditorStore } from '../store/createEditorStore';
import { SidePanel } from './SidePanel';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useShortcuts } from './useShortcuts';

function Shortcuts() {
  useShortcuts();
  return null;
}

export function App({ store }: { store: EditorStore }) {
  return (
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <Shortcuts />
        <div className="app">
          <Toolbar />
          <div className="workspace">
            <Palette />
            <Canvas />
            <SidePanel />
          </div>
          <StatusBar />
        </div>
        <Toast />
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}
