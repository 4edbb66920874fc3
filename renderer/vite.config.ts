// Builds the renderer into dist/renderer. `base: './'` keeps asset URLs relative so the same build
// loads from file:// inside Electron and from any folder a test server serves it from.
// (No node:* imports: the lint boundary for renderer/ covers this file too; Vite provides
// import.meta.dirname in configs.)
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173 },
});
