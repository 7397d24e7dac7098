import type * as Y from 'yjs';
import type { DraftingMode, Role } from '@accord/shared';
import type { Logger } from '../logger';
import type { UpdateLog } from '../storage';
import type { Room } from './room';
import type { SecurityEvent } from '../security-event';

export interface RoomOptions {
  documentId: string;
  log: UpdateLog;
  logger: Logger;
  /** Whether the document is locked for adoption (asked at every update). */
  isLocked: () => boolean;
  /** The document's drafting mode (asked at every update; default `open`). */
  modeOf?: () => DraftingMode;
  /** Called when the last peer has left. */
  onEmpty: (room: Room) => void;
  /** Limits hit, updates refused, writes that failed: for the meeting's audit log. */
  onSecurityEvent?: (event: SecurityEvent) => void;
  /** Checkpoint after this many updates (default 2,000). */
  checkpointEvery?: number;
  /** Messages a peer may send while the document loads (default 512). */
  maxQueuedPerPeer?: number;
  /** Updates that would grow the document past this many bytes are refused (default 64 MiB). */
  maxDocumentBytes?: number;
  /** Carets and presence are relayed at most this often (default 30 ms). */
  awarenessIntervalMs?: number;
  /** An awareness state larger than this (its JSON, in bytes) is refused (default 16 KiB). */
  maxAwarenessStateBytes?: number;
  /**
   * What one participant may add to the document within `windowMs` (default: an eighth of
   * `maxDocumentBytes`, 8 MiB, per hour), so that one delegate cannot fill it for everyone.
   * Roles in `exemptRoles` (default admin, chair, rapporteur) have no budget.
   */
  participantBudget?: { bytes?: number; windowMs?: number; exemptRoles?: readonly Role[] };
  /**
   * Bytes of sync answers encoded for one connection within `windowMs` (default 8 MiB per
   * 10 s). Past it, the connection's requests are answered from the encoding shared by devices
   * that join with nothing, which costs nothing more to send again.
   */
  syncAnswerBudget?: { bytes?: number; windowMs?: number };
  /**
   * Updates of one connection held until the history they build on arrives (default 2,000
   * updates or 16 MiB). Past it the connection is closed with 4529: its provider reconnects and
   * sends everything again through sync.
   */
  maxPendingPerPeer?: { updates?: number; bytes?: number };
  /** Runs the flush and the caret relay (default: the event loop). */
  scheduler?: RoomScheduler;
  /** The clock for update times and budgets (default `Date.now`). */
  now?: () => number;
  /**
   * The clustered mode: every awareness message relayed to this room's peers, to be relayed to
   * the same document's peers on the other processes too.
   */
  publishAwareness?: (message: Uint8Array) => void;
}

/** The limits a room takes beyond the defaults (each documented on `RoomOptions`). */
export type RoomLimitOptions = Pick<
  RoomOptions,
  | 'maxQueuedPerPeer'
  | 'awarenessIntervalMs'
  | 'maxAwarenessStateBytes'
  | 'participantBudget'
  | 'syncAnswerBudget'
  | 'maxPendingPerPeer'
>;

/** A change the server itself makes (a restore): attributed like any other. */
export interface ServerChange {
  author: string;
  apply: (doc: Y.Doc) => void;
}

const MiB = 1024 * 1024;

/** A room's limits with every default filled in. */
export function roomLimits(options: RoomOptions) {
  const maxDocumentBytes = options.maxDocumentBytes ?? 64 * MiB;
  return {
    maxDocumentBytes,
    maxQueuedPerPeer: options.maxQueuedPerPeer ?? 512,
    awarenessIntervalMs: options.awarenessIntervalMs ?? 30,
    maxAwarenessStateBytes: options.maxAwarenessStateBytes ?? 16 * 1024,
    participantBudget: {
      bytes: options.participantBudget?.bytes ?? maxDocumentBytes / 8,
      windowMs: options.participantBudget?.windowMs ?? 60 * 60 * 1000,
      exemptRoles:
        options.participantBudget?.exemptRoles ?? (['admin', 'chair', 'rapporteur'] as const),
    },
    syncAnswerBudget: {
      bytes: options.syncAnswerBudget?.bytes ?? 8 * MiB,
      windowMs: options.syncAnswerBudget?.windowMs ?? 10_000,
    },
    maxPending: {
      updates: options.maxPendingPerPeer?.updates ?? 2000,
      bytes: options.maxPendingPerPeer?.bytes ?? 16 * MiB,
    },
  };
}

/**
 * When a room's deferred work runs: its flush at the end of the event-loop turn, its caret relay
 * after an interval. Production uses the event loop; tests pass a scheduler they drive by hand,
 * so a whole session of a room replays step by step, the same way every time.
 */
export interface RoomScheduler {
  /** Runs `task` once the current event-loop turn is over (production: `setImmediate`). */
  soon(task: () => unknown): void;
  /** Runs `task` after `ms` milliseconds (production: `setTimeout`); returns its cancel. */
  later(ms: number, task: () => unknown): () => void;
}

export const eventLoopScheduler: RoomScheduler = {
  soon(task) {
    setImmediate(task);
  },
  later(ms, task) {
    const timer = setTimeout(task, ms);
    return () => clearTimeout(timer);
  },
};
