// The intake form's state, its draft on this device, and its conversion to the API's standard complaint form.
import { api } from '../../../shared/api';
import { countryCodes, localDateTimeToIso, parseMinorUnits, randomId } from '../codes';
import type { CreatedComplaint } from '../types';
import type { ChosenAgency } from './AgencyMatch';
import { type AskedFacts, emptyRights, mapRightsPath, normaliseRights, rightsPayload, rightsPristine, type RightsForm } from './rights';

export interface WorkerRow {
  key: string;
  name: string;
  nameLatin: string;
  sex: string;
  birthYear: string;
  nationality: string;
  passportNumber: string;
  phone: string;
}
export interface RespondentRow {
  key: string;
  type: string;
  name: string;
  country: string;
  /** The registry agency the officer said this is (recruitment agencies); confirmed once the complaint is registered. */
  agency?: ChosenAgency | null;
}
export interface ReliefRow {
  key: string;
  type: string;
  amount: string;
  currency: string;
}
export interface IntakeForm {
  idempotencyKey: string;
  channel: string;
  receivedAt: string;
  complainant: { type: string; name: string; phone: string; relationship: string };
  workers: WorkerRow[];
  respondents: RespondentRow[];
  origin: string;
  destination: string;
  sector: string;
  occupation: string;
  stage: string;
  grievances: string[];
  narrativeText: string;
  narrativeLanguage: string;
  narrativeLanguageOther: string;
  relief: ReliefRow[];
  consent: { services: boolean; shareWithOrganisations: boolean; statistics: boolean; explained: string };
  /** Facts for the agreement check (see rights.ts). */
  rights: RightsForm;
}

export const emptyWorker = (): WorkerRow => ({ key: randomId(), name: '', nameLatin: '', sex: '', birthYear: '', nationality: '', passportNumber: '', phone: '' });
export const emptyRespondent = (): RespondentRow => ({ key: randomId(), type: 'recruitment_agency', name: '', country: '' });
export const emptyRelief = (currency = ''): ReliefRow => ({ key: randomId(), type: '', amount: '', currency });

export function emptyForm(narrativeLanguage: string): IntakeForm {
  return {
    idempotencyKey: randomId(),
    channel: 'walk_in',
    receivedAt: '',
    complainant: { type: 'worker', name: '', phone: '', relationship: '' },
    workers: [emptyWorker()],
    respondents: [],
    origin: '',
    destination: '',
    sector: '',
    occupation: '',
    stage: '',
    grievances: [],
    narrativeText: '',
    narrativeLanguage,
    narrativeLanguageOther: '',
    relief: [],
    consent: { services: false, shareWithOrganisations: false, statistics: false, explained: '' },
    rights: emptyRights(),
  };
}

/** True when nothing has been typed yet (the draft is then not worth keeping). */
export function isPristine(form: IntakeForm): boolean {
  const w = form.workers;
  return (
    w.length === 1 &&
    !w[0].name && !w[0].nameLatin && !w[0].passportNumber && !w[0].phone && !w[0].nationality && !w[0].sex && !w[0].birthYear &&
    form.respondents.length === 0 && form.relief.length === 0 && form.grievances.length === 0 &&
    !form.narrativeText && !form.origin && !form.destination && !form.stage && !form.occupation && !form.sector &&
    !form.complainant.name && !form.complainant.phone && !form.consent.explained && rightsPristine(form.rights)
  );
}

// The draft: the form as typed, kept on this device per user until the complaint is registered.
const draftKey = (userId: string) => `lintas.desk.intakeDraft.${userId}`;

export function loadDraft(userId: string): { form: IntakeForm; savedAt: string } | null {
  try {
    const stored = JSON.parse(localStorage.getItem(draftKey(userId)) ?? 'null') as { form?: IntakeForm; savedAt?: string } | null;
    if (!stored?.form || !Array.isArray(stored.form.workers) || typeof stored.savedAt !== 'string') return null;
    return { form: { ...stored.form, rights: normaliseRights(stored.form.rights) }, savedAt: stored.savedAt };
  } catch {
    return null;
  }
}
export function saveDraft(userId: string, form: IntakeForm): void {
  try {
    if (isPristine(form)) localStorage.removeItem(draftKey(userId));
    else localStorage.setItem(draftKey(userId), JSON.stringify({ form, savedAt: new Date().toISOString() }));
  } catch {
    // Full or blocked storage: the form still works, only without a draft.
  }
}
export function clearDraft(userId: string): void {
  try {
    localStorage.removeItem(draftKey(userId));
  } catch {
    // nothing to clear
  }
}

const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());

/**
 * The API body, and the errors found before sending (required fields, amounts that cannot be read), keyed by
 * the same paths the API uses so that both kinds show in the same places. `t` gives the messages; `asked` the
 * facts for the agreement check the form shows (only those are sent).
 */
export function toPayload(
  form: IntakeForm,
  language: string,
  t: (key: string) => string,
  asked: AskedFacts,
): { body: unknown; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const required = (path: string, value: unknown, key = 'intake.errors.required') => {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) errors[path] = t(key);
  };
  required('channel', form.channel, 'intake.errors.choose');
  required('complainant.type', form.complainant.type, 'intake.errors.choose');
  required('origin', form.origin, 'intake.errors.choose');
  required('destination', form.destination, 'intake.errors.choose');
  required('stage', form.stage, 'intake.errors.choose');
  required('grievances', form.grievances, 'intake.errors.grievances');
  required('narrative.text', form.narrativeText.trim());
  if (form.narrativeLanguage === 'other') required('narrative.language', form.narrativeLanguageOther.trim());
  if (form.workers.length === 0) errors.workers = t('intake.errors.workers');
  form.workers.forEach((worker, index) => {
    required(`workers.${index}.name`, worker.name.trim());
    required(`workers.${index}.sex`, worker.sex, 'intake.errors.choose');
  });

  const respondents = sentRespondents(form);
  respondents.forEach(({ row, index }) => required(`respondents.${index}.name`, row.name.trim()));

  const relief = form.relief.map((row, index) => {
    if (!row.type) {
      if (row.amount.trim()) errors[`reliefSought.${index}.type`] = t('intake.errors.choose');
      return undefined;
    }
    const amount = row.currency ? parseMinorUnits(row.amount, row.currency, language) : parseMinorUnits(row.amount, 'USD', language);
    if (amount !== undefined && Number.isNaN(amount)) errors[`reliefSought.${index}.amount.amount`] = t('intake.errors.amount');
    if (amount !== undefined && !row.currency) errors[`reliefSought.${index}.amount.currency`] = t('intake.errors.currency');
    return { type: row.type, ...(amount !== undefined && !Number.isNaN(amount) ? { amount: { amount, currency: row.currency } } : {}) };
  });

  const rightsFacts = rightsPayload(form.rights, asked, language, t, errors);

  const body = {
    channel: form.channel,
    receivedAt: localDateTimeToIso(form.receivedAt),
    complainant: {
      type: form.complainant.type,
      name: blank(form.complainant.name),
      phone: blank(form.complainant.phone),
      relationship: form.complainant.type === 'worker' ? undefined : blank(form.complainant.relationship),
    },
    workers: form.workers.map((worker) => ({
      name: worker.name.trim(),
      nameLatin: blank(worker.nameLatin),
      sex: worker.sex || undefined,
      birthYear: blank(worker.birthYear) ? Number(worker.birthYear) : undefined,
      nationality: blank(worker.nationality)?.toUpperCase(),
      passportNumber: blank(worker.passportNumber)?.replace(/[\s-]/g, ''),
      phone: blank(worker.phone),
    })),
    // Empty respondent and relief rows are left out; mapServerPaths turns the API's indexes back into the form's.
    respondents: respondents.map(({ row }) => ({ type: row.type, name: row.name.trim(), country: blank(row.country)?.toUpperCase() })),
    origin: form.origin,
    destination: form.destination,
    sector: blank(form.sector),
    occupation: blank(form.occupation),
    stage: form.stage,
    grievances: form.grievances,
    narrative: { text: form.narrativeText, language: form.narrativeLanguage === 'other' ? form.narrativeLanguageOther.trim() : form.narrativeLanguage },
    reliefSought: relief.filter((r) => r !== undefined),
    consent: {
      services: form.consent.services,
      shareWithOrganisations: form.consent.shareWithOrganisations,
      statistics: form.consent.statistics,
      explained: blank(form.consent.explained),
    },
    rightsFacts,
  };
  return { body, errors };
}

/** The respondent rows that are sent (empty ones are left out), in the order sent, with their index in the form. */
export function sentRespondents(form: IntakeForm): Array<{ row: RespondentRow; index: number }> {
  return form.respondents.map((row, index) => ({ row, index })).filter(({ row }) => row.name.trim() || row.country.trim());
}

/**
 * For each respondent sent, in the order sent: the registry agency chosen for it (recruitment agencies only),
 * to confirm once the complaint is registered.
 */
export function chosenAgencies(form: IntakeForm): Array<{ name: string; agencyId: string | null }> {
  return sentRespondents(form).map(({ row }) => ({
    name: row.name.trim(),
    agencyId: row.type === 'recruitment_agency' && row.agency ? row.agency.id : null,
  }));
}

/**
 * Maps the API's error paths back to the form's rows: empty respondent and relief rows are not sent, so the
 * n-th sent row may be a later row of the form.
 */
export function mapServerPaths(form: IntakeForm, fieldErrors: Record<string, string>): Record<string, string> {
  const sentRespondentIndexes = sentRespondents(form).map(({ index }) => index);
  const sentRelief = form.relief.map((row, index) => ({ row, index })).filter(({ row }) => row.type).map(({ index }) => index);
  const mapped: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const fixed = path
      .replace(/^respondents\.(\d+)/, (whole, n: string) => (sentRespondentIndexes[Number(n)] !== undefined ? `respondents.${sentRespondentIndexes[Number(n)]}` : whole))
      .replace(/^reliefSought\.(\d+)/, (whole, n: string) => (sentRelief[Number(n)] !== undefined ? `reliefSought.${sentRelief[Number(n)]}` : whole));
    mapped[mapRightsPath(form.rights, fixed)] = message;
  }
  return mapped;
}

/**
 * Registers the complaint with an Idempotency-Key header, so that a double click or a retry after a lost
 * answer returns the complaint already created instead of a second one.
 */
export function postComplaint(body: unknown, idempotencyKey: string): Promise<CreatedComplaint> {
  return api<CreatedComplaint>('POST', '/api/v1/complaints', body, { 'idempotency-key': idempotencyKey });
}

/** Uploads one evidence file to a complaint. */
export async function uploadEvidence(complaintId: string, file: File, description?: string) {
  const data = new FormData();
  if (description) data.append('description', description);
  data.append('file', file);
  return api('POST', `/api/v1/complaints/${complaintId}/evidence`, data);
}

// "Paste a list": one worker a line, "name, sex, nationality, passport" (commas, semicolons or tabs).
const sexWords: Record<string, string> = {
  f: 'female', female: 'female', woman: 'female', w: 'female', p: 'female', perempuan: 'female', wanita: 'female', babae: 'female', nu: 'female', 'nữ': 'female',
  m: 'male', male: 'male', man: 'male', l: 'male', 'laki-laki': 'male', lelaki: 'male', lalaki: 'male', nam: 'male',
  o: 'other', other: 'other', x: 'other',
  u: 'unknown', unknown: 'unknown', '?': 'unknown',
};

export function parseWorkerList(
  text: string,
  options: { sexLabels: Record<string, string>; countryName: (code: string) => string },
): { rows: WorkerRow[]; unclear: number } {
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  const byName = new Map<string, string>();
  for (const code of countryCodes) {
    byName.set(english.of(code)?.toLocaleLowerCase() ?? code, code);
    byName.set(options.countryName(code).toLocaleLowerCase(), code);
  }
  const sexByLabel = new Map(Object.entries(options.sexLabels).map(([code, label]) => [label.toLocaleLowerCase(), code]));
  const rows: WorkerRow[] = [];
  let unclear = 0;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const cells = (line.includes('\t') ? line.split('\t') : line.split(/[;,]/)).map((cell) => cell.trim());
    const [name = '', sexText = '', nationalityText = '', passport = ''] = cells;
    if (!name || (rows.length === 0 && /^(name|nama|pangalan)$/i.test(name))) continue;
    const sexKey = sexText.toLocaleLowerCase();
    const sex = sexWords[sexKey] ?? sexByLabel.get(sexKey) ?? '';
    const upper = nationalityText.toUpperCase();
    const nationality = countryCodes.includes(upper) ? upper : (byName.get(nationalityText.toLocaleLowerCase()) ?? '');
    if ((sexText && !sex) || (nationalityText && !nationality) || !sex) unclear += 1;
    rows.push({ ...emptyWorker(), name, sex, nationality: nationality || nationalityText, passportNumber: passport.replace(/[\s-]/g, '') });
  }
  return { rows, unclear };
}

/** What each section of the intake page receives. */
export interface SectionProps {
  form: IntakeForm;
  update: (change: (form: IntakeForm) => IntakeForm) => void;
  errors: Record<string, string>;
}

/** The id of the control for an API path: `workers.0.name` → `f-workers.0.name`. */
export const fieldId = (path: string) => `f-${path}`;
