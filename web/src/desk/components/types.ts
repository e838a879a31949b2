// Shapes of the API answers the desk reads (see /api/docs for the full OpenAPI document).

export interface ComplaintSummary {
  id: string;
  reference: string;
  state: string;
  channel: string;
  origin: string;
  destination: string;
  sector: string | null;
  stage: string;
  grievances: string[];
  workerCount: number;
  assignedTo: string | null;
  receivedAt: string;
  firstActionDueAt: string;
  firstActionAt: string | null;
  resolutionDueAt: string;
  overdue: boolean;
  updatedAt: string;
}

export interface ComplaintListResult {
  items: ComplaintSummary[];
  nextCursor: string | null;
  /** While the search index is being rebuilt: how many complaints it holds so far. */
  searchIndex?: { indexed: number; total: number };
}

export interface Money {
  amount: number;
  currency: string;
}

export interface ComplaintEvent {
  id: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  userId: string | null;
  summary: string | null;
  data: Record<string, unknown>;
}

export interface Outcome {
  id: string;
  type: string;
  currency: string | null;
  claimed: number | null;
  awarded: number | null;
  received: number | null;
  decidedOn: string | null;
  note: string | null;
  createdAt: string;
}

export interface Evidence {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  description: string | null;
  createdAt: string;
}

export interface ComplaintDetail extends ComplaintSummary {
  organisationId: string;
  complainant: { type: string; name?: string; phone?: string; relationship?: string };
  workers: Array<{
    id: string;
    name: string;
    nameLatin?: string;
    sex: string;
    birthDate?: string;
    birthYear?: number;
    nationality?: string;
    passportNumber?: string;
    phone?: string;
    languages: string[];
  }>;
  respondents: Array<{ id: string; type: string; name: string; country: string | null }>;
  occupation: string | null;
  narrative: { text: string; language: string };
  reliefSought: Array<{ type: string; amount?: Money }>;
  consent: { services: boolean; shareWithOrganisations: boolean; statistics: boolean; explained?: string; recordedBy: string | null; recordedAt: string };
  resolvedAt: string | null;
  closedAt: string | null;
  events: ComplaintEvent[];
  outcomes: Outcome[];
  evidence: Evidence[];
  allowedTransitions: string[];
  /** The facts recorded for the rights check; null when none were. */
  rightsFacts: RightsFacts | null;
  /** The facts checked against the agreements in force on the recruitment date; null without that date. */
  rightsCheck: RightsCheck | null;
}

export interface RightsFacts {
  recruitedOn: string;
  destinationRegion?: string | null;
  monthlyWage?: Money | null;
  workerPaid?: Array<Money & { item: string }>;
  deductions?: Array<Money & { item: string; month?: string }>;
  passportHeldBy?: 'worker' | 'employer' | 'agency' | 'other' | null;
  restDaysPerWeek?: number | null;
  restDayPaidInLieu?: boolean | null;
  wagePayment?: { method?: 'bank_account' | 'cash' | 'other' | null; daysAfterPayDate?: number | null } | null;
  contractEndorsedBy?: string[] | null;
  canCommunicateWithFamily?: boolean | null;
}

export interface RightsFinding {
  kind: string;
  status: 'breach' | 'complies' | 'unknown';
  agreementId: string;
  agreementTitle: string;
  provisionId: string;
  clause: string;
  source: string;
  baseline: boolean;
  /** Already in the reader's language. */
  message: string;
  exchangeRate: { from: string; to: string; rate: number; validOn: string; source: string } | null;
}

export interface RightsCheck {
  agreements: Array<{ id: string; title: string }>;
  findings: RightsFinding[];
}

export interface User {
  id: string;
  name: string;
  email: string;
  role: string;
  organisationId: string;
  createdAt?: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  details: Record<string, unknown>;
}

export interface CreatedComplaint {
  id: string;
  reference: string;
  pin: string;
  state: string;
}

/** What the intake page hands to the complaint page after registering. */
export interface CreatedState {
  created?: { id: string; reference: string; pin: string; failedUploads: Array<{ filename: string; message: string }> };
}
