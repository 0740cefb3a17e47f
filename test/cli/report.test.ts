/**
 * `quadrant run --report` and `quadrant report --run` through the real binary on the real
 * snapshot: the report's numbers are the run's (metrics.json, nav.csv), the HTML opens offline
 * in headless Chromium with every chart, the PDF renders page by page through poppler with the
 * scorecard as text, and bad run directories exit 2 naming the file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT } from '../builders.ts';
import { Chromium, findChromium, type Page } from '../reports/chromium.ts';
import { reportCreatedAt } from '../../cli/commands/report.ts';
import { runCli } from './run-cli.ts';

const chromium = findChromium();
const POPPLER = ['pdftoppm', 'pdftotext', 'pdfinfo'].every((bin) => ['/usr/bin', '/usr/local/bin'].some((d) => existsSync(join(d, bin))));
// In CI (.ci/run installs both) a missing binary is a failure, not a skip.
const canBrowse = !!chromium || !!process.env.CI;
const canPoppler = POPPLER || !!process.env.CI;
if (!canBrowse) console.warn('skipping report browser checks: no chromium binary (run .ci/install-browser.sh)');
if (!canPoppler) console.warn('skipping report PDF checks: poppler-utils not installed (run .ci/install-browser.sh)');

/** A fixed timestamp so two renderings of one run can be compared byte for byte. */
const EPOCH = { SOURCE_DATE_EPOCH: '1789000000' };

type MetricsJson = {
  from: string;
  to: string;
  runs: Record<string, { overall: Record<string, number | string | null>; byYear: Record<string, Record<string, number | null>> }>;
};

describe('quadrant report from a finished run (real snapshot)', () => {
  let root: string;
  let runDir: string;
  let outDir: string;
  let report: ReturnType<typeof runCli>;
  let viaRun: ReturnType<typeof runCli>;
  let metrics: MetricsJson;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'quadrant-report-cli-'));
    runDir = join(root, 'run');
    outDir = join(root, 'out');
    // The run draws its own report (quietly) into its --run-dir ...
    viaRun = runCli(['run', '--data', SNAPSHOT, '--run-dir', runDir, '--report', 'html,pdf', '--quiet'], EPOCH);
    // ... and `quadrant report` draws it again from the bundle alone, with progress on stderr.
    report = runCli(['report', '--run', runDir, '--report-dir', outDir, '--report', 'html,pdf'], EPOCH);
    metrics = JSON.parse(readFileSync(join(runDir, 'metrics.json'), 'utf8')) as MetricsJson;
  }, 120_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('run --report writes the bundle and both files, quietly', () => {
    expect(viaRun.code, viaRun.stderr).toBe(0);
    for (const f of ['nav.csv', 'metrics.json', 'manifest.json', 'report.html', 'report.pdf']) expect(existsSync(join(runDir, f)), f).toBe(true);
    expect(viaRun.stdout).toContain(`wrote ${join(runDir, 'report.html')}`);
    // --quiet: neither progress lines nor data warnings.
    expect(viaRun.stderr).toBe('');
  });

  it('report --run prints the run headline and the files, with progress on stderr', () => {
    expect(report.code, report.stderr).toBe(0);
    const cagr = metrics.runs.article.overall.cagr as number;
    // Worked from metrics.json: CAGR as a percentage with two decimals.
    expect(report.stdout).toContain(`article: CAGR ${(cagr * 100).toFixed(2)}%`);
    expect(report.stdout).toMatch(/claims in sample: \d+ supported, \d+ contradicted, \d+ inconclusive/);
    expect(report.stdout).toContain(`wrote ${join(outDir, 'report.html')}`);
    expect(report.stdout).toMatch(/report\.pdf \([\d.]+ MB, \d+ pages\)/);
    // Not a terminal: createProgress writes one line per step, ending with the write.
    expect(report.stderr).toMatch(/^report model 1\/\d+ checksums$/m);
    expect(report.stderr).toMatch(/^report (\d+)\/\1 write$/m);
    // The data is the run's: no checksum warning.
    expect(report.stderr).not.toContain('changed since the run');
  });

  it('ends the first-page answer with the random-regime control of metrics.json', () => {
    const control = (
      JSON.parse(readFileSync(join(runDir, 'metrics.json'), 'utf8')) as { randomRegimeDistribution: { atLeast: number; shuffles: number; pValue: number } }
    ).randomRegimeDistribution;
    const answer = /<p class="answer" data-answer>([^<]*)<\/p>/.exec(readFileSync(join(runDir, 'report.html'), 'utf8'))![1].replaceAll('&#39;', "'");
    expect(answer).toMatch(/^(Yes|No|Not demonstrably): article's Sharpe ratio/);
    // p worked from the count: (1 + reached) / (shuffles + 1), three significant digits.
    const p = ((1 + control.atLeast) / (control.shuffles + 1)).toPrecision(3);
    expect(
      answer.endsWith(`${control.atLeast} of ${control.shuffles} shuffles reach its Sharpe ratio (p = ${p}): its regime timing is not shown to beat chance.`),
    ).toBe(true);
  });

  it('draws the same report from the run and from the bundle', () => {
    // Byte for byte but for the code-version table: in a shared checkout the commit or its
    // "uncommitted changes" flag can change between the two renderings.
    const html = (dir: string) => readFileSync(join(dir, 'report.html'), 'utf8').replace(/<table id="table-appendix-version"[\s\S]*?<\/table>/, '');
    expect(html(outDir).length).toBeGreaterThan(100_000);
    expect(html(outDir) === html(runDir)).toBe(true);
    const pages = (dir: string) => Number(/\/Count (\d+)/.exec(readFileSync(join(dir, 'report.pdf'), 'latin1'))![1]);
    expect(pages(outDir)).toBe(pages(runDir));
  });

  describe.skipIf(!canBrowse)('the HTML in headless Chromium', () => {
    let browser: Chromium;
    let page: Page;

    beforeAll(async () => {
      browser = await Chromium.launch(chromium);
      page = await browser.open(join(outDir, 'report.html'));
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('opens with no console error and no network request', () => {
      expect(page.problems()).toEqual([]);
      expect(page.foreignRequests()).toEqual([]);
    });

    it('shows every chart of the nine sections', async () => {
      // By hand: timeline 2 (whole history, last 24 months), liquidity 4 (balance sheet, reserves,
      // TGA and RRP, rates), performance 8 (growth, drawdown, rolling Sharpe; the tearsheet's weights,
      // monthly returns, daily-return histogram, rolling volatility and beta), returns by regime 1,
      // episodes 3 (returns, the strategy's and US large caps' paths), robustness 2 (permutation
      // histogram, sensitivity).
      const visible = `[...document.querySelectorAll('figure.chart svg')].filter((s) => s.getBoundingClientRect().width > 0)`;
      expect(await page.evaluate<number>(`document.querySelectorAll('figure.chart').length`)).toBe(20);
      expect(await page.evaluate<number>(`${visible}.length`)).toBe(20);
      const sections = await page.evaluate<string[]>(`[...document.querySelectorAll('nav.toc a')].map((a) => a.textContent)`);
      expect(sections).toEqual([
        'Summary',
        'Regime timeline',
        'Liquidity dashboard',
        'Performance',
        'Returns by regime',
        'Claims scorecard',
        'Episode comparison',
        'Robustness',
        'Appendix: reproducibility',
      ]);
    });

    it('shows the headline numbers of metrics.json, exactly', async () => {
      const cells = await page.evaluate<{ metric: string; portfolio: string; value: string; text: string }[]>(
        `[...document.querySelectorAll('td[data-metric]')].map((td) => ({ metric: td.dataset.metric, portfolio: td.dataset.portfolio, value: td.dataset.value, text: td.textContent }))`,
      );
      const runs = Object.keys(metrics.runs);
      expect(runs[0]).toBe('article');
      expect(new Set(cells.map((c) => c.portfolio))).toEqual(new Set(runs));
      // Drawdowns are shown as falls (negative); metrics.json holds their depth.
      for (const c of cells) {
        const x = metrics.runs[c.portfolio].overall[c.metric] as number;
        expect(Number(c.value), `${c.portfolio} ${c.metric}`).toBe(c.metric === 'maxDrawdown' ? 0 - x : x);
      }
      const strategy = (metric: string) => cells.find((c) => c.portfolio === 'article' && c.metric === metric)!;
      // Written as the format says, worked from metrics.json: one decimal of percent, two of Sharpe.
      expect(strategy('cagr').text).toBe(`${((metrics.runs.article.overall.cagr as number) * 100).toFixed(1)}%`);
      expect(strategy('sharpe').text).toBe((metrics.runs.article.overall.sharpe as number).toFixed(2));
    });

    it("shows each year's return as nav.csv gives it", async () => {
      // Independent of metrics.json: the last NAV of 2008 over the last NAV of 2007, from nav.csv.
      const rows = readFileSync(join(runDir, 'nav.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','));
      const lastOf = (year: string) => Number(rows.filter((r) => r[0].startsWith(year)).at(-1)![1]);
      const value = await page.evaluate<string>(`document.querySelector('#table-strategy-years tr[data-row="2008"] td[data-col="article"]').dataset.value`);
      expect(Number(value)).toBeCloseTo(lastOf('2008') / lastOf('2007') - 1, 10);
    });

    it('says in the appendix that the data matched the run checksums', async () => {
      const text = await page.evaluate<string>(
        `document.querySelector('#table-appendix-parameters tr[data-row="run.dataChecksums"] td[data-col="value"]').textContent`,
      );
      // 35 files: the manifest's data.files entries of this snapshot.
      const files = Object.keys((JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8')) as { data: { files: object } }).data.files).length;
      expect(text).toBe(`all ${files} files in ${SNAPSHOT} match manifest.json`);
    });

    it("prints the appendix's folded tables unfolded, and folds them again after", async () => {
      const folded = `document.querySelectorAll('details:not([open])').length`;
      const before = await page.evaluate<number>(folded);
      expect(before).toBeGreaterThan(0);
      // A listener of the test's own, after the page's: how many are still folded as printing starts.
      await page.evaluate(`window.addEventListener('beforeprint', () => { window.foldedAtPrint = ${folded}; }); 0`);
      await browser.send('Page.printToPDF', {}, page.sessionId);
      expect(await page.evaluate<number>('window.foldedAtPrint')).toBe(0);
      expect(await page.evaluate<number>(folded)).toBe(before);
    });
  });

  describe.skipIf(!canPoppler)('the PDF through poppler', () => {
    const pdf = () => join(outDir, 'report.pdf');
    const run = (bin: string, args: string[]) => execFileSync(bin, args, { encoding: 'utf8' });

    it('renders every page', () => {
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf()]))![1]);
      // Nine sections, the long ones (performance, scorecard) over several pages.
      expect(pages).toBeGreaterThan(15);
      expect(report.stdout).toContain(`${pages} pages`);
      const pngDir = mkdtempSync(join(root, 'png-'));
      run('pdftoppm', ['-r', '12', '-png', pdf(), join(pngDir, 'p')]);
      const pngs = readdirSync(pngDir).filter((f) => f.endsWith('.png'));
      expect(pngs).toHaveLength(pages);
      for (const f of pngs) expect(readFileSync(join(pngDir, f)).subarray(1, 4).toString()).toBe('PNG');
    });

    it('holds the scorecard, its verdicts and the run headline as text', () => {
      const text = run('pdftotext', ['-layout', pdf(), '-']);
      // Each claim's line carries the verdicts the HTML scorecard shows (read from the file's cells).
      const html = readFileSync(join(outDir, 'report.html'), 'utf8');
      const table = html.slice(html.indexOf('id="table-scorecard"'), html.indexOf('</table>', html.indexOf('id="table-scorecard"')));
      const cell = (id: string, col: string) => new RegExp(`<tr data-row="${id}">.*?<td data-col="${col}"[^>]*>([^<]*)</td>`).exec(table)![1];
      const escape = (t: string) => t.replace(/[()[\]]/g, '\\$&');
      const verdicts = /^(supported|contradicted|inconclusive|pending|untestable)/;
      for (let k = 1; k <= 10; k++) {
        const [inVerdict, outVerdict] = [cell(`C${k}-in`, 'verdict'), cell(`C${k}-out`, 'verdict')];
        expect(outVerdict).toMatch(verdicts);
        expect(inVerdict).toMatch(k <= 7 ? verdicts : /^n\/a \(forecast\)$/);
        // The PDF's row for the claim carries its in-sample verdict (the verdict cell may wrap onto the next line).
        expect(text).toMatch(new RegExp(`^\\s*C${k}\\s.*${escape(inVerdict.split(' ')[0])}`, 'm'));
      }
      const cagr = `${((metrics.runs.article.overall.cagr as number) * 100).toFixed(1)}%`;
      expect(text).toMatch(new RegExp(`article \\(strategy\\)\\s+${cagr.replace('.', '\\.')}`));
    });
  });
});

// Missing files inside a run directory and unknown formats are tested in process
// (test/reports/sections/run-bundle.test.ts); through the binary, the exit code and the message.
describe('quadrant report: bad input exits 2 naming what is wrong', () => {
  it('a missing run directory', () => {
    const dir = join(tmpdir(), 'quadrant-no-such-run-dir');
    const r = runCli(['report', '--run', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${dir}: no such run directory`);
  });

  it('--report without --run-dir (before any data is read)', () => {
    const noOut = runCli(['run', '--data', SNAPSHOT, '--report', 'html']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--report needs --run-dir DIR');
  });
});

describe('reportCreatedAt', () => {
  it('takes SOURCE_DATE_EPOCH (seconds) when set, so one run renders byte-identical files', () => {
    // 1789000000 s = 20 706 days (to 2026-09-10) + 1 600 s (00:26:40), by hand.
    expect(reportCreatedAt({ SOURCE_DATE_EPOCH: '1789000000' })).toBe('2026-09-10T00:26:40.000Z');
    expect(reportCreatedAt({ SOURCE_DATE_EPOCH: '0' })).toBe('1970-01-01T00:00:00.000Z');
    // Unset or empty: the current time.
    expect(Math.abs(Date.parse(reportCreatedAt({ SOURCE_DATE_EPOCH: '' })) - Date.now())).toBeLessThan(5_000);
  });

  it('names the variable when it is not whole seconds a date can hold (no RangeError)', () => {
    // 253402300799 s is 9999-12-31T23:59:59Z, the last second an ISO date shows.
    expect(reportCreatedAt({ SOURCE_DATE_EPOCH: '253402300799' })).toBe('9999-12-31T23:59:59.000Z');
    for (const bad of ['99999999999999', '253402300800', 'soon', '-1']) {
      expect(() => reportCreatedAt({ SOURCE_DATE_EPOCH: bad })).toThrow(
        new RegExp(`^SOURCE_DATE_EPOCH must be whole seconds since 1970 \\(0 to 253402300799\\), got "${bad}"$`),
      );
    }
  });
});

describe("a run's report without its strategy file (real snapshot)", () => {
  it('rebuilds the what-if panel from the spec the bundle keeps, after the file is gone', () => {
    const root = mkdtempSync(join(tmpdir(), 'quadrant-report-spec-'));
    try {
      // No name field: the file's base name names the strategy, as the spec kept says.
      const file = join(root, 'defensive.yaml');
      writeFileSync(
        file,
        'rebalance: regime\nquadrants:\n  Q1: { us_large: 0.6, treasuries: 0.4 }\n  Q2: { us_large: 1 }\n  Q3: { gold: 0.5, emerging: 0.5 }\n  Q4: { cash: 1 }\n',
      );
      const runDir = join(root, 'run');
      const run = runCli(['run', '--data', SNAPSHOT, '--strategy', file, '--run-dir', runDir, '--quiet']);
      expect(run.code, run.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8'));
      expect(manifest.config.strategySpec).toEqual({
        name: 'defensive',
        rebalance: 'regime',
        quadrants: { Q1: { us_large: 0.6, treasuries: 0.4 }, Q2: { us_large: 1 }, Q3: { gold: 0.5, emerging: 0.5 }, Q4: { cash: 1 } },
      });
      rmSync(file);
      const r = runCli(['report', '--run', runDir, '--report', 'html', '--no-robustness', '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      const html = readFileSync(join(runDir, 'report.html'), 'utf8');
      expect(html).not.toContain('No what-if panel');
      const data = JSON.parse(html.match(/<script type="application\/json" id="what-if-data">([\s\S]*?)<\/script>/)![1]);
      // The panel is offered only when its replay of the unedited settings gives the run's NAV
      // (whatIfData checks it), so its presence says the rebuilt strategy is the one that ran.
      expect(data.strategy).toBe('defensive');
      expect(data.original.rule).toBe('regime');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 180_000);
});
