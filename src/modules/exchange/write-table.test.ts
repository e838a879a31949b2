import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { type TableFormat, writeTable } from './write-table';

const total = 30_000;
const turns = (count: number) => (async () => {
  for (let i = 0; i < count; i += 1) await new Promise((resolve) => setImmediate(resolve));
})();

for (const format of ['csv', 'xlsx'] as TableFormat[]) {
  it(`asks for no more ${format.toUpperCase()} rows than the reader takes (back-pressure), then writes them all`, async () => {
    let pulled = 0;
    async function* rows() {
      for (let i = 0; i < total; i += 1) {
        pulled += 1;
        yield [`KH-26-${String(i).padStart(4, '0')}-TEST`, 'The employer kept the passports and has not paid wages for months. '.repeat(4), i];
      }
    }
    const output = new PassThrough();
    const writing = writeTable(format, output, ['reference', 'narrative', 'n'], rows());
    // Nobody reads: however many turns the event loop takes, the writer stops once the buffers are full.
    await turns(3000);
    const stalled = pulled;
    expect(stalled).toBeLessThan(total / 4);
    await turns(1000);
    expect(pulled).toBe(stalled);

    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writing;
    expect(pulled).toBe(total);
    const file = Buffer.concat(chunks);
    if (format === 'csv') {
      expect(file.toString('utf8').trimEnd().split('\r\n')).toHaveLength(total + 1);
    } else {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file as never);
      const sheet = workbook.worksheets[0];
      expect(sheet.rowCount).toBe(total + 1);
      // The header row stands out; the data cells share the plain style.
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.getRow(total + 1).getCell(1).font?.bold).toBeFalsy();
      expect(sheet.getRow(total + 1).getCell(3).value).toBe(total - 1);
    }
  }, 120_000);
}

it('keeps the XLSX waiting for the zip compressor small when the reader is fast (exceljs does not wait by itself)', async () => {
  const rowsToWrite = 40_000;
  let largestBacklog = 0;
  const baseline = process.memoryUsage().arrayBuffers;
  async function* rows() {
    for (let i = 0; i < rowsToWrite; i += 1) {
      // Buffers held outside the JavaScript heap: the XML not yet compressed is there.
      if (i % 500 === 0) largestBacklog = Math.max(largestBacklog, process.memoryUsage().arrayBuffers - baseline);
      // As wide as a complaint export: 40 columns, a narrative among them.
      yield Array.from({ length: 40 }, (_, column) => (column === 30 ? 'The employer kept the passports and has not paid wages for months. '.repeat(6) : `${i} ${column} text`));
    }
  }
  const output = new PassThrough();
  output.resume(); // a reader that takes everything at once
  await writeTable('xlsx', output, Array.from({ length: 40 }, (_, column) => `column ${column}`), rows());
  // Without waiting for the compressor, about 1.8 MB per 1,000 rows piles up (some 70 MB here).
  expect(largestBacklog).toBeLessThan(20 * 1048576);
}, 120_000);
