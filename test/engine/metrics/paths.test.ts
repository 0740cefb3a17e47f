import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { drawdownSeries, maxDrawdown, simpleReturns, rollingSharpe } from '../../../engine/metrics/index.ts';

// ---- drawdown ----

/** NAV paths: positive levels built from bounded daily returns. */
const navArb = fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 1, maxLength: 60 }).map((rs) => {
  const nav = new Float64Array(rs.length + 1);
  nav[0] = 100;
  for (let i = 0; i < rs.length; i++) nav[i + 1] = nav[i] * (1 + rs[i]);
  return nav;
});

const seqDays = (n: number) => Int32Array.from({ length: n }, (_, i) => 18000 + i);

describe('simpleReturns', () => {
  it('is aligned with the NAV and NaN on day 0', () => {
    const r = simpleReturns(Float64Array.of(100, 110, 99));
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeCloseTo(0.1, 15);
    expect(r[2]).toBeCloseTo(-0.1, 15);
    expect(() => simpleReturns(Float64Array.of(100, 0))).toThrow(/simpleReturns: nav\[1\] is 0/);
  });
});

describe('drawdownSeries', () => {
  it('hand example: 100, 120, 90, 130 → 0, 0, 1 − 90/120 = 0.25, 0', () => {
    expect(Array.from(drawdownSeries(Float64Array.of(100, 120, 90, 130)))).toEqual([0, 0, 0.25, 0]);
  });

  it('equals the naive O(n²) definition 1 − nav[i] / max(nav[0..i]) and lies in [0, 1)', () => {
    fc.assert(
      fc.property(navArb, (nav) => {
        const dd = drawdownSeries(nav);
        for (let i = 0; i < nav.length; i++) {
          let peak = -Infinity;
          for (let j = 0; j <= i; j++) peak = Math.max(peak, nav[j]);
          expect(dd[i]).toBe(1 - nav[i] / peak);
          expect(dd[i] >= 0 && dd[i] < 1).toBe(true);
        }
      }),
    );
  });
});

describe('maxDrawdown', () => {
  it('hand example with recovery: peak day 1 (120), trough day 2 (90), back above on day 3', () => {
    expect(maxDrawdown(Float64Array.of(100, 120, 90, 130), Int32Array.of(10, 11, 12, 13))).toEqual({
      depth: 0.25,
      start: 11,
      trough: 12,
      recovery: 13,
      lengthDays: 2,
    });
  });

  it('a later, deeper drawdown replaces an earlier recovered one; unrecovered gives NaN recovery', () => {
    // 100, 102, 100.98, 99.9702, 103.969008, 104.48885304, 102.3990759792: first fall
    // 1 − 99.9702/102 = 1.99 %, recovered on day 4; second 1 − 102.399…/104.488… = 2 % (deeper), open.
    const nav = Float64Array.of(100, 102, 100.98, 99.9702, 103.969008, 104.48885304, 102.3990759792);
    const r = maxDrawdown(nav, seqDays(7));
    expect(r.depth).toBeCloseTo(0.02, 14);
    expect(r.start).toBe(18005);
    expect(r.trough).toBe(18006);
    expect(r.recovery).toBeNaN();
    expect(r.lengthDays).toBe(1);
  });

  it('a monotone path has no drawdown', () => {
    expect(maxDrawdown(Float64Array.of(1, 2, 3), seqDays(3))).toEqual({ depth: 0, start: NaN, trough: NaN, recovery: NaN, lengthDays: 0 });
  });

  it('with a mask, follows only counted days (hand example)', () => {
    // nav 100, 90, 200, 180, 190, day 2 skipped: counted returns −10 %, −10 %, +5.56 %;
    // path 1, 0.9, 0.81, 0.855 → depth 0.19 from the start close (day 0) to day 3, never recovered,
    // 3 counted days long. Unmasked the NAV's own worst fall is 1 − 90/100 = 10 %.
    const nav = Float64Array.of(100, 90, 200, 180, 190);
    const r = maxDrawdown(nav, seqDays(5), Uint8Array.of(0, 1, 0, 1, 1));
    expect(r.depth).toBeCloseTo(0.19, 14);
    expect(r).toMatchObject({ start: 18000, trough: 18003, lengthDays: 3 });
    expect(r.recovery).toBeNaN();
    expect(maxDrawdown(nav, seqDays(5)).depth).toBeCloseTo(0.1, 14);
  });

  it('unmasked depth is the max of drawdownSeries; masked depth equals that of the compressed path', () => {
    fc.assert(
      fc.property(navArb, fc.array(fc.boolean(), { minLength: 61, maxLength: 61 }), (nav, bits) => {
        const days = seqDays(nav.length);
        const dd = drawdownSeries(nav);
        const r = maxDrawdown(nav, days);
        expect(r.depth).toBe(dd.reduce((a, b) => Math.max(a, b), 0));
        expect(r.depth >= 0 && r.depth < 1).toBe(true);
        if (r.depth > 0) expect(dd[r.trough - 18000]).toBe(r.depth);

        const mask = Uint8Array.from(nav, (_, i) => (bits[i] ? 1 : 0));
        const compressed = [1];
        for (let i = 1; i < nav.length; i++) if (mask[i]) compressed.push(compressed[compressed.length - 1] * (nav[i] / nav[i - 1]));
        const c = Float64Array.from(compressed);
        expect(maxDrawdown(nav, days, mask).depth).toBeCloseTo(maxDrawdown(c, seqDays(c.length)).depth, 12);
      }),
    );
  });

  it('rejects mismatched lengths and bad NAVs, naming the function', () => {
    expect(() => maxDrawdown(Float64Array.of(1, 2), Int32Array.of(1))).toThrow(/maxDrawdown needs days as long as nav/);
    expect(() => maxDrawdown(Float64Array.of(1, -2), Int32Array.of(1, 2))).toThrow(/maxDrawdown: nav\[1\] is -2/);
  });
});

// ---- rolling-sharpe ----

/** Window-by-window mean / sd × √252, recomputed from scratch: the O(n·w) reference. */
function naive(x: ArrayLike<number>, w: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (i < w - 1) {
      out.push(NaN);
      continue;
    }
    const win = Array.from({ length: w }, (_, k) => x[i - w + 1 + k]);
    if (win.some((v) => !Number.isFinite(v))) {
      out.push(NaN);
      continue;
    }
    const m = win.reduce((a, b) => a + b, 0) / w;
    const sd = Math.sqrt(win.reduce((a, b) => a + (b - m) ** 2, 0) / (w - 1));
    out.push((m / sd) * Math.sqrt(252));
  }
  return out;
}

describe('rollingSharpe', () => {
  it('hand example: windows (1 %, 3 %) and (3 %, 2 %)', () => {
    // mean 2 %, sd √2 % → √2·√252 ≈ 22.45; mean 2.5 %, sd 0.5·√2 % → (5/√2)·√252 ≈ 56.12.
    const r = rollingSharpe(Float64Array.of(0.01, 0.03, 0.02), 2);
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeCloseTo(Math.SQRT2 * Math.sqrt(252), 10);
    expect(r[2]).toBeCloseTo((5 / Math.SQRT2) * Math.sqrt(252), 10);
  });

  it('equals the from-scratch reference, NaNs included (e.g. index 0 of simpleReturns)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 2, max: 30 }), (bps, w) => {
        const nav = new Float64Array(bps.length + 1);
        nav[0] = 100;
        for (let i = 0; i < bps.length; i++) nav[i + 1] = nav[i] * (1 + bps[i] / 1e4 + 0.0001 * Math.sin(i));
        const r = simpleReturns(nav);
        const got = rollingSharpe(r, w);
        const want = naive(r, w);
        expect(got.length).toBe(r.length);
        for (let i = 0; i < r.length; i++) {
          if (Number.isNaN(want[i])) expect(got[i]).toBeNaN();
          // Relative: near-constant windows give Sharpe ratios in the tens of thousands.
          else expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want[i])));
        }
      }),
    );
  });

  it('is NaN for a constant window, all NaN when shorter than the window, and rejects w < 2', () => {
    const flat = rollingSharpe(Float64Array.of(0.01, 0.01, 0.01, 0.02), 3);
    expect(flat[2]).toBeNaN();
    expect(Number.isFinite(flat[3])).toBe(true);
    expect(Array.from(rollingSharpe(Float64Array.of(0.01, 0.02), 5)).every(Number.isNaN)).toBe(true);
    expect(() => rollingSharpe(Float64Array.of(1, 2), 1)).toThrow(/rollingSharpe needs an integer window ≥ 2/);
  });
});
