import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../../datasets/day.ts';
import { smallMultiplesChart } from '../../../reports/charts/small-multiples.ts';
import { compactSpec } from '../../../reports/charts/compact.ts';

type Panel = {
  title: { text: string; fontWeight: string };
  width: number;
  layer: {
    name?: string;
    data: { values: { v?: number; s?: string }[] };
    mark: { type: string; strokeWidth?: number };
    encoding: { x?: { axis?: { labels?: boolean } }; y?: { scale: { domain: number[] } } };
  }[];
};

const start = parseIsoDay('2024-01-01');
const days = Int32Array.from({ length: 6 }, (_, i) => start + i);
const series = [
  { label: 'article (strategy)', values: Float64Array.of(NaN, 0.5, 1.2, 0.9, -0.3, 0.4) },
  { label: 'us-large', values: Float64Array.of(NaN, 2.5, 1.1, -1.4, 0.2, 0.0) },
  { label: '60-40', values: Float64Array.of(NaN, NaN, 0.3, 0.6, 0.7, 0.8) },
];

describe('smallMultiplesChart', () => {
  const spec = smallMultiplesChart({ days, series, format: { style: 'number', digits: 2 }, rule: 0, emphasis: 0 }) as unknown as { vconcat: Panel[] };

  it('draws one panel per series, in order, titled with its label', () => {
    expect(spec.vconcat.map((p) => p.title.text)).toEqual(series.map((s) => s.label));
  });

  it('shares one y scale fitted to every value of every series (brute-force min and max)', () => {
    const all = series.flatMap((s) => Array.from(s.values)).filter(Number.isFinite);
    const want = [Math.min(...all, 0), Math.max(...all, 0)];
    expect(want).toEqual([-1.4, 2.5]);
    for (const p of spec.vconcat) for (const l of p.layer) if (l.encoding.y) expect(l.encoding.y.scale.domain).toEqual(want);
  });

  it('emphasises the playbook: bold in its own panel, a pale copy behind each other panel', () => {
    const lines = (p: Panel) => p.layer.filter((l) => l.mark.type === 'line');
    expect(spec.vconcat[0].title.fontWeight).toBe('bold');
    expect(lines(spec.vconcat[0])).toHaveLength(1);
    expect(lines(spec.vconcat[0])[0].mark.strokeWidth).toBe(2.2);
    for (const p of spec.vconcat.slice(1)) {
      const [behind, own] = lines(p);
      expect(behind.data.values.map((r) => r.v)).toEqual([0.5, 1.2, 0.9, -0.3, 0.4]);
      expect(own.mark.strokeWidth).toBe(1.4);
    }
  });

  it('labels the time axis under the last panel only, and narrows every panel for phones', () => {
    const labelled = spec.vconcat.map((p) => p.layer.find((l) => l.mark.type === 'line')!.encoding.x!.axis?.labels !== false);
    expect(labelled).toEqual([false, false, true]);
    const phone = compactSpec(spec as never) as unknown as { vconcat: Panel[] };
    for (const p of phone.vconcat) expect(p.width).toBeLessThan(380);
  });
});
