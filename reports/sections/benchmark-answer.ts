import { sharpeDifference } from '../../engine/stats/sharpe-difference.ts';
import { formatValue } from '../format.ts';

/** One portfolio in the answer: its label, daily returns over T-bills and its reported figures. */
export interface AnswerPortfolio {
  label: string;
  /** Daily excess returns aligned with the others' (NaN where the portfolio has none). */
  excess: Float64Array;
  /** The annualised Sharpe ratio and CAGR the report shows for it (metrics.json or the headline). */
  sharpe: number | null;
  cagr: number | null;
}

/** The Sharpe-difference test against one benchmark. */
export interface BenchmarkTest {
  label: string;
  /** Annualised difference of the Sharpe ratios (strategy − benchmark), moment estimator × √252. */
  difference: number;
  pValue: number;
  days: number;
}

/** The answer and the tests behind it. */
export interface BenchmarkAnswer {
  text: string;
  tests: BenchmarkTest[];
}

/** Two-sided size of every test in the answer. */
export const ANSWER_LEVEL = 0.05;

/**
 * One sentence that answers "does the playbook beat simple benchmarks?" from the numbers: the
 * strategy's Sharpe ratio against each benchmark's, each difference tested on the days both have
 * a return by Ledoit and Wolf's HAC test (engine/stats sharpeDifference, two-sided, 5%).
 * "Yes" needs every difference positive and significant; "No" needs one negative and
 * significant; otherwise "Not demonstrably". The CAGRs follow as the reader's second question.
 */
export function benchmarkAnswer(strategy: AnswerPortfolio, benchmarks: readonly AnswerPortfolio[], period: string): BenchmarkAnswer | undefined {
  const tests: BenchmarkTest[] = [];
  for (const b of benchmarks) {
    const [x, y] = paired(strategy.excess, b.excess);
    if (x.length < 8) continue;
    const t = sharpeDifference(x, y);
    tests.push({ label: b.label, difference: t.difference * Math.sqrt(252), pValue: t.pValue, days: x.length });
  }
  if (!tests.length) return undefined;
  const figures = (label: string) => benchmarks.find((b) => b.label === label)!;
  const rows = tests.map((t) => ({ ...t, sharpe: figures(t.label).sharpe, cagr: figures(t.label).cagr }));
  return { text: answerText(strategy, rows, `Ledoit-Wolf HAC test of the Sharpe difference on daily returns over T-bills, two-sided, ${period}`), tests };
}

/** A benchmark's reported figures with the test of the Sharpe difference against it. */
export interface TestedBenchmark extends BenchmarkTest {
  sharpe: number | null;
  cagr: number | null;
}

/**
 * The answer sentence from tests already run (validate's benchmark analysis, or benchmarkAnswer):
 * "Yes" when every difference is positive and significant at 5%, "No" when one is negative and
 * significant, otherwise "Not demonstrably"; then the CAGRs, then `tests` in parentheses.
 */
export function answerText(strategy: { label: string; sharpe: number | null; cagr: number | null }, rows: readonly TestedBenchmark[], tests: string): string {
  const sr = (x: number | null) => formatValue(x, { style: 'number', digits: 2 });
  const p = (x: number) => (x < 0.001 ? 'p < 0.001' : `p = ${x.toFixed(x < 0.01 ? 3 : 2)}`);
  const better = rows.filter((t) => t.difference > 0 && t.pValue < ANSWER_LEVEL);
  const worse = rows.filter((t) => t.difference < 0 && t.pValue < ANSWER_LEVEL);
  const each = rows.map((t) => `${t.label} ${sr(t.sharpe)} (${p(t.pValue)})`).join(', ');
  const names = (ts: readonly TestedBenchmark[]) => ts.map((t) => `${t.label}'s`).join(' and ');
  const lead =
    better.length === rows.length
      ? `Yes: ${strategy.label}'s Sharpe ratio, ${sr(strategy.sharpe)}, is significantly above every simple benchmark's: ${each}`
      : worse.length
        ? `No: ${strategy.label}'s Sharpe ratio, ${sr(strategy.sharpe)}, is significantly below ${names(worse)}${better.length ? ` (though above ${names(better)})` : ''}: ${each}`
        : `Not demonstrably: ${strategy.label}'s Sharpe ratio, ${sr(strategy.sharpe)}, against ${each}; ${better.length ? `it is significantly above only ${names(better)}` : 'no difference is significant at 5%'}`;
  const pct = (x: number | null) => formatValue(x, { style: 'percent', digits: 1 });
  const cagr = `It earned ${pct(strategy.cagr)} a year against ${rows.map((b) => `${pct(b.cagr)} for ${b.label}`).join(', ')}.`;
  return `${lead}. ${cagr} (${tests}.)`;
}

/** The days where both series have a finite value. */
function paired(a: Float64Array, b: Float64Array): [Float64Array, Float64Array] {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (Number.isFinite(a[i]) && Number.isFinite(b[i])) {
      x.push(a[i]);
      y.push(b[i]);
    }
  }
  return [Float64Array.from(x), Float64Array.from(y)];
}

/**
 * The answer's last sentence: the control a sceptic asks for after the benchmarks, the playbook
 * on its own labels shuffled in blocks (RandomRegimeDistribution), read at 5%.
 */
export function randomRegimeSentence(control: { atLeast: number; shuffles: number; pValue: number }): string {
  const reading = control.pValue < ANSWER_LEVEL ? 'its regime timing beats chance at 5%' : 'its regime timing is not shown to beat chance';
  // Three significant digits: p is (1 + count) / (shuffles + 1), and two could round 0.0498 up to 0.05.
  return `On its own labels shuffled in blocks, ${control.atLeast} of ${control.shuffles} shuffles reach its Sharpe ratio (p = ${control.pValue.toPrecision(3)}): ${reading}.`;
}
