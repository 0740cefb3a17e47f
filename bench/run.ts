/**
 * `npm run bench [-- NAME-FILTER]`: runs every bench/*.bench.ts, prints each figure against its
 * target, and writes bench-results.json (name, value, unit, target, pass) for tools that track
 * regressions; a filtered run replaces only the figures it ran. Each file runs in a process of
 * its own (this script with `--file`), so no figure inherits another file's heap, JIT state or
 * threads, as a user's command never does. Benchmarks report; they do not fail the process
 * when a target is missed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './harness.ts';

type Result = Record<string, unknown> & { name: string };
const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);

if (args[0] === '--file') await runFile(args[1], args[2], args[3] ?? '');
else runAll(args[0] ?? '');

/** Parent: one child process per bench file, then bench-results.json. */
function runAll(filter: string): void {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-bench-results-'));
  const results: Result[] = [];
  try {
    for (const file of files) {
      const part = join(dir, `${file}.json`);
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--file', file, part, filter], { stdio: 'inherit' });
      if (child.status !== 0) console.log(`FAIL ${file} stopped (exit ${child.status ?? child.signal}); its figures are missing`);
      if (existsSync(part)) results.push(...(JSON.parse(readFileSync(part, 'utf8')) as Result[]));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const out = join(here, '..', 'bench-results.json');
  // A filtered run keeps the figures it did not run from the last results.
  const kept =
    filter && existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')).results as Result[]).filter((r) => !results.some((n) => n.name === r.name)) : [];
  writeFileSync(`${out}.tmp`, `${JSON.stringify({ node: process.version, when: new Date().toISOString(), results: [...kept, ...results] }, null, 2)}\n`);
  renameSync(`${out}.tmp`, out);
  console.log(`wrote ${out}`);
}

/** Child: the figures of one file whose names contain the filter, written to `part`. */
async function runFile(file: string, part: string, filter: string): Promise<void> {
  const mod = (await import(join(here, file))) as { default: Benchmark[] };
  const results: Result[] = [];
  for (const bench of mod.default) {
    if (filter && !bench.name.includes(filter)) continue;
    const figure = await bench.run();
    const pass = figure.value <= bench.target;
    const extra = figure.context
      ? `  ${Object.entries(figure.context)
          .map(([k, v]) => `${k}=${typeof v === 'number' ? round(v) : v}`)
          .join(' ')}`
      : '';
    console.log(
      `${pass ? 'ok  ' : 'SLOW'} ${bench.name.padEnd(52)} ${String(round(figure.value)).padStart(10)} ${bench.unit.padEnd(3)} target <= ${bench.target} ${bench.unit}${extra}`,
    );
    results.push({ name: bench.name, value: figure.value, unit: bench.unit, target: bench.target, pass, ...(figure.context ?? {}) });
  }
  writeFileSync(part, JSON.stringify(results));
  // Worker pools or timers a benchmark left behind must not keep the child alive.
  process.exit(0);
}

function round(x: number): number {
  return Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 1000) / 1000;
}
