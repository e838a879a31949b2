/** A published cell: the count, or null where it is hidden, and why. */
export interface PublishedCell {
  value: number | null;
  suppressed: 'primary' | 'complementary' | null;
}

/**
 * Small-cell suppression for a table with its margins, after the GBVIMS information-sharing practice: counts from
 * 1 to `below - 1` are hidden (primary), then further cells are hidden (complementary) until no row or column,
 * margins included, has exactly one hidden entry, so that no hidden count can be worked out by subtraction from
 * the published totals. Returns the (rows + 1) x (columns + 1) table; the last row and column are the totals.
 */
export function suppressTable(counts: number[][], below = 5): PublishedCell[][] {
  const rows = counts.length;
  const columns = rows ? counts[0].length : 0;
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: columns }, (_, c) => counts.reduce((sum, row) => sum + row[c], 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const full = [...counts.map((row, r) => [...row, rowTotals[r]]), [...columnTotals, total]];
  const hidden: Array<Array<PublishedCell['suppressed']>> = full.map((row) => row.map((value) => (value > 0 && value < below ? 'primary' : null)));

  // Each line is an equation: its cells add up to its total (the last entry). A line with exactly one hidden
  // entry gives that entry away, so hide the smallest other entry of the line too, until no line does.
  const lines: Array<Array<[number, number]>> = [
    ...Array.from({ length: rows + 1 }, (_, r) => Array.from({ length: columns + 1 }, (_, c) => [r, c] as [number, number])),
    ...Array.from({ length: columns + 1 }, (_, c) => Array.from({ length: rows + 1 }, (_, r) => [r, c] as [number, number])),
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hiddenHere = line.filter(([r, c]) => hidden[r][c]);
      if (hiddenHere.length !== 1) continue;
      // Prefer the smallest cell that is not a total, then the smallest total; zeros protect as well as any count.
      const candidates = line.filter(([r, c]) => !hidden[r][c]).sort(([r1, c1], [r2, c2]) => {
        const total1 = Number(r1 === rows || c1 === columns);
        const total2 = Number(r2 === rows || c2 === columns);
        return total1 - total2 || full[r1][c1] - full[r2][c2];
      });
      const [r, c] = candidates[0];
      hidden[r][c] = 'complementary';
      changed = true;
    }
  }
  return full.map((row, r) => row.map((value, c) => ({ value: hidden[r][c] ? null : value, suppressed: hidden[r][c] })));
}
