/**
 * One CPU for both sides of a round. On this kind of shared machine one CPU can run
 * memory-bound code up to twice as slowly as the other for minutes at a time while a
 * compute-only loop runs alike on both (measured with `taskset`): a round whose floor and
 * Quadrant processes landed on different CPUs compared the CPUs, not the programs. Rounds pin
 * both of their processes to one CPU (`taskset -c`), rotating over the CPUs; without taskset
 * they run where the scheduler puts them.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

let canPin: boolean | undefined;

/** The CPU round r runs on, or undefined when rounds cannot be pinned. */
export function roundCpu(round: number): number | undefined {
  canPin ??= spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  return canPin ? round % availableParallelism() : undefined;
}

/** The program and arguments that run `node ARGS`, pinned to `cpu` when one is given. */
export function nodeOn(cpu: number | undefined, args: string[]): [string, string[]] {
  return cpu === undefined ? [process.execPath, args] : ['taskset', ['-c', String(cpu), process.execPath, ...args]];
}
