import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/run-cli.ts';
import { SNAPSHOT } from '../../builders.ts';

const EXAMPLE = join(import.meta.dirname, '..', '..', '..', 'strategies', 'robustness', 'example-grid.json');

describe('quadrant sweep', () => {
  it('on the real snapshot: the example grid as JSON, with the article default inside the grid', () => {
    const r = runCli(['sweep', '--grid', EXAMPLE, '--data', SNAPSHOT, '--format', 'json', '--permutations', '20', '--seed', '7', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // 3 windows × 3 confirmations × 2 policy weights × 3 rules = 54.
    expect(out.configs.length).toBe(54);
    expect(out.seed).toBe(7);
    expect(out.permutation.permutations).toBe(20);
    // The article preset's values (13 weeks, 10 days, weight 1, regime+monthly) are combination
    // (1, 1, 1) = 9 with rule 0: id 27, the same replay as the reference.
    expect(out.configs[27].params).toEqual({
      'windows.balanceSheetWeeks': 13,
      'stability.confirmDays': 10,
      'components.policy_rate.weight': 1,
      playbook: 'article',
      rebalance: 'regime+monthly',
      costBps: 5,
    });
    expect(out.configs[27].sharpe).toBe(out.reference.sharpe);
    // The labels start in April 2007 (the broad dollar index begins in 2006).
    expect(out.window.from.slice(0, 4)).toBe('2007');
    expect(out.sensitivity.length).toBe(6);
    expect(out.walkForward.years[0].year).toBe(2011);
  });

  it('a grid with an unknown path exits 2 naming the field, before loading any data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-sweep-'));
    const grid = join(dir, 'grid.json');
    writeFileSync(grid, JSON.stringify({ regimes: { 'windows.balanceSheetWeek': [8, 13] } }));
    const r = runCli(['sweep', '--grid', grid, '--data', join(dir, 'no-such-data')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('regimes.windows.balanceSheetWeek');
    expect(r.stderr).toContain(grid);
  });
});
