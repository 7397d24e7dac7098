import type { Database } from './database';
import { transaction } from './database';

/**
 * The schema, as numbered steps. Each runs once, in order, inside the transaction that records
 * it; the whole run holds an advisory lock, so two processes starting at once do not race.
 * Never edit a step that has shipped: add one.
 */
const STEPS: readonly string[] = [
  // 1: the attributed update log of every document.
  `CREATE TABLE document_logs (
     document_id text PRIMARY KEY,
     last_seq bigint NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE document_updates (
     document_id text NOT NULL REFERENCES document_logs (document_id),
     seq bigint NOT NULL,
     at bigint NOT NULL,
     author text NOT NULL,
     body bytea NOT NULL,
     PRIMARY KEY (document_id, seq)
   );
   CREATE TABLE document_bindings (
     document_id text NOT NULL REFERENCES document_logs (document_id),
     client_id bigint NOT NULL,
     author text NOT NULL,
     PRIMARY KEY (document_id, client_id)
   );
   CREATE TABLE document_checkpoints (
     document_id text PRIMARY KEY REFERENCES document_logs (document_id),
     state bytea NOT NULL,
     last_seq bigint NOT NULL
   );
   CREATE TABLE version_states (
     document_id text NOT NULL REFERENCES document_logs (document_id),
     version_id text NOT NULL,
     state bytea NOT NULL,
     PRIMARY KEY (document_id, version_id)
   );`,
  // 2: meetings, participants, documents and versions, one JSON record per row. `rev` orders
  // every write across processes (written under one lock), `created_rev` keeps list order.
  `CREATE SEQUENCE metadata_rev;
   CREATE TABLE metadata_records (
     kind text NOT NULL,
     id text NOT NULL,
     data jsonb NOT NULL,
     rev bigint NOT NULL,
     created_rev bigint NOT NULL,
     PRIMARY KEY (kind, id)
   );
   CREATE INDEX metadata_records_rev ON metadata_records (rev);`,
  // 3: the audit log, one JSON line per row, in streams (one per meeting).
  `CREATE TABLE audit_lines (
     stream text NOT NULL,
     n bigserial NOT NULL,
     line text NOT NULL,
     PRIMARY KEY (stream, n)
   );`,
  // 4: a batch of updates stored in one statement: a keystroke relayed by the clustered mode
  // waits for one round trip to the database instead of six (begin, the log's head, the
  // document's status, the new head, the rows, commit). The checks are those the transaction
  // made before: the head row is locked so that numbering continues the stored sequence, and
  // the document's record is locked for share so that a lock committed first refuses the batch
  // and a lock racing it waits for this commit. AC404: no such log; AC409: locked.
  `CREATE FUNCTION accord_append(
     p_document text,
     p_at bigint[],
     p_author text[],
     p_body bytea[],
     p_client bigint[],
     p_client_author text[]
   ) RETURNS bigint LANGUAGE plpgsql AS $$
   DECLARE
     stored bigint;
     added integer := coalesce(array_length(p_body, 1), 0);
     status text;
   BEGIN
     SELECT last_seq INTO stored FROM document_logs WHERE document_id = p_document FOR UPDATE;
     IF NOT FOUND THEN
       RAISE EXCEPTION 'no update log for document %', p_document USING ERRCODE = 'AC404';
     END IF;
     IF added > 0 THEN
       SELECT data->>'status' INTO status FROM metadata_records
        WHERE kind = 'documents' AND id = p_document FOR SHARE;
       IF status = 'locked' THEN
         RAISE EXCEPTION 'document % is locked', p_document USING ERRCODE = 'AC409';
       END IF;
       UPDATE document_logs SET last_seq = stored + added WHERE document_id = p_document;
       INSERT INTO document_updates (document_id, seq, at, author, body)
         SELECT p_document, stored + u.n, u.at, u.author, u.body
           FROM unnest(p_at, p_author, p_body) WITH ORDINALITY AS u(at, author, body, n);
     END IF;
     IF coalesce(array_length(p_client, 1), 0) > 0 THEN
       INSERT INTO document_bindings (document_id, client_id, author)
         SELECT p_document, b.client_id, b.author
           FROM unnest(p_client, p_client_author) AS b(client_id, author)
         ON CONFLICT (document_id, client_id) DO NOTHING;
     END IF;
     RETURN stored;
   END $$;`,
];

/** Any 64-bit number of our own: the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 4_711_002_026;

/** Brings the schema up to date; idempotent. Resolves to the number of steps applied now. */
export async function migrate(database: Database): Promise<number> {
  return transaction(database, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS accord_migrations (
         step integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = await client.query<{ step: number }>('SELECT step FROM accord_migrations');
    const applied = new Set(done.rows.map((row) => row.step));
    let count = 0;
    for (const [index, sql] of STEPS.entries()) {
      const step = index + 1;
      if (applied.has(step)) continue;
      await client.query(sql);
      await client.query('INSERT INTO accord_migrations (step) VALUES ($1)', [step]);
      count++;
    }
    return count;
  });
}
