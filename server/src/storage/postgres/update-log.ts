import type pg from 'pg';
import {
  DocumentNotFoundError,
  StorageUnavailableError,
  type BindingRecord,
  type LogEntry,
  type StoredDocument,
  type UpdateLog,
  type UpdateRecord,
} from '../types';
import { isUnavailable, transaction, type Database } from './database';

/**
 * The attributed update log on PostgreSQL, for the clustered mode. Every call is one
 * transaction, so a call that rejects leaves none of its entries (the contract's "cut back"
 * comes free). `append` resolves once the commit is durable (synchronous_commit), which is
 * stronger than the file log's `syncDelayMs` window.
 *
 * Appends are fenced: a batch of updates must continue the stored sequence exactly. Two
 * processes that both believed they held a document would otherwise interleave two histories;
 * the second one's append is refused and it must reload.
 */
export class LogFencedError extends Error {
  constructor(
    readonly documentId: string,
    readonly expected: number,
    readonly stored: number,
  ) {
    super(
      `The history of document ${documentId} moved on elsewhere (stored up to ${stored}, this process expected ${expected}).`,
    );
  }
}

/**
 * An append refused because the document was locked in PostgreSQL before the append's
 * transaction could commit: the lock and an edit that raced it on another process are
 * serialised on the document's metadata row.
 */
export class DocumentLockedError extends Error {
  readonly refusal = 'locked';
  constructor(readonly documentId: string) {
    super(`Document ${documentId} was locked before this edit could be stored.`);
  }
}

/** Where a batch landed in the document's sequence. */
export interface AppendedRange {
  /** The seq of the batch's first update (its updates are numbered on from here). */
  first: number;
  /** The seq of its last update; `first - 1` when the batch held only bindings. */
  last: number;
}

interface UpdateRow {
  seq: string;
  at: string;
  author: string;
  body: Buffer;
}

/** A database that cannot take a write becomes `StorageUnavailableError`; other errors pass. */
function storageError(documentId: string, error: unknown): unknown {
  if (!isUnavailable(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StorageUnavailableError(documentId, message);
}

const toRecord = (row: UpdateRow): UpdateRecord => ({
  kind: 'update',
  seq: Number(row.seq),
  at: Number(row.at),
  author: row.author,
  update: new Uint8Array(row.body),
});

export class PostgresUpdateLog implements UpdateLog {
  constructor(private readonly database: Database) {}

  /** Runs a write; a database that cannot take it becomes `StorageUnavailableError`. */
  private async write<T>(documentId: string, work: (client: pg.PoolClient) => Promise<T>) {
    try {
      return await transaction(this.database, work);
    } catch (error) {
      throw storageError(documentId, error);
    }
  }

  private static async insert(
    client: pg.PoolClient,
    documentId: string,
    entries: readonly LogEntry[],
  ): Promise<void> {
    const updates = entries.filter((e): e is UpdateRecord => e.kind === 'update');
    const bindings = entries.filter((e): e is BindingRecord => e.kind === 'bind');
    if (updates.length > 0) {
      await client.query(
        `INSERT INTO document_updates (document_id, seq, at, author, body)
         SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::bytea[])`,
        [
          documentId,
          updates.map((u) => u.seq),
          updates.map((u) => u.at),
          updates.map((u) => u.author),
          updates.map((u) => Buffer.from(u.update.buffer, u.update.byteOffset, u.update.length)),
        ],
      );
    }
    if (bindings.length > 0) {
      await client.query(
        `INSERT INTO document_bindings (document_id, client_id, author)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[])
         ON CONFLICT (document_id, client_id) DO NOTHING`,
        [documentId, bindings.map((b) => b.clientId), bindings.map((b) => b.author)],
      );
    }
  }

  async create(documentId: string, entries: readonly LogEntry[]): Promise<void> {
    const lastSeq = entries.reduce(
      (max, e) => (e.kind === 'update' ? Math.max(max, e.seq) : max),
      0,
    );
    await this.write(documentId, async (client) => {
      const created = await client.query(
        `INSERT INTO document_logs (document_id, last_seq) VALUES ($1, $2)
         ON CONFLICT (document_id) DO NOTHING`,
        [documentId, lastSeq],
      );
      if (created.rowCount === 0) {
        throw new RangeError(`Document ${documentId} already has a history`);
      }
      await PostgresUpdateLog.insert(client, documentId, entries);
    });
  }

  async exists(documentId: string): Promise<boolean> {
    const result = await this.database.query('SELECT 1 FROM document_logs WHERE document_id = $1', [
      documentId,
    ]);
    return result.rowCount === 1;
  }

  async load(documentId: string): Promise<StoredDocument> {
    // One snapshot: the checkpoint, the updates after it and the bindings agree.
    return transaction(this.database, async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const head = await client.query<{ last_seq: string }>(
        'SELECT last_seq FROM document_logs WHERE document_id = $1',
        [documentId],
      );
      if (head.rowCount !== 1) throw new DocumentNotFoundError(documentId);
      const checkpoint = await client.query<{ state: Buffer; last_seq: string }>(
        'SELECT state, last_seq FROM document_checkpoints WHERE document_id = $1',
        [documentId],
      );
      const from = checkpoint.rows[0] ? Number(checkpoint.rows[0].last_seq) : 0;
      const updates = await client.query<UpdateRow>(
        `SELECT seq, at, author, body FROM document_updates
         WHERE document_id = $1 AND seq > $2 ORDER BY seq`,
        [documentId, from],
      );
      const bindings = await client.query<{ client_id: string; author: string }>(
        'SELECT client_id, author FROM document_bindings WHERE document_id = $1',
        [documentId],
      );
      const records = updates.rows.map(toRecord);
      return {
        checkpoint: checkpoint.rows[0] ? new Uint8Array(checkpoint.rows[0].state) : null,
        updates: records,
        bindings: new Map(bindings.rows.map((row) => [Number(row.client_id), row.author])),
        lastSeq: Math.max(from, Number(head.rows[0]!.last_seq)),
        repaired: null,
      };
    });
  }

  async append(documentId: string, entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) {
      if (!(await this.exists(documentId))) throw new DocumentNotFoundError(documentId);
      return;
    }
    const seqs = entries.flatMap((e) => (e.kind === 'update' ? [e.seq] : []));
    await this.write(documentId, async (client) => {
      // The row lock serialises appends to one document across every process.
      const head = await client.query<{ last_seq: string }>(
        'SELECT last_seq FROM document_logs WHERE document_id = $1 FOR UPDATE',
        [documentId],
      );
      if (head.rowCount !== 1) throw new DocumentNotFoundError(documentId);
      const stored = Number(head.rows[0]!.last_seq);
      if (seqs.length > 0) {
        const first = seqs[0]!;
        if (first !== stored + 1) throw new LogFencedError(documentId, first - 1, stored);
        await client.query('UPDATE document_logs SET last_seq = $2 WHERE document_id = $1', [
          documentId,
          seqs[seqs.length - 1],
        ]);
      }
      await PostgresUpdateLog.insert(client, documentId, entries);
    });
  }

  /**
   * The clustered mode's append: the batch's updates are numbered on from whatever is stored
   * now (every process appends to one sequence; Yjs updates commute, so taking the next free
   * seqs under the row lock is the fence's "re-read and retry" done inside one transaction).
   * The same transaction reads the document's metadata row `FOR SHARE`: a lock committed first
   * makes the append refuse (`DocumentLockedError`); a lock committed after waits for the
   * append, so the edit is in the locked text.
   */
  async appendNext(documentId: string, entries: readonly LogEntry[]): Promise<AppendedRange> {
    const updates = entries.filter((e): e is UpdateRecord => e.kind === 'update');
    const bindings = entries.filter((e): e is BindingRecord => e.kind === 'bind');
    let stored: number;
    try {
      // One statement (migration step 4): its own transaction, one round trip.
      const result = await this.database.query<{ stored: string }>(
        'SELECT accord_append($1, $2, $3, $4, $5, $6) AS stored',
        [
          documentId,
          updates.map((u) => u.at),
          updates.map((u) => u.author),
          updates.map((u) => Buffer.from(u.update.buffer, u.update.byteOffset, u.update.length)),
          bindings.map((b) => b.clientId),
          bindings.map((b) => b.author),
        ],
      );
      stored = Number(result.rows[0]!.stored);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'AC404') throw new DocumentNotFoundError(documentId);
      if (code === 'AC409') throw new DocumentLockedError(documentId);
      throw storageError(documentId, error);
    }
    return { first: stored + 1, last: stored + updates.length };
  }

  async checkpoint(
    documentId: string,
    state: Uint8Array,
    lastSeq: number,
    bindings: ReadonlyMap<number, string>,
  ): Promise<void> {
    await this.write(documentId, async (client) => {
      const head = await client.query('SELECT 1 FROM document_logs WHERE document_id = $1', [
        documentId,
      ]);
      if (head.rowCount !== 1) throw new DocumentNotFoundError(documentId);
      await client.query(
        `INSERT INTO document_checkpoints (document_id, state, last_seq) VALUES ($1, $2, $3)
         ON CONFLICT (document_id) DO UPDATE SET state = EXCLUDED.state, last_seq = EXCLUDED.last_seq
         WHERE document_checkpoints.last_seq <= EXCLUDED.last_seq`,
        [documentId, Buffer.from(state), lastSeq],
      );
      const entries: BindingRecord[] = [...bindings].map(([clientId, author]) => ({
        kind: 'bind',
        clientId,
        author,
      }));
      await PostgresUpdateLog.insert(client, documentId, entries);
    });
  }

  async history(documentId: string, fromSeq: number, toSeq: number): Promise<UpdateRecord[]> {
    if (!(await this.exists(documentId))) throw new DocumentNotFoundError(documentId);
    const result = await this.database.query<UpdateRow>(
      `SELECT seq, at, author, body FROM document_updates
       WHERE document_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`,
      [documentId, fromSeq, toSeq],
    );
    return result.rows.map(toRecord);
  }

  async saveVersionState(documentId: string, versionId: string, state: Uint8Array): Promise<void> {
    await this.write(documentId, async (client) => {
      await client.query(
        `INSERT INTO version_states (document_id, version_id, state) VALUES ($1, $2, $3)
         ON CONFLICT (document_id, version_id) DO UPDATE SET state = EXCLUDED.state`,
        [documentId, versionId, Buffer.from(state)],
      );
    });
  }

  async loadVersionState(documentId: string, versionId: string): Promise<Uint8Array | null> {
    const result = await this.database.query<{ state: Buffer }>(
      'SELECT state FROM version_states WHERE document_id = $1 AND version_id = $2',
      [documentId, versionId],
    );
    return result.rows[0] ? new Uint8Array(result.rows[0].state) : null;
  }

  /** Every append is durable when it resolves. */
  flush(): Promise<void> {
    return Promise.resolve();
  }

  /** The pool belongs to whoever opened it. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
