import type * as Y from 'yjs';
import type { Logger } from '../logger';
import type { UpdateLog } from '../storage';
import type { Room } from './room';

export interface RoomOptions {
  documentId: string;
  log: UpdateLog;
  logger: Logger;
  /** Whether the document is locked for adoption (asked at every update). */
  isLocked: () => boolean;
  /** Called when the last peer has left. */
  onEmpty: (room: Room) => void;
  /** Checkpoint after this many updates (default 2,000). */
  checkpointEvery?: number;
  /** Messages a peer may send while the document loads (default 512). */
  maxQueuedPerPeer?: number;
  /** Updates that would grow the document past this many bytes are refused (default 64 MiB). */
  maxDocumentBytes?: number;
  /** Carets and presence are relayed at most this often (default 30 ms). */
  awarenessIntervalMs?: number;
}

/** A change the server itself makes (a restore): attributed like any other. */
export interface ServerChange {
  author: string;
  apply: (doc: Y.Doc) => void;
}
