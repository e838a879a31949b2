import type { OrganisationTable } from '../../db/schema';
import { newComplaintReference, newId } from '../../lib/ids';
import { addDays, nowIso } from '../../lib/time';
import type { NewComplaintRows } from './repository';
import type { ComplaintInput } from './schema';

export interface BuildOptions {
  organisation: Pick<OrganisationTable, 'id' | 'country' | 'first_action_days' | 'resolution_days'>;
  /** The user who registered it; null for the public form, import and synthetic data. */
  createdBy: string | null;
  idempotencyKey?: string | null;
  /** When it was written into Lintas; defaults to now. */
  recordedAt?: string;
  /** Where ids and the reference come from; random by default, seeded for synthetic data. */
  newId?: () => string;
  newReference?: (country: string, receivedAt: Date) => string;
}

/** Turns a standard complaint form into the rows that store it, with its deadlines and reference. */
export function buildComplaintRows(input: ComplaintInput, options: BuildOptions): NewComplaintRows {
  const makeId = options.newId ?? newId;
  const id = makeId();
  const recordedAt = options.recordedAt ?? nowIso();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt).toISOString() : recordedAt;
  const { organisation } = options;
  const grievances = [...new Set(input.grievances)];
  const { type: complainantType, ...complainant } = input.complainant;
  const { explained, services, shareWithOrganisations, statistics } = input.consent;
  return {
    complaint: {
      id,
      organisation_id: organisation.id,
      reference: (options.newReference ?? newComplaintReference)(organisation.country, new Date(receivedAt)),
      pin_version: 0,
      idempotency_key: options.idempotencyKey ?? null,
      channel: input.channel,
      state: 'received',
      complainant_type: complainantType,
      complainant: JSON.stringify(complainant),
      origin: input.origin,
      destination: input.destination,
      sector: input.sector ?? null,
      occupation: input.occupation ?? null,
      stage: input.stage,
      narrative_text: input.narrative.text,
      narrative_language: input.narrative.language,
      relief_sought: JSON.stringify(input.reliefSought),
      consent_services: services ? 1 : 0,
      consent_share: shareWithOrganisations ? 1 : 0,
      consent_statistics: statistics ? 1 : 0,
      consent: JSON.stringify({ ...(explained ? { explained } : {}), recordedBy: options.createdBy, recordedAt }),
      worker_count: input.workers.length,
      grievance_codes: grievances.join(' '),
      assigned_to: null,
      received_at: receivedAt,
      first_action_due_at: addDays(receivedAt, organisation.first_action_days),
      first_action_at: null,
      days_to_first_action: null,
      resolution_due_at: addDays(receivedAt, organisation.resolution_days),
      resolved_at: null,
      days_to_resolution: null,
      closed_at: null,
      updated_at: recordedAt,
      created_by: options.createdBy,
      track_failures: 0,
      track_locked_until: null,
      rights_facts: input.rightsFacts ? JSON.stringify(input.rightsFacts) : null,
    },
    workers: input.workers.map((worker, position) => ({
      id: makeId(),
      complaint_id: id,
      position,
      name: worker.name,
      name_latin: worker.nameLatin ?? null,
      sex: worker.sex,
      birth_date: worker.birthDate ?? null,
      birth_year: worker.birthYear ?? (worker.birthDate ? Number(worker.birthDate.slice(0, 4)) : null),
      nationality: worker.nationality ?? null,
      passport_number: worker.passportNumber?.toUpperCase() ?? null,
      phone: worker.phone ?? null,
      languages: JSON.stringify(worker.languages),
    })),
    respondents: input.respondents.map((respondent, position) => ({
      id: makeId(),
      complaint_id: id,
      position,
      type: respondent.type,
      name: respondent.name,
      country: respondent.country ?? null,
      agency_id: null,
      agency_confirmed_by: null,
    })),
    grievances,
    events: [
      {
        id: makeId(),
        complaint_id: id,
        type: 'created',
        occurred_at: receivedAt,
        recorded_at: recordedAt,
        user_id: options.createdBy,
        summary: null,
        data: JSON.stringify({ channel: input.channel, workers: input.workers.length }),
      },
    ],
  };
}
