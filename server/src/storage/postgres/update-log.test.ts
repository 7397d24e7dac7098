import { afterEach, describe, expect, inject, it } from 'vitest';
import { DocumentNotFoundError, type LogEntry } from '../types';
import { openDatabase, type Database } from './database';
import { migrate } from './migrations';
import { scratchDatabase, type ScratchDatabase } from './testing';
import { DocumentLockedError, PostgresUpdateLog } from './update-log';

/**
 * The clustered mode's append, as two processes use it on one database: each batch is numbered
 * on from whatever any process stored, in one statement, and refused whole when the document
 * is locked or unknown.
 */

const databaseUrl = inject('databaseUrl');

const update = (author: string, byte: number): LogEntry => ({
  kind: 'update',
  seq: 0,
  at: 1_764_000_000_000 + byte,
  author,
  update: new Uint8Array([byte, byte + 1]),
});

describe.runIf(databaseUrl)('update log on PostgreSQL: appending on from every process', () => {
  let scratch: ScratchDatabase;
  let databases: Database[] = [];

  async function process(): Promise<{ log: PostgresUpdateLog; database: Database }> {
    const database = openDatabase(scratch.url, { max: 2 });
    databases.push(database);
    await migrate(database);
    return { log: new PostgresUpdateLog(database), database };
  }

  afterEach(async () => {
    for (const database of databases) await database.end();
    await scratch?.drop();
    databases = [];
  });

  it('[CL17] batches from two processes continue one sequence; bindings alone take no seq', async () => {
    scratch = await scratchDatabase(databaseUrl!);
    const one = await process();
    const two = await process();
    await one.log.create('d1', []);

    expect(await one.log.appendNext('d1', [update('p1', 1), update('p1', 2)])).toEqual({
      first: 1,
      last: 2,
    });
    expect(
      await two.log.appendNext('d1', [
        { kind: 'bind', clientId: 77, author: 'p2' },
        update('p2', 3),
      ]),
    ).toEqual({ first: 3, last: 3 });
    expect(await one.log.appendNext('d1', [{ kind: 'bind', clientId: 88, author: 'p1' }])).toEqual({
      first: 4,
      last: 3,
    });
    // The same client bound twice (a reconnection) keeps its first author.
    await two.log.appendNext('d1', [{ kind: 'bind', clientId: 77, author: 'p9' }, update('p2', 4)]);

    const stored = await one.log.load('d1');
    expect(stored.lastSeq).toBe(4);
    expect(stored.updates.map((u) => [u.seq, u.author, [...u.update]])).toEqual([
      [1, 'p1', [1, 2]],
      [2, 'p1', [2, 3]],
      [3, 'p2', [3, 4]],
      [4, 'p2', [4, 5]],
    ]);
    expect(stored.updates.map((u) => u.at)).toEqual([1, 2, 3, 4].map((n) => 1_764_000_000_000 + n));
    expect([...stored.bindings]).toEqual([
      [77, 'p2'],
      [88, 'p1'],
    ]);
  });

  it('[CL18] a batch for a locked or unknown document is refused whole and stores nothing', async () => {
    scratch = await scratchDatabase(databaseUrl!);
    const { log, database } = await process();
    await log.create('d1', []);
    await log.appendNext('d1', [update('p1', 1)]);
    await database.query(
      `INSERT INTO metadata_records (kind, id, data, rev, created_rev)
       VALUES ('documents', 'd1', '{"status": "locked"}', 1, 1)`,
    );

    await expect(
      log.appendNext('d1', [{ kind: 'bind', clientId: 5, author: 'p2' }, update('p2', 2)]),
    ).rejects.toBeInstanceOf(DocumentLockedError);
    await expect(log.appendNext('nope', [update('p2', 3)])).rejects.toBeInstanceOf(
      DocumentNotFoundError,
    );

    const stored = await log.load('d1');
    expect(stored.lastSeq).toBe(1);
    expect(stored.updates).toHaveLength(1);
    expect(stored.bindings.has(5)).toBe(false);
    // Unlocked, the sequence continues where it stopped.
    await database.query(
      `UPDATE metadata_records SET data = '{"status": "draft"}' WHERE id = 'd1'`,
    );
    expect(await log.appendNext('d1', [update('p2', 2)])).toEqual({ first: 2, last: 2 });
  });
});
