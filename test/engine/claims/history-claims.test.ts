import { describe, it, expect } from 'vitest';
import { C1, C2, C3, C4, C5, C6, C7, claimWindows, RISK_ROLES } from '../../../engine/claims/index.ts';
import type { ClaimContext } from '../../../engine/claims/index.ts';
import { annualMean, makeContext } from './make-context.ts';

/** Days i in [from, to] whose previous label passes `pred`, the naive way. */
function daysWhere(_ctx: ClaimContext, from: number, to: number, pred: (t: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) if (pred(i - 1)) out.push(i);
  return out;
}
const basket = (ctx: ClaimContext, i: number) => RISK_ROLES.reduce((s, r) => s + ctx.roles[r][i], 0) / RISK_ROLES.length;
const sd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};

// Labels cycle Q1, Q2, Q3, Q4 in 30-day blocks: many episodes of each.
const cycle = (t: number) => 1 + (Math.floor(t / 30) % 4);

/** The naive difference in differences: annualised mean of f on days in the condition minus on the other labelled days. */
function naiveContrast(ctx: ClaimContext, from: number, to: number, inside: (t: number) => boolean, f: (i: number) => number): number {
  const a = daysWhere(ctx, from, to, (t) => ctx.labels[t] >= 1 && inside(t)).map(f);
  const b = daysWhere(ctx, from, to, (t) => ctx.labels[t] >= 1 && !inside(t)).map(f);
  return annualMean(a) - annualMean(b);
}

describe('C1–C4: spread claims', () => {
  it('C1 statistic is the smallest (Q1 − other quadrants) mean of the five roles (naive), supported under a strong Q1 rally; the Q1 level is the secondary figure', () => {
    const ctx = makeContext({ label: cycle, drift: (_r, _i, q) => (q === 1 ? 0.004 : 0) });
    const w = claimWindows(ctx).inSample!;
    const days = daysWhere(ctx, w.from, w.to, (t) => ctx.labels[t] === 1);
    const naive = Math.min(
      ...RISK_ROLES.map((r) =>
        naiveContrast(
          ctx,
          w.from,
          w.to,
          (t) => ctx.labels[t] === 1,
          (i) => ctx.roles[r][i],
        ),
      ),
    );
    const level = Math.min(...RISK_ROLES.map((r) => annualMean(days.map((i) => ctx.roles[r][i]))));
    const res = C1.evaluate(ctx, w);
    expect(res.statistic).toBeCloseTo(naive, 10);
    expect(res.secondary!.value).toBeCloseTo(level, 10);
    expect(res.n).toBe(days.length);
    expect(res.verdict).toBe('supported');
    expect(res.pValue).toBeLessThan(0.05);
    expect(res.lower).toBeGreaterThan(0);
    expect(res.thin).toBe(false);
    // 560 in-sample days in 30-day blocks, Q1 every fourth block: 5 spells of ≥ 21 days (the last one cut by the article).
    expect(res.episodes).toBe(res.fragments);
  });

  it('a trend that holds in every quadrant cancels in the contrast: C4 is not contradicted by commodities lagging everywhere', () => {
    // Commodities lag US equities by 0.5% a day on EVERY day: the Q3 level is strongly negative, the contrast is noise.
    const ctx = makeContext({ label: cycle, drift: (r) => (r === 'commodities' ? -0.005 : 0), seed: 3 });
    const res = C4.evaluate(ctx, claimWindows(ctx).inSample!);
    expect(res.secondary!.value).toBeLessThan(-0.6); // the level: about −0.005 × 252 = −126%/yr
    expect(res.verdict).not.toBe('contradicted');
    expect(Math.abs(res.statistic)).toBeLessThan(0.5);
  });

  it('a claim whose condition never holds is untestable, not inconclusive', () => {
    const ctx = makeContext({ label: (t) => (t % 60 < 30 ? 1 : 3) });
    const res = C2.evaluate(ctx, claimWindows(ctx).inSample!);
    expect(res.n).toBe(0);
    expect(res.verdict).toBe('untestable');
    expect(res.pValue).toBeNaN();
  });

  it('C1 is contradicted when one role falls hard in Q1', () => {
    const ctx = makeContext({ label: cycle, drift: (r, _i, q) => (q === 1 ? (r === 'emerging' ? -0.006 : 0.004) : 0) });
    const res = C1.evaluate(ctx, claimWindows(ctx).inSample!);
    expect(res.verdict).toBe('contradicted');
    expect(res.upper).toBeLessThan(0);
  });

  it('C1 is inconclusive on pure noise', () => {
    const ctx = makeContext({ label: cycle, noise: 0.01, seed: 5 });
    const res = C1.evaluate(ctx, claimWindows(ctx).inSample!);
    expect(res.lower).toBeLessThan(res.statistic);
    expect(res.verdict).not.toBe('supported');
  });

  it('C2 is the Q2 − elsewhere contrast of US (large+small)/2 minus non-US (developed+EM)/2 (naive)', () => {
    const ctx = makeContext({ label: cycle, drift: (r, _i, q) => (q === 2 && (r === 'us_large' || r === 'us_small') ? 0.003 : 0) });
    const w = claimWindows(ctx).inSample!;
    const R = ctx.roles;
    const naive = naiveContrast(
      ctx,
      w.from,
      w.to,
      (t) => ctx.labels[t] === 2,
      (i) => (R.us_large[i] + R.us_small[i]) / 2 - (R.non_us_developed[i] + R.emerging[i]) / 2,
    );
    const res = C2.evaluate(ctx, w);
    expect(res.statistic).toBeCloseTo(naive, 10);
    expect(res.verdict).toBe('supported');
  });

  it('C3 uses Q2 days whose risk gauge rose over 21 days, known at the previous close (naive)', () => {
    const ctx = makeContext({ label: cycle, riskAversion: (_d, t) => 15 + 5 * Math.sin(t / 9) });
    const w = claimWindows(ctx).inSample!;
    const g = ctx.riskAversion!.values;
    const inside = (t: number) => ctx.labels[t] === 2 && t >= 21 && g[t] - g[t - 21] > 0;
    const days = daysWhere(ctx, w.from, w.to, inside);
    const naive = naiveContrast(ctx, w.from, w.to, inside, (i) => ctx.roles.us_small[i] - ctx.roles.us_large[i]);
    const res = C3.evaluate(ctx, w);
    expect(res.n).toBe(days.length);
    expect(res.statistic).toBeCloseTo(naive, 10);
    expect(res.notes.join(' ')).toMatch(/VIX up over 21 days/);
  });

  it('C4 is the smaller Q3 − elsewhere contrast of (non-US+China − US) and (commodities − US) (naive)', () => {
    const ctx = makeContext({ label: cycle, drift: (r, _i, q) => (q === 3 && r === 'commodities' ? 0.004 : 0) });
    const w = claimWindows(ctx).inSample!;
    const R = ctx.roles;
    const q3 = (t: number) => ctx.labels[t] === 3;
    const us = (i: number) => (R.us_large[i] + R.us_small[i]) / 2;
    const a = naiveContrast(ctx, w.from, w.to, q3, (i) => (R.non_us_developed[i] + R.emerging[i] + R.china_hk[i]) / 3 - us(i));
    const b = naiveContrast(ctx, w.from, w.to, q3, (i) => R.commodities[i] - us(i));
    expect(C4.evaluate(ctx, w).statistic).toBeCloseTo(Math.min(a, b), 10);
  });
});

describe('C5–C7: group claims', () => {
  it('C5 statistic is the contrast 252·(m4 − min(m1..m3)) on the risk basket (naive), the Q4 level 252·m4 beside it; supported when Q4 falls hardest', () => {
    const ctx = makeContext({ label: cycle, drift: (_r, _i, q) => (q === 4 ? -0.004 : 0.001) });
    const w = claimWindows(ctx).inSample!;
    const m = [1, 2, 3, 4].map((q) => annualMean(daysWhere(ctx, w.from, w.to, (t) => ctx.labels[t] === q).map((i) => basket(ctx, i))));
    const res = C5.evaluate(ctx, w);
    expect(res.statistic).toBeCloseTo(m[3] - Math.min(m[0], m[1], m[2]), 10);
    expect(res.secondary!.value).toBeCloseTo(m[3], 10);
    expect(res.verdict).toBe('supported');
    // Q4 the best quadrant instead: contradicted.
    const up = makeContext({ label: cycle, drift: (_r, _i, q) => (q === 4 ? 0.004 : 0) });
    expect(C5.evaluate(up, claimWindows(up).inSample!).verdict).toBe('contradicted');
  });

  it('C6 compares volatility below vs above $3T with reserves known at the previous close (naive)', () => {
    // Reserves below $3T in alternate 40-day spells; risk assets three times as volatile then.
    const below = (t: number) => Math.floor(t / 40) % 2 === 1;
    const base = makeContext({ macro: { WRESBAL: (_d, t) => (below(t) ? 2_900_000 : 3_100_000) } });
    const ctx = makeContext({
      macro: { WRESBAL: (_d, t) => (below(t) ? 2_900_000 : 3_100_000) },
      drift: () => 0,
      noise: 0.01,
    });
    for (const r of RISK_ROLES) for (let i = 1; i < ctx.calendar.length; i++) if (below(i - 1)) ctx.roles[r][i] *= 3;
    const w = claimWindows(ctx).inSample!;
    const lo = daysWhere(ctx, w.from, w.to, (t) => below(t)).map((i) => basket(ctx, i));
    const hi = daysWhere(ctx, w.from, w.to, (t) => !below(t)).map((i) => basket(ctx, i));
    const res = C6.evaluate(ctx, w);
    expect(res.statistic).toBeCloseTo((sd(lo) - sd(hi)) * Math.sqrt(252), 10);
    expect(res.n).toBe(lo.length);
    expect(res.lower).toBeGreaterThan(0);
    expect(res.verdict).toBe('supported'); // deeper one-month drawdowns too, with 3× the volatility
    expect(C6.evaluate(base, claimWindows(base).inSample!).verdict).not.toBe('supported');
  });

  it('C7 is the mean basket return after rising minus after falling 20-day net liquidity (naive)', () => {
    const nl = (_d: number, t: number) => 5_000_000 + 200_000 * Math.sin(t / 25);
    const ctx = makeContext({ netLiquidity: nl });
    const w = claimWindows(ctx).inSample!;
    const x = ctx.netLiquidity;
    const up = daysWhere(ctx, w.from, w.to, (t) => t >= 20 && x[t] - x[t - 20] > 0).map((i) => basket(ctx, i));
    const down = daysWhere(ctx, w.from, w.to, (t) => t >= 20 && x[t] - x[t - 20] < 0).map((i) => basket(ctx, i));
    const res = C7.evaluate(ctx, w);
    expect(res.statistic).toBeCloseTo(annualMean(up) - annualMean(down), 10);
    expect(res.n).toBe(up.length + down.length);
  });
});

describe('thin data', () => {
  it('flags a verdict resting on fewer than 60 days or 3 episodes', () => {
    // Q1 only in one 40-day spell after the article: out of sample is thin.
    const ctx = makeContext({ label: (t) => (t > 560 && t <= 600 ? 1 : 2) });
    const res = C1.evaluate(ctx, claimWindows(ctx).outOfSample!);
    expect(res.n).toBe(40);
    expect(res.episodes).toBe(1);
    expect(res.thin).toBe(true);
  });

  it('counts as episodes only runs of ≥ 21 days: a condition that flickers has many fragments and few episodes', () => {
    // Q2 in runs of 5 days out of every 10, plus one 40-day run: 1 episode, many fragments.
    const ctx = makeContext({ label: (t) => (t >= 100 && t < 140 ? 2 : t % 10 < 5 ? 2 : 1) });
    const res = C2.evaluate(ctx, claimWindows(ctx).inSample!);
    expect(res.episodes).toBe(1);
    expect(res.fragments).toBeGreaterThan(40);
    expect(res.thin).toBe(true);
  });
});
