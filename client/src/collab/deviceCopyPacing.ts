import * as Y from 'yjs';
import type { IndexeddbPersistence } from 'y-indexeddb';

/**
 * How long other delegations' changes may wait before they join the offline copy. They are safe
 * on the server meanwhile, and one write for all that arrived in this time costs a fraction of
 * one write each.
 */
export const REMOTE_WRITE_DELAY_MS = 100;

/** y-indexeddb's store of updates (its `updatesStoreName`, not exported). */
const UPDATES_STORE = 'updates';

/**
 * Keeps the offline copy's writes from standing between a keystroke and the screen.
 *
 * y-indexeddb writes every update in its own IndexedDB transaction, synchronously, as the update
 * happens: about a millisecond of the main thread each (measured in Chromium here). For our own
 * keystroke that write came before the WebSocket send; for a colleague's it came before the
 * browser could paint it, forty times a second in a busy room. Now our own changes are sent
 * first and written right after (still in the same task, so "kept on this device" stays true at
 * once), and changes from the room (`remoteOrigin`) are merged and written together at most
 * `delayMs` later, or at once when the page is hidden (another tab, a closed lid, the tab being
 * closed): a delegate who reads a colleague's last words and shuts the laptop must find them in
 * the copy offline. Call after the provider is created, before anything that must see the write
 * transaction already open (`trackDeviceSaves`). Returns a function that writes what is waiting
 * and restores nothing (the persistence is being destroyed with the session).
 */
export function paceDeviceCopy(
  doc: Y.Doc,
  persistence: IndexeddbPersistence,
  remoteOrigin: unknown,
  delayMs = REMOTE_WRITE_DELAY_MS,
): () => void {
  const write = persistence._storeUpdate;
  // Registered again after the provider's listener: listeners run in the order they were added.
  doc.off('update', write);
  let waiting: Uint8Array[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const writeWaiting = (leaving = false) => {
    timer = null;
    if (waiting.length === 0) return;
    const merged = waiting.length === 1 ? waiting[0]! : Y.mergeUpdates(waiting);
    waiting = [];
    if (leaving && persistence.db) writeBeforeLeaving(persistence, merged);
    else write(merged, remoteOrigin);
  };

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== remoteOrigin) {
      write(update, origin);
      return;
    }
    waiting.push(update);
    timer ??= setTimeout(writeWaiting, delayMs);
  };
  doc.on('update', onUpdate);

  const writeNow = () => {
    if (timer !== null) clearTimeout(timer);
    writeWaiting(true);
  };
  const onVisibilityChange = () => {
    if (document.visibilityState === 'hidden') writeNow();
  };
  document.addEventListener('visibilitychange', onVisibilityChange);
  window.addEventListener('pagehide', writeNow);

  return () => {
    document.removeEventListener('visibilitychange', onVisibilityChange);
    window.removeEventListener('pagehide', writeNow);
    if (timer !== null) clearTimeout(timer);
    writeWaiting();
    doc.off('update', onUpdate);
  };
}

/**
 * y-indexeddb's write, committed at once: a tab being closed may be torn down before IndexedDB
 * would commit on its own, and an uncommitted transaction is then lost.
 */
function writeBeforeLeaving(persistence: IndexeddbPersistence, update: Uint8Array): void {
  try {
    const transaction = persistence.db!.transaction([UPDATES_STORE], 'readwrite');
    transaction.objectStore(UPDATES_STORE).add(update);
    transaction.commit();
    // y-indexeddb compacts its store after this many writes: keep its count right.
    persistence._dbsize += 1;
  } catch {
    // The database is closing with the session: the server has these changes.
  }
}
