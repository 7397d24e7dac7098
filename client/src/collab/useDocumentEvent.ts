import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import {
  SERVER_AWARENESS_CLIENT,
  type DocumentEvent,
  type ServerAnnouncement,
} from '@accord/shared';

/**
 * The chair's latest lock, unlock or restore that happened while this page was open, from the
 * server's announcement. The event a joining client finds already announced is old news (it
 * happened before the delegate came in) and is not shown.
 */
export function useDocumentEvent(awareness: Awareness | null): {
  event: DocumentEvent | null;
  dismiss: () => void;
} {
  const [event, setEvent] = useState<DocumentEvent | null>(null);
  useEffect(() => {
    if (!awareness) return;
    let seen: string | null | undefined;
    const check = () => {
      const state = awareness.getStates().get(SERVER_AWARENESS_CLIENT) as
        | Partial<ServerAnnouncement>
        | undefined;
      // The first announcement this session receives sets what "already happened" means.
      if (state === undefined) return;
      const at = state.event?.at ?? null;
      if (seen === undefined) {
        seen = at;
        return;
      }
      if (at === null || at === seen || !state.event) return;
      seen = at;
      setEvent(state.event);
    };
    check();
    awareness.on('change', check);
    return () => awareness.off('change', check);
  }, [awareness]);
  return { event, dismiss: () => setEvent(null) };
}
