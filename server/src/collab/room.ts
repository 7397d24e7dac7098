import type * as Y from 'yjs';
import { CloseCode, RefusalReason, SERVER_AWARENESS_CLIENT } from '@accord/shared';
import type { DocumentEvent, ServerAnnouncement } from '@accord/shared';
import { authorId } from '../auth/principal';
import { dispatch, type MessageHandlers } from './dispatch';
import type { FreshJoinAnswer } from './fresh-join';
import type { RemoteFanOut } from './remote-fan-out';
import type { Greeting } from './greeting';
import { permissionDeniedMessage, updateMessage } from './messages';
import type { Peer } from './peer';
import type { UpdateAdmission } from './room-admission';
import type { AwarenessRelay } from './room-awareness';
import type { RoomCheckpoints } from './room-checkpoints';
import { applyServerChange, type RoomDocument } from './room-document';
import type { RoomFlush } from './room-flush';
import type { RoomOptions, ServerChange } from './room-options';
import { roomParts, type RoomReports } from './room-parts';

export type { RoomOptions, ServerChange } from './room-options';

type RoomState = 'loading' | 'ready' | 'failed' | 'closed';

/**
 * One open document: the peers editing it and its lifecycle. It loads the document from the log
 * (holding early messages in a bounded queue meanwhile), greets each peer, hands each message to
 * the part that handles it (`UpdateAdmission`, `AwarenessRelay`, `RoomFlush`), and when the
 * log or Yjs fails, sends everyone away to come back to a room loaded afresh. Nothing reaches
 * a peer before it is in the update log. Transport-agnostic: see `Peer`.
 */
export class Room {
  readonly documentId: string;
  readonly ready: Promise<void>;
  private state: RoomState = 'loading';
  private readonly peers = new Set<Peer>();
  private readonly handlers = new Map<Peer, MessageHandlers>();
  private readonly queued = new Map<Peer, Uint8Array[]>();
  private readonly document: RoomDocument;
  private readonly flushes: RoomFlush;
  private readonly admission: UpdateAdmission;
  private readonly awareness: AwarenessRelay;
  private readonly greeting: Greeting;
  private readonly freshJoin: FreshJoinAnswer;
  private readonly checkpoints: RoomCheckpoints;
  private readonly maxQueuedPerPeer: number;
  private readonly reports: RoomReports;
  private readonly remote: RemoteFanOut;

  constructor(private readonly options: RoomOptions) {
    this.documentId = options.documentId;
    const parts = roomParts(options, {
      recipients: () => [...this.peers].filter((p) => p.isOpen && !this.queued.has(p)),
      broadcast: (message, except) => this.broadcast(message, except),
      isLive: () => this.state === 'ready',
      settled: () => this.settled(),
      storageFailed: (error) => this.failStorage(error),
      applyFailed: (error) => this.failApply(error),
    });
    this.document = parts.document;
    this.flushes = parts.flushes;
    this.admission = parts.admission;
    this.awareness = parts.awareness;
    this.greeting = parts.greeting;
    this.freshJoin = parts.freshJoin;
    this.checkpoints = parts.checkpoints;
    this.reports = parts.reports;
    this.remote = parts.remote;
    this.maxQueuedPerPeer = parts.maxQueuedPerPeer;
    this.ready = this.load();
  }

  /** The seq of the last accepted update. */
  get seq(): number {
    return this.document.lastSeq;
  }

  /** The seq the log held when the document was loaded. */
  get loadedSeq(): number {
    return this.document.loadedSeq;
  }

  /** Whether the document is loaded and serving. */
  get isLive(): boolean {
    return this.state === 'ready';
  }

  /** When the last update was accepted (ms since the epoch), or 0. */
  get lastChangeAt(): number {
    return this.document.lastChangeAt;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  get isUsable(): boolean {
    return this.state === 'loading' || this.state === 'ready';
  }

  private async load(): Promise<void> {
    try {
      const stored = await this.options.log.load(this.documentId);
      this.document.load(stored);
      this.checkpoints.count(stored.updates.length);
      if (stored.repaired) {
        this.options.logger.warn('document loaded after cutting a torn record', {
          documentId: this.documentId,
          ...stored.repaired,
        });
      }
      this.state = 'ready';
      this.announceStatus();
    } catch (error) {
      // A failed load is reported and the room never serves or saves an empty document.
      this.state = 'failed';
      this.options.logger.error('document could not be loaded', {
        documentId: this.documentId,
        error: errorText(error),
      });
      for (const peer of this.peers) peer.close(CloseCode.unavailable, 'document unavailable');
      throw error;
    }
    for (const [peer, messages] of this.queued) {
      this.queued.delete(peer);
      if (!peer.isOpen) continue;
      this.greet(peer);
      for (const message of messages) if (this.state === 'ready') this.process(peer, message);
    }
  }

  /** A peer joins. Until the document has loaded its messages wait in a bounded queue. */
  handleConnect(peer: Peer): void {
    if (!this.isUsable) {
      peer.close(CloseCode.unavailable, 'document unavailable');
      return;
    }
    this.peers.add(peer);
    if (this.state === 'ready') this.greet(peer);
    else this.queued.set(peer, []);
  }

  private greet(peer: Peer): void {
    peer.sendAll(this.greeting.for(this.awareness.snapshot()));
  }

  handleMessage(peer: Peer, message: Uint8Array): void {
    if (!this.peers.has(peer) || !peer.isOpen) return;
    const waiting = this.queued.get(peer);
    if (waiting) {
      if (waiting.length >= this.maxQueuedPerPeer) {
        this.reports.overLimit(peer, 'too many messages while loading', `${waiting.length}`);
      } else {
        waiting.push(message);
      }
      return;
    }
    if (this.state === 'ready') this.process(peer, message);
  }

  handleClose(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    this.queued.delete(peer);
    this.handlers.delete(peer);
    this.admission.release(peer);
    this.awareness.release(peer);
    if (this.peers.size === 0) this.options.onEmpty(this);
  }

  /** The handlers of one peer's messages, made once per connection (the hot path). */
  private handlersFor(peer: Peer): MessageHandlers {
    let handlers = this.handlers.get(peer);
    if (!handlers) {
      handlers = {
        syncRequest: (stateVector) => this.flushes.requestSync(peer, stateVector),
        update: (update) => this.admission.receive(peer, update),
        awareness: (update) => this.awareness.receive(peer, update),
        queryAwareness: () => this.awareness.query(peer),
      };
      this.handlers.set(peer, handlers);
    }
    return handlers;
  }

  private process(peer: Peer, message: Uint8Array): void {
    try {
      dispatch(message, this.handlersFor(peer));
    } catch (error) {
      this.options.logger.warn('malformed message', {
        documentId: this.documentId,
        participant: authorId(peer.principal),
        error: errorText(error),
      });
      peer.close(CloseCode.malformed, 'malformed message');
    }
  }

  /** Applies a change made by the server (e.g. a restore) as an attributed update. */
  async applyServerChange(change: ServerChange): Promise<void> {
    await this.ready;
    applyServerChange(this.document, change, (error) => this.failApply(error));
    await this.flushes.flush();
  }

  /**
   * The clustered mode: updates another process accepted and stored, up to `seq`, applied and
   * relayed to this room's peers (never written again). Ignored unless the room is serving.
   */
  applyStored(
    update: Uint8Array,
    bindings: Iterable<readonly [number, string]>,
    seq: number,
    mayHoldOwn = false,
  ): void {
    if (this.state !== 'ready') return;
    let relayed: Uint8Array | null = update;
    try {
      // Read back from the database, a batch may hold this room's own updates, which its
      // devices have had or will have from its flush: only the rest is relayed, never twice.
      if (mayHoldOwn) relayed = this.document.lacking(update);
      this.document.applyStored(update, bindings, seq);
    } catch (error) {
      this.failApply(error);
      return;
    }
    if (!relayed) return;
    this.remote.add(updateMessage(relayed));
    this.freshJoin.relayed(relayed);
  }

  /** The clustered mode: every update up to `seq` is in this room's document. */
  storedUpTo(seq: number): void {
    if (this.state === 'ready') this.document.storedUpTo(seq);
  }

  /** The clustered mode: an awareness message from the same document's peers elsewhere. */
  relayAwareness(message: Uint8Array): void {
    if (this.state !== 'ready') return;
    // Kept first, so that the echoes this process's devices send back are known for echoes.
    if (this.awareness.mirror(message)) this.remote.add(message);
  }

  /** Writes, then relays, everything accepted so far; then answers waiting sync requests. */
  flush(): Promise<void> {
    return this.flushes.flush();
  }

  private broadcast(message: Uint8Array, except: Peer | null): void {
    for (const peer of this.peers) {
      if (peer !== except && peer.isOpen && !this.queued.has(peer)) peer.send(message);
    }
  }

  /** Everything is written: a checkpoint may start. */
  private settled(): void {
    if (this.state !== 'ready') return;
    const size = this.checkpoints.maybeStart(this.document.checkpointSource());
    if (size !== null) this.document.approximateBytes = size;
  }

  private failApply(error: unknown): void {
    // Yjs may have integrated part of the update: the document can no longer be trusted to
    // equal the log. Write what was accepted before, then send everyone back to reload.
    this.state = 'failed';
    this.awareness.stop();
    this.options.logger.error('update could not be applied', {
      documentId: this.documentId,
      error: errorText(error),
    });
    const entries = this.flushes.abandon();
    void this.options.log
      .append(
        this.documentId,
        entries.filter((e) => e.kind === 'bind' || e.update.length > 0),
      )
      .catch(() => undefined)
      .finally(() => {
        for (const peer of this.peers) peer.close(CloseCode.unavailable, 'document reloading');
      });
  }

  /**
   * An append was rejected (disk full, read-only): the document now holds updates the log does
   * not. None of them is relayed; every peer is told, then closed with 4503 so that its provider
   * comes back and sends again what the server lacks, to a room loaded afresh from the log.
   */
  private failStorage(error: unknown): void {
    if (this.state !== 'ready') return;
    this.state = 'failed';
    this.awareness.stop();
    // The clustered mode's log refuses an edit that a lock on another process overtook.
    if (refusalOf(error) === RefusalReason.locked) {
      this.reports.report('update_refused', null, {
        text: `${RefusalReason.locked}: ${errorText(error)}`,
        key: 'langaudit.audit.updateRefused',
        values: { reason: RefusalReason.locked, detail: errorText(error) },
      });
      const refused = permissionDeniedMessage(RefusalReason.locked);
      for (const peer of this.peers) {
        peer.send(refused);
        peer.close(CloseCode.refused, RefusalReason.locked);
      }
      return;
    }
    this.reports.report('storage_unavailable', null, {
      text: errorText(error),
      key: 'langaudit.audit.storageUnavailable',
      values: { error: errorText(error) },
    });
    const notice = permissionDeniedMessage(RefusalReason.storageUnavailable);
    for (const peer of this.peers) {
      peer.send(notice);
      peer.close(CloseCode.unavailable, RefusalReason.storageUnavailable);
    }
  }

  /** The live document, read-only for callers (content, versions). Resolves once written. */
  async read<T>(
    reader: (doc: Y.Doc, lastSeq: number, bindings: ReadonlyMap<number, string>) => T,
  ): Promise<T> {
    await this.ready;
    await this.flushes.flush().catch(() => undefined);
    // A room whose writes failed holds what the log does not: never read from it.
    if (this.state !== 'ready') throw new Error(`document ${this.documentId} is unavailable`);
    return reader(this.document.doc, this.document.lastSeq, this.document.bindings);
  }

  /**
   * Tells every connected client the document's status (after a lock or an unlock), through
   * the server's awareness state: editors turn read-only at once, not at their next edit.
   */
  announceStatus(event?: DocumentEvent): void {
    const announcement: ServerAnnouncement = {
      document: { status: this.options.isLocked() ? 'locked' : 'drafting' },
      ...(event ? { event } : {}),
    };
    this.awareness.announce(SERVER_AWARENESS_CLIENT, announcement);
  }

  /** Closes every peer of `participantId` (revoked token). */
  closeParticipant(participantId: string, code: number, reason: string): void {
    for (const peer of this.peers) {
      if (peer.principal.participant?.id === participantId) peer.close(code, reason);
    }
  }

  /** Closes the connections whose principal matches (e.g. the secretariat's, after a rotation). */
  closeWhere(
    matches: (principal: Peer['principal']) => boolean,
    code: number,
    reason: string,
  ): void {
    for (const peer of this.peers) if (matches(peer.principal)) peer.close(code, reason);
  }

  /** Flushes, checkpoints what is new, and releases the document. */
  async close(code: number = CloseCode.goingAway): Promise<void> {
    if (this.state === 'closed') return;
    for (const peer of this.peers) peer.close(code, 'server closing');
    if (this.state === 'ready') {
      await this.flushes.flush();
      await this.checkpoints.finish(this.document.checkpointSource());
    }
    this.state = 'closed';
    this.freshJoin.forget();
    this.awareness.stop();
    this.document.doc.destroy();
  }
}

function refusalOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'refusal' in error
    ? error.refusal
    : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
