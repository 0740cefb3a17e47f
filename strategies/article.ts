import type { QuadrantTable, RoleWeights } from './quadrant-table.ts';
import { defineStrategy, type Strategy } from './step.ts';
import { rebalanceOn } from './steps/rebalance.ts';
import { weighByRiskAppetite } from './steps/weigh-by-risk-appetite.ts';
import { weighByQuadrant } from './steps/weigh.ts';
import { whenRegimeKnown } from './steps/when.ts';

/**
 * The note's playbook by quadrant (see ../shared/article/ARTICLE.md), over roles. Edit the
 * numbers here (or pass your own table); each row sums to 1.
 *
 * - Q1 (Fed easing, dollar weakening): broad risk-on: US large, US small, non-US developed,
 *   emerging, commodities.
 * - Q2 (easing, dollar strengthening): USD assets with a small-cap tilt (US small above US
 *   large) and Treasuries as the USD safe asset. The note favours small caps in Q2 only "if the
 *   stronger dollar comes with falling risk appetite": the `article` strategy holds this row on
 *   those days only, and ARTICLE_Q2_STEADY on the other Q2 days (weighByRiskAppetite, with the
 *   gauge claim C3 uses). This table as it stands, the tilt on every Q2 day, is the
 *   `article-unconditional` variant, and what the sweeps and robustness grids replay (their
 *   fast path holds one row per quadrant).
 * - Q3 (tightening or easing below expectations, dollar weakening): non-US assets: non-US
 *   developed, emerging and China/HK, commodities and gold. Gold is in Q3 because the note names
 *   gold among the assets that did well (it is priced in dollars and is the weak-dollar metal;
 *   GLD rose 5.8% in 2025 Q2, the note's Q3 example). China A-shares are not a role, though the
 *   note names them: the data's A-share fund (ASHR) starts only in November 2013, six years
 *   after the first regime label, so China/HK (FXI from 2004, then MCHI, EWH) stands for Chinese
 *   equities over the whole history.
 * - Q4 (tightening, dollar strengthening): cash and short Treasuries.
 *
 * Commodities are DBC (Invesco DB Commodity Index, from 2006; GSG before or when missing): the
 * longest-lived broad commodity fund in the data. It is energy-heavy (about 55% crude oil,
 * heating oil, gasoline and natural gas at its index weights), so "commodities" in the verdicts mean energy more than
 * metals: DBC fell 3.1% in 2025 Q2, the quarter the note calls good for commodities, while gold
 * rose. GSG is even more energy-heavy. `quadrant validate` shows the commodity claims (C1, C4)
 * with DBC, GSG and gold in the commodities role (engine/analysis/commodity-variants.ts).
 */
export const ARTICLE_PLAYBOOK: QuadrantTable = {
  Q1: { us_large: 0.25, us_small: 0.2, non_us_developed: 0.2, emerging: 0.2, commodities: 0.15 },
  Q2: { us_large: 0.35, us_small: 0.45, treasuries: 0.2 },
  Q3: { non_us_developed: 0.2, emerging: 0.2, china_hk: 0.2, commodities: 0.2, gold: 0.2 },
  Q4: { cash: 0.5, short_treasuries: 0.5 },
};

/**
 * Q2 while risk appetite is not falling: USD assets without the small-cap tilt (the tilt's
 * large/small split reversed, large over small; Treasuries unchanged). Set from the note's
 * wording before any backtest of it, not fitted.
 */
export const ARTICLE_Q2_STEADY: RoleWeights = { us_large: 0.6, us_small: 0.2, treasuries: 0.2 };

/** The article strategy's default rule: on every regime change, and back to target monthly. */
export const ARTICLE_RULE = 'regime+monthly';

/**
 * `article`: once the regime is known, hold the playbook's row for the quadrant in force, with
 * the Q2 small-cap tilt only while risk appetite falls (ARTICLE_Q2_STEADY otherwise); trade on
 * regime changes and monthly (a change of risk appetite inside Q2 waits for the next of them).
 * Given a `table` (ARTICLE_PLAYBOOK included), the strategy holds that table's rows as given,
 * with no conditional tilt: the form the sweeps' table fast path replays.
 */
export function articleStrategy(table?: QuadrantTable, rule: string = ARTICLE_RULE, name = 'article'): Strategy {
  const conditional = table === undefined;
  const rows = table ?? ARTICLE_PLAYBOOK;
  return defineStrategy({
    name,
    description: conditional
      ? "the note's playbook by quadrant, the Q2 small-cap tilt only while risk appetite falls (strategies/article.ts)"
      : "the note's playbook by quadrant (strategies/article.ts)",
    steps: [
      whenRegimeKnown(),
      weighByQuadrant(rows, { label: rows === ARTICLE_PLAYBOOK ? 'article playbook' : 'table' }),
      ...(conditional ? [weighByRiskAppetite(2, 'steady', ARTICLE_Q2_STEADY, 'no small-cap tilt')] : []),
      rebalanceOn(rule),
    ],
  });
}

/** `article-unconditional`: the playbook as first written, the Q2 small-cap tilt on every Q2 day. */
export function articleUnconditionalStrategy(rule: string = ARTICLE_RULE): Strategy {
  return articleStrategy(ARTICLE_PLAYBOOK, rule, 'article-unconditional');
}
