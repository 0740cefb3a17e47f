import type { Role } from '../../datasets/catalog.ts';
/**
 * Fixed, colour-blind-safe colours. Quadrants use the Okabe-Ito hues (distinguishable under the
 * common colour-vision deficiencies); the shading bands behind lines use opaque tints of them
 * (mixed with white) rather than opacity, because translucent overlaps print as solid blocks in
 * the PDF path (svg-to-pdfkit) and because opaque tints look the same everywhere.
 */

/** Quadrant index 1..4 → full-strength hue (for legends on white, bars, text accents). */
export const QUADRANT_HUES = ['#999999', '#009E73', '#0072B2', '#E69F00', '#D55E00'] as const;

/** Short names of the quadrants, index 1..4 (0: regime not yet known). */
export const QUADRANT_NAMES = ['not yet known', 'Q1', 'Q2', 'Q3', 'Q4'] as const;

/** What each quadrant means, index 1..4, as the article defines it. */
export const QUADRANT_MEANINGS = [
  'regime not yet known (warm-up)',
  'Fed easing, dollar weakening',
  'Fed easing, dollar strengthening',
  'Fed tightening, dollar weakening',
  'Fed tightening, dollar strengthening',
] as const;

/** Legend label of a quadrant, e.g. "Q3: Fed tightening, dollar weakening". */
export function quadrantLabel(q: number): string {
  return q >= 1 && q <= 4 ? `${QUADRANT_NAMES[q]}: ${QUADRANT_MEANINGS[q]}` : QUADRANT_MEANINGS[0];
}

/** Mixes a #rrggbb colour with white: `strength` 1 keeps the colour, 0 gives white. */
export function tint(hex: string, strength: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(255 - (255 - c) * strength);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return '#' + ((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1);
}

/** Quadrant band colours (opaque tints), index 1..4. */
export const QUADRANT_BANDS: readonly string[] = QUADRANT_HUES.map((h) => tint(h, 0.3));

/**
 * Line colours for up to ten series: black first (the strategy), then the Okabe-Ito hues without
 * yellow (too pale on white), then a wine and a grey from Paul Tol's palettes. Beyond ten,
 * colours repeat with a dash pattern (see `SERIES_DASHES`).
 */
export const SERIES_COLOURS = ['#000000', '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#882255', '#999999', '#44AA99'] as const;

/** Dash patterns cycled after every ten series (solid first). */
export const SERIES_DASHES: readonly number[][] = [[], [6, 3], [2, 2]];

/** Colour for a horizontal reference line (e.g. the $3T reserves line). */
export const RULE_COLOUR = '#B2182B';

/** Diverging scheme for return heatmaps (blue = up, orange-brown = down; colour-blind safe). */
export const DIVERGING_SCHEME = 'blueorange';

/**
 * One colour per asset role, the same in every chart (weights, episode returns, role lines).
 * Seven Okabe-Ito hues (yellow left out: too pale on white) plus Paul Tol's wine and two greys
 * for the cash-like roles, ordered so that roles side by side in a stack differ in lightness
 * as well as hue; every pair stays apart under simulated protanopia, deuteranopia and
 * tritanopia (test/reports/charts/palette.test.ts).
 */
export const ROLE_COLOURS: Readonly<Record<Role, string>> = {
  us_large: '#0072B2',
  us_small: '#56B4E9',
  non_us_developed: '#009E73',
  emerging: '#E69F00',
  china_hk: '#D55E00',
  commodities: '#882255',
  gold: '#CC79A7',
  treasuries: '#000000',
  short_treasuries: '#777777',
  cash: '#BBBBBB',
};

/** The colour of a role (`us_large`); grey for a name that is not a role. */
export function roleColour(role: string): string {
  return (ROLE_COLOURS as Record<string, string>)[role] ?? '#999999';
}
