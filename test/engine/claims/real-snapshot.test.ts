import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildPanel, buildRoles, loadDataset, parseIsoDay } from '../../../datasets/index.ts';
import { computeRegimes } from '../../../engine/regimes/index.ts';
import { buildClaimContext, runScorecard } from '../../../engine/claims/index.ts';

const DIR = process.env.QUADRANT_DATA ?? '/work/shared/datasets';

/** Raw FRED rows of one file, read without the dataset layer. */
function fred(id: string): Map<number, number> {
  const rows = readFileSync(`${DIR}/fred/${id}.csv`, 'utf8').trim().split('\n').slice(1);
  const out = new Map<number, number>();
  for (const line of rows) {
    const [d, v] = line.split(',');
    if (v && v !== '.') out.set(parseIsoDay(d), Number(v));
  }
  return out;
}

describe('the scorecard on the real snapshot', () => {
  const ds = loadDataset(DIR);
  const panel = buildPanel(ds);
  const ctx = buildClaimContext(panel, buildRoles(panel), computeRegimes(panel).labels, { reps: 200 });
  const rows = runScorecard(ctx);

  it('prints all ten claims, history claims on both sides with data behind them', () => {
    expect(rows).toHaveLength(10);
    for (const row of rows.slice(0, 7)) {
      expect(row.inSample!.n).toBeGreaterThan(100);
      expect(row.inSample!.lower).toBeLessThanOrEqual(row.inSample!.upper);
      expect(row.outOfSample).toBeDefined();
    }
    for (const row of rows.slice(7)) expect(row.inSample).toBeUndefined();
  });

  it('C8’s balance-sheet pace equals the one computed from the raw WALCL file (H.4.1: Wednesday data usable from Friday)', () => {
    // Baseline close 2026-01-16 sees the 2026-01-14 print; the 2026-04-30 close sees 2026-04-22 (the 04-29 print is usable 05-01).
    const walcl = fred('WALCL');
    const a = parseIsoDay('2026-01-14');
    const b = parseIsoDay('2026-04-22');
    const pace = (walcl.get(b)! - walcl.get(a)!) / ((b - a) / (365.25 / 12)) / 1000;
    const note = rows[7].outOfSample!.notes[0];
    expect(note).toContain(`$${pace.toFixed(1)}bn/month`);
  });

  it('C10 counts no cut when the raw effective rate never moved 20 bp after the article, and prices the publication day from the raw files', () => {
    const dff = fred('DFF');
    const after = [...dff].filter(([d]) => d > parseIsoDay('2026-01-19')).map(([, v]) => v);
    expect(Math.max(...after) - Math.min(...after)).toBeLessThan(0.2);
    const c10 = rows[9].outOfSample!;
    expect(c10.statistic).toBe(0);
    // The 2026-01-16 close sees the 2026-01-15 prints (both published the next business day).
    const day = parseIsoDay('2026-01-15');
    expect(c10.secondary!.value).toBeCloseTo((dff.get(day)! - fred('DGS2').get(day)!) / (0.25 * 0.75), 10);
    // Under one cut priced by a lower-bound measure: the pricing cannot decide; with no cut by
    // the data's end and three FOMC meetings left, two cuts are still possible: pending.
    expect(c10.secondary!.value).toBeLessThan(1);
    expect(c10.verdict).toBe('pending');
  });

  it('C6 starts after reserves first reached $3T (data of 2020-04-22, usable 2020-04-24) and reports the COVID window apart', () => {
    const c6 = rows[5].inSample!;
    expect(c6.from).toBe(parseIsoDay('2020-04-27'));
    expect(c6.notes.join(' ')).toMatch(/COVID window 2019-12-02 … 2020-04-24/);
    expect(c6.notes.join(' ')).toMatch(/NW lag 42/);
  });

  it('says which roles were T-bill stand-ins: China/HK and commodities from 2026-08-11 out of sample, commodities 2003–2006 for C7', () => {
    const c4 = rows[3].outOfSample!;
    expect(c4.standIns.map((s) => s.role)).toEqual(['china_hk', 'commodities']);
    expect(c4.standIns[1].from).toBe(parseIsoDay('2026-08-11'));
    const c7 = rows[6].inSample!.standIns.find((s) => s.role === 'commodities')!;
    expect(c7.to).toBeLessThan(parseIsoDay('2006-03-01'));
    expect(rows[3].inSample!.standIns).toEqual([]);
  });
});
