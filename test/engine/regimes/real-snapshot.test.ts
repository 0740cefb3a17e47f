import { describe, it, expect } from 'vitest';
import { isoDay, parseIsoDay } from '../../../datasets/day.ts';
import { loadDataset } from '../../../datasets/load-dataset.ts';
import { buildPanel, calendarIndexAtOrBefore } from '../../../datasets/panel.ts';
import { makeRng } from '../../../engine/random.ts';
import { computeRegimes, PRESET_NAMES, REGIME_PRESETS } from '../../../engine/regimes/index.ts';
import { monthOpenings } from '../../../engine/regimes/markov/index.ts';
import { watchList } from '../../../engine/signals/watch-list.ts';
import { SNAPSHOT } from '../../builders.ts';
import { poisonAfter } from '../../fixtures/regimes/synthetic.ts';

describe('the real snapshot', () => {
  const ds = loadDataset(SNAPSHOT, { macro: ['WALCL', 'WDTGAL', 'RRPONTSYD', 'WRESBAL', 'DFF', 'EFFR', 'DGS2', 'DTWEXBGS', 'DXY'], prices: ['SPY'] });
  const panel = buildPanel(ds);
  const cal = panel.calendar;
  const row = (iso: string) => calendarIndexAtOrBefore(cal, parseIsoDay(iso));

  it('labels every trading day from the end of the warm-up through the last day, under every preset', () => {
    for (const p of PRESET_NAMES) {
      const r = computeRegimes(panel, REGIME_PRESETS[p]);
      // The first DTWEXBGS value (2006-01-02's week) is public Tuesday 2006-01-10; the 200-day
      // trend then needs 199 more rows and its z-score 125 more: 324 rows after 2006-01-10.
      // markov-switching reads those scores and first fits on the first session of the month
      // once 504 of them are in (MARKOV_DEFAULTS.minHistory).
      const scored = row('2006-01-10') + 324;
      const first = p === 'markov-switching' ? Array.from(monthOpenings(cal)).find((r) => r >= scored + 504)! : scored;
      expect(isoDay(cal[r.firstLabelled])).toBe(isoDay(cal[first]));
      expect(Array.from(r.labels.subarray(r.firstLabelled)).every((q) => q >= 1 && q <= 4)).toBe(true);
      expect(isoDay(cal[cal.length - 1])).toBe('2026-09-14');
    }
  });

  it('reads 2022 as tightening with a strong dollar and 2025 Q2 as a weakening dollar (the article\'s examples)', () => {
    const r = computeRegimes(panel);
    const count = (from: string, to: string, test: (t: number) => boolean) => {
      let k = 0;
      let n = 0;
      for (let t = row(from) + 1; t <= row(to); t++, n++) if (test(t)) k++;
      return k / n;
    };
    expect(count('2021-12-31', '2022-12-31', (t) => r.labels[t] >= 3)).toBeGreaterThan(0.9);
    expect(count('2021-12-31', '2022-12-31', (t) => r.labels[t] === 4)).toBeGreaterThan(0.75);
    expect(count('2025-03-31', '2025-06-30', (t) => r.dollarScore[t] < 0)).toBeGreaterThan(0.9);
  });

  it('deleting everything published after 2022-06-30 changes nothing up to that day', () => {
    const cutoff = parseIsoDay('2022-06-30');
    const cut = buildPanel(poisonAfter(ds, cutoff, makeRng(1), 'delete'));
    const t = row('2022-06-30');
    for (const p of PRESET_NAMES) {
      const a = computeRegimes(panel, REGIME_PRESETS[p]);
      const b = computeRegimes(cut, REGIME_PRESETS[p]);
      expect(Array.from(b.labels.subarray(0, t + 1))).toEqual(Array.from(a.labels.subarray(0, t + 1)));
      expect(Array.from(b.liquidityScore.subarray(0, t + 1))).toEqual(Array.from(a.liquidityScore.subarray(0, t + 1)));
      expect(Array.from(b.dollarScore.subarray(0, t + 1))).toEqual(Array.from(a.dollarScore.subarray(0, t + 1)));
    }
  });

  it('the watch-list of 2026-01-19 shows the H.4.1 figures of Wednesday 2026-01-14, published on the 16th', () => {
    const w = watchList(panel, parseIsoDay('2026-01-19'));
    // 2026-01-19 was a market holiday (Martin Luther King Day): the row is Friday 2026-01-16.
    expect(isoDay(w.day)).toBe('2026-01-16');
    const reserves = w.items.find((i) => i.key === 'reserves')!;
    // fred/WRESBAL.csv: 2026-01-14,3049630 (and 2026-01-21's 2954903 was not yet public).
    expect(reserves.value).toBe(3_049_630);
    expect(isoDay(reserves.observed)).toBe('2026-01-14');
    expect(reserves.reading).toMatch(/^reserves \$3\.05T: above the \$3\.00T red line since 2026-01-14/);
  });
});
