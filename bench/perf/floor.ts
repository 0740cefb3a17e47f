/**
 * Runs the floor scripts of `../shared/perf` (the bare Float64Array loops that bound the
 * workload) in child processes and reads their `RESULT {json}` line and final equities.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeOn } from './pin.ts';
import { PERF_DIR } from './workload.ts';

export interface FloorResult {
  /** Median seconds (of a single backtest, or of the whole sweep). */
  median: number;
  /** Final equities the floor wrote (sweeps), or its one final equity (single). */
  finals: number[];
}

/** `node floor.mjs ARGS` (or floor-workers.mjs), with PERF_TABLES when given, on `cpu` when given (see pin.ts). */
export function runFloor(script: 'floor.mjs' | 'floor-workers.mjs', args: string[], tables?: string, cpu?: number): FloorResult {
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-floor-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, PERF_RESULTS: dir };
    if (tables) env.PERF_TABLES = join(PERF_DIR, 'data', tables);
    const [program, argv] = nodeOn(cpu, [join(PERF_DIR, script), ...args]);
    const out = execFileSync(program, argv, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
    const line = out.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`${script} printed no RESULT line`);
    const result = JSON.parse(line.slice(7)) as { mode: string; peer: string; times: { median: number }; final_equity?: number };
    let finals: number[] = [];
    if (result.final_equity !== undefined) finals = [result.final_equity];
    else {
      const file = script === 'floor.mjs' ? 'node_sweep_finals.txt' : `${result.peer}_sweep_finals.txt`;
      finals = readFileSync(join(dir, file), 'utf8').trim().split('\n').map(Number);
    }
    return { median: result.times.median, finals };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Largest relative difference between Quadrant's final equities and the floor's. */
export function worstRelativeGap(quadrant: readonly number[], floor: readonly number[]): number {
  if (quadrant.length !== floor.length) throw new Error(`${quadrant.length} final equities against the floor's ${floor.length}`);
  let worst = 0;
  for (let i = 0; i < floor.length; i++) worst = Math.max(worst, Math.abs(quadrant[i] - floor[i]) / Math.abs(floor[i]));
  return worst;
}
