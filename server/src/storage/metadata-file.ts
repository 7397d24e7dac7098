import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/**
 * A lowdb adapter that makes each write durable before it resolves: the JSON goes to a
 * temporary file (mode 0600) that is synced, renamed over the old file, and the directory is
 * synced so that the rename itself survives a power cut. lowdb's own JSONFile renames but
 * never syncs, so an acknowledged change could vanish with the page cache.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(data: T): Promise<void> {
    return writeFileDurably(this.path, JSON.stringify(data));
  }
}

/**
 * Replaces a file so that either the old or the new content survives any crash, and the new
 * one survives a power cut once this resolves: temporary file (0600), sync, rename, sync of the
 * directory. A failure leaves the old file as it was.
 */
export async function writeFileDurably(path: string, text: string): Promise<void> {
  const directory = dirname(path);
  const temporary = join(directory, `.${basename(path)}.${process.pid}.tmp`);
  try {
    const file = await open(temporary, 'w', 0o600);
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  const folder = await open(directory, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
