import { pct } from '../engine/percent.ts';
import { SENSITIVITY_COSTS, SENSITIVITY_EXECUTIONS, type Band, type BenchmarkAnalysis } from '../strategies/robustness/index.ts';
import { formatP } from './figures.ts';
import { alignRight } from './format.ts';
import { formatTable, toCsv } from './output.ts';

const fix = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const share = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');
const pval = (p: number) => formatP(p, 'n/a');
const bandText = (b: Band, f: (x: number) => string) => `${f(b.median)} [${f(b.p05)}, ${f(b.p95)}]`;

/**
 * The playbook against its benchmarks as terminal text: the comparison table with the
 * Sharpe-difference tests and the random-regime distribution, the SPA test, the deflated
 * Sharpe ratio of the difference, the costs × execution grid and the per-episode table.
 */
export function benchmarksText(a: BenchmarkAnalysis): string {
  const p = a.playbook;
  const rows: string[][] = [[p.name, fix(p.sharpe), pct(p.cagr), share(p.volatility), pct(-p.maxDrawdown), '', '', '']];
  for (const b of a.benchmarks) {
    rows.push([
      b.name,
      fix(b.sharpe),
      pct(b.cagr),
      share(b.volatility),
      pct(-b.maxDrawdown),
      fix(b.test.difference, 2),
      fix(b.test.se, 2),
      pval(b.test.pValue),
    ]);
  }
  const lines = [
    `AGAINST THE BENCHMARKS (${a.window.from} … ${a.window.to}, ${a.window.days} return days; Sharpe over T-bills; Δ = playbook − benchmark, Ledoit–Wolf HAC test)`,
    formatTable(['series', 'Sharpe', 'CAGR', 'vol', 'max DD', 'Δ Sharpe', 'se', 'p'], alignRight(rows, [1, 2, 3, 4, 5, 6, 7]), {
      priority: [1, 1, 2, 3, 2, 1, 4, 1],
    }),
  ];
  const r = a.randomRegime;
  if (r) {
    lines.push(
      `random-regime (the playbook on ${r.shuffles} block shuffles of the labels; median [5–95%]): Sharpe ${bandText(r.sharpe, (x) => fix(x))}, CAGR ${bandText(r.cagr, (x) => pct(x))}, max DD ${bandText(r.maxDrawdown, (x) => pct(-x))}; ${r.atLeast} of ${r.shuffles} shuffles reach the playbook's Sharpe (p = ${pval(r.pValue)})`,
    );
  }
  const s = a.spa;
  const v = a.spaVolatilityMatched;
  lines.push(
    `SPA (Hansen 2005; playbook as base, ${a.benchmarks.length} benchmarks; H0: no benchmark beats the playbook): excess returns p = ${pval(s.pValue)} (lower ${pval(s.pLower)}, upper ${pval(s.pUpper)}; strongest ${s.best}); volatility-matched p = ${pval(v.pValue)} (lower ${pval(v.pLower)}, upper ${pval(v.pUpper)}; strongest ${v.best})`,
  );
  const d = a.deflatedDifference;
  lines.push(
    `deflated Sharpe of the difference against ${d.against} (best simple benchmark): ${share(d.probability)} that the playbook's advantage (Sharpe ${fix(d.sharpe)} of the daily difference) beats the best of ${d.trials} skill-less trials (expected ${fix(d.expectedMax)}); PSR ${share(d.psr)}`,
  );

  const cell = (costBps: number, execution: string) => a.sensitivity.find((c) => c.costBps === costBps && c.execution === execution)!;
  const sens = SENSITIVITY_EXECUTIONS.map((e) => [
    e,
    ...SENSITIVITY_COSTS.map((c) => {
      const x = cell(c, e);
      return `${fix(x.sharpe)} ${pct(x.cagr)} ${pct(-x.maxDrawdown)}`;
    }),
  ]);
  lines.push(
    '',
    'PLAYBOOK SENSITIVITY: Sharpe, CAGR and max drawdown by cost (columns) and execution (rows; lag-2 = decisions one day later than next-close)',
    formatTable(
      ['execution', ...SENSITIVITY_COSTS.map((c) => `${c} bps`)],
      alignRight(
        sens,
        SENSITIVITY_COSTS.map((_, i) => i + 1),
      ),
    ),
  );

  if (a.episodes.length) {
    const names = a.episodes[0].rows.map((x) => x.name);
    const body = a.episodes.map((e) => [
      e.id,
      ...[1, 2, 3, 4].map((q) => (e.shares[q] > 0 ? share(e.shares[q]) : '-')),
      ...names.map((nm) => {
        const x = e.rows.find((y) => y.name === nm)!;
        return Number.isFinite(x.total) ? `${pct(x.total)} (${pct(-x.maxDrawdown)})` : 'n/a';
      }),
    ]);
    lines.push(
      '',
      'EPISODES: share of days in each quadrant (label at the previous close), and return (max drawdown) of the playbook and each benchmark',
      formatTable(['episode', 'Q1', 'Q2', 'Q3', 'Q4', ...names], alignRight(body, body[0].map((_, i) => i).slice(1))),
      ...a.episodes.map((e) => `  ${e.id} ${e.from} … ${e.to}: ${e.path}`),
    );
  }
  return lines.join('\n');
}

const CSV_HEADER = [
  'series',
  'sharpe',
  'cagr',
  'volatility',
  'max_drawdown',
  'sharpe_difference',
  'se',
  'z',
  'p_value',
  'sharpe_p05',
  'sharpe_p95',
  'shuffles',
];

/** The comparison table as CSV: the playbook, each benchmark with its test, the random-regime median and band. */
export function benchmarksCsv(a: BenchmarkAnalysis): string {
  const p = a.playbook;
  const rows: (string | number)[][] = [[p.name, p.sharpe, p.cagr, p.volatility, p.maxDrawdown, NaN, NaN, NaN, NaN, NaN, NaN, NaN]];
  for (const b of a.benchmarks)
    rows.push([b.name, b.sharpe, b.cagr, b.volatility, b.maxDrawdown, b.test.difference, b.test.se, b.test.z, b.test.pValue, NaN, NaN, NaN]);
  const r = a.randomRegime;
  if (r)
    rows.push([
      'random-regime (median)',
      r.sharpe.median,
      r.cagr.median,
      NaN,
      r.maxDrawdown.median,
      NaN,
      NaN,
      NaN,
      r.pValue,
      r.sharpe.p05,
      r.sharpe.p95,
      r.shuffles,
    ]);
  return toCsv(CSV_HEADER, rows);
}
