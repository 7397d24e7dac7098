import pg from 'pg';
import { MetadataWriteError, type MetadataChange, type MetadataShape } from '../metadata';
import {
  IndexedMetadataStore,
  KINDS,
  Transaction,
  emptyShape,
  type AnyRecord,
  type Kind,
  type Staged,
} from '../metadata-tables';
import { transaction, type Database } from './database';

/**
 * Metadata on PostgreSQL for the clustered mode. Every process keeps the whole metadata in
 * memory, indexed as the embedded store does, so the relay's lookups stay O(1) and synchronous.
 * A change runs in one database transaction under a cluster-wide lock: it first takes in what
 * other processes wrote, then applies the callback and writes its records, then notifies. The
 * other processes hear the notification (LISTEN) and take the new rows in within milliseconds.
 */

const CHANNEL = 'accord_metadata';
/** Any 64-bit number of our own: serialises metadata changes across processes. */
const METADATA_LOCK = 4_711_002_027;

interface Row {
  kind: Kind;
  id: string;
  data: AnyRecord;
  rev: string;
}

const emptyStaged = (): Staged => ({
  meetings: new Map(),
  participants: new Map(),
  documents: new Map(),
  versions: new Map(),
});

/** Records as older versions wrote them get today's defaults. */
function normalise(kind: Kind, record: AnyRecord): AnyRecord {
  if (kind === 'participants' && !('expiresAt' in record)) return { ...record, expiresAt: null };
  return record;
}

export class PostgresMetadataStore extends IndexedMetadataStore {
  private lastRev = 0;
  private listener: pg.Client | null = null;
  private readonly watchers = new Set<(staged: Staged) => void>();

  private constructor(
    shape: MetadataShape,
    private readonly database: Database,
  ) {
    super(shape, () => Promise.reject(new Error('changes go through the database')));
  }

  /** Loads every record and starts listening for other processes' changes. */
  static async open(database: Database, url: string): Promise<PostgresMetadataStore> {
    const rows = await database.query<Row>(
      'SELECT kind, id, data, rev FROM metadata_records ORDER BY created_rev',
    );
    const shape = emptyShape();
    let lastRev = 0;
    for (const row of rows.rows) {
      (shape[row.kind] as AnyRecord[]).push(normalise(row.kind, row.data));
      lastRev = Math.max(lastRev, Number(row.rev));
    }
    const store = new PostgresMetadataStore(shape, database);
    store.lastRev = lastRev;
    await store.listen(url);
    return store;
  }

  /** Calls `watcher` with the records other processes changed, once they are visible here. */
  watch(watcher: (staged: Staged) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private async listen(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    client.on('notification', () => {
      void this.enqueue(() => this.pullAndTell()).catch(() => undefined);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
    // Anything written between the load and the LISTEN.
    await this.enqueue(() => this.pullAndTell());
  }

  /** Rows written after `lastRev`, by any process. */
  private async pull(queryable: Pick<pg.ClientBase, 'query'>): Promise<Staged> {
    const rows = await queryable.query<Row>(
      'SELECT kind, id, data, rev FROM metadata_records WHERE rev > $1 ORDER BY rev',
      [this.lastRev],
    );
    const staged = emptyStaged();
    for (const row of rows.rows) {
      (staged[row.kind] as Map<string, AnyRecord>).set(row.id, normalise(row.kind, row.data));
      this.lastRev = Math.max(this.lastRev, Number(row.rev));
    }
    return staged;
  }

  private async pullAndTell(): Promise<void> {
    const staged = await this.pull(this.database);
    this.absorb(staged);
  }

  private absorb(staged: Staged): void {
    if (!KINDS.some((kind) => staged[kind].size > 0)) return;
    this.tables.apply(staged);
    for (const watcher of this.watchers) watcher(staged);
  }

  override change<T>(apply: (change: MetadataChange) => T): Promise<T> {
    return this.enqueue(async () => {
      let external: Staged = emptyStaged();
      let staged: Staged = emptyStaged();
      let answer!: T;
      let written = this.lastRev;
      try {
        await transaction(this.database, async (client) => {
          await client.query('SELECT pg_advisory_xact_lock($1)', [METADATA_LOCK]);
          // What other processes committed first: the change must see it.
          external = await this.pull(client);
          this.tables.apply(external);
          const change = new Transaction(this.tables);
          try {
            answer = apply(change);
          } finally {
            change.finished = true;
          }
          if (answer instanceof Promise) {
            throw new TypeError('A metadata change must be synchronous.');
          }
          staged = change.staged;
          for (const kind of KINDS) {
            for (const [id, record] of staged[kind] as Map<string, AnyRecord>) {
              const row = await client.query<{ rev: string }>(
                `INSERT INTO metadata_records (kind, id, data, rev, created_rev)
                 VALUES ($1, $2, $3, nextval('metadata_rev'), currval('metadata_rev'))
                 ON CONFLICT (kind, id) DO UPDATE SET data = EXCLUDED.data, rev = EXCLUDED.rev
                 RETURNING rev`,
                [kind, id, JSON.stringify(record)],
              );
              written = Math.max(written, Number(row.rows[0]!.rev));
            }
          }
          if (KINDS.some((kind) => staged[kind].size > 0)) {
            await client.query(`NOTIFY ${CHANNEL}`);
          }
        });
      } catch (error) {
        if (error instanceof TypeError) throw error;
        this.tell(external);
        throw error instanceof MetadataWriteError ? error : new MetadataWriteError(error);
      }
      // Only now committed: later pulls start after our own rows.
      this.lastRev = Math.max(this.lastRev, written);
      this.tell(external);
      this.tables.apply(staged);
      return answer;
    });
  }

  private tell(external: Staged): void {
    if (!KINDS.some((kind) => external[kind].size > 0)) return;
    for (const watcher of this.watchers) watcher(external);
  }

  override async close(): Promise<void> {
    await super.close();
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }
}
