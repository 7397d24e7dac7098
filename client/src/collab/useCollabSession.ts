import { useEffect, useState } from 'react';
import { CollabSession } from './collabSession';

export interface CollabSessionState {
  /** The live session, or null while the first (or a fresh) one is being set up. */
  session: CollabSession | null;
  /** Set after a refused update: the server's reason (`RefusalReason`) or 'unknown'. */
  refusal: string | null;
  dismissRefusal: () => void;
  /** Set when the server ended the connection for good (4401, 4403, 4404…). */
  finalClose: number | null;
}

/**
 * Opens a document's collaboration session for this tab and keeps it for the page's life. After
 * a refused update (4409) it discards the local copy (memory and offline cache) and opens a fresh
 * session, which loads the server's state. Created in an effect with cleanup (never in state or
 * memo), so StrictMode's double mount does not leave a second connection open.
 */
export function useCollabSession(
  documentId: string,
  token: string,
  cacheName: string,
): CollabSessionState {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [generation, setGeneration] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [finalClose, setFinalClose] = useState<number | null>(null);

  useEffect(() => {
    const created: CollabSession = new CollabSession({
      documentId,
      token,
      cacheName,
      onRefused: (reason) => {
        setRefusal(reason ?? 'unknown');
        setSession(null);
        created.discardLocalCopy().then(
          () => setGeneration((n) => n + 1),
          // Clearing the cache failed (storage error): a fresh session still loads the server's
          // state; the stale copy merges in only what the server already refused once.
          () => setGeneration((n) => n + 1),
        );
      },
      onFinalClose: (code) => setFinalClose(code),
    });
    // Publishing the session made by this effect is the point of the effect: it must be created
    // here (with cleanup), not during render, or StrictMode would open two connections.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(created);
    return () => created.destroy();
  }, [documentId, token, cacheName, generation]);

  return { session, refusal, dismissRefusal: () => setRefusal(null), finalClose };
}
