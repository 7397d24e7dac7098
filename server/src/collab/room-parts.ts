import * as Y from 'yjs';
import { CloseCode, RefusalReason } from '@accord/shared';
import type { SecurityKind } from '@accord/shared/audit-kinds';
import { authorId } from '../auth/principal';
import type { Logger } from '../logger';
import { FreshJoinAnswer } from './fresh-join';
import { Greeting } from './greeting';
import type { Peer } from './peer';
import { RemoteFanOut } from './remote-fan-out';
import { UpdateAdmission } from './room-admission';
import { AwarenessRelay } from './room-awareness';
import { RoomCheckpoints } from './room-checkpoints';
import { RoomDocument } from './room-document';
import { RoomFlush } from './room-flush';
import { permissionDeniedMessage } from './messages';
import { eventLoopScheduler, roomLimits, type RoomOptions } from './room-options';
import { SyncAnswerBudget } from './room-sync-budget';
import { securityDetail, type SecurityDetail, type SecurityEvent } from '../security-event';

/** What the parts of a room ask of the room itself (its peers and its lifecycle). */
export interface RoomHooks {
  /** Peers that are sent what is relayed: greeted and open. */
  recipients(): Peer[];
  broadcast(message: Uint8Array, except: Peer | null): void;
  /** Whether the room is loaded and serving. */
  isLive(): boolean;
  /** Everything accepted is written. */
  settled(): void;
  storageFailed(error: unknown): void;
  applyFailed(error: unknown): void;
}

export interface RoomParts {
  document: RoomDocument;
  flushes: RoomFlush;
  admission: UpdateAdmission;
  awareness: AwarenessRelay;
  greeting: Greeting;
  freshJoin: FreshJoinAnswer;
  checkpoints: RoomCheckpoints;
  reports: RoomReports;
  remote: RemoteFanOut;
  maxQueuedPerPeer: number;
}

/** Builds the parts of a room from its options, each with its limits' defaults filled in. */
export function roomParts(options: RoomOptions, room: RoomHooks): RoomParts {
  const documentId = options.documentId;
  const scheduler = options.scheduler ?? eventLoopScheduler;
  const now = options.now ?? Date.now;
  const limits = roomLimits(options);
  const reports = new RoomReports(documentId, options.logger, options.onSecurityEvent);
  const checkpoints = new RoomCheckpoints(
    options.documentId,
    options.log,
    options.logger,
    options.checkpointEvery,
  );
  const syncBudget = new SyncAnswerBudget(
    limits.syncAnswerBudget.bytes,
    limits.syncAnswerBudget.windowMs,
    now,
    (peer) =>
      reports.report('limit_hit', peer, {
        text: 'sync answers past the budget: shared answer sent',
        key: 'langaudit.audit.syncBudget',
        values: {},
      }),
  );
  const doc = new Y.Doc({ gc: true });
  const freshJoin = new FreshJoinAnswer(doc);
  const flushes = new RoomFlush({
    documentId: documentId,
    doc,
    log: options.log,
    scheduler,
    freshJoin,
    syncBudget,
    recipients: () => room.recipients(),
    takeCarets: () => {
      const taken = awareness.takeCarets();
      // Carets that move with typing leave with the text; elsewhere they leave on their own.
      if (taken.carets) options.publishAwareness?.(taken.carets);
      return taken;
    },
    relayed: (updates) => checkpoints.count(updates),
    settled: () => room.settled(),
    failed: (error) => room.storageFailed(error),
  });
  const document = new RoomDocument(doc, flushes, now);
  const greeting = new Greeting(doc);
  // Not 'update': a listener there makes Yjs encode every transaction as an update, which
  // the relay never needs (it relays the bytes it received).
  doc.on('afterTransaction', () => greeting.documentChanged());
  const admission = new UpdateAdmission({
    document,
    isLocked: options.isLocked,
    modeOf: options.modeOf ?? (() => 'open'),
    now,
    maxDocumentBytes: limits.maxDocumentBytes,
    budget: limits.participantBudget,
    maxPending: limits.maxPending,
    refuse: (peer, reason, detail) => reports.refuse(peer, reason, detail),
    overLimit: (peer, detail) => reports.overLimit(peer, 'updates ahead of history', detail),
    applyFailed: (error) => room.applyFailed(error),
  });
  const awareness: AwarenessRelay = new AwarenessRelay({
    document,
    flush: flushes,
    scheduler,
    intervalMs: limits.awarenessIntervalMs,
    maxStateBytes: limits.maxAwarenessStateBytes,
    isLive: () => room.isLive(),
    broadcast: (message, except) => {
      room.broadcast(message, except);
      options.publishAwareness?.(message);
    },
    refuse: (peer, reason, detail) => reports.refuse(peer, reason, detail),
  });
  return {
    document,
    flushes,
    admission,
    awareness,
    greeting,
    freshJoin,
    checkpoints,
    reports,
    remote: new RemoteFanOut(scheduler, () => room.recipients()),
    maxQueuedPerPeer: limits.maxQueuedPerPeer,
  };
}

/**
 * How a room says no, and who hears of it: the peer (an auth message and a close code), the
 * log, and the meeting's audit log through `onSecurityEvent`.
 */
export class RoomReports {
  constructor(
    private readonly documentId: string,
    private readonly logger: Logger,
    private readonly onSecurityEvent?: (event: SecurityEvent) => void,
  ) {}

  /** Logs a security-relevant event and passes it on. */
  report(kind: SecurityKind, peer: Peer | null, detail: SecurityDetail): void {
    const event: SecurityEvent = {
      kind,
      documentId: this.documentId,
      ...securityDetail(detail),
    };
    if (peer) {
      event.participant = authorId(peer.principal);
      if (peer.principal.meetingId) event.meetingId = peer.principal.meetingId;
    }
    const level = kind === 'storage_unavailable' ? 'error' : 'info';
    this.logger[level](kind.replaceAll('_', ' '), { ...event });
    this.onSecurityEvent?.(event);
  }

  /** Refused whole: the client is told why, then must reload the server's state. */
  refuse(peer: Peer, reason: RefusalReason, detail: string): void {
    const kind = reason === RefusalReason.participantBudget ? 'limit_hit' : 'update_refused';
    this.report(kind, peer, {
      text: `${reason}: ${detail}`,
      key: kind === 'limit_hit' ? 'langaudit.audit.limitReached' : 'langaudit.audit.updateRefused',
      values: { reason, detail },
    });
    peer.send(permissionDeniedMessage(reason));
    peer.close(CloseCode.refused, reason);
  }

  /** Past a limit that costs the client nothing to retry: closed with 4529, to come back. */
  overLimit(peer: Peer, reason: string, detail: string): void {
    this.report('limit_hit', peer, {
      text: `${reason}: ${detail}`,
      key: 'langaudit.audit.limitReached',
      values: { reason, detail },
    });
    peer.close(CloseCode.tooManyMessages, reason);
  }
}
