// In browser builds simjsBundlePlugin turns the simjs bundle into an ES module whose default export
// is the `window.Sim` namespace.
declare module 'simjs' {
  import type { SimjsNamespace } from '../../engine/simjs';

  const Sim: SimjsNamespace;
  export default Sim;
}
