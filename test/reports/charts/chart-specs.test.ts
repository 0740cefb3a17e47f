import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compactSpec,
  COMPACT_POINTS,
  thinLines,
  COMPACT_WIDTH,
  CHART_WIDTH,
  hoverRows,
  logTicks,
  quadrantLabel,
  regimeBands,
  timeSeriesChart,
  QUADRANT_BANDS,
  tint,
} from '../../../reports/charts/index.ts';
import { binValues, histogramChart } from '../../../reports/charts/histogram.ts';
import { makeCalendar } from '../../builders.ts';

const MS = 86_400_000;

describe('regimeBands', () => {
  it('turns runs of labels into touching bands, skipping warm-up (worked by hand)', () => {
    const days = Int32Array.of(10, 11, 12, 13, 14, 15, 16);
    const labels = Uint8Array.of(0, 0, 1, 1, 4, 4, 2);
    expect(regimeBands(days, labels)).toEqual([
      { t0: 12 * MS, t1: 14 * MS, q: quadrantLabel(1) },
      { t0: 14 * MS, t1: 16 * MS, q: quadrantLabel(4) },
    ]);
    // The last run (Q2 on day 16 alone) has no width and is dropped; a longer one reaches the last day.
    expect(regimeBands(days, Uint8Array.of(3, 3, 3, 3, 3, 3, 3))).toEqual([{ t0: 10 * MS, t1: 16 * MS, q: quadrantLabel(3) }]);
  });

  it('clips to the window', () => {
    const days = Int32Array.of(10, 11, 12, 13, 14);
    expect(regimeBands(days, Uint8Array.of(1, 1, 2, 2, 2), 11, 13)).toEqual([
      { t0: 11 * MS, t1: 12 * MS, q: quadrantLabel(1) },
      { t0: 12 * MS, t1: 13 * MS, q: quadrantLabel(2) },
    ]);
  });
});

describe('palette', () => {
  it('mixes with white (worked by hand: 30% of #000000 is #b3b3b3)', () => {
    expect(tint('#000000', 0.3)).toBe('#b3b3b3');
    expect(tint('#009E73', 1)).toBe('#009e73');
    expect(tint('#D55E00', 0)).toBe('#ffffff');
    expect(new Set(QUADRANT_BANDS.slice(1)).size).toBe(4);
  });
});

describe('logTicks', () => {
  it('gives the 1-2-5 sequence over several decades', () => {
    expect(logTicks([0.45, 9.3])).toEqual([0.5, 1, 2, 5]);
    expect(logTicks([60, 700])).toEqual([100, 200, 500]);
  });
  it('gives finer steps under a decade and round linear steps under a factor of three', () => {
    expect(logTicks([1.2, 8])).toEqual([1.5, 2, 3, 5, 7]);
    // (720 − 540) / 5 = 36 → step 50.
    expect(logTicks([540, 720])).toEqual([550, 600, 650, 700]);
  });
});

describe('hoverRows', () => {
  it("lists each series on the bucket's last day, spanning to the next bucket", () => {
    const days = makeCalendar('2024-01-01', 10);
    const rows = hoverRows({ days, maxHover: 2 }, [{ label: 'A', values: Float64Array.from({ length: 10 }, (_, i) => i) }], { style: 'number', digits: 1 });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ t0: days[0] * MS, t1: days[5] * MS, tip: '2024-01-05\nA: 4.0' });
    expect(rows[1].tip).toBe('2024-01-12\nA: 9.0');
  });
});

describe('timeSeriesChart and compactSpec', () => {
  const days = makeCalendar('2020-01-01', 300);
  const spec = timeSeriesChart({
    days,
    series: [
      { label: 'A long series label here', values: Float64Array.from({ length: 300 }, (_, i) => 1 + i / 100) },
      { label: 'B', values: Float64Array.from({ length: 300 }, () => 2) },
    ],
    yTitle: 'y',
    format: { style: 'number' },
    log: true,
  }) as unknown as Record<string, unknown> & { layer: Record<string, unknown>[] };

  it('lays out at the chart width with a hover layer last', () => {
    expect(spec.width).toBe(CHART_WIDTH);
    expect(spec.layer[spec.layer.length - 1].name).toBe('hover');
  });

  it('narrows a copy for phones without touching the original', () => {
    const small = compactSpec(spec as unknown as TopLevelSpec) as unknown as typeof spec;
    expect(small.width).toBe(COMPACT_WIDTH);
    expect(spec.width).toBe(CHART_WIDTH);
    const legend = (small.layer[0].encoding as Record<string, { legend: { columns: number } }>).color.legend;
    // One label is longer than 20 characters: one column.
    expect(legend.columns).toBe(1);
    const axis = (small.layer[0].encoding as Record<string, { axis: { tickCount: number } }>).x.axis;
    expect(axis.tickCount).toBe(4);
  });
});

describe('thinLines', () => {
  it('keeps each line short, with its extremes, its last point and time order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 3000 }), (vs) => {
        const rows = vs.flatMap((v, i) => [
          { t: i, s: 'a', v },
          { t: i, s: 'b', v: -v },
        ]);
        const out = thinLines(rows);
        for (const s of ['a', 'b']) {
          const mine = out.filter((r) => r.s === s);
          const all = rows.filter((r) => r.s === s);
          expect(mine.length).toBeLessThanOrEqual(Math.max(all.length, COMPACT_POINTS + 2));
          expect(Math.min(...mine.map((r) => r.v))).toBe(Math.min(...all.map((r) => r.v)));
          expect(Math.max(...mine.map((r) => r.v))).toBe(Math.max(...all.map((r) => r.v)));
          expect(mine[mine.length - 1]).toBe(all[all.length - 1]);
          for (let i = 1; i < mine.length; i++) expect(mine[i].t).toBeGreaterThan(mine[i - 1].t);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('leaves other data alone', () => {
    const bands = [{ t0: 1, t1: 2, q: 'Q1' }];
    expect(thinLines(bands)).toBe(bands);
  });
});

describe('histogramChart', () => {
  // 1,000 days: 998 in the middle bin, 1 in each tail bin: 0.1% of days, under a pixel in 180.
  const histogram = {
    ...binValues(
      Float64Array.from({ length: 1000 }, (_, i) => (i === 0 ? -0.09 : i === 1 ? 0.09 : 0)),
      -0.1,
      0.1,
      5,
    ),
  };
  type Layer = { mark: { type: string }; data: { values: { x0: number; x1: number; share: number }[] }; encoding: { y: { scale?: { domainMax: number } } } };
  const layers = (spec: TopLevelSpec) => (spec as unknown as { layer: Layer[] }).layer;

  it('marks every bin that holds a value on the axis, so tails of a few days show', () => {
    const spec = histogramChart({ histogram, format: { style: 'percent' }, xTitle: 'Daily return' });
    const axis = layers(spec).at(-1)!;
    expect(axis.mark.type).toBe('rule');
    // Bins of 0.04 from -0.1: the first (-0.09), the middle (0) and the last (0.09) hold values.
    expect(axis.data.values.map((r) => [r.x0, r.x1].map((x) => Math.round(x * 100) / 100))).toEqual([
      [-0.1, -0.06],
      [-0.02, 0.02],
      [0.06, 0.1],
    ]);
  });

  it("leaves a fifth of headroom over the tallest bar for the markers' labels, and none without markers", () => {
    const marked = histogramChart({ histogram, format: { style: 'percent' }, xTitle: 'x', markers: [{ value: 0, label: 'real' }] });
    expect(layers(marked)[0].encoding.y.scale).toEqual({ domainMax: 0.998 * 1.2 });
    expect(layers(histogramChart({ histogram, format: { style: 'percent' }, xTitle: 'x' }))[0].encoding.y.scale).toBeUndefined();
  });
});
