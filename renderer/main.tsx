/**
 * Renderer entry: one store per window. With `?test` in the URL the store is exposed as
 * `window.__editor` so end-to-end tests can wait for state instead of sleeping; nothing else reads it.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './app/styles.css';
import './inspector/inspector.css';
import './theme/theme.css';
import { App } from './app/App';
import { createEditorStore, type EditorStore } from './store/createEditorStore';

declare global {
  interface Window {
    __editor?: EditorStore;
  }
}

const store = createEditorStore();
if (new URLSearchParams(window.location.search).has('test')) window.__editor = store;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
