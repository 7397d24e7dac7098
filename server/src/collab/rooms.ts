import type * as Y from 'yjs';
import { CloseCode, type DocumentEvent, type DraftingMode } from '@accord/shared';
import type { Principal } from '../auth/principal';
import type { Logger } from '../logger';
import type { UpdateLog } from '../storage';
import type { Peer } from './peer';
import { Room, type ServerChange } from './room';
import type { RoomLimitOptions } from './room-options';
import type { SecurityEvent } from '../security-event';

export interface RoomRegistryOptions {
  log: UpdateLog;
  logger: Logger;
  isLocked: (documentId: string) => boolean;
  /** The document's drafting mode, for the update check (default: `open`). */
  modeOf?: (documentId: string) => DraftingMode;
  /** How long an empty room stays loaded, for peers that come straight back (default 5 s). */
  idleUnloadMs?: number;
  checkpointEvery?: number;
  maxDocumentBytes?: number;
  /** Room limits beyond the defaults (awareness, budgets, pending updates). */
  limits?: RoomLimitOptions;
  /** Limits hit, updates refused, failed writes: for the meeting's audit log. */
  onSecurityEvent?: (event: SecurityEvent) => void;
  /** The clustered mode (server/src/cluster): told of each room made, and kept in step. */
  cluster?: RoomCluster;
}

/** What the clustered mode does beside the rooms of this process. */
export interface RoomCluster {
  /** A room was made for a document (it is loading). */
  opened(room: Room): void;
  /** Brings a loaded room up to everything stored, before a server-side read. */
  catchUp(room: Room): Promise<void>;
  /** An awareness message relayed in a room, for the same document's rooms elsewhere. */
  publishAwareness(documentId: string, message: Uint8Array): void;
}

/**
 * The open rooms of this process, one per document with peers. The seam where relays on
 * several machines would meet (a pub/sub fan-out between processes): nothing else holds rooms.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(private readonly options: RoomRegistryOptions) {}

  get roomCount(): number {
    return this.rooms.size;
  }

  /** The rooms loaded now. */
  loaded(): Room[] {
    return [...this.rooms.values()].filter((room) => room.isUsable);
  }

  get connectionCount(): number {
    let total = 0;
    for (const room of this.rooms.values()) total += room.peerCount;
    return total;
  }

  private async open(documentId: string): Promise<Room> {
    await this.unloading.get(documentId);
    return this.openLoaded(documentId);
  }

  /** The document's room, created (and its loading started) if needed. */
  private openLoaded(documentId: string): Room {
    let room = this.rooms.get(documentId);
    if (room && !room.isUsable) {
      this.rooms.delete(documentId);
      room = undefined;
    }
    if (!room) {
      room = new Room({
        documentId,
        log: this.options.log,
        logger: this.options.logger,
        isLocked: () => this.options.isLocked(documentId),
        modeOf: () => this.options.modeOf?.(documentId) ?? 'open',
        onEmpty: (empty) => this.scheduleUnload(empty),
        checkpointEvery: this.options.checkpointEvery,
        maxDocumentBytes: this.options.maxDocumentBytes,
        onSecurityEvent: this.options.onSecurityEvent,
        ...this.options.limits,
        ...(this.options.cluster
          ? {
              publishAwareness: (message: Uint8Array) =>
                this.options.cluster?.publishAwareness(documentId, message),
            }
          : {}),
      });
      this.options.cluster?.opened(room);
      // A failed load is reported by the room; it is dropped so the next attempt starts anew
      // (as is a room whose writes failed, at the next connection: see `openLoaded`).
      room.ready.catch(() => {
        if (this.rooms.get(documentId) === room) this.rooms.delete(documentId);
      });
      this.rooms.set(documentId, room);
    }
    const timer = this.idleTimers.get(room);
    if (timer) {
      clearTimeout(timer);
      this.idleTimers.delete(room);
    }
    return room;
  }

  /** The document's room if it is loaded and serving here. */
  loadedRoom(documentId: string): Room | undefined {
    const room = this.rooms.get(documentId);
    return room?.isLive ? room : undefined;
  }

  /** Adds a peer to the document's room, loading the document if needed. */
  async connect(documentId: string, peer: Peer): Promise<Room> {
    return this.join(await this.open(documentId), peer);
  }

  /**
   * The same, at once, unless the document's room is still being unloaded (then null: use
   * `connect`). A peer joining a loaded room is greeted before this returns.
   */
  connectNow(documentId: string, peer: Peer): Room | null {
    if (this.unloading.has(documentId)) return null;
    return this.join(this.openLoaded(documentId), peer);
  }

  private join(room: Room, peer: Peer): Room {
    room.handleConnect(peer);
    return room;
  }

  private scheduleUnload(room: Room): void {
    const existing = this.idleTimers.get(room);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room);
      if (room.peerCount > 0 || this.rooms.get(room.documentId) !== room) return;
      this.rooms.delete(room.documentId);
      const done = room
        .close()
        .catch((error: unknown) =>
          this.options.logger.error('room did not close cleanly', {
            documentId: room.documentId,
            error: error instanceof Error ? error.message : String(error),
          }),
        )
        .finally(() => this.unloading.delete(room.documentId));
      this.unloading.set(room.documentId, done);
    }, this.options.idleUnloadMs ?? 5000);
    timer.unref();
    this.idleTimers.set(room, timer);
  }

  /** Reads a document's current state, from its room (loaded for the occasion if needed). */
  async read<T>(
    documentId: string,
    reader: (doc: Y.Doc, lastSeq: number, bindings: ReadonlyMap<number, string>) => T,
  ): Promise<T> {
    const room = await this.open(documentId);
    try {
      if (this.options.cluster) {
        await room.ready;
        await this.options.cluster.catchUp(room);
      }
      return await room.read(reader);
    } finally {
      if (room.peerCount === 0) this.scheduleUnload(room);
    }
  }

  /** Applies a server-made change (restore) so that every connected peer sees it at once. */
  async change(documentId: string, change: ServerChange): Promise<void> {
    const room = await this.open(documentId);
    try {
      await room.applyServerChange(change);
    } finally {
      if (room.peerCount === 0) this.scheduleUnload(room);
    }
  }

  /** Tells the connected clients of a document that its status changed, and what the chair did. */
  announceStatus(documentId: string, event?: DocumentEvent): void {
    this.rooms.get(documentId)?.announceStatus(event);
  }

  /** Closes every connection of a participant whose token was revoked or re-issued. */
  closeParticipant(participantId: string): void {
    for (const room of this.rooms.values()) {
      room.closeParticipant(participantId, CloseCode.unauthorized, 'token revoked');
    }
  }

  /** Closes every connection whose principal matches: the secretariat's after a token rotation. */
  closePrincipals(matches: (principal: Principal) => boolean, reason: string): void {
    for (const room of this.rooms.values())
      room.closeWhere(matches, CloseCode.unauthorized, reason);
  }

  /** Flushes and closes every room (shutdown). */
  async closeAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.allSettled(rooms.map((room) => room.close()));
    await Promise.allSettled(this.unloading.values());
  }
}
