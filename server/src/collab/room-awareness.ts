import * as decoding from 'lib0/decoding';
import { MessageType } from '@accord/shared';
import { authorId } from '../auth/principal';
import { AwarenessTable, type AwarenessRefusal } from './awareness-table';
import { CaretOwners } from './caret-owners';
import { awarenessMessage } from './messages';
import type { Peer } from './peer';
import type { RoomDocument } from './room-document';
import type { RoomFlush } from './room-flush';
import type { RoomScheduler } from './room-options';

/** What the awareness relay needs from its room. */
export interface AwarenessContext {
  document: RoomDocument;
  flush: RoomFlush;
  scheduler: RoomScheduler;
  /** Carets and presence are relayed at most this often. */
  intervalMs: number;
  maxStateBytes: number;
  /** Whether states may still be relayed (the room is open and loaded). */
  isLive(): boolean;
  broadcast(message: Uint8Array, except: Peer | null): void;
  /** Refuses the peer's message: it is told why and closed. */
  refuse(peer: Peer, reason: AwarenessRefusal, detail: string): void;
}

/**
 * Presence in a room: who is here and where their carets are. Each connection speaks for one
 * awareness client id, its device's; the server rewrites every state's `user` with what it
 * knows, keeps no state larger than the limit, and relays changes in batches.
 */
export class AwarenessRelay {
  private readonly table = new AwarenessTable();
  private readonly caretOwners = new CaretOwners();
  /** The awareness client id each connection announced. */
  private readonly own = new Map<Peer, number>();
  private cancelTimer: (() => void) | null = null;

  constructor(private readonly room: AwarenessContext) {}

  /** Everyone present, encoded once for every device joining until something changes. */
  snapshot(): Uint8Array | null {
    return this.table.snapshot();
  }

  receive(peer: Peer, update: Uint8Array): void {
    const author = authorId(peer.principal);
    const verdict = this.table.apply(update, peer.user, {
      owner: author,
      own: this.own.get(peer) ?? null,
      ownerOf: (clientId) => this.room.document.ownerOf(clientId),
      maxStateBytes: this.room.maxStateBytes,
    });
    if (!verdict.ok) {
      this.room.refuse(peer, verdict.reason, `awareness client ${verdict.clientId}`);
      return;
    }
    if (verdict.claimed !== null) {
      this.own.set(peer, verdict.claimed);
      this.room.document.bind(verdict.claimed, author);
    }
    this.caretOwners.claim(peer, verdict.clientIds);
    if (this.table.hasChanges) this.schedule();
  }

  /**
   * The clustered mode: an awareness message another process relayed. Its states are kept
   * (see `AwarenessTable.mirror`); false when the message is not a readable awareness message.
   */
  mirror(message: Uint8Array): boolean {
    try {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== MessageType.awareness) return false;
      this.table.mirror(decoding.readVarUint8Array(decoder), Date.now());
      return true;
    } catch {
      return false;
    }
  }

  /** A query-awareness message: the asker gets everyone's state. */
  query(peer: Peer): void {
    const everyone = this.table.snapshot();
    if (everyone) peer.send(awarenessMessage(everyone));
  }

  /** Publishes the server's own state under `clientId` (document-wide news). */
  announce(clientId: number, state: unknown): void {
    this.table.announce(clientId, state);
    if (this.room.isLive()) this.schedule();
  }

  /** A connection closed: its carets go with it. */
  release(peer: Peer): void {
    this.own.delete(peer);
    this.table.remove(this.caretOwners.release(peer));
    if (this.table.hasChanges) this.schedule();
  }

  /** The caret changes since the last relay, and the one device they all belong to (if one). */
  takeCarets(): { carets: Uint8Array | null; owner: Peer | null } {
    const owner = this.caretOwners.soleOwner(this.table.changedClients);
    const changes = this.table.takeChanges();
    return { carets: changes ? awarenessMessage(changes) : null, owner };
  }

  /**
   * Carets move with every keystroke of every delegate: relaying them at a steady cadence
   * gathers a room's caret moves into one message per interval instead of one per keystroke.
   * A caret that moved with typing rides on the next text flush, usually well within the
   * interval; the timer relays carets that move alone.
   */
  schedule(): void {
    if (this.cancelTimer || !this.room.isLive()) return;
    this.cancelTimer = this.room.scheduler.later(this.room.intervalMs, () => {
      this.cancelTimer = null;
      if (!this.room.isLive()) return;
      // Bindings made by awareness are written before anyone sees the states.
      if (!this.room.flush.hasUnwritten) return this.relay();
      return this.room.flush.flush().then(
        () => this.relay(),
        () => undefined,
      );
    });
  }

  private relay(): void {
    const { carets, owner } = this.takeCarets();
    // A device is not sent back its own caret (y-protocols clients ignore it anyway).
    if (carets) this.room.broadcast(carets, owner);
  }

  /** The room closes: no relay is left waiting. */
  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }
}
