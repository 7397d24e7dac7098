import { useEffect, useRef, useState } from 'react';
import { CollabSession } from './collabSession';
import {
  paragraphsOf,
  refusedPassages,
  type ParagraphText,
  type RefusedPassage,
} from './refusedText';

export interface CollabSessionState {
  /** The live session, or null while the first (or a fresh) one is being set up. */
  session: CollabSession | null;
  /** Set after a refused update: the server's reason (`RefusalReason`) or 'unknown'. */
  refusal: string | null;
  /**
   * After a refusal, once the fresh session holds the server's text: what only this device had
   * (the refused words), so it is shown to the delegate instead of silently thrown away.
   */
  refusedText: RefusedPassage[];
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
  const [refusedText, setRefusedText] = useState<RefusedPassage[]>([]);
  // The refused session's text, read before its copy is discarded, until the server's arrives.
  const beforeRefusal = useRef<ParagraphText[] | null>(null);

  useEffect(() => {
    const created: CollabSession = new CollabSession({
      documentId,
      token,
      cacheName,
      onRefused: (reason) => {
        beforeRefusal.current = paragraphsOf(created.doc);
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
    setSession(created);
    // The first sync of the session after a refusal brings the server's text to compare with.
    const compare = (synced: boolean) => {
      const local = beforeRefusal.current;
      if (!synced || !local) return;
      beforeRefusal.current = null;
      setRefusedText(refusedPassages(local, paragraphsOf(created.doc)));
    };
    created.provider.on('sync', compare);
    return () => {
      created.provider.off('sync', compare);
      created.destroy();
    };
  }, [documentId, token, cacheName, generation]);

  return {
    session,
    refusal,
    refusedText,
    dismissRefusal: () => {
      setRefusal(null);
      setRefusedText([]);
    },
    finalClose,
  };
}
