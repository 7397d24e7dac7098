import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import * as Y from 'yjs';
import type { Room } from '../collab/room';
import type { RoomCluster, RoomRegistry } from '../collab/rooms';
import type { Logger } from '../logger';
import type { LogEntry, StoredDocument, UpdateLog, UpdateRecord } from '../storage';
import type { Staged } from '../storage/metadata-tables';
import { openPostgresStorage, type PostgresStorage } from '../storage/postgres/storage';
import type { AppendedRange, PostgresUpdateLog } from '../storage/postgres/update-log';
import { withoutServerState } from './awareness-filter';
import { RedisBus, redacted } from './bus';
import { DocumentFeed } from './document-feed';
import type { ClusterMessage } from './wire';

/** An id for this process, in health answers and on every message it publishes. */
export function nodeId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** A clustered mode that could not start: the engine and why, for the operator. */
export class ClusterStartError extends Error {}

/**
 * The clustered mode: PostgreSQL for everything durable, Redis for the live stream. An update
 * a room here accepts is stored first (PostgreSQL, numbered on the document's one sequence,
 * refused if a lock committed first), then relayed to this room's peers and published; the
 * other processes with the document open apply it without storing it again and relay it to
 * theirs. Awareness crosses the same way. Metadata (revocations, locks) crosses by
 * PostgreSQL's LISTEN/NOTIFY, and each process acts on it for its own connections.
 */
export class Cluster implements RoomCluster {
  readonly log: UpdateLog;
  private rooms: RoomRegistry | null = null;
  private readonly feeds = new WeakMap<Room, DocumentFeed>();
  private readonly statuses = new Map<string, string>();
  private stopWatching: () => void = () => undefined;

  private constructor(
    readonly node: string,
    readonly storage: PostgresStorage,
    private readonly bus: { publish(message: ClusterMessage): void; close(): void },
    private readonly logger: Logger,
  ) {
    this.log = clusterLog(storage.updates, (documentId, range, entries) =>
      this.stored(documentId, range, entries),
    );
  }

  static async open(
    urls: { databaseUrl: string; redisUrl: string },
    logger: Logger,
    node: string = nodeId(),
  ): Promise<Cluster> {
    let storage: PostgresStorage;
    try {
      storage = await openPostgresStorage(urls.databaseUrl, logger);
    } catch (error) {
      throw new ClusterStartError(
        `PostgreSQL at DATABASE_URL (${redacted(urls.databaseUrl)}) could not be used: ${errorText(error)}`,
      );
    }
    let cluster: Cluster | null = null;
    try {
      const bus = await RedisBus.connect(
        urls.redisUrl,
        logger,
        (message) => cluster?.received(message),
        () => cluster?.catchUpAll(),
      );
      cluster = new Cluster(node, storage, bus, logger);
      return cluster;
    } catch (error) {
      await storage.close().catch(() => undefined);
      throw new ClusterStartError(
        `Redis at REDIS_URL (${redacted(urls.redisUrl)}) could not be used: ${errorText(error)}`,
      );
    }
  }

  /** Starts serving `rooms`: messages from elsewhere reach them, metadata changes act on them. */
  attach(rooms: RoomRegistry): void {
    this.rooms = rooms;
    for (const meeting of this.storage.metadata.meetings()) {
      for (const document of this.storage.metadata.documentsOf(meeting.id)) {
        this.statuses.set(document.id, document.status);
      }
    }
    this.stopWatching = this.storage.metadata.watch((staged) => this.metadataChanged(staged));
  }

  opened(room: Room): void {
    // Messages that came while the room loaded were not applied: read them from the log.
    room.ready.then(
      () => this.catchUp(room),
      () => undefined,
    );
  }

  catchUp(room: Room): Promise<void> {
    return this.feedOf(room)?.catchUp() ?? Promise.resolve();
  }

  publishAwareness(documentId: string, message: Uint8Array): void {
    const bytes = withoutServerState(message);
    if (bytes) this.bus.publish({ kind: 'awareness', node: this.node, documentId, bytes });
  }

  private feedOf(room: Room): DocumentFeed | null {
    if (!room.isLive) return null;
    let feed = this.feeds.get(room);
    if (!feed) {
      feed = new DocumentFeed(room, this.storage.updates, this.logger);
      this.feeds.set(room, feed);
    }
    return feed;
  }

  /** A batch this process stored: the room counts it, then the others hear of it. */
  private stored(documentId: string, range: AppendedRange, entries: readonly LogEntry[]): void {
    const room = this.rooms?.loadedRoom(documentId);
    if (room) this.feedOf(room)?.own(range);
    if (range.last < range.first) return;
    const updates = entries.filter((e): e is UpdateRecord => e.kind === 'update');
    const bindings: [number, string][] = [];
    for (const entry of entries)
      if (entry.kind === 'bind') bindings.push([entry.clientId, entry.author]);
    this.bus.publish({
      kind: 'update',
      node: this.node,
      documentId,
      first: range.first,
      last: range.last,
      authors: [...new Set(updates.map((u) => u.author))],
      bindings,
      bytes:
        updates.length === 1 ? updates[0]!.update : Y.mergeUpdates(updates.map((u) => u.update)),
    });
  }

  private received(message: ClusterMessage): void {
    if (message.node === this.node) return;
    const room = this.rooms?.loadedRoom(message.documentId);
    if (!room) return;
    if (message.kind === 'awareness') room.relayAwareness(message.bytes);
    else this.feedOf(room)?.received(message);
  }

  /** After Redis came back: every open room reads what it may have missed. */
  private catchUpAll(): void {
    for (const room of this.rooms?.loaded() ?? []) void this.catchUp(room);
  }

  /** Another process changed metadata: act on it for this process's connections. */
  private metadataChanged(staged: Staged): void {
    const rooms = this.rooms;
    if (!rooms) return;
    for (const [id, participant] of staged.participants) {
      // Revoked or re-issued elsewhere: this process's connections on the old token go too.
      rooms.closePrincipals(
        (principal) =>
          principal.participant?.id === id &&
          (participant.tokenHash === null ||
            principal.participant.tokenHash !== participant.tokenHash),
        'token revoked',
      );
    }
    for (const [id, document] of staged.documents) {
      const before = this.statuses.get(id);
      this.statuses.set(id, document.status);
      if (before === document.status) continue;
      rooms.announceStatus(
        id,
        before === undefined
          ? undefined
          : { kind: document.status === 'locked' ? 'locked' : 'unlocked', at: document.updatedAt },
      );
    }
  }

  async close(): Promise<void> {
    this.stopWatching();
    this.bus.close();
    await this.storage.close();
  }
}

/**
 * The update log as rooms see it in the clustered mode: PostgreSQL's, with `append` numbering
 * each batch on from what every process stored (`appendNext`) and reporting where it landed
 * before the room relays it.
 */
function clusterLog(
  log: PostgresUpdateLog,
  stored: (documentId: string, range: AppendedRange, entries: readonly LogEntry[]) => void,
): UpdateLog {
  return {
    create: (documentId, entries) => log.create(documentId, entries),
    exists: (documentId) => log.exists(documentId),
    load: (documentId): Promise<StoredDocument> => log.load(documentId),
    async append(documentId, entries) {
      if (entries.length === 0) return log.append(documentId, entries);
      const range = await log.appendNext(documentId, entries);
      stored(documentId, range, entries);
    },
    checkpoint: (documentId, state, lastSeq, bindings) =>
      log.checkpoint(documentId, state, lastSeq, bindings),
    history: (documentId, fromSeq, toSeq) => log.history(documentId, fromSeq, toSeq),
    saveVersionState: (documentId, versionId, state) =>
      log.saveVersionState(documentId, versionId, state),
    loadVersionState: (documentId, versionId) => log.loadVersionState(documentId, versionId),
    flush: () => log.flush(),
    close: () => log.close(),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
