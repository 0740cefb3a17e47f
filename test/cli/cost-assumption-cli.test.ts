import { describe, it, expect } from 'vitest';
import { SNAPSHOT } from '../builders.ts';
import { runCli } from './run-cli.ts';

const json = (args: string[]) => {
  const r = runCli([...args, '--data', SNAPSHOT, '--format', 'json', '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('one cost assumption across commands, on the real snapshot', () => {
  it('validate: the assumption once at the top, every strategy once under its own name, the same playbook figures in both tables', () => {
    const v = json(['validate', '--section', 'all', '--no-robustness', '--claims', 'C1', '--reps', '50', '--permutations', '20']);
    expect(Object.keys(v)[0]).toBe('assumptions');
    expect(v.assumptions).toMatchObject({ costBps: 5, execution: 'next-close' });
    expect(v.benchmarks.assumptions).toBeUndefined();
    const names = v.regimes.filter((r: { quadrant: string }) => r.quadrant === 'all').map((r: { series: string }) => r.series);
    expect(names.filter((s: string) => s === 'article')).toHaveLength(1);
    expect(names.some((s: string) => s.startsWith('strategy:') || s === 'random-regime')).toBe(false);
    // The per-regime table and the benchmark comparison replay the playbook under the same assumption:
    // the same Sharpe up to the per-regime table's own estimator (both mean/sd of daily excess returns × √252).
    const perRegime = v.regimes.find((r: { series: string; quadrant: string }) => r.series === 'article' && r.quadrant === 'all');
    expect(perRegime.sharpe).toBeCloseTo(v.benchmarks.playbook.sharpe, 2);
    expect(v.benchmarks.randomRegime.shuffles).toBe(20);
    expect(v.benchmarks.randomRegime.sharpe.p05).toBeLessThanOrEqual(v.benchmarks.randomRegime.sharpe.median);
  }, 120_000);

  it('validate --cost-bps 20 --execution lag-2 reaches the robustness grid and the benchmark table', () => {
    const v = json(['validate', '--section', 'robustness', '--cost-bps', '20', '--execution', 'lag-2', '--permutations', '10']);
    expect(v.assumptions).toMatchObject({ costBps: 20, execution: 'lag-2' });
    expect(v.robustness.reference.costBps).toBe(20);
    expect(v.robustness.configs.every((c: { params: Record<string, unknown> }) => c.params.costBps === undefined || c.params.costBps === 20)).toBe(true);
    const b = json(['validate', '--section', 'benchmarks', '--cost-bps', '20', '--execution', 'lag-2', '--permutations', '10']);
    const cell = b.benchmarks.sensitivity.find((c: { costBps: number; execution: string }) => c.costBps === 20 && c.execution === 'lag-2');
    expect(b.benchmarks.playbook.sharpe).toBeCloseTo(cell.sharpe, 12);
  }, 120_000);

  it('compare states the assumption first; a bad --cost-bps is one line naming it, exit 2', () => {
    const c = json(['compare', '2022', '--cost-bps', '10']);
    expect(Object.keys(c)[0]).toBe('assumptions');
    expect(c.assumptions.costBps).toBe(10);
    const bad = runCli(['compare', '2022', '--data', SNAPSHOT, '--cost-bps', '-1', '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--cost-bps/);
  }, 120_000);
});
