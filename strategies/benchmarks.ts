import { ROLES } from '../datasets/catalog.ts';
import { ARTICLE_RULE, articleStrategy } from './article.ts';
import { blockShuffleLabels } from './block-shuffle.ts';
import type { QuadrantTable } from './quadrant-table.ts';
import { defineStrategy, type Strategy } from './step.ts';
import { rebalanceOn } from './steps/rebalance.ts';
import { selectRoles } from './steps/select.ts';
import { weighEqually, weighFixed, weighInverseVolatility } from './steps/weigh.ts';
import { whenMonthStarts } from './steps/when.ts';

/** `us-large`: buy US large caps once and hold them. */
export function usLargeBuyAndHold(): Strategy {
  return defineStrategy({ name: 'us-large', description: 'buy and hold US large caps', steps: [weighFixed({ us_large: 1 }), rebalanceOn('never')] });
}

/** `60-40`: 60% US large caps, 40% Treasuries, back to target monthly. */
export function sixtyForty(): Strategy {
  return defineStrategy({
    name: '60-40',
    description: '60% US large / 40% Treasuries, monthly',
    steps: [weighFixed({ us_large: 0.6, treasuries: 0.4 }), rebalanceOn('monthly')],
  });
}

/** `equal-weight`: every role but cash at 1/9, back to target monthly. */
export function equalWeight(): Strategy {
  return defineStrategy({
    name: 'equal-weight',
    description: 'every role but cash equally weighted, monthly',
    steps: [selectRoles(ROLES.filter((r) => r !== 'cash')), weighEqually(), rebalanceOn('monthly')],
  });
}

/** Trailing window of the risk-parity benchmark's volatilities: a quarter of trading days. */
export const RISK_PARITY_LOOKBACK = 63;

/**
 * `risk-parity`: the same nine roles as `equal-weight`, each weighted by 1/σ of its last 63
 * daily returns (known at the close), set on the first trading day of each month, the day the
 * monthly rule trades. Roles without 63 days of returns wait; until any has them the book sits
 * in cash.
 */
export function riskParity(): Strategy {
  return defineStrategy({
    name: 'risk-parity',
    description: `every role but cash weighted by inverse ${RISK_PARITY_LOOKBACK}-day volatility, monthly`,
    steps: [
      whenMonthStarts(),
      selectRoles(ROLES.filter((r) => r !== 'cash')),
      weighInverseVolatility({ lookback: RISK_PARITY_LOOKBACK }),
      rebalanceOn('monthly'),
    ],
  });
}

/** The control's default seed. */
export const RANDOM_REGIME_SEED = 20260119;

/**
 * `random-regime`: the playbook exactly as `article` trades it (its Q2 small-cap tilt only while
 * risk appetite falls; a given `table` is held as is) and the same rule, on labels shuffled in
 * blocks (same episodes, random timing, seeded). If the article's timing carries information,
 * the article should beat most seeds of this control.
 */
export function randomRegime(seed = RANDOM_REGIME_SEED, table?: QuadrantTable, rule = ARTICLE_RULE): Strategy {
  return defineStrategy({
    name: 'random-regime',
    description: `the playbook on block-shuffled regime labels (seed ${seed})`,
    steps: articleStrategy(table, rule).steps,
    labels: (labels) => blockShuffleLabels(labels, seed),
  });
}
