import { describe, expect, it } from 'vitest';
import { UsageError } from '../../datasets/errors.ts';
import { applyRenamedOptions } from '../../cli/renamed-options.ts';

/** What yargs hands the middleware for `quadrant COMMAND ...`: both spellings of each option. */
const argv = (command: string, options: Record<string, unknown>) => ({ _: [command], ...options });

describe('renamed options', () => {
  it('report --format html,pdf moves to --report, the formats it always meant, with one warning', () => {
    const warned: string[] = [];
    const a = argv('report', { format: 'html' });
    applyRenamedOptions(a, (l) => warned.push(l));
    expect(a).toEqual({ _: ['report'], report: 'html' });
    expect(warned).toEqual(['quadrant: report --format html,pdf is deprecated; use --report html,pdf\n']);
  });

  it('leaves --format alone where it is the terminal format (validate, regimes)', () => {
    const a = argv('validate', { format: 'csv' });
    applyRenamedOptions(a, () => {
      throw new Error('no warning expected');
    });
    expect(a).toEqual({ _: ['validate'], format: 'csv' });
  });

  it('refuses both spellings at once, naming the old one', () => {
    expect(() => applyRenamedOptions(argv('report', { format: 'html', report: 'pdf' }), () => {})).toThrow(UsageError);
    expect(() => applyRenamedOptions(argv('report', { format: 'html', report: 'pdf' }), () => {})).toThrow('give --report only (--format is its old name)');
  });

  it('says nothing with --quiet', () => {
    const warned: string[] = [];
    applyRenamedOptions(argv('report', { format: 'pdf', quiet: true }), (l) => warned.push(l));
    expect(warned).toEqual([]);
  });
});
