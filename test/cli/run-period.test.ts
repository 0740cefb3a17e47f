import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT } from '../builders.ts';
import { runCli } from './run-cli.ts';

// On the snapshot the regime labels start on 2007-04-26 (`quadrant regimes` lists the first episode).
describe('run refuses or flags periods that make no sense', () => {
  it('--from 1990 --to 1995: no labelled day is a usage error, not a cash-only Sharpe of 1.39', () => {
    const r = runCli(['run', '--data', SNAPSHOT, '--from', '1990', '--to', '1995', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'quadrant: --from: no day from 1993-01-29 to 1995-12-29 has a regime label, so the playbook would only hold cash (labels start on 2007-04-26)\n',
    );
  }, 120_000);

  it('--to 2007-05-01 (four days): a warning on the terminal and in metrics.json (the report notes read it there)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'quadrant-period-')), 'run');
    const r = runCli(['run', '--data', SNAPSHOT, '--to', '2007-05-01', '--run-dir', out, '--quiet', '--wide']);
    expect(r.code).toBe(0);
    const warning =
      'the period holds 4 trading days, under a year (252): annualised figures (CAGR, volatility, Sharpe, Calmar) extrapolate from it and mislead';
    expect(r.stdout).toContain(`warning: ${warning}`);
    expect(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).warnings).toEqual([warning]);
  }, 120_000);

  it('--fixed-cost 1000000 --capital 1: the costs wiped out the equity, on which day', () => {
    const r = runCli(['run', '--data', SNAPSHOT, '--fixed-cost', '1000000', '--capital', '1', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^quadrant: --fixed-cost: article: the costs wiped out the equity on 2007-04-27, before a second day could be valued/);
    expect(r.stderr.split('\n')).toHaveLength(2);
  }, 120_000);

  it('SOURCE_DATE_EPOCH=99999999999999: one line naming the variable, before any work', () => {
    const r = runCli(['report', '--run', SNAPSHOT], { SOURCE_DATE_EPOCH: '99999999999999' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'quadrant: SOURCE_DATE_EPOCH must be whole seconds since 1970 (0 to 253402300799), got "99999999999999" (unset it to date the report now)\n',
    );
  });
});
