/**
 * The on-disk layout of one document's update log: numbered segments of framed records and
 * numbered checkpoints, each checkpoint naming the segment that continues after it.
 */

const pad = (n: number) => String(n).padStart(6, '0');
export const segmentName = (n: number) => `segment-${pad(n)}.log`;
export const checkpointName = (n: number) => `checkpoint-${pad(n)}.bin`;

/** The numbers of the files named `<prefix>NNNNNN<suffix>`, in order. */
export function numbered(files: string[], prefix: string, suffix: string): number[] {
  return files
    .filter((f) => f.startsWith(prefix) && f.endsWith(suffix))
    .map((f) => Number(f.slice(prefix.length, -suffix.length)))
    .filter((n) => Number.isInteger(n) && n >= 0)
    .sort((a, b) => a - b);
}

/** The segment a document's appends go to, and how far it is written and synced. */
export interface OpenSegment {
  path: string;
  /** Opened on the first write, so that a read-only disk still loads. */
  fd: number | null;
  segment: number;
  /** Where the next record goes: the end of the last whole record. */
  end: number;
  /** Up to where a sync has succeeded. */
  syncedEnd: number;
  /** Bytes past `end` (a failed write's) wait to be cut before the next write. */
  needsCut: boolean;
  dirty: boolean;
  /** A group sync failed: what was written since `syncedEnd` is written again and synced. */
  syncFailed: boolean;
}
