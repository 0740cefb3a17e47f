/**
 * The benchmark contract: each `bench/*.bench.ts` file default-exports a list of benchmarks.
 * `run` returns the measured figure (already reduced, e.g. the median of several timings);
 * `baseline`, when given, is a figure measured the same way for comparison (a bare loop).
 */
export interface Benchmark {
  name: string;
  unit: 'ms' | 's' | 'MB' | 'x';
  /** The figure must stay at or below this. */
  target: number;
  run: () => Promise<BenchFigure> | BenchFigure;
}

export interface BenchFigure {
  value: number;
  /** Extra figures printed beside the value, e.g. the bare loop's time. */
  context?: Record<string, number | string>;
}

/** medianMs for a synchronous fn, with no await inside the timed span (as the floor times itself). */
export function medianMsSync(fn: () => unknown, repeats = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Median wall time in ms of `fn` over `repeats` runs after `warmup` untimed runs. */
export async function medianMs(fn: () => unknown, repeats = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
