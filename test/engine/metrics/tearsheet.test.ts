import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay, parseIsoDay } from '../../../datasets/day.ts';
import { historicalVar } from '../../../engine/metrics/value-at-risk.ts';
import { periodReturns } from '../../../engine/metrics/period-returns.ts';
import { tearsheet } from '../../../engine/metrics/tearsheet.ts';
import { worstDrawdowns } from '../../../engine/metrics/worst-drawdowns.ts';

// Expected values: test/fixtures/tearsheet/expected.json, made by make-reference.py beside it
// with pandas 1.5.3 / numpy 1.24 from quantstats' and empyrical's documented definitions
// (`/usr/bin/python3 make-reference.py`), on the seeded synthetic path in returns.csv.
const dir = fileURLToPath(new URL('../../fixtures/tearsheet/', import.meta.url));
const rows = readFileSync(`${dir}returns.csv`, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));
const days = Int32Array.from(rows, (r) => parseIsoDay(r[0]));
const nav = Float64Array.from(rows, (r) => Number(r[1]));
const bench = Float64Array.from(rows, (r) => (r[2] === '' ? NaN : Number(r[2])));
const rf = Float64Array.from(rows, (r) => Number(r[3]));
const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8'));
const sheet = tearsheet(nav, days, rf, [{ name: 'benchmark', returns: bench }]);

describe('tearsheet against pandas/numpy reference values', () => {
  it('monthly and yearly compounded returns', () => {
    expect(sheet.monthly).toHaveLength(expected.monthly.length);
    sheet.monthly.forEach((m, i) => {
      expect([m.year, m.month]).toEqual([expected.monthly[i].year, expected.monthly[i].month]);
      expect(m.ret).toBeCloseTo(expected.monthly[i].return, 12);
    });
    sheet.yearly.forEach((y, i) => expect(y.ret).toBeCloseTo(expected.yearly[i].return, 12));
    const worst = Math.min(...expected.monthly.map((m: { return: number }) => m.return));
    expect(sheet.worstMonth!.ret).toBeCloseTo(worst, 12);
  });

  it('the five worst drawdowns: depth, peak, trough, recovery and length', () => {
    const got = sheet.drawdowns.map((d) => ({
      depth: d.depth,
      start: isoDay(d.start),
      trough: isoDay(d.trough),
      recovery: Number.isNaN(d.recovery) ? null : isoDay(d.recovery),
      lengthDays: d.lengthDays,
    }));
    got.forEach((d, i) => {
      const e = expected.worstDrawdowns[i];
      expect(d.depth).toBeCloseTo(e.depth, 12);
      expect({ ...d, depth: 0 }).toEqual({ ...e, depth: 0 });
    });
  });

  it('historical VaR and CVaR (numpy percentile, linear)', () => {
    expect(sheet.valueAtRisk.var).toBeCloseTo(expected.var95, 14);
    expect(sheet.valueAtRisk.cvar).toBeCloseTo(expected.cvar95, 14);
  });

  it('trailing 1/3/5/10-year annualised returns', () => {
    for (const t of sheet.trailing) expect(t.annualised).toBeCloseTo(expected.trailing[`${t.years}y`], 12);
  });

  it('alpha, beta, tracking error, information ratio, up and down capture', () => {
    const r = sheet.relative[0];
    for (const key of ['alpha', 'beta', 'trackingError', 'informationRatio', 'upCapture', 'downCapture'] as const) {
      expect(r[key], key).toBeCloseTo(expected.relative[key], 10);
    }
  });

  it('rolling one-year volatility and beta', () => {
    for (const p of expected.rolling) {
      // Position p of the returns series is NAV index p + 1.
      const i = p.position + 1;
      if (p.volatility === null) expect(sheet.rolling.volatility[i]).toBeNaN();
      else expect(sheet.rolling.volatility[i]).toBeCloseTo(p.volatility, 12);
      if (p.beta !== null) expect(sheet.rolling.beta[i]).toBeCloseTo(p.beta, 10);
    }
    // A full window needs 252 returns, the first of which is NAV index 1.
    expect(sheet.rolling.volatility[251]).toBeNaN();
    expect(sheet.rolling.volatility[252]).not.toBeNaN();
  });
});

describe('tearsheet pieces by hand', () => {
  it('drawdown episodes do not overlap and an unrecovered one runs to the end', () => {
    // 100 → 80 (−20%) → 100 recovers; 100 → 95 → 101 recovers; 101 → 90 never recovers.
    const d = worstDrawdowns(Float64Array.of(100, 80, 100, 95, 101, 90), Int32Array.of(0, 1, 2, 3, 4, 5), 5);
    expect(d.map((x) => [x.start, x.trough, x.recovery, x.lengthDays])).toEqual([
      [0, 1, 2, 2],
      [4, 5, NaN, 1],
      [2, 3, 4, 2],
    ]);
    expect(d[1].depth).toBeCloseTo(11 / 101, 15);
  });

  it('VaR is the type-7 quantile and CVaR the mean at or below it (hand computed)', () => {
    // Sorted −0.03, −0.01, 0, 0.01, 0.02; the 25% quantile sits at position 1: −0.01.
    const v = historicalVar(Float64Array.of(0.02, -0.01, 0, -0.03, 0.01), 0.75);
    expect(v.var).toBeCloseTo(-0.01, 15);
    expect(v.cvar).toBeCloseTo(-0.02, 15);
  });

  it('monthly returns compound back to the whole-period return (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 1, maxLength: 400 }), (rets) => {
        const nav = new Float64Array(rets.length + 1);
        nav[0] = 1;
        rets.forEach((r, i) => (nav[i + 1] = nav[i] * (1 + r)));
        const days = Int32Array.from(nav, (_, i) => 19000 + i * 3);
        const total = periodReturns(nav, days, 'month').reduce((g, p) => g * (1 + p.ret), 1);
        expect(total).toBeCloseTo(nav[nav.length - 1], 9);
      }),
    );
  });
});
