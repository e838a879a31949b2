import { AppError } from '../../lib/errors';
import type { Actor, Role, UserActor } from './actor';

// Who may do what. Complaint permissions are always also scoped to the actor's own organisation by the services.
const permissions = {
  'complaint.create': ['desk_officer', 'case_manager', 'supervisor'],
  'complaint.list': ['desk_officer', 'case_manager', 'supervisor', 'analyst'],
  'complaint.read': ['desk_officer', 'case_manager', 'supervisor'],
  'complaint.record_event': ['desk_officer', 'case_manager', 'supervisor'],
  'complaint.attach_evidence': ['desk_officer', 'case_manager', 'supervisor'],
  'complaint.transition': ['case_manager', 'supervisor'],
  'complaint.reopen': ['supervisor'],
  'complaint.record_outcome': ['case_manager', 'supervisor'],
  'complaint.assign': ['case_manager', 'supervisor'],
  'complaint.read_audit': ['supervisor'],
  'referral.create': ['desk_officer', 'case_manager', 'supervisor'],
  'referral.override_consent': ['supervisor'],
  'referral.read': ['desk_officer', 'case_manager', 'supervisor'],
  'referral.respond': ['case_manager', 'supervisor'],
  'referral.message': ['desk_officer', 'case_manager', 'supervisor'],
  'federation.manage': ['system_admin'],
  // Exports are de-identified (no names, contacts, documents or narratives) unless the role may take personal data out.
  'complaint.export': ['desk_officer', 'case_manager', 'supervisor', 'analyst'],
  'complaint.export_personal': ['supervisor'],
  'complaint.import': ['case_manager', 'supervisor'],
  'organisation.create': ['system_admin'],
  'organisation.update_deadlines': ['org_admin', 'system_admin'],
  'organisation.update_profile': ['org_admin', 'system_admin'],
  'user.create': ['org_admin', 'system_admin'],
  'agreement.manage': ['system_admin'],
  'agency.import': ['system_admin'],
  'agency.regulate': ['supervisor', 'org_admin', 'system_admin'],
  'agency.moderate': ['supervisor', 'org_admin', 'system_admin'],
  'user.list': ['desk_officer', 'case_manager', 'supervisor', 'org_admin', 'system_admin'],
  // Aggregates only (no personal data); a node administrator may see every organisation's.
  'dashboard.view': ['desk_officer', 'case_manager', 'supervisor', 'org_admin', 'analyst', 'system_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/** True when the actor's role carries the permission. */
export function can(actor: Actor, permission: Permission): actor is UserActor {
  return actor.kind === 'user' && (permissions[permission] as readonly Role[]).includes(actor.role);
}

/** Throws `forbidden` unless the actor's role carries the permission. */
export function authorize(actor: Actor, permission: Permission): asserts actor is UserActor {
  if (!can(actor, permission)) throw new AppError('forbidden');
}

/** Throws `not_found` (not `forbidden`, so that ids of other organisations reveal nothing) outside the actor's organisation. */
export function assertSameOrganisation(actor: UserActor, organisationId: string): void {
  if (actor.role !== 'system_admin' && actor.organisationId !== organisationId) throw new AppError('not_found');
}
