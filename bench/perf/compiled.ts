/**
 * Runs a bench child as compiled JavaScript under plain `node`, the way the floor runs and the
 * way the installed package runs (dist/), instead of through the tsx loader: on this workload
 * the replay under tsx measured about 25% slower than the same code compiled (0.19 against
 * 0.15 ms), a cost of the development loader, not of Quadrant. The child is bundled once per
 * bench process with esbuild (a dev dependency) into a temporary file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';
import { nodeOn } from './pin.ts';
import { PERF_DIR } from './workload.ts';

const bundles = new Map<string, string>();
let dir: string | undefined;

function bundle(entry: string): string {
  let out = bundles.get(entry);
  if (out) return out;
  dir ??= mkdtempSync(join(tmpdir(), 'quadrant-bench-'));
  out = join(dir, basename(entry).replace(/\.ts$/, '.mjs'));
  buildSync({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['danfojs-node'],
    logLevel: 'error',
  });
  bundles.set(entry, out);
  return out;
}

/** `node <entry bundled> ARGS` (on `cpu`, when given: see pin.ts): its stdout parsed as one JSON value. */
export function runCompiled<T>(entry: string, args: string[], cpu?: number): T {
  const [program, argv] = nodeOn(cpu, [bundle(entry), ...args]);
  const out = execFileSync(program, argv, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // The bundle lives in a temporary folder: tell it where the workload is.
    env: { ...process.env, TZ: 'UTC', PERF_DIR },
  });
  return JSON.parse(out) as T;
}
