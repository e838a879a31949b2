// The columns of a complaint export, which are also the fields an import reads. One row per complaint: the
// workers, respondents and relief sought of a complaint are lists, one line per item inside a cell, and the
// cells of one list line up (line 3 of "worker names" and line 3 of "worker sexes" are the same worker).

/** A complaint as the export reads it. Personal fields are absent from a de-identified export's query. */
export interface ExportRecord {
  id: string;
  reference: string;
  state: string;
  channel: string;
  origin: string;
  destination: string;
  sector: string | null;
  occupation: string | null;
  stage: string;
  grievance_codes: string;
  worker_count: number;
  received_at: string;
  first_action_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  complainant_type: string;
  relief_sought: string;
  consent_services: number;
  consent_share: number;
  consent_statistics: number;
  narrative_language: string;
  rights_facts: string | null;
  organisation_id: string;
  complainant?: string;
  narrative_text?: string;
  consent?: string;
  workers: ExportWorker[];
  respondents: ExportRespondent[];
}

export interface ExportWorker {
  sex: string;
  birth_year: number | null;
  nationality: string | null;
  languages: string;
  name?: string;
  name_latin?: string | null;
  birth_date?: string | null;
  passport_number?: string | null;
  phone?: string | null;
}

export interface ExportRespondent {
  type: string;
  country: string | null;
  name?: string;
}

export const complaintColumnKeys = [
  'reference',
  'receivedAt',
  'channel',
  'state',
  'origin',
  'destination',
  'sector',
  'occupation',
  'stage',
  'grievances',
  'complainantType',
  'complainantName',
  'complainantPhone',
  'complainantRelationship',
  'workerCount',
  'workerNames',
  'workerNamesLatin',
  'workerSexes',
  'workerBirthDates',
  'workerBirthYears',
  'workerNationalities',
  'workerPassports',
  'workerPhones',
  'workerLanguages',
  'respondentTypes',
  'respondentNames',
  'respondentCountries',
  'reliefTypes',
  'reliefAmounts',
  'reliefCurrencies',
  'narrativeLanguage',
  'narrative',
  'consentServices',
  'consentShare',
  'consentStatistics',
  'consentExplained',
  'rightsFacts',
  'firstActionAt',
  'resolvedAt',
  'closedAt',
] as const;
export type ComplaintColumnKey = (typeof complaintColumnKeys)[number];

/** Columns that identify a person or tell their story: left out of de-identified exports. */
export const personalColumns: ReadonlySet<ComplaintColumnKey> = new Set([
  'complainantName',
  'complainantPhone',
  'complainantRelationship',
  'workerNames',
  'workerNamesLatin',
  'workerBirthDates',
  'workerPassports',
  'workerPhones',
  'respondentNames',
  'narrative',
  'consentExplained',
]);

/** Columns an export writes for information that an import does not read back (the case's progress). */
export const exportOnlyColumns: ReadonlySet<ComplaintColumnKey> = new Set(['state', 'workerCount', 'firstActionAt', 'resolvedAt', 'closedAt']);

/** The columns of an export, personal or de-identified. */
export const exportColumns = (personal: boolean): ComplaintColumnKey[] => complaintColumnKeys.filter((key) => personal || !personalColumns.has(key));

/** Fields an import can read: every column but the export-only ones, and an external id for files without references. */
export const importFieldKeys = [...complaintColumnKeys.filter((key) => !exportOnlyColumns.has(key)), 'externalId'] as const;
export type ImportField = (typeof importFieldKeys)[number];

/** Fields whose cells hold one line per worker. */
export const workerListFields = ['workerNames', 'workerNamesLatin', 'workerSexes', 'workerBirthDates', 'workerBirthYears', 'workerNationalities', 'workerPassports', 'workerPhones', 'workerLanguages'] as const;
export const respondentListFields = ['respondentTypes', 'respondentNames', 'respondentCountries'] as const;
export const reliefListFields = ['reliefTypes', 'reliefAmounts', 'reliefCurrencies'] as const;

/** Digits after the decimal point of a currency (2 for MYR, 0 for VND and JPY). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount in minor units as a plain decimal in the currency's major unit: 123450 MYR → "1234.50". */
export function formatAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const scale = 10 ** digits;
  return `${Math.floor(minor / scale)}.${String(minor % scale).padStart(digits, '0')}`;
}

/** The reverse of formatAmount; undefined when the text is not an amount with at most the currency's digits. */
export function parseAmount(text: string, currency: string): number | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '');
  // A comma is taken only as a thousands separator (1,234.50): "12,5" may mean 12.5 and is refused, not guessed.
  if (compact.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) return undefined;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(compact.replace(/,/g, ''));
  if (!match) return undefined;
  const digits = currencyDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.replace(/0+$/, '').length > digits) return undefined;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0').slice(0, digits) || '0');
  return Number.isSafeInteger(minor) ? minor : undefined;
}

// A cell of a list column: one line per item. Line breaks inside an item would shift the lines, so they become spaces.
const oneLine = (value: string | null | undefined) => (value ?? '').replace(/[\r\n]+/g, ' ');
const lines = (values: Array<string | null | undefined>) => (values.every((v) => !v) ? '' : values.map(oneLine).join('\n'));
const yesNo = (value: number) => (value ? 'yes' : 'no');

interface ReliefItem {
  type: string;
  amount?: { amount: number; currency: string };
}

/** The cells of one complaint, in the order of `columns`; strings except counts. */
export function complaintCells(record: ExportRecord, columns: ComplaintColumnKey[]): Array<string | number> {
  const complainant = record.complainant ? (JSON.parse(record.complainant) as { name?: string; phone?: string; relationship?: string }) : {};
  const consent = record.consent ? (JSON.parse(record.consent) as { explained?: string }) : {};
  const relief = JSON.parse(record.relief_sought) as ReliefItem[];
  const { workers, respondents } = record;
  const cell = (key: ComplaintColumnKey): string | number => {
    switch (key) {
      case 'reference': return record.reference;
      case 'receivedAt': return record.received_at;
      case 'channel': return record.channel;
      case 'state': return record.state;
      case 'origin': return record.origin;
      case 'destination': return record.destination;
      case 'sector': return record.sector ?? '';
      case 'occupation': return record.occupation ?? '';
      case 'stage': return record.stage;
      case 'grievances': return record.grievance_codes.split(' ').filter(Boolean).join('\n');
      case 'complainantType': return record.complainant_type;
      case 'complainantName': return complainant.name ?? '';
      case 'complainantPhone': return complainant.phone ?? '';
      case 'complainantRelationship': return complainant.relationship ?? '';
      case 'workerCount': return record.worker_count;
      case 'workerNames': return workers.map((w) => oneLine(w.name)).join('\n');
      case 'workerNamesLatin': return lines(workers.map((w) => w.name_latin));
      case 'workerSexes': return workers.map((w) => w.sex).join('\n');
      case 'workerBirthDates': return lines(workers.map((w) => w.birth_date));
      case 'workerBirthYears': return lines(workers.map((w) => (w.birth_year === null ? '' : String(w.birth_year))));
      case 'workerNationalities': return lines(workers.map((w) => w.nationality));
      case 'workerPassports': return lines(workers.map((w) => w.passport_number));
      case 'workerPhones': return lines(workers.map((w) => w.phone));
      case 'workerLanguages': return lines(workers.map((w) => (JSON.parse(w.languages) as string[]).join(', ')));
      case 'respondentTypes': return respondents.map((r) => r.type).join('\n');
      case 'respondentNames': return respondents.map((r) => oneLine(r.name)).join('\n');
      case 'respondentCountries': return lines(respondents.map((r) => r.country));
      case 'reliefTypes': return relief.map((r) => r.type).join('\n');
      case 'reliefAmounts': return lines(relief.map((r) => (r.amount ? formatAmount(r.amount.amount, r.amount.currency) : '')));
      case 'reliefCurrencies': return lines(relief.map((r) => r.amount?.currency));
      case 'narrativeLanguage': return record.narrative_language;
      case 'narrative': return record.narrative_text ?? '';
      case 'consentServices': return yesNo(record.consent_services);
      case 'consentShare': return yesNo(record.consent_share);
      case 'consentStatistics': return yesNo(record.consent_statistics);
      case 'consentExplained': return consent.explained ?? '';
      case 'rightsFacts': return record.rights_facts ?? '';
      case 'firstActionAt': return record.first_action_at ?? '';
      case 'resolvedAt': return record.resolved_at ?? '';
      case 'closedAt': return record.closed_at ?? '';
    }
  };
  return columns.map(cell);
}
