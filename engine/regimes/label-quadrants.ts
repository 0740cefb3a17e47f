import type { RegimeConfig } from './types.ts';

export interface LabelOutput {
  labels: Uint8Array;
  rawLabels: Uint8Array;
}

/**
 * Turns the two axis scores into quadrant labels, day by day, in one causal pass.
 *
 * Raw quadrant: easing when `liquidity > 0`, strengthening when `dollar > 0`;
 * Q = 1 + 2·(not easing) + (strengthening), so Q1 easing/weak, Q2 easing/strong,
 * Q3 tightening/weak, Q4 tightening/strong. A score of exactly 0 counts as "not easing" (the
 * note counts "no easing" as tightening) and as "not strengthening". With `hysteresis` h > 0,
 * an axis keeps its previous day's side while |score| ≤ h.
 *
 * Confirmation (`confirmBy`):
 * - `quadrant`: the label is the raw quadrant on the first scored day; afterwards a different
 *   raw quadrant replaces the label only once it has been the raw quadrant on `confirmDays`
 *   consecutive days (that day included);
 * - `axis`: each axis's side flips only once the raw side has been the other one on
 *   `confirmDays` consecutive days; the label is the pair of confirmed sides.
 * Either way a change also waits until the label has held `minDwellDays` days. A day with a
 * NaN score is 0 (warm-up) and restarts the process.
 *
 * Timing: day t reads scores at days ≤ t only.
 */
export function labelQuadrants(
  liquidity: Float64Array,
  dollar: Float64Array,
  stability: RegimeConfig['stability'],
  out: LabelOutput = { labels: new Uint8Array(liquidity.length), rawLabels: new Uint8Array(liquidity.length) },
): LabelOutput {
  const { labels, rawLabels } = out;
  const { confirmDays, minDwellDays, hysteresis: h } = stability;
  const byAxis = stability.confirmBy === 'axis';
  let easing = false;
  let strong = false;
  let label = 0;
  // By quadrant: the challenger and its run. By axis: runs of each axis against its label side.
  let candidate = 0;
  let run = 0;
  let liqRun = 0;
  let dolRun = 0;
  let held = 0;
  for (let t = 0; t < liquidity.length; t++) {
    const l = liquidity[t];
    const d = dollar[t];
    if (l !== l || d !== d) {
      labels[t] = 0;
      rawLabels[t] = 0;
      label = 0;
      candidate = 0;
      run = 0;
      continue;
    }
    if (label === 0 || h === 0) {
      easing = l > 0;
      strong = d > 0;
    } else {
      if (l > h) easing = true;
      else if (l < -h) easing = false;
      if (d > h) strong = true;
      else if (d < -h) strong = false;
    }
    const q = 1 + (easing ? 0 : 2) + (strong ? 1 : 0);
    rawLabels[t] = q;
    if (label === 0) {
      label = q;
      held = 0;
      liqRun = 0;
      dolRun = 0;
    } else if (byAxis) {
      // Bit 2 of (q − 1) is "not easing", bit 1 "strengthening".
      const labelTight = (label - 1) & 2;
      const labelStrong = (label - 1) & 1;
      liqRun = ((q - 1) & 2) !== labelTight ? liqRun + 1 : 0;
      dolRun = ((q - 1) & 1) !== labelStrong ? dolRun + 1 : 0;
      if (held >= minDwellDays && (liqRun >= confirmDays || dolRun >= confirmDays)) {
        const tight = liqRun >= confirmDays ? (q - 1) & 2 : labelTight;
        const str = dolRun >= confirmDays ? (q - 1) & 1 : labelStrong;
        label = 1 + tight + str;
        if (liqRun >= confirmDays) liqRun = 0;
        if (dolRun >= confirmDays) dolRun = 0;
        held = 0;
      }
    } else if (q === label) {
      candidate = 0;
      run = 0;
    } else {
      if (q === candidate) run++;
      else {
        candidate = q;
        run = 1;
      }
      if (run >= confirmDays && held >= minDwellDays) {
        label = q;
        held = 0;
        candidate = 0;
        run = 0;
      }
    }
    labels[t] = label;
    held++;
  }
  return out;
}
