/**
 * One error base for Quadrant. Its details are data (a code, where, what to do) so the CLI can
 * format them and tests can assert on them. The library throws; the CLI prints one line and
 * sets the exit code (2 for input and usage errors, 1 for everything else).
 */
export type ErrorCode =
  | 'file-missing'
  | 'file-unreadable'
  | 'file-unwritable'
  | 'too-large'
  | 'too-deep'
  | 'locked'
  | 'file-empty'
  | 'bad-header'
  | 'bad-date'
  | 'bad-number'
  | 'non-finite'
  | 'duplicate-date'
  | 'unsorted-dates'
  | 'non-positive-price'
  | 'series-missing'
  | 'unknown-series'
  | 'unknown-ticker'
  | 'unknown-role'
  | 'no-data'
  | 'bad-config'
  | 'bad-weights'
  | 'bad-argument'
  | 'network'
  | 'missing-dependency'
  | 'internal';

export interface ErrorDetails {
  file?: string;
  line?: number;
  series?: string;
  date?: string;
  field?: string;
  /** The command-line option the value came from, without dashes (`out`, `strategy`). */
  option?: string;
  /** What the user can do about it. */
  hint?: string;
}

export class QuadrantError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, exitCode = 1) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
    this.exitCode = exitCode;
  }

  /** One line: where, what, and what to do. */
  describe(): string {
    const { file, line, series, option } = this.details;
    const flag = option ? `--${option}` : '';
    const where = file ? `${flag ? `${flag} ` : ''}${file}${line ? `:${line}` : ''}: ` : series ? `${series}: ` : flag ? `${flag}: ` : '';
    const hint = this.details.hint ? ` (${this.details.hint})` : '';
    return printable(`${where}${this.message}${hint}`);
  }
}

/** Bad or missing input data. */
export class DataError extends QuadrantError {
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details, 2);
  }
}

/** A configuration (strategy, regime preset, grid) that does not validate. */
export class ConfigError extends QuadrantError {
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details, 2);
  }
}

/** A CLI argument that makes no sense. */
export class UsageError extends QuadrantError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('bad-argument', message, details, 2);
  }
}

/** A file-system operation that failed (permission, a directory where a file was expected, a full disk …). */
export class FileSystemError extends QuadrantError {
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, exitCode = 1) {
    super(code, message, details, exitCode);
  }
}

const ERRNO_TEXT: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOENT: 'no such file or directory',
  EEXIST: 'already exists',
  ENOTEMPTY: 'directory not empty',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many levels of symbolic links',
  EBUSY: 'resource busy',
  EXDEV: 'cannot move across file systems',
};

/** True for Node's system errors (`err.code` such as 'EACCES'). */
export function isErrnoError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((err as NodeJS.ErrnoException).code!);
}

/** "permission denied (EACCES)": Node's system error as a short phrase. */
export function errnoText(err: NodeJS.ErrnoException): string {
  const code = err.code ?? 'EIO';
  return `${ERRNO_TEXT[code] ?? err.message.replace(/^[A-Z]+: /, '').replace(/, \w+ .*$/, '')} (${code})`;
}

/**
 * A system error while reading or writing `path` as one FileSystemError naming the path (and
 * the option it came from): exit 2 for an input that cannot be read, 1 for an output that cannot
 * be written; anything else is returned unchanged.
 */
export function fileSystemError(err: unknown, path: string, action: 'read' | 'write', option?: string): unknown {
  if (err instanceof QuadrantError || !isErrnoError(err)) return err;
  const code: ErrorCode = action === 'read' ? 'file-unreadable' : 'file-unwritable';
  return new FileSystemError(code, `cannot ${action}: ${errnoText(err)}`, { file: path, ...(option ? { option } : {}) }, action === 'read' ? 2 : 1);
}

/**
 * Text safe to print on a terminal: C0 and C1 control characters (ESC, BEL, CR, newline …) and
 * DEL become "?", so a hostile file name or value cannot retitle, clear or rewrite the screen.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
