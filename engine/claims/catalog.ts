import { C10 } from './c10-rate-cuts.ts';
import { C5 } from './c5-q4-worst.ts';
import { C6 } from './c6-reserves-stress.ts';
import { C7 } from './c7-net-liquidity.ts';
import { C8 } from './c8-liquidity-forecast.ts';
import { C9 } from './c9-regime-forecast.ts';
import { C1, C2, C3, C4 } from './quadrant-claims.ts';
import type { Claim } from './types.ts';

/** The article's ten claims (../shared/article/ARTICLE.md), in order. */
export const CLAIMS: readonly Claim[] = [C1, C2, C3, C4, C5, C6, C7, C8, C9, C10];
