import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../datasets/catalog.ts';
import { ROLE_COLOURS } from '../../../reports/charts/palette.ts';

// Colour-vision deficiency simulation, severity 1, on linear sRGB: the matrices published by
// Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of color
// vision deficiency", IEEE TVCG 15(6), Table 1. Distances are CIE76 ΔE in CIELAB (D65), sRGB
// decoding per IEC 61966-2-1.
const SIMULATIONS: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function lab(hex: string, m: number[][]): number[] {
  const rgb = [1, 3, 5].map((i) => linear(Number.parseInt(hex.slice(i, i + 2), 16) / 255));
  const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
  const X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}

describe('ROLE_COLOURS', () => {
  it('gives each of the ten roles its own colour', () => {
    expect(Object.keys(ROLE_COLOURS).sort()).toEqual([...ROLES].sort());
    expect(new Set(Object.values(ROLE_COLOURS)).size).toBe(10);
  });

  it('keeps every pair at least 10 ΔE apart for normal vision and under simulated protanopia, deuteranopia and tritanopia', () => {
    // 10 ΔE (CIE76) is well above the just-noticeable difference of about 2.3 (Sharma 2003). The
    // closest pairs now: cash/short Treasuries (normal, 26), non-US developed/short Treasuries (deuteranopia, 11).
    for (const [name, m] of Object.entries(SIMULATIONS)) {
      const labs = ROLES.map((role) => lab(ROLE_COLOURS[role], m));
      let min = Infinity;
      let pair = '';
      for (let i = 0; i < labs.length; i++)
        for (let j = i + 1; j < labs.length; j++) {
          const d = Math.hypot(labs[i][0] - labs[j][0], labs[i][1] - labs[j][1], labs[i][2] - labs[j][2]);
          if (d < min) [min, pair] = [d, `${ROLES[i]}/${ROLES[j]}`];
        }
      expect(min, `${name}: ${pair}`).toBeGreaterThan(10);
    }
  });
});
