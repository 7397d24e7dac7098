import { createContext, useContext } from 'react';
import type { SessionInfo } from '@accord/shared/api';
import { can, type Action } from '@accord/shared/roles';

/** Who this tab speaks as, from `GET /api/session`; set once the app has loaded it. */
export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside of a loaded session');
  return session;
}

/** Whether this tab's role may do `action` (the server decides too; this only shapes the UI). */
export function useCan(action: Action): boolean {
  return can(useSession().role, action);
}
