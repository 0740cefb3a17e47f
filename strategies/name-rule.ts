import { quote, type ProblemList } from '../datasets/problems.ts';

/** Longest name of a strategy or playbook, in characters. */
export const MAX_NAME_LENGTH = 64;

/**
 * Letters, digits, "-", "_" and "." (starting with a letter or digit): names land in CSV
 * headers, file names, terminal tables and reports, so none may start a spreadsheet formula
 * (`=`, `+`, `-`, `@`) or carry control characters.
 */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** True when `name` is a usable strategy or playbook name (see NAME). */
export function isValidName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && NAME.test(name);
}

/** Adds a problem at `path` unless `value` is a usable name. */
export function checkName(value: unknown, path: string, problems: ProblemList, what = 'a name'): void {
  if (typeof value !== 'string') problems.add(path, 'bad-config', `must be ${what} (a string), got ${quote(value)}`);
  else if (value.length > MAX_NAME_LENGTH) problems.add(path, 'bad-config', `${quote(value)} is longer than ${MAX_NAME_LENGTH} characters`);
  else if (!NAME.test(value)) problems.add(path, 'bad-config', `${quote(value)}: letters, digits, "-", "_" and "." only, starting with a letter or digit`);
}
