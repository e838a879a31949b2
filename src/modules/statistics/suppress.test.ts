import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../lib/random';
import { suppressTable } from './suppress';

/** No row or column, margins included, may have exactly one hidden entry: it could be subtracted out. */
function leaks(table: ReturnType<typeof suppressTable>): string[] {
  const problems: string[] = [];
  table.forEach((row, r) => {
    if (row.filter((cell) => cell.value === null).length === 1) problems.push(`row ${r}`);
  });
  table[0].forEach((_, c) => {
    if (table.filter((row) => row[c].value === null).length === 1) problems.push(`column ${c}`);
  });
  return problems;
}

describe('small-cell suppression', () => {
  it('hides counts from 1 to 4 and enough others that none can be worked out from the totals', () => {
    const table = suppressTable([
      [12, 3, 20],
      [8, 15, 9],
      [30, 7, 2],
    ]);
    expect(table[0][1]).toEqual({ value: null, suppressed: 'primary' });
    expect(table[2][2]).toEqual({ value: null, suppressed: 'primary' });
    expect(table.flat().filter((c) => c.suppressed === 'complementary').length).toBeGreaterThan(0);
    expect(leaks(table)).toEqual([]);
    // Totals that do not give anything away are published as they are.
    expect(table[3][3]).toEqual({ value: 106, suppressed: null });
  });

  it('leaves a table without small counts untouched, and keeps zeros', () => {
    const table = suppressTable([
      [12, 0],
      [8, 15],
    ]);
    expect(table.flat().every((c) => c.suppressed === null)).toBe(true);
    expect(table[0][1].value).toBe(0);
  });

  it('never leaks on 500 random tables', () => {
    const random = new SeededRandom(3);
    for (let n = 0; n < 500; n += 1) {
      const rows = random.int(1, 6);
      const columns = random.int(1, 8);
      const counts = Array.from({ length: rows }, () => Array.from({ length: columns }, () => random.weighted([[0, 2], [random.int(1, 4), 3], [random.int(5, 60), 5]] as const)));
      const table = suppressTable(counts);
      expect(leaks(table), JSON.stringify(counts)).toEqual([]);
      for (const [r, row] of table.entries()) for (const [c, cell] of row.entries()) if (cell.value !== null && r < rows && c < columns) expect(cell.value === 0 || cell.value >= 5).toBe(true);
    }
  });
});
