import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { CloseCode, COLLAB_PATH, MessageType } from '@accord/shared/protocol';
import { readAuthMessage } from '@accord/shared/wire';
import { awarenessQuietSocket, coalesceAwareness } from './awarenessCoalescer';
import { paceDeviceCopy } from './deviceCopyPacing';
import { trackDeviceSaves } from './deviceSaves';

/** What the connection indicator shows. */
export type ConnectionState = 'connecting' | 'connected' | 'synced' | 'reconnecting' | 'offline';

export interface CollabSnapshot {
  state: ConnectionState;
  /** Local changes not yet known to be written to this device's offline copy. */
  unsavedOnDevice: boolean;
}

export interface CollabSessionOptions {
  documentId: string;
  token: string;
  /** The IndexedDB name of this participant's offline copy of this document. */
  cacheName: string;
  /** The server refused an update (close 4409); `reason` is the auth message's, if any. */
  onRefused: (reason: string | null) => void;
  /** The server ended the connection for good (4401 revoked, 4403, 4404, …). */
  onFinalClose: (code: number) => void;
}

function websocketBase(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}${COLLAB_PATH}`;
}

/**
 * One document's live copy: a Y.Doc, its offline copy in IndexedDB and its WebSocket to the
 * relay. A session is used once: after a refused update the app destroys it, clears the offline
 * copy and starts a new one, since Yjs cannot take back what the refused client holds.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence;
  private snapshot: CollabSnapshot = { state: 'connecting', unsavedOnDevice: false };
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private refusalReason: string | null = null;
  private finalClosed = false;
  private destroyed = false;

  constructor(private readonly options: CollabSessionOptions) {
    this.persistence = new IndexeddbPersistence(options.cacheName, this.doc);
    // No BroadcastChannel: two tabs may hold two delegations' tokens.
    this.provider = new WebsocketProvider(websocketBase(), options.documentId, this.doc, {
      params: { token: options.token },
      disableBc: true,
      connect: false,
      // Awareness goes out through `coalesceAwareness` alone: own state only, five a second.
      WebSocketPolyfill: awarenessQuietSocket(),
    });
    // The reason sent before a 4409 close, for the refusal notice (see `onRefused`).
    this.provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      this.refusalReason = readAuthMessage(decoder).reason;
    };
    this.cleanups.push(coalesceAwareness(this.provider));
    this.cleanups.push(paceDeviceCopy(this.doc, this.persistence, this.provider));
    this.cleanups.push(
      trackDeviceSaves(this.doc, this.persistence, [this.provider], (unsaved) =>
        this.update({ unsavedOnDevice: unsaved }),
      ),
    );
    this.listenToProvider();
    this.listenToNetwork();
    // Connect once the offline copy is loaded, so the first exchange already carries it.
    const connect = () => {
      if (!this.destroyed && navigator.onLine) this.provider.connect();
      else if (!navigator.onLine) this.update({ state: 'offline' });
    };
    const fallback = setTimeout(connect, 2000); // IndexedDB unavailable (private mode): go on.
    this.cleanups.push(() => clearTimeout(fallback));
    void this.persistence.whenSynced.then(() => {
      clearTimeout(fallback);
      connect();
    });
  }

  private listenToProvider(): void {
    const provider = this.provider;
    provider.on('status', ({ status }) => {
      if (status === 'connected') this.update({ state: 'connected' });
      else if (!navigator.onLine) this.update({ state: 'offline' });
      else if (status === 'connecting')
        this.update({
          state: this.snapshot.state === 'connecting' ? 'connecting' : 'reconnecting',
        });
      else this.update({ state: 'reconnecting' });
    });
    provider.on('sync', (synced) => {
      if (synced) this.update({ state: 'synced' });
    });
    provider.on('closed', ({ code }) => {
      this.finalClosed = true;
      if (code === CloseCode.refused) this.options.onRefused(this.refusalReason);
      else this.options.onFinalClose(code);
    });
  }

  private listenToNetwork(): void {
    // The browser knows before the socket does: show "offline" at once and stop retrying.
    const offline = () => {
      this.provider.disconnect();
      this.update({ state: 'offline' });
    };
    const online = () => {
      if (this.finalClosed || this.destroyed) return;
      this.update({ state: 'reconnecting' });
      this.provider.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.cleanups.push(() => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    });
  }

  private update(change: Partial<CollabSnapshot>): void {
    const next = { ...this.snapshot, ...change };
    if (
      next.state === this.snapshot.state &&
      next.unsavedOnDevice === this.snapshot.unsavedOnDevice
    )
      return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  /** For `useSyncExternalStore`. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CollabSnapshot => this.snapshot;

  /** Closes the connection and the offline copy; the copy stays on the device. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  /** Destroys the session and deletes its offline copy (after a refusal: the server is right). */
  async discardLocalCopy(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.provider.destroy();
    await this.persistence.clearData();
    this.destroy();
  }
}
