/**
 * Start-up of the compiled package, as a user pays it: whole-process wall time of `quadrant
 * --help` and of `quadrant regimes --format csv --out FILE` on the real snapshot, each as a ratio
 * to `node -e ''` timed alternately in the same run (so machine load cancels out), and how long a
 * sweep worker takes from `new Worker` until it has loaded the sweep task and answers.
 * The first benchmark builds dist/ (`npm run build`) so the figures are of the current code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BenchFigure, Benchmark } from './harness.ts';
import { SNAPSHOT_DIR } from './snapshot.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'quadrant.mjs');
const REPEATS = 7;

let built = false;
function ensureBuild(): void {
  if (built) return;
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

function wallMs(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  execFileSync(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall time of `quadrant ARGS` (compiled) over the median of `node -e ''`, timed alternately. */
function ratioToBareNode(args: string[]): BenchFigure {
  ensureBuild();
  const env = { ...process.env, QUADRANT_COMPILED: '1', TZ: 'UTC' };
  wallMs([BIN, ...args], env); // warm the file cache
  const bare: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    bare.push(wallMs(['-e', ''], env));
    cli.push(wallMs([BIN, ...args], env));
  }
  return { value: median(cli) / median(bare), context: { quadrant_ms: median(cli), node_ms: median(bare) } };
}

/** Time from `new Worker` to its first reply: the worker has booted and imported the sweep task's module graph. */
function workerReplyMs(entry: URL, workerData: unknown, eval_ = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const worker = new Worker(
      eval_ ? "require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m))" : entry,
      { workerData, eval: eval_ },
    );
    worker.once('message', (msg: { ok: boolean; error?: string }) => {
      const ms = performance.now() - t0;
      void worker.terminate();
      // An empty request makes the runner fail after the task loaded; a missing task would not count.
      if (msg.error?.includes('exports no pool task')) reject(new Error(msg.error));
      else resolve(ms);
    });
    worker.once('error', reject);
    worker.postMessage({ shared: {}, counters: new Int32Array(new SharedArrayBuffer(8)), chunk: 1, to: 0 });
  });
}

async function sweepWorkerStart(): Promise<BenchFigure> {
  ensureBuild();
  const dist = join(ROOT, 'dist', 'engine', 'backtest');
  const entry = pathToFileURL(join(dist, 'worker-pool-worker.js'));
  const data = { module: pathToFileURL(join(dist, 'sweep-core.js')).href, name: 'SWEEP_TASK' };
  await workerReplyMs(entry, data); // warm the file cache
  const times: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    bare.push(await workerReplyMs(entry, null, true));
    times.push(await workerReplyMs(entry, data));
  }
  return { value: median(times) / 1000, context: { bare_worker_ms: median(bare) } };
}

const out = mkdtempSync(join(tmpdir(), 'quadrant-bench-'));
process.once('exit', () => rmSync(out, { recursive: true, force: true }));

const benchmarks: Benchmark[] = [
  { name: 'startup: quadrant --help / node -e ""', unit: 'x', target: 3, run: () => ratioToBareNode(['--help']) },
  {
    name: 'startup: quadrant regimes --format csv --out / node -e ""',
    unit: 'x',
    target: 6,
    run: () => ratioToBareNode(['regimes', '--data', SNAPSHOT_DIR, '--format', 'csv', '--out', join(out, 'regimes.csv'), '--quiet']),
  },
  { name: 'startup: sweep worker, new Worker to task loaded', unit: 's', target: 0.3, run: sweepWorkerStart },
];

export default benchmarks;
