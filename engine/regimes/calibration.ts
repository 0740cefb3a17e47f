import { parseIsoDay } from '../../datasets/day.ts';
import { calendarIndexAtOrBefore } from '../../datasets/panel.ts';

/** The note's publication date: data after it is post-publication. */
export const PUBLICATION_DATE = '2026-01-19';

/**
 * The regime definitions were written in November and December 2026, with data to
 * September 2026 at hand: post-publication data existed when the rules were written.
 */
export const POST_PUBLICATION_NOTE =
  "data after 2026-01-19 is post-publication: the note could not see it, but the regime rules were written in November–December 2026, after that data existed, so it tests the note's claims, not the definitions blind";

/** An episode the definitions were adjusted to read as the note says: calibration, not validation. */
export interface CalibrationTarget {
  episode: string;
  from: string;
  to: string;
  /** The quadrant the note gives it. */
  quadrant: 1 | 2 | 3 | 4;
  why: string;
}

export const CALIBRATION_TARGETS: readonly CalibrationTarget[] = [
  { episode: '2022', from: '2022-01-01', to: '2022-12-31', quadrant: 4, why: "the note's example of Q4 (hikes, QT from June, a strong dollar)" },
  {
    episode: '2025Q2',
    from: '2025-04-01',
    to: '2025-06-30',
    quadrant: 3,
    why: "the note's example of Q3 (tariffs, a weak dollar, non-US assets and commodities lead)",
  },
];

/** A choice made with the calibration targets in view, and what it did to them. */
export interface CalibratedChoice {
  choice: string;
  /** Components the choice concerns (the definition grid scores every claim with and without each). */
  components: readonly string[];
  effect: string;
}

/**
 * What was tuned to the calibration targets (or chosen with them in view). Both episodes'
 * labels were known when each of these was set; an agreement with them is therefore no
 * evidence for the definition.
 */
export const CALIBRATED_CHOICES: readonly CalibratedChoice[] = [
  {
    choice: 'policy_vs_market: cuts priced by the 2-year (DFF − DGS2) and not delivered count as tightening, 25 bp dead band, weight 1 (November 2026)',
    components: ['policy_vs_market'],
    effect:
      'added so that 2025 Q2 reads Q3: without it that preset read 2025 Q2 as 100% Q1, with it 65% Q3; retired from the presets in December 2026 (it contradicted rate_expectations and carries the term premium)',
  },
  {
    choice: "rate_expectations: the 2-year yield's 3-month change, weight 1",
    components: ['rate_expectations'],
    effect:
      'read early 2022 as tightening (the 2-year rose before the first hike), taking 2022 to 93% Q4; retired from the presets in December 2026 (2022 now reads 69% Q4, 24% Q2 in January–March, when the balance sheet still grew)',
  },
  {
    choice: 'policy_surprise: the rate delivered over 3 months against the 3-month bill 3 months earlier, 12.5 bp dead band, weight 1 (December 2026)',
    components: ['policy_surprise'],
    effect:
      "written with both episodes' labels known; its band (half a 25 bp move) was set before looking at them; it leaves 2025 Q2 at 65% Q3 and 2022 at 69% Q4 (without it the article preset gives the same shares in both)",
  },
  {
    choice:
      "the article composite's weights (balance sheet 1, policy rate 1, net liquidity 0.5, reserves 0.25 + 0.25; dollar 1 / 0.5 / 0.5) and the 10-day confirmation",
    components: [],
    effect: 'set when the presets were first written, with both episodes in view; not tuned against them on record, not independent of them either',
  },
];

/** How a label series reads one calibration target. */
export interface CalibrationReading extends CalibrationTarget {
  /** Labelled trading days in the episode. */
  days: number;
  /** Share of them in each quadrant (index 1..4; 0 unused). */
  shares: [number, number, number, number, number];
  /** Share in the note's quadrant. */
  hit: number;
}

/** The share of each calibration episode's labelled days in each quadrant. */
export function calibrationReadings(labels: Uint8Array, calendar: Int32Array): CalibrationReading[] {
  return CALIBRATION_TARGETS.map((target) => {
    const a = calendarIndexAtOrBefore(calendar, parseIsoDay(target.from) - 1) + 1;
    const b = calendarIndexAtOrBefore(calendar, parseIsoDay(target.to));
    const counts = [0, 0, 0, 0, 0];
    for (let t = a; t <= b; t++) if (labels[t] >= 1 && labels[t] <= 4) counts[labels[t]]++;
    const days = counts[1] + counts[2] + counts[3] + counts[4];
    const shares = counts.map((c, q) => (q === 0 || days === 0 ? 0 : c / days)) as CalibrationReading['shares'];
    return { ...target, days, shares, hit: shares[target.quadrant] };
  });
}
