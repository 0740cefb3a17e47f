// Worker entry: registers the TypeScript loader in this thread (unless the parent process
// already passed it on with --import tsx), then loads the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./jobs-worker.ts');
