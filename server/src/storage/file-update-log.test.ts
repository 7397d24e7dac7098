import { execFileSync } from 'node:child_process';
import {
  appendFile,
  chmod,
  mkdir,
  mkdtemp,
  open,
  readdir,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger, type Logger } from '../logger';
import { FaultyLogFiles } from './faulty-log-files';
import { FileUpdateLog } from './file-update-log';
import type { LogFiles } from './log-files';
import { CorruptLogError, StorageUnavailableError, type UpdateRecord } from './types';

function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

function record(seq: number, author: string, update: Uint8Array): UpdateRecord {
  return { kind: 'update', seq, at: seq, author, update };
}

function text(stored: { checkpoint: Uint8Array | null; updates: UpdateRecord[] }): string {
  const doc = new Y.Doc();
  if (stored.checkpoint) Y.applyUpdate(doc, stored.checkpoint);
  for (const u of stored.updates) Y.applyUpdate(doc, u.update);
  return doc.getText('t').toJSON();
}

function recording(): { logger: Logger; warnings: string[]; errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  return {
    logger: {
      ...silentLogger,
      warn: (message) => warnings.push(message),
      error: (message) => errors.push(message),
    },
    warnings,
    errors,
  };
}

describe('FileUpdateLog on disk', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'accord-file-log-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function seeded(logger: Logger = silentLogger) {
    const log = new FileUpdateLog({ directory, logger, syncDelayMs: 1 });
    const doc = new Y.Doc();
    await log.create('d1', [
      { kind: 'update', seq: 1, at: 1, author: 'system', update: edit(doc, 'kept') },
    ]);
    await log.append('d1', [
      { kind: 'update', seq: 2, at: 2, author: 'chile', update: edit(doc, '+also') },
    ]);
    await log.close();
    return join(directory, 'd1', 'segment-000000.log');
  }

  it('[S6] cuts off a torn record at the tail, reports it, and keeps everything before it', async () => {
    const segment = await seeded();
    const sizeBefore = (await stat(segment)).size;
    // A crash mid-append: a header promising 100 bytes, then 3 of them.
    await appendFile(segment, Buffer.from([100, 0, 0, 0, 1, 2, 3, 4, 9, 9, 9]));
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (message) => warnings.push(message) };
    const log = new FileUpdateLog({ directory, logger, syncDelayMs: 1 });
    const stored = await log.load('d1');
    expect(stored.updates.map((u) => u.author)).toEqual(['system', 'chile']);
    expect(stored.repaired).toEqual({ droppedBytes: 11, zeroFilled: false });
    expect(warnings.length).toBe(1);
    expect((await stat(segment)).size).toBe(sizeBefore);
    // Appending after the repair continues a clean log.
    await log.append('d1', [{ kind: 'bind', clientId: 5, author: 'peru' }]);
    await log.close();
    const again = await new FileUpdateLog({ directory, logger: silentLogger }).load('d1');
    expect(again.repaired).toBeNull();
    expect(again.bindings.get(5)).toBe('peru');
  });

  it('[S7] a checksum mismatch at the tail is treated as torn, not trusted', async () => {
    const segment = await seeded();
    const doc = new Y.Doc();
    const bogus = Buffer.alloc(8 + 4);
    bogus.writeUInt32LE(4, 0);
    bogus.writeUInt32LE(12345, 4);
    await appendFile(segment, bogus);
    const stored = await new FileUpdateLog({ directory, logger: silentLogger }).load('d1');
    expect(stored.updates).toHaveLength(2);
    expect(stored.repaired?.droppedBytes).toBe(12);
    doc.destroy();
  });

  it('[S8] damage inside an older segment is an error, never an empty document', async () => {
    await seeded();
    const log = new FileUpdateLog({ directory, logger: silentLogger, syncDelayMs: 1 });
    await log.load('d1');
    await log.checkpoint('d1', new Uint8Array([0, 0]), 2, new Map());
    await log.close();
    // Remove the checkpoint so loading must read segment 0, and damage segment 0.
    const files = await readdir(join(directory, 'd1'));
    for (const f of files) if (f.startsWith('checkpoint-')) await rm(join(directory, 'd1', f));
    await writeFile(
      join(directory, 'd1', 'segment-000000.log'),
      Buffer.from([50, 0, 0, 0, 0, 0, 0, 0, 1]),
    );
    await appendFile(join(directory, 'd1', 'segment-000001.log'), Buffer.alloc(0));
    await expect(
      new FileUpdateLog({ directory, logger: silentLogger }).load('d1'),
    ).rejects.toBeInstanceOf(CorruptLogError);
  });

  it('[L5] a short write on a full disk followed by a failed checkpoint never leaves a damaged segment', async () => {
    // How "segment 0 is damaged" happened: a short write was taken as stored, then a checkpoint
    // rolled to segment 1 and failed on the full disk, so loading read segment 0 and met the
    // half record in front of later ones.
    const files = new FaultyLogFiles();
    const log = new FileUpdateLog({ directory, logger: silentLogger, syncDelayMs: 1, files });
    const doc = new Y.Doc();
    await log.create('d1', [record(1, 'system', edit(doc, 'kept'))]);
    await log.append('d1', [record(2, 'chile', edit(doc, ' and'))]);
    const sizeBefore = (await stat(join(directory, 'd1', 'segment-000000.log'))).size;
    files.fillAfter(3);
    const refused = edit(doc, ' refused');
    await expect(log.append('d1', [record(3, 'peru', refused)])).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    expect((await stat(join(directory, 'd1', 'segment-000000.log'))).size).toBe(sizeBefore);
    await expect(
      log.checkpoint('d1', Y.encodeStateAsUpdate(doc), 2, new Map()),
    ).rejects.toBeInstanceOf(StorageUnavailableError);
    files.heal();
    await log.append('d1', [record(3, 'peru', refused)]);
    await log.append('d1', [record(4, 'peru', edit(doc, ' again'))]);
    await log.close();
    const stored = await new FileUpdateLog({ directory, logger: silentLogger }).load('d1');
    expect(stored.repaired).toBeNull();
    expect(stored.updates.map((u) => u.seq)).toEqual([1, 2, 3, 4]);
    expect(text(stored)).toBe('kept and refused again');
  });

  it('[L6] when even cutting back fails, the next write cuts first and no checkpoint rolls past the damage', async () => {
    const files = new FaultyLogFiles();
    const log = new FileUpdateLog({ directory, logger: silentLogger, syncDelayMs: 1, files });
    const doc = new Y.Doc();
    await log.create('d1', [record(1, 'system', edit(doc, 'kept'))]);
    files.fillAfter(5);
    files.failTruncates();
    const refused = edit(doc, ' refused');
    await expect(log.append('d1', [record(2, 'peru', refused)])).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    files.fillAfter(10_000);
    await expect(
      log.checkpoint('d1', Y.encodeStateAsUpdate(doc), 1, new Map()),
    ).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(await readdir(join(directory, 'd1'))).toEqual(['segment-000000.log']);
    files.heal();
    await log.append('d1', [record(2, 'peru', refused)]);
    await log.close();
    const stored = await new FileUpdateLog({ directory, logger: silentLogger }).load('d1');
    expect(stored.repaired).toBeNull();
    expect(text(stored)).toBe('kept refused');
  });

  it('[L7] zero bytes after the last record (a file extended without data) are cut and reported; the document loads', async () => {
    const segment = await seeded();
    const sizeBefore = (await stat(segment)).size;
    const handle = await open(segment, 'r+');
    await handle.truncate(sizeBefore + 4096);
    await handle.close();
    const { logger, warnings } = recording();
    const log = new FileUpdateLog({ directory, logger, syncDelayMs: 1 });
    const stored = await log.load('d1');
    expect(text(stored)).toBe('kept+also');
    expect(stored.repaired).toEqual({ droppedBytes: 4096, zeroFilled: true });
    expect(warnings).toEqual(['cut off zero bytes after the last record of the log']);
    expect((await stat(segment)).size).toBe(sizeBefore);
    await log.append('d1', [{ kind: 'bind', clientId: 5, author: 'peru' }]);
    await log.close();
    const again = await new FileUpdateLog({ directory, logger: silentLogger }).load('d1');
    expect(again.repaired).toBeNull();
    expect(again.bindings.get(5)).toBe('peru');
  });

  it('[L12] zero bytes at the end of an older segment (power cut before a checkpoint reached the disk) are cut and reported; the document loads', async () => {
    await seeded();
    const log = new FileUpdateLog({ directory, logger: silentLogger, syncDelayMs: 1 });
    const stored = await log.load('d1');
    const doc = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(doc, u.update);
    await log.checkpoint('d1', Y.encodeStateAsUpdate(doc), 2, new Map());
    await log.append('d1', [record(3, 'peru', edit(doc, '!'))]);
    await log.close();
    await rm(join(directory, 'd1', 'checkpoint-000001.bin'));
    const older = join(directory, 'd1', 'segment-000000.log');
    const handle = await open(older, 'r+');
    await handle.truncate((await handle.stat()).size + 512);
    await handle.close();
    const { logger, errors } = recording();
    const again = await new FileUpdateLog({ directory, logger }).load('d1');
    expect(text(again)).toBe('kept+also!');
    expect(again.repaired).toEqual({ droppedBytes: 512, zeroFilled: true });
    expect(errors).toEqual(['cut off zero bytes inside the history']);
  });

  it('[L13] reloading a document while its log is open never cuts the segment being written', async () => {
    const files = new FaultyLogFiles();
    const log = new FileUpdateLog({ directory, logger: silentLogger, syncDelayMs: 1, files });
    const doc = new Y.Doc();
    await log.create('d1', [record(1, 'system', edit(doc, 'kept'))]);
    files.fillAfter(4);
    files.failTruncates();
    const refused = edit(doc, ' refused');
    await expect(log.append('d1', [record(2, 'peru', refused)])).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    // The room reloads from the log after a refused write, before the disk is back.
    const reloaded = await log.load('d1');
    expect(reloaded.updates.map((u) => u.seq)).toEqual([1]);
    files.heal();
    await log.append('d1', [record(2, 'peru', refused)]);
    expect(text(await log.load('d1'))).toBe('kept refused');
    await log.close();
    const stored = await new FileUpdateLog({ directory, logger: silentLogger }).load('d1');
    expect(stored.repaired).toBeNull();
    expect(text(stored)).toBe('kept refused');
  });

  it('[L8] a read-only data folder: documents still load, appends are refused, then resume when writable', async () => {
    await seeded();
    const files = new FaultyLogFiles();
    files.makeReadOnly();
    const log = new FileUpdateLog({ directory, logger: silentLogger, syncDelayMs: 1, files });
    const stored = await log.load('d1');
    expect(text(stored)).toBe('kept+also');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.updates[0]!.update);
    Y.applyUpdate(doc, stored.updates[1]!.update);
    const later = edit(doc, '!');
    await expect(log.append('d1', [record(3, 'peru', later)])).rejects.toMatchObject({
      documentId: 'd1',
      cause: expect.stringContaining('EROFS') as unknown,
    });
    files.heal();
    await log.append('d1', [record(3, 'peru', later)]);
    await log.close();
    expect(text(await new FileUpdateLog({ directory, logger: silentLogger }).load('d1'))).toBe(
      'kept+also!',
    );
  });

  it('[L9] a failed fsync is reported, refuses writes until a sync succeeds, and loses nothing', async () => {
    const files = new FaultyLogFiles();
    const { logger, errors } = recording();
    const log = new FileUpdateLog({ directory, logger, syncDelayMs: 1, files });
    const doc = new Y.Doc();
    await log.create('d1', [record(1, 'system', edit(doc, 'kept'))]);
    files.failSyncs();
    await log.append('d1', [record(2, 'chile', edit(doc, ' written'))]);
    await expect(log.flush()).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(errors).toContain('fsync failed');
    const next = edit(doc, ' later');
    await expect(log.append('d1', [record(3, 'chile', next)])).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    files.heal();
    await log.append('d1', [record(3, 'chile', next)]);
    await log.flush();
    await log.close();
    const stored = await new FileUpdateLog({ directory, logger: silentLogger }).load('d1');
    expect(stored.updates.map((u) => u.seq)).toEqual([1, 2, 3]);
    expect(text(stored)).toBe('kept written later');
  });

  it('[L10] data files are 0600 and folders 0700, the documents folder included, older data too', async () => {
    const documents = join(directory, 'documents');
    const log = new FileUpdateLog({ directory: documents, logger: silentLogger, syncDelayMs: 1 });
    const doc = new Y.Doc();
    await log.create('d1', [record(1, 'system', edit(doc, 'x'))]);
    await log.append('d1', [record(2, 'chile', edit(doc, 'y'))]);
    await log.checkpoint('d1', Y.encodeStateAsUpdate(doc), 2, new Map());
    await log.saveVersionState('d1', 'v1', Y.encodeStateAsUpdate(doc));
    await log.close();
    const mode = async (path: string) => (await stat(path)).mode & 0o777;
    expect(await mode(documents)).toBe(0o700);
    expect(await mode(join(documents, 'd1'))).toBe(0o700);
    expect(await mode(join(documents, 'd1', 'versions'))).toBe(0o700);
    const files = [
      ...(await readdir(join(documents, 'd1'))).filter((f) => f !== 'versions'),
      'versions/v1.bin',
    ];
    expect(files.sort()).toEqual([
      'checkpoint-000001.bin',
      'segment-000000.log',
      'segment-000001.log',
      'versions/v1.bin',
    ]);
    for (const f of files) expect([f, await mode(join(documents, 'd1', f))]).toEqual([f, 0o600]);

    // Data an older version left readable by others is made private when it loads.
    await chmod(documents, 0o755);
    await chmod(join(documents, 'd1'), 0o755);
    await chmod(join(documents, 'd1', 'segment-000000.log'), 0o644);
    await new FileUpdateLog({ directory: documents, logger: silentLogger }).load('d1');
    expect(await mode(documents)).toBe(0o700);
    expect(await mode(join(documents, 'd1'))).toBe(0o700);
    expect(await mode(join(documents, 'd1', 'segment-000000.log'))).toBe(0o600);
  });
});

/**
 * A disk that really fills: a 256 KiB tmpfs when this machine lets us mount one (CI runs as
 * root on the same kind of machine), else the fault seam with the same budget, so the test runs
 * either way and never skips.
 */
async function smallDisk(): Promise<{
  directory: string;
  files: LogFiles | undefined;
  fill(): Promise<void>;
  free(): Promise<void>;
  release(): Promise<void>;
}> {
  const mountPoint = await mkdtemp(join(tmpdir(), 'accord-small-disk-'));
  const filler = join(mountPoint, 'filler');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', mountPoint], {
      stdio: 'ignore',
    });
  } catch {
    const files = new FaultyLogFiles();
    return {
      directory: join(mountPoint, 'documents'),
      files,
      fill: () => Promise.resolve(files.fillAfter(100)),
      free: () => Promise.resolve(files.heal()),
      release: () => rm(mountPoint, { recursive: true, force: true }),
    };
  }
  return {
    directory: join(mountPoint, 'documents'),
    files: undefined,
    fill: async () => {
      const handle = await open(filler, 'w');
      try {
        const block = Buffer.alloc(4096, 1);
        for (;;) await handle.write(block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        await handle.close();
      }
    },
    free: () => unlink(filler),
    release: async () => {
      // Lazy: a file a failed test left open must not keep the mount alive.
      execFileSync('umount', ['-l', mountPoint]);
      await rm(mountPoint, { recursive: true, force: true });
    },
  };
}

describe('FileUpdateLog on a disk that fills', () => {
  it('[L11] the disk filling while a delegate types: the append that does not fit is refused and cut; every document still loads', async () => {
    const disk = await smallDisk();
    try {
      await mkdir(disk.directory, { recursive: true });
      const log = new FileUpdateLog({
        directory: disk.directory,
        logger: silentLogger,
        syncDelayMs: 1,
        ...(disk.files ? { files: disk.files } : {}),
      });
      const doc = new Y.Doc();
      await log.create('d1', [record(1, 'system', edit(doc, 'kept'))]);
      await log.flush();
      const segment = join(disk.directory, 'd1', 'segment-000000.log');
      const sizeBefore = (await stat(segment)).size;
      await disk.fill();
      // Larger than a page, so that it cannot fit in what the segment's last page has left.
      const paragraph = edit(doc, ` ${'the ministers agree '.repeat(600)}`);
      await expect(log.append('d1', [record(2, 'chile', paragraph)])).rejects.toBeInstanceOf(
        StorageUnavailableError,
      );
      expect((await stat(segment)).size).toBe(sizeBefore);
      await disk.free();
      await log.append('d1', [record(2, 'chile', paragraph)]);
      await log.close();
      const stored = await new FileUpdateLog({
        directory: disk.directory,
        logger: silentLogger,
      }).load('d1');
      expect(stored.repaired).toBeNull();
      expect(stored.updates.map((u) => u.seq)).toEqual([1, 2]);
      expect(text(stored)).toBe(doc.getText('t').toJSON());
    } finally {
      await disk.release();
    }
  });
});
