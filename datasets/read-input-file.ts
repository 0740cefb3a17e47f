import { readFileSync, statSync } from 'node:fs';
import { ConfigError, fileSystemError } from './errors.ts';

/**
 * Largest configuration file read (strategy, grid, regime config), in bytes. Real ones are a
 * few kilobytes; the bound keeps a hostile 50 MB file from costing seconds and gigabytes.
 */
export const MAX_INPUT_BYTES = 1_000_000;

/**
 * Reads a configuration file as UTF-8 text. A missing path, a directory, a file larger than
 * `maxBytes` or a read that fails (permission …) is one error naming the path and `option`
 * (exit 2).
 */
export function readInputFile(path: string, options: { option?: string; what?: string; maxBytes?: number; hint?: string } = {}): string {
  const { option, what = 'input', maxBytes = MAX_INPUT_BYTES, hint } = options;
  const details = { file: path, ...(option ? { option } : {}), ...(hint ? { hint } : {}) };
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new ConfigError('file-unreadable', `is a directory; name a ${what} file`, details);
    size = stat.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ConfigError('file-missing', `no such ${what} file`, details);
    throw fileSystemError(err, path, 'read', option);
  }
  if (size > maxBytes) {
    throw new ConfigError('too-large', `is ${formatBytes(size)}; a ${what} file may hold at most ${formatBytes(maxBytes)}`, details);
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw fileSystemError(err, path, 'read', option);
  }
}

function formatBytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(0)} kB` : `${n} bytes`;
}
