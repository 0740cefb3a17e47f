/**
 * One error base for Quadrant. Its details are data (a code, where, what to do) so the CLI can
 * format them and tests can assert on them. The library throws; the CLI prints one line and
 * sets the exit code (2 for input and usage errors, 1 for everything else).
 */
export type ErrorCode =
  | 'file-missing'
  | 'file-unreadable'
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
    const where = this.details.file
      ? `${this.details.file}${this.details.line ? `:${this.details.line}` : ''}: `
      : this.details.series
        ? `${this.details.series}: `
        : '';
    const hint = this.details.hint ? ` (${this.details.hint})` : '';
    return `${where}${this.message}${hint}`;
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
  constructor(message: string, details: ErrorDetails = {}, code: ErrorCode = 'bad-config') {
    super(code, message, details, 2);
  }
}

/** A CLI argument that makes no sense. */
export class UsageError extends QuadrantError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('bad-argument', message, details, 2);
  }
}
