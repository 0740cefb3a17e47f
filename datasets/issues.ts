import { printable, type ErrorCode } from './errors.ts';

export type IssueCode = ErrorCode | 'stale' | 'gap' | 'split-like-jump' | 'unsorted-dates-sorted' | 'duplicate-row' | 'fallback-used';

/**
 * A finding about input data. Errors make a series unusable; warnings are printed and the
 * series is still used. Each names where it is (file and line, or series) and what to do.
 */
export interface Issue {
  severity: 'error' | 'warning';
  code: IssueCode;
  message: string;
  file?: string;
  line?: number;
  series?: string;
  hint?: string;
}

/** `file:line: message (hint)`, the one-line form used everywhere, without control characters. */
export function formatIssue(issue: Issue): string {
  const where = issue.file ? `${issue.file}${issue.line ? `:${issue.line}` : ''}: ` : issue.series ? `${issue.series}: ` : '';
  return printable(`${issue.severity}: ${where}${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`);
}
