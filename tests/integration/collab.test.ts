import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  MessageType,
  SERVER_AWARENESS_CLIENT,
  type AwarenessUser,
  type ServerAnnouncement,
} from '@accord/shared';
import { setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  plain,
  blockTexts,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { RawClient, type Received } from './support/raw-client';
import { startTestServer, type TestServer } from './support/server';

describe('relay: co-editing through the server', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Client[] = [];
  const connect = (who: string) => {
    const client = connectClient(server.wsUrl, fixture.document.id, fixture.people[who]!.token);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chile: { role: 'delegate', delegation: 'Chile', name: 'Ana Rojas' },
      belize: { role: 'delegate', delegation: 'Belize', name: 'Mark Young' },
      peru: { role: 'observer', delegation: 'Peru', name: 'Luis Soto' },
    });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  it('[R1] two delegations editing one paragraph at once converge, and a late joiner gets it all', async () => {
    const chile = connect('chile');
    const belize = connect('belize');
    await Promise.all([whenSynced(chile), whenSynced(belize)]);
    // The template's text arrived from the server.
    expect(blockTexts(chile.doc).join('\n')).toContain('RESOLVES');

    appendOperative(chile.doc, 'op-shared', 'To urge member states to support MSMEs;');
    await vi.waitFor(() =>
      expect(blockTexts(belize.doc)).toContain('To urge member states to support MSMEs;'),
    );

    // Both type into the same paragraph in the same instant, without seeing each other first.
    operativeText(chile.doc, 'op-shared').insert(8, 'all ');
    operativeText(belize.doc, 'op-shared').insert(38, ' and cooperatives');
    operativeText(chile.doc, 'op-shared').delete(0, 3);

    await vi.waitFor(() => {
      expect(plain(operativeText(chile.doc, 'op-shared'))).toBe(
        plain(operativeText(belize.doc, 'op-shared')),
      );
      expect(plain(operativeText(belize.doc, 'op-shared'))).toContain('cooperatives');
      expect(plain(operativeText(belize.doc, 'op-shared'))).toContain('all member');
    });
    expect(plain(operativeText(chile.doc, 'op-shared'))).toBe(
      'urge all member states to support MSMEs and cooperatives;',
    );

    const late = connect('peru');
    await whenSynced(late);
    await vi.waitFor(() => expect(blockTexts(late.doc)).toEqual(blockTexts(chile.doc)));
    expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(chile.doc));
  });

  it('[R2] awareness shows each connection as the server knows it, whatever the client claims', async () => {
    const chile = connect('chile');
    const belize = connect('belize');
    await Promise.all([whenSynced(chile), whenSynced(belize)]);
    chile.provider.awareness.setLocalStateField('user', { name: 'The Chair', delegation: 'USA' });
    chile.provider.awareness.setLocalStateField('cursor', null);

    await vi.waitFor(() => {
      const seen = belize.provider.awareness.getStates().get(chile.doc.clientID) as
        | { user?: AwarenessUser }
        | undefined;
      expect(seen?.user).toMatchObject({
        name: 'Ana Rojas',
        delegation: 'Chile',
        role: 'delegate',
      });
      expect(seen?.user?.color).toMatch(/^#[0-9a-f]{6}$/);
    });

    // Leaving removes the state for the others.
    chile.provider.disconnect();
    await vi.waitFor(() =>
      expect(belize.provider.awareness.getStates().has(chile.doc.clientID)).toBe(false),
    );
  });

  it('[R3] the health check counts rooms and connections; an empty room is unloaded', async () => {
    const chile = connect('chile');
    await whenSynced(chile);
    const health = async () =>
      (await (await fetch(`${server.url}/api/health`)).json()) as {
        rooms: number;
        connections: number;
      };
    expect(await health()).toMatchObject({ ok: true, rooms: 1, connections: 1 });
    chile.provider.disconnect();
    await vi.waitFor(async () =>
      expect(await health()).toMatchObject({ rooms: 0, connections: 0 }),
    );
    // Reopening loads it again from storage, whole.
    chile.provider.connect();
    await vi.waitFor(() => expect(chile.provider.synced).toBe(true));
    expect(await health()).toMatchObject({ rooms: 1, connections: 1 });
  });

  it('[R4] a lock is announced to every connected client at once, through awareness', async () => {
    const chile = connect('chile');
    const belize = connect('belize');
    await Promise.all([whenSynced(chile), whenSynced(belize)]);
    const announced = (client: Client) =>
      (
        client.provider.awareness.getStates().get(SERVER_AWARENESS_CLIENT) as
          | ServerAnnouncement
          | undefined
      )?.document.status;
    await vi.waitFor(() => expect(announced(chile)).toBe('drafting'));
    const locked = await fetch(`${server.url}/api/documents/${fixture.document.id}/lock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.admin}` },
    });
    expect(locked.status).toBe(200);
    await vi.waitFor(() => {
      expect(announced(chile)).toBe('locked');
      expect(announced(belize)).toBe('locked');
    });
    // Stock providers send the announcement back; that echo is not a forgery.
    expect(chile.closes).toEqual([]);
    expect(belize.closes).toEqual([]);
  });

  it('[R5] a device joining after edits is asked only for what the server lacks: the greeting holds the current state', async () => {
    const chile = connect('chile');
    await whenSynced(chile);
    // A first joiner is greeted (the greeting is reused while nothing changes) …
    const first = await RawClient.connect(
      server.wsUrl,
      fixture.document.id,
      fixture.people.belize!.token,
    );
    await vi.waitFor(() => expect(first.received.some((m) => m.step === 0)).toBe(true));
    // … then the document changes, and the next joiner's greeting must say so.
    appendOperative(chile.doc, 'op-late', 'To promote digital payments for MSMEs;');
    // Relayed to the first joiner: the server has it.
    await vi.waitFor(() => expect(first.received.some((m) => m.step === 2)).toBe(true));
    const late = await RawClient.connect(
      server.wsUrl,
      fixture.document.id,
      fixture.people.peru!.token,
    );
    await vi.waitFor(() => expect(late.received.some((m) => m.step === 0)).toBe(true));
    const greeting = late.received.find((m) => m.step === 0)!.payload!;
    expect(Y.decodeStateVector(greeting)).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(chile.doc)),
    );
    first.socket.close();
    late.socket.close();
  });

  it('[R6] a delegate typing gets nothing back for its own keystroke and caret; the others get both', async () => {
    const documentId = fixture.document.id;
    const chile = await RawClient.connect(server.wsUrl, documentId, fixture.people.chile!.token);
    const belize = await RawClient.connect(server.wsUrl, documentId, fixture.people.belize!.token);
    await Promise.all([chile.sync(), belize.sync()]);
    // Both present, and each has seen the other.
    chile.sendAwareness(chile.doc.clientID, 1, { cursor: null });
    belize.sendAwareness(belize.doc.clientID, 1, { cursor: null });
    await chile.until((m) => awarenessClients(m).includes(belize.doc.clientID));
    await belize.until((m) => awarenessClients(m).includes(chile.doc.clientID));
    const before = chile.received.length;

    // A keystroke, then the caret it moved, as the editor sends them.
    const known = Y.encodeStateVector(chile.doc);
    appendOperative(chile.doc, 'op-typed', 'To foster MSME export consortia;');
    chile.sendSync(2, Y.encodeStateAsUpdate(chile.doc, known));
    chile.sendAwareness(chile.doc.clientID, 2, { cursor: { anchor: 3, head: 3 } });

    await belize.until((m) => m.type === MessageType.sync && m.step === 2);
    await belize.until((m) => awarenessClients(m, 2).includes(chile.doc.clientID));
    // Belize answers with a caret of its own, sent only now that it has Chile's: the server
    // sends in order on each socket, so any echo of Chile's own keystroke or caret would reach
    // Chile before this marker does.
    belize.sendAwareness(belize.doc.clientID, 2, { cursor: { anchor: 1, head: 1 } });
    await chile.until((m) => awarenessClients(m, 2).includes(belize.doc.clientID));
    const since = chile.received.slice(before);
    expect(since).toHaveLength(1);
    expect(awarenessClients(since[0]!)).toEqual([belize.doc.clientID]);
    chile.close();
    belize.close();
  });

  it('[R7] devices joining with nothing each get the whole document, however it changed between their joins', async () => {
    const documentId = fixture.document.id;
    const chile = connect('chile');
    await whenSynced(chile);
    const devices: RawClient[] = [];
    const join = async () => {
      const device = await RawClient.connect(server.wsUrl, documentId, fixture.people.peru!.token);
      devices.push(device);
      await device.sync();
      return device;
    };
    // The server holds Chile's text once a second delegation's device has received it.
    const witness = await RawClient.connect(server.wsUrl, documentId, fixture.people.belize!.token);
    devices.push(witness);
    await witness.sync();
    const held = () =>
      vi.waitFor(() => expect(blockTexts(witness.doc)).toEqual(blockTexts(chile.doc)));
    // A device joining now must get exactly that text from its answer alone (nothing else is
    // relayed after it joins): one join each time, never retried until one happens to match.
    const joinAndCompare = async () => {
      await held();
      const device = await join();
      await vi.waitFor(() => expect(blockTexts(device.doc)).toEqual(blockTexts(chile.doc)));
    };

    try {
      appendOperative(chile.doc, 'op-a', 'To simplify the registration of MSMEs;');
      await joinAndCompare();
      // A later joiner also gets what changed after the first one joined …
      appendOperative(chile.doc, 'op-b', 'To promote access to credit;');
      operativeText(chile.doc, 'op-a').insert(0, 'Resolves ');
      await joinAndCompare();
      // … and after more changes than are worth sending on top of an old copy, a fresh one.
      const long = operativeText(chile.doc, 'op-b');
      const clause = ' and credit lines for women-led MSMEs'.repeat(60);
      for (let i = 0; i < 40; i++) long.insert(long.length, `${clause} (${i})`);
      await joinAndCompare();
    } finally {
      for (const device of devices) device.close();
    }
  });

  it('[R8] a caret sent just before its device leaves is never left behind on other screens', async () => {
    const documentId = fixture.document.id;
    const chile = await RawClient.connect(server.wsUrl, documentId, fixture.people.chile!.token);
    const belize = await RawClient.connect(server.wsUrl, documentId, fixture.people.belize!.token);
    const peru = await RawClient.connect(server.wsUrl, documentId, fixture.people.peru!.token);
    await Promise.all([chile.sync(), belize.sync(), peru.sync()]);

    // Chile's laptop announces its caret and drops off in the same instant.
    chile.sendAwareness(chile.doc.clientID, 1, { cursor: { anchor: 1, head: 1 } });
    chile.close();
    // Peru's caret comes after Chile's: once Belize has it, Chile's would have come too.
    await vi.waitFor(async () => {
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
        connections: number;
      };
      expect(health.connections).toBe(2);
    });
    peru.sendAwareness(peru.doc.clientID, 1, { cursor: null });
    await belize.until((m) => awarenessClients(m).includes(peru.doc.clientID));

    expect(awarenessView(belize.received).has(chile.doc.clientID)).toBe(false);
    belize.close();
    peru.close();
  });

  it('[R9] a crowd of devices rejoining with nothing while a delegate types all end with every word', async () => {
    const documentId = fixture.document.id;
    const chile = connect('chile');
    await whenSynced(chile);
    const paragraph = () => operativeText(chile.doc, 'op-storm');
    // A long text: joiners are sent its last encoding plus the words typed since, merged.
    const preamble = 'To support MSMEs through credit, training and simpler registration; '.repeat(
      1500,
    );
    appendOperative(chile.doc, 'op-storm', preamble);
    // Chile keeps typing, a word every few milliseconds, while the hall's Wi-Fi comes back.
    let typing = true;
    let words = 0;
    const typist = (async () => {
      while (typing || words < 60) {
        paragraph().insert(paragraph().length, ` w${words++}`);
        // The typist's rhythm, not a wait for anything: words keep coming while devices join.
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    })();
    const crowd: RawClient[] = [];
    try {
      // Waves of devices with nothing in them (browsers whose offline copy was cleared), each
      // joining while words typed since the last wave are on their way.
      for (const who of ['peru', 'peru', 'belize', 'belize']) {
        const wave = await Promise.all(
          Array.from({ length: 6 }, () =>
            RawClient.connect(server.wsUrl, documentId, fixture.people[who]!.token),
          ),
        );
        crowd.push(...wave);
        await Promise.all(wave.map((device) => device.sync()));
      }
      typing = false;
      await typist;
      const expected = blockTexts(chile.doc);
      expect(expected.join(' ')).toContain(`w${words - 1}`);
      for (const device of crowd) {
        await vi.waitFor(() => expect(blockTexts(device.doc)).toEqual(expected), { timeout: 5000 });
      }
    } finally {
      typing = false;
      for (const device of crowd) device.close();
    }
  });
});

/** The client ids in an awareness message (with at least `clock`), or none for other messages. */
function awarenessClients(message: Received, clock = 0): number[] {
  if (message.type !== MessageType.awareness || !message.payload) return [];
  const decoder = decoding.createDecoder(message.payload);
  const ids: number[] = [];
  for (let count = decoding.readVarUint(decoder); count > 0; count--) {
    const clientId = decoding.readVarUint(decoder);
    const at = decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
    if (at >= clock) ids.push(clientId);
  }
  return ids;
}

/** The awareness states a client holds after `messages`, as y-protocols would fold them. */
function awarenessView(messages: Received[]): Map<number, unknown> {
  const view = new Map<number, { clock: number; state: unknown }>();
  for (const message of messages) {
    if (message.type !== MessageType.awareness || !message.payload) continue;
    const decoder = decoding.createDecoder(message.payload);
    for (let count = decoding.readVarUint(decoder); count > 0; count--) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      const known = view.get(clientId);
      if (known && known.clock > clock) continue;
      view.set(clientId, { clock, state });
    }
  }
  return new Map(
    [...view].filter(([, entry]) => entry.state !== null).map(([id, e]) => [id, e.state]),
  );
}
