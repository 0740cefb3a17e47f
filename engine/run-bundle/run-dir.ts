import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError, fileSystemError, FileSystemError } from '../../datasets/errors.ts';

/**
 * A run directory is replaced whole: the new bundle is written into a sibling temporary
 * directory (`DIR.tmp-PID`), then swapped in by two renames (`DIR` → `DIR.old-PID`, the
 * temporary → `DIR`) and the old one removed. A lock file beside it (`DIR.lock`, holding the
 * writer's process id) keeps two writers apart. A writer killed at any point leaves either the
 * old directory, the new one, or (between the two renames) no `DIR` and the whole old one at
 * `DIR.old-PID`; {@link recoverRunDir}, which every writer and reader runs first, puts that back
 * and sweeps the leftovers of killed writers.
 */

/** Names beside DIR that belong to its writers: `DIR.lock`, `DIR.tmp-PID`, `DIR.old-PID`. */
const lockPath = (dir: string) => `${dir}.lock`;
const LEFTOVER = (base: string) => new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)$`);

/** Test hooks: called after each step of a write (the kill points of the crash-safety property). */
export interface RunDirHooks {
  onStep?: (step: string) => void;
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of a run directory and returns its release. A lock whose process is gone is
 * stale and taken over.
 *
 * @throws FileSystemError('locked') when a live process holds it.
 */
export function lockRunDir(given: string, option?: string): () => void {
  const dir = resolve(given);
  const path = lockPath(dir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemError(err, path, 'write', option);
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(path, 'utf8').trim());
    } catch {
      // Released between our open and our read: try again.
    }
    if (processAlive(holder) && holder !== process.pid) {
      throw new FileSystemError('locked', `another quadrant process (pid ${holder}) is writing this run directory`, {
        file: dir,
        ...(option ? { option } : {}),
        hint: `wait for it, or remove ${path} if no such process runs`,
      });
    }
    try {
      unlinkSync(path);
    } catch {
      // Another process took the stale lock over first; the next attempt sees its pid.
    }
  }
  throw new FileSystemError('locked', 'could not take the run directory lock', { file: dir, ...(option ? { option } : {}) });
}

/**
 * Puts a run directory back in order after a killed writer (call it holding the lock): when DIR
 * is missing and a whole old bundle waits at `DIR.old-PID`, it is renamed back; every other
 * `DIR.tmp-*` and `DIR.old-*` beside it is removed. Returns what it did, for messages and tests.
 */
export function recoverRunDir(given: string): { restored?: string; removed: string[] } {
  const dir = resolve(given);
  const parent = dirname(dir);
  const pattern = LEFTOVER(basename(dir));
  const result: { restored?: string; removed: string[] } = { removed: [] };
  if (!existsSync(parent)) return result;
  const leftovers = readdirSync(parent).filter((name) => pattern.test(name));
  if (!existsSync(dir)) {
    const olds = leftovers
      .filter((name) => pattern.exec(name)![1] === 'old')
      .sort((a, b) => statSync(join(parent, b)).mtimeMs - statSync(join(parent, a)).mtimeMs);
    if (olds.length) {
      renameSync(join(parent, olds[0]), dir);
      result.restored = olds[0];
    }
  }
  for (const name of leftovers) {
    if (name === result.restored) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    result.removed.push(name);
  }
  return result;
}

/**
 * Replaces `dir` with a directory holding exactly `files`, all or nothing (see the module
 * comment). An existing `dir` may hold only names in `replaceable` (a run's own files and the
 * reports drawn from it): anything else is the user's, and the write is refused before it starts.
 *
 * @throws ConfigError (exit 2) when `dir` holds other files; FileSystemError naming `dir` and
 *   `option` for a lock held by a live process or a failed write (the old directory stays).
 */
export function replaceRunDir(
  given: string,
  files: readonly { name: string; content: string | Uint8Array }[],
  options: { replaceable: readonly string[]; option?: string; hooks?: RunDirHooks },
): void {
  const { replaceable, option, hooks } = options;
  // Absolute, so `--out .` or `--out run/` names a sibling `run.tmp-PID`, not a file inside it.
  const dir = resolve(given);
  if (dirname(dir) === dir)
    throw new ConfigError('bad-argument', 'cannot be the root directory: a run replaces its directory whole', { file: given, ...(option ? { option } : {}) });
  const step = hooks?.onStep ?? (() => {});
  try {
    mkdirSync(dirname(dir), { recursive: true });
  } catch (err) {
    throw fileSystemError(err, given, 'write', option);
  }
  const release = lockRunDir(dir, option);
  const tmp = `${dir}.tmp-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  let moved = false;
  try {
    step('locked');
    recoverRunDir(dir);
    if (existsSync(dir)) {
      const foreign = readdirSync(dir).filter((name) => !replaceable.includes(name));
      if (foreign.length) {
        const list = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
        throw new ConfigError('bad-argument', `holds files a run did not write (${list}); a run replaces its directory whole`, {
          file: given,
          ...(option ? { option } : {}),
          hint: 'choose a new or empty directory',
        });
      }
    }
    mkdirSync(tmp);
    for (const f of files) {
      const fd = openSync(join(tmp, f.name), 'w');
      try {
        writeSync(fd, typeof f.content === 'string' ? Buffer.from(f.content) : f.content);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      step(`wrote ${f.name}`);
    }
    if (existsSync(dir)) {
      renameSync(dir, old);
      moved = true;
      step('moved the old bundle aside');
    }
    renameSync(tmp, dir);
    moved = false;
    step('swapped in the new bundle');
    rmSync(old, { recursive: true, force: true });
    step('removed the old bundle');
  } catch (err) {
    if (moved && !existsSync(dir)) renameSync(old, dir);
    rmSync(tmp, { recursive: true, force: true });
    throw fileSystemError(err, given, 'write', option);
  } finally {
    release();
  }
}
