import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file of the documents and their metadata with its size: what "storage unchanged"
 * compares. The audit log, which records refusals, is meant to grow and is left out.
 */
export async function storageSnapshot(dir: string): Promise<Record<string, number>> {
  const files: Record<string, number> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const relative = path.slice(dir.length);
    // The audit log grows with refusals by design: it is not the meeting's data.
    if (/(^|\/)audit(\/|$)/.test(relative)) continue;
    files[relative] = (await stat(path)).size;
  }
  return files;
}
