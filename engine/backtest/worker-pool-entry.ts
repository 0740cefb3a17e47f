/**
 * Starting a pool worker. Compiled code (dist/): worker-pool-worker.js, which imports the task's
 * module. From the TypeScript sources: worker-pool-boot.mjs, which boots at once and then runs
 * the one plain-JavaScript module that esbuild bundles meanwhile from the task's module and the
 * worker loop (once per task and process). Workers that loaded the sources through tsx's loader
 * hooks spent 0.5–1.5 s resolving and transpiling them before their first job; the bundle takes
 * about 0.1 s, while the threads boot, and needs no loader at all.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PoolTask, PoolWorkerData } from './worker-pool.ts';

/** What a worker posts once it serves its task; the pool then sends it the request. */
export const POOL_READY = 'ready';

/** A worker just started, and its code: `code` rejects when the sources could not be bundled. */
export interface StartedWorker {
  worker: Worker;
  code: Promise<void>;
}

const FROM_SOURCES = import.meta.url.endsWith('.ts');
const bundles = new Map<string, Promise<string>>();

/** Starts a worker for `task` (see above); it posts POOL_READY once it can take a request. */
export function startWorker(task: PoolTask<unknown>): StartedWorker {
  if (!FROM_SOURCES) {
    const workerData: PoolWorkerData = { module: task.module, name: task.name };
    return { worker: new Worker(new URL('./worker-pool-worker.js', import.meta.url), { workerData }), code: Promise.resolve() };
  }
  // No Node options: the bundle needs no loader (`--import tsx` would cost each worker its
  // start-up), and a worker refuses per-process ones such as `--expose-gc`.
  const worker = new Worker(new URL('./worker-pool-boot.mjs', import.meta.url), { execArgv: [] });
  const code = taskBundle(task).then((url) => worker.postMessage(url));
  code.catch(() => undefined); // the pool awaits it, unless it stopped before
  return { worker, code };
}

/** `task`'s bundle as a data: URL, made on first use. */
function taskBundle(task: PoolTask<unknown>): Promise<string> {
  const key = `${task.module}#${task.name}`;
  let url = bundles.get(key);
  if (!url) {
    url = bundleWorker(task);
    bundles.set(key, url);
    url.catch(() => bundles.delete(key));
  }
  return url;
}

/** The worker loop serving `task`, with its module, as one ES module. */
async function bundleWorker(task: PoolTask<unknown>): Promise<string> {
  // esbuild comes with tsx, which running the sources needs anyway; compiled code never loads it.
  const { build } = await import('esbuild');
  const serve = fileURLToPath(new URL('./worker-pool-serve.ts', import.meta.url));
  const contents = [
    `import { servePoolTask } from ${JSON.stringify(serve)};`,
    `import * as module from ${JSON.stringify(fileURLToPath(task.module))};`,
    `servePoolTask(module[${JSON.stringify(task.name)}], ${JSON.stringify(`${task.module} exports no pool task "${task.name}"`)});`,
  ].join('\n');
  const out = await build({
    stdin: { contents, loader: 'ts', resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // The worker never bundles (this module comes along for startWorker's sake).
    external: ['esbuild'],
  });
  return `data:text/javascript,${encodeURIComponent(out.outputFiles[0].text)}`;
}
