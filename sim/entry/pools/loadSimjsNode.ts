/**
 * Loads the simjs bundle in Node (CLI, worker threads, tests) and installs it in the engine.
 * simjs only assigns `window.Sim`, so its source runs inside `(function (window) { … })` in this
 * realm (runInNewContext would break its `instanceof Function` checks). Node-only: lives in sim/entry.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import { installSimjs, type SimjsNamespace } from '../../engine/simjs';

let loaded: SimjsNamespace | undefined;

export function loadSimjsNode(): SimjsNamespace {
  if (loaded) return loaded;
  const file = createRequire(import.meta.url).resolve('simjs');
  const source = readFileSync(file, 'utf8');
  const wrapped = runInThisContext(`(function (window) {\n${source}\n})`, { filename: file }) as (w: { Sim?: SimjsNamespace }) => void;
  const localWindow: { Sim?: SimjsNamespace } = {};
  wrapped(localWindow);
  if (!localWindow.Sim) throw new Error(`simjs did not define window.Sim (loaded from ${file})`);
  loaded = localWindow.Sim;
  installSimjs(loaded);
  return loaded;
}
