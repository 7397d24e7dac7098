import * as Y from 'yjs';
import type { BindingRecord, LogEntry, UpdateLog, UpdateRecord } from '../storage';
import { answerSyncRequests, sendFlush, type SyncRequest } from './fan-out';
import type { FreshJoinAnswer } from './fresh-join';
import { updateMessage } from './messages';
import type { Peer } from './peer';
import type { RoomScheduler } from './room-options';
import type { SyncAnswerBudget } from './room-sync-budget';

/** What a flush needs from its room. */
export interface FlushContext {
  documentId: string;
  doc: Y.Doc;
  log: UpdateLog;
  scheduler: RoomScheduler;
  freshJoin: FreshJoinAnswer;
  syncBudget: SyncAnswerBudget;
  /** The peers that are sent what is relayed (greeted, still open). */
  recipients(): Peer[];
  /** The caret changes to send with the text, and the device they all belong to (if one). */
  takeCarets(): { carets: Uint8Array | null; owner: Peer | null };
  /** After a batch of updates went out: they are in the log and relayed. */
  relayed(updates: number): void;
  /** Everything accepted is written and every sync request answered. */
  settled(): void;
  /** An append failed: nothing of the batch was relayed. */
  failed(error: unknown): void;
}

/**
 * The rule that nothing reaches a peer before it is in the update log, in batches.
 *
 * Within one event-loop turn, accepted updates (already applied to the document) and new client
 * bindings are collected; at the end of the turn they are appended to the log in one write,
 * merged, encoded once and sent to every peer. Sync answers carry document state, so they are
 * sent only after the flush that wrote everything they contain.
 */
export class RoomFlush {
  private entries: LogEntry[] = [];
  private updates: Uint8Array[] = [];
  /** The peers whose updates are in the current batch (null for the server's own). */
  private origins = new Set<Peer | null>();
  private replies: SyncRequest[] = [];
  private scheduled = false;
  private flushing: Promise<void> | null = null;
  /** Set once an append failed: the document holds what the log does not; nothing more goes. */
  private broken: Error | null = null;

  constructor(private readonly room: FlushContext) {}

  /** Whether anything accepted is not yet written. */
  get hasUnwritten(): boolean {
    return this.entries.length > 0;
  }

  bind(entry: BindingRecord): void {
    this.entries.push(entry);
  }

  /** An update applied to the document, to be written and relayed. */
  accepted(entry: UpdateRecord, origin: Peer | null): void {
    this.entries.push(entry);
    this.updates.push(entry.update);
    this.origins.add(origin);
    this.schedule();
  }

  /** A peer's sync step 1: answered once everything accepted before it is written. */
  requestSync(peer: Peer, stateVector: Uint8Array): void {
    this.replies.push({ peer, stateVector });
    this.schedule();
  }

  /** Takes back everything not yet written (the document can no longer be trusted). */
  abandon(): LogEntry[] {
    const entries = this.entries;
    this.entries = [];
    this.updates = [];
    this.origins = new Set();
    this.replies = [];
    return entries;
  }

  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.room.scheduler.soon(() => {
      this.scheduled = false;
      return this.flush().catch(() => undefined);
    });
  }

  /**
   * Writes, then relays, everything accepted so far; then answers waiting sync requests.
   * Rejects when the log refused the write (nothing of it was relayed).
   */
  flush(): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    this.flushing ??= this.flushNow().finally(() => {
      this.flushing = null;
      // A flush asked for while this one was finishing was handed this one's promise: work it
      // left behind gets a turn of its own instead of waiting for the next keystroke.
      if (this.entries.length > 0 || this.replies.length > 0) this.schedule();
    });
    return this.flushing;
  }

  private async flushNow(): Promise<void> {
    const room = this.room;
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
          await room.log.append(room.documentId, entries);
        } catch (error) {
          // What was accepted meanwhile builds on what was not stored: none of it is written.
          this.abandon();
          this.broken = error instanceof Error ? error : new Error(String(error));
          room.failed(error);
          throw error;
        }
        if (updates.length > 0) this.relay(updates, origins);
        continue;
      }
      // Sync answers carry document state: sent only once everything in it is written.
      const done = answerSyncRequests(
        room.doc,
        this.replies,
        room.freshJoin,
        undefined,
        room.syncBudget,
      );
      if (!done) {
        this.schedule();
        break;
      }
      if (this.entries.length === 0 && this.replies.length === 0) break;
    }
    if (this.entries.length === 0) room.settled();
  }

  private relay(updates: Uint8Array[], origins: Set<Peer | null>): void {
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const text = updateMessage(merged);
    // A lone sender already has its change: no echo. With several, one message for all.
    const [only] = origins;
    const sender = origins.size === 1 ? (only ?? null) : null;
    // Carets that moved with this typing leave in the same write as the text; the device
    // whose caret is the only one that moved needs it no more than the sender the text.
    const { carets, owner } = this.room.takeCarets();
    sendFlush(this.room.recipients(), text, carets, sender, owner);
    this.room.freshJoin.relayed(merged);
    this.room.relayed(updates.length);
  }
}
