import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Health, VersionInfo } from '@accord/shared';
import type { PostgresStorage } from '../../server/src/storage/postgres/storage';
import { startTestServer, type TestServer } from '../integration/support/server';
import { api, documentText, setUpMeeting } from '../integration/support/api';
import {
  appendOperative,
  blockTexts,
  connectClient,
  operativeText,
  type Client,
} from '../integration/support/clients';
import { ADMIN, engines, startPair, type Pair } from './support';

/** Two Accord servers on one PostgreSQL and one Redis, as a secretariat would run them. */

let pair: Pair | null = null;
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await pair?.stop();
  pair = null;
});

/** The PostgreSQL update log underneath a clustered server. */
function storedLog(server: TestServer) {
  return (server.server.context.storage as PostgresStorage).updates;
}

/**
 * A meeting set up on the first process, once the second has heard of it (LISTEN/NOTIFY): a
 * link used there a moment sooner would be refused once, and the provider would come back.
 */
async function meet(
  one: TestServer,
  two: TestServer,
  people: Parameters<typeof setUpMeeting>[2],
): Promise<Awaited<ReturnType<typeof setUpMeeting>>> {
  const fixture = await setUpMeeting(one.url, ADMIN, people);
  for (const person of Object.values(fixture.people)) {
    await expect
      .poll(
        async () =>
          (
            await api(two.url, 'GET', `/api/documents/${fixture.document.id}`, {
              token: person.token,
            })
          ).status,
      )
      .toBe(200);
  }
  return fixture;
}

async function synced(...all: Client[]): Promise<void> {
  await expect
    .poll(() => all.every((client) => client.provider.synced), { timeout: 10_000 })
    .toBe(true);
}

function join(wsUrl: string, documentId: string, token: string): Client {
  const client = connectClient(wsUrl, documentId, token);
  clients.push(client);
  return client;
}

describe('the embedded mode', () => {
  it('[CL6] GET /api/health says the embedded mode and the process', async () => {
    const server = await startTestServer();
    try {
      const health = await api<Health>(server.url, 'GET', '/api/health');
      expect(health.body.mode).toBe('embedded');
      expect(health.body.node).toMatch(/\S/);
    } finally {
      await server.stop();
    }
  });
});

describe.runIf(engines)('two processes, one meeting', () => {
  it('[CL6] GET /api/health says the clustered mode and which process answered', async () => {
    pair = await startPair();
    const one = await api<Health>(pair.one.url, 'GET', '/api/health');
    const two = await api<Health>(pair.two.url, 'GET', '/api/health');
    expect(one.body).toMatchObject({ ok: true, mode: 'cluster', node: 'one' });
    expect(two.body).toMatchObject({ ok: true, mode: 'cluster', node: 'two' });
  });

  it('[CL7] clients on each process converge, and the stored history holds each edit once', async () => {
    pair = await startPair();
    const { one, two } = pair;
    const { document, people } = await meet(one, two, {
      chile: { role: 'delegate', delegation: 'Chile' },
      peru: { role: 'delegate', delegation: 'Peru' },
    });
    const chile = join(one.wsUrl, document.id, people.chile!.token);
    const peru = join(two.wsUrl, document.id, people.peru!.token);
    await synced(chile, peru);
    appendOperative(chile.doc, 'p-chile', 'Chile drafts');
    appendOperative(peru.doc, 'p-peru', 'Peru drafts');
    for (let i = 0; i < 20; i++) {
      operativeText(chile.doc, 'p-chile').insert(0, 'c');
      operativeText(peru.doc, 'p-peru').insert(0, 'p');
    }
    const expected = (doc: Y.Doc) => blockTexts(doc).join('|');
    await expect
      .poll(() => expected(chile.doc) === expected(peru.doc), { timeout: 10_000 })
      .toBe(true);
    expect(expected(chile.doc)).toContain(`${'c'.repeat(20)}Chile drafts`);
    expect(expected(chile.doc)).toContain(`${'p'.repeat(20)}Peru drafts`);
    // Each process answers with the same text, read from its own room.
    await expect
      .poll(
        async () =>
          (await documentText(two.url, document.id, ADMIN)) ===
          (await documentText(one.url, document.id, ADMIN)),
      )
      .toBe(true);
    // The stored history, replayed alone, is the text both clients have: nothing lost, and
    // the seqs run without a gap or a repeat.
    const stored = await storedLog(one).load(document.id);
    const seqs = stored.updates.map((u) => u.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    const replay = new Y.Doc();
    if (stored.checkpoint) Y.applyUpdate(replay, stored.checkpoint);
    for (const update of stored.updates) Y.applyUpdate(replay, update.update);
    expect(expected(replay)).toBe(expected(chile.doc));
  });

  it('[CL8] a version named on one process is listed and exported by the other', async () => {
    pair = await startPair();
    const { one, two } = pair;
    const { document, people } = await meet(one, two, {
      chair: { role: 'chair', delegation: 'OAS' },
    });
    const chair = join(one.wsUrl, document.id, people.chair!.token);
    await synced(chair);
    appendOperative(chair.doc, 'p1', 'Encourage access to credit for small enterprises');
    await expect
      .poll(() => documentText(one.url, document.id, ADMIN))
      .toContain('access to credit');
    const named = await api<VersionInfo>(
      one.url,
      'POST',
      `/api/documents/${document.id}/versions`,
      {
        token: ADMIN,
        json: { label: 'Before the second reading' },
      },
    );
    expect(named.status).toBe(201);
    await expect
      .poll(async () => {
        const listed = await api<VersionInfo[]>(
          two.url,
          'GET',
          `/api/documents/${document.id}/versions`,
          {
            token: ADMIN,
          },
        );
        return listed.body.map((v) => v.label);
      })
      .toContain('Before the second reading');
    const exported = await api<string>(
      two.url,
      'GET',
      `/api/documents/${document.id}/export?format=html&version=${named.body.id}`,
      { token: ADMIN },
    );
    expect(exported.status).toBe(200);
    expect(exported.body).toContain('access to credit for small enterprises');
  });

  it('[CL9] a participant revoked on one process is disconnected on both within a second', async () => {
    pair = await startPair();
    const { one, two } = pair;
    const { meeting, document, people } = await meet(one, two, {
      chile: { role: 'delegate', delegation: 'Chile' },
    });
    const onOne = join(one.wsUrl, document.id, people.chile!.token);
    const onTwo = join(two.wsUrl, document.id, people.chile!.token);
    await synced(onOne, onTwo);
    // Not reconnecting: a revoked link would only be refused again.
    const revokedAt = Date.now();
    const answer = await api(
      two.url,
      'DELETE',
      `/api/meetings/${meeting.id}/participants/${people.chile!.id}`,
      { token: ADMIN },
    );
    expect(answer.status).toBe(204);
    await expect
      .poll(() => [onOne.closes[0], onTwo.closes[0]], { timeout: 1_000, interval: 20 })
      .toEqual([4401, 4401]);
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
  });

  it('[CL10] a lock made on one process refuses edits on both', async () => {
    pair = await startPair();
    const { one, two } = pair;
    const { document, people } = await meet(one, two, {
      chair: { role: 'chair', delegation: 'OAS' },
      peru: { role: 'delegate', delegation: 'Peru' },
    });
    const chair = join(one.wsUrl, document.id, people.chair!.token);
    const peru = join(two.wsUrl, document.id, people.peru!.token);
    await synced(chair, peru);
    appendOperative(peru.doc, 'p1', 'Adopted text');
    await expect.poll(() => blockTexts(chair.doc).join('|')).toContain('Adopted text');
    const locked = await api(one.url, 'POST', `/api/documents/${document.id}/lock`, {
      token: people.chair!.token,
    });
    expect(locked.status).toBe(200);
    const before = await documentText(two.url, document.id, ADMIN);
    // An edit on the other process, after the lock, is refused there.
    operativeText(peru.doc, 'p1').insert(0, 'Late ');
    await expect.poll(() => peru.closes).toContain(4409);
    // And one on the locking process too.
    operativeText(chair.doc, 'p1').insert(0, 'Chair ');
    await expect.poll(() => chair.closes).toContain(4409);
    expect(await documentText(two.url, document.id, ADMIN)).toBe(before);
    expect(await documentText(one.url, document.id, ADMIN)).toBe(before);
  });

  it('[CL11] a lock and an edit on two processes at the same moment: the edit is in the locked text or refused', async () => {
    pair = await startPair();
    const { one, two } = pair;
    const { document, people } = await meet(one, two, {
      chair: { role: 'chair', delegation: 'OAS' },
      peru: { role: 'delegate', delegation: 'Peru' },
    });
    for (let round = 0; round < 3; round++) {
      const peru = join(two.wsUrl, document.id, people.peru!.token);
      await synced(peru);
      if (round === 0) {
        // The paragraph every round types into is stored before the first lock can refuse it.
        appendOperative(peru.doc, 'p1', 'Text');
        await expect.poll(() => documentText(two.url, document.id, ADMIN)).toContain('Text');
      }
      // Peru types without pause while the chair locks on the other process.
      let typing = true;
      const typed = (async () => {
        while (typing && !peru.closes.includes(4409)) {
          operativeText(peru.doc, 'p1').insert(0, `${round}`);
          await new Promise((r) => setImmediate(r));
        }
      })();
      const locked = await api(one.url, 'POST', `/api/documents/${document.id}/lock`, {
        token: people.chair!.token,
      });
      expect(locked.status).toBe(200);
      typing = false;
      await typed;
      const versions = await api<VersionInfo[]>(
        one.url,
        'GET',
        `/api/documents/${document.id}/versions`,
        {
          token: ADMIN,
        },
      );
      const lockVersion = versions.body.filter((v) => v.label?.includes('ock')).at(-1)!;
      const lockedText = await documentText(one.url, document.id, ADMIN, lockVersion.id);
      // Whatever was stored before the lock is in the locked text; nothing stored after it.
      await expect.poll(() => documentText(two.url, document.id, ADMIN)).toBe(lockedText);
      expect(await documentText(one.url, document.id, ADMIN)).toBe(lockedText);
      peru.destroy();
      const unlocked = await api(one.url, 'POST', `/api/documents/${document.id}/unlock`, {
        token: people.chair!.token,
      });
      expect(unlocked.status).toBe(200);
    }
  });

  it('[CL12] carets and presence cross processes', async () => {
    pair = await startPair();
    const { one, two } = pair;
    const { document, people } = await meet(one, two, {
      chile: { role: 'delegate', delegation: 'Chile' },
      peru: { role: 'delegate', delegation: 'Peru' },
    });
    const chile = join(one.wsUrl, document.id, people.chile!.token);
    const peru = join(two.wsUrl, document.id, people.peru!.token);
    await synced(chile, peru);
    chile.provider.awareness.setLocalStateField('user', { name: 'Chile', delegation: 'Chile' });
    await expect
      .poll(
        () =>
          [...peru.provider.awareness.getStates().values()].some(
            (state) => (state as { user?: { delegation?: string } }).user?.delegation === 'Chile',
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
  });

  it('[CL13] an update whose message never came is read from PostgreSQL at the next one', async () => {
    pair = await startPair();
    const { one, two } = pair;
    const { document, people } = await meet(one, two, {
      chile: { role: 'delegate', delegation: 'Chile' },
      peru: { role: 'delegate', delegation: 'Peru' },
    });
    const chile = join(one.wsUrl, document.id, people.chile!.token);
    const peru = join(two.wsUrl, document.id, people.peru!.token);
    await synced(chile, peru);
    // An update stored without its message (as if Redis had dropped it): made on a copy of
    // Chile's document, so that it builds on what the rooms have.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(chile.doc));
    const before = Y.encodeStateVector(copy);
    appendOperative(copy, 'p-lost', 'Stored, never announced');
    const lost = Y.encodeStateAsUpdate(copy, before);
    await storedLog(one).appendNext(document.id, [
      { kind: 'bind', clientId: copy.clientID, author: people.chile!.id },
      {
        kind: 'update',
        seq: 0,
        at: Date.now(),
        author: people.chile!.id,
        update: lost,
      },
    ]);
    // The next edit's message shows the gap; the process reads what it lacks and relays it.
    appendOperative(chile.doc, 'p-next', 'Announced');
    await expect
      .poll(() => blockTexts(peru.doc).join('|'), { timeout: 5_000 })
      .toContain('Stored, never announced');
    expect(blockTexts(peru.doc).join('|')).toContain('Announced');
  });
});
