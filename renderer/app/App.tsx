/** One editor window: toolbar, palette, canvas (with strategy badges), inspector, results dock and status bar around one store. */
import { useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { ResultsDock } from '../results/ResultsDock';
import { Palette } from '../canvas/Palette';
import { Toast } from '../components/Toast';
import { RecoveryBanner } from '../files/RecoveryBanner';
import { createUiStore, UiStoreContext } from '../shell/uiStore';
import { WindowShell } from '../shell/WindowShell';
import { EditorStoreProvider } from '../store/EditorStoreContext';
import { StrategyBadges } from '../strategies/StrategyBadges';
import type { EditorStore } from '../store/createEditorStore';
import { AppErrorBoundary } from './AppErrorBoundary';
import { SidePanel } from './SidePanel';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useShortcuts } from './useShortcuts';

function Shortcuts() {
  useShortcuts();
  return null;
}

export function App({ store }: { store: EditorStore }) {
  const [ui] = useState(createUiStore);
  return (
    <AppErrorBoundary>
      <EditorStoreProvider store={store}>
        <UiStoreContext.Provider value={ui}>
          <ReactFlowProvider>
            <Shortcuts />
            <WindowShell />
            <div className="app">
              <Toolbar />
              <div className="workspace">
                <Palette />
                <div className="canvas-area">
                  <Canvas />
                  <StrategyBadges />
                  <RecoveryBanner />
                </div>
                <SidePanel />
              </div>
              <ResultsDock />
              <StatusBar />
            </div>
            <Toast />
          </ReactFlowProvider>
        </UiStoreContext.Provider>
      </EditorStoreProvider>
    </AppErrorBoundary>
  );
}
