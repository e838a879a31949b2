import type { ComplaintTable } from '../../db/schema';
import type { ComplaintRightsFacts, Finding } from '../agreements/schema';
import type { findComplaintParts, listComplaintRows } from './repository';
import { type ComplaintState, transitions } from './taxonomy';

type ListRow = Awaited<ReturnType<typeof listComplaintRows>>[number];
type Parts = Awaited<ReturnType<typeof findComplaintParts>>;

/** Overdue: no first action by its deadline, or not resolved by its deadline. */
export function isOverdue(row: Pick<ComplaintTable, 'state' | 'first_action_at' | 'first_action_due_at' | 'resolution_due_at'>, now: string): boolean {
  if (row.state === 'received' && !row.first_action_at && row.first_action_due_at < now) return true;
  return (row.state === 'received' || row.state === 'in_progress') && row.resolution_due_at < now;
}

/** A complaint as lists show it: codes, dates and counts, no personal data. */
export function presentSummary(row: ListRow, now: string) {
  return {
    id: row.id,
    reference: row.reference,
    state: row.state as ComplaintState,
    channel: row.channel as never,
    origin: row.origin,
    destination: row.destination,
    sector: row.sector,
    stage: row.stage as never,
    grievances: row.grievance_codes.split(' ').filter(Boolean),
    workerCount: row.worker_count,
    assignedTo: row.assigned_to,
    receivedAt: row.received_at,
    firstActionDueAt: row.first_action_due_at,
    firstActionAt: row.first_action_at,
    resolutionDueAt: row.resolution_due_at,
    overdue: isOverdue(row, now),
    updatedAt: row.updated_at,
  };
}

/** A complaint with everything about it, personal data included: only for those allowed to read it. */
export interface RespondentFlag {
  respondentId: string;
  registry: 'linked' | 'not_in_registry' | 'unchecked';
  licenceStatusOnRecruitment: 'valid' | 'suspended' | 'cancelled' | 'expired' | 'banned' | null;
  possibleIllegalRecruitment: boolean;
}

export function presentDetail(
  row: ComplaintTable,
  parts: Parts,
  now: string,
  rightsCheck: { agreements: Array<{ id: string; title: string }>; findings: Finding[] } | null,
  flags: RespondentFlag[],
) {
  const consent = JSON.parse(row.consent) as { explained?: string; recordedBy: string | null; recordedAt: string };
  return {
    ...presentSummary(row, now),
    organisationId: row.organisation_id,
    complainant: { type: row.complainant_type as never, ...JSON.parse(row.complainant) },
    workers: parts.workers.map((w) => ({
      id: w.id,
      name: w.name,
      nameLatin: w.name_latin ?? undefined,
      sex: w.sex as never,
      birthDate: w.birth_date ?? undefined,
      birthYear: w.birth_year ?? undefined,
      nationality: w.nationality ?? undefined,
      passportNumber: w.passport_number ?? undefined,
      phone: w.phone ?? undefined,
      languages: JSON.parse(w.languages) as string[],
    })),
    respondents: parts.respondents.map((r) => {
      const flag = flags.find((f) => f.respondentId === r.id);
      return {
        id: r.id,
        type: r.type as never,
        name: r.name,
        country: r.country,
        agencyId: r.agency_id,
        registry: flag?.registry ?? 'unchecked',
        licenceStatusOnRecruitment: flag?.licenceStatusOnRecruitment ?? null,
        possibleIllegalRecruitment: flag?.possibleIllegalRecruitment ?? false,
      };
    }),
    occupation: row.occupation,
    narrative: { text: row.narrative_text, language: row.narrative_language },
    reliefSought: JSON.parse(row.relief_sought),
    consent: {
      services: row.consent_services === 1,
      shareWithOrganisations: row.consent_share === 1,
      statistics: row.consent_statistics === 1,
      ...consent,
    },
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    events: parts.events.map((e) => ({
      id: e.id,
      type: e.type as never,
      occurredAt: e.occurred_at,
      recordedAt: e.recorded_at,
      userId: e.user_id,
      summary: e.summary,
      data: JSON.parse(e.data) as Record<string, unknown>,
    })),
    outcomes: parts.outcomes.map((o) => ({
      id: o.id,
      type: o.type as never,
      currency: o.currency,
      claimed: o.claimed === null ? null : Number(o.claimed),
      awarded: o.awarded === null ? null : Number(o.awarded),
      received: o.received === null ? null : Number(o.received),
      decidedOn: o.decided_on,
      note: o.note,
      createdAt: o.created_at,
    })),
    evidence: parts.evidence.map((e) => ({
      id: e.id,
      filename: e.filename,
      mediaType: e.media_type,
      sizeBytes: Number(e.size_bytes),
      sha256: e.sha256,
      description: e.description,
      createdAt: e.created_at,
    })),
    allowedTransitions: transitions[row.state as ComplaintState],
    rightsFacts: row.rights_facts ? (JSON.parse(row.rights_facts) as ComplaintRightsFacts) : null,
    rightsCheck,
  };
}
