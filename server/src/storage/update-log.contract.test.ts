import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../logger';
import { FaultyLogFiles } from './faulty-log-files';
import { FileUpdateLog } from './file-update-log';
import { MemoryUpdateLog } from './memory-update-log';
import { openDatabase } from './postgres/database';
import { migrate } from './postgres/migrations';
import { scratchDatabase } from './postgres/testing';
import { PostgresUpdateLog } from './postgres/update-log';
import {
  DocumentNotFoundError,
  StorageUnavailableError,
  type UpdateLog,
  type UpdateRecord,
} from './types';

/**
 * The storage contract: every UpdateLog implementation passes the same suite. `reopen` gives a
 * fresh instance over the same storage (for the file log: a new process's view of the disk).
 */
interface Subject {
  log: UpdateLog;
  reopen(): Promise<UpdateLog>;
  cleanup(): Promise<void>;
  /** The disk fills (for the file log: the next write is cut short after a few bytes). */
  diskFull(): void | Promise<void>;
  /** Space is back. */
  spaceBack(): void | Promise<void>;
}

const implementations: Record<string, () => Promise<Subject>> = {
  memory: () => {
    const log = new MemoryUpdateLog();
    return Promise.resolve({
      log,
      reopen: () => Promise.resolve(log),
      cleanup: () => Promise.resolve(),
      diskFull: () => log.refuseWrites('ENOSPC: no space left on device'),
      spaceBack: () => log.refuseWrites(null),
    });
  },
  file: async () => {
    const directory = await mkdtemp(join(tmpdir(), 'accord-log-'));
    // A seam, not a full filesystem: see FaultyLogFiles (root ignores permissions; no mounts).
    const files = new FaultyLogFiles();
    const log = new FileUpdateLog({ directory, logger: silentLogger, syncDelayMs: 1, files });
    return {
      log,
      reopen: async () => {
        await log.close();
        return new FileUpdateLog({ directory, logger: silentLogger, syncDelayMs: 1 });
      },
      cleanup: () => rm(directory, { recursive: true, force: true }),
      diskFull: () => files.fillAfter(5),
      spaceBack: () => files.heal(),
    };
  },
};

// The clustered mode's log, where the run has a PostgreSQL (tests/engines; CI always has one).
const databaseUrl = inject('databaseUrl');
if (databaseUrl) {
  implementations.postgres = async () => {
    const scratch = await scratchDatabase(databaseUrl);
    const database = openDatabase(scratch.url, { max: 4 });
    await migrate(database);
    return {
      log: new PostgresUpdateLog(database),
      reopen: () => Promise.resolve(new PostgresUpdateLog(database)),
      cleanup: async () => {
        await database.end();
        await scratch.drop();
      },
      // The role loses its right to write: PostgreSQL refuses at once, as a full disk would.
      diskFull: () => scratch.refuseWrites(),
      spaceBack: () => scratch.allowWrites(),
    };
  };
}

/** A real Yjs update inserting `text` at the end of the body, from a doc of client `client`. */
function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

function record(seq: number, author: string, update: Uint8Array): UpdateRecord {
  return { kind: 'update', seq, at: 1_700_000_000_000 + seq, author, update };
}

function replay(stored: { checkpoint: Uint8Array | null; updates: UpdateRecord[] }): string {
  const doc = new Y.Doc();
  if (stored.checkpoint) Y.applyUpdate(doc, stored.checkpoint);
  for (const u of stored.updates) Y.applyUpdate(doc, u.update);
  return doc.getText('t').toJSON();
}

for (const [name, make] of Object.entries(implementations)) {
  describe(`UpdateLog contract: ${name}`, () => {
    let subject: Subject;
    afterEach(async () => {
      await subject.cleanup();
    });

    it('[S1] keeps appended updates in order, with author and time, across a reopen', async () => {
      subject = await make();
      const doc = new Y.Doc();
      await subject.log.create('d1', [record(1, 'system', edit(doc, 'Hello'))]);
      await subject.log.append('d1', [
        { kind: 'bind', clientId: doc.clientID, author: 'chile' },
        record(2, 'chile', edit(doc, ' world')),
      ]);
      await subject.log.append('d1', [record(3, 'belize', edit(doc, '!'))]);
      const log = await subject.reopen();
      const stored = await log.load('d1');
      expect(stored.updates.map((u) => [u.seq, u.author, u.at])).toEqual([
        [1, 'system', 1_700_000_000_001],
        [2, 'chile', 1_700_000_000_002],
        [3, 'belize', 1_700_000_000_003],
      ]);
      expect(replay(stored)).toBe('Hello world!');
      expect(stored.bindings.get(doc.clientID)).toBe('chile');
      expect(stored.lastSeq).toBe(3);
    });

    it('[S2] a checkpoint replaces what came before it, and history still has everything', async () => {
      subject = await make();
      const doc = new Y.Doc();
      await subject.log.create('d1', [record(1, 'system', edit(doc, 'a'))]);
      await subject.log.append('d1', [{ kind: 'bind', clientId: 7, author: 'chile' }]);
      await subject.log.append('d1', [record(2, 'chile', edit(doc, 'b'))]);
      await subject.log.checkpoint('d1', Y.encodeStateAsUpdate(doc), 2, new Map([[7, 'chile']]));
      await subject.log.append('d1', [record(3, 'peru', edit(doc, 'c'))]);
      const log = await subject.reopen();
      const stored = await log.load('d1');
      expect(stored.checkpoint).not.toBeNull();
      expect(stored.updates.map((u) => u.seq)).toEqual([3]);
      expect(replay(stored)).toBe('abc');
      expect(stored.bindings.get(7)).toBe('chile');
      const history = await log.history('d1', 0, 3);
      expect(history.map((u) => [u.seq, u.author])).toEqual([
        [1, 'system'],
        [2, 'chile'],
        [3, 'peru'],
      ]);
      expect((await log.history('d1', 1, 2)).map((u) => u.seq)).toEqual([2]);
    });

    it('[S2b] entries appended while a checkpoint is being written land after it, and none is lost', async () => {
      subject = await make();
      const doc = new Y.Doc();
      await subject.log.create('d1', [record(1, 'system', edit(doc, 'a'))]);
      await subject.log.append('d1', [record(2, 'chile', edit(doc, 'b'))]);
      // The room does not wait for the checkpoint before relaying the next keystrokes.
      const writing = subject.log.checkpoint('d1', Y.encodeStateAsUpdate(doc), 2, new Map());
      await subject.log.append('d1', [{ kind: 'bind', clientId: 9, author: 'peru' }]);
      await subject.log.append('d1', [record(3, 'peru', edit(doc, 'c'))]);
      await writing;
      await subject.log.append('d1', [record(4, 'peru', edit(doc, 'd'))]);
      const log = await subject.reopen();
      const stored = await log.load('d1');
      expect(stored.updates.map((u) => u.seq)).toEqual([3, 4]);
      expect(replay(stored)).toBe('abcd');
      expect(stored.bindings.get(9)).toBe('peru');
      expect((await log.history('d1', 0, 4)).map((u) => u.seq)).toEqual([1, 2, 3, 4]);
    });

    it('[S3] version states are kept whole and unknown ones are null', async () => {
      subject = await make();
      const doc = new Y.Doc();
      await subject.log.create('d1', [record(1, 'system', edit(doc, 'x'))]);
      const state = Y.encodeStateAsUpdate(doc);
      await subject.log.saveVersionState('d1', 'v1', state);
      const log = await subject.reopen();
      expect(await log.loadVersionState('d1', 'v1')).toEqual(state);
      expect(await log.loadVersionState('d1', 'v2')).toBeNull();
    });

    it('[S4] an unknown document is reported, not created', async () => {
      subject = await make();
      await expect(subject.log.load('nope')).rejects.toBeInstanceOf(DocumentNotFoundError);
      expect(await subject.log.exists('nope')).toBe(false);
    });

    it('[S5] documents are kept apart', async () => {
      subject = await make();
      const a = new Y.Doc();
      const b = new Y.Doc();
      await subject.log.create('a', [record(1, 'system', edit(a, 'first'))]);
      await subject.log.create('b', [record(1, 'system', edit(b, 'second'))]);
      await subject.log.append('a', [record(2, 'x', edit(a, '!'))]);
      const log = await subject.reopen();
      expect(replay(await log.load('a'))).toBe('first!');
      expect(replay(await log.load('b'))).toBe('second');
    });

    it('[L1] a refused append leaves none of its entries, and appends work again once space is back', async () => {
      subject = await make();
      const doc = new Y.Doc();
      await subject.log.create('d1', [record(1, 'system', edit(doc, 'kept'))]);
      await subject.diskFull();
      const lost = edit(doc, ' lost');
      await expect(
        subject.log.append('d1', [
          { kind: 'bind', clientId: 77, author: 'chile' },
          record(2, 'chile', lost),
        ]),
      ).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(subject.log.append('d1', [record(2, 'chile', lost)])).rejects.toMatchObject({
        documentId: 'd1',
      });
      await subject.spaceBack();
      await subject.log.append('d1', [record(2, 'chile', lost)]);
      await subject.log.append('d1', [record(3, 'peru', edit(doc, '!'))]);
      const log = await subject.reopen();
      const stored = await log.load('d1');
      expect(stored.updates.map((u) => [u.seq, u.author])).toEqual([
        [1, 'system'],
        [2, 'chile'],
        [3, 'peru'],
      ]);
      expect(replay(stored)).toBe('kept lost!');
      expect(stored.bindings.has(77)).toBe(false);
      expect(stored.repaired).toBeNull();
    });

    it('[L2] a refused create leaves no document, and it can be created once space is back', async () => {
      subject = await make();
      const doc = new Y.Doc();
      const first = record(1, 'system', edit(doc, 'template text'));
      await subject.diskFull();
      await expect(subject.log.create('d1', [first])).rejects.toBeInstanceOf(
        StorageUnavailableError,
      );
      expect(await subject.log.exists('d1')).toBe(false);
      await subject.spaceBack();
      await subject.log.create('d1', [first]);
      const log = await subject.reopen();
      expect(replay(await log.load('d1'))).toBe('template text');
    });

    it('[L3] a refused checkpoint loses nothing: everything before and after it loads', async () => {
      subject = await make();
      const doc = new Y.Doc();
      await subject.log.create('d1', [record(1, 'system', edit(doc, 'a'))]);
      await subject.log.append('d1', [record(2, 'chile', edit(doc, 'b'))]);
      await subject.diskFull();
      await expect(
        subject.log.checkpoint('d1', Y.encodeStateAsUpdate(doc), 2, new Map()),
      ).rejects.toBeInstanceOf(StorageUnavailableError);
      await subject.spaceBack();
      await subject.log.append('d1', [record(3, 'peru', edit(doc, 'c'))]);
      const log = await subject.reopen();
      const stored = await log.load('d1');
      expect(replay(stored)).toBe('abc');
      expect(stored.lastSeq).toBe(3);
      expect((await log.history('d1', 0, 3)).map((u) => u.seq)).toEqual([1, 2, 3]);
    });

    it('[L4] a refused version state is not kept, and can be saved once space is back', async () => {
      subject = await make();
      const doc = new Y.Doc();
      await subject.log.create('d1', [record(1, 'system', edit(doc, 'x'))]);
      const state = Y.encodeStateAsUpdate(doc);
      await subject.diskFull();
      await expect(subject.log.saveVersionState('d1', 'v1', state)).rejects.toBeInstanceOf(
        StorageUnavailableError,
      );
      expect(await subject.log.loadVersionState('d1', 'v1')).toBeNull();
      await subject.spaceBack();
      await subject.log.saveVersionState('d1', 'v1', state);
      const log = await subject.reopen();
      expect(await log.loadVersionState('d1', 'v1')).toEqual(state);
    });
  });
}
