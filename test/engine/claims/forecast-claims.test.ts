import { describe, it, expect } from 'vitest';
import { C10, C8, C9, claimWindows, countRateMoves, impliedCuts } from '../../../engine/claims/index.ts';
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

  it('reserves above $3T only briefly in Q1, March below → the part fails once the quarter is published (no "partial" any more)', () => {
    const brief = (d: number) => (d >= parseIsoDay('2026-02-02') && d <= parseIsoDay('2026-02-06') ? 3_050_000 : 2_900_000);
    const ctx = makeContext({ macro: { WALCL: walcl, WDTGAL: tga, WRESBAL: brief } });
    const res = C8.evaluate(ctx, claimWindows(ctx).outOfSample!);
    expect(res.notes[2]).toMatch(/^reserves fail/);
    expect(res.verdict).toBe('contradicted');
  });

  it('an $80bn TGA release against "about $400bn" fails once April is in the data (pass band ≥ $200bn, everything else fails)', () => {
    const small = (d: number) => 850_000 - Math.min(Math.max(0, d - JAN19), 81) * (80_000 / 81);
    const ctx = makeContext({ macro: { WALCL: walcl, WDTGAL: small, WRESBAL: reserves } });
    const res = C8.evaluate(ctx, claimWindows(ctx).outOfSample!);
    expect(res.notes[1]).toMatch(/^TGA fail .*released \$80bn/);
    expect(res.statistic).toBe(2);
    expect(res.verdict).toBe('contradicted');
  });

  it('data ending in March cannot score the April parts: pending, not inconclusive', () => {
    const ctx = makeContext({ to: '2026-03-20', macro: { WALCL: walcl, WDTGAL: tga, WRESBAL: reserves } });
    const res = C8.evaluate(ctx, claimWindows(ctx).outOfSample!);
    expect(res.verdict).toBe('pending');
    expect(res.notes[0]).toMatch(/^balance sheet open/);
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
    expect(res.verdict).toBe('pending');
    expect(res.notes.join(' ')).toMatch(/Q4 share open/);
    expect(res.notes.join(' ')).toMatch(/period open/);
  });

  it('a year of data past September decides it: short rare Q4 → supported, long Q4 → contradicted', () => {
    const shortQ4 = makeContext({ to: '2026-12-31', label: (t) => (t >= 540 && t < 550 ? 4 : 2) });
    expect(C9.evaluate(shortQ4, claimWindows(shortQ4).outOfSample!).verdict).toBe('supported');
    const longQ4 = makeContext({ to: '2026-12-31', label: (t) => (t >= 540 && t < 620 ? 4 : 2) });
    expect(C9.evaluate(longQ4, claimWindows(longQ4).outOfSample!).verdict).toBe('contradicted');
    // A Q4 share of ~20 % (between the old pass 15 % and fail 33 %) no longer stays undecided for ever.
    const middle = makeContext({ to: '2026-12-31', label: (t) => (t >= 540 && t < 560 ? 4 : t >= 600 && t < 620 ? 4 : 2) });
    const r = C9.evaluate(middle, claimWindows(middle).outOfSample!);
    expect(r.statistic).toBeGreaterThan(0.15);
    expect(r.statistic).toBeLessThan(1 / 3);
    expect(r.verdict).toBe('contradicted');
  });

  it('is decided early when the rest of the period cannot change a part: no Q2 day and 55 Q4 days with 12 days left', () => {
    const ctx = makeContext({ label: (t) => (t >= 560 && t < 615 ? 4 : 1) });
    const res = C9.evaluate(ctx, claimWindows(ctx).outOfSample!);
    expect(res.verdict).toBe('contradicted');
    expect(res.notes.join(' ')).toMatch(/Q2 − Q4 days fail/);
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

  it('impliedCuts: a 2-year yield 37.5 bp under the policy rate prices two evenly spread 2026 cuts (by hand: 0.375 / (0.25 × 0.75) = 2)', () => {
    expect(impliedCuts(3.64, 3.265)).toBeCloseTo(2, 12);
    expect(impliedCuts(3.64, 3.64)).toBe(0);
    // The snapshot's 2026-01-16 close (DFF 3.64, DGS2 3.56 as of that close): 0.08 / 0.1875 = 0.4267.
    expect(impliedCuts(3.64, 3.56)).toBeCloseTo(0.08 / 0.1875, 12);
  });

  it('so far with meetings left → pending; too many cuts → contradicted; a full year of two, priced at two → supported', () => {
    const twoCuts = (d: number) => (d >= parseIsoDay('2026-06-18') ? 3.14 : d >= parseIsoDay('2026-03-19') ? 3.39 : 3.64);
    const pricedTwo = () => 3.265;
    const soFar = makeContext({ macro: { DFF: twoCuts }, dgs2: pricedTwo });
    const r1 = C10.evaluate(soFar, claimWindows(soFar).outOfSample!);
    expect(r1.statistic).toBe(2);
    expect(r1.secondary!.value).toBeCloseTo(2, 10);
    expect(r1.verdict).toBe('pending');
    expect(r1.notes.join(' ')).toMatch(/3 FOMC meeting\(s\) left/);
    const three = makeContext({ macro: { DFF: (d) => twoCuts(d) - (d >= parseIsoDay('2026-07-30') ? 0.25 : 0) }, dgs2: pricedTwo });
    expect(C10.evaluate(three, claimWindows(three).outOfSample!).verdict).toBe('contradicted');
    const full = makeContext({ to: '2027-01-08', macro: { DFF: twoCuts }, dgs2: pricedTwo });
    expect(C10.evaluate(full, claimWindows(full).outOfSample!).verdict).toBe('supported');
    const none = makeContext({ to: '2027-01-08', dgs2: pricedTwo });
    expect(C10.evaluate(none, claimWindows(none).outOfSample!).verdict).toBe('contradicted');
    // Two cuts delivered; the pricing measure (a lower bound) reads none: it cannot decide.
    const flat = makeContext({ to: '2027-01-08', macro: { DFF: twoCuts }, dgs2: () => 3.64 });
    const rf = C10.evaluate(flat, claimWindows(flat).outOfSample!);
    expect(rf.notes[0]).toMatch(/^priced at publication undecided/);
    expect(rf.verdict).toBe('supported');
    // A 2-year 75 bp under DFF prices (0.75 / 0.1875 =) 4 cuts even before any term premium:
    // above the band, the note misread the pricing.
    const steep = makeContext({ to: '2027-01-08', macro: { DFF: twoCuts }, dgs2: () => 3.64 - 0.75 });
    const rs = C10.evaluate(steep, claimWindows(steep).outOfSample!);
    expect(rs.notes[0]).toMatch(/^priced at publication fail/);
    expect(rs.verdict).toBe('contradicted');
  });
});
