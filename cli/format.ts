/** Right-aligns the given columns of string rows, in place (formatTable pads strings on the right). */
export function alignRight(rows: string[][], cols: number[]): string[][] {
  for (const c of cols) {
    const w = Math.max(0, ...rows.map((r) => r[c].length));
    for (const r of rows) r[c] = r[c].padStart(w);
  }
  return rows;
}
