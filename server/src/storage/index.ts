import { join } from 'node:path';
import { chmod, mkdir } from 'node:fs/promises';
import type { Logger } from '../logger';
import { AppendOnlyAuditLog, type AuditLog } from './audit-log';
import { FileAuditSink, MemoryAuditSink } from './audit-log-sinks';
import { FileUpdateLog } from './file-update-log';
import type { LogFiles } from './log-files';
import { MemoryUpdateLog } from './memory-update-log';
import type { MetadataStore } from './metadata';
import { LowdbMetadataStore } from './metadata-lowdb';
import { MemoryMetadataStore } from './metadata-memory';
import type { UpdateLog } from './types';

export * from './types';
export type * from './metadata';
export { MetadataWriteError } from './metadata';
export { LowdbMetadataStore } from './metadata-lowdb';
export { MemoryMetadataStore } from './metadata-memory';
export type { AuditEvent, AuditLog } from './audit-log';
export { SERVER_WIDE } from './audit-log';
export { writeFileDurably } from './metadata-file';
export type { LogFiles } from './log-files';

/** Everything Accord keeps: metadata, the audit log and the per-document update logs. */
export interface Storage {
  metadata: MetadataStore;
  audit: AuditLog;
  updates: UpdateLog;
  close(): Promise<void>;
}

/**
 * The embedded default, in `<dir>` (mode 0700): `accord.json` (metadata, lowdb), `audit/`
 * (one JSON-lines file per meeting) and `documents/` (update logs).
 */
export async function openFileStorage(
  directory: string,
  logger: Logger,
  options: {
    syncDelayMs?: number;
    /** The update log's file operations: the disk, or a seam that injects its faults. */
    files?: LogFiles;
  } = {},
): Promise<Storage> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  await chmod(directory, 0o700);
  const metadata = await LowdbMetadataStore.open(join(directory, 'accord.json'));
  const audit = new AppendOnlyAuditLog({
    sink: new FileAuditSink(join(directory, 'audit')),
    onError: (error) =>
      logger.error('audit event not written', {
        error: error instanceof Error ? error.message : String(error),
      }),
  });
  // Older versions kept the audit inside accord.json: moved once, before anything is served.
  if (metadata.legacyAudit.length > 0) await audit.importEvents(metadata.legacyAudit);
  await metadata.forgetLegacyAudit();
  // The update logs' folder is private too (its files are the update log's own business).
  await mkdir(join(directory, 'documents'), { recursive: true, mode: 0o700 });
  await chmod(join(directory, 'documents'), 0o700);
  const updates = new FileUpdateLog({
    directory: join(directory, 'documents'),
    logger,
    ...options,
  });
  return {
    metadata,
    audit,
    updates,
    close: async () => {
      await updates.close();
      await audit.close();
      await metadata.close();
    },
  };
}

/** Storage that lives in memory only. */
export function openMemoryStorage(): Promise<Storage> {
  const metadata = new MemoryMetadataStore();
  const audit = new AppendOnlyAuditLog({ sink: new MemoryAuditSink() });
  const updates = new MemoryUpdateLog();
  return Promise.resolve({
    metadata,
    audit,
    updates,
    close: async () => {
      await updates.close();
      await audit.close();
    },
  });
}
