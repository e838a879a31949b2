import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

export type TableFormat = 'csv' | 'xlsx';
export type Cell = string | number;

export const tableMediaTypes: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Excel cells hold at most 32,767 characters; a longer text is cut there (only very long narratives are). */
export const xlsxCellLimit = 32_767;

/**
 * A text starting with = + - @ (or a tab or carriage return) is run as a formula by spreadsheet programs that open
 * a CSV file; an apostrophe before it keeps it text (OWASP's advice). Phone numbers such as +855… are kept
 * whole this way too, where Excel would otherwise read a number. The import takes the apostrophe off again.
 */
export const protectCsvText = (value: Cell): Cell => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Resolves on `event` of `stream`; rejects when `output` (the end of the pipe) fails or is closed first, as
 * when an HTTP client goes away: the export then stops reading the database instead of waiting for ever.
 */
function until(stream: NodeJS.EventEmitter, event: string, output: Writable): Promise<void> {
  if (output.destroyed) return Promise.reject(new Error('export output closed'));
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      stream.off(event, onEvent);
      output.off('close', onClose);
      output.off('error', onError);
    };
    const onEvent = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new Error('export output closed'));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    stream.on(event, onEvent);
    output.on('close', onClose);
    output.on('error', onError);
  });
}

async function writeCsv(output: Writable, headers: string[], rows: AsyncIterable<Cell[]>, beforeEnd: () => Promise<void>) {
  // UTF-8 with a byte-order mark, so that Excel opens Thai, Khmer, Lao and Burmese text correctly.
  const csv = stringify({ bom: true, record_delimiter: '\r\n' });
  csv.pipe(output);
  const done = until(output, 'finish', output);
  done.catch(() => undefined); // awaited below; a failure before then surfaces through the writes
  const write = async (row: Cell[]) => {
    if (!csv.write(row)) await until(csv, 'drain', output);
  };
  await write(headers);
  let count = 0;
  for await (const row of rows) {
    await write(row.map(protectCsvText));
    count += 1;
    // Rows are read and formatted without waiting for anything while the output takes them: let the server's other
    // requests have a turn now and then.
    if (count % 64 === 0) {
      await nextTurn();
      if (output.destroyed) throw new Error('export output closed');
    }
  }
  await beforeEnd();
  csv.end();
  await done;
}

/**
 * The streams a worksheet's XML is written into on its way to the zip compressor. exceljs's streaming writer
 * hands them 64 KB at a time without waiting (its StreamBuf ignores back-pressure), so when compression falls
 * behind, the XML piles up there: measured, about 1.8 MB per 1,000 rows, without end. They are `readable-stream`
 * streams of archiver, whose state is in `_writableState`. Internals of exceljs 4.4 (the version is pinned): if
 * they change, this finds nothing and only the output's back-pressure is used.
 */
function compressorInputs(sheet: ExcelJS.Worksheet): Writable[] {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  return Array.isArray(pipes) ? pipes.filter((pipe): pipe is Writable => pipe !== null && typeof pipe === 'object' && 'write' in pipe) : [];
}

/** True while a stream holds more than it wants (Node's streams, and the older `readable-stream` ones). */
const needsDrain = (stream: Writable) =>
  stream.writableNeedDrain ?? (stream as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain ?? false;

/**
 * The one style of every data cell. exceljs gives each new cell a style object of its own, and its style registry
 * then writes that style's XML anew for each cell and keeps the cell's style in a WeakMap, which only a full
 * collection empties: tens of millions of entries at a million rows. A style it has seen is looked up at once.
 */
const plainStyle: Partial<ExcelJS.Style> = {};

async function writeXlsx(output: Writable, headers: string[], rows: AsyncIterable<Cell[]>, beforeEnd: () => Promise<void>, sheetName: string) {
  // The streaming writer with inline strings: a shared-strings table would keep every distinct text in memory.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const row of rows) {
    const added = sheet.addRow(row.map((value) => (typeof value === 'string' && value.length > xlsxCellLimit ? value.slice(0, xlsxCellLimit) : value)));
    added.eachCell((cell) => {
      cell.style = plainStyle;
    });
    added.commit();
    count += 1;
    // Committed rows go to the zip compressor, which runs on the event loop's turns: give it one now and then,
    // and wait while the compressor or the reader (a slow HTTP client, a disk) has not taken what it was given.
    if (count % 64 === 0) {
      await nextTurn();
      if (output.destroyed) throw new Error('export output closed');
      for (const stream of [...compressorInputs(sheet), output]) {
        while (needsDrain(stream)) await until(stream, 'drain', output);
      }
    }
  }
  sheet.commit();
  await beforeEnd();
  await workbook.commit();
}

/**
 * Writes a table (a header row, then the rows) to `output` as CSV or XLSX, reading the next rows only as fast as
 * `output` takes them, so memory stays flat however many rows there are. `beforeEnd` runs after the last row,
 * before the file is closed (the export records its row count there, so a reader who has the whole file can
 * find the entry). Ends `output`.
 */
export async function writeTable(
  format: TableFormat,
  output: Writable,
  headers: string[],
  rows: AsyncIterable<Cell[]>,
  options: { sheetName?: string; beforeEnd?: () => Promise<void> } = {},
): Promise<void> {
  const beforeEnd = options.beforeEnd ?? (async () => undefined);
  if (format === 'csv') await writeCsv(output, headers, rows, beforeEnd);
  else await writeXlsx(output, headers, rows, beforeEnd, options.sheetName ?? 'Lintas');
}
