/**
 * The CLI's conventions through the real binary on the real snapshot: terminal text fits the
 * width (COLUMNS, else 100 in a pipe) unless --wide; validate's terminal default is short and
 * names what it leaves out; the renamed options' old spellings still work and warn once; and
 * `report --run` does not replace an existing report without --force.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT } from '../builders.ts';
import { runCli } from './run-cli.ts';

const lines = (text: string) => text.replace(/\n$/, '').split('\n');
const widest = (text: string) => Math.max(...lines(text).map((l) => l.length));
const scorecardHeader = (text: string) =>
  lines(text)
    .find((l) => l.startsWith('claim  '))!
    .split(/\s{2,}/);

describe('quadrant validate on the terminal (real snapshot)', () => {
  // Few resamples: the layout is under test, not the intervals.
  const FAST = ['validate', '--data', SNAPSHOT, '--reps', '200', '--permutations', '20'];
  let short: ReturnType<typeof runCli>;
  let at80: ReturnType<typeof runCli>;
  let wide: ReturnType<typeof runCli>;
  beforeAll(() => {
    short = runCli(FAST);
    at80 = runCli(FAST, { COLUMNS: '80' });
    wide = runCli([...FAST, '--wide'], { COLUMNS: '80' });
  }, 240_000);

  it('by default prints the scorecard, the answer and the summary in under 120 lines, within 100 columns', () => {
    expect(short.code, short.stderr).toBe(0);
    expect(lines(short.stdout).length).toBeLessThan(120);
    expect(widest(short.stdout)).toBeLessThanOrEqual(100);
    expect(short.stdout).toMatch(/^assumptions: costs 5 bps/);
    expect(short.stdout).toContain('CLAIMS SCORECARD');
    expect(short.stdout).toMatch(/\nSUMMARY\ndoes the playbook beat simple benchmarks\? /);
    expect(short.stdout).toMatch(/verdicts in-sample: \d+ supported/);
    // The long sections are not printed ...
    for (const title of ['PER-REGIME RETURNS', 'AGAINST THE BENCHMARKS', 'WALK-FORWARD', 'LIQUIDITY WATCH-LIST']) expect(short.stdout).not.toContain(title);
    // ... and each is named with the option that prints it.
    for (const section of ['scorecard', 'definitions', 'regimes', 'relative', 'conditional', 'benchmarks', 'robustness'])
      expect(short.stdout).toMatch(new RegExp(`^  --section ${section} +\\S`, 'm'));
    expect(short.stdout).toContain('NOT SHOWN (--verbose prints everything)');
  });

  it('at 80 columns no line is longer and the decisive columns stay; --wide restores the rest', () => {
    expect(at80.code, at80.stderr).toBe(0);
    expect(widest(at80.stdout)).toBeLessThanOrEqual(80);
    const narrow = scorecardHeader(at80.stdout);
    for (const col of ['claim', 'sample', 'statistic', 'p Holm', 'verdict']) expect(narrow).toContain(col);
    expect(narrow).not.toContain('p BH');
    // The note under the table (wrapped like any prose) names what was left out.
    expect(at80.stdout).toMatch(/^\(left out at 80 columns: [^)]*p BH[^)]*;\s+--wide\s+shows\s+all\)$/m);
    expect(scorecardHeader(wide.stdout)).toEqual([
      'claim',
      'title',
      'sample',
      'statistic',
      'interval',
      'p',
      'p Holm',
      'p BH',
      'MDE',
      'days',
      'episodes',
      'verdict',
    ]);
    expect(wide.stdout).not.toContain('left out at');
    expect(widest(wide.stdout)).toBeGreaterThan(80);
    // The same verdicts, whatever the width (wrapped prose continues on lines indented by two).
    const verdicts = (t: string) => lines(t.replace(/\n {2}(?=\S)/g, ' ')).filter((l) => /^verdicts (in|out)/.test(l));
    expect(verdicts(at80.stdout)).toEqual(verdicts(wide.stdout));
  });
});

describe('renamed options and the report that is already there (real snapshot)', () => {
  let root: string;
  let runDir: string;
  let viaOldNames: ReturnType<typeof runCli>;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'quadrant-conventions-'));
    runDir = join(root, 'run');
    viaOldNames = runCli(['run', '--data', SNAPSHOT, '--out', runDir, '--regimes', 'rates']);
  }, 120_000);

  it('run --out DIR --regimes NAME still work, and warn once each on stderr', () => {
    expect(viaOldNames.code, viaOldNames.stderr).toBe(0);
    const warnings = lines(viaOldNames.stderr).filter((l) => l.includes('deprecated'));
    expect(warnings).toEqual([
      'quadrant: run --out DIR is deprecated; use --run-dir DIR',
      'quadrant: run --regimes is deprecated; use --preset NAME or --config FILE',
    ]);
    // --out went to --run-dir, --regimes rates to --preset rates.
    expect(existsSync(join(runDir, 'manifest.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8')).config.regimes).toBe('rates');
    expect(viaOldNames.stdout).toMatch(/^data .*; regimes rates; /m);
  });

  it('giving a new name and its old spelling together is a usage error', () => {
    const r = runCli(['run', '--data', SNAPSHOT, '--regimes', 'rates', '--preset', 'article']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['quadrant: --regimes: give --preset only (--regimes is its old name)']);
  });

  it('report --run refuses to replace an existing report: exit 2, one line naming the file, the file untouched', () => {
    const file = join(runDir, 'report.html');
    writeFileSync(file, 'the report handed on');
    const r = runCli(['report', '--run', runDir, '--report', 'html']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`quadrant: ${file}: exists; pass --force to replace it, or --report-dir DIR to write elsewhere`]);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('the report handed on');
  });

  it('report --run --force replaces it', () => {
    const file = join(runDir, 'report.html');
    writeFileSync(file, 'the report handed on');
    const r = runCli(['report', '--run', runDir, '--report', 'html', '--force', '--no-robustness', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  }, 120_000);
});

describe('one spelling of the quadrants in every CSV (real snapshot)', () => {
  it('compare and regimes write Q1..Q4, and agree day by day over 2022', () => {
    const compare = runCli(['compare', '2022', '--data', SNAPSHOT, '--format', 'csv', '--quiet']);
    const regimes = runCli(['regimes', '--data', SNAPSHOT, '--from', '2021-12', '--to', '2022', '--format', 'csv', '--quiet']);
    expect(compare.code, compare.stderr).toBe(0);
    expect(regimes.code, regimes.stderr).toBe(0);
    // compare: episode,series,event_day,date,value; the quadrant path is the label at each close,
    // raw_quadrant the raw label (before confirmation); regimes has both as columns.
    const path = (series: string) =>
      new Map(
        lines(compare.stdout)
          .map((l) => l.split(','))
          .filter((c) => c[1] === series)
          .map((c) => [c[3], c[4]]),
      );
    const header = lines(regimes.stdout)[0].split(',');
    const column = (name: string) => {
      const at = header.indexOf(name);
      return new Map(
        lines(regimes.stdout)
          .slice(1)
          .map((l) => l.split(','))
          .map((c) => [c[0], c[at]]),
      );
    };
    for (const series of ['quadrant', 'raw_quadrant']) {
      const fromCompare = path(series);
      const fromRegimes = column(series);
      expect(fromCompare.size).toBeGreaterThan(250);
      for (const [date, label] of fromCompare) {
        expect(label, date).toMatch(/^Q[1-4]$/);
        expect(label, date).toBe(fromRegimes.get(date));
      }
    }
  }, 120_000);

  it("compare's raw_quadrant path differs from the confirmed one on as many days as its episode table says", () => {
    const csv = runCli(['compare', '2022', '--data', SNAPSHOT, '--format', 'csv', '--quiet']);
    const json = runCli(['compare', '2022', '--data', SNAPSHOT, '--format', 'json', '--quiet']);
    expect(csv.code, csv.stderr).toBe(0);
    const episode = JSON.parse(json.stdout).episodes[0];
    const rows = lines(csv.stdout).map((l) => l.split(','));
    const at = (series: string) => rows.filter((c) => c[1] === series).map((c) => c[4]);
    const [confirmed, raw] = [at('quadrant'), at('raw_quadrant')];
    // Return day i counts under the label of close i − 1: event days 0 … length − 1.
    const length = episode.endIndex - episode.baseIndex;
    let differ = 0;
    for (let k = 0; k < length; k++) if (confirmed[k] !== '' && raw[k] !== confirmed[k]) differ++;
    expect(differ).toBe(episode.rawDiffers);
    expect(differ).toBeGreaterThan(0);
  }, 120_000);
});
