import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileSystemError } from './errors.ts';

/**
 * Writes several files so that either all of them appear or none does: each is first written
 * in full under a temporary name in its own directory, and only when every write succeeded are
 * they renamed into place (a rename within a directory is atomic). On any failure, a write or a
 * rename, the temporary files are removed and one FileSystemError names the path (and `option`,
 * the command-line option it came from); files already at the target names are untouched
 * unless their rename had happened.
 */
export function writeFilesAtomic(files: readonly { path: string; content: string | Uint8Array }[], option?: string): void {
  const temps: string[] = [];
  let current = files[0]?.path ?? '';
  try {
    for (const f of files) {
      current = f.path;
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = `${f.path}.tmp-${process.pid}-${temps.length}`;
      temps.push(tmp);
      writeFileSync(tmp, f.content);
    }
    files.forEach((f, i) => {
      current = f.path;
      renameSync(temps[i], f.path);
    });
  } catch (err) {
    for (const tmp of temps) rmSync(tmp, { force: true, recursive: true });
    throw fileSystemError(err, current, 'write', option);
  }
}
