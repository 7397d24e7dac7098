import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, RefusalReason } from '@accord/shared';
import { documentText, setUpMeeting } from './support/api';
import {
  appendOperative,
  blockTexts,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { RawClient } from './support/raw-client';
import { rawWebSocket, frameHeader, closeCode } from './support/raw-socket';
import { startTestServer, type TestServer } from './support/server';

const MiB = 1024 * 1024;

/**
 * A document larger than the old 16 MiB message limit and the old 32 MiB send buffer: its
 * chair's catch-up (one sync step 2) and a joiner's sync answer each travel in one message.
 * Before, the one was closed with 1009 and the other dropped after its sync answer, on every
 * reconnect, for ever.
 */
describe('a large document over the relay', () => {
  let server: TestServer | null = null;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.stop();
    server = null;
  });

  it('[N21] the chair reconnecting with 34 MiB the server lacks syncs, and a delegate joining gets the whole document', async () => {
    server = await startTestServer();
    const fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair' },
      chile: { role: 'delegate', delegation: 'Chile' },
    });
    const connect = (person: string, options: { connect?: boolean } = {}) => {
      const client = connectClient(
        server!.wsUrl,
        fixture.document.id,
        fixture.people[person]!.token,
        options,
      );
      clients.push(client);
      return client;
    };
    // The chair's text, written while offline: what the server lacks is one 34 MiB update.
    const chair = connect('chair', { connect: false });
    const long = 'The Ministers recommend support for small enterprises. '.repeat(
      Math.ceil((34 * MiB) / 55),
    );
    appendOperative(chair.doc, 'op-long', long);
    expect(Y.encodeStateAsUpdate(chair.doc).length).toBeGreaterThan(34 * MiB);
    chair.provider.connect();
    await whenSynced(chair);

    const chile = connect('chile');
    await vi.waitFor(() => expect(operativeText(chile.doc, 'op-long').length).toBe(long.length), {
      timeout: 30_000,
    });
    // Both stay connected and go on editing together.
    appendOperative(chile.doc, 'op-after', 'Chile agrees.');
    await vi.waitFor(() => expect(blockTexts(chair.doc)).toContain('Chile agrees.'));
    expect(chair.closes).toEqual([]);
    expect(chile.closes).toEqual([]);
    const stored = await documentText(server.url, fixture.document.id, fixture.people.chile!.token);
    expect(stored).toContain('Chile agrees.');
    expect(stored.length).toBeGreaterThan(34 * MiB);
  }, 120_000);

  it('[N22] a delegate’s message is bounded by what its budget lets it add: past it, 1009 as the header arrives; within it, past the budget, a final 4409', async () => {
    server = await startTestServer({ maxDocumentBytes: 8 * MiB });
    const fixture = await setUpMeeting(server.url, server.admin, {
      chile: { role: 'delegate', delegation: 'Chile' },
    });
    const path = `/collab/${fixture.document.id}?token=${fixture.people.chile!.token}`;
    // The budget is an eighth of the document cap (1 MiB) and its framing: 2 MiB in all.
    const { socket, received } = await rawWebSocket(server.server.port, path);
    socket.write(Buffer.concat([frameHeader(2 * MiB + 1), Buffer.alloc(1024)]));
    expect(closeCode(await received)).toBe(CloseCode.tooLarge);

    // 1.5 MiB fits in a message but not in the budget: refused with a reason the client shows.
    const raw = await RawClient.connect(
      server.wsUrl,
      fixture.document.id,
      fixture.people.chile!.token,
    );
    await raw.sync();
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(raw.doc));
    appendOperative(offline, 'op-big', 'x'.repeat(1.5 * MiB));
    raw.sendSync(2, Y.encodeStateAsUpdate(offline, Y.encodeStateVector(raw.doc)));
    expect((await raw.closed).code).toBe(CloseCode.refused);
    expect(raw.received.map((m) => m.reason)).toContain(RefusalReason.participantBudget);
    raw.socket.terminate();
  }, 60_000);
});
