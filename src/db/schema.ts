import type { Generated } from 'kysely';

// Table types for Kysely. Conventions (same on SQLite and PostgreSQL):
// ids are text UUIDs, times are UTC ISO 8601 text, booleans are 0/1 integers, JSON is text,
// money is an integer of minor units beside its ISO 4217 currency code.

export interface OrganisationTable {
  id: string;
  name: string;
  type: string;
  country: string;
  languages: string; // JSON array of language codes
  first_action_days: number;
  resolution_days: number;
  accepts_public_complaints: number;
  created_at: string;
  profile: string; // JSON: directory profile (services, areas, hours, contacts, focal points)
  listed: number; // shown in the public directory
  node_id: string | null; // the partner node that hosts it; null when hosted here
}

export interface UserTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
}

export interface SessionTable {
  id: string; // SHA-256 of the token; the token itself is never stored
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ComplaintTable {
  id: string;
  organisation_id: string;
  reference: string;
  pin_version: number; // the PIN is derived from the node's key, the id and this; raise it to issue a new PIN
  idempotency_key: string | null;
  channel: string;
  state: string;
  complainant_type: string;
  complainant: string; // JSON: name, phone, relationship (personal data)
  origin: string;
  destination: string;
  sector: string | null;
  occupation: string | null;
  stage: string;
  narrative_text: string;
  narrative_language: string;
  relief_sought: string; // JSON array
  consent_services: number;
  consent_share: number;
  consent_statistics: number;
  consent: string; // JSON: who recorded it, when, what was explained
  worker_count: number;
  grievance_codes: string; // space-separated, for display; complaint_grievances is the filterable copy
  assigned_to: string | null;
  received_at: string;
  first_action_due_at: string;
  first_action_at: string | null;
  resolution_due_at: string;
  resolved_at: string | null;
  /** Whole days from received_at to first_action_at, written with it (the dashboard's histogram). */
  days_to_first_action: number | null;
  /** Whole days from received_at to resolved_at, written with it. */
  days_to_resolution: number | null;
  closed_at: string | null;
  updated_at: string;
  created_by: string | null;
  track_failures: number;
  track_locked_until: string | null;
  rights_facts: string | null; // JSON: the facts checked against agreements (see agreements/schema.ts)
}

export interface ComplaintWorkerTable {
  id: string;
  complaint_id: string;
  position: number;
  name: string;
  name_latin: string | null;
  sex: string;
  birth_date: string | null;
  birth_year: number | null;
  nationality: string | null;
  passport_number: string | null;
  phone: string | null;
  languages: string; // JSON array
}

export interface ComplaintRespondentTable {
  id: string;
  complaint_id: string;
  position: number;
  type: string;
  name: string;
  country: string | null;
  agency_id: string | null;
  agency_confirmed_by: string | null;
}

export interface ComplaintGrievanceTable {
  complaint_id: string;
  code: string;
}

export interface ComplaintEventTable {
  id: string;
  complaint_id: string;
  type: string;
  occurred_at: string;
  recorded_at: string;
  user_id: string | null;
  summary: string | null;
  data: string; // JSON
}

export interface ComplaintOutcomeTable {
  id: string;
  complaint_id: string;
  type: string;
  currency: string | null;
  claimed: number | null;
  awarded: number | null;
  received: number | null;
  decided_on: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

/** The dashboard's facts (src/modules/dashboard/facts.ts): one row per complaint and code it counts under. */
export interface ComplaintFactTable {
  complaint_id: string;
  organisation_id: string;
  received_at: string;
  origin: string;
  destination: string;
  kind: string;
  code: string;
  value: number;
  claimed: number | null;
  awarded: number | null;
  received: number | null;
}

export interface EvidenceTable {
  id: string;
  complaint_id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  description: string | null;
  content: Buffer;
  created_by: string | null;
  created_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_type: string;
  actor_id: string | null;
  organisation_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: string; // JSON, never personal data
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AgreementTable {
  id: string;
  origin: string;
  destination: string;
  destination_region: string | null;
  effective_from: string | null;
  expires_on: string | null;
  status: string;
  body: string;
  seeded: number;
  updated_at: string;
}

export interface ExchangeRateTable {
  base: string;
  quote: string;
  valid_on: string;
  rate: string;
  source: string;
  updated_at: string;
}

export interface AgencyTable {
  id: string;
  name: string;
  licence_number: string;
  issuing_country: string;
  issuing_authority: string | null;
  licence_status: string;
  licence_valid_from: string | null;
  licence_valid_to: string | null;
  other_names: string;
  addresses: string;
  created_at: string;
  updated_at: string;
}

export interface AgencyLicenceEventTable {
  id: string;
  agency_id: string;
  status: string;
  effective_on: string;
  source: string;
  recorded_at: string;
}

export interface AgencySanctionTable {
  id: string;
  agency_id: string;
  type: string;
  decided_on: string;
  until: string | null;
  decision: string;
  authority: string | null;
  amount: number | null;
  currency: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

export interface AssessmentCriteriaSetTable {
  id: string;
  body: string;
  updated_at: string;
}

export interface AgencyAssessmentTable {
  id: string;
  agency_id: string;
  criteria_set_id: string;
  period: string;
  scores: string;
  total: number;
  assessed_by: string | null;
  recorded_at: string;
}

export interface AgencyRatingTable {
  id: string;
  agency_id: string;
  fees: number;
  orientation: number;
  contract: number;
  comment: string | null;
  language: string;
  status: string;
  created_at: string;
  moderated_by: string | null;
  moderated_at: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

/** One row per complaint for search (src/modules/search); the word and trigram indexes are keyed by its id. */
export interface ComplaintSearchTable {
  id: Generated<number>;
  complaint_id: string;
  organisation_id: string;
  folded: string; // narrative, names and reference folded, for substring search (personal data)
}

export interface ReferralTable {
  id: string;
  complaint_id: string | null;
  from_organisation_id: string;
  to_organisation_id: string;
  kind: string;
  state: string;
  reason: string;
  shared_fields: string; // JSON array
  shared: string; // JSON snapshot of the shared fields
  hide_receiver: number;
  consent_override: string | null; // JSON
  created_by: string | null;
  created_at: string;
  response_due_at: string;
  responded_at: string | null;
  completed_at: string | null;
  outcome: string | null; // JSON
  received_complaint_id: string | null;
  updated_at: string;
}

export interface ReferralEventTable {
  id: string;
  referral_id: string;
  type: string;
  organisation_id: string;
  user_id: string | null;
  user_name: string | null;
  body: string | null;
  data: string; // JSON
  occurred_at: string;
}

export interface FederationPartnerTable {
  node_id: string;
  name: string;
  url: string;
  public_key: string; // JWK JSON
  active: number;
  created_at: string;
}

export interface FederationOutboxTable {
  id: string;
  to_node_id: string;
  seq: number;
  type: string;
  body: string; // JSON
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
}

export interface FederationInboxTable {
  id: string;
  from_node_id: string;
  seq: number;
  type: string;
  signature: string;
  received_at: string;
}

export interface FederationSignatureTable {
  signature: string;
  from_node_id: string;
  seen_at: string;
}

export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  complaints: ComplaintTable;
  complaint_workers: ComplaintWorkerTable;
  complaint_respondents: ComplaintRespondentTable;
  complaint_grievances: ComplaintGrievanceTable;
  complaint_events: ComplaintEventTable;
  complaint_outcomes: ComplaintOutcomeTable;
  complaint_facts: ComplaintFactTable;
  evidence: EvidenceTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  settings: SettingTable;
  complaint_search: ComplaintSearchTable;
  referrals: ReferralTable;
  referral_events: ReferralEventTable;
  federation_partners: FederationPartnerTable;
  federation_outbox: FederationOutboxTable;
  federation_inbox: FederationInboxTable;
  federation_signatures: FederationSignatureTable;
  agreements: AgreementTable;
  exchange_rates: ExchangeRateTable;
  agencies: AgencyTable;
  agency_licence_events: AgencyLicenceEventTable;
  agency_sanctions: AgencySanctionTable;
  assessment_criteria_sets: AssessmentCriteriaSetTable;
  agency_assessments: AgencyAssessmentTable;
  agency_ratings: AgencyRatingTable;
}

export type { Generated };
