// Pool worker entry when Quadrant runs from its TypeScript sources (see worker-pool.ts; compiled
// code starts worker-pool-worker.js directly): registers the TypeScript loader in this thread,
// then loads the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./worker-pool-worker.ts');
