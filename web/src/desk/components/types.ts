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
