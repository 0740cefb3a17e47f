import type { RobustnessResult } from './run-robustness.ts';
import type { SensitivityTable } from './sensitivity.ts';

/**
 * The part of a robustness result the report's robustness section reads; reports/sections/
 * robustness-section.ts builds its `RobustnessInput` on this type.
 */
export interface RobustnessReportInput {
  sensitivity?: SensitivityTable;
  deflatedSharpe?: { probability: number; trials: number; sharpe?: number; subject?: string };
  pbo?: { probability: number; splits?: number };
  permutation?: {
    pValue: number;
    permutations: number;
    statistic?: string;
    subject?: string;
    /** The statistic on the real labels, and on each shuffled label set (NaN: undefined). */
    actual?: number;
    distribution?: readonly number[];
    /** The episodes the shuffle moves: how many, and their mean length in trading days. */
    blocks?: { count: number; meanDays: number };
    atLeast?: number;
    /** Permutation i shuffles with seed `seed + i`. */
    seed?: number;
  };
  /** The article default's Sharpe over the window (the sensitivity scale's middle). */
  referenceSharpe?: number;
  /** The best configurations by Sharpe, best first. */
  top?: { id: number; params: Record<string, number | string>; sharpe: number; cagr: number; maxDrawdown: number; turnover: number }[];
  /** Walk-forward years: the configuration chosen on all earlier years, and how it and the default did. */
  walkForward?: { year: number; chosen: number; inSampleSharpe: number; return: number; referenceReturn: number }[];
  notes?: string[];
}

/** How many configurations the top table lists. */
export const TOP_CONFIGURATIONS = 5;

/**
 * A robustness result as the report section takes it: missing parts (null) left out, and one
 * sensitivity table, by default the first (the grid's first two varied parameters).
 *
 * @example
 * robustnessSection(robustnessReportInput(await runRobustness(panel, roles)));
 */
export function robustnessReportInput(result: RobustnessResult, sensitivity = 0): RobustnessReportInput {
  const out: RobustnessReportInput = { notes: [...result.notes] };
  if (result.sensitivity[sensitivity]) out.sensitivity = result.sensitivity[sensitivity];
  if (result.deflatedSharpe)
    out.deflatedSharpe = { ...result.deflatedSharpe, subject: `the best of ${result.configs.length} configurations (#${result.deflatedSharpe.config})` };
  if (result.pbo) out.pbo = result.pbo;
  if (result.permutation) out.permutation = { ...result.permutation, subject: 'the article table (its Q2 tilt on every Q2 day, as the grid replays tables)' };
  if (Number.isFinite(result.reference.sharpe)) out.referenceSharpe = result.reference.sharpe;
  out.top = [...result.configs]
    .filter((c) => Number.isFinite(c.sharpe))
    .sort((a, b) => b.sharpe - a.sharpe)
    .slice(0, TOP_CONFIGURATIONS)
    .map((c) => ({ id: c.id, params: c.params, sharpe: c.sharpe, cagr: c.cagr, maxDrawdown: c.maxDrawdown, turnover: c.turnover }));
  const wf = result.walkForward;
  if (wf) {
    out.walkForward = wf.years.map((y) => ({
      year: y.year,
      chosen: y.chosen,
      inSampleSharpe: y.inSampleSharpe,
      return: y.return,
      referenceReturn: y.referenceReturn,
    }));
    out.notes!.push(
      `Walk-forward (${wf.years[0].year}–${wf.years[wf.years.length - 1].year}, each year the best Sharpe on all earlier years): stitched Sharpe ${wf.stitched.sharpe.toFixed(2)}, CAGR ${(wf.stitched.cagr * 100).toFixed(1)}%, against the article table's ${wf.reference.sharpe.toFixed(2)} and ${(wf.reference.cagr * 100).toFixed(1)}% over the same days.`,
    );
  }
  return out;
}
