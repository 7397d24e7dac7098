import * as Y from 'yjs';
import { CloseCode, RefusalReason, SERVER_AWARENESS_CLIENT, can } from '@accord/shared';
import type { ServerAnnouncement } from '@accord/shared';
import { authorId } from '../auth/principal';
import type { LogEntry } from '../storage';
import { AwarenessTable } from './awareness-table';
import { dispatch, type MessageHandlers } from './dispatch';
import { awarenessMessage, permissionDeniedMessage, updateMessage } from './messages';
import type { Peer } from './peer';
import { FreshJoinAnswer } from './fresh-join';
import { Greeting } from './greeting';
import { RoomCheckpoints, type CheckpointSource } from './room-checkpoints';
import { CaretOwners } from './caret-owners';
import { checkUpdate } from './update-check';
import { answerSyncRequests, sendFlush, type SyncRequest } from './fan-out';
import type { RoomOptions, ServerChange } from './room-options';

export type { RoomOptions, ServerChange } from './room-options';

type RoomState = 'loading' | 'ready' | 'failed' | 'closed';

/**
 * One open document: its `Y.Doc`, the peers editing it, their awareness, and the rule that
 * nothing reaches a peer before it is in the update log.
 *
 * Within one event-loop turn, accepted updates are applied to the document and collected; at
 * the end of the turn they are appended to the log in one write, merged, encoded once and sent
 * to every peer. Sync answers that carry document state wait for that flush, so no client ever
 * holds state the log does not. Transport-agnostic: see `Peer`.
 */
export class Room {
  readonly documentId: string;
  readonly ready: Promise<void>;
  private state: RoomState = 'loading';
  private readonly doc = new Y.Doc({ gc: true });
  private bindings = new Map<number, string>();
  private lastSeq = 0;
  private lastChange = 0;
  /** The document's encoded size, near enough: the last full state plus updates since. */
  private approximateBytes = 0;
  private readonly peers = new Set<Peer>();
  private readonly caretOwners = new CaretOwners();
  private readonly handlers = new Map<Peer, MessageHandlers>();
  private readonly queued = new Map<Peer, Uint8Array[]>();
  private readonly awareness = new AwarenessTable();
  private readonly greeting = new Greeting(this.doc);
  private readonly freshJoin = new FreshJoinAnswer(this.doc);
  private readonly checkpoints: RoomCheckpoints;
  private entries: LogEntry[] = [];
  private updates: Uint8Array[] = [];
  private replies: SyncRequest[] = [];
  /** The peers whose updates are in the current batch (null for the server's own). */
  private origins = new Set<Peer | null>();
  private awarenessTimer: NodeJS.Timeout | null = null;
  private flushScheduled = false;
  private flushing: Promise<void> | null = null;

  constructor(private readonly options: RoomOptions) {
    this.documentId = options.documentId;
    this.checkpoints = new RoomCheckpoints(
      options.documentId,
      options.log,
      options.logger,
      options.checkpointEvery,
    );
    // Not 'update': a listener there makes Yjs encode every transaction as an update, which
    // the relay never needs (it relays the bytes it received).
    this.doc.on('afterTransaction', () => this.greeting.documentChanged());
    this.ready = this.load();
  }

  /** The seq of the last accepted update. */
  get seq(): number {
    return this.lastSeq;
  }

  /** When the last update was accepted (ms since the epoch), or 0. */
  get lastChangeAt(): number {
    return this.lastChange;
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
      const parts = stored.updates.map((u) => u.update);
      if (stored.checkpoint) parts.unshift(stored.checkpoint);
      if (parts.length > 0) {
        const merged = Y.mergeUpdates(parts);
        Y.applyUpdate(this.doc, merged);
        this.approximateBytes = merged.length;
      }
      this.bindings = stored.bindings;
      this.lastSeq = stored.lastSeq;
      this.checkpoints.count(stored.updates.length);
      if (stored.repaired) {
        this.options.logger.warn('document loaded after cutting a torn record', {
          documentId: this.documentId,
          ...stored.repaired,
        });
      }
      this.announceStatus();
      this.state = 'ready';
    } catch (error) {
      // A failed load is reported and the room never serves or saves an empty document.
      this.state = 'failed';
      this.options.logger.error('document could not be loaded', {
        documentId: this.documentId,
        error: error instanceof Error ? error.message : String(error),
      });
      for (const peer of this.peers) peer.close(CloseCode.unavailable, 'document unavailable');
      throw error;
    }
    for (const [peer, messages] of this.queued) {
      if (!peer.isOpen) continue;
      this.greet(peer);
      for (const message of messages) this.process(peer, message);
    }
    this.queued.clear();
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
      if (waiting.length >= (this.options.maxQueuedPerPeer ?? 512)) {
        peer.close(CloseCode.tooManyMessages, 'too many messages while loading');
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
    this.awareness.remove(this.caretOwners.release(peer));
    this.handlers.delete(peer);
    if (this.awareness.hasChanges) this.scheduleAwareness();
    if (this.peers.size === 0) this.options.onEmpty(this);
  }

  /** The handlers of one peer's messages, made once per connection (the hot path). */
  private handlersFor(peer: Peer): MessageHandlers {
    let handlers = this.handlers.get(peer);
    if (!handlers) {
      handlers = {
        syncRequest: (stateVector) => {
          this.replies.push({ peer, stateVector });
          this.scheduleFlush();
        },
        update: (update) => this.receiveUpdate(peer, update),
        awareness: (update) => this.receiveAwareness(peer, update),
        queryAwareness: () => {
          const everyone = this.awareness.snapshot();
          if (everyone) peer.send(awarenessMessage(everyone));
        },
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
        error: error instanceof Error ? error.message : String(error),
      });
      peer.close(CloseCode.malformed, 'malformed message');
    }
  }

  private ownsClient(peer: Peer, clientId: number): boolean {
    if (clientId === SERVER_AWARENESS_CLIENT) return false;
    const author = authorId(peer.principal);
    const owner = this.bindings.get(clientId);
    if (owner !== undefined && owner !== author) return false;
    if (owner === undefined) {
      this.bindings.set(clientId, author);
      this.entries.push({ kind: 'bind', clientId, author });
    }
    return true;
  }

  private receiveUpdate(peer: Peer, update: Uint8Array): void {
    const author = authorId(peer.principal);
    const verdict = checkUpdate(update, {
      doc: this.doc,
      author,
      canEdit: can(peer.principal.role, 'edit'),
      canSetStatus: can(peer.principal.role, 'setStatus'),
      delegation: peer.principal.participant?.delegation ?? null,
      canRemoveAnyBracket: can(peer.principal.role, 'removeAnyBracket'),
      locked: this.options.isLocked(),
      bindings: this.bindings,
    });
    // Until the room queues updates that wait for their sender's own history, they are refused
    // as before (the client reloads and resends).
    if (!verdict.accept && verdict.pending) {
      peer.send(permissionDeniedMessage(RefusalReason.missingHistory));
      peer.close(CloseCode.refused, RefusalReason.missingHistory);
      return;
    }
    if (!verdict.accept) {
      this.options.logger.info('update refused', {
        documentId: this.documentId,
        participant: author,
        reason: verdict.reason,
        detail: verdict.detail,
      });
      // Refused whole: the client is told why, then must reload the server's state.
      peer.send(permissionDeniedMessage(verdict.reason));
      peer.close(CloseCode.refused, verdict.reason);
      return;
    }
    if (verdict.empty) return;
    if (
      this.approximateBytes + update.length >
      (this.options.maxDocumentBytes ?? 64 * 1024 * 1024)
    ) {
      peer.send(permissionDeniedMessage(RefusalReason.documentTooLarge));
      peer.close(CloseCode.refused, RefusalReason.documentTooLarge);
      return;
    }
    for (const clientId of verdict.newClients) this.ownsClient(peer, clientId);
    this.accept(update, author, peer);
  }

  private accept(update: Uint8Array, author: string, origin: Peer | null): void {
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (error) {
      this.failApply(error);
      return;
    }
    this.lastSeq += 1;
    this.approximateBytes += update.length;
    this.lastChange = Date.now();
    this.entries.push({ kind: 'update', seq: this.lastSeq, at: this.lastChange, author, update });
    this.updates.push(update);
    this.origins.add(origin);
    this.scheduleFlush();
  }

  /** Applies a change made by the server (e.g. a restore) as an attributed update. */
  async applyServerChange(change: ServerChange): Promise<void> {
    await this.ready;
    const before = Y.encodeStateVector(this.doc);
    const scratch = new Y.Doc({ gc: true });
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.doc));
    change.apply(scratch);
    const update = Y.encodeStateAsUpdate(scratch, before);
    scratch.destroy();
    if (!this.ownsServerClient(scratch.clientID, change.author)) {
      throw new RangeError('server client id collision');
    }
    this.accept(update, change.author, null);
    await this.flush();
  }

  private ownsServerClient(clientId: number, author: string): boolean {
    if (this.bindings.has(clientId)) return this.bindings.get(clientId) === author;
    this.bindings.set(clientId, author);
    this.entries.push({ kind: 'bind', clientId, author });
    return true;
  }

  private receiveAwareness(peer: Peer, update: Uint8Array): void {
    const verdict = this.awareness.apply(update, authorId(peer.principal), peer.user, (id) =>
      this.ownsClient(peer, id),
    );
    if (!verdict.ok) {
      peer.send(permissionDeniedMessage('foreign_client'));
      peer.close(CloseCode.refused, 'foreign_client');
      return;
    }
    this.caretOwners.claim(peer, verdict.clientIds);
    if (this.awareness.hasChanges) this.scheduleAwareness();
  }

  /**
   * Carets move with every keystroke of every delegate: relaying them at a steady cadence
   * gathers a room's caret moves into one message per interval instead of one per keystroke.
   */
  private scheduleAwareness(): void {
    if (this.awarenessTimer || this.state === 'closed') return;
    // A caret that moved with typing rides on the next text flush, usually well within the
    // interval; the timer relays carets that move alone.
    const wait = this.options.awarenessIntervalMs ?? 30;
    this.awarenessTimer = setTimeout(() => {
      this.awarenessTimer = null;
      // Bindings made by awareness are written before anyone sees the states.
      if (this.entries.length > 0) {
        this.flush().then(
          () => this.relayAwareness(),
          () => undefined,
        );
      } else {
        this.relayAwareness();
      }
    }, wait);
  }

  private relayAwareness(): void {
    const owner = this.soleCaretOwner();
    const changes = this.awareness.takeChanges();
    if (!changes) return;
    // A device is not sent back its own caret (y-protocols clients ignore it anyway).
    this.broadcast(awarenessMessage(changes), owner);
  }

  /** The peer all pending awareness changes belong to, if there is exactly one. */
  private soleCaretOwner(): Peer | null {
    return this.caretOwners.soleOwner(this.awareness.changedClients);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush().catch(() => undefined);
    });
  }

  /** Writes, then relays, everything accepted so far; then answers waiting sync requests. */
  flush(): Promise<void> {
    this.flushing ??= this.flushNow().finally(() => {
      this.flushing = null;
      // A flush asked for while this one was finishing was handed this one's promise: work it
      // left behind gets a turn of its own instead of waiting for the next keystroke.
      if (this.entries.length > 0 || this.replies.length > 0) this.scheduleFlush();
    });
    return this.flushing;
  }

  private async flushNow(): Promise<void> {
    // Loop until nothing is left: work may arrive while an append is awaited.
    for (;;) {
      if (this.entries.length > 0) {
        const entries = this.entries;
        const updates = this.updates;
        const origins = this.origins;
        this.entries = [];
        this.updates = [];
        this.origins = new Set();
        try {
          await this.options.log.append(this.documentId, entries);
        } catch (error) {
          this.failStorage(error);
          return;
        }
        if (updates.length > 0) {
          const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
          const text = updateMessage(merged);
          // A lone sender already has its change: no echo. With several, one message for all.
          const [only] = origins;
          const sender = origins.size === 1 ? (only ?? null) : null;
          // Carets that moved with this typing leave in the same write as the text; the device
          // whose caret is the only one that moved needs it no more than the sender the text.
          const caretOwner = this.soleCaretOwner();
          const changes = this.awareness.takeChanges();
          const carets = changes ? awarenessMessage(changes) : null;
          const ready = [...this.peers].filter((p) => p.isOpen && !this.queued.has(p));
          sendFlush(ready, text, carets, sender, caretOwner);
          this.freshJoin.relayed(merged);
          this.checkpoints.count(updates.length);
        }
        continue;
      }
      // Sync answers carry document state: sent only once everything in it is written.
      if (!answerSyncRequests(this.doc, this.replies, this.freshJoin)) {
        this.scheduleFlush();
        break;
      }
      if (this.entries.length === 0 && this.replies.length === 0) break;
    }
    if (this.state === 'ready' && this.entries.length === 0) {
      this.approximateBytes =
        this.checkpoints.maybeStart(this.checkpointSource()) ?? this.approximateBytes;
    }
  }

  private checkpointSource(): CheckpointSource {
    return { doc: this.doc, lastSeq: this.lastSeq, bindings: this.bindings };
  }

  private broadcast(message: Uint8Array, except: Peer | null | undefined = null): void {
    for (const peer of this.peers) {
      if (peer !== except && peer.isOpen && !this.queued.has(peer)) peer.send(message);
    }
  }

  private failApply(error: unknown): void {
    // Yjs may have integrated part of the update: the document can no longer be trusted to
    // equal the log. Write what was accepted before, then send everyone back to reload.
    this.state = 'failed';
    this.options.logger.error('update could not be applied', {
      documentId: this.documentId,
      error: error instanceof Error ? error.message : String(error),
    });
    const entries = this.entries;
    this.entries = [];
    this.updates = [];
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

  private failStorage(error: unknown): void {
    // The document now holds updates the log does not: never relay them, start again from disk.
    this.state = 'failed';
    this.options.logger.error('update log write failed', {
      documentId: this.documentId,
      error: error instanceof Error ? error.message : String(error),
    });
    for (const peer of this.peers) peer.close(CloseCode.unavailable, 'storage unavailable');
  }

  /** The live document, read-only for callers (content, versions). Resolves once written. */
  async read<T>(
    reader: (doc: Y.Doc, lastSeq: number, bindings: ReadonlyMap<number, string>) => T,
  ): Promise<T> {
    await this.ready;
    await this.flush();
    return reader(this.doc, this.lastSeq, this.bindings);
  }

  /**
   * Tells every connected client the document's status (after a lock or an unlock), through
   * the server's awareness state: editors turn read-only at once, not at their next edit.
   */
  announceStatus(): void {
    const announcement: ServerAnnouncement = {
      document: { status: this.options.isLocked() ? 'locked' : 'drafting' },
    };
    this.awareness.announce(SERVER_AWARENESS_CLIENT, announcement);
    if (this.state === 'ready') this.scheduleAwareness();
  }

  /** Closes every peer of `participantId` (revoked token). */
  closeParticipant(participantId: string, code: number, reason: string): void {
    for (const peer of this.peers) {
      if (peer.principal.participant?.id === participantId) peer.close(code, reason);
    }
  }

  /** Flushes, checkpoints what is new, and releases the document. */
  async close(code: number = CloseCode.goingAway): Promise<void> {
    if (this.state === 'closed') return;
    for (const peer of this.peers) peer.close(code, 'server closing');
    if (this.state === 'ready') {
      await this.flush();
      await this.checkpoints.finish(this.checkpointSource());
    }
    this.state = 'closed';
    this.freshJoin.forget();
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.doc.destroy();
  }
}
