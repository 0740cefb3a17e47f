import { describe, expect, it } from 'vitest';
import { closingSummary } from '../../cli/validate-summary.ts';

describe('closingSummary', () => {
  it('ends validate with the answer, the verdict counts per sample and the report files, in that order', () => {
    const text = closingSummary('in-sample: 0 supported, 1 contradicted\nout-of-sample: 2 pending', 'No: article is below 60-40.', [
      'out/report.html',
      'out/report.pdf',
    ]);
    expect(text.split('\n')).toEqual([
      '',
      'SUMMARY',
      'does the playbook beat simple benchmarks? No: article is below 60-40.',
      'verdicts in-sample: 0 supported, 1 contradicted',
      'verdicts out-of-sample: 2 pending',
      'report: out/report.html, out/report.pdf',
    ]);
  });

  it('leaves out what was not computed', () => {
    expect(closingSummary(undefined, undefined, [])).toBe('\nSUMMARY');
  });
});
