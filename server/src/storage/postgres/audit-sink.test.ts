import { afterEach, describe, expect, inject, it } from 'vitest';
import { AppendOnlyAuditLog, type AuditEvent } from '../audit-log';
import { openDatabase, type Database } from './database';
import { PostgresAuditSink } from './audit-sink';
import { migrate } from './migrations';
import { scratchDatabase, type ScratchDatabase } from './testing';

const databaseUrl = inject('databaseUrl');

const event = (meetingId: string, minute: number, kind = 'document.locked'): AuditEvent => ({
  meetingId,
  at: `2026-12-04T10:${String(minute).padStart(2, '0')}:00.000Z`,
  kind,
  participant: 'p1',
  delegation: 'Chile',
  detail: `event ${minute}`,
});

describe.runIf(databaseUrl)('audit log on PostgreSQL', () => {
  let scratch: ScratchDatabase | undefined;
  const databases: Database[] = [];
  afterEach(async () => {
    for (const database of databases.splice(0)) await database.end();
    await scratch?.drop();
  });

  it('[CL4] two processes write one meeting’s audit log; either reads all of it, in order, after a restart', async () => {
    scratch = await scratchDatabase(databaseUrl!);
    const one = openDatabase(scratch.url, { max: 2 });
    const two = openDatabase(scratch.url, { max: 2 });
    databases.push(one, two);
    await migrate(one);
    const logOne = new AppendOnlyAuditLog({ sink: new PostgresAuditSink(one) });
    const logTwo = new AppendOnlyAuditLog({ sink: new PostgresAuditSink(two) });
    logOne.record(event('mA', 1));
    await logOne.flush();
    logTwo.record(event('mA', 2, 'participant.revoked'));
    logTwo.record(event('mB', 3));
    await logTwo.flush();
    logOne.record(event('mA', 4, 'version.restored'));
    await logOne.close();
    await logTwo.close();
    const reopened = new AppendOnlyAuditLog({ sink: new PostgresAuditSink(two) });
    expect((await reopened.list('mA')).map((e) => e.kind)).toEqual([
      'document.locked',
      'participant.revoked',
      'version.restored',
    ]);
    expect(await reopened.list('mA', event('mA', 2).at)).toEqual([
      event('mA', 4, 'version.restored'),
    ]);
    expect(await reopened.list('mB')).toEqual([event('mB', 3)]);
    await reopened.close();
  });
});
