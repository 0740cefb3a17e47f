import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { errnoText, FileSystemError, isErrnoError, UsageError } from '../datasets/errors.ts';

/**
 * What an output option names: one file; a directory that receives several; or a run bundle's
 * directory, which is replaced whole, so its parent must be writable too.
 */
export type OutputKind = 'file' | 'dir' | 'bundle';

/**
 * The output options of each command, checked before any work starts so a bad path costs no
 * computation and leaves nothing behind. `--out` is always a file; `report-dir` counts in run and
 * validate only when `--report` is given.
 */
export const OUTPUT_OPTIONS: Record<string, Record<string, OutputKind | ((argv: Record<string, unknown>) => OutputKind)>> = {
  regimes: { out: 'file' },
  compare: { out: 'file' },
  // A shard goes into a directory (as DIR/shard-I-of-N.parquet); everything else into a file.
  sweep: { out: 'file', 'shard-dir': 'dir' },
  validate: { out: 'file', 'report-dir': 'dir' },
  run: { 'run-dir': 'bundle', 'report-dir': 'dir' },
  report: { 'report-dir': 'dir' },
};

/** Checks every output option of the invoked command (a yargs middleware; see OUTPUT_OPTIONS). */
export function checkOutputs(argv: Record<string, unknown>): void {
  const command = String((argv._ as unknown[] | undefined)?.[0] ?? '');
  const options = OUTPUT_OPTIONS[command];
  if (!options) return;
  for (const [option, kind] of Object.entries(options)) {
    const value = argv[option];
    if (value === undefined) continue;
    // A report directory without --report would be ignored without a word.
    if (option === 'report-dir' && command !== 'report' && argv.report === undefined)
      throw new UsageError('needs --report html, pdf or html,pdf (the files it receives)', { option });
    checkOutputPath(value, typeof kind === 'function' ? kind(argv) : kind, option);
  }
}

/**
 * Checks that `path` can receive output of `kind`: a non-empty string; a file path that is
 * not a directory, a directory path that is not a file; and a nearest existing ancestor that
 * is a directory this process may write in. Throws one UsageError (exit 2) naming the option.
 */
export function checkOutputPath(value: unknown, kind: OutputKind, option: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UsageError(`needs a ${kind === 'file' ? 'file name' : 'directory'}, got ${JSON.stringify(value ?? '')}`, { option });
  }
  const path = value;
  if (existsSync(path)) {
    const isDir = statSync(path).isDirectory();
    if (kind === 'file' && isDir) throw new UsageError('is a directory; name a file to write', { file: path, option });
    if (kind !== 'file' && !isDir) throw new UsageError('is a file; name a directory to write into', { file: path, option });
  }
  // The directory that will receive the new entry: the path itself for an existing directory
  // output, else the nearest ancestor that exists (missing ones are created).
  let dir = kind === 'dir' && existsSync(path) ? path : dirname(resolve(path));
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  if (!statSync(dir).isDirectory()) throw new UsageError(`cannot be created: ${dir} is a file, not a directory`, { file: path, option });
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (err) {
    if (!isErrnoError(err)) throw err;
    throw new FileSystemError('file-unwritable', `cannot write in ${dir}: ${errnoText(err)}`, { file: path, option }, 2);
  }
}
