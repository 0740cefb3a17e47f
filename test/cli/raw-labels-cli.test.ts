import { describe, expect, it } from 'vitest';
import { isoDay } from '../../datasets/day.ts';
import { buildPanel, loadDataset } from '../../datasets/index.ts';
import { computeRegimes } from '../../engine/regimes/index.ts';
import { SNAPSHOT } from '../builders.ts';
import { runCli } from './run-cli.ts';

const json = (args: string[]) => {
  const r = runCli([...args, '--data', SNAPSHOT, '--format', 'json', '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

// Raw and confirmed labels on the real snapshot, counted here straight from computeRegimes' arrays.
describe('raw against confirmed labels in compare and regimes', () => {
  const panel = buildPanel(loadDataset(SNAPSHOT));
  const cal = panel.calendar;
  const { labels, rawLabels } = computeRegimes(panel);
  const index = (day: string) => cal.findIndex((d) => isoDay(d) === day);

  it('compare: per episode, the raw label in force and the labelled days it differs', () => {
    const c = json(['compare', '2022', '2025Q2']);
    for (const e of c.episodes) {
      const from = index(e.from);
      const to = index(e.to);
      const mix = [0, 0, 0, 0, 0];
      let differs = 0;
      for (let i = from; i <= to; i++) {
        mix[rawLabels[i - 1]]++;
        if (labels[i - 1] !== 0 && rawLabels[i - 1] !== labels[i - 1]) differs++;
      }
      expect(e.rawQuadrantDays).toEqual(mix);
      expect(e.rawDiffers).toBe(differs);
    }
    // 2022 is not all confirmed-as-raw: confirmation moved some days (the report shows how many).
    expect(c.episodes[0].rawDiffers).toBeGreaterThan(0);
  });

  it('regimes: each episode counts the days its raw label differs', () => {
    const r = json(['regimes', '--from', '2025-06']);
    for (const e of r.episodes) {
      let differs = 0;
      for (let t = index(e.start); t <= index(e.end); t++) if (rawLabels[t] !== e.quadrant) differs++;
      expect(e.rawDiffers).toBe(differs);
    }
  });
});
