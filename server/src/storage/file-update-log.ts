import { closeSync, fdatasync, fsyncSync, openSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger';
import {
  decodeCheckpoint,
  decodeEntry,
  encodeCheckpoint,
  encodeEntry,
  frame,
  readFrames,
} from './record-codec';
import {
  CorruptLogError,
  DocumentNotFoundError,
  type LogEntry,
  type StoredDocument,
  type UpdateLog,
  type UpdateRecord,
} from './types';

/**
 * The embedded update log: one folder per document holding numbered segments and checkpoints.
 *
 *     documents/<id>/segment-000003.log   entries appended since checkpoint 3
 *     documents/<id>/checkpoint-000003.bin the full state before segment 3
 *     documents/<id>/versions/<vid>.bin    a version's full state
 *
 * Appends are plain `write(2)` calls: once one returns, a killed process loses nothing. Writes
 * are made durable against power loss by `fdatasync` in groups, at most `syncDelayMs` after
 * they were written. Old segments are kept: they are the attributed history that comparisons
 * between versions read.
 */

interface OpenSegment {
  fd: number;
  segment: number;
  dirty: boolean;
}

export interface FileUpdateLogOptions {
  directory: string;
  logger: Logger;
  /** How long a written entry may wait for its fsync (default 50 ms). */
  syncDelayMs?: number;
}

const pad = (n: number) => String(n).padStart(6, '0');
const segmentName = (n: number) => `segment-${pad(n)}.log`;
const checkpointName = (n: number) => `checkpoint-${pad(n)}.bin`;

function numbered(files: string[], prefix: string, suffix: string): number[] {
  return files
    .filter((f) => f.startsWith(prefix) && f.endsWith(suffix))
    .map((f) => Number(f.slice(prefix.length, -suffix.length)))
    .filter((n) => Number.isInteger(n) && n >= 0)
    .sort((a, b) => a - b);
}

async function writeDurably(path: string, data: Uint8Array): Promise<void> {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}

/** Makes a folder's entries (a new or renamed file) durable, off the main thread. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class FileUpdateLog implements UpdateLog {
  private readonly open = new Map<string, OpenSegment>();
  private readonly syncDelayMs: number;
  private syncTimer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> = Promise.resolve();

  constructor(private readonly options: FileUpdateLogOptions) {
    this.syncDelayMs = options.syncDelayMs ?? 50;
  }

  private folder(documentId: string): string {
    return join(this.options.directory, documentId);
  }

  async create(documentId: string, entries: readonly LogEntry[]): Promise<void> {
    const folder = this.folder(documentId);
    await mkdir(this.options.directory, { recursive: true });
    await mkdir(folder);
    const fd = openSync(join(folder, segmentName(0)), 'a');
    writeSync(fd, Buffer.concat(entries.map((entry) => frame(encodeEntry(entry)))));
    fsyncSync(fd);
    await syncDirectory(folder);
    this.open.set(documentId, { fd, segment: 0, dirty: false });
  }

  async exists(documentId: string): Promise<boolean> {
    try {
      return (await stat(this.folder(documentId))).isDirectory();
    } catch {
      return false;
    }
  }

  async load(documentId: string): Promise<StoredDocument> {
    const folder = this.folder(documentId);
    let files: string[];
    try {
      files = await readdir(folder);
    } catch {
      throw new DocumentNotFoundError(documentId);
    }
    let checkpoint: ReturnType<typeof decodeCheckpoint> | null = null;
    let base = 0;
    // The newest checkpoint that reads back whole; a damaged one falls back to an older one.
    for (const n of numbered(files, 'checkpoint-', '.bin').reverse()) {
      const scan = readFrames(await readFile(join(folder, checkpointName(n))));
      if (scan.payloads.length === 1 && scan.payloads[0]) {
        checkpoint = decodeCheckpoint(scan.payloads[0]);
        base = n;
        break;
      }
      this.options.logger.warn('checkpoint unreadable, using an older one', { documentId, n });
    }
    const segments = numbered(files, 'segment-', '.log').filter((n) => n >= base);
    const bindings = new Map(checkpoint?.bindings ?? []);
    const updates: UpdateRecord[] = [];
    let lastSeq = checkpoint?.lastSeq ?? 0;
    let repaired: StoredDocument['repaired'] = null;
    for (const [index, n] of segments.entries()) {
      const path = join(folder, segmentName(n));
      const data = await readFile(path);
      const scan = readFrames(data);
      if (scan.validBytes < data.length) {
        if (index !== segments.length - 1) {
          throw new CorruptLogError(
            documentId,
            `segment ${n} is damaged at byte ${scan.validBytes}`,
          );
        }
        // A torn tail: the process died mid-append. Nothing after it was acknowledged to anyone.
        repaired = { droppedBytes: data.length - scan.validBytes };
        await truncate(path, scan.validBytes);
        this.options.logger.warn('cut off a torn record at the end of the log', {
          documentId,
          segment: n,
          droppedBytes: repaired.droppedBytes,
        });
      }
      for (const payload of scan.payloads) {
        const entry = decodeEntry(payload);
        if (entry.kind === 'bind') {
          bindings.set(entry.clientId, entry.author);
        } else if (entry.seq > lastSeq) {
          updates.push(entry);
          lastSeq = entry.seq;
        }
      }
    }
    if (!this.open.has(documentId)) {
      const last = segments.at(-1) ?? base;
      const fd = openSync(join(folder, segmentName(last)), 'a');
      this.open.set(documentId, { fd, segment: last, dirty: false });
    }
    return { checkpoint: checkpoint?.state ?? null, updates, bindings, lastSeq, repaired };
  }

  private segmentOf(documentId: string): OpenSegment {
    const segment = this.open.get(documentId);
    if (!segment) throw new RangeError(`Document ${documentId} must be loaded before appending`);
    return segment;
  }

  append(documentId: string, entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const segment = this.segmentOf(documentId);
    const frames = entries.map((entry) => frame(encodeEntry(entry)));
    writeSync(segment.fd, frames.length === 1 ? frames[0]! : Buffer.concat(frames));
    segment.dirty = true;
    this.scheduleSync();
    return Promise.resolve();
  }

  private scheduleSync(): void {
    if (this.syncTimer) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = null;
      this.syncing = this.syncing.then(() => this.syncDirty());
    }, this.syncDelayMs);
  }

  private syncDirty(): Promise<void> {
    const dirty = [...this.open.values()].filter((s) => s.dirty);
    return Promise.all(
      dirty.map(
        (segment) =>
          new Promise<void>((resolve) => {
            segment.dirty = false;
            fdatasync(segment.fd, (error) => {
              if (error) this.options.logger.error('fsync failed', { error: error.message });
              resolve();
            });
          }),
      ),
    ).then(() => undefined);
  }

  async checkpoint(
    documentId: string,
    state: Uint8Array,
    lastSeq: number,
    bindings: ReadonlyMap<number, string>,
  ): Promise<void> {
    const folder = this.folder(documentId);
    const previous = this.segmentOf(documentId);
    const next = previous.segment + 1;
    // Switch segments first, synchronously: every append from now on lands after the checkpoint,
    // and until the checkpoint file exists a load still reads the old segment too.
    const fd = openSync(join(folder, segmentName(next)), 'a');
    this.open.set(documentId, { fd, segment: next, dirty: false });
    fdatasync(previous.fd, () => closeSync(previous.fd));
    const payload = encodeCheckpoint({ lastSeq, state, bindings: new Map(bindings) });
    await writeDurably(join(folder, checkpointName(next)), frame(payload));
    await syncDirectory(folder);
  }

  async history(documentId: string, fromSeq: number, toSeq: number): Promise<UpdateRecord[]> {
    const folder = this.folder(documentId);
    let files: string[];
    try {
      files = await readdir(folder);
    } catch {
      throw new DocumentNotFoundError(documentId);
    }
    // Newest segment first: a comparison of recent versions reads one or two segments, not the
    // whole history.
    const out: UpdateRecord[] = [];
    for (const n of numbered(files, 'segment-', '.log').reverse()) {
      const scan = readFrames(await readFile(join(folder, segmentName(n))));
      let first = Infinity;
      for (const payload of scan.payloads) {
        const entry = decodeEntry(payload);
        if (entry.kind !== 'update') continue;
        first = Math.min(first, entry.seq);
        if (entry.seq > fromSeq && entry.seq <= toSeq) out.push(entry);
      }
      if (first <= fromSeq + 1) break;
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  async saveVersionState(documentId: string, versionId: string, state: Uint8Array): Promise<void> {
    const folder = join(this.folder(documentId), 'versions');
    await mkdir(folder, { recursive: true });
    await writeDurably(join(folder, `${versionId}.bin`), frame(state));
    await syncDirectory(folder);
  }

  async loadVersionState(documentId: string, versionId: string): Promise<Uint8Array | null> {
    try {
      const data = await readFile(join(this.folder(documentId), 'versions', `${versionId}.bin`));
      const scan = readFrames(data);
      const payload = scan.payloads.length === 1 ? scan.payloads[0] : undefined;
      return payload ? new Uint8Array(payload) : null;
    } catch {
      return null;
    }
  }

  async flush(): Promise<void> {
    if (this.syncTimer) {
      clearTimeout(this.syncTimer);
      this.syncTimer = null;
    }
    this.syncing = this.syncing.then(() => this.syncDirty());
    await this.syncing;
  }

  async close(): Promise<void> {
    await this.flush();
    for (const segment of this.open.values()) closeSync(segment.fd);
    this.open.clear();
  }
}
