import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Logger } from '../logger';
import { FileUpdateLog } from './file-update-log';
import { MemoryUpdateLog } from './memory-update-log';
import { MetadataStore } from './metadata';
import type { UpdateLog } from './types';

export * from './types';
export { MetadataStore } from './metadata';
export type * from './metadata';

/** Everything Accord keeps: metadata and the per-document update logs. */
export interface Storage {
  metadata: MetadataStore;
  updates: UpdateLog;
  close(): Promise<void>;
}

/** The embedded default: `<dir>/accord.json` (lowdb) and `<dir>/documents/` (update logs). */
export async function openFileStorage(
  directory: string,
  logger: Logger,
  options: { syncDelayMs?: number } = {},
): Promise<Storage> {
  await mkdir(directory, { recursive: true });
  const metadata = await MetadataStore.openFile(join(directory, 'accord.json'));
  const updates = new FileUpdateLog({
    directory: join(directory, 'documents'),
    logger,
    ...options,
  });
  return { metadata, updates, close: () => updates.close() };
}

/** Storage that lives in memory only. */
export async function openMemoryStorage(): Promise<Storage> {
  const metadata = await MetadataStore.openMemory();
  const updates = new MemoryUpdateLog();
  return { metadata, updates, close: () => updates.close() };
}
