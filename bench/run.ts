/**
 * `npm run bench [-- NAME-FILTER]`: runs every bench/*.bench.ts, prints each figure against its
 * target, and writes bench-results.json (name, value, unit, target, pass) for tools that track
 * regressions. Benchmarks report; they do not fail the process when a target is missed.
 */
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './harness.ts';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const results: Array<Record<string, unknown>> = [];

for (const file of files) {
  const mod = (await import(join(here, file))) as { default: Benchmark[] };
  for (const bench of mod.default) {
    if (filter && !bench.name.includes(filter)) continue;
    const figure = await bench.run();
    const pass = figure.value <= bench.target;
    const extra = figure.context
      ? '  ' +
        Object.entries(figure.context)
          .map(([k, v]) => `${k}=${typeof v === 'number' ? round(v) : v}`)
          .join(' ')
      : '';
    console.log(
      `${pass ? 'ok  ' : 'SLOW'} ${bench.name.padEnd(52)} ${String(round(figure.value)).padStart(10)} ${bench.unit.padEnd(3)} target <= ${bench.target} ${bench.unit}${extra}`,
    );
    results.push({ name: bench.name, value: figure.value, unit: bench.unit, target: bench.target, pass, ...(figure.context ?? {}) });
  }
}

const out = join(here, '..', 'bench-results.json');
writeFileSync(out + '.tmp', JSON.stringify({ node: process.version, when: new Date().toISOString(), results }, null, 2) + '\n');
renameSync(out + '.tmp', out);
console.log(`wrote ${out}`);

function round(x: number): number {
  return Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 1000) / 1000;
}
