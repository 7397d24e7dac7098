import type * as Y from 'yjs';
import type { IndexeddbPersistence } from 'y-indexeddb';

/**
 * Tells when this client's own changes are safely in the offline copy, so "your changes are
 * kept on this device" is true when we say it. y-indexeddb writes each update in its own
 * read-write transaction as the update happens; a read-only transaction on the same store opened
 * afterwards completes only after those writes did (IndexedDB orders overlapping transactions).
 * `remoteOrigins` are the origins of updates that came from elsewhere (the provider).
 */
export function trackDeviceSaves(
  doc: Y.Doc,
  persistence: IndexeddbPersistence,
  remoteOrigins: readonly unknown[],
  onChange: (unsaved: boolean) => void,
): () => void {
  let pending = 0;
  let stopped = false;

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === persistence || remoteOrigins.includes(origin)) return;
    const db = persistence.db;
    if (!db) return; // Not open yet: the whole state is written when it opens.
    pending += 1;
    onChange(true);
    let transaction: IDBTransaction;
    try {
      transaction = db.transaction(['updates'], 'readonly');
    } catch {
      return; // The database is closing (session ending); nothing to report any more.
    }
    const settle = () => {
      pending -= 1;
      if (!stopped && pending === 0) onChange(false);
    };
    transaction.oncomplete = settle;
    transaction.onerror = settle;
    transaction.onabort = settle;
  };
  // Registered after the offline copy's writer (paceDeviceCopy), so its write transaction
  // exists already.
  doc.on('update', onUpdate);
  return () => {
    stopped = true;
    doc.off('update', onUpdate);
  };
}
