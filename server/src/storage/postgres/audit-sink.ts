import type { AuditSink } from '../audit-log-sinks';
import { transaction, type Database } from './database';

/**
 * The audit log's streams on PostgreSQL, for the clustered mode: every process appends to the
 * same streams, and a reader on any process sees them all in the order they were committed.
 * The text handed over is whole JSON lines; each is kept as a row.
 */
export class PostgresAuditSink implements AuditSink {
  constructor(private readonly database: Database) {}

  private static lines(text: string): string[] {
    return text.split('\n').filter((line) => line.length > 0);
  }

  async append(stream: string, text: string): Promise<void> {
    const lines = PostgresAuditSink.lines(text);
    if (lines.length === 0) return;
    await this.database.query(
      'INSERT INTO audit_lines (stream, line) SELECT $1, unnest($2::text[])',
      [stream, lines],
    );
  }

  async read(stream: string): Promise<string> {
    const result = await this.database.query<{ line: string }>(
      'SELECT line FROM audit_lines WHERE stream = $1 ORDER BY n',
      [stream],
    );
    return result.rows.map((row) => `${row.line}\n`).join('');
  }

  async replace(stream: string, text: string): Promise<void> {
    await transaction(this.database, async (client) => {
      await client.query('DELETE FROM audit_lines WHERE stream = $1', [stream]);
      await client.query('INSERT INTO audit_lines (stream, line) SELECT $1, unnest($2::text[])', [
        stream,
        PostgresAuditSink.lines(text),
      ]);
    });
  }
}
