// Builds the renderer into dist/renderer. `base: './'` keeps asset URLs relative so the same build
// loads from Electron's app:// protocol and from any folder a test server serves it from.
// The simulation runs in module Web Workers (renderer/simClient).
// (No node:* imports: the lint boundary for renderer/ covers this file too; Vite provides
// import.meta.dirname in configs.)
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { simjsBundlePlugin } from '../sim/entry/build/simjsBundlePlugin';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  // simjs is wrapped at build time (the CSP forbids eval) for the main-thread fallback and, since
  // workers are bundled separately, again for the simulation worker.
  plugins: [react(), simjsBundlePlugin()],
  worker: { format: 'es', plugins: () => [simjsBundlePlugin()] },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173 },
});
