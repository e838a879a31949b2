import { createContext, useContext } from 'react';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: 'desk_officer' | 'case_manager' | 'supervisor' | 'org_admin' | 'analyst' | 'system_admin';
  organisationId: string;
}
export interface Organisation {
  id: string;
  name: string;
  type: string;
  country: string;
  languages: string[];
  firstActionDays: number;
  resolutionDays: number;
}
export interface Session {
  user: SessionUser;
  organisation: Organisation | null;
  logOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user and their organisation; only used inside the signed-in part of the desk. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}
