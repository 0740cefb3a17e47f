// A pool worker started from the TypeScript sources (see worker-pool-entry.ts): it boots while
// the pool bundles its code, then runs the bundle it is sent, which serves the task.
import { parentPort } from 'node:worker_threads';

parentPort.once('message', (url) => import(url));
