// esbuild options for the desktop shell (see build.mjs). The preload runs sandboxed, where
// require() offers only a few built-in modules: it must be one CommonJS file with everything but
// `electron` inlined, built for the browser platform so no Node built-in can slip in. Main is
// bundled the same way (for Node), so the packaged app needs no node_modules.
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export function shellBuilds(outdir) {
  const common = { bundle: true, format: 'cjs', external: ['electron'], outExtension: { '.js': '.cjs' }, outdir, logLevel: 'warning', legalComments: 'none' };
  return [
    { ...common, entryPoints: { main: here('main/main.ts') }, platform: 'node', target: 'node22' },
    { ...common, entryPoints: { preload: here('preload/preload.ts') }, platform: 'browser', target: 'chrome130' },
  ];
}
