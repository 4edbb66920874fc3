// Builds the main process and the preload script into dist/electron as CommonJS (a sandboxed
// preload must be CommonJS); the renderer is built by renderer/vite.config.ts into dist/renderer.
import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  build: {
    outDir: here('../dist/electron'),
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    rollupOptions: {
      input: { main: here('main/main.ts'), preload: here('preload/preload.ts') },
      external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
});
