import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, RefusalReason, type Health } from '@accord/shared';
import { encodeAwarenessStates, encodeMessage } from '@accord/shared/wire';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  blockTexts,
  connectClient,
  whenSynced,
  type Client,
} from './support/clients';
import { RawClient } from './support/raw-client';
import { startTestServer, type TestServer } from './support/server';
import { storageSnapshot } from './support/storage';

/**
 * Rows of the hardening table that the room's own tests prove, proved again through the real
 * server: real sockets, a stock provider watching, the log on disk.
 */
describe('hardening rows through the running server', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Client[] = [];
  const raws: RawClient[] = [];

  async function start(options: Parameters<typeof startTestServer>[0] = {}) {
    server = await startTestServer(options);
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair' },
      chile: { role: 'delegate', delegation: 'Chile' },
      peru: { role: 'delegate', delegation: 'Peru' },
    });
  }
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const raw of raws.splice(0)) raw.socket.terminate();
    await server.stop();
  });

  const client = (person: string) => {
    const connected = connectClient(
      server.wsUrl,
      fixture.document.id,
      fixture.people[person]!.token,
    );
    clients.push(connected);
    return connected;
  };
  const raw = async (person: string) => {
    const connected = await RawClient.connect(
      server.wsUrl,
      fixture.document.id,
      fixture.people[person]!.token,
    );
    raws.push(connected);
    return connected;
  };
  const refusalOf = (connected: RawClient) =>
    connected.received.filter((m) => m.type === MessageType.auth).map((m) => m.reason);

  it('[K23] a 1 MB awareness state and 100,000 client ids in one message are refused (4409), reach no one, and the server goes on', async () => {
    await start();
    const watcher = client('peru');
    await whenSynced(watcher);
    const before = await storageSnapshot(server.dataDir);

    const big = await raw('chile');
    await big.sync();
    big.sendAwareness(big.doc.clientID, 1, { user: { name: 'x' }, note: 'x'.repeat(1024 * 1024) });
    expect((await big.closed).code).toBe(CloseCode.refused);
    expect(refusalOf(big)).toContain(RefusalReason.awarenessTooLarge);

    const many = await raw('chile');
    await many.sync();
    const states = Array.from({ length: 100_000 }, (_, i) => ({
      clientId: 5_000_000 + i,
      clock: 1,
      state: {},
    }));
    many.send(encodeMessage({ kind: 'awareness', update: encodeAwarenessStates(states) }));
    expect((await many.closed).code).toBe(CloseCode.refused);
    expect(refusalOf(many)).toContain(RefusalReason.awarenessClients);

    // Nothing of either reached the watcher, nothing was stored, and the room goes on.
    const seen = [...watcher.provider.awareness.getStates().keys()];
    expect(seen.filter((id) => id >= 5_000_000 && id < 5_100_000)).toEqual([]);
    expect(seen).not.toContain(big.doc.clientID);
    expect(await storageSnapshot(server.dataDir)).toEqual(before);
    const writer = client('chile');
    await whenSynced(writer);
    appendOperative(writer.doc, 'op-after', 'Chile goes on drafting.');
    await vi.waitFor(() => expect(blockTexts(watcher.doc)).toContain('Chile goes on drafting.'));
    expect((await api<Health>(server.url, 'GET', '/api/health')).body.ok).toBe(true);
  });

  it('[K24] one delegate filling a document is stopped by its budget (4409 participant_budget); the chair and another delegate can still edit', async () => {
    // A 1 MiB document cap: each delegate may add 128 KiB an hour.
    await start({ maxDocumentBytes: 1024 * 1024 });
    const filler = await raw('chile');
    await filler.sync();
    const own = new Y.Doc();
    Y.applyUpdate(own, Y.encodeStateAsUpdate(filler.doc));
    for (let i = 0; i < 40 && !filler.received.some((m) => m.type === MessageType.auth); i++) {
      const vector = Y.encodeStateVector(own);
      appendOperative(own, `op-fill-${i}`, 'Filler text. '.repeat(800));
      filler.sendSync(2, Y.encodeStateAsUpdate(own, vector));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect((await filler.closed).code).toBe(CloseCode.refused);
    expect(refusalOf(filler)).toContain(RefusalReason.participantBudget);

    const chair = client('chair');
    const peru = client('peru');
    await Promise.all([whenSynced(chair), whenSynced(peru)]);
    appendOperative(chair.doc, 'op-chair', 'The chair still edits.');
    appendOperative(peru.doc, 'op-peru', 'Peru still edits.');
    await vi.waitFor(async () => {
      const text = await documentText(server.url, fixture.document.id, server.admin);
      expect(text).toContain('The chair still edits.');
      expect(text).toContain('Peru still edits.');
    });
    expect(chair.closes).toEqual([]);
    expect(peru.closes).toEqual([]);
  });
});
