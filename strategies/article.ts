import type { QuadrantTable } from './quadrant-table.ts';
import { defineStrategy, type Strategy } from './step.ts';
import { rebalanceOn } from './steps/rebalance.ts';
import { weighByQuadrant } from './steps/weigh.ts';
import { whenRegimeKnown } from './steps/when.ts';

/**
 * The note's playbook by quadrant (see ../shared/article/ARTICLE.md), over roles. Edit the
 * numbers here (or pass your own table); each row sums to 1.
 *
 * - Q1 (Fed easing, dollar weakening): broad risk-on: US large, US small, non-US developed,
 *   emerging, commodities.
 * - Q2 (easing, dollar strengthening): USD assets with a small-cap tilt: US small above US
 *   large, plus Treasuries as the USD safe asset.
 * - Q3 (tightening or easing below expectations, dollar weakening): non-US assets: non-US
 *   developed, emerging and China/HK, commodities and gold.
 * - Q4 (tightening, dollar strengthening): cash and short Treasuries.
 */
export const ARTICLE_PLAYBOOK: QuadrantTable = {
  Q1: { us_large: 0.25, us_small: 0.2, non_us_developed: 0.2, emerging: 0.2, commodities: 0.15 },
  Q2: { us_large: 0.35, us_small: 0.45, treasuries: 0.2 },
  Q3: { non_us_developed: 0.2, emerging: 0.2, china_hk: 0.2, commodities: 0.2, gold: 0.2 },
  Q4: { cash: 0.5, short_treasuries: 0.5 },
};

/** The article strategy's default rule: on every regime change, and back to target monthly. */
export const ARTICLE_RULE = 'regime+monthly';

/**
 * `article`: once the regime is known, hold the playbook's row for the quadrant in force;
 * trade on regime changes and monthly.
 */
export function articleStrategy(table: QuadrantTable = ARTICLE_PLAYBOOK, rule: string = ARTICLE_RULE, name = 'article'): Strategy {
  return defineStrategy({
    name,
    description: "the note's playbook by quadrant (strategies/article.ts)",
    steps: [whenRegimeKnown(), weighByQuadrant(table, { label: table === ARTICLE_PLAYBOOK ? 'article playbook' : 'table' }), rebalanceOn(rule)],
  });
}
