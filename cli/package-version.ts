import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Quadrant's version from its package.json ('unknown' when it cannot be read). */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
