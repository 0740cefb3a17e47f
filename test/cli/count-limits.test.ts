import { describe, expect, it } from 'vitest';
import { COUNT_LIMITS } from '../../cli/count-limits.ts';
import { runCli } from './run-cli.ts';

describe('every count option has an upper bound, stated in --help and checked before any work', () => {
  it('validate --reps 1e9 is a usage error at once (it once ran 19 minutes)', () => {
    const started = Date.now();
    const r = runCli(['validate', '--reps', '1e9', '--data', '/no/data/needed']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('quadrant: --reps: must be a whole number from 1 to 20,000, got 1000000000\n');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('sweep --workers, --permutations and --top past their bounds', () => {
    for (const [option, value, max] of [
      ['workers', '65', 64],
      ['permutations', '10001', 10_000],
      ['top', '0', 1_000],
    ] as const) {
      const r = runCli(['sweep', '--grid', 'g.json', `--${option}`, value]);
      expect(r.code, option).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^quadrant: --${option}: must be a whole number from \\d+ to ${max.toLocaleString('en-US')}, got ${value}\\n$`));
    }
  });

  it('--help states each bound', () => {
    const sweep = runCli(['sweep', '--help']).stdout;
    expect(sweep).toContain(`(0 to ${COUNT_LIMITS.workers.max})`);
    expect(sweep).toContain('(0 to 10,000)');
    expect(runCli(['validate', '--help']).stdout).toContain('(1 to 20,000)');
  });
});
