import { describe, it, expect } from 'vitest';
import { DataError } from '../../../datasets/errors.ts';
import { ProblemsError } from '../../../datasets/problems.ts';
import { isoDay } from '../../../datasets/day.ts';
import type { Panel } from '../../../datasets/panel.ts';
import { computeRegimes, parseRegimeConfig, RegimeCache, REGIME_PRESETS, type RegimeConfig } from '../../../engine/regimes/index.ts';
import { trailingZScore } from '../../../engine/signals/trailing-z-score.ts';
import { makeCalendar } from '../../builders.ts';

const N = 30;
const cal = makeCalendar('2024-01-01', N);

/** Columns from [value, fromRow] steps: each value holds from its row on. */
function steps(...parts: [number, number][]): Float64Array {
  const out = new Float64Array(N);
  for (const [v, from] of parts) out.fill(v, from);
  return out;
}

/** A 30-row panel whose every number is chosen so the signals can be worked out by hand. */
function handPanel(): Panel {
  return {
    calendar: cal,
    columns: {
      WALCL: steps([7_000_000, 0], [7_050_000, 10]),
      WDTGAL: steps([800_000, 0], [700_000, 12]),
      RRPONTSYD: steps([100, 0]),
      WRESBAL: steps([2_800_000, 0]),
      DFF: steps([5.0, 0], [4.75, 21]),
      DGS2: steps([4.0, 0], [4.3, 25]),
      DGS3MO: steps([5.0, 0]),
      DTWEXBGS: steps([100, 0], [102, 23]),
    },
    asOf: {},
    open: {},
  };
}

/** Sign components only, so every component is −1, 0 or +1 and the scores are exact. */
const handConfig: RegimeConfig = parseRegimeConfig(
  {
    windows: {
      balanceSheetWeeks: 1,
      netLiquidityWeeks: 1,
      reservesWeeks: 1,
      policyRateMonths: 1,
      rateExpectationsMonths: 1,
      dollarMomentumDays: 2,
      dollarTrendDays: 2,
      dollarAccelerationDays: 1,
    },
    reserves: { from: isoDay(cal[10]) },
    components: {
      balance_sheet: { weight: 1, method: 'sign', deadBand: 10_000 },
      net_liquidity: { weight: 0, method: 'sign', deadBand: 10_000 },
      reserves: { weight: 0, method: 'sign', deadBand: 100_000 },
      reserves_change: { weight: 0 },
      policy_rate: { weight: 1, method: 'sign', deadBand: 0.125 },
      rate_expectations: { weight: 2, method: 'sign', deadBand: 0.1 },
      policy_vs_market: { weight: 0, method: 'sign', deadBand: 0.25 },
      policy_surprise: { weight: 0 },
      dollar_momentum: { weight: 1, method: 'sign', deadBand: 0.005 },
      dollar_trend: { weight: 0 },
      dollar_acceleration: { weight: 0 },
    },
    stability: { confirmDays: 1 },
  },
  'hand',
);

describe('computeRegimes on a hand-made panel', () => {
  const r = computeRegimes(handPanel(), handConfig);

  it('computes each raw signal in its stated units', () => {
    // WALCL +50,000 (millions) at row 10; 1-week change = 5 rows: rows 10-14 see +50,000, row 15 0.
    const bs = r.signals.walcl_change_1w;
    expect([bs[4], bs[9], bs[10], bs[14], bs[15]]).toEqual([NaN, 0, 50_000, 50_000, 0]);
    // Net liquidity: 7,000,000 − 800,000 − 100×1000 = 6,100,000; from row 12 the TGA is 700,000
    // and WALCL 7,050,000: 6,250,000. Its 1-week change at row 12: 6,250,000 − 6,100,000 (row 7).
    expect([r.signals.net_liquidity[0], r.signals.net_liquidity[12]]).toEqual([6_100_000, 6_250_000]);
    expect(r.signals.net_liquidity_change_1w[12]).toBe(150_000);
    // Reserves 2,800,000 against the 3,000,000 line: −200,000.
    expect(r.signals.reserves_gap[0]).toBe(-200_000);
    // DFF 5.00 → 4.75 at row 21; 1 month = 21 rows: row 21 − row 0 = −0.25 pp; row 20 has no row −1.
    expect(r.signals.dff_change[20]).toBeNaN();
    expect(r.signals.dff_change[21]).toBe(-0.25);
    // DGS2 4.0 → 4.3 at row 25: +0.3 pp (floating: 4.3 − 4.0).
    expect(r.signals.dgs2_change[25]).toBeCloseTo(0.3, 12);
    // Dollar 100 → 102 at row 23; 2-day momentum at rows 23, 24: 102/100 − 1 = 0.02; row 25: 0.
    expect([r.signals.dollar_momentum[22], r.signals.dollar_momentum[23], r.signals.dollar_momentum[24], r.signals.dollar_momentum[25]]).toEqual([
      0,
      102 / 100 - 1,
      102 / 100 - 1,
      0,
    ]);
  });

  it('orients components: a rate cut and a falling 2-year are easing (+), a rising 2-year tightening (−)', () => {
    expect(r.components.policy_rate[21]).toBe(1);
    expect(r.components.rate_expectations[24]).toBe(0);
    expect(r.components.rate_expectations[25]).toBe(-1);
    expect(r.components.balance_sheet[10]).toBe(1);
  });

  it('keeps the reserve red line neutral before its start date', () => {
    // Reserves are 200,000 below the line all along; the line applies from row 10.
    expect(Array.from(r.components.reserves.subarray(8, 12))).toEqual([0, 0, -1, -1]);
  });

  it('weighs components into scores and labels the quadrants', () => {
    // Liquidity = (1·balance_sheet + 1·policy_rate + 2·rate_expectations) / 4.
    // Row 21: (0 + 1 + 0)/4 = 0.25 (easing); dollar momentum 0 → not strengthening: Q1.
    // Row 23: liquidity 0.25, dollar +1: Q2. Row 25: (0 + 1 − 2)/4 = −0.25, dollar 0: Q3.
    expect(r.liquidityScore[20]).toBeNaN();
    expect([r.liquidityScore[21], r.liquidityScore[23], r.liquidityScore[25], r.liquidityScore[29]]).toEqual([0.25, 0.25, -0.25, -0.25]);
    expect([r.dollarScore[21], r.dollarScore[23], r.dollarScore[25]]).toEqual([0, 1, 0]);
    expect(Array.from(r.labels.subarray(19))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 3, 3, 3]);
    expect(r.firstLabelled).toBe(21);
  });

  it('a scale component is the trailing z-score about zero of its signal, sign-flipped for the policy rate', () => {
    const cfg = parseRegimeConfig(
      { ...structuredClone(handConfig), components: { policy_rate: { method: 'scale' } }, zScore: { window: 10, minHistory: 2 } },
      'hand',
    );
    const got = computeRegimes(handPanel(), cfg).components.policy_rate;
    const z = trailingZScore(computeRegimes(handPanel(), cfg).signals.dff_change, { window: 10, minHistory: 2, clip: 3, center: false });
    expect(Array.from(got)).toEqual(Array.from(z, (v) => (v === 0 ? 0 : -v)));
    // By hand, row 22: dff_change rows 21, 22 are −0.25, −0.25: rms 0.25, z −1 → +1 after the flip.
    expect(got[22]).toBe(1);
  });
});

describe('computeRegimes errors and sharing', () => {
  it('names a missing column: DXY as the dollar source needs fred/DXY.csv', () => {
    const cfg = parseRegimeConfig({ dollarSource: 'DXY' }, 'inline');
    expect(() => computeRegimes(handPanel(), cfg)).toThrow(DataError);
    expect(() => computeRegimes(handPanel(), cfg)).toThrow(/needs DXY/);
  });

  it('checks a config built in code', () => {
    const bad = { ...REGIME_PRESETS.article, zScore: { window: 10, minHistory: 1, clip: 3 } };
    expect(() => computeRegimes(handPanel(), bad)).toThrow(ProblemsError);
    expect(() => computeRegimes(handPanel(), bad)).toThrow(/zScore\.minHistory: must be an integer from 2/);
  });

  it('a cache gives the same result and shares signals across configs, but only for its own panel', () => {
    const panel = handPanel();
    const cache = new RegimeCache(panel);
    const a = computeRegimes(panel, handConfig, { cache });
    const size = cache.size;
    const b = computeRegimes(panel, parseRegimeConfig({ ...structuredClone(handConfig), stability: { confirmDays: 3 } }, 'x'), { cache });
    expect(cache.size).toBe(size); // only the labelling differs: no new arrays
    expect(b.signals.dff_change).toBe(a.signals.dff_change);
    expect(Array.from(a.labels)).toEqual(Array.from(computeRegimes(panel, handConfig).labels));
    expect(() => computeRegimes(handPanel(), handConfig, { cache })).toThrow(/another panel/);
  });
});

describe('easing against expectations (policy_vs_market)', () => {
  it('reads a Fed that holds while the 2-year prices cuts as tightening, and delivered cuts as easing', () => {
    const cfg = parseRegimeConfig({ ...structuredClone(handConfig), components: { policy_vs_market: { weight: 1, method: 'sign', deadBand: 0.25 } } }, 'hand');
    const r = computeRegimes(handPanel(), cfg);
    const s = r.signals.easing_shortfall;
    // By hand (1 month = 21 rows): row 20 has no row −1 → NaN. Row 21: priced max(0, 4.75 − 4.0) = 0.75,
    // delivered max(0, 5.00 − 4.75) = 0.25 → 0.5. Row 25: priced max(0, 4.75 − 4.3) = 0.45, delivered
    // max(0, DFF[4] − DFF[25]) = 0.25 → 0.2.
    expect(s[20]).toBeNaN();
    expect(s[21]).toBeCloseTo(0.5, 12);
    expect(s[25]).toBeCloseTo(0.2, 12);
    // 0.5 is beyond the 0.25 dead band → −1 (tightening); 0.2 is inside it → 0.
    expect(r.components.policy_vs_market[21]).toBe(-1);
    expect(r.components.policy_vs_market[25]).toBe(0);
  });
});
