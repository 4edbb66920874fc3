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
import { PALETTE_RANGE, usePanelLayout } from './panelLayout';
import { PanelEdge } from './PanelEdge';

function Shortcuts() {
  useShortcuts();
  return null;
}

export function App({ store }: { store: EditorStore }) {
  const [ui] = useState(createUiStore);
  const panels = usePanelLayout();
  const { layout, widths, update } = panels;
  return (
    <AppErrorBoundary>
      <EditorStoreProvider store={store}>
        <UiStoreContext.Provider value={ui}>
          <ReactFlowProvider>
            <Shortcuts />
            <WindowShell />
            <div className="app">
              <Toolbar />
              <div
                className={`workspace${layout.paletteCompact ? ' palette-compact' : ''}`}
                style={{ gridTemplateColumns: `${widths.palette}px minmax(0, 1fr) ${widths.inspector}px` }}
              >
                <div className="palette-frame">
                  <Palette />
                  <button
                    type="button"
                    className="panel-fold panel-fold-corner"
                    data-testid="palette-toggle"
                    aria-expanded={!layout.paletteCompact}
                    aria-label={layout.paletteCompact ? 'Show palette labels' : 'Show palette as icons only'}
                    title={layout.paletteCompact ? 'Show palette labels' : 'Show palette as icons only'}
                    onClick={() => update({ paletteCompact: !layout.paletteCompact })}
                  >
                    <span aria-hidden="true">{layout.paletteCompact ? '›' : '‹'}</span>
                  </button>
                  {!layout.paletteCompact && (
                    <PanelEdge side="left" label="Palette width" testId="palette-resize" width={widths.palette} min={PALETTE_RANGE.min} max={PALETTE_RANGE.max} onResize={(w) => update({ paletteWidth: w })} />
                  )}
                </div>
                <div className="canvas-area">
                  <Canvas />
                  <StrategyBadges />
                  <RecoveryBanner />
                </div>
                <SidePanel layout={layout} width={widths.inspector} update={update} />
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
