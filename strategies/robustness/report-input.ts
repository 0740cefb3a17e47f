import type { RobustnessResult } from './run-robustness.ts';
import type { SensitivityTable } from './sensitivity.ts';

/**
 * The part of a robustness result the report's robustness section reads; structurally the
 * `RobustnessInput` of reports/sections/robustness-section.ts (which this layer may not import).
 */
export interface RobustnessReportInput {
  sensitivity?: SensitivityTable;
  deflatedSharpe?: { probability: number; trials: number; sharpe?: number };
  pbo?: { probability: number; splits?: number };
  permutation?: { pValue: number; permutations: number; statistic?: string };
  notes?: string[];
}

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
  if (result.deflatedSharpe) out.deflatedSharpe = result.deflatedSharpe;
  if (result.pbo) out.pbo = result.pbo;
  if (result.permutation) out.permutation = result.permutation;
  const wf = result.walkForward;
  if (wf) {
    out.notes!.push(
      `Walk-forward (${wf.years[0].year}–${wf.years[wf.years.length - 1].year}, each year the best Sharpe on all earlier years): stitched Sharpe ${wf.stitched.sharpe.toFixed(2)}, CAGR ${(wf.stitched.cagr * 100).toFixed(1)}%, against the article default's ${wf.reference.sharpe.toFixed(2)} and ${(wf.reference.cagr * 100).toFixed(1)}% over the same days.`,
    );
  }
  return out;
}
