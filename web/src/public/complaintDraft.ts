// The worker's answers, kept on the phone (localStorage) until the complaint is sent, so that a closed browser or
// a dropped connection does not lose them.

export const complainantTypes = ['worker', 'family', 'representative'] as const;
export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export const stages = ['pre_departure', 'transit', 'employment', 'return'] as const;
export const respondentTypes = ['recruitment_agency', 'employer', 'broker'] as const;
export const reliefTypes = [
  'wages', 'fee_refund', 'compensation', 'repatriation', 'passport_return',
  'contract_enforcement', 'medical_care', 'death_benefits', 'information', 'other',
] as const;
/** The grievance codes in groups a worker recognises; every code of the taxonomy appears once. */
export const grievanceGroups = [
  ['recruitment', ['excessive_fees', 'no_receipt', 'deception', 'contract_substitution', 'deployment_delay']],
  ['pay', ['unpaid_wages', 'illegal_deductions', 'debt_bondage']],
  ['safety', ['passport_retention', 'restriction_of_movement', 'physical_violence', 'sexual_violence', 'intimidation']],
  ['work', ['excessive_overtime', 'no_rest_day', 'abusive_conditions', 'occupational_injury']],
  ['other', ['repatriation_request', 'missing_person', 'death', 'other']],
] as const;
export const grievanceCodes: readonly string[] = grievanceGroups.flatMap(([, codes]) => codes);
export const maxWorkers = 50;

export type RespondentType = (typeof respondentTypes)[number];

export interface WorkerDraft {
  key: number;
  name: string;
  sex: string;
  nationality: string;
}

export interface Draft {
  complainantType: string;
  complainantName: string;
  phone: string;
  workers: WorkerDraft[];
  origin: string;
  destination: string;
  stage: string;
  grievances: string[];
  respondents: Record<RespondentType, string>;
  narrative: string;
  relief: string[];
  consent: { services: boolean; shareWithOrganisations: boolean; statistics: boolean };
}

const storageKey = 'lintas.complaintDraft';
let nextKey = 1;
export const newWorker = (): WorkerDraft => ({ key: nextKey++, name: '', sex: '', nationality: '' });

export const emptyDraft = (): Draft => ({
  complainantType: 'worker',
  complainantName: '',
  phone: '',
  workers: [newWorker()],
  origin: '',
  destination: '',
  stage: '',
  grievances: [],
  respondents: { recruitment_agency: '', employer: '', broker: '' },
  narrative: '',
  relief: [],
  consent: { services: false, shareWithOrganisations: false, statistics: false },
});

const str = (value: unknown, allowed?: readonly string[]) =>
  typeof value === 'string' && (!allowed || allowed.includes(value)) ? value : '';
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** The saved draft, checked field by field: a damaged or old draft gives back what can be read, never a crash. */
export function loadDraft(): Draft {
  const draft = emptyDraft();
  let saved: Record<string, unknown>;
  try {
    saved = record(JSON.parse(localStorage.getItem(storageKey) ?? 'null'));
  } catch {
    return draft;
  }
  const workers = Array.isArray(saved.workers)
    ? saved.workers.slice(0, maxWorkers).map((w) => {
        const worker = record(w);
        return { ...newWorker(), name: str(worker.name), sex: str(worker.sex, sexes), nationality: str(worker.nationality) };
      })
    : [];
  const respondents = record(saved.respondents);
  const consent = record(saved.consent);
  return {
    complainantType: str(saved.complainantType, complainantTypes) || draft.complainantType,
    complainantName: str(saved.complainantName),
    phone: str(saved.phone),
    workers: workers.length > 0 ? workers : draft.workers,
    origin: str(saved.origin),
    destination: str(saved.destination),
    stage: str(saved.stage, stages),
    grievances: strings(saved.grievances).filter((g) => grievanceCodes.includes(g)),
    respondents: {
      recruitment_agency: str(respondents.recruitment_agency),
      employer: str(respondents.employer),
      broker: str(respondents.broker),
    },
    narrative: str(saved.narrative),
    relief: strings(saved.relief).filter((r) => (reliefTypes as readonly string[]).includes(r)),
    consent: {
      services: consent.services === true,
      shareWithOrganisations: consent.shareWithOrganisations === true,
      statistics: consent.statistics === true,
    },
  };
}

const withoutKeys = (draft: Draft) => ({ ...draft, workers: draft.workers.map(({ key: _key, ...w }) => w) });
const emptyText = JSON.stringify(withoutKeys(emptyDraft()));

/** Keeps the draft on this phone; an untouched form leaves nothing behind. Storage may be full or blocked: then it is not kept. */
export function saveDraft(draft: Draft): void {
  try {
    const text = JSON.stringify(withoutKeys(draft));
    if (text === emptyText) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, text);
  } catch {
    // Private browsing or a full storage: the form still works, only without a saved copy.
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // Nothing was kept.
  }
}
