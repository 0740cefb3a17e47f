import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../datasets/errors.ts';
import { modelCharts, type ReportModel } from '../../../reports/model.ts';
import { parseFormats, renderReport, writeFilesAtomic, type RenderProgress } from '../../../reports/render/index.ts';
import { HOSTILE, MODEL_CHARTS, makeModel } from '../fixtures.ts';

describe('renderReport', () => {
  let dir: string;
  let html: string;
  let progress: RenderProgress[];
  let model: ReportModel;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quadrant-report-'));
    model = makeModel();
    progress = [];
    const out = await renderReport(model, { formats: ['html'], outDir: dir, onProgress: (p) => progress.push(p) });
    expect(out.files.map((f) => f.path)).toEqual([join(dir, 'report.html')]);
    html = readFileSync(join(dir, 'report.html'), 'utf8');
  });

  it('draws one figure per chart block, each with a wide and a phone SVG', () => {
    expect(modelCharts(model)).toHaveLength(MODEL_CHARTS);
    expect(html.match(/<figure class="chart"/g)).toHaveLength(MODEL_CHARTS);
    expect(html.match(/<svg /g)).toHaveLength(2 * MODEL_CHARTS);
  });

  it('writes headline numbers unformatted in data-value', () => {
    expect(html).toContain('data-metric="cagr" data-portfolio="strategy" data-value="0.0812345">8.1%</td>');
    expect(html).toContain('data-metric="sharpe" data-portfolio="strategy" data-value="0.61234">0.61</td>');
    // A missing value gets no data-value.
    expect(html).toContain('data-metric="sharpe" data-portfolio="us-large">–</td>');
  });

  it('escapes every hostile string, in the page and inside the charts', () => {
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    // Vega escapes the series label in legends and tooltips of the SVG.
    expect(html).toContain('A &lt;script&gt;alert(');
  });

  it('forbids every network request with a CSP and references nothing external', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+';/);
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
    expect(html).not.toMatch(/url\((?:https?:)?\/\//);
    expect(html).not.toMatch(/@import/);
  });

  it('reports progress once per chart, per format and for the write', () => {
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: MODEL_CHARTS + 2 }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === MODEL_CHARTS + 2)).toBe(true);
    expect(progress[0].step).toBe('chart timeline');
  });

  it('renders the same model to the same bytes', async () => {
    const again = mkdtempSync(join(tmpdir(), 'quadrant-report-'));
    await renderReport(JSON.parse(JSON.stringify(model)) as ReportModel, { formats: ['html'], outDir: again });
    expect(readFileSync(join(again, 'report.html'), 'utf8')).toBe(html);
  });

  it('writes nothing when a write fails, and leaves no temporary files', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'quadrant-report-'));
    // A file where the output directory should be: creating report.html inside it fails.
    const blocked = join(parent, 'out');
    writeFileSync(blocked, 'not a directory');
    await expect(renderReport(makeModel(), { formats: ['html', 'pdf'], outDir: blocked })).rejects.toThrow();
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readFileSync(blocked, 'utf8')).toBe('not a directory');
  });

  it('writes all files or none: a failing second file leaves the first one untouched', () => {
    const out = mkdtempSync(join(tmpdir(), 'quadrant-report-'));
    writeFileSync(join(out, 'report.html'), 'old');
    writeFileSync(join(out, 'blocker'), 'a file, not a directory');
    expect(() =>
      writeFilesAtomic([
        { path: join(out, 'report.html'), content: 'new' },
        { path: join(out, 'blocker', 'report.pdf'), content: 'pdf' },
      ]),
    ).toThrow();
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe('old');
    expect(readdirSync(out).sort()).toEqual(['blocker', 'report.html']);
  });

  it('refuses a chart id that cannot be an HTML id, before writing anything', async () => {
    const out = mkdtempSync(join(tmpdir(), 'quadrant-report-'));
    const broken = makeModel();
    broken.sections.appendix = { title: 'x', blocks: [{ kind: 'chart', id: 'bad id', title: 't', alt: 'a', spec: {} as never }] };
    const err = await renderReport(broken, { formats: ['html', 'pdf'], outDir: out }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).details.field).toBe('sections.appendix.blocks[0].id');
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(out, 'report.pdf'))).toBe(false);
  });
});

describe('options and model checks', () => {
  it('parses format lists and names the field on errors', () => {
    expect(parseFormats('html,pdf')).toEqual(['html', 'pdf']);
    expect(parseFormats(' PDF , html,pdf')).toEqual(['pdf', 'html']);
    expect(() => parseFormats('html,docx')).toThrow(ConfigError);
    try {
      parseFormats('', 'report');
    } catch (err) {
      expect((err as ConfigError).details.field).toBe('report');
    }
    expect.assertions(4);
  });

  it('rejects repeated chart ids and unknown sections, naming the field', async () => {
    const model = makeModel();
    const chart = model.sections.liquidity!.blocks[1];
    model.sections.performance!.blocks.push(chart);
    const err = await renderReport(model, { formats: ['html'], outDir: tmpdir() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).details.field).toBe('sections.performance.blocks[3].id');

    const other = makeModel() as ReportModel & { sections: Record<string, unknown> };
    other.sections['bogus'] = { title: 'x', blocks: [] };
    const err2 = await renderReport(other, { formats: ['html'], outDir: tmpdir() }).catch((e: unknown) => e);
    expect((err2 as ConfigError).details.field).toBe('sections.bogus');
  });

  it('mentions the hostile fixture so a renamed constant cannot silently pass', () => {
    expect(HOSTILE).toContain('<script>');
  });
});
