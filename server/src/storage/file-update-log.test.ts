import { appendFile, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger, type Logger } from '../logger';
import { FileUpdateLog } from './file-update-log';
import { CorruptLogError } from './types';

function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
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
});
