import type { Logger } from '../../logger';
import { AppendOnlyAuditLog } from '../audit-log';
import type { Storage } from '../index';
import { PostgresAuditSink } from './audit-sink';
import { openDatabase, type Database } from './database';
import { PostgresMetadataStore } from './metadata';
import { migrate } from './migrations';
import { PostgresUpdateLog } from './update-log';

/** The clustered mode's storage: everything durable in one PostgreSQL database. */
export interface PostgresStorage extends Storage {
  metadata: PostgresMetadataStore;
  updates: PostgresUpdateLog;
  database: Database;
}

/**
 * Opens the database at `url`, brings its schema up to date (idempotently, under a lock, so
 * several processes may start at once) and loads the metadata. Rejects when PostgreSQL cannot
 * be reached or refuses the login.
 */
export async function openPostgresStorage(url: string, logger: Logger): Promise<PostgresStorage> {
  const database = openDatabase(url);
  try {
    const applied = await migrate(database);
    if (applied > 0) logger.info('database schema brought up to date', { steps: applied });
    const metadata = await PostgresMetadataStore.open(database, url);
    const audit = new AppendOnlyAuditLog({
      sink: new PostgresAuditSink(database),
      onError: (error) =>
        logger.error('audit event not written', {
          error: error instanceof Error ? error.message : String(error),
        }),
    });
    const updates = new PostgresUpdateLog(database);
    return {
      metadata,
      audit,
      updates,
      database,
      close: async () => {
        await updates.close();
        await audit.close();
        await metadata.close();
        await database.end();
      },
    };
  } catch (error) {
    await database.end().catch(() => undefined);
    throw error;
  }
}
