import { SENSITIVITY_COSTS, SENSITIVITY_EXECUTIONS, type BenchmarkAnalysis } from '../../strategies/robustness/index.ts';
import type { ReportBlock, TableRow } from '../model.ts';

const pct1 = { style: 'percent' as const, digits: 1 };
const num2 = { style: 'number' as const, digits: 2 };
const p3 = { style: 'number' as const, digits: 3 };
const finite = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * The report blocks of the playbook-against-benchmarks analysis: the comparison with the
 * Sharpe-difference tests and the random-regime distribution, the SPA and deflated-difference
 * figures, the costs × execution grid and the per-episode table. Drawn in the performance
 * section, after the playbook's own figures.
 */
export function benchmarkBlocks(a: BenchmarkAnalysis): ReportBlock[] {
  const r = a.randomRegime;
  const rows: TableRow[] = [
    { key: 'article', cells: ['article (playbook)', finite(a.playbook.sharpe), finite(a.playbook.cagr), finite(-a.playbook.maxDrawdown), null, null], emphasis: true },
    ...a.benchmarks.map((b) => ({ key: b.name, cells: [b.name, finite(b.sharpe), finite(b.cagr), finite(-b.maxDrawdown), finite(b.test.difference), finite(b.test.pValue)] })),
  ];
  if (r) {
    rows.push({ key: 'random-regime-median', cells: [`random-regime, median of ${r.shuffles}`, finite(r.sharpe.median), finite(r.cagr.median), finite(-r.maxDrawdown.median), null, finite(r.pValue)] });
    rows.push({ key: 'random-regime-p05', cells: ['random-regime, 5th percentile', finite(r.sharpe.p05), finite(r.cagr.p05), finite(-r.maxDrawdown.p95), null, null] });
    rows.push({ key: 'random-regime-p95', cells: ['random-regime, 95th percentile', finite(r.sharpe.p95), finite(r.cagr.p95), finite(-r.maxDrawdown.p05), null, null] });
  }
  const d = a.deflatedDifference;
  const blocks: ReportBlock[] = [
    { kind: 'heading', text: 'The playbook against each benchmark, with tests' },
    {
      kind: 'table',
      id: 'benchmark-tests',
      caption: `Sharpe difference and its test, ${a.window.from} to ${a.window.to}`,
      columns: [
        { key: 'series', label: 'Series', align: 'left' },
        { key: 'sharpe', label: 'Sharpe', format: num2 },
        { key: 'cagr', label: 'CAGR', format: pct1 },
        { key: 'max-dd', label: 'Max drawdown', format: pct1 },
        { key: 'difference', label: 'Sharpe difference', format: { ...num2, signed: true } },
        { key: 'p', label: 'p', format: p3 },
      ],
      rows,
      note: 'Sharpe difference = playbook − benchmark, annualised; p: two-sided Ledoit–Wolf (2008) HAC test. The random-regime rows are the playbook on block-shuffled labels, a distribution rather than one seed; their p is the share of shuffles at least as good as the playbook.',
    },
    {
      kind: 'metrics',
      items: [
        { id: 'spa-p', label: 'SPA p-value (Hansen)', value: finite(a.spa.pValue), format: p3, note: `a benchmark beats the playbook if small; strongest ${a.spa.best}` },
        { id: 'spa-p-volatility-matched', label: 'SPA p, volatility-matched', value: finite(a.spaVolatilityMatched.pValue), format: p3, note: `strongest ${a.spaVolatilityMatched.best}` },
        { id: 'deflated-difference', label: 'Deflated Sharpe of the advantage', value: finite(d.probability), format: pct1, note: `over ${d.against}, ${d.trials} trials` },
        ...(r ? [{ id: 'random-regime-p', label: 'Random-regime p-value', value: finite(r.pValue), format: p3, note: `${r.shuffles} shuffles` }] : []),
      ],
    },
  ];

  const cell = (c: number, e: string) => a.sensitivity.find((x) => x.costBps === c && x.execution === e)!;
  blocks.push({
    kind: 'table',
    id: 'cost-execution',
    caption: 'The playbook under other costs and fills',
    note: 'Cost per trade in basis points of the value traded; lag-2: decisions one day later than next-close. The bold row is the assumption of every other figure.',
    columns: [
      { key: 'execution', label: 'Execution', align: 'left' },
      { key: 'cost', label: 'Cost (bps)', format: { style: 'integer' } },
      { key: 'sharpe', label: 'Sharpe', format: num2 },
      { key: 'cagr', label: 'CAGR', format: pct1 },
      { key: 'max-dd', label: 'Max drawdown', format: pct1 },
    ],
    rows: SENSITIVITY_EXECUTIONS.flatMap((e) =>
      SENSITIVITY_COSTS.map((c) => {
        const x = cell(c, e);
        return { key: `${e}-${c}`, cells: [e, c, finite(x.sharpe), finite(x.cagr), finite(-x.maxDrawdown)], emphasis: c === a.assumptions.costBps && e === a.assumptions.execution };
      }),
    ),
  });

  if (a.episodes.length) {
    const names = a.episodes[0].rows.map((x) => x.name);
    const figure = (e: (typeof a.episodes)[number], nm: string, f: 'total' | 'maxDrawdown') => {
      const x = e.rows.find((y) => y.name === nm)!;
      return finite(f === 'total' ? x.total : -x.maxDrawdown);
    };
    blocks.push(
      {
        kind: 'table',
        id: 'episode-benchmarks',
        caption: 'Named episodes: quadrant shares and returns',
        columns: [
          { key: 'episode', label: 'Episode', align: 'left' },
          ...[1, 2, 3, 4].map((q) => ({ key: `q${q}`, label: `Q${q}`, format: { style: 'percent' as const, digits: 0 } })),
          ...names.map((nm) => ({ key: nm, label: nm, format: { ...pct1, signed: true } })),
        ],
        rows: a.episodes.map((e) => ({ key: e.id, cells: [e.id, ...[1, 2, 3, 4].map((q) => finite(e.shares[q])), ...names.map((nm) => figure(e, nm, 'total'))] })),
        note: 'Share of each episode\'s days in force of each quadrant (the label known at the previous close), and the total return of the playbook and each benchmark over the episode.',
      },
      {
        kind: 'table',
        id: 'episode-drawdowns',
        caption: 'Named episodes: label path and max drawdowns',
        columns: [
          { key: 'episode', label: 'Episode', align: 'left' },
          { key: 'path', label: 'Label path', align: 'left', width: 3 },
          ...names.map((nm) => ({ key: nm, label: nm, format: pct1 })),
        ],
        rows: a.episodes.map((e) => ({ key: e.id, cells: [e.id, e.path, ...names.map((nm) => figure(e, nm, 'maxDrawdown'))] })),
      },
    );
  }
  blocks.push({ kind: 'text', paragraphs: a.notes });
  return blocks;
}
