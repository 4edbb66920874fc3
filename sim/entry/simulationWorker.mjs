// Bootstrap for the worker thread: module hooks are per thread, so tsx is registered here before
// the TypeScript worker is imported (a fresh clone runs without a build step).
import { register } from 'tsx/esm/api';

register();
await import('./simulationWorker.ts');
