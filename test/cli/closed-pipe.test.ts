import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'quadrant.mjs');
const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets');

it('a reader that closes the pipe early (| head) ends the CLI quietly with exit 0, no stack trace', async () => {
  const child = spawn(process.execPath, [BIN, 'regimes', '--data', DATA, '--format', 'csv', '--quiet'], { env: { ...process.env, TZ: 'UTC' } });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  // Read the first chunk, then close our end as `head -1` does.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).not.toMatch(/EPIPE|Error|at /);
  expect(code).toBe(0);
});
