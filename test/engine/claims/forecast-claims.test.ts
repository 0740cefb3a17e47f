import { describe, it, expect } from 'vitest';
import { C10, C8, C9, claimWindows, countRateMoves } from '../../../engine/claims/index.ts';
import { parseIsoDay } from '../../../datasets/day.ts';
import { makeContext, weekdays } from './make-context.ts';

// The synthetic calendar has no holidays: 2026-01-19 is a trading day and the baseline close.
const JAN19 = parseIsoDay('2026-01-19');

describe('C8: RMP, TGA and reserves', () => {
  // Balance sheet +$40bn a month from a 6.5T base; TGA falling by $450bn to early April; reserves
  // 2.95T until late February, 3.1T from March.
  const walcl = (d: number) => 6_500_000 + Math.max(0, d - JAN19) * (40_000 / (365.25 / 12));
  const tga = (d: number) => 850_000 - Math.min(Math.max(0, d - JAN19), 81) * (450_000 / 81); // 81 days to 2026-04-10
  const reserves = (d: number) => (d >= parseIsoDay('2026-03-01') ? 3_100_000 : 2_950_000);

  it('all three parts pass → supported; the pace is computed from the as-of values (by hand: $40bn/month)', () => {
    const ctx = makeContext({ macro: { WALCL: walcl, WDTGAL: tga, WRESBAL: reserves } });
    const res = C8.evaluate(ctx, claimWindows(ctx).outOfSample!);
    expect(res.statistic).toBe(3);
    expect(res.verdict).toBe('supported');
    expect(res.notes[0]).toMatch(/\$40\.0bn\/month/);
    expect(res.notes[1]).toMatch(/released \$450bn/);
    expect(res.thin).toBe(false);
  });

  it('a TGA that rises instead → contradicted', () => {
    const ctx = makeContext({ macro: { WALCL: walcl, WDTGAL: (d) => 700_000 + Math.max(0, d - JAN19) * 1000, WRESBAL: reserves } });
    const res = C8.evaluate(ctx, claimWindows(ctx).outOfSample!);
    expect(res.statistic).toBe(2);
    expect(res.verdict).toBe('contradicted');
  });

  it('reserves above $3T only briefly in Q1 → partial → inconclusive', () => {
    const brief = (d: number) => (d >= parseIsoDay('2026-02-02') && d <= parseIsoDay('2026-02-06') ? 3_050_000 : 2_900_000);
    const ctx = makeContext({ macro: { WALCL: walcl, WDTGAL: tga, WRESBAL: brief } });
    const res = C8.evaluate(ctx, claimWindows(ctx).outOfSample!);
    expect(res.notes[2]).toMatch(/^reserves partial/);
    expect(res.verdict).toBe('inconclusive');
  });

  it('data ending in March cannot score the April parts', () => {
    const ctx = makeContext({ to: '2026-03-20', macro: { WALCL: walcl, WDTGAL: tga, WRESBAL: reserves } });
    const res = C8.evaluate(ctx, claimWindows(ctx).outOfSample!);
    expect(res.verdict).toBe('inconclusive');
    expect(res.thin).toBe(true);
  });
});

describe('C9: Q2 the risk, Q4 rare and short', () => {
  it('counts shares of the quadrant in force after the article (by hand)', () => {
    // From index 540 on, 20 labels of Q4, the rest Q2 (data to 2026-09-14, 12 weekdays left).
    const ctx = makeContext({ label: (t) => (t >= 540 && t < 560 ? 4 : t >= 560 ? 2 : 1) });
    const w = claimWindows(ctx).outOfSample!;
    const res = C9.evaluate(ctx, w);
    const total = w.to - w.from + 1; // every day to 2026-09-14 is before 2026-09-30
    expect(res.n).toBe(total);
    expect(res.statistic).toBeCloseTo(20 / total, 12);
    expect(res.episodes).toBe(1);
    // 20/~170 ≈ 12 % now; 12 more Q4 days would make 32/182 = 17.6 % > 15 %: not decided yet.
    expect(res.verdict).toBe('inconclusive');
    expect(res.notes.join(' ')).toMatch(/period not over/);
  });

  it('a year of data past September decides it: short rare Q4 → supported, long Q4 → contradicted', () => {
    const shortQ4 = makeContext({ to: '2026-12-31', label: (t) => (t >= 540 && t < 550 ? 4 : 2) });
    expect(C9.evaluate(shortQ4, claimWindows(shortQ4).outOfSample!).verdict).toBe('supported');
    const longQ4 = makeContext({ to: '2026-12-31', label: (t) => (t >= 540 && t < 620 ? 4 : 2) });
    expect(C9.evaluate(longQ4, claimWindows(longQ4).outOfSample!).verdict).toBe('contradicted');
  });
});

describe('C10: two cuts in 2026', () => {
  it('countRateMoves: 25 bp steps count once, 50 bp twice, one-day blips not at all (by hand)', () => {
    const cal = weekdays(parseIsoDay('2026-01-01'), parseIsoDay('2026-06-30'));
    const rate = Float64Array.from(cal, (d, t) => {
      let r = 3.64;
      if (d >= parseIsoDay('2026-03-19')) r = 3.39; // −25 bp
      if (d >= parseIsoDay('2026-05-01')) r = 2.89; // −50 bp
      if (t === 20 || t === 21) r -= 0.3; // a two-day dip: the 5-print median ignores it
      return r;
    });
    const m = countRateMoves(rate, cal, 5, cal.length - 1);
    expect(m.cuts).toBe(3);
    expect(m.hikes).toBe(0);
    expect(m.start).toBeCloseTo(3.64, 12);
    expect(m.end).toBeCloseTo(2.89, 12);
  });

  it('so far with meetings left → inconclusive; too many cuts → contradicted; a full year of two → supported', () => {
    const twoCuts = (d: number) => (d >= parseIsoDay('2026-06-18') ? 3.14 : d >= parseIsoDay('2026-03-19') ? 3.39 : 3.64);
    const soFar = makeContext({ macro: { DFF: twoCuts } });
    const r1 = C10.evaluate(soFar, claimWindows(soFar).outOfSample!);
    expect(r1.statistic).toBe(2);
    expect(r1.verdict).toBe('inconclusive');
    expect(r1.notes[1]).toMatch(/3 FOMC meeting\(s\) left/);
    const three = makeContext({ macro: { DFF: (d) => twoCuts(d) - (d >= parseIsoDay('2026-07-30') ? 0.25 : 0) } });
    expect(C10.evaluate(three, claimWindows(three).outOfSample!).verdict).toBe('contradicted');
    const full = makeContext({ to: '2027-01-08', macro: { DFF: twoCuts } });
    expect(C10.evaluate(full, claimWindows(full).outOfSample!).verdict).toBe('supported');
    const none = makeContext({ to: '2027-01-08' });
    expect(C10.evaluate(none, claimWindows(none).outOfSample!).verdict).toBe('contradicted');
  });
});
