import { useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { SERVER_AWARENESS_CLIENT, type ServerAnnouncement } from '@accord/shared';

/**
 * Calls `onChange` with the document status the server announces (a lock, an unlock) the
 * moment it arrives, so the editor turns read-only at once rather than at its next edit.
 */
export function useServerStatus(
  awareness: Awareness | null,
  known: string | undefined,
  onChange: () => void,
): void {
  useEffect(() => {
    if (!awareness) return;
    const check = () => {
      const state = awareness.getStates().get(SERVER_AWARENESS_CLIENT) as
        | Partial<ServerAnnouncement>
        | undefined;
      const status = state?.document?.status;
      if (status && known && status !== known) onChange();
    };
    check();
    awareness.on('change', check);
    return () => awareness.off('change', check);
  }, [awareness, known, onChange]);
}
