import * as Y from 'yjs';
import type { StoredDocument } from '../storage';
import type { Peer } from './peer';
import type { RoomFlush } from './room-flush';
import type { ServerChange } from './room-options';

/**
 * A room's document as the log knows it: the `Y.Doc`, which participant each Yjs client id
 * belongs to, the seq of the last accepted update and the document's size. Every change goes
 * through here so that it is recorded for the next flush in the same step as it is made.
 */
export class RoomDocument {
  private bindingMap = new Map<number, string>();
  private last = 0;
  private loaded = 0;
  private changedAt = 0;
  /** The document's encoded size, near enough: the last full state plus updates since. */
  approximateBytes = 0;

  constructor(
    readonly doc: Y.Doc,
    private readonly flush: RoomFlush,
    private readonly now: () => number,
  ) {}

  get bindings(): ReadonlyMap<number, string> {
    return this.bindingMap;
  }

  /** The seq of the last accepted update. */
  get lastSeq(): number {
    return this.last;
  }

  /** When the last update was accepted (ms since the epoch), or 0. */
  get lastChangeAt(): number {
    return this.changedAt;
  }

  /** Fills the document from its log (once, before anyone is served). */
  load(stored: StoredDocument): void {
    const parts = stored.updates.map((u) => u.update);
    if (stored.checkpoint) parts.unshift(stored.checkpoint);
    if (parts.length > 0) {
      const merged = Y.mergeUpdates(parts);
      Y.applyUpdate(this.doc, merged);
      this.approximateBytes = merged.length;
    }
    this.bindingMap = stored.bindings;
    this.last = stored.lastSeq;
    this.loaded = stored.lastSeq;
  }

  /** The seq of the last update the log held when the document was loaded. */
  get loadedSeq(): number {
    return this.loaded;
  }

  /**
   * The clustered mode: an update another process accepted and stored, up to `seq`. It was
   * checked there and is in the log already: applied only, never written again.
   */
  applyStored(
    update: Uint8Array,
    bindings: Iterable<readonly [number, string]>,
    seq: number,
  ): void {
    Y.applyUpdate(this.doc, update, STORED_ELSEWHERE);
    for (const [clientId, author] of bindings) {
      if (!this.bindingMap.has(clientId)) this.bindingMap.set(clientId, author);
    }
    this.last = seq;
    this.approximateBytes += update.length;
    this.changedAt = this.now();
  }

  /**
   * The part of a stored batch this document lacks, or null when it has all of it. A batch read
   * back from the database may hold this room's own updates (stored here a moment before the
   * process heard of another's batch after them), which its devices have or are about to be sent.
   */
  lacking(update: Uint8Array): Uint8Array | null {
    const part = Y.diffUpdate(update, Y.encodeStateVector(this.doc));
    const { structs, ds } = Y.decodeUpdate(part);
    return structs.length === 0 && ds.clients.size === 0 ? null : part;
  }

  /**
   * The clustered mode: every update up to `seq` is in this document (the log numbers updates
   * as they are stored, across processes; this room's own count is provisional until then).
   */
  storedUpTo(seq: number): void {
    this.last = seq;
  }

  /** The participant a Yjs client id belongs to, if anyone. */
  ownerOf(clientId: number): string | undefined {
    return this.bindingMap.get(clientId);
  }

  /** Binds an unbound client id to `author`, recorded with the next flush. */
  bind(clientId: number, author: string): void {
    if (this.bindingMap.has(clientId)) return;
    this.bindingMap.set(clientId, author);
    this.flush.bind({ kind: 'bind', clientId, author });
  }

  /**
   * Applies an accepted update and hands it to the flush. Throws what Yjs throws: the document
   * may then hold part of it, and can no longer be trusted to equal the log.
   */
  apply(update: Uint8Array, author: string, origin: Peer | null): void {
    Y.applyUpdate(this.doc, update, origin);
    this.last += 1;
    this.approximateBytes += update.length;
    this.changedAt = this.now();
    this.flush.accepted(
      { kind: 'update', seq: this.last, at: this.changedAt, author, update },
      origin,
    );
  }

  /** The encoding of what a checkpoint records. */
  checkpointSource(): { doc: Y.Doc; lastSeq: number; bindings: ReadonlyMap<number, string> } {
    return { doc: this.doc, lastSeq: this.last, bindings: this.bindingMap };
  }
}

/** The origin of updates another process stored (for `doc.on('update')` listeners). */
export const STORED_ELSEWHERE = Symbol('stored elsewhere');

/**
 * Applies a change the server makes (a restore) to a room's document as one attributed update:
 * the change is made on a copy, and the difference is applied like any client's update, under a
 * client id of its own bound to the author. If Yjs throws, `applyFailed` hears of it first.
 */
export function applyServerChange(
  document: RoomDocument,
  change: ServerChange,
  applyFailed: (error: unknown) => void,
): void {
  const before = Y.encodeStateVector(document.doc);
  const scratch = new Y.Doc({ gc: true });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(document.doc));
  change.apply(scratch);
  const update = Y.encodeStateAsUpdate(scratch, before);
  scratch.destroy();
  const owner = document.ownerOf(scratch.clientID);
  if (owner !== undefined && owner !== change.author) {
    throw new RangeError('server client id collision');
  }
  document.bind(scratch.clientID, change.author);
  try {
    document.apply(update, change.author, null);
  } catch (error) {
    applyFailed(error);
    throw error;
  }
}
