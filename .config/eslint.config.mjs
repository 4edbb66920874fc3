// Lint rules, including the architecture's import boundaries (DESIGN.md §2):
// sim/ is headless and imports nothing from renderer/, electron/, React, zustand, d3 or the DOM;
// only sim/entry/* may touch Node or the worker global. renderer/ never imports Electron or Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const UI_AND_HOST_PACKAGES = ['react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'zustand/*', 'electron', 'd3', 'd3-*', '@xyflow/*'];

/** The renderer never imports Electron or Node, nor the CLI's entry points; `hostFolders` are the parts of electron/ it may not import. */
function rendererImportRules(hostFolders) {
  return [
    { regex: '^(electron|node:.+|fs|path|os)(/.*)?$', message: 'The renderer reaches the host only through renderer/platform and the preload bridge.' },
    { group: hostFolders, message: 'Only renderer/platform talks to the host, and only through electron/shared.' },
    { group: ['**/sim/entry/cli/**', '**/sim/entry/bench/**', '**/sim/entry/pools/*Node*', '**/sim/entry/pools/runReplicationsParallel*', '**/sim/entry/pools/simulationWorker*'], message: 'The renderer uses the browser worker, not the Node entry points.' },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', '**/*.generated.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use a seeded stream from sim/engine/random.' }],
    },
  },
  {
    files: ['sim/**/*.ts'],
    ignores: ['sim/entry/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [],
        patterns: [
          { group: UI_AND_HOST_PACKAGES, message: 'sim/ is headless: no UI, Electron or charting packages.' },
          { group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'vm', 'child_process'], message: 'Only sim/entry/* may use Node modules.' },
          { group: ['**/renderer/**', '**/electron/**', '**/entry/**'], message: 'sim/ never imports renderer/, electron/ or its own entry points.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'self', 'process', 'localStorage', 'performance'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Inject the clock; sim/ never reads the wall clock.' }],
    },
  },
  {
    files: ['sim/entry/**/*.ts', 'sim/entry/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.worker } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: UI_AND_HOST_PACKAGES, message: 'sim/ is headless.' },
        { group: ['**/renderer/**', '**/electron/**'], message: 'sim/ never imports renderer/ or electron/.' },
      ] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: rendererImportRules(['**/electron/**']) }] },
  },
  {
    // Only renderer/platform knows the desktop host: it may use the shared IPC module (channel names, types).
    files: ['renderer/platform/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: rendererImportRules(['**/electron/main/**', '**/electron/preload/**']) }] },
  },
  {
    files: ['electron/**/*.{ts,mjs}', 'sim/entry/**/*.mjs', 'test/**/*.{ts,tsx,mjs}', '.config/**/*.mjs', '**/*.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // CommonJS where a tool requires it (electron-builder's config, the scanner's runner).
    files: ['electron/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
