export { changeOver } from './change-over.ts';
export { easingShortfall } from './easing-shortfall.ts';
export { pctChange } from './pct-change.ts';
export { movingAverage } from './moving-average.ts';
export { trendVsAverage } from './trend-vs-average.ts';
export { netLiquidity } from './net-liquidity.ts';
export { signWithDeadBand } from './sign-with-dead-band.ts';
export { trailingZScore, type TrailingZScoreOptions } from './trailing-z-score.ts';
export { watchList, type WatchItem, type WatchList, type WatchListOptions } from './watch-list.ts';
