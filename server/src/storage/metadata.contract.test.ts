import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type {
  DocumentRecord,
  MeetingRecord,
  MetadataShape,
  MetadataStore,
  ParticipantRecord,
  VersionRecord,
} from './metadata';
import { LowdbMetadataStore } from './metadata-lowdb';
import { MemoryMetadataStore } from './metadata-memory';
import { openDatabase } from './postgres/database';
import { PostgresMetadataStore } from './postgres/metadata';
import { migrate } from './postgres/migrations';
import { scratchDatabase } from './postgres/testing';

/**
 * The metadata contract: every MetadataStore adapter passes the same suite. `reopen` is a new
 * process's view of what was durably written; `breakWrites` makes the next writes fail the way
 * the adapter's medium fails (a full or broken disk), `healWrites` undoes it.
 */
interface Subject {
  store: MetadataStore;
  reopen(): Promise<MetadataStore>;
  breakWrites(): Promise<void>;
  healWrites(): Promise<void>;
  cleanup(): Promise<void>;
}

const implementations: Record<string, () => Promise<Subject>> = {
  memory: () => {
    // The memory adapter keeps what it "persisted" so that reopening shows only that.
    let durable: MetadataShape | undefined;
    let broken = false;
    const persist = (next: MetadataShape) => {
      if (broken) return Promise.reject(new Error('ENOSPC: no space left on device'));
      durable = structuredClone(next);
      return Promise.resolve();
    };
    const store = new MemoryMetadataStore({ persist });
    return Promise.resolve({
      store,
      reopen: () =>
        Promise.resolve(new MemoryMetadataStore({ initial: structuredClone(durable), persist })),
      breakWrites: () => Promise.resolve(void (broken = true)),
      healWrites: () => Promise.resolve(void (broken = false)),
      cleanup: () => Promise.resolve(),
    });
  },
  lowdb: async () => {
    const directory = await mkdtemp(join(tmpdir(), 'accord-meta-'));
    const path = join(directory, 'accord.json');
    const store = await LowdbMetadataStore.open(path);
    // A directory where the adapter writes its temporary file: the write fails even as root.
    const blocker = join(directory, `.accord.json.${process.pid}.tmp`);
    return {
      store,
      reopen: async () => {
        await store.close();
        return LowdbMetadataStore.open(path);
      },
      breakWrites: () => mkdir(blocker).then(() => undefined),
      healWrites: () => rm(blocker, { recursive: true, force: true }),
      cleanup: () => rm(directory, { recursive: true, force: true }),
    };
  },
};

// The clustered mode's metadata, where the run has a PostgreSQL (tests/engines; CI has one).
const databaseUrl = inject('databaseUrl');
if (databaseUrl) {
  implementations.postgres = async () => {
    const scratch = await scratchDatabase(databaseUrl);
    const database = openDatabase(scratch.url, { max: 4 });
    await migrate(database);
    const opened: PostgresMetadataStore[] = [];
    const open = async () => {
      const store = await PostgresMetadataStore.open(database, scratch.url);
      opened.push(store);
      return store;
    };
    return {
      store: await open(),
      // A second process's view: a store of its own over the same database.
      reopen: open,
      breakWrites: () => scratch.refuseWrites(),
      healWrites: () => scratch.allowWrites(),
      cleanup: async () => {
        for (const store of opened) await store.close();
        await database.end();
        await scratch.drop();
      },
    };
  };
}

const at = '2026-06-01T10:00:00.000Z';

function meeting(id: string): MeetingRecord {
  return {
    id,
    title: `Meeting ${id}`,
    sector: null,
    venue: null,
    startsOn: null,
    endsOn: null,
    languages: ['en'],
    createdAt: at,
  };
}

function participant(id: string, meetingId: string, tokenHash: string | null): ParticipantRecord {
  return {
    id,
    meetingId,
    name: `Person ${id}`,
    role: 'delegate',
    delegation: 'Chile',
    tokenHash,
    createdAt: at,
    revokedAt: null,
    expiresAt: null,
  };
}

function document(id: string, meetingId: string): DocumentRecord {
  return {
    id,
    meetingId,
    templateId: 'blank',
    title: `Draft ${id}`,
    status: 'drafting',
    style: 'oas',
    language: 'en',
    symbol: null,
    createdAt: at,
    updatedAt: at,
    createdBy: 'admin',
  };
}

function version(id: string, documentId: string, seq: number): VersionRecord {
  return { id, documentId, label: id, kind: 'named', createdAt: at, createdBy: null, seq };
}

for (const [name, make] of Object.entries(implementations)) {
  describe(`MetadataStore contract: ${name}`, () => {
    let subject: Subject;
    afterEach(async () => {
      await subject.healWrites();
      await subject.store.close();
      await subject.cleanup();
    });

    async function seeded(): Promise<MetadataStore> {
      subject = await make();
      await subject.store.change((change) => {
        change.putMeeting(meeting('mA'));
        change.putMeeting(meeting('mB'));
        change.putParticipant(participant('u1', 'mA', 'hash-1'));
        change.putParticipant(participant('u2', 'mB', 'hash-2'));
        change.putDocument(document('d1', 'mA'));
        change.putDocument(document('d2', 'mB'));
        change.putDocument(document('d3', 'mA'));
        change.putVersion(version('v1', 'd1', 4));
        change.putVersion(version('v2', 'd3', 7));
        change.putVersion(version('v3', 'd1', 9));
      });
      return subject.store;
    }

    it('[M1] reads records back by id, by meeting and by document, in creation order', async () => {
      const store = await seeded();
      expect(store.meeting('mA')?.title).toBe('Meeting mA');
      expect(store.meeting('mZ')).toBeNull();
      expect(store.meetings().map((m) => m.id)).toEqual(['mA', 'mB']);
      expect(store.document('d2')?.meetingId).toBe('mB');
      expect(store.documentsOf('mA').map((d) => d.id)).toEqual(['d1', 'd3']);
      expect(store.documentsOf('mZ')).toEqual([]);
      expect(store.participantsOf('mB').map((p) => p.id)).toEqual(['u2']);
      expect(store.versionsOf('d1').map((v) => v.id)).toEqual(['v1', 'v3']);
      expect(store.version('v2')?.seq).toBe(7);
      const reopened = await subject.reopen();
      expect(reopened.documentsOf('mA').map((d) => d.id)).toEqual(['d1', 'd3']);
      expect(reopened.versionsOf('d1').map((v) => v.seq)).toEqual([4, 9]);
    });

    it('[M2] finds a participant by token hash; a replaced or revoked token finds no one', async () => {
      const store = await seeded();
      expect(store.participantByTokenHash('hash-1')?.id).toBe('u1');
      const u1 = store.participant('u1')!;
      await store.change((change) => change.putParticipant({ ...u1, tokenHash: 'hash-1b' }));
      expect(store.participantByTokenHash('hash-1')).toBeNull();
      expect(store.participantByTokenHash('hash-1b')?.id).toBe('u1');
      const u2 = store.participant('u2')!;
      await store.change((change) =>
        change.putParticipant({ ...u2, tokenHash: null, revokedAt: at }),
      );
      expect(store.participantByTokenHash('hash-2')).toBeNull();
      expect(store.participant('u2')?.revokedAt).toBe(at);
      const reopened = await subject.reopen();
      expect(reopened.participantByTokenHash('hash-1b')?.id).toBe('u1');
      expect(reopened.participantByTokenHash('hash-1')).toBeNull();
      expect(reopened.participantByTokenHash('hash-2')).toBeNull();
    });

    it('[M3] a change reads its own writes; the store shows them only once written', async () => {
      const store = await seeded();
      const seen = await store.change((change) => {
        change.putDocument(document('d4', 'mA'));
        change.putParticipant({ ...participant('u1', 'mA', 'hash-new') });
        return {
          inChange: change.documentsOf('mA').map((d) => d.id),
          byHash: change.participantByTokenHash('hash-new')?.id,
          oldHash: change.participantByTokenHash('hash-1'),
          outside: store.document('d4'),
        };
      });
      expect(seen).toEqual({
        inChange: ['d1', 'd3', 'd4'],
        byHash: 'u1',
        oldHash: null,
        outside: null,
      });
      expect(store.documentsOf('mA').map((d) => d.id)).toEqual(['d1', 'd3', 'd4']);
    });

    it('[M4] a change that throws rejects and changes nothing of what it staged', async () => {
      const store = await seeded();
      const d1 = store.document('d1')!;
      await expect(
        store.change((change) => {
          change.putDocument({ ...d1, status: 'locked' });
          change.putVersion(version('v9', 'd1', 12));
          throw new Error('refused halfway');
        }),
      ).rejects.toThrow('refused halfway');
      expect(store.isLocked('d1')).toBe(false);
      expect(store.version('v9')).toBeNull();
      // An asynchronous callback could interleave with other changes: refused, nothing kept.
      await expect(
        store.change((change) => {
          change.putVersion(version('v8', 'd1', 11));
          return Promise.resolve();
        }),
      ).rejects.toThrow('synchronous');
      expect(store.version('v8')).toBeNull();
      const reopened = await subject.reopen();
      expect(reopened.isLocked('d1')).toBe(false);
      expect(reopened.version('v8')).toBeNull();
    });

    it('[M5] a change whose write fails rejects, and neither memory nor a restart has it', async () => {
      const store = await seeded();
      const u1 = store.participant('u1')!;
      await subject.breakWrites();
      // A revocation that cannot be written must not look done: the token still works.
      await expect(
        store.change((change) => change.putParticipant({ ...u1, tokenHash: null, revokedAt: at })),
      ).rejects.toThrow();
      expect(store.participantByTokenHash('hash-1')?.id).toBe('u1');
      expect(store.participant('u1')?.revokedAt).toBeNull();
      await subject.healWrites();
      // The store keeps working once the disk is back, and the retry is durable.
      await store.change((change) =>
        change.putParticipant({ ...u1, tokenHash: null, revokedAt: at }),
      );
      expect(store.participantByTokenHash('hash-1')).toBeNull();
      const reopened = await subject.reopen();
      expect(reopened.participant('u1')?.revokedAt).toBe(at);
    });

    it('[M6] resolves a document to its meeting and says whether it is locked', async () => {
      const store = await seeded();
      expect(store.resolveDocument('d3')).toEqual({ id: 'd3', meetingId: 'mA' });
      expect(store.resolveDocument('nope')).toBeNull();
      expect(store.isLocked('d3')).toBe(false);
      expect(store.isLocked('nope')).toBe(false);
      const d3 = store.document('d3')!;
      await store.change((change) => change.putDocument({ ...d3, status: 'locked' }));
      expect(store.isLocked('d3')).toBe(true);
      expect((await subject.reopen()).isLocked('d3')).toBe(true);
    });

    it('[M7] records handed out cannot be changed behind the store’s back', async () => {
      const store = await seeded();
      const d1 = store.document('d1')!;
      expect(() => {
        (d1 as DocumentRecord).status = 'locked';
      }).toThrow(TypeError);
      expect(store.isLocked('d1')).toBe(false);
    });

    it('[M8] changes are applied one after another, in the order they were asked', async () => {
      const store = await seeded();
      const d1 = store.document('d1')!;
      await Promise.all(
        ['first', 'second', 'third'].map((title) =>
          store.change((change) => {
            const current = change.document('d1')!;
            change.putDocument({ ...current, title: `${current.title} ${title}` });
          }),
        ),
      );
      expect(store.document('d1')?.title).toBe(`${d1.title} first second third`);
    });
  });
}
