/**
 * The storage seam. Metadata (meetings, participants, documents, versions) lives in a
 * `MetadataStore`, the audit trail in an `AuditLog`, the Yjs history of each document in an
 * `UpdateLog`. The embedded default keeps all three on local disk; a distributed engine
 * (PostgreSQL, S3, Redis streams) plugs in behind the same interfaces.
 */

/** One accepted Yjs update, attributed to the participant whose connection sent it. */
export interface UpdateRecord {
  kind: 'update';
  /** Position in the document's history: 1, 2, 3, … without gaps. */
  seq: number;
  /** Milliseconds since the epoch, when the server accepted it. */
  at: number;
  /** Participant id, `admin` for the secretariat, `system` for template text. */
  author: string;
  update: Uint8Array;
}

/** A Yjs client id claimed by a participant: every later use by anyone else is refused. */
export interface BindingRecord {
  kind: 'bind';
  clientId: number;
  author: string;
}

export type LogEntry = UpdateRecord | BindingRecord;

/** What a document's log holds, ready to be loaded into a `Y.Doc`. */
export interface StoredDocument {
  /** The full Yjs state as of the last checkpoint, or null before the first one. */
  checkpoint: Uint8Array | null;
  /** Updates accepted after the checkpoint, in order. */
  updates: UpdateRecord[];
  /** Every client id binding ever recorded (checkpointed ones included). */
  bindings: Map<number, string>;
  /** The seq of the last update (0 for none). */
  lastSeq: number;
  /**
   * Set when a torn record, or a run of zero bytes a filesystem left after the last record, was
   * cut off the tail while loading (everything before it is kept).
   */
  repaired: { droppedBytes: number; zeroFilled: boolean } | null;
}

export class DocumentNotFoundError extends Error {
  constructor(readonly documentId: string) {
    super(`No stored history for document ${documentId}.`);
  }
}

export class CorruptLogError extends Error {
  constructor(
    readonly documentId: string,
    detail: string,
  ) {
    super(`The history of document ${documentId} is damaged: ${detail}`);
  }
}

/**
 * The disk refused a write (full, read-only, failing): the call that rejects with it left none
 * of its entries in the log, and a later call may succeed once the disk takes writes again.
 */
export class StorageUnavailableError extends Error {
  constructor(
    readonly documentId: string,
    override readonly cause: string,
  ) {
    super(`The history of document ${documentId} cannot be written now: ${cause}`);
  }
}

/**
 * Append-only, per-document log of Yjs updates and client bindings.
 *
 * Contract: when `append` resolves, the entries are written (a process kill cannot lose them);
 * they are made durable against power loss within `syncDelayMs`. `create` and version states
 * are durable when their promise resolves.
 *
 * When `append`, `create`, `checkpoint` or `saveVersionState` rejects with
 * `StorageUnavailableError`, none of that call's entries is in the log (a short or failed write
 * is cut back), and a later call may succeed once the disk takes writes again.
 */
export interface UpdateLog {
  /** Starts a document's history (its template text and who wrote it); durable when resolved. */
  create(documentId: string, entries: readonly LogEntry[]): Promise<void>;
  /** Whether a history exists. */
  exists(documentId: string): Promise<boolean>;
  /** Loads the latest checkpoint and every entry after it. Throws `DocumentNotFoundError`. */
  load(documentId: string): Promise<StoredDocument>;
  append(documentId: string, entries: readonly LogEntry[]): Promise<void>;
  /**
   * Records that `state` (a full Yjs state update) holds every update up to `lastSeq`, so that
   * loading no longer needs to read what came before. Entries appended while its promise is
   * pending land after it: a room keeps relaying while the checkpoint reaches the disk.
   */
  checkpoint(
    documentId: string,
    state: Uint8Array,
    lastSeq: number,
    bindings: ReadonlyMap<number, string>,
  ): Promise<void>;
  /** Every update with `fromSeq < seq <= toSeq`, in order (checkpointed history included). */
  history(documentId: string, fromSeq: number, toSeq: number): Promise<UpdateRecord[]>;
  /** Keeps the full state of a version (durable when resolved). */
  saveVersionState(documentId: string, versionId: string, state: Uint8Array): Promise<void>;
  /** The state saved for a version, or null. */
  loadVersionState(documentId: string, versionId: string): Promise<Uint8Array | null>;
  /** Makes everything written durable. */
  flush(): Promise<void>;
  /** Flushes and releases files. */
  close(): Promise<void>;
}
