#!/usr/bin/env node
// Entry point for `npx quadrant` and `npm run quadrant`. An installed package holds only the
// compiled code (dist/) and runs it. A checkout runs the TypeScript sources through tsx, so an
// edit takes effect without a build and a stale dist/ is never run by mistake;
// QUADRANT_COMPILED=1 runs a checkout's dist/ instead (the start-time benchmark measures that).
import { existsSync } from 'node:fs';
import module from 'node:module';

process.env.TZ ??= 'UTC';
// A reader that stops early (`quadrant regimes --format csv | head`) closes the pipe: that ends
// the output, it is not a failure worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
// Node 22.1+ keeps compiled bytecode between runs (a faster start); older Node has no such call.
module.enableCompileCache?.();
const sources = new URL('../cli/main.ts', import.meta.url);
let main;
if (existsSync(sources) && process.env.QUADRANT_COMPILED !== '1') {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(sources.href));
} else {
  ({ main } = await import('../dist/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
