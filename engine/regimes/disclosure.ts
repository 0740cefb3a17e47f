import { CALIBRATED_CHOICES, calibrationReadings, POST_PUBLICATION_NOTE, type CalibrationReading } from './calibration.ts';

const pct0 = (x: number) => `${Math.round(x * 100)}%`;

/** Plain-text forms of the calibration disclosure, shared by the CLI and the reports. */

/** One line per calibration target: how these labels read it. */
export function calibrationLines(readings: readonly CalibrationReading[]): string[] {
  return readings.map(
    (c) =>
      `  ${c.episode} (${c.why}): ${pct0(c.hit)} Q${c.quadrant} of ${c.days} days [Q1 ${pct0(c.shares[1])}, Q2 ${pct0(c.shares[2])}, Q3 ${pct0(c.shares[3])}, Q4 ${pct0(c.shares[4])}]`,
  );
}

/**
 * The calibration disclosure every output of labels carries: the two episodes the definitions
 * were adjusted to are calibration, not validation; what was tuned to them; and that the rules
 * were written after the post-publication data existed.
 */
export function calibrationText(labels: Uint8Array, calendar: Int32Array): string {
  const out = ['calibration, not validation: the definitions were adjusted until these episodes read as the note says, so agreement there is no evidence'];
  out.push(...calibrationLines(calibrationReadings(labels, calendar)));
  out.push('  tuned to them (or chosen with them in view):');
  for (const c of CALIBRATED_CHOICES) out.push(`  - ${c.choice}: ${c.effect}`);
  out.push(`post-publication: ${POST_PUBLICATION_NOTE}`);
  return out.join('\n');
}

/** The same disclosure as data, for JSON outputs. */
export function calibrationJson(labels: Uint8Array, calendar: Int32Array) {
  return {
    note: 'calibration, not validation: the definitions were adjusted until these episodes read as the note says',
    targets: calibrationReadings(labels, calendar).map((c) => ({
      episode: c.episode,
      from: c.from,
      to: c.to,
      quadrant: c.quadrant,
      days: c.days,
      share: c.hit,
      shares: { Q1: c.shares[1], Q2: c.shares[2], Q3: c.shares[3], Q4: c.shares[4] },
    })),
    tuned: CALIBRATED_CHOICES,
    postPublication: POST_PUBLICATION_NOTE,
  };
}
