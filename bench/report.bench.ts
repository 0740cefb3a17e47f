/**
 * Report rendering on the real snapshot, against the targets: HTML under 3 s, PDF under
 * 6 s.
 * - From a finished run: what `quadrant report --run DIR` does after the run, in process: read the
 *   bundle, check the data's checksums, load the data and label regimes, robustness, the
 *   scorecard and the other sections, then render one format. The run itself (made once through
 *   the binary) is not timed.
 * - From a built model (the demo model, 16 charts): rendering alone; building the model
 *   (loading data, the backtest, the scorecard) is printed beside as model_build_s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from './harness.ts';
import { medianMs } from './harness.ts';
import { buildDemoModel } from '../reports/sections/demo-model.ts';
import { modelCharts, type ReportModel } from '../reports/model.ts';
import { renderReport, type ReportFormat } from '../reports/render/index.ts';
import { readRunBundle } from '../engine/run-bundle/index.ts';
import { reportFromRun } from '../cli/commands/report.ts';

const SNAPSHOT = process.env.QUADRANT_DATA ?? join(import.meta.dirname, '..', '..', 'shared', 'datasets');

let model: ReportModel | undefined;
let buildMs = 0;

function demo(): ReportModel {
  if (!model) {
    const t0 = performance.now();
    model = buildDemoModel(SNAPSHOT, { createdAt: '2026-09-15T00:00:00Z' });
    buildMs = performance.now() - t0;
  }
  return model;
}

async function timeFormat(format: ReportFormat): Promise<{ value: number; context: Record<string, number | string> }> {
  const m = demo();
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-bench-report-'));
  let bytes = 0;
  let pages = 0;
  const cold0 = performance.now();
  await renderReport(m, { formats: [format], outDir: dir });
  const cold = performance.now() - cold0;
  const ms = await medianMs(
    async () => {
      const out = await renderReport(m, { formats: [format], outDir: dir });
      bytes = out.files[0].bytes;
      pages = out.pdfPages ?? 0;
    },
    3,
    0,
  );
  rmSync(dir, { recursive: true, force: true });
  return {
    value: ms / 1000,
    context: { first_run_s: cold / 1000, charts: modelCharts(m).length, MB: bytes / 1e6, ...(pages ? { pages } : {}), model_build_s: buildMs / 1000 },
  };
}

let runDir: string | undefined;

/** A finished run of the real snapshot (`quadrant run --run-dir DIR` through the binary; not timed). */
function finishedRun(): string {
  if (!runDir) {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-bench-run-'));
    runDir = dir;
    // The run is reused by both formats and removed when the benchmark process ends.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    execFileSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'quadrant.mjs'), 'run', '--data', SNAPSHOT, '--run-dir', dir, '--quiet'], {
      stdio: 'ignore',
    });
  }
  return runDir;
}

/**
 * `quadrant report --run DIR` in process, from the bundle on disk: reading it, checking the data's
 * checksums, loading the data and labelling regimes, building the model and rendering one format.
 */
async function timeFromRun(format: ReportFormat): Promise<{ value: number; context: Record<string, number | string> }> {
  const dir = finishedRun();
  const out = mkdtempSync(join(tmpdir(), 'quadrant-bench-report-'));
  let charts = 0;
  let bytes = 0;
  let pages = 0;
  const once = async () => {
    const r = await reportFromRun(readRunBundle(dir), { formats: [format], outDir: out, quiet: true });
    charts = modelCharts(r.model).length;
    bytes = r.rendered.files[0].bytes;
    pages = r.rendered.pdfPages ?? 0;
  };
  const cold0 = performance.now();
  await once();
  const cold = performance.now() - cold0;
  const ms = await medianMs(once, 3, 0);
  rmSync(out, { recursive: true, force: true });
  return { value: ms / 1000, context: { first_run_s: cold / 1000, charts, MB: bytes / 1e6, ...(pages ? { pages } : {}) } };
}

const benchmarks: Benchmark[] = [
  { name: 'report: HTML from a finished run (real snapshot)', unit: 's', target: 3, run: () => timeFromRun('html') },
  { name: 'report: PDF from a finished run (real snapshot)', unit: 's', target: 6, run: () => timeFromRun('pdf') },
  { name: 'report: HTML from a built model (demo, real snapshot)', unit: 's', target: 3, run: () => timeFormat('html') },
  { name: 'report: PDF from a built model (demo, real snapshot)', unit: 's', target: 6, run: () => timeFormat('pdf') },
];

export default benchmarks;
