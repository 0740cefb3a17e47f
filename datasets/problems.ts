import { type ErrorCode, QuadrantError } from './errors.ts';

/**
 * One problem found in an input (a configuration, a strategy file, a grid, an argument): where it
 * is (`path`, a dotted field path such as `quadrants.Q2.us_small`, or `(file)` for the whole
 * input), what kind (`code`) and what is wrong (`message`). Problems are data, as in zod: a
 * validator collects them all, `parseX` throws one {@link ProblemsError} carrying them, and
 * `safeParseX` returns them (see {@link SafeParse}).
 */
export interface Problem {
  path: string;
  code: ErrorCode;
  message: string;
  /** What the user can do about it. */
  hint?: string;
}

/** The result of a `safeParseX`: the value, or every problem found. */
export type SafeParse<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** At most this many problems are kept; the rest are counted ("and 4,999,990 more"). */
export const MAX_PROBLEMS = 50;

/** Longest quoted value in a message, in characters; longer ones are clipped with "…". */
export const MAX_QUOTED = 80;

/**
 * One error carrying every problem found in one input. `describe()` is one line: the file, the
 * first problem and how many more there are; `problems` holds them all (up to MAX_PROBLEMS) for
 * tools and tests. Exit code 2 (an input error).
 */
export class ProblemsError extends QuadrantError {
  readonly problems: readonly Problem[];
  /** Problems found in all, including those beyond MAX_PROBLEMS that were not kept. */
  readonly total: number;

  constructor(problems: readonly Problem[], file?: string, total = problems.length) {
    if (problems.length === 0) throw new Error('ProblemsError needs at least one problem');
    const [first] = problems;
    const more = total - 1;
    const tail = more > 0 ? ` (and ${more.toLocaleString('en-US')} more problem${more > 1 ? 's' : ''})` : '';
    const where = first.path && first.path !== '(file)' ? `${first.path}: ` : '';
    super(first.code, `${where}${first.message}${tail}`, { file, field: first.path, hint: first.hint }, 2);
    this.problems = problems.slice(0, MAX_PROBLEMS);
    this.total = total;
  }
}

/**
 * Collects problems up to MAX_PROBLEMS and counts the rest, so a file with millions of bad
 * entries costs memory for fifty.
 */
export class ProblemList {
  readonly items: Problem[] = [];
  total = 0;

  add(path: string, code: ErrorCode, message: string, hint?: string): void {
    this.total++;
    if (this.items.length < MAX_PROBLEMS) this.items.push(hint === undefined ? { path, code, message } : { path, code, message, hint });
  }

  addAll(problems: readonly Problem[]): void {
    for (const p of problems) this.add(p.path, p.code, p.message, p.hint);
  }

  get empty(): boolean {
    return this.total === 0;
  }

  /** Throws one ProblemsError naming `file` when any problem was found. */
  throwIfAny(file?: string): void {
    if (this.total > 0) throw new ProblemsError(this.items, file, this.total);
  }

  /** The SafeParse form: `value()` is called only when there is no problem. */
  result<T>(value: () => T): SafeParse<T> {
    return this.total > 0 ? { ok: false, problems: this.items } : { ok: true, value: value() };
  }
}

/**
 * A value as quoted in a message: JSON for data, clipped to MAX_QUOTED characters, with control
 * characters escaped so a hostile string cannot retitle or clear the user's terminal.
 *
 * @example
 * quote('x'.repeat(1000), 5) // '"xxxx… (1,002 characters)'
 */
export function quote(value: unknown, max = MAX_QUOTED): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  // JSON.stringify escapes C0 controls in strings; also escape DEL and C1 controls, and anything
  // String(value) let through.
  text = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length.toLocaleString('en-US')} characters)`;
}

/**
 * The problems an error from another validator carries, as data: a ProblemsError's own list,
 * or a QuadrantError as one problem at its field (the field stripped from the front of its
 * message). Anything else is not a validation error: undefined.
 */
export function problemsOf(err: unknown): Problem[] | undefined {
  if (err instanceof ProblemsError) return [...err.problems];
  if (!(err instanceof QuadrantError)) return undefined;
  const path = err.details.field && err.details.field !== '(root)' ? err.details.field : '';
  let message = err.message;
  if (path && message.startsWith(`${path}: `)) message = message.slice(path.length + 2);
  else if (path && message.startsWith(`${path} `)) message = message.slice(path.length + 1);
  return [{ path, code: err.code, message, ...(err.details.hint ? { hint: err.details.hint } : {}) }];
}
