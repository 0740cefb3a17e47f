/**
 * The claims scorecard: each claim of the article (C1–C10) as a named, documented test with a
 * statistic, an interval, the data it rests on and a verdict, in and out of sample.
 */
export type { Claim, ClaimContext, ClaimResult, ClaimWindow, Verdict, WindowKind } from './types.ts';
export { ARTICLE_DAY, buildClaimContext, claimWindows } from './context.ts';
export type { ClaimContextOptions } from './context.ts';
export { THIN_DAYS, THIN_EPISODES, allOf, intervalVerdict, isThin } from './verdict.ts';
export { jointBootstrap } from './joint-bootstrap.ts';
export type { JointInterval } from './joint-bootstrap.ts';
export { spreadClaim } from './spread-claim.ts';
export type { SpreadClaimSpec, SpreadLeg } from './spread-claim.ts';
export { C1, C2, C3, C4, RISK_ROLES, riskAppetiteFalling } from './quadrant-claims.ts';
export { C5 } from './c5-q4-worst.ts';
export { C6, RED_LINE_SINCE } from './c6-reserves-stress.ts';
export { C7 } from './c7-net-liquidity.ts';
export { C8 } from './c8-liquidity-forecast.ts';
export { C9 } from './c9-regime-forecast.ts';
export { C10, FOMC_2026, countRateMoves } from './c10-rate-cuts.ts';
export { CLAIMS } from './catalog.ts';
export { runScorecard } from './scorecard.ts';
export type { ScorecardOptions, ScorecardRow } from './scorecard.ts';
