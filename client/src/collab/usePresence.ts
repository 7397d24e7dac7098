import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { AwarenessUser } from '@accord/shared/protocol';

export interface PresentPerson {
  clientId: number;
  user: AwarenessUser;
  isSelf: boolean;
}

function isAwarenessUser(value: unknown): value is AwarenessUser {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as Record<string, unknown>;
  return typeof user.name === 'string' && typeof user.participant === 'string';
}

function read(awareness: Awareness): PresentPerson[] {
  const people: PresentPerson[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user: unknown = (state as { user?: unknown }).user;
    if (isAwarenessUser(user)) {
      people.push({ clientId, user, isSelf: clientId === awareness.clientID });
    }
  });
  return people;
}

/**
 * Who is in the document, from awareness. Awareness changes with every cursor move; the list
 * re-renders only when someone came, left or changed name, not per keystroke.
 */
export function usePresence(awareness: Awareness | null): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([]);
  useEffect(() => {
    if (!awareness) return;
    let signature = '';
    const refresh = () => {
      const next = read(awareness);
      const nextSignature = next
        .map((p) => `${p.clientId}:${p.user.name}:${p.user.delegation ?? ''}:${p.user.role}`)
        .join('|');
      if (nextSignature === signature) return;
      signature = nextSignature;
      setPeople(next);
    };
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);
  return awareness ? people : [];
}
