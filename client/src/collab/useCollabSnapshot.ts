import { useSyncExternalStore } from 'react';
import type { CollabSession, CollabSnapshot } from './collabSession';

const NO_SESSION = () => () => {};

/**
 * One value read from a session's connection state, re-rendering only when that value changes.
 * The snapshot changes twice per keystroke ("unsaved on this device", then "saved"): a page that
 * read all of it would re-render every control on it while a delegate types.
 */
export function useCollabSnapshot<T>(
  session: CollabSession | null,
  select: (snapshot: CollabSnapshot | null) => T,
): T {
  return useSyncExternalStore(session?.subscribe ?? NO_SESSION, () =>
    select(session ? session.getSnapshot() : null),
  );
}
