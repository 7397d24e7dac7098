import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger';
import {
  diskFiles,
  FILE_MODE,
  FOLDER_MODE,
  writeAll,
  writeAllLater,
  type LogFiles,
} from './log-files';
import { checkpointName, numbered, segmentName, type OpenSegment } from './log-segments';
import {
  decodeCheckpoint,
  decodeEntry,
  encodeCheckpoint,
  encodeEntry,
  frame,
  readFrames,
  zeroFilledFrom,
} from './record-codec';
import {
  CorruptLogError,
  DocumentNotFoundError,
  StorageUnavailableError,
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
 * Appends are plain `pwrite(2)` calls at the segment's known end: once one returns, a killed
 * process loses nothing. Writes are made durable against power loss by `fdatasync` in groups, at
 * most `syncDelayMs` after they were written. Old segments are kept: they are the attributed
 * history that comparisons between versions read.
 *
 * Storage faults: an append counts only when every byte of it is written. A short write (the
 * disk filled mid-record) or a failed one is cut back to the segment's previous end before the
 * append rejects with `StorageUnavailableError`, so no half record is ever followed by whole
 * ones; if even the cut fails, the next write cuts first, and a segment is never left behind
 * (by a checkpoint) with a torn tail. A torn tail in an older segment is what once made a whole
 * document unreadable ("segment 0 is damaged"): a short write was taken as stored, then a
 * checkpoint rolled to a new segment and failed on the full disk, so loading read segment 0 again.
 */

export interface FileUpdateLogOptions {
  directory: string;
  logger: Logger;
  /** How long a written entry may wait for its fsync (default 50 ms). */
  syncDelayMs?: number;
  /** The file operations writes go through (default: the disk); tests inject faults here. */
  files?: LogFiles;
}

function describe(error: unknown): string {
  if (error instanceof StorageUnavailableError) return error.cause;
  if (error instanceof Error) return error.message;
  return String(error);
}

export class FileUpdateLog implements UpdateLog {
  private readonly open = new Map<string, OpenSegment>();
  private readonly syncDelayMs: number;
  private readonly files: LogFiles;
  private syncTimer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> = Promise.resolve();
  private madePrivate = false;

  constructor(private readonly options: FileUpdateLogOptions) {
    this.syncDelayMs = options.syncDelayMs ?? 50;
    this.files = options.files ?? diskFiles;
  }

  private folder(documentId: string): string {
    return join(this.options.directory, documentId);
  }

  /** A disk's refusal (an error with an errno code) as `StorageUnavailableError`; others as they are. */
  private fault(documentId: string, error: unknown): Error {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof code === 'string') return this.unavailable(documentId, error);
    return error instanceof Error ? error : new Error(String(error));
  }

  private unavailable(documentId: string, error: unknown): StorageUnavailableError {
    const failure = new StorageUnavailableError(documentId, describe(error));
    this.options.logger.error('storage unavailable', { documentId, error: failure.cause });
    return failure;
  }

  /** Writes a whole file under a temporary name, syncs it, then renames it into place. */
  private async writeDurably(path: string, data: Uint8Array): Promise<void> {
    const temporary = `${path}.tmp`;
    let fd: number | null = null;
    try {
      fd = await this.files.openNew(temporary);
      await writeAllLater(this.files, fd, data);
      await this.files.fullSync(fd);
      const closing = fd;
      fd = null;
      await this.files.closeLater(closing);
      await this.files.rename(temporary, path);
    } catch (error) {
      if (fd !== null) await this.files.closeLater(fd).catch(() => undefined);
      await this.files.remove(temporary).catch(() => undefined);
      throw error;
    }
  }

  async create(documentId: string, entries: readonly LogEntry[]): Promise<void> {
    const folder = this.folder(documentId);
    if (await this.exists(documentId)) {
      throw new RangeError(`Document ${documentId} already has a history`);
    }
    // Written in a folder of its own and renamed into place: a document either exists whole
    // or not at all, whatever the disk does midway.
    let fd: number | null = null;
    let staging: string | null = null;
    let placed = false;
    try {
      await mkdir(this.options.directory, { recursive: true, mode: FOLDER_MODE });
      staging = await mkdtemp(join(this.options.directory, '.creating-'));
      fd = this.files.openForWrite(join(staging, segmentName(0)));
      const data = Buffer.concat(entries.map((entry) => frame(encodeEntry(entry))));
      writeAll(this.files, fd, data, 0);
      this.files.syncNow(fd);
      await this.files.syncFolder(staging);
      await this.files.rename(staging, folder);
      staging = null;
      placed = true;
      await this.files.syncFolder(this.options.directory);
      const path = join(folder, segmentName(0));
      this.open.set(documentId, {
        path,
        fd,
        segment: 0,
        end: data.length,
        syncedEnd: data.length,
        needsCut: false,
        dirty: false,
        syncFailed: false,
      });
    } catch (error) {
      if (fd !== null && !this.open.has(documentId)) this.closeQuietly(fd);
      const leftover = staging ?? (placed ? folder : null);
      if (leftover) await rm(leftover, { recursive: true, force: true }).catch(() => undefined);
      throw this.fault(documentId, error);
    }
  }

  private closeQuietly(fd: number): void {
    try {
      this.files.close(fd);
    } catch {
      // Already gone; nothing was left to write through it.
    }
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
    if (!this.open.has(documentId)) await this.makePrivate(folder, files);
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
    let droppedBytes = 0;
    let anyZeroFilled = false;
    let tailEnd = 0;
    let tailNeedsCut = false;
    const current = this.open.get(documentId);
    for (const [index, n] of segments.entries()) {
      const path = join(folder, segmentName(n));
      const data = await readFile(path);
      const scan = readFrames(data);
      // The segment this log is writing (a reload while open) is never cut from here: what
      // lies past its last whole record is a write in flight or a cut the next write makes.
      const writing = current?.segment === n;
      if (scan.validBytes < data.length && !writing) {
        const last = index === segments.length - 1;
        const zeroFilled = zeroFilledFrom(data, scan.validBytes);
        // An older segment ends on whole records (a write is cut back before a checkpoint rolls
        // past it), so damage there is not a crash mid-append. Zero bytes are the one exception:
        // a power cut between a checkpoint's roll and its file reaching the disk can leave the
        // older segment's unsynced tail as zeros; keep what is there rather than lose it all.
        if (!last && !zeroFilled) {
          throw new CorruptLogError(
            documentId,
            `segment ${n} is damaged at byte ${scan.validBytes}`,
          );
        }
        // A torn tail (the process died mid-append) or zero bytes a filesystem left after the
        // last record (the power failed before the group sync): cut, kept before, reported.
        droppedBytes += data.length - scan.validBytes;
        anyZeroFilled ||= zeroFilled;
        const cut = await truncate(path, scan.validBytes).then(
          () => true,
          () => false,
        );
        if (last) tailNeedsCut = !cut;
        const fields = { documentId, segment: n, droppedBytes: data.length - scan.validBytes, cut };
        if (!last) this.options.logger.error('cut off zero bytes inside the history', fields);
        else if (zeroFilled) {
          this.options.logger.warn('cut off zero bytes after the last record of the log', fields);
        } else this.options.logger.warn('cut off a torn record at the end of the log', fields);
      }
      tailEnd = scan.validBytes;
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
    if (!current) {
      const last = segments.at(-1) ?? base;
      this.open.set(documentId, {
        path: join(folder, segmentName(last)),
        fd: null,
        segment: last,
        end: segments.length > 0 ? tailEnd : 0,
        syncedEnd: segments.length > 0 ? tailEnd : 0,
        needsCut: tailNeedsCut,
        dirty: false,
        syncFailed: false,
      });
    }
    const repaired = droppedBytes > 0 ? { droppedBytes, zeroFilled: anyZeroFilled } : null;
    return { checkpoint: checkpoint?.state ?? null, updates, bindings, lastSeq, repaired };
  }

  /**
   * Narrows what an older version created with looser modes (0644 files, 0755 folders): data
   * is the server user's alone. Best effort: a read-only disk keeps what it has.
   */
  private async makePrivate(folder: string, files: string[]): Promise<void> {
    const tighten = (path: string, mode: number) => chmod(path, mode).catch(() => undefined);
    if (!this.madePrivate) {
      this.madePrivate = true;
      await tighten(this.options.directory, FOLDER_MODE);
    }
    await tighten(folder, FOLDER_MODE);
    for (const file of files) {
      await tighten(join(folder, file), file === 'versions' ? FOLDER_MODE : FILE_MODE);
    }
  }

  private segmentOf(documentId: string): OpenSegment {
    const segment = this.open.get(documentId);
    if (!segment) throw new RangeError(`Document ${documentId} must be loaded before appending`);
    return segment;
  }

  /**
   * Readies a segment for its next write: opened, anything past its end cut, and what a failed
   * group sync left unsynced written again and synced (after a failed `fsync`, Linux may mark
   * the pages clean without writing them: another `fsync` alone would lie). Throws the fault.
   */
  private ready(segment: OpenSegment): number {
    segment.fd ??= this.files.openForWrite(segment.path);
    const fd = segment.fd;
    if (segment.needsCut) {
      this.files.truncate(fd, segment.end);
      segment.needsCut = false;
    }
    if (segment.syncFailed) {
      const unsynced = this.files.readAt(fd, segment.end - segment.syncedEnd, segment.syncedEnd);
      writeAll(this.files, fd, unsynced, segment.syncedEnd);
      this.files.syncNow(fd);
      segment.syncedEnd = segment.end;
      segment.syncFailed = false;
    }
    return fd;
  }

  /** Cuts a failed write back to the last whole record, or leaves the cut to the next write. */
  private cutBack(segment: OpenSegment): void {
    if (segment.fd === null) return;
    try {
      this.files.truncate(segment.fd, segment.end);
    } catch {
      segment.needsCut = true;
    }
  }

  append(documentId: string, entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const segment = this.segmentOf(documentId);
    const frames = entries.map((entry) => frame(encodeEntry(entry)));
    const data = frames.length === 1 ? frames[0]! : Buffer.concat(frames);
    try {
      const fd = this.ready(segment);
      writeAll(this.files, fd, data, segment.end);
    } catch (error) {
      this.cutBack(segment);
      return Promise.reject(this.unavailable(documentId, error));
    }
    segment.end += data.length;
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
    const dirty = [...this.open.values()].filter((s) => s.dirty && s.fd !== null);
    return Promise.all(dirty.map((segment) => this.syncSegment(segment))).then(() => undefined);
  }

  private async syncSegment(segment: OpenSegment): Promise<void> {
    const target = segment.end;
    segment.dirty = false;
    try {
      await this.files.dataSync(segment.fd!);
      segment.syncedEnd = Math.max(segment.syncedEnd, target);
    } catch (error) {
      segment.syncFailed = true;
      this.options.logger.error('fsync failed', { segment: segment.path, error: describe(error) });
    }
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
    const path = join(folder, segmentName(next));
    // Switch segments first, synchronously: every append from now on lands after the checkpoint,
    // and until the checkpoint file exists a load still reads the old segment too, so the old
    // segment must end on a whole record before anything is written after it.
    let fd: number;
    try {
      if (previous.fd !== null || previous.needsCut) this.ready(previous);
      fd = this.files.openForWrite(path);
    } catch (error) {
      throw this.unavailable(documentId, error);
    }
    this.open.set(documentId, {
      path,
      fd,
      segment: next,
      end: 0,
      syncedEnd: 0,
      needsCut: false,
      dirty: false,
      syncFailed: false,
    });
    // Chained with the group syncs, so that `flush` (and a clean shutdown) waits for it too.
    this.syncing = this.syncing.then(() => this.retire(previous));
    const payload = encodeCheckpoint({ lastSeq, state, bindings: new Map(bindings) });
    try {
      await this.writeDurably(join(folder, checkpointName(next)), frame(payload));
      await this.files.syncFolder(folder);
    } catch (error) {
      // The new segment stays: appends already go there, and a load reads both segments.
      throw this.fault(documentId, error);
    }
  }

  /** Syncs and closes a segment no longer written to. Never rejects. */
  private async retire(segment: OpenSegment): Promise<void> {
    if (segment.fd === null) return;
    const fd = segment.fd;
    try {
      if (segment.syncFailed) this.ready(segment);
      else await this.files.dataSync(fd);
    } catch (error) {
      this.options.logger.error('fsync failed', { segment: segment.path, error: describe(error) });
    }
    this.closeQuietly(fd);
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
    try {
      await mkdir(folder, { recursive: true, mode: FOLDER_MODE });
      await this.writeDurably(join(folder, `${versionId}.bin`), frame(state));
      await this.files.syncFolder(folder);
    } catch (error) {
      throw this.fault(documentId, error);
    }
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

  /** Makes everything written durable; rejects with `StorageUnavailableError` if it cannot. */
  async flush(): Promise<void> {
    if (this.syncTimer) {
      clearTimeout(this.syncTimer);
      this.syncTimer = null;
    }
    this.syncing = this.syncing.then(() => this.syncDirty());
    await this.syncing;
    for (const [documentId, segment] of this.open) {
      if (!segment.syncFailed) continue;
      try {
        this.ready(segment);
      } catch (error) {
        throw this.unavailable(documentId, error);
      }
    }
  }

  /** Flushes and releases files; a flush the disk refuses is logged (by `unavailable`). */
  async close(): Promise<void> {
    try {
      await this.flush();
    } catch {
      // Logged where it failed; closing must still release every file.
    } finally {
      for (const segment of this.open.values()) {
        if (segment.fd !== null) this.closeQuietly(segment.fd);
      }
      this.open.clear();
    }
  }
}
