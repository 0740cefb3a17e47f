import { POOL_READY, startWorker, type StartedWorker } from './worker-pool-entry.ts';

/**
 * A kind of job the pool runs. The same object serves both sides: in this thread the pool calls
 * `createRunner` directly; a worker imports `module` and takes its export `name`, which must be
 * this object, so both sides always run the same code.
 *
 * @typeParam S - the data every runner reads (typed arrays, shared when workers read it).
 */
export interface PoolTask<S> {
  /** Names the task in errors: "`label` worker 1: …". */
  label: string;
  /** URL of the module that exports this task (its `import.meta.url`). */
  module: string;
  /** The name of that export. */
  name: string;
  /**
   * Makes one thread's runner over the shared data (buffers and caches made once); `run(i)` does
   * job i and writes its figures at i's own place in shared memory, so they do not depend on
   * which thread ran it.
   */
  createRunner(shared: S): (index: number) => void;
}

/** How much one thread ran: jobs done and the time spent (from making its runner to the last job). */
export interface PoolThreadTiming {
  jobs: number;
  ms: number;
}

/** How {@link runPool} hands out the jobs. */
export interface PoolOptions<S> {
  /** Worker threads; 0 runs every job in this thread. Capped at `jobs`. */
  workers: number;
  /** Jobs 0 … jobs − 1. */
  jobs: number;
  /**
   * Chunk sizes, guided: each claim takes ⌈jobs left / (workers × perWorker)⌉ jobs, clamped to
   * [1, max], so claims shrink as the jobs run out and the workers finish together.
   */
  chunk: { max: number; perWorker: number };
  /**
   * Builds the data the runners read, called once the workers are starting (they load their
   * code meanwhile). `share` is true when workers will read it: put its arrays in shared memory
   * (see {@link poolArray}, {@link poolCopy}) so that nothing is copied per worker.
   */
  prepare: (share: boolean) => S;
  /** Called about every 100 ms with the jobs finished so far, and once at the end. */
  onProgress?: (done: number, total: number) => void;
}

/** What {@link runPool} returns. */
export interface PoolRun<S> {
  /** The data `prepare` built, with the runners' figures written into it. */
  shared: S;
  /** Worker threads used (0: in this thread). */
  workers: number;
  /** Per thread (one entry when in-process): jobs run and time spent. */
  perThread: PoolThreadTiming[];
}

/** What a worker is started with (`workerData`). */
export interface PoolWorkerData {
  module: string;
  name: string;
}

/** The one message a worker receives. */
export interface PoolRequest<S> {
  shared: S;
  counters: Int32Array;
  chunk: PoolChunks;
  to: number;
}

/** How a thread sizes its claims (see PoolOptions.chunk): ⌈left / spread⌉, clamped to [1, max]. */
export interface PoolChunks {
  max: number;
  spread: number;
}

/** The one message a worker sends back. */
export type PoolReply = ({ ok: true } & PoolThreadTiming) | { ok: false; error: string };

/** counters[NEXT]: the first job not yet claimed; counters[DONE]: jobs finished. */
const NEXT = 0;
const DONE = 1;

/** A typed-array constructor (Float64Array, Int32Array, Uint8Array, …). */
export interface TypedArrayConstructor<T> {
  new (buffer: ArrayBufferLike): T;
  BYTES_PER_ELEMENT: number;
}

/**
 * A zeroed typed array of `length` elements, over a SharedArrayBuffer when `share` (workers read
 * and write it in place), else over an ordinary ArrayBuffer.
 */
export function poolArray<T extends Float64Array | Int32Array | Uint8Array>(Ctor: TypedArrayConstructor<T>, length: number, share: boolean): T {
  const bytes = Math.max(1, length) * Ctor.BYTES_PER_ELEMENT;
  return new Ctor(share ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes)).subarray(0, length) as T;
}

/** `src` copied into shared memory when `share`, else `src` itself (read-only to the runners). */
export function poolCopy<T extends Float64Array | Int32Array | Uint8Array>(Ctor: TypedArrayConstructor<T>, src: T, share: boolean): T {
  if (!share) return src;
  const out = poolArray(Ctor, src.length, true);
  out.set(src);
  return out;
}

/**
 * The chunk loop every thread runs: claims chunks of jobs (sized by `chunk`) from `counters[0]`
 * with `Atomics.compareExchange` until `to` is reached (so a thread that starts late or runs
 * slow takes fewer), counts each finished job in `counters[1]`, and calls `tick` after each job.
 */
export function runClaimedChunks<S>(task: PoolTask<S>, shared: S, counters: Int32Array, chunk: PoolChunks, to: number, tick?: () => void): PoolThreadTiming {
  const t0 = performance.now();
  const run = task.createRunner(shared);
  let jobs = 0;
  for (;;) {
    const from = Atomics.load(counters, NEXT);
    if (from >= to) break;
    const last = Math.min(to, from + Math.max(1, Math.min(chunk.max, Math.ceil((to - from) / chunk.spread))));
    if (Atomics.compareExchange(counters, NEXT, from, last) !== from) continue; // another thread claimed first
    for (let i = from; i < last; i++) {
      run(i);
      Atomics.add(counters, DONE, 1);
      tick?.();
    }
    jobs += last - from;
  }
  return { jobs, ms: performance.now() - t0 };
}

/**
 * Runs jobs 0 … `jobs` − 1 of `task`: in this thread when `workers` is 0, else on that many
 * `worker_threads` (each runs the task's module, see startWorker) that share the data through
 * SharedArrayBuffers and claim chunks of jobs from one shared counter. The workers are started
 * before `prepare` runs and are terminated however the run ends.
 *
 * @throws whatever `prepare` throws; an Error naming the task and worker if a worker fails.
 */
export async function runPool<S>(task: PoolTask<S>, options: PoolOptions<S>): Promise<PoolRun<S>> {
  const total = options.jobs;
  const threads = Array.from({ length: Math.max(0, Math.min(options.workers, total)) }, () => startWorker(task as PoolTask<unknown>));
  const workers = threads.length;
  try {
    // Synchronous from here to runOn, so that no worker message arrives before its listener.
    const shared = options.prepare(workers > 0);
    const counters = poolArray(Int32Array, 2, workers > 0);
    const { onProgress } = options;
    const report = () => onProgress?.(Atomics.load(counters, DONE), total);
    let perThread: PoolThreadTiming[];
    if (workers === 0) {
      let last = performance.now();
      const tick = onProgress
        ? () => {
            if (performance.now() - last > 100) {
              report();
              last = performance.now();
            }
          }
        : undefined;
      perThread = [runClaimedChunks(task, shared, counters, { max: Math.max(1, total), spread: 1 }, total, tick)];
    } else {
      const chunk: PoolChunks = { max: options.chunk.max, spread: workers * options.chunk.perWorker };
      const request: PoolRequest<S> = { shared, counters, chunk, to: total };
      const timer = onProgress ? setInterval(report, 100) : undefined;
      try {
        perThread = await Promise.all(threads.map((worker, w) => runOn(worker, request, `${task.label} worker ${w}`)));
      } finally {
        if (timer) clearInterval(timer);
      }
    }
    report();
    return { shared, workers, perThread };
  } finally {
    for (const t of threads) void t.worker.terminate();
  }
}

/** Sends a worker its request once it is ready; resolves with its timing once it has run out of chunks. */
function runOn<S>({ worker, code }: StartedWorker, request: PoolRequest<S>, name: string): Promise<PoolThreadTiming> {
  return new Promise((resolve, reject) => {
    worker.on('message', (msg: PoolReply | typeof POOL_READY) => {
      if (msg === POOL_READY) return worker.postMessage(request);
      void worker.terminate();
      if (msg.ok) resolve({ jobs: msg.jobs, ms: msg.ms });
      else reject(new Error(`${name}: ${msg.error}`));
    });
    worker.once('error', reject);
    // After a reply this is a no-op; before one, a worker that exits would leave the run waiting.
    worker.once('exit', (exitCode) => reject(new Error(`${name} exited (code ${exitCode}) before replying`)));
    code.catch(reject);
  });
}
