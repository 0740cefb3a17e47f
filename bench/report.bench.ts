/**
 * Report rendering from a built model (the demo model of the real snapshot: every section that
 * can be built today, 16 charts): the self-contained HTML page (each chart drawn twice, wide
 * and phone) under 3 s, the PDF under 6 s. Building the model (loading data, the backtest,
 * the scorecard) is not timed here; its own figure is printed beside.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from './harness.ts';
import { medianMs } from './harness.ts';
import { buildDemoModel } from '../reports/build/demo-model.ts';
import { modelCharts, type ReportModel } from '../reports/model.ts';
import { renderReport, type ReportFormat } from '../reports/render/index.ts';

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
  const ms = await medianMs(async () => {
    const out = await renderReport(m, { formats: [format], outDir: dir });
    bytes = out.files[0].bytes;
    pages = out.pdfPages ?? 0;
  }, 3, 0);
  rmSync(dir, { recursive: true, force: true });
  return {
    value: ms / 1000,
    context: { first_run_s: cold / 1000, charts: modelCharts(m).length, MB: bytes / 1e6, ...(pages ? { pages } : {}), model_build_s: buildMs / 1000 },
  };
}

const benchmarks: Benchmark[] = [
  { name: 'report: HTML from a built model (demo, real snapshot)', unit: 's', target: 3, run: () => timeFormat('html') },
  { name: 'report: PDF from a built model (demo, real snapshot)', unit: 's', target: 6, run: () => timeFormat('pdf') },
];

export default benchmarks;
