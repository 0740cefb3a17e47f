/**
 * What a pool worker runs. Compiled code (dist/): worker-pool-worker.js, which imports the
 * task's module. From the TypeScript sources: one plain-JavaScript module that esbuild bundles
 * from the task's module and the worker loop, made once per task and process: workers that
 * loaded the sources through tsx's loader hooks spent 0.5–1.5 s resolving and transpiling them
 * before their first job; the bundle takes about 0.1 s, once, and needs no loader at all.
 */
import { fileURLToPath } from 'node:url';
import type { PoolTask, PoolWorkerData } from './worker-pool.ts';

/** How to start a pool worker: its script and the Node options it runs with. */
export interface WorkerEntry {
  url: URL;
  workerData: PoolWorkerData;
  /** Undefined: the parent's. */
  execArgv?: string[];
}

const FROM_SOURCES = import.meta.url.endsWith('.ts');
const bundles = new Map<string, Promise<URL>>();

/** The entry of `task`'s workers (bundled on first use from the sources; see above). */
export async function workerEntry(task: PoolTask<unknown>): Promise<WorkerEntry> {
  const workerData: PoolWorkerData = { module: task.module, name: task.name };
  if (!FROM_SOURCES) return { url: new URL('./worker-pool-worker.js', import.meta.url), workerData };
  const key = `${task.module}#${task.name}`;
  let url = bundles.get(key);
  if (!url) {
    url = bundleWorker(task);
    bundles.set(key, url);
    url.catch(() => bundles.delete(key));
  }
  return { url: await url, workerData, execArgv: withoutLoaders(process.execArgv) };
}

/** The worker loop and `task`'s module in one ES module, as a data: URL. */
async function bundleWorker(task: PoolTask<unknown>): Promise<URL> {
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
  });
  return new URL(`data:text/javascript,${encodeURIComponent(out.outputFiles[0].text)}`);
}

/** Node options without module loaders (`--import tsx` and the like): the bundle needs none, and loading one costs each worker. */
function withoutLoaders(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (/^(--import|--require|-r|--loader|--experimental-loader)$/.test(a)) i++;
    else if (!/^(--import|--require|--loader|--experimental-loader)=/.test(a)) out.push(a);
  }
  return out;
}
