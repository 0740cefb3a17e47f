// Pool worker entry (see worker-pool.ts): registers the TypeScript loader in this thread (unless
// the parent process already passed it on with --import tsx), then loads the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./worker-pool-worker.ts');
