import { describe, expect, it } from 'vitest';
import { realTimeBroadDollar } from '../../../engine/signals/real-time-broad-dollar.ts';

describe('realTimeBroadDollar', () => {
  it('is the goods index before the switch and the new index, ratio-linked on the row before, after it', () => {
    // By hand: rows 0-1 before the switch (the new index's newest observation is dated 0, 1 < 5);
    // row 2 onward after it; ratio = goods[1] / services[1] = 121 / 100 = 1.21.
    const out = realTimeBroadDollar(Float64Array.of(120, 121, 122, 123), Float64Array.of(99, 100, 102, 101), Int32Array.of(0, 1, 10, 11), 5);
    expect(out[0]).toBe(120);
    expect(out[1]).toBe(121);
    expect(out[2]).toBeCloseTo(102 * 1.21, 12);
    expect(out[3]).toBeCloseTo(101 * 1.21, 12);
    // Returns after the switch are the new index's own: 101/102 − 1.
    expect(out[3] / out[2] - 1).toBeCloseTo(101 / 102 - 1, 12);
  });

  it('never reads a later row: changing rows after t leaves rows ≤ t unchanged', () => {
    const goods = Float64Array.from({ length: 50 }, (_, i) => 100 + Math.sin(i));
    const services = Float64Array.from({ length: 50 }, (_, i) => 90 + Math.cos(i));
    const asOf = Int32Array.from({ length: 50 }, (_, i) => i);
    const a = realTimeBroadDollar(goods, services, asOf, 25);
    for (let t = 0; t < 49; t++) {
      const g = goods.slice();
      const s = services.slice();
      for (let k = t + 1; k < 50; k++) {
        g[k] = 1;
        s[k] = 2;
      }
      const b = realTimeBroadDollar(g, s, asOf, 25);
      expect(Array.from(b.subarray(0, t + 1))).toEqual(Array.from(a.subarray(0, t + 1)));
    }
  });
});
