import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import type { MeetingRecord, ParticipantRecord } from '../metadata';
import { openDatabase, type Database } from './database';
import { PostgresMetadataStore } from './metadata';
import { migrate } from './migrations';
import { scratchDatabase, type ScratchDatabase } from './testing';

/** Two processes' stores over one PostgreSQL: what one writes, the other sees and reacts to. */

const databaseUrl = inject('databaseUrl');

const meeting = (id: string): MeetingRecord => ({
  id,
  title: `Meeting ${id}`,
  sector: null,
  venue: null,
  startsOn: null,
  endsOn: null,
  languages: ['en'],
  createdAt: '2026-12-04T10:00:00.000Z',
});

const participant = (id: string, tokenHash: string | null): ParticipantRecord => ({
  id,
  meetingId: 'm1',
  name: id,
  role: 'delegate',
  delegation: 'Chile',
  tokenHash,
  createdAt: '2026-12-04T10:00:00.000Z',
  revokedAt: tokenHash ? null : '2026-12-04T11:00:00.000Z',
  expiresAt: null,
});

describe.runIf(databaseUrl)('metadata on PostgreSQL, across processes', () => {
  let scratch: ScratchDatabase;
  let databases: Database[] = [];
  let stores: PostgresMetadataStore[] = [];

  async function process(): Promise<PostgresMetadataStore> {
    const database = openDatabase(scratch.url, { max: 2 });
    databases.push(database);
    await migrate(database);
    const store = await PostgresMetadataStore.open(database, scratch.url);
    stores.push(store);
    return store;
  }

  afterEach(async () => {
    for (const store of stores) await store.close();
    for (const database of databases) await database.end();
    await scratch?.drop();
    stores = [];
    databases = [];
  });

  it('[CL1] a participant revoked on one process is gone on the other within a second, and the other is told', async () => {
    scratch = await scratchDatabase(databaseUrl!);
    const one = await process();
    const two = await process();
    await one.change((c) => {
      c.putMeeting(meeting('m1'));
      c.putParticipant(participant('p1', 'hash-1'));
    });
    await vi.waitFor(() => expect(two.participantByTokenHash('hash-1')?.id).toBe('p1'), {
      timeout: 1000,
    });
    const told: string[] = [];
    two.watch((staged) => told.push(...staged.participants.keys()));
    await one.change((c) => c.putParticipant(participant('p1', null)));
    await vi.waitFor(
      () => {
        expect(two.participantByTokenHash('hash-1')).toBeNull();
        expect(told).toEqual(['p1']);
      },
      { timeout: 1000 },
    );
  });

  it('[CL2] changes made at the same moment on two processes are both kept, and each saw the other first', async () => {
    scratch = await scratchDatabase(databaseUrl!);
    const one = await process();
    const two = await process();
    await one.change((c) => c.putMeeting(meeting('m1')));
    const writes = Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? one : two).change((c) => {
        // Each change counts what it sees: serialised across processes, every count differs.
        const seen = c.participantsOf('m1').length;
        c.putParticipant(participant(`p${i}`, `hash-${i}`));
        return seen;
      }),
    );
    const seen = await Promise.all(writes);
    expect(new Set(seen).size).toBe(20);
    await vi.waitFor(() => {
      expect(one.participantsOf('m1')).toHaveLength(20);
      expect(two.participantsOf('m1')).toHaveLength(20);
    });
    // A third process starting now loads the same, in creation order.
    const three = await process();
    expect(three.participantsOf('m1').map((p) => p.id)).toEqual(
      one.participantsOf('m1').map((p) => p.id),
    );
  });

  it('[CL3] migrations run once, however many processes start at the same time', async () => {
    scratch = await scratchDatabase(databaseUrl!);
    const databases3 = [1, 2, 3].map(() => openDatabase(scratch.url, { max: 1 }));
    databases.push(...databases3);
    const applied = await Promise.all(databases3.map((d) => migrate(d)));
    expect(applied.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(applied.filter((n) => n > 0)).toHaveLength(1);
    expect(await migrate(databases3[0]!)).toBe(0);
  });
});
