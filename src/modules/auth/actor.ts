export const roles = ['desk_officer', 'case_manager', 'supervisor', 'org_admin', 'analyst', 'system_admin'] as const;
export type Role = (typeof roles)[number];

/** Who is acting: a signed-in user, a worker on the public pages, or Lintas itself (CLI, seeding). */
export type Actor =
  | { kind: 'user'; userId: string; organisationId: string; role: Role }
  | { kind: 'public' }
  | { kind: 'system' };

export type UserActor = Extract<Actor, { kind: 'user' }>;
