// Shapes and codes of the referral and directory API, as the desk reads them (see /api/docs). The code lists
// repeat the server's (its schema files import zod, which the desk does not ship); the type checks below fail
// the build when the two drift apart.
import type { ReferralKind, ReferralState, ShareableField, ReferralEventType } from '../../../../../src/modules/referrals/schema';
import type { OrganisationService } from '../../../../../src/modules/organisations/schema';

export const referralKinds = ['referral', 'transfer'] as const satisfies readonly ReferralKind[];
export const referralStates = ['pending', 'accepted', 'declined', 'withdrawn', 'completed'] as const satisfies readonly ReferralState[];
export const shareableFields = ['narrative', 'workers', 'workerContacts', 'workerIdentity', 'complainant', 'respondents', 'reliefSought', 'outcomes'] as const satisfies readonly ShareableField[];
/** A transfer hands the case over: the receiver must at least know what happened and to whom. */
export const fieldsRequiredForTransfer: readonly ShareableField[] = ['narrative', 'workers'];
export const organisationServices = ['information', 'counselling', 'legal_aid', 'conciliation', 'shelter', 'medical', 'repatriation_support', 'consular_help'] as const satisfies readonly OrganisationService[];

// Every server code is listed here (an unlisted one is a type error).
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
export const everyCodeListed: [
  Missing<ReferralKind, (typeof referralKinds)[number]>,
  Missing<ReferralState, (typeof referralStates)[number]>,
  Missing<ShareableField, (typeof shareableFields)[number]>,
  Missing<OrganisationService, (typeof organisationServices)[number]>,
] = [true, true, true, true];

export type { ReferralKind, ReferralState, ShareableField, ReferralEventType, OrganisationService };

export interface OrganisationRef {
  id: string;
  name: string;
  country: string;
  type: string;
}

export interface ReferralSummary {
  id: string;
  kind: ReferralKind;
  state: ReferralState;
  direction: 'incoming' | 'outgoing';
  from: OrganisationRef;
  to: OrganisationRef;
  /** The sender's complaint (outgoing), or a transfer's new complaint (incoming, once accepted). */
  complaintId: string | null;
  reference: string;
  grievances: string[];
  createdAt: string;
  responseDueAt: string;
  overdue: boolean;
  updatedAt: string;
}

export interface ReferralOutcome {
  type: string;
  currency?: string;
  claimed?: number;
  awarded?: number;
  received?: number;
  note?: string;
}

export interface SharedWorker {
  name?: string;
  nameLatin?: string;
  sex?: string;
  languages?: string[];
  phone?: string;
  birthDate?: string;
  birthYear?: number;
  nationality?: string;
  passportNumber?: string;
}

/** The shared part of a complaint, as the receiver sees it. Absent keys were not shared. */
export interface SharedCase {
  reference: string;
  channel: string;
  receivedAt: string;
  origin: string;
  destination: string;
  sector: string | null;
  occupation: string | null;
  stage: string;
  grievances: string[];
  workerCount: number;
  rightsFacts: Record<string, unknown> | null;
  consent: { services: boolean; shareWithOrganisations: boolean; statistics: boolean };
  narrative?: { text: string; language: string };
  workers?: SharedWorker[];
  complainant?: Record<string, unknown>;
  respondents?: Array<{ type: string; name: string; country: string | null; agencyId: string | null }>;
  reliefSought?: Array<{ type: string; amount?: { amount: number; currency: string } }>;
  outcomes?: Array<{ type: string; currency: string | null; claimed: number | null; awarded: number | null; received: number | null; decidedOn: string | null }>;
}

export interface ReferralEvent {
  id: string;
  type: ReferralEventType;
  organisationId: string;
  userName: string | null;
  body: string | null;
  data: Record<string, unknown>;
  occurredAt: string;
}

export interface Referral extends ReferralSummary {
  reason: string;
  sharedFields: ShareableField[];
  shared: SharedCase;
  hideReceiverFromWorker: boolean;
  consentOverride: { reason: string; by: string | null; at: string } | null;
  respondedAt: string | null;
  completedAt: string | null;
  outcome: ReferralOutcome | null;
  events: ReferralEvent[];
}

export interface ReferralCounts {
  incoming: { pending: number; accepted: number; overdue: number };
  outgoing: { pending: number; accepted: number; overdue: number };
}

export interface Area {
  country: string;
  subdivision?: string;
  name?: string;
}

export interface FocalPoint {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
  languages: string[];
}

export interface DirectoryProfile {
  description?: string;
  services: OrganisationService[];
  areas: Area[];
  hours?: string;
  contacts: { phone?: string; hotline?: string; email?: string; address?: string; website?: string };
  focalPoints: FocalPoint[];
  listed: boolean;
}

/** An organisation as the desk directory answers it. */
export interface DirectoryOrganisation {
  id: string;
  name: string;
  type: string;
  country: string;
  languages: string[];
  acceptsPublicComplaints: boolean;
  profile: DirectoryProfile;
  /** The partner Lintas node hosting it; null when hosted on this node. */
  nodeId: string | null;
}
