// A Vite (rolldown) plugin for browser builds: turns simjs's browserify bundle, which only assigns
// `window.Sim`, into an ES module with a default export, by wrapping it with a local `window` at
// build time. Nothing is evaluated at run time, so the app's CSP can forbid eval. Use it in both
// `plugins` and `worker.plugins` (workers are bundled separately).
import type { Plugin } from 'vite';

const SIMJS_BUNDLE = /[\\/]node_modules[\\/]simjs[\\/]sim\.js(?:\?.*)?$/;

export function simjsBundlePlugin(): Plugin {
  return {
    name: 'resilience:simjs-local-window',
    enforce: 'pre',
    transform(code, id) {
      if (!SIMJS_BUNDLE.test(id)) return null;
      // The bundle's inline source map describes the unwrapped file; drop it rather than mislead.
      const body = code.replace(/^\/\/# sourceMappingURL=.*$/m, '');
      return {
        code: `const simjsWindow = {};\n(function (window) {\n${body}\n}).call(undefined, simjsWindow);\nexport default simjsWindow.Sim;\n`,
        map: null,
      };
    },
  };
}
