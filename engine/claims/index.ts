/**
 * The claims scorecard: each claim of the article (C1–C10) as a named, documented test with a
 * statistic, an interval, the data it rests on and a verdict, in and out of sample.
 */
export type { BootstrapKind, Claim, ClaimContext, ClaimResult, ClaimWindow, SecondaryFigure, StandIn, Verdict, WindowKind } from './types.ts';
export { VERDICTS } from './types.ts';
export { ARTICLE_DAY, buildClaimContext, claimWindows } from './context.ts';
export type { ClaimContextOptions } from './context.ts';
export { THIN_DAYS, THIN_EPISODES, allOf, intervalVerdict, isThin, pValueVerdict } from './verdict.ts';
export { historyClaimResult } from './bootstrap-result.ts';
export { standInsOn, standInNote } from './stand-ins.ts';
export { STAND_IN_MARK, standInFootnote, standInRecords, standInsBySeries, type SeriesRoles } from './stand-in-series.ts';
export {
  FORECASTS_DISCLOSURE,
  FORECASTS_NOTE,
  FORECASTS_PUBLISHED,
  FORECASTS_REGISTERED,
  bandText,
  forecastPart,
  forecastParts,
  inPassBand,
} from './forecast-registry.ts';
export type { ForecastPart, PassBand } from './forecast-registry.ts';
export { jointBootstrap } from './joint-bootstrap.ts';
export type { JointInterval } from './joint-bootstrap.ts';
export { spreadClaim } from './spread-claim.ts';
export type { SpreadClaimSpec, SpreadLeg } from './spread-claim.ts';
export { C1, C2, C3, C4, RISK_ROLES, riskAppetiteFalling } from './quadrant-claims.ts';
export { C5 } from './c5-q4-worst.ts';
export { C6, COVID_WINDOW_FROM, redLineFirstCrossed } from './c6-reserves-stress.ts';
export { C7 } from './c7-net-liquidity.ts';
export { C8 } from './c8-liquidity-forecast.ts';
export { C9 } from './c9-regime-forecast.ts';
export { C10, FOMC_2026, countRateMoves, impliedCuts } from './c10-rate-cuts.ts';
export { CLAIMS } from './catalog.ts';
export { runScorecard } from './scorecard.ts';
export type { ScorecardOptions, ScorecardRow, VerdictSummary } from './scorecard.ts';
export { summariseVerdicts, VERDICT_ADJUSTMENT } from './scorecard.ts';
