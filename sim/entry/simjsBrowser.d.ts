// In browser builds simjsBundlePlugin turns the simjs bundle into an ES module whose default export
// is the `window.Sim` namespace.
declare module 'simjs' {
  const Sim: import('../engine/simjs').SimjsNamespace;
  export default Sim;
}
