import type { LogEntry, UpdateLog } from '../../storage';

/**
 * A fault seam over a real update log: while `failing` is set, `append` rejects as a full or
 * read-only disk does, writing none of the call's entries (the storage contract); everything
 * else, and every append once the fault is cleared, goes to the real log.
 */
export function faultyLog(log: UpdateLog): UpdateLog & { failing: boolean; refused: number } {
  const faulty = Object.create(log) as UpdateLog & { failing: boolean; refused: number };
  faulty.failing = false;
  faulty.refused = 0;
  faulty.append = (documentId: string, entries: readonly LogEntry[]) => {
    if (!faulty.failing) return log.append(documentId, entries);
    faulty.refused += 1;
    return Promise.reject(new Error('ENOSPC: no space left on device'));
  };
  return faulty;
}
