// Complaints from a CSV or XLSX file: each row is read into the standard complaint form, checked by the same
// schema as desk intake, and written by the same code (buildComplaintRows, insertComplaints, one audit entry per
// complaint), so an imported complaint is exactly like a typed one. Bad rows are reported by line and reason.
import type { z } from 'zod';
import { createHash } from 'node:crypto';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { languages } from '../../lib/i18n';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policies';
import { recordAudit } from '../audit/service';
import { parseListDate, readTable } from '../agencies/import-licences';
import { buildComplaintRows } from '../complaints/build-complaint-rows';
import { insertComplaints, type NewComplaintRows } from '../complaints/repository';
import { type ComplaintInput, complaintInputSchema } from '../complaints/schema';
import { channels, complainantTypes, grievanceCodes, migrationStages, reliefTypes, respondentTypes, sexes } from '../complaints/taxonomy';
import { findOrganisation } from '../organisations/repository';
import { type ImportField, importFieldKeys, parseAmount, respondentListFields, reliefListFields, workerListFields } from './columns';
import type { ComplaintImportMapping, ComplaintImportReport, ImportReason } from './schema';
import { textsInEveryLanguage } from './translations';

const normalise = (text: string) => text.normalize('NFC').toLowerCase().replace(/[*:()\[\]?"“”'’.]/g, ' ').replace(/[\s_-]+/g, ' ').trim();

/** Headers people write in their own sheets, beside each column's label in the nine languages (exchange.json). */
const headerSynonyms: Partial<Record<ImportField, string[]>> = {
  reference: ['reference', 'ref', 'reference number', 'case number', 'case no', 'nomor kasus', 'no rujukan', 'numero ng kaso', 'เลขที่อ้างอิง', 'លេខយោង', 'số tham chiếu'],
  externalId: ['id', 'external id', 'record id', 'record number', 'no', 'nomor', 'bil', 'ลำดับ'],
  receivedAt: ['date', 'date received', 'received', 'received on', 'tanggal', 'tanggal pengaduan', 'tarikh', 'tarikh aduan', 'petsa', 'วันที่', 'วันที่รับเรื่อง', 'កាលបរិច្ឆេទ', 'ngày', 'ngày tiếp nhận'],
  channel: ['channel', 'saluran', 'ช่องทาง', 'kênh'],
  origin: ['origin', 'country of origin', 'home country', 'negara asal', 'bansang pinagmulan', 'ประเทศต้นทาง', 'ប្រទេសដើម', 'quốc gia xuất xứ'],
  destination: ['destination', 'country of destination', 'country of work', 'negara tujuan', 'negara penempatan', 'ประเทศปลายทาง', 'ប្រទេសគោលដៅ', 'quốc gia đến'],
  sector: ['sector', 'industry', 'isic', 'sektor', 'ภาคอุตสาหกรรม', 'ngành'],
  occupation: ['occupation', 'job', 'position', 'pekerjaan', 'jabatan', 'trabaho', 'อาชีพ', 'មុខរបរ', 'nghề nghiệp'],
  stage: ['stage', 'migration stage', 'tahap', 'ขั้นตอน', 'giai đoạn'],
  grievances: ['grievance', 'grievances', 'complaint type', 'type of complaint', 'issue', 'issues', 'jenis pengaduan', 'masalah', 'jenis aduan', 'uri ng reklamo', 'ประเภทเรื่องร้องเรียน', 'ប្រភេទបណ្តឹង', 'loại khiếu nại'],
  workerNames: ['name', 'worker', 'worker name', 'full name', 'nama', 'nama pekerja', 'nama lengkap', 'pangalan', 'ชื่อ', 'ชื่อ สกุล', 'ชื่อแรงงาน', 'ឈ្មោះ', 'tên', 'họ tên', 'họ và tên'],
  workerSexes: ['sex', 'gender', 'jenis kelamin', 'jantina', 'kasarian', 'เพศ', 'ភេទ', 'giới tính'],
  workerBirthDates: ['date of birth', 'birth date', 'dob', 'birthdate', 'tanggal lahir', 'tarikh lahir', 'petsa ng kapanganakan', 'วันเกิด', 'ថ្ងៃខែឆ្នាំកំណើត', 'ngày sinh'],
  workerBirthYears: ['year of birth', 'birth year', 'tahun lahir', 'ปีเกิด', 'năm sinh'],
  workerNationalities: ['nationality', 'citizenship', 'kewarganegaraan', 'warganegara', 'nasyonalidad', 'สัญชาติ', 'សញ្ជាតិ', 'quốc tịch'],
  workerPassports: ['passport', 'passport number', 'passport no', 'paspor', 'nomor paspor', 'no paspor', 'no pasport', 'เลขหนังสือเดินทาง', 'លេខលិខិតឆ្លងដែន', 'số hộ chiếu'],
  workerPhones: ['phone', 'mobile', 'telephone', 'phone number', 'telepon', 'no hp', 'telefon', 'telepono', 'โทรศัพท์', 'ទូរស័ព្ទ', 'điện thoại', 'số điện thoại'],
  respondentNames: ['respondent', 'agency', 'employer', 'company', 'perusahaan', 'agensi', 'majikan', 'ahensya', 'บริษัท', 'នាយកដ្ឋាន', 'công ty'],
  narrative: ['narrative', 'description', 'details', 'story', 'summary', 'kronologi', 'keterangan', 'uraian', 'huraian', 'salaysay', 'รายละเอียด', 'ការពិពណ៌នា', 'mô tả', 'nội dung'],
};

/** Finds each field's column: the mapping first ("" for none), then the exact key, a label in any Lintas language, or a usual header. */
export function guessColumns(headers: string[], mapping: ComplaintImportMapping['columns'] = {}): Partial<Record<ImportField, string>> {
  const found: Partial<Record<ImportField, string>> = {};
  const taken = new Set<string>();
  const unmapped = new Set<ImportField>();
  for (const [field, header] of Object.entries(mapping) as Array<[ImportField, string]>) {
    // An empty header says the file has no column for the field: it is not guessed either.
    if (header === '') unmapped.add(field);
    else if (headers.includes(header)) {
      found[field] = header;
      taken.add(header);
    }
  }
  // Exact keys and labels first over all fields, the looser synonyms after, so that "Worker names" is not taken by "name".
  const passes: Array<(field: ImportField) => string[]> = [
    (field) => [field.toLowerCase(), ...(field === 'externalId' ? [] : textsInEveryLanguage('exchange', `columns.${field}`))],
    (field) => headerSynonyms[field] ?? [],
  ];
  for (const candidates of passes) {
    for (const field of importFieldKeys) {
      if (found[field] || unmapped.has(field)) continue;
      const wanted = new Set(candidates(field).map(normalise));
      const header = headers.find((h) => !taken.has(h) && wanted.has(normalise(h)));
      if (header) {
        found[field] = header;
        taken.add(header);
      }
    }
  }
  return found;
}

// Codes may be written as codes or as their label in any Lintas language (server.json), or as a word the mapping adds.
type CodeKind = 'channel' | 'complainantType' | 'sex' | 'respondentType' | 'stage' | 'grievance' | 'relief';
const codeLists: Record<CodeKind, readonly string[]> = {
  channel: channels,
  complainantType: complainantTypes,
  sex: sexes,
  respondentType: respondentTypes,
  stage: migrationStages,
  grievance: grievanceCodes,
  relief: reliefTypes,
};
const extraWords: Partial<Record<CodeKind, Record<string, string>>> = {
  sex: { f: 'female', m: 'male', p: 'female', l: 'male', perempuan: 'female', 'laki laki': 'male', wanita: 'female', pria: 'male', lelaki: 'male', babae: 'female', lalaki: 'male', หญิง: 'female', ชาย: 'male', ស្រី: 'female', ប្រុស: 'male', nữ: 'female', nam: 'male' },
};
let codeIndex: Record<CodeKind, Map<string, string>> | undefined;
function codesOf(kind: CodeKind): Map<string, string> {
  codeIndex ??= Object.fromEntries(
    (Object.keys(codeLists) as CodeKind[]).map((k) => {
      const index = new Map<string, string>();
      for (const code of codeLists[k]) {
        index.set(normalise(code), code);
        for (const label of textsInEveryLanguage('server', `${k}.${code}`)) if (!index.has(normalise(label))) index.set(normalise(label), code);
      }
      for (const [word, code] of Object.entries(extraWords[k] ?? {})) index.set(normalise(word), code);
      return [k, index];
    }),
  ) as Record<CodeKind, Map<string, string>>;
  return codeIndex[kind];
}

// Country names in the nine languages (and English) mapped to ISO codes, so "Cambodia" or "Kemboja" is KH.
let countryIndex: Map<string, string> | undefined;
function countryCodeOf(text: string): string | undefined {
  const upper = text.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return upper;
  if (!countryIndex) {
    countryIndex = new Map();
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const language of languages) {
      const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
      for (const a of letters) for (const b of letters) {
        const name = names.of(`${a}${b}`);
        if (name && !countryIndex.has(normalise(name))) countryIndex.set(normalise(name), `${a}${b}`);
      }
    }
  }
  return countryIndex.get(normalise(text));
}

const yesWords = new Set(['yes', 'y', 'true', '1', 'x', '✓', ...textsInEveryLanguage('exchange', 'values.yes')].map(normalise));
const noWords = new Set(['no', 'n', 'false', '0', ...textsInEveryLanguage('exchange', 'values.no')].map(normalise));

/** A cell as text: spreadsheet rich text and formulas read as what they show; the CSV formula guard taken off. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') {
    const cell = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown };
    if (cell.richText) return cell.richText.map((part) => part.text).join('');
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.result !== undefined) return cellText(cell.result);
    return '';
  }
  const text = String(value);
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

const referencePattern = /^[A-Z]{2}-\d{2}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** A row read into the complaint form, or the reasons it could not be. */
export type ReadRow =
  | { line: number; ok: true; input: ComplaintInput; reference: string | null; key: string | null }
  | { line: number; ok: false; reasons: ImportReason[] };

// Where a form field's problems are reported: the import field (column) that held it.
function fieldOfPath(path: PropertyKey[]): { field: ImportField | null; item?: number } {
  const [head, second, third, fourth] = path.map(String);
  const item = /^\d+$/.test(second ?? '') ? Number(second) + 1 : undefined;
  const simple: Record<string, ImportField> = { channel: 'channel', receivedAt: 'receivedAt', origin: 'origin', destination: 'destination', sector: 'sector', occupation: 'occupation', stage: 'stage', grievances: 'grievances', rightsFacts: 'rightsFacts' };
  if (head in simple) return { field: simple[head] };
  if (head === 'complainant') return { field: ({ type: 'complainantType', name: 'complainantName', phone: 'complainantPhone', relationship: 'complainantRelationship' } as Record<string, ImportField>)[second] ?? 'complainantType' };
  if (head === 'narrative') return { field: second === 'language' ? 'narrativeLanguage' : 'narrative' };
  if (head === 'consent') return { field: ({ services: 'consentServices', shareWithOrganisations: 'consentShare', statistics: 'consentStatistics', explained: 'consentExplained' } as Record<string, ImportField>)[second] ?? 'consentServices' };
  if (head === 'workers') {
    const byKey: Record<string, ImportField> = { name: 'workerNames', nameLatin: 'workerNamesLatin', sex: 'workerSexes', birthDate: 'workerBirthDates', birthYear: 'workerBirthYears', nationality: 'workerNationalities', passportNumber: 'workerPassports', phone: 'workerPhones', languages: 'workerLanguages' };
    return { field: byKey[third] ?? 'workerNames', item };
  }
  if (head === 'respondents') return { field: ({ type: 'respondentTypes', name: 'respondentNames', country: 'respondentCountries' } as Record<string, ImportField>)[third] ?? 'respondentNames', item };
  if (head === 'reliefSought') return { field: third === 'type' ? 'reliefTypes' : fourth === 'currency' ? 'reliefCurrencies' : 'reliefAmounts', item };
  return { field: null };
}

const valueAt = (input: unknown, path: PropertyKey[]): unknown => path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);

function issueReasons(error: z.ZodError, input: unknown): ImportReason[] {
  return error.issues.map((issue) => {
    const { field, item } = fieldOfPath(issue.path);
    const value = valueAt(input, issue.path);
    const rule = issue.message && /^[a-z0-9_]+$/.test(issue.message) ? issue.message : issue.code;
    return {
      code: 'invalid' as const,
      field,
      ...(item !== undefined ? { item } : {}),
      ...(typeof value === 'string' || typeof value === 'number' ? { value: String(value).slice(0, 100) } : {}),
      rule,
    };
  });
}

/** Reads one row into the complaint form. `get` answers a field's text (the cell, or the mapping's default). */
export function readComplaintRow(line: number, get: (field: ImportField) => string, raw: (field: ImportField) => unknown, extraValues: Map<string, string>): ReadRow {
  const reasons: ImportReason[] = [];
  const problem = (code: ImportReason['code'], field: ImportField, value?: string, item?: number) =>
    reasons.push({ code, field, ...(item !== undefined ? { item } : {}), ...(value !== undefined && value !== '' ? { value: value.slice(0, 100) } : {}) });
  const optional = (field: ImportField) => get(field).trim() || undefined;
  const required = (field: ImportField) => {
    const value = get(field).trim();
    if (!value) problem('missing', field);
    return value;
  };
  const code = (kind: CodeKind, field: ImportField, text: string, item?: number): string | undefined => {
    if (!text) return undefined;
    const found = extraValues.get(normalise(text)) ?? codesOf(kind).get(normalise(text));
    if (!found || !codeLists[kind].includes(found)) problem('unknown_code', field, text, item);
    return found;
  };
  const country = (field: ImportField, text: string, item?: number) => {
    if (!text) return undefined;
    const found = countryCodeOf(text);
    if (!found) problem('unknown_code', field, text, item);
    return found;
  };
  const yesNo = (field: ImportField) => {
    const text = required(field);
    if (!text) return false;
    if (yesWords.has(normalise(text))) return true;
    if (noWords.has(normalise(text))) return false;
    problem('bad_yes_no', field, text);
    return false;
  };
  const list = (field: ImportField) => {
    const text = get(field);
    return text.trim() ? text.split(/\r?\n/).map((item) => item.trim()) : [];
  };
  const lengthAtMost = (field: ImportField, items: unknown[], count: number) => {
    if (items.length > count) problem('list_length', field, String(items.length));
  };

  // When it was received: an ISO date-time, a date (DD/MM/YYYY or YYYY-MM-DD, Buddhist-era years too), or a spreadsheet date.
  let receivedAt: string | undefined;
  const receivedRaw = raw('receivedAt');
  const receivedText = required('receivedAt');
  if (receivedRaw instanceof Date) receivedAt = Number.isNaN(receivedRaw.getTime()) ? undefined : receivedRaw.toISOString();
  else if (receivedText && /^\d{4}-\d{2}-\d{2}T/.test(receivedText) && !Number.isNaN(Date.parse(receivedText))) receivedAt = receivedText;
  else if (receivedText) {
    const date = parseListDate(receivedText);
    if (date) receivedAt = `${date}T00:00:00.000Z`;
  }
  if (receivedText && !receivedAt) problem('bad_date', 'receivedAt', receivedText);

  const names = list('workerNames');
  if (names.length === 0) problem('missing', 'workerNames');
  const workerLists = Object.fromEntries(workerListFields.map((field) => [field, list(field)])) as Record<(typeof workerListFields)[number], string[]>;
  if (names.length) for (const field of workerListFields) lengthAtMost(field, workerLists[field], names.length);
  const workers = names.map((name, i) => {
    const at = (field: (typeof workerListFields)[number]) => workerLists[field][i] ?? '';
    const birthDateText = at('workerBirthDates');
    const birthDate = birthDateText ? parseListDate(birthDateText) : null;
    if (birthDate === undefined) problem('bad_date', 'workerBirthDates', birthDateText, i + 1);
    const birthYearText = at('workerBirthYears');
    let birthYear = birthYearText ? Number(birthYearText) : undefined;
    if (birthYear !== undefined && birthYear > 2400) birthYear -= 543; // a Buddhist-era year
    if (birthYearText && !Number.isInteger(birthYear)) problem('bad_number', 'workerBirthYears', birthYearText, i + 1);
    const languagesText = at('workerLanguages');
    return {
      name,
      nameLatin: at('workerNamesLatin') || undefined,
      sex: code('sex', 'workerSexes', at('workerSexes'), i + 1) ?? 'unknown',
      birthDate: birthDate ?? undefined,
      birthYear: birthYear !== undefined && Number.isInteger(birthYear) ? birthYear : undefined,
      nationality: country('workerNationalities', at('workerNationalities'), i + 1),
      passportNumber: at('workerPassports') || undefined,
      phone: at('workerPhones') || undefined,
      languages: languagesText ? languagesText.split(/[,;\s]+/).filter(Boolean) : [],
    };
  });

  const respondentLists = Object.fromEntries(respondentListFields.map((field) => [field, list(field)])) as Record<(typeof respondentListFields)[number], string[]>;
  const respondentCount = Math.max(...respondentListFields.map((field) => respondentLists[field].length));
  const respondents = Array.from({ length: respondentCount }, (_, i) => ({
    type: code('respondentType', 'respondentTypes', respondentLists.respondentTypes[i] ?? '', i + 1) ?? 'other',
    name: respondentLists.respondentNames[i] ?? '',
    country: country('respondentCountries', respondentLists.respondentCountries[i] ?? '', i + 1),
  }));

  const reliefLists = Object.fromEntries(reliefListFields.map((field) => [field, list(field)])) as Record<(typeof reliefListFields)[number], string[]>;
  lengthAtMost('reliefAmounts', reliefLists.reliefAmounts, reliefLists.reliefTypes.length);
  lengthAtMost('reliefCurrencies', reliefLists.reliefCurrencies, reliefLists.reliefTypes.length);
  const reliefSought = reliefLists.reliefTypes.map((typeText, i) => {
    const type = code('relief', 'reliefTypes', typeText, i + 1) ?? 'other';
    const amountText = reliefLists.reliefAmounts[i] ?? '';
    const currency = (reliefLists.reliefCurrencies[i] ?? '').toUpperCase();
    if (!amountText) return { type };
    if (!currency) {
      problem('missing', 'reliefCurrencies', undefined, i + 1);
      return { type };
    }
    const amount = parseAmount(amountText, currency);
    if (amount === undefined) problem('bad_amount', 'reliefAmounts', amountText, i + 1);
    return { type, amount: { amount: amount ?? 0, currency } };
  });

  const grievanceTexts = get('grievances').split(/[\r\n;,]+/).map((g) => g.trim()).filter(Boolean);
  if (grievanceTexts.length === 0) problem('missing', 'grievances');
  const grievances = grievanceTexts.map((text) => code('grievance', 'grievances', text)).filter((g): g is string => g !== undefined);

  let rightsFacts: unknown;
  const rightsText = optional('rightsFacts');
  if (rightsText) {
    try {
      rightsFacts = JSON.parse(rightsText);
    } catch {
      problem('bad_json', 'rightsFacts');
    }
  }

  const input = {
    channel: code('channel', 'channel', get('channel').trim()) ?? 'import',
    receivedAt,
    complainant: {
      type: code('complainantType', 'complainantType', get('complainantType').trim()) ?? 'worker',
      name: optional('complainantName'),
      phone: optional('complainantPhone'),
      relationship: optional('complainantRelationship'),
    },
    workers,
    respondents,
    origin: country('origin', required('origin')) ?? '',
    destination: country('destination', required('destination')) ?? '',
    sector: optional('sector')?.toUpperCase(),
    occupation: optional('occupation'),
    stage: code('stage', 'stage', required('stage')) ?? '',
    grievances,
    narrative: { text: required('narrative'), language: optional('narrativeLanguage') ?? 'und' },
    reliefSought,
    consent: {
      services: yesNo('consentServices'),
      shareWithOrganisations: yesNo('consentShare'),
      statistics: yesNo('consentStatistics'),
      explained: optional('consentExplained'),
    },
    rightsFacts,
  };
  if (reasons.length) return { line, ok: false, reasons };
  const parsed = complaintInputSchema.safeParse(input);
  if (!parsed.success) return { line, ok: false, reasons: issueReasons(parsed.error, input) };

  // The key that makes a second import of the same row a no-op: a Lintas reference is kept as the complaint's
  // reference; another reference or an external id, else a hash of the row's values, becomes its idempotency key.
  const referenceText = get('reference').trim().toUpperCase();
  const reference = referencePattern.test(referenceText) ? referenceText : null;
  const external = reference ? '' : get('reference').trim() || get('externalId').trim();
  const key = reference
    ? null
    : external
      ? `import:id:${external.slice(0, 80)}`
      : `import:row:${createHash('sha256').update(JSON.stringify(parsed.data)).digest('hex')}`;
  return { line, ok: true, input: parsed.data, reference, key };
}

export interface ImportOptions {
  /** Whose complaints they become, for Lintas itself (the CLI); a user imports into their own organisation. */
  organisationId?: string;
  mapping?: ComplaintImportMapping;
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

const batchSize = 200;

/** Imports the complaints of a CSV or XLSX file; on a dry run checks every row and writes nothing. */
export async function importComplaints(ctx: AppContext, actor: Actor, file: string, options: ImportOptions = {}): Promise<ComplaintImportReport> {
  let organisationId: string | undefined;
  if (actor.kind === 'user') {
    authorize(actor, 'complaint.import');
    organisationId = actor.organisationId;
  } else if (actor.kind === 'system') organisationId = options.organisationId;
  const organisation = organisationId ? await findOrganisation(ctx.db, organisationId) : undefined;
  if (!organisation) throw new AppError('not_found');

  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(file);
  } catch {
    throw new AppError('import_file_unreadable');
  }
  const headers = table.headers.map((h) => cellText(h).trim());
  if (headers.filter(Boolean).length === 0) throw new AppError('import_file_unreadable');
  const mapping = options.mapping ?? {};
  const columns = guessColumns(headers, mapping.columns);
  const defaults = mapping.defaults ?? {};
  const extraValues = new Map(Object.entries(mapping.values ?? {}).map(([word, code]) => [normalise(word), code]));
  const total = table.rows.length;

  const good: Array<Extract<ReadRow, { ok: true }>> = [];
  const rejected: ComplaintImportReport['rejected'] = [];
  const seen = new Set<string>();
  for (const [index, row] of table.rows.entries()) {
    const raw = (field: ImportField) => {
      const header = columns[field];
      return header === undefined ? undefined : row.cells[headers.indexOf(header)];
    };
    const get = (field: ImportField) => cellText(raw(field)) || defaults[field] || '';
    if (row.cells.every((cell) => cellText(cell).trim() === '')) continue;
    const read = readComplaintRow(row.line, get, raw, extraValues);
    if (!read.ok) rejected.push({ line: read.line, reasons: read.reasons });
    else {
      const key = read.reference ?? read.key!;
      if (seen.has(key)) rejected.push({ line: read.line, reasons: [{ code: 'duplicate_in_file', field: read.reference ? 'reference' : null, value: read.reference ?? undefined }] });
      else {
        seen.add(key);
        good.push(read);
      }
    }
    if (index % 500 === 0) options.onProgress?.(index, total);
  }

  // Rows already in Lintas: the same reference in this organisation, or the same key. A reference held by
  // another organisation's complaint cannot be taken.
  let duplicates = 0;
  let imported = 0;
  for (let start = 0; start < good.length; start += batchSize) {
    const batch = good.slice(start, start + batchSize);
    const references = batch.map((r) => r.reference).filter((r): r is string => r !== null);
    const keys = batch.map((r) => r.key).filter((k): k is string => k !== null);
    const [byReference, byKey] = await Promise.all([
      references.length ? ctx.db.selectFrom('complaints').select(['reference', 'organisation_id']).where('reference', 'in', references).execute() : [],
      keys.length ? ctx.db.selectFrom('complaints').select('idempotency_key').where('organisation_id', '=', organisation.id).where('idempotency_key', 'in', keys).execute() : [],
    ]);
    const existingReferences = new Map(byReference.map((r) => [r.reference, r.organisation_id]));
    const existingKeys = new Set(byKey.map((r) => r.idempotency_key));
    const toWrite: NewComplaintRows[] = [];
    for (const row of batch) {
      const owner = row.reference ? existingReferences.get(row.reference) : undefined;
      if (owner !== undefined && owner !== organisation.id) {
        rejected.push({ line: row.line, reasons: [{ code: 'reference_taken', field: 'reference', value: row.reference! }] });
        continue;
      }
      if (owner !== undefined || (row.key && existingKeys.has(row.key))) {
        duplicates += 1;
        continue;
      }
      const reference = row.reference;
      toWrite.push(
        buildComplaintRows(row.input, {
          organisation,
          createdBy: actor.kind === 'user' ? actor.userId : null,
          idempotencyKey: row.key,
          ...(reference ? { newReference: () => reference } : {}),
        }),
      );
    }
    imported += toWrite.length;
    if (!options.dryRun && toWrite.length) {
      await ctx.db.transaction().execute(async (trx) => {
        await insertComplaints(trx, toWrite);
        await recordAudit(
          trx,
          actor,
          toWrite.map((rows) => ({
            action: 'complaint.create',
            entityType: 'complaint',
            entityId: rows.complaint.id,
            organisationId: organisation.id,
            details: { channel: rows.complaint.channel, workers: rows.workers.length, imported: true },
          })),
        );
      });
    }
    options.onProgress?.(Math.min(total, start + batch.length + rejected.length), total);
  }
  rejected.sort((a, b) => a.line - b.line);
  if (!options.dryRun) {
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, actor, [
        { action: 'complaint.import', entityType: 'organisation', entityId: organisation.id, organisationId: organisation.id, details: { total, imported, duplicates, rejected: rejected.length } },
      ]),
    );
  }
  options.onProgress?.(total, total);
  return { dryRun: Boolean(options.dryRun), total, imported, duplicates, rejected, headers, columns, fields: [...importFieldKeys] };
}
