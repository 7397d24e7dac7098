import { useState } from 'react';
import type { CollabSession } from '../collab/collabSession';
import { useCollabSnapshot } from '../collab/useCollabSnapshot';

/**
 * True from the moment the editor has the server's text (or knows it will not get it now:
 * offline, reconnecting), and true from then on. The side panels wait for it so that on
 * conference Wi-Fi their code does not share the line with the editor's first sync.
 */
export function useEditorSettled(session: CollabSession | null): boolean {
  const settledNow = useCollabSnapshot(
    session,
    (snapshot) =>
      snapshot !== null && snapshot.state !== 'connecting' && snapshot.state !== 'connected',
  );
  // Latched per session (React's "adjust state while rendering"): a later drop keeps the panels.
  const [settledFor, setSettledFor] = useState<CollabSession | null>(null);
  if (settledNow && session && settledFor !== session) setSettledFor(session);
  return settledNow || (session !== null && settledFor === session);
}
