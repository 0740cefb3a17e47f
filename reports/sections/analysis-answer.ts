import type { BenchmarkAnalysis } from '../../strategies/robustness/index.ts';
import { answerText, randomRegimeSentence } from './benchmark-answer.ts';

/**
 * The first-page answer of a validate report from its benchmark analysis: the playbook's Sharpe
 * ratio against each simple benchmark's with the Ledoit-Wolf test the analysis ran, and Hansen's
 * SPA test over all of them at once (H0: no benchmark beats the playbook); then the control a
 * sceptic asks for next, the same playbook on block-shuffled labels.
 */
export function analysisAnswer(a: BenchmarkAnalysis): string | undefined {
  if (!a.benchmarks.length) return undefined;
  const rows = a.benchmarks.map((b) => ({
    label: b.name,
    sharpe: b.sharpe,
    cagr: b.cagr,
    difference: b.test.difference,
    pValue: b.test.pValue,
    days: a.window.days,
  }));
  const spa = Number.isFinite(a.spa.pValue) ? `; Hansen's SPA test of the null that no benchmark beats it, p = ${a.spa.pValue.toFixed(3)}` : '';
  const tests = `Ledoit-Wolf HAC test of each Sharpe difference, two-sided${spa}; ${a.window.from} to ${a.window.to}, ${a.assumptions.costBps} bps, ${a.assumptions.execution}`;
  const answer = answerText({ label: a.playbook.name, sharpe: a.playbook.sharpe, cagr: a.playbook.cagr }, rows, tests);
  const r = a.randomRegime;
  return r && Number.isFinite(r.pValue) ? `${answer} ${randomRegimeSentence(r)}` : answer;
}
