import { describe, it, expect } from 'vitest';
import { netLiquidity } from '../../../engine/signals/net-liquidity.ts';

describe('netLiquidity', () => {
  it('is WALCL − TGA − RRP×1000 in millions of USD', () => {
    // By hand: $7.00T assets, $800bn TGA, $150bn RRP (RRPONTSYD is in billions):
    // 7,000,000 − 800,000 − 150×1000 = 6,050,000 million = $6.05T.
    // Second row, late-2021-like: 8,700,000 − 200,000 − 1,600×1000 = 6,900,000.
    const r = netLiquidity(Float64Array.of(7_000_000, 8_700_000, NaN), Float64Array.of(800_000, 200_000, 1), Float64Array.of(150, 1600, 1));
    expect(r[0]).toBe(6_050_000);
    expect(r[1]).toBe(6_900_000);
    expect(r[2]).toBeNaN();
  });
});
