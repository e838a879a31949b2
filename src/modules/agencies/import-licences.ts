import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ImportReasonCode } from './codes';
import type { ColumnMapping, ImportMapping, LicenceStatus } from './schema';

/** Headers licence lists use, in the languages of the region, for each field Lintas reads. */
const headerSynonyms: Record<keyof ColumnMapping, string[]> = {
  name: ['name', 'agency', 'agency name', 'company', 'company name', 'nama perusahaan', 'nama p3mi', 'nama agensi', 'nama syarikat', 'pangalan ng ahensya', 'ชื่อบริษัท', 'ชื่อ', 'ឈ្មោះក្រុមហ៊ុន', 'tên công ty', 'tên doanh nghiệp'],
  licenceNumber: ['licence number', 'license number', 'licence no', 'license no', 'licence', 'license', 'nomor izin', 'no izin', 'nomor sip3mi', 'no. lesen', 'nombor lesen', 'numero ng lisensya', 'เลขที่ใบอนุญาต', 'លេខអាជ្ញាប័ណ្ណ', 'số giấy phép'],
  authority: ['issuing authority', 'authority', 'instansi penerbit', 'penerbit', 'pihak berkuasa', 'หน่วยงานที่ออก', 'cơ quan cấp'],
  status: ['status', 'licence status', 'license status', 'status izin', 'status lesen', 'สถานะ', 'ស្ថានភាព', 'trạng thái'],
  validFrom: ['valid from', 'issued', 'issue date', 'date issued', 'tanggal terbit', 'tarikh dikeluarkan', 'วันที่ออก', 'ngày cấp'],
  validTo: ['valid to', 'valid until', 'expiry', 'expiry date', 'expires', 'tanggal berakhir', 'tarikh tamat', 'วันหมดอายุ', 'ngày hết hạn'],
  address: ['address', 'alamat', 'ที่อยู่', 'អាសយដ្ឋាន', 'địa chỉ'],
  city: ['city', 'kota', 'bandar', 'จังหวัด', 'thành phố'],
  otherNames: ['other names', 'trading names', 'also known as', 'nama lain', 'ชื่ออื่น'],
};

/** Status words of official lists, mapped to Lintas codes; a mapping file can add more. */
const statusSynonyms: Record<string, LicenceStatus> = {
  valid: 'valid', active: 'valid', aktif: 'valid', berlaku: 'valid', sah: 'valid', 'ใช้งานได้': 'valid', 'ใช้ได้': 'valid', 'hiệu lực': 'valid', 'còn hiệu lực': 'valid',
  suspended: 'suspended', dibekukan: 'suspended', digantung: 'suspended', 'ถูกพักใช้': 'suspended', 'พักใช้': 'suspended', 'đình chỉ': 'suspended',
  cancelled: 'cancelled', canceled: 'cancelled', revoked: 'cancelled', dicabut: 'cancelled', dibatalkan: 'cancelled', delisted: 'cancelled', 'ถูกเพิกถอน': 'cancelled', 'เพิกถอน': 'cancelled', 'thu hồi': 'cancelled',
  expired: 'expired', kedaluwarsa: 'expired', kadaluarsa: 'expired', 'tamat tempoh': 'expired', 'หมดอายุ': 'expired', 'hết hạn': 'expired',
  banned: 'banned', dilarang: 'banned', blacklisted: 'banned', 'ห้าม': 'banned',
};

const clean = (value: string) => value.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

export interface LicenceRow {
  line: number;
  name: string;
  otherNames: string[];
  licenceNumber: string;
  authority: string | null;
  status: LicenceStatus;
  validFrom: string | null;
  validTo: string | null;
  addresses: Array<{ address: string; city: string | null }>;
}

export interface RejectedRow {
  line: number;
  reasons: Array<{ code: ImportReasonCode; value?: string }>;
}

export interface ParsedList {
  columns: Partial<ColumnMapping>;
  rows: LicenceRow[];
  rejected: RejectedRow[];
  total: number;
}

/** Reads a CSV or XLSX licence list into header names and rows of text, keeping each row's line number. */
export async function readTable(file: string): Promise<{ headers: string[]; rows: Array<{ line: number; cells: Array<unknown> }> }> {
  if (path.extname(file).toLowerCase() === '.xlsx') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    const rows: Array<{ line: number; cells: unknown[] }> = [];
    let headers: string[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells = (row.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'text' in (v as object) ? (v as { text: string }).text : v));
      if (headers.length === 0) headers = cells.map((c) => String(c ?? ''));
      else rows.push({ line: number, cells });
    });
    return { headers, rows };
  }
  const records = parse(fs.readFileSync(file), { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const [header, ...body] = records;
  return { headers: header?.record ?? [], rows: body.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

/** Finds each field's column from the headers, unless the mapping names it. */
export function detectColumns(headers: string[], mapping?: ImportMapping['columns']): Partial<ColumnMapping> {
  const found: Partial<ColumnMapping> = { ...mapping };
  for (const [field, synonyms] of Object.entries(headerSynonyms) as Array<[keyof ColumnMapping, string[]]>) {
    if (found[field]) continue;
    const header = headers.find((h) => synonyms.includes(clean(h)));
    if (header) found[field] = header;
  }
  return found;
}

/** A date as licence lists write it (YYYY-MM-DD, DD/MM/YYYY, Buddhist-era years, or a spreadsheet date), as YYYY-MM-DD. */
export function parseListDate(value: unknown): string | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const text = String(value).trim();
  let year: number;
  let month: number;
  let day: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  if (year > 2400) year -= 543; // Thai lists give Buddhist-era years
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Checks every row of a licence list; good rows become agencies, the others say why not, by line. */
export async function parseLicenceList(file: string, mapping: ImportMapping = {}): Promise<ParsedList> {
  const { headers, rows } = await readTable(file);
  const columns = detectColumns(headers, mapping.columns);
  const index = (field: keyof ColumnMapping) => (columns[field] ? headers.indexOf(columns[field]!) : -1);
  const get = (cells: unknown[], field: keyof ColumnMapping) => {
    const i = index(field);
    return i < 0 ? undefined : cells[i];
  };
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());
  const statuses = { ...statusSynonyms, ...Object.fromEntries(Object.entries(mapping.statuses ?? {}).map(([k, v]) => [clean(k), v])) };
  const seen = new Set<string>();
  const good: LicenceRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const { line, cells } of rows) {
    const reasons: RejectedRow['reasons'] = [];
    const name = text(get(cells, 'name'));
    const licenceNumber = text(get(cells, 'licenceNumber')).toUpperCase();
    if (!name) reasons.push({ code: 'missing_name' });
    if (!licenceNumber) reasons.push({ code: 'missing_licence_number' });
    const statusText = clean(text(get(cells, 'status')) || 'valid');
    const status = statuses[statusText];
    if (!status) reasons.push({ code: 'unknown_status', value: text(get(cells, 'status')) });
    const validFrom = parseListDate(get(cells, 'validFrom'));
    const validTo = parseListDate(get(cells, 'validTo'));
    if (validFrom === undefined) reasons.push({ code: 'bad_date', value: text(get(cells, 'validFrom')) });
    if (validTo === undefined) reasons.push({ code: 'bad_date', value: text(get(cells, 'validTo')) });
    if (licenceNumber && seen.has(licenceNumber)) reasons.push({ code: 'duplicate_licence', value: licenceNumber });
    if (reasons.length) {
      rejected.push({ line, reasons });
      continue;
    }
    seen.add(licenceNumber);
    const address = text(get(cells, 'address'));
    good.push({
      line,
      name,
      otherNames: text(get(cells, 'otherNames')).split(/[;|]/).map((n) => n.trim()).filter(Boolean),
      licenceNumber,
      authority: text(get(cells, 'authority')) || mapping.authority || null,
      status: status!,
      validFrom: validFrom ?? null,
      validTo: validTo ?? null,
      addresses: address ? [{ address, city: text(get(cells, 'city')) || null }] : [],
    });
  }
  return { columns, rows: good, rejected, total: rows.length };
}
