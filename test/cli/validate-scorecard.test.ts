import { describe, expect, it } from 'vitest';
import { SNAPSHOT } from '../builders.ts';
import { runCli } from './run-cli.ts';

interface Row {
  claim: string;
  sample: string;
  p_value: number | null;
  p_holm: number | null;
  p_bh: number | null;
  mde: number | null;
  episodes: number | null;
  fragments: number | null;
  verdict: string;
  test: string;
  sample_days: string;
  rule: string;
  stand_ins: { role: string; days: number; of: number; from: string; to: string }[];
}

describe('quadrant validate: the scorecard as JSON (real snapshot)', () => {
  const r = runCli(['validate', '--data', SNAPSHOT, '--section', 'scorecard', '--format', 'json', '--reps', '300', '--quiet']);
  const json = JSON.parse(r.stdout) as {
    meta: { warnings: string[]; bootstrap: { kind: string } };
    scorecard: Row[];
    verdicts: Record<'in-sample' | 'out-of-sample', Record<string, number>> & { adjustment: string; forecasts: { registered: string } };
  };

  it('counts five verdicts per sample and says which adjustment decides', () => {
    expect(r.code).toBe(0);
    for (const side of ['in-sample', 'out-of-sample'] as const) {
      expect(Object.keys(json.verdicts[side])).toEqual(['supported', 'contradicted', 'inconclusive', 'pending', 'untestable']);
    }
    const count = (side: string) => json.scorecard.filter((x) => x.sample === side && x.verdict !== 'n/a (forecast)').length;
    expect(Object.values(json.verdicts['in-sample']).reduce((a, b) => a + b, 0)).toBe(count('in-sample'));
    expect(Object.values(json.verdicts['out-of-sample']).reduce((a, b) => a + b, 0)).toBe(count('out-of-sample'));
    expect(json.verdicts.adjustment).toMatch(/^verdicts use Holm-adjusted p-values/);
    expect(json.verdicts.forecasts.registered).toBe('2026-12-05');
    expect(json.meta.bootstrap.kind).toBe('stationary');
  });

  it('gives every tested history claim its test, sample, raw and adjusted p, power and rule', () => {
    const tested = json.scorecard.filter((x) => x.p_value !== null);
    expect(tested.length).toBeGreaterThanOrEqual(10);
    for (const x of tested) {
      expect(x.p_holm!).toBeGreaterThanOrEqual(x.p_value!);
      expect(x.p_bh!).toBeGreaterThanOrEqual(x.p_value!);
      expect(x.p_bh!).toBeLessThanOrEqual(x.p_holm! + 1e-12);
      expect(x.mde!).toBeGreaterThan(0);
      expect(x.test).toMatch(/bootstrap/);
      expect(x.sample_days).toMatch(/days/);
      expect(x.rule).toMatch(/Holm-adjusted/);
      expect(x.episodes!).toBeLessThanOrEqual(x.fragments!);
    }
    // C4 and C5 have no Q3 or Q4 day after the article (the article labels are Q1 and Q2 until
    // they go stale on 2026-07-30): untestable, not inconclusive.
    for (const id of ['C4', 'C5']) {
      const row = json.scorecard.find((x) => x.claim === id && x.sample === 'out-of-sample')!;
      expect(row.sample_days).toMatch(/^0 /);
      expect(row.verdict).toBe('untestable');
    }
  });

  it('names the stand-ins a statistic rests on and carries the data warnings the terminal prints', () => {
    // C6 does not read the labels, so its sample runs to the last close: DBC's adjusted closes end
    // 2026-07-31 and the commodities role stands in T-bills from 2026-08-11 (after 10 days' carry).
    const c6 = json.scorecard.find((x) => x.claim === 'C6' && x.sample === 'out-of-sample')!;
    expect(c6.stand_ins).toEqual([{ role: 'commodities', days: c6.stand_ins[0].days, of: c6.stand_ins[0].of, from: '2026-08-11', to: '2026-09-14' }]);
    expect(json.meta.warnings.some((w) => /DFF\.csv: stale/.test(w))).toBe(true);
  });

  it("lists the per-regime and relative tables' stand-ins: none on the snapshot, whose stand-in days carry no label", () => {
    // The stand-in stretches fall before the first label and in the stale tail (stand-in-series.test.ts checks it day by day).
    const tables = runCli(['validate', '--data', SNAPSHOT, '--section', 'regimes', '--format', 'json', '--quiet']);
    expect(tables.code, tables.stderr).toBe(0);
    expect(JSON.parse(tables.stdout).standIns).toEqual({ regimes: [] });
  });
});
