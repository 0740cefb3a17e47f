import { describe, expect, it } from 'vitest';
import { parseRebalanceRule, planFromTable, replay } from '../../engine/backtest/index.ts';
import { runSweep } from '../../engine/backtest/sweep.ts';
import { runFloor, worstRelativeGap } from '../../bench/perf/floor.ts';
import { COST_BPS, loadTables, loadWorkload, toWorkloadEquity } from '../../bench/perf/workload.ts';

// The independent source is ../shared/perf's own floor.mjs (a bare Float64Array loop with a
// fixed-point cost solve), run as a child process, and its README's published final equity.
describe('Quadrant on the perf workload equals the floor', () => {
  const w = loadWorkload();

  it("one backtest: the default table ends at the floor's 1,990,764.13 (to 1e-9)", () => {
    const plan = planFromTable(w.table, w.labels, parseRebalanceRule('month-end'), w.market.calendar);
    const r = replay(w.market, plan, { execution: 'same-close', costs: { bps: COST_BPS } });
    const final = toWorkloadEquity(r.nav[r.nav.length - 1]);
    expect(Math.abs(final - 1_990_764.13)).toBeLessThan(0.005);
    const floor = runFloor('floor.mjs', ['single', '--reps', '1', '--warmup', '0']);
    expect(worstRelativeGap([final], floor.finals)).toBeLessThanOrEqual(1e-9);
  });

  it('200 tables swept in this thread and on 2 workers: every final equity (to 1e-9)', async () => {
    const configs = loadTables('tables.csv', 200).map((table) => ({ table, rule: 'month-end', costBps: COST_BPS, execution: 'same-close' as const }));
    const floor = runFloor('floor.mjs', ['sweep', '--n', '200', '--reps', '1', '--warmup', '1']);
    for (const workers of [0, 2]) {
      const out = await runSweep(w.market, w.labels, configs, { workers });
      const width = out.fields.length;
      const finals = configs.map((_, i) => toWorkloadEquity(out.results[i * width + width - 1]));
      expect(worstRelativeGap(finals, floor.finals)).toBeLessThanOrEqual(1e-9);
    }
  }, 60_000);
});
