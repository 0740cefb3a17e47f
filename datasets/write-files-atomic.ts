import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes several files so that either all of them appear or none does: each is first written
 * in full under a temporary name in its own directory, and only when every write succeeded are
 * they renamed into place (a rename within a directory is atomic). On failure the temporary
 * files are removed and the error is rethrown; files already at the target names are untouched.
 */
export function writeFilesAtomic(files: readonly { path: string; content: string | Uint8Array }[]): void {
  const temps: string[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = `${f.path}.tmp-${process.pid}-${temps.length}`;
      temps.push(tmp);
      writeFileSync(tmp, f.content);
    }
  } catch (err) {
    for (const tmp of temps) rmSync(tmp, { force: true });
    throw err;
  }
  files.forEach((f, i) => renameSync(temps[i], f.path));
}
