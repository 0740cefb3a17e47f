import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
      removeStaleTemps(f.path);
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

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `PATH.tmp-PID-N` files beside `path` left by processes that no longer run (killed writers). */
function removeStaleTemps(path: string): void {
  const prefix = `${basename(path)}.tmp-`;
  for (const name of readdirSync(dirname(path))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-\d+$/.exec(name.slice(prefix.length))?.[1]);
    if (pid && pid !== process.pid && !processAlive(pid)) rmSync(join(dirname(path), name), { force: true });
  }
}
